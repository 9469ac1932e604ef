"""The words around a title: the country or body before it ("French", "<seat>'s", "the
party's") and the complements after it ("to the United States", "for Peru").

Used by `titles` to place a role; the country comes from the gazetteer, never from a list here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.nlp.entities.places import Gazetteer

POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
COMPLEMENT_WORDS = frozenset({"to", "for", "of", "on", "at", "in", "and", "the"})


def ent_ending(doc: Doc, end: int) -> Span | None:
    """The named entity that ends right before token `end`, if any."""
    for ent in doc.ents:
        if ent.end == end:
            return ent
    return None


@dataclass(frozen=True)
class Modifier:
    """What stands before a title: its first token, and the country, body or adjective it gives."""

    start: int
    country: str | None = None
    body: str | None = None
    adjective: str | None = None
    place: str | None = None  # a place below a country: "<state> governor"


def modifier_before(doc: Doc, start: int, gazetteer: Gazetteer) -> Modifier:
    """Extend a title leftwards over its modifier.

    "French Prime Minister", "United States Secretary of Labor", "<country>'s Foreign Minister",
    "<organisation> President". The possessive form is left out of the span (the mention is
    title + name), the adjective and compound forms are kept.
    """
    if start == 0:
        return Modifier(start)
    prev = doc[start - 1]
    if prev.text in POSSESSIVE_TOKENS and start >= 2:
        ent = ent_ending(doc, start - 1)
        owner = ent.text if ent is not None else doc[start - 2].text
        code = gazetteer.country_of(owner) or gazetteer.seat_of(owner)
        if code:
            return Modifier(start, country=code)
        if ent is not None and ent.label_ == "ORG":
            return body_modifier(start, ent, gazetteer)
        return Modifier(start)
    ent = ent_ending(doc, start)
    if ent is not None and ent.label_ in ("GPE", "NORP", "LOC", "ORG"):
        code = gazetteer.country_of(ent.text)
        adjective = ent.text if ent.text in gazetteer.demonyms else None
        place = gazetteer.resolve(ent.text) if ent.label_ in ("GPE", "LOC") else None
        if ent.label_ in ("GPE", "LOC") and (
            place is None or place.kind not in ("country", "seat")
        ):
            return Modifier(ent.start, country=code, place=strip_article(ent.text))
        if code or ent.label_ != "ORG":
            return Modifier(ent.start, country=code, adjective=adjective)
        return body_modifier(ent.start, ent, gazetteer)
    for size in (2, 1):  # an adjective the model did not tag: "South Korean"
        if start >= size:
            words = doc[start - size : start].text
            if words in gazetteer.demonyms:
                return Modifier(start - size, country=gazetteer.demonyms[words], adjective=words)
    return Modifier(start)


def body_modifier(start: int, ent: Span, gazetteer: Gazetteer) -> Modifier:
    """An organisation owning a title; its country from its first word ("Mexican ...")."""
    body = strip_article(ent.text)
    return Modifier(start, country=gazetteer.demonyms.get(body.split()[0]), body=body)


def strip_article(text: str) -> str:
    """ "the Mexican Senate" -> "Mexican Senate"."""
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    return text


def complement_token(doc: Doc, i: int) -> bool:
    """A token that may belong to a title's complement: "to the United Nations", "for Peru"."""
    token = doc[i]
    return token.lower_ in COMPLEMENT_WORDS or (
        token.ent_type_ in ("GPE", "ORG", "LOC") and token.text != ","
    )


def complements(span: Span, gazetteer: Gazetteer) -> list[str]:
    """Split "to the UK and to the United Nations" into its parts, countries named in full."""
    parts: list[list[str]] = []
    for token in span:
        if token.lower_ == "and":
            continue
        if token.lower_ in ("to", "for", "of", "on", "at", "in") or not parts:
            parts.append([token.text])
        else:
            parts[-1].append(token.text)
    out = []
    for words in parts:
        if len(words) < 2:
            continue
        prep, rest = words[0], " ".join(words[1:])
        place = gazetteer.resolve(rest)
        if place is not None and place.kind == "country" and place.country:
            rest = gazetteer.country_name(place.country)
        out.append(f"{prep} {rest}")
    return out
