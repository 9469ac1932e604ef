"""The kind of a quote (direct, indirect, mixed), and quoted titles that are no statement.

PolNeAR's rule: direct when every letter of the quote is inside quotation marks, indirect when
none is, else mixed.
"""

from __future__ import annotations

from newsgraph.nlp.quotes.marks import Stretch, quoted_letters
from newsgraph.nlp.quotes.pieces import QuoteSpan

# Small words a title may hold in lower case ("“Fox and Friends”"): a closed class.
TITLE_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with"}
)


def is_title(text: str, quote: QuoteSpan, uttered: frozenset[str]) -> bool:
    """ "“Fox and Friends,”", "“Daily Show” host": a few capitalised words and no sentence
    punctuation name a show, book or group; one word ("“Absolutely,”") may still be an answer.
    Words chanted, shouted or read out ("chanting “Dump Trump”") are said, whatever their case.
    """
    if quote.cue is not None and quote.cue.root.lemma_.lower() in uttered:
        return False
    quoted = text[quote.start : quote.end]
    words = quoted.strip('“”"‘’,. ').split()
    if not 2 <= len(words) <= 6 or any(c in quoted for c in "!?;:"):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in TITLE_WORDS for w in words
    )


def kind_of(text: str, pieces: list[tuple[int, int]], stretches: list[Stretch]) -> str:
    """direct when every letter is inside quotation marks, indirect when none is, else mixed."""
    inside = outside = 0
    for start, end in pieces:
        i, o = quoted_letters(text, start, end, stretches)
        inside, outside = inside + i, outside + o
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"
