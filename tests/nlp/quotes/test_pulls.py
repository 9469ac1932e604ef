"""Pull quotes: a paragraph repeating an earlier quote is linked to it, not counted again."""

from __future__ import annotations

from newsgraph.nlp.quotes import QuoteSpan, pull_quotes


def test_a_paragraph_repeating_an_earlier_quote_is_a_pull_quote() -> None:
    said = "We will always defend our people against every threat"
    text = f"“{said},” she said.\n\n{said}\n\nMore."
    original = QuoteSpan([(0, 56)], "direct")
    (pull,) = pull_quotes(text, [original])
    assert pull.repeats is original
    assert text[pull.start : pull.end] == "We will always defend our people against every threat"


def test_a_short_repeated_paragraph_is_not_a_pull_quote() -> None:
    text = "“We won,” she said.\n\nWe won\n"
    assert pull_quotes(text, [QuoteSpan([(0, 9)], "direct")]) == []
