"""Search hits marked in the text of a result: the words of the search, as the search matched
them, cut out as segments the template wraps in `<mark>` (never markup in the text itself).

Full-text search stems words (SQLite's porter tokenizer, PostgreSQL's english configuration) and
folds accents, so a word here matches when its accent-folded, lower-cased stem is the sought
word's ("sanctions" for `sanction`), or starts with it for a prefix (`sanct*`). The stems are a
few English suffixes cut off, an approximation of porter's: a stemmed match it misses is shown
unmarked, never hidden.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from newsgraph.store.search import sought_words

WORD = re.compile(r"\w+")
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s")


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without accents, as `remove_diacritics` indexes words (kept per word: a
    page of results marks the same few thousand words again and again)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    folded = fold(word)
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            return folded[: -len(suffix)]
    return folded


@functools.lru_cache(maxsize=256)
def _sought(search: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The prefixes and the stems a search looks for, folded once per search."""
    words = sought_words(search)
    prefixes = tuple(fold(term) for term, prefix in words if prefix)
    return prefixes, frozenset(stem(term) for term, prefix in words if not prefix)


def _matches(word: str, prefixes: tuple[str, ...], stems: frozenset[str]) -> bool:
    return stem(word) in stems or (bool(prefixes) and fold(word).startswith(prefixes))


def highlight(text: str, search: str) -> list[tuple[str, bool]]:
    """`text` as (piece, is a hit) segments; joined, the pieces give back the text."""
    prefixes, stems = _sought(search)
    segments: list[tuple[str, bool]] = []
    at = 0
    for m in WORD.finditer(text):
        if (prefixes or stems) and _matches(m.group(), prefixes, stems):
            if m.start() > at:
                segments.append((text[at : m.start()], False))
            segments.append((m.group(), True))
            at = m.end()
    if at < len(text):
        segments.append((text[at:], False))
    return segments
