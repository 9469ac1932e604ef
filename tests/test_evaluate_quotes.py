"""The quotes scorer, and the accuracy floor of quote extraction on PolNeAR dev."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import score_quotes

EPSILON = 0.005


def _quote(start: int, end: int, kind: str = "direct", speaker=None, **extra):  # type: ignore[no-untyped-def]
    spk = speaker or (None, None)
    return {
        "start": start,
        "end": end,
        "kind": kind,
        "speaker_start": spk[0],
        "speaker_end": spk[1],
        **extra,
    }


def _rows(gold: list, predicted: list) -> tuple[list, list]:  # type: ignore[type-arg]
    return [{"id": "a", "quotes": gold}], [{"article": {"id": "a"}, "quotes": predicted}]


def test_a_quote_overlapping_half_of_the_longer_span_matches() -> None:
    gold, pred = _rows([_quote(0, 100)], [_quote(40, 100)])  # 60 of 100 characters
    assert score_quotes(gold, pred)["all.f1"] == 1.0


def test_a_quote_overlapping_less_than_half_does_not_match() -> None:
    gold, pred = _rows([_quote(0, 100)], [_quote(0, 40)])
    scores = score_quotes(gold, pred)
    assert scores["all.precision"] == 0.0 and scores["all.recall"] == 0.0


def test_each_gold_quote_is_matched_once() -> None:
    gold, pred = _rows([_quote(0, 100)], [_quote(0, 100), _quote(0, 90)])
    scores = score_quotes(gold, pred)
    assert scores["all.recall"] == 1.0 and scores["all.precision"] == 0.5


def test_a_gold_quote_whose_pieces_are_listed_out_of_order_runs_from_first_to_last() -> None:
    # as in PolNeAR: start/end taken from the first and last piece listed, so start > end
    gold, pred = _rows([_quote(60, 40, pieces=[[60, 100], [0, 40]])], [_quote(0, 100)])
    assert score_quotes(gold, pred)["all.f1"] == 1.0


def test_speaker_is_right_when_mentions_overlap_or_both_are_absent() -> None:
    gold, pred = _rows(
        [_quote(0, 50, speaker=(60, 65)), _quote(100, 150), _quote(200, 250, speaker=(260, 270))],
        [_quote(0, 50, speaker=(62, 70)), _quote(100, 150), _quote(200, 250)],
    )
    assert score_quotes(gold, pred)["speaker_accuracy"] == pytest.approx(2 / 3)


def test_kinds_are_scored_apart() -> None:
    gold, pred = _rows(
        [_quote(0, 50), _quote(100, 150, "indirect")], [_quote(0, 50), _quote(100, 150)]
    )
    scores = score_quotes(gold, pred)
    assert scores["direct.precision"] == 0.5 and scores["direct.recall"] == 1.0
    assert scores["indirect.recall"] == 0.0


def test_pull_quotes_are_not_scored() -> None:
    gold, pred = _rows(
        [_quote(0, 50)], [_quote(0, 50, id="q0"), _quote(300, 350, duplicate_of="q0")]
    )
    assert score_quotes(gold, pred)["all.precision"] == 1.0


@pytest.mark.slow
@pytest.mark.xdist_group("polnear_dev")
def test_quote_accuracy_on_polnear_dev_meets_the_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    scores = gold_scores("polnear_dev.jsonl", "quotes")
    keys = [k for k in floors if k.startswith("quotes.")]
    assert keys
    for key in keys:
        name = key.removeprefix("quotes.")
        assert scores[name] >= floors[key] - EPSILON, f"{key}: {scores[name]:.3f} < {floors[key]}"
