"""newsgraph_entities: STUB, to be written by its issue. Writes `doc._.entities`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)


@dataclass(frozen=True)
class EntitiesFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = []
        return doc


@Language.factory("newsgraph_entities", assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> EntitiesFinder:
    return EntitiesFinder()
