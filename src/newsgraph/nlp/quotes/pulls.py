"""Pull quotes: a paragraph set in the layout that repeats an earlier direct quote's words.

They are linked to the quote they repeat (`repeats`, `duplicate_of` in the records) and not
counted again.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from newsgraph.nlp.quotes.pieces import WORD, QuoteSpan

MIN_PULL_WORDS = 6


def pull_quotes(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs outside every quote that repeat an earlier direct quote's words (layout).

    A paragraph repeats a quote when its words, joined by spaces, lie in the quote's words so
    joined. The quotes to try are looked up by a pair of the paragraph's inner words (whole words
    in any quote that holds the paragraph), and overlap with a quote by bisection, so a long
    article is not a scan of all its quotes per paragraph (issue 18).
    """
    said = [
        " ".join(words) for words in (WORD.findall(text[q.start : q.end].lower()) for q in quotes)
    ]
    pairs: dict[tuple[str, str], list[int]] = {}
    for i, haystack in enumerate(said):
        words = haystack.split(" ")
        for pair in dict.fromkeys(itertools.pairwise(words)):
            pairs.setdefault(pair, []).append(i)
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        k = bisect_left(starts, end)  # the quotes starting before the paragraph ends
        if k and reach[k - 1] > start:
            continue  # inside a quote
        words = WORD.findall(match.group().lower())
        if len(words) < MIN_PULL_WORDS:
            continue
        needle = " ".join(words)
        inner = list(itertools.pairwise(words[1:-1]))
        tried = min((pairs.get(p, []) for p in inner), key=len) if inner else range(len(quotes))
        for i in tried:
            if quotes[i].end <= start and needle in said[i]:
                lo = start + len(match.group()) - len(match.group().lstrip())
                hi = start + len(match.group().rstrip())
                q = quotes[i]
                pull = QuoteSpan(
                    [(lo, hi)],
                    "direct",
                    None,
                    q.speaker,
                    q.name,
                    q.entity,
                    q.via,
                    q.speaker_confidence,
                    members=q.members,
                    repeats=q,
                )
                pull.confidence = q.confidence
                found.append(pull)
                break
    return found
