"""newsgraph_entities: named mentions merged into one entity per referent, with roles and places.

Reads spaCy's named entities and the text around them; writes `doc._.entities`, a list of
EntityCluster ("e0", "e1" ... in order of first mention). A person collects its full name,
surname, title + name ("President <surname>") and descriptors ("the premier", "<seat>'s top
diplomat") that fit a role the article gave it; labels are made consistent across the article
(a surname the model tagged ORG or GPE, or left untagged, joins its person). Places resolve to a
country and coordinates through the exact-name gazetteer in `places.py`; a seat of government
acting ("<capital> said", "<capital>'s envoy") is a metonym mention of its country.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.nlp import EntityCluster, MentionSpan
from newsgraph.nlp.places import Gazetteer, clean_place, load_gazetteer
from newsgraph.nlp.titles import (
    POSSESSIVE_TOKENS,
    SOFT_MODIFIERS,
    Lexicon,
    Title,
    role_text,
    strip_article,
    title_after,
    title_before,
    title_in_apposition,
    title_matches,
)

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words before a place, not a person: "visited <city>" (the model tags some cities PERSON).
PLACE_CUES = frozenset({"in", "to", "from", "at", "near", "into", "visited", "toward", "towards"})
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
    if any(c.isdigit() for c in name):  # "COVID-19", "49ers": no person's name
        return None
    return Span(doc, start, end, "PERSON")


@dataclass
class EntitiesFinder:
    """Finds mentions and merges them; holds the lexicons loaded once when built."""

    lexicon: Lexicon
    gazetteer: Gazetteer

    def __call__(self, doc: Doc) -> Doc:
        resolver = Resolver(doc, self.lexicon, self.gazetteer)
        doc._.entities = resolver.run()
        resolver.relabel()
        return doc


@dataclass
class Resolver:
    """The state of resolving one doc: drafts in the making and the tokens already claimed."""

    doc: Doc
    lexicon: Lexicon
    gazetteer: Gazetteer
    persons: list[Draft] = field(default_factory=list)
    others: dict[tuple[str, str], Draft] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    dropped: set[tuple[int, int]] = field(default_factory=set)  # ents read as part of a title

    def run(self) -> list[EntityCluster]:
        ents = [e for e in self.doc.ents if e.label_ in LABELS]
        self.find_persons(ents)
        self.find_titles()
        for ent in ents:
            if ent.label_ == "PERSON" and self.gazetteer.resolve(clean_name(ent)) is None:
                continue  # every real name is claimed by now; what is left is junk ("W]e")
            if ent.label_ == "PERSON":  # a place the model took for a person: "visited <city>"
                ent = Span(self.doc, ent.start, ent.end, "GPE")
            if not self.claimed(ent) and (ent.start, ent.end) not in self.dropped:
                self.add_other(ent)
        self.find_descriptors()
        self.name_ministries()
        return self.clusters()

    # --- people ---------------------------------------------------------------------------------

    def claimed(self, span: Span) -> bool:
        return any(i in self.taken for i in range(span.start, span.end))

    def claim(self, draft: Draft, span: Span, kind: str) -> None:
        draft.add(span, kind)
        self.taken.update(range(span.start, span.end))

    def find_persons(self, ents: list[Span]) -> None:
        """Full names first, then every single word that is one of their surnames."""
        names = [s for e in ents if self.is_person(e) and (s := person_span(e)) is not None]
        for span in names:
            if len(clean_name(span).split()) > 1:
                self.claim(self.person_named(clean_name(span)), span, "name")
        full = {" ".join(p.words): p for p in self.persons}
        for ent in ents:  # a full name the model labelled ORG or GPE
            if ent.label_ != "PERSON" and clean_name(ent) in full and not self.claimed(ent):
                self.claim(full[clean_name(ent)], ent, "name")
        for span in names:
            if not self.claimed(span):
                draft = self.surname_owner(clean_name(span), span.start)
                kind = "surname"
                if draft is None:  # a first name of one person only: "Louise"
                    kind = "name"
                    owners = [p for p in self.persons if p.words[0] == clean_name(span)]
                    draft = owners[0] if len(owners) == 1 and len(owners[0].words) > 1 else None
                if draft is None:
                    draft = self.person_named(clean_name(span))
                self.claim(draft, span, kind)
        self.find_surnames(ents)

    def is_person(self, ent: Span) -> bool:
        """A PERSON ent, or a name right after a title whatever its label ("Chancellor <name>"
        tagged ORG); not a lone place name after a preposition ("visited <city>" tagged PERSON)."""
        doc = self.doc
        text = clean_name(ent)
        if ent.label_ == "PERSON":
            lone_place = len(text.split()) == 1 and self.gazetteer.resolve(text) is not None
            return not (lone_place and ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_CUES)
        if ent.label_ not in LABELS or self.gazetteer.resolve(text) is not None:
            return False
        start = ent.start - (ent.start > 0 and doc[ent.start - 1].text == "[")
        title = self.lexicon.title_ending(doc, start, max(0, start - self.lexicon.longest))
        return title is not None and doc[title].is_title and all(t.is_title for t in ent)

    def person_named(self, name: str) -> Draft:
        for draft in self.persons:
            if draft.name == name:
                return draft
        draft = Draft(label="PERSON", name=name)
        self.persons.append(draft)
        return draft

    def surname_owner(self, word: str, token: int) -> Draft | None:
        """The person whose surname `word` is: the last one mentioned before `token` if several."""
        owners = [p for p in self.persons if len(p.words) > 1 and p.words[-1] == word]
        if not owners:
            return None
        return max(owners, key=lambda p: (p.last_before(token), -p.first()))

    def find_surnames(self, ents: list[Span]) -> None:
        """Surnames the model tagged as something else, or did not tag at all."""
        for ent in ents:
            if ent.label_ == "PERSON" or self.claimed(ent):
                continue
            text = clean_name(ent)
            draft = self.surname_owner(text, ent.start)
            if draft is not None and self.gazetteer.resolve(text) is None:
                self.claim(draft, trim_possessive(ent), "surname")
        surnames = {p.words[-1] for p in self.persons if len(p.words) > 1}
        for token in self.doc:
            if token.text in surnames and token.i not in self.taken and token.ent_type_ == "":
                draft = self.surname_owner(token.text, token.i)
                if draft is not None:
                    self.claim(draft, self.doc[token.i : token.i + 1], "surname")

    def find_titles(self) -> None:
        """Titles beside every name mention; title + name becomes a mention of its own."""
        for draft in self.persons:
            for mention in list(draft.mentions):
                found = self.titles_of(mention.span)
                for title in found:
                    draft.titles.append(title)
                    self.drop_ents_in(title)
                    if title.attached:
                        whole = self.doc[title.span.start : mention.span.end]
                        draft.add(whole, "title")
                    self.taken.update(range(title.head_start, title.head_end))
        self.share_countries()

    def titles_of(self, name: Span) -> list[Title]:
        doc, lexicon, gazetteer = self.doc, self.lexicon, self.gazetteer
        before = title_before(doc, name, lexicon, gazetteer)
        # "<capital>'s top diplomat, Foreign Minister <name>": an apposition before the title
        appos = title_in_apposition(doc, before.span if before else name, lexicon, gazetteer)
        if before is not None and appos is not None and before.country is None:
            before.country, before.body = appos.country, appos.body
        found = [before, appos, title_after(doc, name, lexicon, gazetteer)]
        return [t for t in found if t is not None and not self.claimed(t.span)]

    def drop_ents_in(self, title: Title) -> None:
        """Ents inside a title are read as part of it ("State" in "Secretary of State",
        an adjective "French"), except the countries and bodies it names ("United States")."""
        for ent in title.span.ents:
            in_head = title.head_start <= ent.start < title.head_end
            if in_head or ent.label_ not in ("GPE", "ORG", "LOC"):
                self.dropped.add((ent.start, ent.end))

    def share_countries(self) -> None:
        """A title in a list takes the country of the list's first title: "<country>'s Foreign
        Minister A, Defense Minister B and lawmaker C" makes B and C office holders of <country>."""
        titled = sorted(
            ((t, d) for d in self.persons for t in d.titles if t.attached),
            key=lambda pair: pair[0].span.start,
        )
        for (prev, prev_draft), (title, _) in itertools.pairwise(titled):
            gap = self.doc[prev_draft_end(prev_draft, prev) : title.span.start]
            if title.country is None and title.body is None and gap.text in (",", "and"):
                title.country = prev.country
                title.body = prev.body
        # An office written without its country ("President <name>") is taken to be of the
        # country of the article's first office holder whose country is written: a guess that
        # holds for the usual news story about one government and its counterparts.
        home = next((t.country for t, _ in titled if t.country), None)
        for title, _ in titled:
            unplaced = title.body is None and title.place is None
            if title.country is None and unplaced and title.title[:1].isupper():
                title.country = home

    # --- other entities ---------------------------------------------------------------------

    def add_other(self, ent: Span) -> None:
        """An ORG, place or group: merged by resolved place or by clean name."""
        ent = trim_possessive(ent)
        text = clean_name(ent)
        if not text:
            return
        label = ent.label_
        if label in PLACE_LABELS:
            seat = self.gazetteer.seat_of(text)
            if seat is not None and self.acts(ent):
                self.claim(self.country_draft(seat), ent, "metonym")
                return
            place = self.gazetteer.resolve(text)
            if place is not None and place.kind == "country" and place.country:
                self.claim(self.country_draft(place.country), ent, "name")
                return
            if place is not None:
                draft = self.other(("place", place.name), label, place.name)
                draft.country, draft.latitude, draft.longitude = (
                    place.country,
                    place.latitude,
                    place.longitude,
                )
                self.claim(draft, ent, "name")
                return
        if self.is_descriptor(ent):
            text = text.title()  # "the foreign ministry" -> "Foreign Ministry"
        draft = self.other((label, text.lower()), label, text)
        if label == "NORP":
            draft.country = self.gazetteer.country_of(text) or self.gazetteer.country_of(
                text.removesuffix("s")
            )
        kind = "descriptor" if self.is_descriptor(ent) else "name"
        self.claim(draft, ent, kind)

    @staticmethod
    def is_descriptor(ent: Span) -> bool:
        """An ent of common nouns: "the foreign ministry", not "the Democratic party"."""
        return len(ent) > 1 and ent[0].lower_ == "the" and all(t.is_lower for t in ent[1:])

    def other(self, key: tuple[str, str], label: str, name: str) -> Draft:
        if key not in self.others:
            self.others[key] = Draft(label=label, name=name)
        return self.others[key]

    def country_draft(self, code: str) -> Draft:
        name = self.gazetteer.country_name(code).removeprefix("the ")
        place = self.gazetteer.resolve(name)
        draft = self.other(("country", code), "GPE", name)
        draft.country = code
        if place is not None:
            draft.latitude, draft.longitude = place.latitude, place.longitude
        return draft

    def acts(self, ent: Span) -> bool:
        """A seat of government standing for its state: "<capital>'s envoy", "<capital> said",
        "a halt by <capital>"."""
        doc = self.doc
        if ent.end < len(doc) and doc[ent.end].text in POSSESSIVE_TOKENS:
            return True
        if ent.start > 0 and doc[ent.start - 1].lower_ == "by":
            return True
        return ent.root.dep_ in AGENT_DEPS

    # --- descriptors ------------------------------------------------------------------------

    def find_descriptors(self) -> None:
        """ "the premier", "the French premier", "<seat>'s top diplomat", "the ministry"."""
        doc = self.doc
        i = 0
        while i < len(doc):
            end = None if i in self.taken else self.lexicon.phrase_starting(doc, i)
            if end is None or any(j in self.taken for j in range(i, end)):
                i += 1
                continue
            if end < len(doc) and doc[end].ent_type_ == "PERSON":
                i = end  # a title before a name the model split off
                continue
            self.descriptor(i, end)
            i = end

    def descriptor(self, head: int, end: int) -> None:
        doc = self.doc
        start, country, seat = head, None, None
        while start > 0 and doc[start - 1].lower_ in SOFT_MODIFIERS:
            start -= 1
        if start > 0 and doc[start - 1].text in self.gazetteer.demonyms:
            start -= 1
            country = self.gazetteer.demonyms[doc[start].text]
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        elif start > 1 and doc[start - 1].text in POSSESSIVE_TOKENS and country is None:
            owner = doc[start - 2]
            owner_ent = next(
                (e for e in doc.ents if e.end == start - 1), doc[start - 2 : start - 1]
            )
            country = self.gazetteer.seat_of(owner_ent.text) or self.gazetteer.country_of(
                owner_ent.text
            )
            if country is None or (owner.i in self.taken and not self.is_place(owner.i)):
                return
            seat = owner_ent
            start = owner_ent.start
        else:
            return
        words = tuple(t.lower_ for t in doc[head:end])
        label, targets = self.lexicon.targets(words)
        draft = self.referent(label, targets, country, start)
        if draft is None:
            return
        if seat is not None:
            self.remove_mention(seat)
            self.claim(self.country_draft(country), seat, "metonym")
        self.claim(draft, doc[start:end], "descriptor")

    def is_place(self, token: int) -> bool:
        return any(
            d.label in PLACE_LABELS and any(m.span.start <= token < m.span.end for m in d.mentions)
            for d in self.others.values()
        )

    def remove_mention(self, span: Span) -> None:
        for draft in self.others.values():
            draft.mentions = [
                m for m in draft.mentions if (m.span.start, m.span.end) != (span.start, span.end)
            ]

    def referent(
        self, label: str, targets: frozenset[str], country: str | None, token: int
    ) -> Draft | None:
        """The holder of a matching role (or the body of a matching name): the last mentioned
        before `token`, else the first after it."""
        if label == "PERSON":  # "the Egyptian president" needs a president known to be Egyptian
            found = [
                p
                for p in self.persons
                for t in p.titles
                if title_matches(targets, t.title) and country in (None, t.country)
            ]
        else:
            found = [
                d
                for d in self.others.values()
                if d.label == label
                and any(set(t.split()) <= set(d.name.lower().split()) for t in targets)
            ]
        if not found:
            return None
        before = [d for d in found if d.last_before(token) >= 0]
        if before:
            return max(before, key=lambda d: d.last_before(token))
        return min(found, key=lambda d: d.first())

    def name_ministries(self) -> None:
        """A ministry known only as "the foreign ministry" belongs to the country of the article's
        foreign minister: it becomes "<adjective> Foreign Ministry" with that country."""
        for draft in self.others.values():
            words = draft.name.lower().split()
            if draft.label != "ORG" or words[-1:] != ["ministry"] or draft.country:
                continue
            if any(m.kind != "descriptor" for m in draft.mentions):
                continue
            office = " ".join([*words[:-1], "minister"])
            holders = [
                (p.last_before(draft.first()), t.country)
                for p in self.persons
                for t in p.titles
                if t.country and t.title.lower() == office
            ]
            if holders:
                code = max(holders, key=lambda h: h[0])[1]
                adjective = self.gazetteer.adjectives.get(code) if code else None
                if code and adjective:
                    draft.name, draft.country = f"{adjective} {draft.name}", code

    # --- output -----------------------------------------------------------------------------

    def clusters(self) -> list[EntityCluster]:
        drafts = [d for d in [*self.persons, *self.others.values()] if d.mentions]
        drafts.sort(key=lambda d: d.first())
        out = []
        for n, draft in enumerate(drafts):
            draft.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
            roles: list[str] = []
            for title in draft.titles:
                for role in role_text(title, self.gazetteer):
                    if role not in roles:
                        roles.append(role)
                if draft.country is None and title.country:
                    draft.country = title.country
            seen = [clean_name(m.span) for m in draft.mentions if m.kind in ("name", "surname")]
            aliases = [a for i, a in enumerate(seen) if a != draft.name and a not in seen[:i]]
            out.append(
                EntityCluster(
                    key=f"e{n}",
                    name=draft.name,
                    label=draft.label,
                    mentions=draft.mentions,
                    roles=roles,
                    aliases=aliases,
                    country=draft.country,
                    latitude=draft.latitude,
                    longitude=draft.longitude,
                )
            )
        return out

    def relabel(self) -> None:
        """Make doc.ents agree with the entities: a surname tagged ORG or GPE becomes PERSON, a
        city tagged PERSON becomes GPE; junk PERSON spans and ents read as part of a title go."""
        named = {
            (m.span.start, m.span.end): m.span
            for cluster in self.doc._.entities
            for m in cluster.mentions
            if m.kind in ("name", "surname", "metonym")
        }
        kept = [
            ent
            for ent in self.doc.ents
            if (ent.start, ent.end) not in self.dropped
            and not (ent.label_ == "PERSON" and person_span(ent) is None)
        ]
        ours = filter_spans(list(named.values()))
        spans = ours + [e for e in kept if not any(overlaps(e, p) for p in ours)]
        self.doc.ents = sorted(spans, key=lambda s: s.start)


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


@Language.factory(
    "newsgraph_entities",
    assigns=["doc._.entities", "doc.ents"],
    default_config={"titles": "titles.txt", "descriptors": "descriptors.tsv"},
)
def make_entities(nlp: Language, name: str, titles: str, descriptors: str) -> EntitiesFinder:
    return EntitiesFinder(lexicon=Lexicon.load(titles, descriptors), gazetteer=load_gazetteer())
