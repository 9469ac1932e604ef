"""Search hits marked in the text of a result: the words of the search, as the search matched
them, cut out as segments the template wraps in `<mark>` (never markup in the text itself).

Full-text search stems words (SQLite's porter tokenizer, PostgreSQL's english configuration) and
folds accents, so a word here matches when its accent-folded, lower-cased stem is the sought
word's ("sanctions" for `sanction`), or starts with it for a prefix (`sanct*`). The stems are a
few English suffixes cut off, an approximation of porter's: a stemmed match it misses is shown
unmarked, never hidden.
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.store.search import sought_words

WORD = re.compile(r"\w+")
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s")


def fold(word: str) -> str:
    """Lower case without accents, as `remove_diacritics` indexes words."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    folded = fold(word)
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            return folded[: -len(suffix)]
    return folded


def _matches(word: str, sought: list[tuple[str, bool]]) -> bool:
    folded, stemmed = fold(word), stem(word)
    return any(
        folded.startswith(fold(term)) if prefix else stemmed == stem(term)
        for term, prefix in sought
    )


def highlight(text: str, search: str) -> list[tuple[str, bool]]:
    """`text` as (piece, is a hit) segments; joined, the pieces give back the text."""
    sought = sought_words(search)
    segments: list[tuple[str, bool]] = []
    at = 0
    for m in WORD.finditer(text):
        if sought and _matches(m.group(), sought):
            if m.start() > at:
                segments.append((text[at : m.start()], False))
            segments.append((m.group(), True))
            at = m.end()
    if at < len(text):
        segments.append((text[at:], False))
    return segments
