"""newsgraph_events: STUB, to be written by its issue. Writes `doc._.events`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)


@dataclass(frozen=True)
class EventsFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventsFinder:
    return EventsFinder()
