"""A long article's quotes take time in proportion to its length (issue 18: they were quadratic,
81 s for 46 KB and hours for 100 KB)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "wikinews.jsonl"
NOT_NEEDED = ["newsgraph_quotes", "newsgraph_dates", "newsgraph_events", "newsgraph_figures"]


def long_article(size: int) -> str:
    """About `size` characters of real paragraphs (the examples' Wikinews articles, in turn)."""
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    paragraphs = [p.strip() for row in rows for p in row["text"].split("\n\n") if p.strip()]
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < size:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out)


@pytest.mark.slow
def test_a_200_kb_article_is_attributed_within_a_minute(nlp) -> None:  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=NOT_NEEDED):
        doc = nlp(long_article(200 * 1024))
    start = time.perf_counter()
    nlp.get_pipe("newsgraph_quotes")(doc)
    elapsed = time.perf_counter() - start
    # about 1 s on a quiet machine (5 ms/KB under heavy load); quadratic, it took minutes
    assert elapsed < 60, f"quotes of a 200 KB article took {elapsed:.0f} s"
    assert len(doc._.quotes) > 500


def test_a_text_of_quotes_without_full_stops_is_attributed_within_a_minute(nlp) -> None:  # type: ignore[no-untyped-def]
    # the reliability report's reproduction, at a third of its length (one 15 KB sentence)
    text = "The minister spoke. " + 'He said "yes" and "no" ' * 650
    with nlp.select_pipes(disable=NOT_NEEDED):
        doc = nlp(text)
    start = time.perf_counter()
    nlp.get_pipe("newsgraph_quotes")(doc)
    assert time.perf_counter() - start < 60
    assert len(doc._.quotes) >= 600
