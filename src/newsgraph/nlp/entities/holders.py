"""Office holders with dated terms: which country a named person held office for on a date.

Read from `resources/office_holders.tsv.gz` (compacted from PETRARCH2's Phoenix dictionaries by
`tools/build_petrarch.py`; MIT, see `resources/LICENSE-petrarch2`). A name is looked up
whole and folded ("Recep Tayyip Erdoğan" as "recep tayyip erdogan"); a single word is never a key,
and a name two holders of different countries share answers nothing.
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from newsgraph.nlp.readers import RESOURCES


@dataclass(frozen=True)
class Term:
    country: str  # ISO 3166 alpha-2
    sector: str  # Phoenix code: GOV, GOVMIL (defence), GOVHLH (health) ...
    start: date | None  # None: open
    end: date | None


def fold(name: str) -> str:
    """Lower case, accents dropped, one space between words."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").lower().split())


def _day(text: str) -> date | None:
    return None if text == "-" else date.fromisoformat(text)


@dataclass(frozen=True)
class OfficeHolders:
    terms: dict[str, tuple[Term, ...]]  # folded name variant -> the terms of its holder

    @classmethod
    def load(cls, name: str = "office_holders.tsv.gz") -> OfficeHolders:
        found: dict[str, list[Term]] = {}
        with gzip.open(RESOURCES / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("#") or "\t" not in line:
                    continue
                names, terms = line.rstrip("\n").split("\t")
                held = [
                    Term(country, sector, _day(start), _day(end))
                    for country, sector, start, end in (t.split() for t in terms.split(";"))
                ]
                for variant in names.split("|"):
                    found.setdefault(fold(variant), []).extend(held)
        return cls({key: tuple(value) for key, value in found.items()})

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The first words of the holders' names of two words or more, folded: names people
        are given ("antoine", "nicolas"), from every country the dictionary covers."""
        return frozenset(k.split()[0] for k in self.terms if " " in k)

    def countries(self, name: str, on: date | None) -> frozenset[str]:
        """Countries the person named held office for on `on` (empty when unknown, or when the
        day is unknown: a term without its date proves nothing)."""
        if on is None or len(name.split()) < 2:
            return frozenset()
        return frozenset(
            t.country
            for t in self.terms.get(fold(name), ())
            if (t.start is None or t.start <= on) and (t.end is None or on <= t.end)
        )

    def country(self, name: str, on: date | None) -> str | None:
        """The one country the person held office for on `on`, or None."""
        found = self.countries(name, on)
        return next(iter(found)) if len(found) == 1 else None
