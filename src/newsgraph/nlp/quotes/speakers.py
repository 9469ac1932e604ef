"""Speaker resolution for newsgraph_quotes: from an attributing mention to an entity's full name.

Prefers the entity clusters of newsgraph_entities (`doc._.entities`) when they exist. Without
them it falls back on the doc's named entities: a name resolves to the fullest name of the article
ending in the same surname; a pronoun to the last speaker when nobody else was named since, else to
the most recent person; a descriptor ("the secretary", "the ministry") to a previous speaker or a
person introduced with that title. What cannot be resolved stays None: no guessing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from spacy.tokens import Doc, Span

from newsgraph.nlp import EntityIndex

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# A pronoun's antecedent is looked for this many sentences back at most.
PRONOUN_REACH = 4


class Resolver:
    """Resolves the speakers of one doc, in text order; remembers who spoke last.

    Every look-up goes through an index built once per doc (people by surname and by title word,
    entities and speakers by position), so resolving all of a long article's quotes stays linear
    in its length (issue 18: a whole-doc scan per quote made a 100 KB article take hours).
    """

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
        self.entities = EntityIndex(doc._.entities) if doc._.entities else None
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self.people = [e for e in self.ents if e.label_ == "PERSON"]
        # people named inside quotation marks are talked about, not the ones a pronoun outside
        # points back to ("Doe said “Roe is a treasure.” She described him as ...": Doe)
        inside = Stabbing(quoted)
        self.narrated = [p for p in self.people if not inside.holds(p.start_char)]
        self.narrated_starts = [p.start_char for p in self.narrated]
        self.longest = _longest_by_surname(self.people)
        # title word -> (the people it introduces, their start offsets); built when first asked
        self.titled: dict[str, tuple[list[int], list[int]]] | None = None
        self.sent_starts = [s.start_char for s in doc.sents]
        self.named: list[tuple[Span, str]] = []  # speakers resolved to a name, in text order
        self.named_by_word: dict[str, list[tuple[Span, str]]] = {}

    def spoke(self, mention: Span, name: str | None, entity: str | None) -> None:
        if name is None:
            return
        self.named.append((mention, name))
        for word in {t.lower_ for t in mention}:
            self.named_by_word.setdefault(word, []).append((mention, name))

    def resolve(self, mention: Span) -> tuple[str | None, str | None]:
        """(full name, entity id) of an attributing mention; None where unknown."""
        if self.entities is not None:
            root = mention.root
            cluster = self.entities.at(root.idx, root.idx + len(root)) or self.entities.at(
                mention.start_char, mention.end_char
            )
            if cluster is not None:
                return cluster.name, cluster.key
        if mention.root.lower_ in self.pronouns:
            return self.antecedent(mention), None
        ents = [e for e in self.ents_in(mention) if e.label_ in NAMED and e.text != e.text.lower()]
        ent = next((e for e in ents if e.start <= mention.root.i < e.end), None)
        if ent is None and ents:
            ent = max(ents, key=len)
        if ent is not None:
            return self.full_name(ent), None
        if mention.root.pos_ == "PROPN" and mention.root.text[:1].isupper():
            return self.full_name(mention), None
        return self.descriptor(mention), None

    def ents_in(self, span: Span) -> list[Span]:
        """`span.ents` (the entities from its start on, up to the first that runs past its end)
        without spaCy's walk over every entity of the doc."""
        found = []
        for ent in self.ents[bisect_left(self.ent_starts, span.start) :]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    def full_name(self, name: Span) -> str:
        """The longest person name of the doc ending in the same surname as `name`."""
        tokens = [t for t in name if not t.is_punct and t.tag_ != "POS" and t.lower_ != "the"]
        if not tokens:
            return name.text
        best = " ".join(t.text for t in tokens)
        longest = self.longest.get(tokens[-1].text)
        return longest if longest is not None and len(longest) > len(best) else best

    def antecedent(self, mention: Span) -> str | None:
        """The last speaker if nobody else was named since, else the most recent person."""
        if mention.root.lower_ in ("they", "them", "who"):
            return None
        index = bisect_right(self.sent_starts, mention.start_char) - 1
        window_start = self.sent_starts[max(0, index - PRONOUN_REACH)]
        lo = bisect_left(self.narrated_starts, window_start)
        before = self.narrated[lo : bisect_left(self.narrated_starts, mention.start_char)]
        last = _last_before(self.named, mention.start_char)
        if last is not None:
            last_mention, last_name = last
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
        spoken = _last_before(self.named_by_word.get(head, []), mention.start_char)
        if spoken is not None:
            return spoken[1]
        if not words:
            return None
        if self.titled is None:
            self.titled = {}
            for i, person in enumerate(self.people):
                for word in _titles(person):
                    holders, starts = self.titled.setdefault(word, ([], []))
                    holders.append(i)
                    starts.append(person.start_char)
        # the last person before the mention that one of the wanted words introduces
        last = -1
        for word in {head} | self.synonyms.get(head, frozenset()):
            holders, starts = self.titled.get(word, ([], []))
            at = bisect_left(starts, mention.start_char)
            if at:
                last = max(last, holders[at - 1])
        return self.full_name(self.people[last]) if last >= 0 else None


class Stabbing:
    """Whether an offset lies inside any of some (start, end) spans, in log time: the spans sorted
    by start, with the furthest end reached so far."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def holds(self, at: int) -> bool:
        k = bisect_right(self.starts, at)  # the spans starting at or before `at`
        return k > 0 and self.reach[k - 1] > at


def _last_before(named: list[tuple[Span, str]], start: int) -> tuple[Span, str] | None:
    """The last speaker named whose mention ends by `start`."""
    for mention, name in reversed(named):
        if mention.end_char <= start:
            return mention, name
    return None


def _longest_by_surname(people: list[Span]) -> dict[str, str]:
    """Surname -> the first of the longest names of the doc that end in it."""
    longest: dict[str, str] = {}
    for person in people:
        words = [t.text for t in person if t.tag_ != "POS"]
        if words and len(" ".join(words)) > len(longest.get(words[-1], "")):
            longest[words[-1]] = " ".join(words)
    return longest


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
