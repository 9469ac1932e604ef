"""The article-level events scorer (wikinews_dev.jsonl): the planners' matching rule."""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate import score_events

TEXT = "Smith met Jones on Tuesday. Later he met Brown."


def gold_event(**fields: Any) -> dict[str, Any]:
    event = {
        "type": "CONSULT",
        "trigger": "met",
        "trigger_start": 6,
        "trigger_end": 9,
        "sentence_start": 0,
        "source": [{"text": "Smith", "start": 0, "end": 5, "entity": "Anna Smith"}],
        "target": [{"text": "Jones", "start": 10, "end": 15, "entity": "Bo Jones"}],
        "date": "2021-05-25",
        "status": "happened",
    }
    return {**event, **fields}


def predicted(start: int, name: str, **fields: Any) -> dict[str, Any]:
    actor = {"name": name, "entity": None, "start": 0, "end": 5}
    event = {"type": "CONSULT", "start": start, "end": start + 3, "source": [actor]}
    return {"target": [], "status": "happened", "date": None, **event, **fields}


def scores(events: list[dict[str, Any]]) -> dict[str, float]:
    gold = [{"id": "a", "text": TEXT, "events": [gold_event()]}]
    mine = [{"article": {"id": "a"}, "events": events, "sentences": [[0, 27], [28, 47]]}]
    return score_events(gold, mine)


def test_a_match_needs_type_sentence_and_one_same_entity() -> None:
    assert scores([predicted(6, "Jones", date="2021-05-25")])["precision"] == 1.0
    assert scores([predicted(6, "Jones", type="ACCUSE")])["matched"] == 0.0
    assert scores([predicted(37, "Jones")])["matched"] == 0.0  # the next sentence's "met"
    assert scores([predicted(6, "Mary Jones")])["matched"] == 0.0  # another person


def test_matching_is_one_to_one_and_scores_date_and_status() -> None:
    result = scores([predicted(6, "Smith", date="2021-05-25"), predicted(6, "Jones")])
    assert (result["matched"], result["precision"], result["recall"]) == (1.0, 0.5, 1.0)
    assert result["date_accuracy"] == 1.0
    assert scores([predicted(6, "Smith", status="planned")])["status_accuracy"] == 0.0
    assert scores([predicted(6, "Smith", date="2021-05-01/2021-05-31")])["date_accuracy"] == 0.0
