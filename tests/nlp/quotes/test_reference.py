"""The reference article: every direct quote of its gold record, with its resolved speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import overlap_ratio

FIXTURES = Path(__file__).resolve().parents[4] / "shared" / "fixtures"
GOLD = json.loads((FIXTURES / "medialine_blinken.gold.json").read_text(encoding="utf-8"))
RAW = (FIXTURES / "medialine_blinken.txt").read_text(encoding="utf-8")


def _case(index: int, quote: dict) -> object:  # type: ignore[type-arg]
    # "the foreign ministry said": the full name is never written; newsgraph_entities names the
    # ministry after the country of the article's foreign minister.
    return pytest.param(index, id=f"q{index}-{quote['cue'].replace(' ', '_')}")


def _covers(quote: dict, span: tuple[int, int]) -> bool:  # type: ignore[type-arg]
    """One of the quote's pieces overlaps half of the span or contains it."""
    pieces = quote["pieces"] or [[quote["start"], quote["end"]]]
    return any(
        overlap_ratio((p[0], p[1]), span) >= 0.5 or (p[0] <= span[0] and span[1] <= p[1])
        for p in pieces
    )


def _gold_span(item: dict, offset: int) -> tuple[int, int]:  # type: ignore[type-arg]
    return item["start"] - offset, item["end"] - offset


@pytest.mark.parametrize("index", [_case(i, q) for i, q in enumerate(GOLD["quotes"])])
def test_direct_quote_is_found_with_its_resolved_speaker(reference, index: int) -> None:  # type: ignore[no-untyped-def]
    extracted, offset = reference
    gold = GOLD["quotes"][index]
    span = _gold_span(gold, offset)
    assert extracted.article.text[span[0] : span[1]] == gold["text"]
    found = [q for q in extracted.quotes if q.duplicate_of is None and _covers(_plain(q), span)]
    assert found, f"not found: {gold['text']}"
    assert [q.speaker for q in found] == [gold["speaker"]] * len(found)


def test_pull_quote_is_linked_not_counted(reference) -> None:  # type: ignore[no-untyped-def]
    extracted, offset = reference
    for pull in GOLD["pull_quotes"]:
        span = _gold_span(pull, offset)
        original = _gold_span(GOLD["quotes"][pull["duplicate_of_quote_index"]], offset)
        here = [q for q in extracted.quotes if _covers(_plain(q), span)]
        assert len(here) == 1
        assert here[0].duplicate_of is not None
        repeated = next(q for q in extracted.quotes if q.id == here[0].duplicate_of)
        assert _covers(_plain(repeated), original)


def test_every_quote_slices_back_to_its_text(reference) -> None:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    text = extracted.article.text
    assert extracted.quotes
    for q in extracted.quotes:
        assert text[q.prov.start : q.prov.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_end is not None and q.speaker_start < q.speaker_end
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue


def _plain(quote) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {
        "start": quote.prov.start,
        "end": quote.prov.end,
        "pieces": [list(p) for p in quote.pieces],
    }
