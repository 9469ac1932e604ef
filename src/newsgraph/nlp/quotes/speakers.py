"""Speaker resolution for newsgraph_quotes: from an attributing mention to an entity's full name.

Prefers the entity clusters of newsgraph_entities (`doc._.entities`) when they exist. Without
them it falls back on the doc's named entities: a name resolves to the fullest name of the article
ending in the same surname; a pronoun to the last speaker when nobody else was named since, else to
the most recent person; a descriptor ("the secretary", "the ministry") to a previous speaker or a
person introduced with that title. What cannot be resolved stays None: no guessing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.nlp import entity_at

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# A pronoun's antecedent is looked for this many sentences back at most.
PRONOUN_REACH = 4


class Resolver:
    """Resolves the speakers of one doc, in text order; remembers who spoke last."""

    def __init__(
        self,
        doc: Doc,
        pronouns: frozenset[str],
        synonyms: dict[str, frozenset[str]],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        """`synonyms`: descriptor -> title words it may stand for ("premier": prime, minister)."""
        self.doc = doc
        self.pronouns = pronouns
        self.synonyms = synonyms
        self.clusters = bool(doc._.entities)
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]
        # people named inside quotation marks are talked about, not the ones a pronoun outside
        # points back to ("Doe said “Roe is a treasure.” She described him as ...": Doe)
        self.narrated = [
            p for p in self.people if not any(a <= p.start_char < b for a, b in quoted)
        ]
        self.sent_starts = [s.start_char for s in doc.sents]
        self.spoken: list[tuple[Span, str | None, str | None]] = []

    def spoke(self, mention: Span, name: str | None, entity: str | None) -> None:
        self.spoken.append((mention, name, entity))

    def resolve(self, mention: Span) -> tuple[str | None, str | None]:
        """(full name, entity id) of an attributing mention; None where unknown."""
        if self.clusters:
            root = mention.root
            cluster = entity_at(self.doc, root.idx, root.idx + len(root)) or entity_at(
                self.doc, mention.start_char, mention.end_char
            )
            if cluster is not None:
                return cluster.name, cluster.key
        if mention.root.lower_ in self.pronouns:
            return self.antecedent(mention), None
        ents = [e for e in mention.ents if e.label_ in NAMED and e.text != e.text.lower()]
        ent = next((e for e in ents if e.start <= mention.root.i < e.end), None)
        if ent is None and ents:
            ent = max(ents, key=len)
        if ent is not None:
            return self.full_name(ent), None
        if mention.root.pos_ == "PROPN" and mention.root.text[:1].isupper():
            return self.full_name(mention), None
        return self.descriptor(mention), None

    def full_name(self, name: Span) -> str:
        """The longest person name of the doc ending in the same surname as `name`."""
        tokens = [t for t in name if not t.is_punct and t.tag_ != "POS" and t.lower_ != "the"]
        if not tokens:
            return name.text
        surname = tokens[-1].text
        best = " ".join(t.text for t in tokens)
        for person in self.people:
            words = [t.text for t in person if t.tag_ != "POS"]
            if words and words[-1] == surname and len(" ".join(words)) > len(best):
                best = " ".join(words)
        return best

    def antecedent(self, mention: Span) -> str | None:
        """The last speaker if nobody else was named since, else the most recent person."""
        if mention.root.lower_ in ("they", "them", "who"):
            return None
        index = bisect_right(self.sent_starts, mention.start_char) - 1
        window_start = self.sent_starts[max(0, index - PRONOUN_REACH)]
        before = [p for p in self.narrated if window_start <= p.start_char < mention.start_char]
        spoken = [
            s for s in self.spoken if s[1] is not None and s[0].end_char <= mention.start_char
        ]
        if spoken:
            last_mention, last_name, _ = spoken[-1]
            others = [p for p in before if p.start_char >= last_mention.end_char]
            if not others or all(self.full_name(p) == last_name for p in others):
                return last_name
        subjects = [p for p in before if p.root.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return self.full_name(subjects[-1])
        if before:
            return self.full_name(before[-1])
        return None

    def descriptor(self, mention: Span) -> str | None:
        """ "the secretary", "the ministry": a previous speaker or person bearing that title."""
        head = mention.root.lower_
        words = {t.lower_ for t in mention if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        for spoken, name, _ in reversed(self.spoken):
            if (
                name is not None
                and spoken.end_char <= mention.start_char
                and head in {t.lower_ for t in spoken}
            ):
                return name
        wanted = {head} | self.synonyms.get(head, frozenset())
        for person in reversed([p for p in self.people if p.start_char < mention.start_char]):
            if wanted & _titles(person) and words:
                return self.full_name(person)
        return None


def _titles(person: Span) -> set[str]:
    """Lower-case words introducing a person: "Prime Minister X", "ambassador ..., X"."""
    doc = person.doc
    words = set()
    for t in doc[max(person.sent.start, person.start - 6) : person.start]:
        words.add(t.lower_)
    root = person.root
    if root.dep_ == "appos":  # "ambassador to the UK and to the UN, X": climb to the title
        head = root.head
        while head.dep_ in ("pobj", "prep", "conj", "cc") and head.head.i != head.i:
            head = head.head
        words.update(t.lower_ for t in doc[head.left_edge.i : person.start])
    for child in root.children:
        if child.dep_ == "appos":
            words.update(t.lower_ for t in child.subtree)
    return words
