"""Accuracy floors of events (PLOVER dev) and figures (the reference gold), and the scorers."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import score_events, score_figures

EPSILON = 0.005  # model noise between spaCy builds


@pytest.mark.slow
@pytest.mark.xdist_group("plover_dev")
def test_plover_dev_meets_the_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores("plover_dev.jsonl", "events")
    assert scores["type_accuracy"] >= floors["events.type_accuracy"] - EPSILON
    assert scores["actor_f1"] >= floors["events.actor_f1"] - EPSILON


@pytest.mark.slow
@pytest.mark.xdist_group("wikinews_dev")
def test_wikinews_dev_events_meet_the_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores("wikinews_dev.jsonl", "events")
    for key in ("precision", "recall", "consult_precision", "date_accuracy", "status_accuracy"):
        assert scores[key] >= floors[f"events.wikinews_{key}"] - EPSILON, key


def gold_row(events):  # type: ignore[no-untyped-def]
    return {"id": "a", "text": "Rebels agreed to free the hostages.", "events": events}


def test_events_scorer_aligns_on_the_first_gold_trigger_word() -> None:
    gold = [
        {
            "type": "AGREE",
            "trigger_text": "agreed free",
            "source": [{"text": "Rebels", "start": 0, "end": 6}],
            "target": [{"text": "hostages", "start": 26, "end": 34}],
        }
    ]
    predicted = {
        "article": {"id": "a"},
        "events": [
            {"type": "CONCEDE", "start": 17, "end": 21, "source": [], "target": []},
            {
                "type": "AGREE",
                "start": 7,
                "end": 13,
                "source": [{"start": 0, "end": 6}],
                "target": [{"start": 22, "end": 34}],  # "the hostages" overlaps "hostages"
            },
        ],
    }
    scores = score_events([gold_row(gold)], [predicted])
    assert scores["type_accuracy"] == 1.0
    assert scores["actor_f1"] == 1.0


def test_events_scorer_counts_a_missing_event_as_wrong() -> None:
    gold = [{"type": "AGREE", "trigger_text": "agreed", "source": [], "target": []}]
    scores = score_events([gold_row(gold)], [{"article": {"id": "a"}, "events": []}])
    assert scores["type_accuracy"] == 0.0


def test_figures_scorer_needs_value_hedge_and_source() -> None:
    gold = {
        "id": "a",
        "text": "About 40 died, police said.",
        "figures": [{"start": 0, "end": 8, "value": 40, "hedge": "about", "source": "police"}],
    }
    right = {"start": 0, "end": 8, "value": 40.0, "hedge": "about", "source": {"name": "Police"}}
    wrong = {**right, "hedge": None}
    assert score_figures([gold], [{"article": {"id": "a"}, "figures": [right]}])["correct"] == 1.0
    assert score_figures([gold], [{"article": {"id": "a"}, "figures": [wrong]}])["correct"] == 0.0


def test_eval_events_command_prints_json_scores(shared) -> None:  # type: ignore[no-untyped-def]
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parent.parent / "src"
    gold = shared / "data" / "plover_dev.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "eval",
            "events",
            "--gold",
            str(gold),
            "--limit",
            "5",
            "--json",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(src)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["events"] == 5.0
    assert 0.0 <= scores["type_accuracy"] <= 1.0
