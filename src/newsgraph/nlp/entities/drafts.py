"""An entity in the making (Draft), the state of drafting one doc, and small span helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.nlp import MentionSpan
from newsgraph.nlp.entities.modifiers import POSSESSIVE_TOKENS, strip_article
from newsgraph.nlp.entities.places import Gazetteer, clean_place
from newsgraph.nlp.entities.titles import Lexicon, Title
from newsgraph.nlp.quotes.names import HONORIFICS

QUOTE_CHARS = frozenset('"“”„«»')

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGENT_DEPS = frozenset({"nsubj"})  # "<capital> said"; not "talks with <capital> being held"


@dataclass
class Draft:
    """An entity being built: its mentions (with token ranges) and what they tell about it."""

    label: str
    name: str
    mentions: list[MentionSpan] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def words(self) -> list[str]:
        return self.name.split()

    def add(self, span: Span, kind: str) -> None:
        if all((m.span.start, m.span.end) != (span.start, span.end) for m in self.mentions):
            self.mentions.append(
                MentionSpan(Span(span.doc, span.start, span.end, self.label), kind)
            )

    def last_before(self, token: int) -> int:
        """Start of this entity's last mention before `token`, or -1."""
        return max((m.span.start for m in self.mentions if m.span.start < token), default=-1)

    def first(self) -> int:
        return min(m.span.start for m in self.mentions)


def clean_name(span: Span) -> str:
    """A name without brackets, possessive or leading article: "[Mara] Vell" -> "Mara Vell"."""
    text = re.sub(r"[\[\]]", "", span.text)
    return strip_article(clean_place(" ".join(text.split())))


def person_span(span: Span) -> Span | None:
    """A PERSON ent widened over an opening bracket and trimmed of a possessive; None for junk.

    "Mara] Vell" -> "[Mara] Vell"; "W]e" (a bracketed capital in a quote) is no name.
    """
    doc, start, end = span.doc, span.start, span.end
    while end > start and doc[end - 1].text in POSSESSIVE_TOKENS:
        end -= 1
    if start > 0 and doc[start - 1].text == "[" and "]" in doc[start:end].text:
        start -= 1
    if end <= start:
        return None
    name = clean_name(doc[start:end])
    if not name or doc.vocab[name.lower()].is_stop or not any(c.isupper() for c in name):
        return None
    if name.lower().rstrip(".") in HONORIFICS:  # "Cde" alone: the name is outside the ent
        return None
    if any(c.isdigit() for c in name):  # "COVID-19", "49ers": no person's name
        return None
    if sum(c in QUOTE_CHARS for c in name) % 2:  # '<tag>".', '<given> "<nick>': cut through a
        return None  # quotation; a nickname in its marks stays ('<given> "<nick>" <surname>')
    return Span(doc, start, end, "PERSON")


class DraftState:
    """The state of drafting one doc's entities, shared by the steps (people, others, ...).

    `taken`: token indices some mention already claims; `dropped`: (start, end) of ents read as
    part of a title; `place_cues`: words before a lone place name that make it a place.
    """

    doc: Doc
    lexicon: Lexicon
    gazetteer: Gazetteer
    place_cues: frozenset[str]
    platforms: frozenset[str]
    persons: list[Draft]
    others: dict[tuple[str, str], Draft]
    taken: set[int]
    dropped: set[tuple[int, int]]


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def trim_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in POSSESSIVE_TOKENS:
        end -= 1
    return Span(span.doc, span.start, end, span.label_) if end != span.end else span


def prev_draft_end(draft: Draft, title: Title) -> int:
    """End of the name that a title stands before."""
    ends = [m.span.end for m in draft.mentions if m.span.start == title.span.start]
    return max(ends, default=title.span.end)
