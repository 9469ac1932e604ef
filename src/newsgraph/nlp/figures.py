"""newsgraph_figures: STUB, to be written by its issue. Writes `doc._.figures`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)


@dataclass(frozen=True)
class FiguresFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []
        return doc


@Language.factory("newsgraph_figures", assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FiguresFinder:
    return FiguresFinder()
