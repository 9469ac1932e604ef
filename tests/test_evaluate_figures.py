"""The figures scorer: vague amounts' hedges, and the wikinews_dev floors."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import score_figures

EPSILON = 0.005  # floors are met "less a noise epsilon"


def _row(figure: dict) -> dict:  # type: ignore[type-arg]
    return {"id": "a", "text": "Thousands marched.", "figures": [figure]}


def test_a_vague_amount_may_or_may_not_be_its_own_hedge() -> None:
    gold = {"start": 0, "end": 9, "text": "Thousands", "value": None, "hedge": None, "source": None}
    for hedge in (None, "thousands"):
        predicted = {"article": {"id": "a"}, "figures": [{**gold, "hedge": hedge, "source": None}]}
        assert score_figures([_row(gold)], [predicted])["hedge_accuracy"] == 1.0


def test_a_counted_figure_needs_its_hedge_as_written() -> None:
    gold = {
        "start": 0,
        "end": 8,
        "text": "About 40",
        "value": 40.0,
        "hedge": "About",
        "source": None,
    }
    predicted = {"article": {"id": "a"}, "figures": [{**gold, "hedge": "about"}]}
    assert score_figures([_row(gold)], [predicted])["hedge_accuracy"] == 0.0


def test_credited_source_accuracy_counts_only_figures_the_text_credits() -> None:
    text = "Thousands marched, police said. Dozens fled."
    gold = [
        {"start": 0, "end": 9, "value": None, "hedge": None, "source": "police"},
        {"start": 32, "end": 38, "value": None, "hedge": None, "source": None},
    ]
    predicted = [{**gold[0], "source": {"name": "Police"}}, {**gold[1], "source": {"name": "x"}}]
    row = {"id": "a", "text": text, "figures": gold}
    scores = score_figures([row], [{"article": {"id": "a"}, "figures": predicted}])
    assert (scores["credited_source_accuracy"], scores["source_accuracy"]) == (1.0, 0.5)


@pytest.mark.parametrize(
    ("name", "right"),
    [("Sheriff Holt", True), ("Dana Holt", True), ("Holt", True), ("Ray Moss", False)],
    ids=["as-written", "the-resolved-person", "her-surname", "someone-else"],
)
def test_a_source_is_right_as_written_or_as_the_person_it_resolves_to(
    name: str, right: bool
) -> None:
    text = "Forty people were held, Sheriff Holt said."
    gold = {"start": 0, "end": 5, "value": 40.0, "hedge": None, "source": "Sheriff Holt"}
    gold["source_entity"] = "Dana Holt"
    predicted = [{**gold, "source": {"name": name}}]
    row = {"id": "a", "text": text, "figures": [gold]}
    scores = score_figures([row], [{"article": {"id": "a"}, "figures": predicted}])
    assert scores["credited_source_accuracy"] == (1.0 if right else 0.0)


@pytest.mark.slow
@pytest.mark.xdist_group("wikinews_dev")
def test_figures_on_wikinews_dev_meet_the_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores("wikinews_dev.jsonl", "figures")
    for name in ("precision", "recall", "correct", "credited_source_accuracy"):
        floor = floors[f"figures.wikinews.{name}"]
        assert scores[name] >= floor - EPSILON, f"{name}: {scores[name]:.3f} < {floor}"
