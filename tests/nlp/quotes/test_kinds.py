"""A quote's kind: letters inside and outside the quotation marks."""

from __future__ import annotations

from newsgraph.nlp.quotes import kind_of
from newsgraph.nlp.quotes.marks import find_stretches


def test_kind_counts_letters_inside_and_outside_the_marks() -> None:
    text = "He said the deal “clears a path” now."
    stretches = find_stretches(text)
    assert kind_of(text, [(17, 32)], stretches) == "direct"
    assert kind_of(text, [(8, 32)], stretches) == "mixed"
    assert kind_of(text, [(8, 16)], stretches) == "indirect"
