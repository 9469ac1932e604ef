"""The one set of readers for `nlp/resources/`: word lists, tables and synonym lines.

Every component reads its files through these when it is built (a factory's config names the
files), never at import and never in `__call__`. A name is relative to `resources/`; an absolute
path reads a file of the caller's own.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"


def load_words(name: str) -> frozenset[str]:
    """A word list: one entry a line, lower-cased; `#` starts a comment anywhere on a line."""
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.split("#", 1)[0].strip().lower() for line in lines if line.split("#", 1)[0].strip()
    )


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated file, each cell stripped; blank lines and `#` lines are dropped."""
    rows = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def load_pairs(name: str) -> dict[str, tuple[str, str]]:
    """A `word <TAB> kind <TAB> value` table: word (lower case) -> (kind, value).

    A missing kind or value is "".
    """
    pairs = {}
    for row in read_table(name):
        word, kind, value = [*row, "", ""][:3]
        pairs[word.lower()] = (kind, value)
    return pairs


def load_synonyms(name: str) -> dict[str, frozenset[str]]:
    """`word = other, other` lines (lower case): word -> the words it may stand for."""
    table: dict[str, set[str]] = {}
    for line in load_words(name):
        word, _, others = line.partition("=")
        table.setdefault(word.strip(), set()).update(o.strip() for o in others.split(","))
    return {k: frozenset(v) for k, v in table.items()}
