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

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp import EntityCluster
from newsgraph.nlp.entities.clusters import Clusters
from newsgraph.nlp.entities.descriptors import Descriptors
from newsgraph.nlp.entities.drafts import (
    LABELS,
    Draft,
    clean_name,
)
from newsgraph.nlp.entities.holders import OfficeHolders
from newsgraph.nlp.entities.others import Others
from newsgraph.nlp.entities.people import People
from newsgraph.nlp.entities.places import Gazetteer, load_gazetteer
from newsgraph.nlp.entities.titles import (
    Lexicon,
)
from newsgraph.nlp.readers import load_words

# Words no name ends with: an ent the model ran into the next phrase ("<first> <last> of")
TRAILING = frozenset({"of", "and", "the", "for", "in", "at", "to", "on", "with", "&", ","})


def untrailed(ent: Span) -> Span | None:
    """The ent without the function words the model left at its end; None when none is left."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].lower_ in TRAILING:
        end -= 1
    if end == ent.end:
        return ent
    return Span(ent.doc, ent.start, end, ent.label_) if end > ent.start else None


@dataclass
class EntitiesFinder:
    """Finds mentions and merges them; holds the lexicons loaded once when built."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    holders: OfficeHolders
    place_cues: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [e for e in map(untrailed, doc.ents) if e is not None]
        drafts = Drafts(
            doc=doc,
            lexicon=self.lexicon,
            gazetteer=self.gazetteer,
            holders=self.holders,
            place_cues=self.place_cues,
            roles=self.roles,
            platforms=self.platforms,
        )
        doc._.entities = drafts.run()
        drafts.relabel()
        return doc


@dataclass
class Drafts(People, Others, Descriptors, Clusters):
    """The state of drafting one doc: drafts in the making and the tokens already claimed."""

    doc: Doc
    lexicon: Lexicon
    gazetteer: Gazetteer
    holders: OfficeHolders
    place_cues: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()  # role nouns that may stand as a title before a surname
    platforms: frozenset[str] = frozenset()  # online platforms: organisations, never people
    persons: list[Draft] = field(default_factory=list)
    others: dict[tuple[str, str], Draft] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    dropped: set[tuple[int, int]] = field(default_factory=set)  # ents read as part of a title

    def run(self) -> list[EntityCluster]:
        ents = [e for e in self.doc.ents if e.label_ in LABELS]
        self.find_persons(ents)
        self.find_titles()
        for ent in ents:
            if ent.label_ == "PERSON" and clean_name(ent).casefold() in self.platforms:
                ent = Span(self.doc, ent.start, ent.end, "ORG")  # "posted on <platform>"
            elif ent.label_ == "PERSON" and self.gazetteer.resolve(clean_name(ent)) is None:
                continue  # every real name is claimed by now; what is left is junk ("W]e")
            elif ent.label_ == "PERSON":  # a place the model took for a person: "visited <city>"
                ent = Span(self.doc, ent.start, ent.end, "GPE")
            if not self.claimed(ent) and (ent.start, ent.end) not in self.dropped:
                self.add_bracketed(ent)
        self.find_abbreviations()
        self.find_descriptors()
        self.name_ministries()
        return self.clusters()


@Language.factory(
    "newsgraph_entities",
    assigns=["doc._.entities", "doc.ents"],
    default_config={
        "titles": "titles.txt",
        "descriptors": "descriptors.tsv",
        "place_cues": "place_cues.txt",
        "office_holders": "office_holders.tsv.gz",
        "roles": "agent_nouns.txt",
        "platforms": "platforms.txt",
    },
)
def make_entities(
    nlp: Language,
    name: str,
    titles: str,
    descriptors: str,
    place_cues: str,
    office_holders: str,
    roles: str,
    platforms: str,
) -> EntitiesFinder:
    """Build newsgraph_entities; the lists are file names in `nlp/resources/` (or paths)."""
    return EntitiesFinder(
        lexicon=Lexicon.load(titles, descriptors),
        gazetteer=load_gazetteer(),
        holders=OfficeHolders.load(office_holders),
        place_cues=load_words(place_cues),
        roles=load_words(roles),
        platforms=load_words(platforms),
    )
