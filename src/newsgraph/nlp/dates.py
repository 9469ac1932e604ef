"""newsgraph_dates: STUB, to be written by its issue. Writes `doc._.dates`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)


@dataclass(frozen=True)
class DatesFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc


@Language.factory("newsgraph_dates", assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> DatesFinder:
    return DatesFinder()
