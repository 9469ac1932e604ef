"""newsgraph_quotes: STUB, to be written by its issue. Writes `doc._.quotes`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)


@dataclass(frozen=True)
class QuotesFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("newsgraph_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesFinder:
    return QuotesFinder()
