"""Pull quotes: a paragraph set in the layout that repeats an earlier direct quote's words.

They are linked to the quote they repeat (`repeats`, `duplicate_of` in the records) and not
counted again.
"""

from __future__ import annotations

import re

from newsgraph.nlp.quotes.pieces import WORD, QuoteSpan

MIN_PULL_WORDS = 6


def pull_quotes(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs outside every quote that repeat an earlier direct quote's words (layout)."""
    said = [
        (i, " ".join(WORD.findall(text[q.start : q.end].lower()))) for i, q in enumerate(quotes)
    ]
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        if any(q.start < end and start < q.end for q in quotes):
            continue
        words = WORD.findall(match.group().lower())
        if len(words) < MIN_PULL_WORDS:
            continue
        needle = " ".join(words)
        for i, haystack in said:
            if quotes[i].end <= start and needle in haystack:
                lo = start + len(match.group()) - len(match.group().lstrip())
                hi = start + len(match.group().rstrip())
                q = quotes[i]
                found.append(
                    QuoteSpan([(lo, hi)], "direct", None, q.speaker, q.name, q.entity, repeats=q)
                )
                break
    return found
