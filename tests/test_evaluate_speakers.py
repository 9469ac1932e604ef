"""Scoring identity: resolved-speaker accuracy in `eval quotes`, B-cubed in `eval speakers`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import evaluate, evaluate_tasks, score_quotes, score_speakers
from newsgraph.evaluate_identity import b_cubed, quotes_with_stored_entities, same_referent

EPSILON = 0.005  # floors are met "less a noise epsilon"
WIKINEWS = "wikinews_dev.jsonl"


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Donald Trump", "Donald Trump", True),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", True),
        ("The New York Times", "New York Times", True),
        ("Katya (pseudonymous protester)", "Katya", True),
        ("Bernie Sanders", "Sanders", True),
        ("Gloria La Riva", "La Riva", True),
        ("Robert Downey Jr.", "Downey", True),
        ("Mohammad bin Salman", "Crown Prince Mohammad bin Salman", True),
        ("World Health Organization", "WHO", True),
        ("police", "Police", True),
        ("Donald Trump", "Melania Trump", False),
        ("Donald Trump", "Lady Melania Trump", False),
        ("Joe Biden", "Hunter Biden", False),
        ("Donald Trump", "Trump - Biden", False),
        ("Antoine Quirin and Nicolas Redouane", "Nicolas Redouane", False),
        ("protesters interviewed by Wikinews", "Wikinews", False),
        ("Tony Mendez's publicist", "Tony Mendez", False),
        ("United Nations", "UNESCO", False),
        ("Donald Trump", None, False),
        ("John Bolton", "John R. Bolton", True),
        ("an unnamed MP", None, True),
        ("Tony Mendez's publicist", None, True),
        ("Antoine Quirin and Nicolas Redouane", None, False),
        ("the CIA and other intelligence agencies", None, False),
    ],
    ids=[
        "equal",
        "accents",
        "leading-the",
        "brackets",
        "surname",
        "two-word-surname",
        "suffix-jr",
        "title-in-front",
        "acronym",
        "description-equal",
        "same-surname-other-person",
        "other-person-with-title",
        "relative",
        "fragment",
        "one-of-a-group",
        "in-a-description",
        "the-client-not-the-publicist",
        "other-acronym",
        "no-name",
        "middle-initial",
        "unnamed-and-no-name",
        "unnamed-with-a-named-client",
        "named-pair-and-no-name",
        "named-member-and-no-name",
    ],
)
def test_a_resolved_name_is_the_gold_entity_only_when_it_names_that_referent(
    gold: str, predicted: str | None, same: bool
) -> None:
    assert same_referent(gold, predicted) is same


def test_b_cubed_on_a_small_clustering_computed_by_hand() -> None:
    # gold A = {1, 2, 3}, B = {4, 5}; predicted X = {1, 2, 3, 4}, Y = {5}
    # precision: items 1-3 have 3/4 of X in A, item 4 1/4 in B, item 5 1/1: (3 * 3/4 + 1/4 + 1) / 5
    # recall: items 1-3 find 3/3 of A in X, item 4 1/2 of B, item 5 1/2: (3 + 1/2 + 1/2) / 5
    items = [("X", "A"), ("X", "A"), ("X", "A"), ("X", "B"), ("Y", "B")]
    precision, recall, f1 = b_cubed(items)
    assert precision == pytest.approx(0.7)
    assert recall == pytest.approx(0.8)
    assert f1 == pytest.approx(2 * 0.7 * 0.8 / 1.5)  # 56/75


def test_b_cubed_is_perfect_for_the_gold_clustering_and_zero_without_items() -> None:
    assert b_cubed([("x", "a"), ("x", "a"), ("y", "b")]) == (1.0, 1.0, 1.0)
    assert b_cubed([]) == (0.0, 0.0, 0.0)


def _quote(start: int, end: int, **fields: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "kind": "direct", **fields}


def test_resolved_accuracy_counts_matched_quotes_whose_gold_names_an_entity_or_nobody() -> None:
    gold = [
        {
            "id": "a",
            "quotes": [
                _quote(0, 50, speaker_entity="Donald Trump"),
                _quote(100, 150, speaker_entity="Joe Biden"),
                _quote(200, 250, speaker_entity=None),  # agentless: not scored
                _quote(300, 350, speaker_entity="Nancy Pelosi"),  # not found: not scored
                _quote(400, 450, speaker_entity="an unnamed aide"),  # nobody named: right
            ],
        }
    ]
    predicted = [
        {
            "article": {"id": "a"},
            "quotes": [
                _quote(0, 50, speaker="Trump"),
                _quote(100, 150, speaker="Hunter Biden"),
                _quote(200, 250, speaker=None),
                _quote(400, 450, speaker=None),
            ],
        }
    ]
    scores = score_quotes(gold, predicted)
    assert scores["resolved_accuracy"] == pytest.approx(2 / 3)
    assert scores["resolved_quotes"] == 3
    assert scores["resolved_named_accuracy"] == 0.5
    assert scores["resolved_named_quotes"] == 2


def test_gold_without_resolved_speakers_gets_no_resolved_accuracy() -> None:
    gold = [{"id": "a", "quotes": [_quote(0, 50)]}]
    predicted = [{"article": {"id": "a"}, "quotes": [_quote(0, 50, speaker="Clinton")]}]
    assert not any(key.endswith("resolved_accuracy") for key in score_quotes(gold, predicted))


def test_speaker_clusters_span_articles_and_a_quote_without_an_entity_stands_alone() -> None:
    gold = [
        {"id": "a", "quotes": [_quote(0, 50, speaker_entity="Joe Biden")]},
        {
            "id": "b",
            "quotes": [
                _quote(0, 50, speaker_entity="Joe Biden"),
                _quote(100, 150, speaker_entity="Joe Biden"),
                _quote(200, 250, speaker_entity=None),  # no gold entity: not an item
            ],
        },
    ]
    predicted = [
        {"article": {"id": "a"}, "quotes": [_quote(0, 50, speaker_entity="E1")]},
        {
            "article": {"id": "b"},
            "quotes": [
                _quote(0, 50, speaker_entity="E1"),
                _quote(100, 150, speaker_entity=None),
                _quote(200, 250, speaker_entity="E1"),
            ],
        },
    ]
    scores = score_speakers(gold, predicted)
    # clusters {a0, b0} and {b1} against {a0, b0, b1}: precision 1, recall (2/3 + 2/3 + 1/3) / 3
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx(5 / 9)
    assert scores["quotes"] == 3 and scores["entities"] == 1


def test_stored_quotes_take_the_merged_entity_of_their_article_local_speaker() -> None:
    article_entities = [
        {"article_hash": "h1", "id": "e0", "entity_id": "E-biden"},
        {"article_hash": "h2", "id": "e0", "entity_id": "E-trump"},
        {"article_hash": "h2", "id": "e1", "entity_id": "E-biden"},
    ]
    stored = {"kind": "direct", "speaker": "Biden", "duplicate_of": None, "pieces": "[]"}
    stored |= {"speaker_entities": "[]"}
    quotes = [
        {**stored, "article_hash": "h1", "article_id": "a", "id": "q0", "start": 0, "end": 9}
        | {"speaker_entity": "e0"},
        {**stored, "article_hash": "h2", "article_id": "b", "id": "q0", "start": 0, "end": 9}
        | {"speaker_entity": "e1"},
        {**stored, "article_hash": "h2", "article_id": "b", "id": "q1", "start": 20, "end": 29}
        | {"speaker_entity": None},
        {**stored, "article_hash": "h2", "article_id": "b", "id": "q2", "start": 40, "end": 49}
        | {"speaker_entity": None, "speaker_entities": '["e1", "e0"]'},  # a group: both
    ]
    rows = quotes_with_stored_entities(article_entities, quotes)
    found = {row["article"]["id"]: [q["speaker_entity"] for q in row["quotes"]] for row in rows}
    assert found == {"a": ["E-biden"], "b": ["E-biden", None, "E-biden+E-trump"]}


def test_speakers_refuses_a_predictions_file(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="--predictions"):
        evaluate("speakers", tmp_path / "gold.jsonl", predictions=tmp_path / "mine.jsonl")


@pytest.mark.slow
@pytest.mark.xdist_group("wikinews_dev")
def test_resolved_speaker_accuracy_on_wikinews_dev_meets_the_floor(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores(WIKINEWS, "quotes")
    floor = floors["speakers.wikinews.resolved_accuracy"]
    assert scores["resolved_accuracy"] >= floor - EPSILON, f"{scores['resolved_accuracy']:.3f}"


@pytest.mark.slow
@pytest.mark.xdist_group("wikinews_dev")
def test_speaker_clustering_across_wikinews_dev_meets_the_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores(WIKINEWS, "speakers")
    for name in ("precision", "recall", "f1"):
        floor = floors[f"speakers.wikinews.bcubed_{name}"]
        assert scores[name] >= floor - EPSILON, f"bcubed_{name}: {scores[name]:.3f} < {floor}"


def test_tasks_scored_together_are_scored_as_each_alone(shared) -> None:  # type: ignore[no-untyped-def]
    gold = shared / "data" / WIKINEWS
    tasks = ["quotes", "speakers", "figures"]
    together = evaluate_tasks(tasks, gold, limit=3)
    assert together == {task: evaluate(task, gold, limit=3) for task in tasks}


def test_eval_prints_several_tasks_by_task(shared) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from newsgraph import cli

    args = ["eval", "quotes", "figures", "--gold", str(shared / "data" / WIKINEWS), "--limit", "1"]
    shown = json.loads(CliRunner().invoke(cli.app, [*args, "--json"]).stdout)
    assert sorted(shown) == ["figures", "quotes"] and "all.f1" in shown["quotes"]
    table = CliRunner().invoke(cli.app, args).stdout.splitlines()
    assert {line.split()[0] for line in table} == {
        f"{task}.{name}" for task, scores in shown.items() for name in scores
    }


def test_an_unknown_task_is_named_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="unknown task 'quotas'"):
        evaluate_tasks(["quotes", "quotas"], tmp_path / "not-read.jsonl")
