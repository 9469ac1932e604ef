"""newsgraph_events: PLOVER events with actors, place, status and date, read off the parse.

Writes `doc._.events`: one EventSpan per trigger and place ("met with A, B and C" is one, with three
targets).
Triggers come from the lexicon in `resources/plover_*.tsv` (see `plover.py`); the
source is the subject (or "by" agent, possessor, national adjective), targets the object and the
prepositions the type names ("with", "against"); the place a GPE/LOC/FAC after "in", "at" ...;
the date a `doc._.dates` span of the clause. An event said to come ("X said they would meet Y")
becomes a statement event as plover_statements.tsv says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.dates import DateSpan
from newsgraph.nlp.events.actors import (
    roles,
)
from newsgraph.nlp.events.checks import (
    confidence,
    holds,
    is_boilerplate,
    is_remention,
    keep_actors,
    lost_source,
    own_sources,
    plea_sense,
    theme_of_another,
    verbal_sense,
)
from newsgraph.nlp.events.dating import continues, event_date, main_date
from newsgraph.nlp.events.echoes import borrow_parties, drop_echoes
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.kinds import is_hazard
from newsgraph.nlp.events.naming import load_valence, praise_sense
from newsgraph.nlp.events.outlets import drop_outlets, find_outlets
from newsgraph.nlp.events.places import (
    Places,
    find_place,
    is_place,
    is_state,
    load_places,
    state_names,
)
from newsgraph.nlp.events.plover import Lexicon, Trigger, load_lexicon
from newsgraph.nlp.events.senses import commanded
from newsgraph.nlp.events.status import as_statement, status_of, unsaid
from newsgraph.nlp.quotes.names import SpeakerWords
from newsgraph.nlp.quotes.speakers import Resolver
from newsgraph.nlp.readers import load_words


@dataclass(frozen=True)
class EventsFinder:
    lexicon: Lexicon
    cues: frozenset[str]  # verbs of saying
    future_cues: frozenset[str]
    places: Places
    agents: frozenset[str]  # agent nouns that are actors ("police", "protesters")
    pronouns: frozenset[str] = frozenset()
    speaker_words: SpeakerWords | None = None
    all_acts: frozenset[str] = frozenset()  # nouns naming an act of any type ("deal", "attack")
    hazards: frozenset[str] = frozenset()  # happenings that are no actors ("typhoon", "crash")
    valence: dict[str, float] = field(default_factory=dict)  # how good a word is: praise

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventSpan] = []
        narrative: tuple[int, DateSpan] | None = None  # the last date of a main clause
        resolver = self.resolver(doc)
        quotes = getattr(doc._, "quotes", None) or ()
        quoted = [(s.start, s.end) for q in quotes for s in q.stretches]
        outlets = find_outlets(doc)
        for index, sent in enumerate(doc.sents):
            dates = [d for d in doc._.dates or () if sent.start <= d.span.start < sent.end]
            found = self.find(sent, dates, resolver, quoted, outlets)
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

    def visited(self, target: Span) -> bool:
        """Whether a visit's target is whom it visits: not a city or a building; and where the
        visit goes ("travelling to Walt Disney World", "a visit to Walter Reed Hospital"), a
        person or a state only."""
        if is_place(target) and not is_state(target, self.places):
            return False
        root = target.root
        destination = root.dep_ == "pobj" and root.head.lower_ == "to"
        return not destination or root.ent_type_ == "PERSON" or is_state(target, self.places)

    def parties(self, event: EventSpan, outlets: frozenset[str]) -> EventSpan:
        """A copy of the event with only actors as parties, in the sense its words give it (an
        attack in words, a plea, praise)."""
        actors = verbal_sense(keep_actors(replace(event), self.agents), self.agents)
        # a storm or a disease is no party ("<Typhoon> killed 6,000", "upgraded <Storm>")
        actors.source = [s for s in actors.source if not is_hazard(s, self.hazards)]
        actors.target = [t for t in actors.target if not is_hazard(t, self.hazards)]
        actors = drop_outlets(actors, outlets)  # "spoke with <outlet>": an interview
        actors = praise_sense(plea_sense(actors), self.valence)
        if event.mode == "visit":  # a visit to a city or a building is no meeting of states
            actors.target = [t for t in actors.target if self.visited(t)]
        actors.target = [t for t in actors.target if not self.medium(t, event)]
        if event.type == "RETREAT":  # "retreated to <place>": where one goes is no party
            actors.target = [t for t in actors.target if introducer(t) is None
                             or introducer(t).lower_ != "to"]  # fmt: skip
        return actors

    def medium(self, target: Span, event: EventSpan) -> bool:
        """A name after "on" that hangs on another noun than the trigger, where the type takes no
        "on" ("praised X's endorsement on <platform>", "defended the payments in comments on
        <site>"): where it was said, not to whom ("called on X", "pressure on X" stay)."""
        prep = introducer(target)
        if prep is None or prep.lower_ != "on" or prep.head == event.trigger.root:
            return False
        if "on" in self.lexicon.roles.get(event.type, ()):
            return False
        return target.root.ent_type_ in ("ORG", "PRODUCT", "WORK_OF_ART", "PERSON")

    def resolver(self, doc: Doc) -> Resolver:
        """The speakers' resolver, told who spoke where: "he" after a quote is its speaker."""
        quotes = list(getattr(doc._, "quotes", None) or ())
        quoted = [(s.start, s.end) for q in quotes for s in q.stretches]
        resolver = Resolver(doc, self.pronouns, {}, quoted, self.speaker_words)
        for quote in quotes:
            if quote.speaker is not None:
                resolver.spoke(quote.speaker, quote.name, quote.entity)
        return resolver

    def find(
        self,
        sent: Span,
        dates: list[DateSpan],
        resolver: Resolver | None = None,
        quoted: list[tuple[int, int]] | None = None,
        outlets: frozenset[str] = frozenset(),
    ) -> list[EventSpan]:
        out: list[EventSpan] = []
        if is_boilerplate(sent):
            return out
        triggers = self.lexicon.find(sent)
        verbs = {t.head.i for t in triggers if t.head.pos_ in ("VERB", "AUX")}
        for trigger in triggers:
            if any(c.dep_ == "neg" for c in trigger.head.children):
                continue  # "did not agree": PLOVER codes the refusal, not the event
            if unsaid(trigger.head, self.cues):
                continue  # "did not say he had ordered it"
            sources, targets = roles(trigger, self.lexicon)
            event = EventSpan(
                type=trigger.entry.type,
                mode=trigger.entry.mode,
                trigger=trigger.span,
                source=sources,
                target=targets,
                status=status_of(trigger.head, self.future_cues, trigger.entry.type),
                date=event_date(trigger.head, dates, self.cues),
            )
            event.source = own_sources(event, quoted or [])  # a statement's sayer stays its source
            event = as_statement(event, trigger.head, self.lexicon, self.cues, self.future_cues)
            if resolver is not None:
                event.names = resolve_pronouns(event, resolver)
            event = self.scored(event, trigger, verbs, quoted or [], outlets)
            out.extend(self.placed(event, trigger))
        return drop_echoes(out)

    def scored(
        self,
        event: EventSpan,
        trigger: Trigger,
        verbs: set[int],
        quoted: list[tuple[int, int]],
        outlets: frozenset[str],
    ) -> EventSpan:
        """The event with its parties checked and its confidence; an event no actor did (or a
        meeting of one) is kept as found, never trusted (hidden)."""
        actors = self.parties(event, outlets)
        if not holds(actors, self.agents):
            event.confidence = 0.0
            return event
        lost = lost_source(event.source, actors.source)
        actors.confidence = confidence(
            actors,
            self.agents,
            trigger.entry.cameo,
            lost=lost,
            about_things=self.lexicon.about_things,
            theme=theme_of_another(trigger.head, verbs),
            remention=is_remention(trigger.head),
            aid_objects=self.lexicon.aid_objects,
            acts=self.lexicon.act_nouns(actors.type),
            all_acts=self.all_acts,
            command=commanded(actors, quoted),
        )
        return actors

    def placed(self, event: EventSpan, trigger: Trigger) -> list[EventSpan]:
        """One event per trigger and place: "met A, B and C" is one meeting with three parties;
        "met with A, then with B" is two (a preposition said again starts another act), and so
        is a trip "to Cairo and Amman" (one visit a place). A place acted on is the target
        ("lifted the curfew in X"), never one inside the source ("the Embassy in X suspended")."""
        found = find_place(trigger, event.source + event.target, self.places) or [None]
        if (
            not event.target
            and found[0] is not None
            and event.type in self.lexicon.places_as_targets
            and not within_party(found[0], event.source)
        ):
            event.target = [found[0]]
        out = []
        for place in found:
            for one in split_by_preposition(replace(event, place=place)):
                one.names = event.names | state_names(one, self.places)
                out.append(one)
        return out


def within_party(place: Span, parties: list[Span]) -> bool:
    """Whether a place is part of a party's own phrase ("the Embassy in <country>")."""
    return any(place.root in party.root.subtree for party in parties)


def introducer(span: Span) -> Token | None:
    """The preposition a party hangs from, through its conjuncts ("with A and B": "with")."""
    node = span.root
    for _ in range(8):
        if node.dep_ != "conj" or node.head == node:
            break
        node = node.head
    return node.head if node.dep_ == "pobj" and node.head.pos_ == "ADP" else None


def split_by_preposition(event: EventSpan) -> list[EventSpan]:
    """One event per phrase when a role's parties come in phrases of the same preposition said
    again ("met with A, then with B"; "deals between A and B and between C and D")."""
    for role in ("target", "source"):
        spans: list[Span] = getattr(event, role)
        heads = [introducer(s) for s in spans]
        preps = {h.i: h.lower_ for h in heads if h is not None}
        if len(preps) < 2 or len(set(preps.values())) == len(preps):
            continue
        groups: dict[int | None, list[Span]] = {}
        for span, head in zip(spans, heads, strict=True):
            groups.setdefault(head.i if head is not None else None, []).append(span)
        shared = groups.pop(None, [])  # a subject's parties are in every act
        return [replace(event, **{role: shared + group}) for group in groups.values()]
    return [event]


PERSONAL = ("he", "him", "she", "her")  # "they" may be a group: left alone


def resolve_pronouns(event: EventSpan, resolver: Resolver) -> dict[tuple[int, int], str]:
    """The person each "he"/"she" among the event's parties stands for, by the speakers' rules
    (the last speaker of that gender, else the last subject; no guess on a tie)."""
    names = dict(event.names)
    for span in (*event.source, *event.target):
        if len(span) == 1 and span.root.lower_ in PERSONAL:
            name = resolver.antecedent(span)
            if name is not None:
                names[(span.start, span.end)] = name
    return names


@Language.factory(
    "newsgraph_events",
    assigns=["doc._.events"],
    requires=["doc._.dates"],
    default_config={
        "events": "plover_events.tsv",
        "cameo": "",
        "cameo_skips": "cameo_skips.txt",
        "cameo_phrases_only": False,
        "agents": "agent_nouns.txt",
        "roles": "plover_roles.tsv",
        "statements": "plover_statements.tsv",
        "cues": "statement_cues.txt",
        "future_cues": "future_cues.txt",
        "actor_nouns": "actor_nouns.txt",
        "groups": "actor_groups.txt",
        "pronouns": "pronouns.txt",
        "hazards": "hazards.txt",
        "valence": "valence.tsv",
    },
)
def make_events(
    nlp: Language,
    name: str,
    events: str,
    cameo: str,
    cameo_skips: str,
    cameo_phrases_only: bool,
    agents: str,
    roles: str,
    statements: str,
    cues: str,
    future_cues: str,
    actor_nouns: str,
    groups: str,
    pronouns: str,
    hazards: str,
    valence: str,
) -> EventsFinder:
    lexicon = load_lexicon(
        events,
        roles,
        cameo or None,
        cameo_skips or None,
        statements,
        actor_nouns,
        groups,
        cameo_phrases_only=cameo_phrases_only,
    )
    return EventsFinder(
        lexicon=lexicon,
        agents=load_words(agents) | load_words(actor_nouns),
        cues=load_words(cues),
        future_cues=load_words(future_cues),
        places=load_places(),
        pronouns=load_words(pronouns),
        speaker_words=SpeakerWords.load(),
        all_acts=lexicon.all_act_nouns(),
        hazards=load_words(hazards),
        valence=load_valence(valence) if valence else {},
    )
