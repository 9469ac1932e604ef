"""Scoring who a speaker is, not only where the mention is: name matching, B-cubed clustering.

`evaluate.py` uses these for the resolved-speaker accuracy of `newsgraph eval quotes` and for
`newsgraph eval speakers`, which ingests a whole gold file into one temporary SQLite store and
asks how the stored (merged) entities group the quotes. That one task needs the store, so it
lives here, beside the scorers, and not in `evaluate.py` itself.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.model import ExtractedArticle

Row = dict[str, Any]

# "Robert Downey Jr." is "Downey" by surname; the suffix is not the surname.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words left out of an acronym: "World Health Organization" is WHO, "Court of Session" CS.
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du"})
NAME_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")  # "Man-kei", "O'Brien" are one word
BRACKETS = re.compile(r"\([^)]*\)")  # "Katya (pseudonymous protester)"
LIST_SEPARATORS = re.compile(r",|\band\b")


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, folded: accents and case dropped, brackets, a leading "the" and
    trailing "Jr."-like suffixes removed ("The New York Times" -> ("new", "york", "times"))."""
    text = unicodedata.normalize("NFKD", BRACKETS.sub(" ", name))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    words = [w.casefold() for w in NAME_WORD.findall(text)]
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def is_proper_name(name: str) -> bool:
    """One named referent: first and last words capitalised, no list ("X and Y", "X, Y").
    Descriptions ("protesters interviewed by Wikinews", "Tony Mendez's publicist") are not."""
    words = NAME_WORD.findall(BRACKETS.sub(" ", name))
    return (
        bool(words)
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and "," not in name
        and "and" not in words
    )


def is_unnamed(name: str) -> bool:
    """A description standing for someone the article does not name ("an unnamed MP", "police",
    "Tony Mendez's publicist"): no proper name, nor a list with one ("A and B", "A, B and C")."""
    parts = [p.strip().removeprefix("the ") for p in LIST_SEPARATORS.split(name)]
    return not any(is_proper_name(p) for p in parts if p)


def _initials_dropped(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without its middle initials: "John R. Bolton" -> ("john", "bolton")."""
    if len(words) < 3:
        return words
    return (words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1])


def acronym(name: str) -> str:
    """Initials of a name's words, less the small ones: "Syrian Democratic Forces" -> "SDF"."""
    words = NAME_WORD.findall(BRACKETS.sub(" ", name))
    return "".join(w[0] for w in words if w.casefold() not in ACRONYM_SKIPS).upper()


def same_referent(gold: str, predicted: str | None) -> bool:
    """Whether a predicted resolved name denotes the gold entity (a `speaker_entity` name).

    Right when the folded names are equal. When the gold is a proper name (`is_proper_name`),
    also when the prediction is its last words (a surname, "Sanders" for "Bernie Sanders", "La
    Riva" for "Gloria La Riva", "Post" for "New York Post"), when the prediction ends with the
    whole gold name of two words or more (a title left in front: "Crown Prince Mohammad bin
    Salman"), when the two are equal but for middle initials ("John R. Bolton" for "John
    Bolton"), or when the prediction is an all-capitals acronym of it ("WHO"). Wrong otherwise:
    "Melania Trump" for "Donald Trump", "Hunter Biden" for "Joe Biden", "Nicolas Redouane" for
    "Antoine Quirin and Nicolas Redouane".

    No name at all is right only where the gold is a description of someone unnamed
    (`is_unnamed`: the README's "a description when unnamed", "an unnamed MP"): the speaker is
    then nobody a reader could look up, and naming nobody is the right resolution; naming the
    wrong one ("Tony Mendez" for "Tony Mendez's publicist") stays wrong.
    """
    if not predicted:
        return is_unnamed(gold)
    g, p = name_words(gold), name_words(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if not is_proper_name(gold):
        return False
    if _initials_dropped(g) == _initials_dropped(p):
        return True
    if len(p) < len(g) and g[-len(p) :] == p:
        return True
    if len(g) >= 2 and len(p) > len(g) and p[-len(g) :] == g:
        return True
    text = predicted.strip()
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 6 and acronym(gold) == text


def b_cubed(items: Sequence[tuple[Hashable, Hashable]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga and Baldwin, 1998).

    `items` holds one (predicted cluster, gold cluster) pair per item. For each item, precision
    is the share of its predicted cluster that shares its gold cluster, recall the share of its
    gold cluster that shares its predicted cluster; both are averaged over items, F1 is their
    harmonic mean. No items: all zero.
    """
    if not items:
        return 0.0, 0.0, 0.0
    both = Counter(items)
    predicted = Counter(p for p, _ in items)
    gold = Counter(g for _, g in items)
    precision = sum(both[(p, g)] / predicted[p] for p, g in items) / len(items)
    recall = sum(both[(p, g)] / gold[g] for p, g in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- predictions through the store ---------------------------------------------------------------


def stored_speakers(extracted: Iterable[ExtractedArticle]) -> list[Row]:
    """Put the extracted gold articles all into one temporary SQLite store, and read back each
    article's quotes with `speaker_entity` the stored (merged, archive-wide) entity id; None
    where the quote's speaker has no entity. Rows are shaped like `extract` output."""
    from newsgraph.store import open_store

    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as folder:
        store = open_store(str(Path(folder) / "speakers.db"))
        try:
            for record in extracted:
                store.put(record)
            return quotes_with_stored_entities(store.rows("article_entities"), store.rows("quotes"))
        finally:
            store.close()


def quotes_with_stored_entities(
    article_entities: Iterable[Row], quotes: Iterable[Row]
) -> list[Row]:
    """Stored quote rows grouped by article id, each `speaker_entity` (article-local in the
    `quotes` table) replaced by the merged entity id that `article_entities` maps it to; a
    group speaker's, by its members' merged ids joined with "+"."""
    merged = {(e["article_hash"], e["id"]): e["entity_id"] for e in article_entities}
    by_article: dict[str, list[Row]] = defaultdict(list)
    for quote in quotes:
        local = quote["speaker_entity"]
        stored = merged.get((quote["article_hash"], local)) if local is not None else None
        members = [
            merged.get((quote["article_hash"], m)) for m in json.loads(quote["speaker_entities"])
        ]
        if members and None not in members:  # a group: the same members, the same group
            stored = "+".join(sorted(str(m) for m in members))
        by_article[quote["article_id"]].append(
            {
                "id": quote["id"],
                "start": quote["start"],
                "end": quote["end"],
                "pieces": json.loads(quote["pieces"]),
                "kind": quote["kind"],
                "speaker": quote["speaker"],
                "speaker_entity": stored,
                "duplicate_of": quote["duplicate_of"],
            }
        )
    return [{"article": {"id": key}, "quotes": found} for key, found in by_article.items()]
