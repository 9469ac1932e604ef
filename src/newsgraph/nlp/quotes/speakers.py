"""Speaker resolution for newsgraph_quotes: from an attributing mention to an entity's full name.

A mention is read by its head: "<name>'s attorney" is the attorney (the possessor is another
person), "prosecutors", "officials", "police" are a group and never a named person. The head is
looked up in the entity clusters of newsgraph_entities (`doc._.entities`) when they exist, else in
the doc's named entities: a name resolves to the fullest name of the article ending in the same
surname; a pronoun, by gender and number where the text shows them (`text_genders`), to the
subject of the clause reporting it ("<name> said he ..."), else to the last speaker when nobody
else was named since, else to the main-clause subject of the latest sentence with one; never to
someone named inside a quotation or in its own clause, and to nobody for a pair, when two
subjects tie, or when the last to speak was described and not named; names listed together
("<A> and <B> said", "<A>-<B> said") speak as a group of those entities; a descriptor built on a
role noun ("the secretary", "the ministry") to a previous speaker or a person introduced with
that title, unless another body qualifies it ("the secretary of <union>"). A mention with an
indefinite determiner ("a protester", "one MP") is someone new and resolves to nobody; a head
is named by its own compounds and appositions, never by a body in a phrase describing it. Each
resolution says how it was made (`Resolution.via`) with a confidence. What cannot be resolved
stays None: no guessing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import EntityCluster, EntityIndex
from newsgraph.nlp.entities.titles import HARD_RANKS
from newsgraph.nlp.quotes.cues import mention_span, speaker_of
from newsgraph.nlp.quotes.names import HONORIFICS, SpeakerWords, capitalised_words
from newsgraph.nlp.spans import headed_by

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# Who may speak in a group of names: not a people (NORP), whose members are nobody in particular.
GROUP_MEMBERS = ("PERSON", "ORG", "GPE", "FAC")
# A pronoun's antecedent is looked for this many sentences back at most.
PRONOUN_REACH = 4
# Dependents that name someone else than the mention's head: "<name>'s attorney", "a lawyer for
# <name>".
OTHER_PARTY_DEPS = frozenset({"poss", "prep"})
PARTY_POS = frozenset({"ADP", "DET", "PART"})  # "for <name>", "for the <name>", "<name> 's"
# Dependents that are part of the name of a mention's head.
CHAIN_DEPS = frozenset({"compound", "flat", "appos", "conj", "cc", "poss", "case", "punct", "nmod"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Lower-case words inside a name: "Bank of <country>", "Department for Education".
NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "de", "la", "del", "von", "van", "der"})
# Determiners that introduce someone new: such a mention never points back to a named speaker.
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many"})
# words that count or quantify a plural: part of a group, not the group ("some Democrats")
QUANTIFIERS = INDEFINITE | {"most", "few", "other", "various", "numerous", "both"}
PARTITIVE = QUANTIFIERS - {"both"}  # "<A> and <B> both said": the two of them, all of the group
RANKS = frozenset({"only", "next", "last", "first"})  # ranking words the tagger may read as JJ
# Confidence by route: a prior order (a written name is surer than a descriptor or a pronoun), not
# a measurement; `newsgraph eval quotes` reports the resolved accuracy to weigh them against.
CONFIDENCE = {
    "name": 0.95,
    "title": 0.9,
    "surname": 0.85,
    "group": 0.85,
    "descriptor": 0.6,
    "document": 0.7,
    "pronoun": 0.6,
}
VIA_OF_KIND = {"name": "name", "surname": "surname", "title": "title", "metonym": "descriptor"}
# Routes whose resolved name is linked to the entity of that name (and so merged archive-wide).
LINKED_VIAS = frozenset({"name", "surname", "pronoun", "document"})
PAIRED_PRONOUNS = frozenset({"he", "she"})  # a listed member resolved alone: "Both he and <name>"
GENDER_OF_PRONOUN = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


@dataclass(frozen=True)
class Resolution:
    """What a speaker mention resolves to; all None when unresolved."""

    name: str | None = None
    entity: str | None = None
    via: str | None = None  # one of model.SPEAKER_VIAS
    confidence: float | None = None
    # a group of named speakers ("<A> and <B> said"): each one's entity id; `entity` is None
    members: tuple[str, ...] = ()


def as_group(members: Sequence[EntityCluster]) -> Resolution:
    """Several entities speaking together: their names joined ("<A>, <B> and <C>"), no one
    entity, each a member."""
    names = [c.name for c in members]
    name = f"{', '.join(names[:-1])} and {names[-1]}"
    keys = tuple(c.key for c in members)
    return Resolution(name, None, "group", CONFIDENCE["group"], keys)


def resolved(name: str | None, entity: str | None, via: str) -> Resolution:
    if name is None:
        return Resolution()
    return Resolution(name, entity, via, CONFIDENCE[via])


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
        words: SpeakerWords | None = None,
    ) -> None:
        """`synonyms`: descriptor -> title words it may stand for ("premier": prime, minister)."""
        self.doc = doc
        self.words = words if words is not None else SpeakerWords.load()
        self.title_words = frozenset(w for t in self.words.titles for w in t) | self.words.roles
        self.capitalised = capitalised_words(doc)
        self.genders: dict[str, str] = {}  # full name -> "m" / "f", from what the text shows
        self.pronouns = pronouns
        self.synonyms = synonyms
        self.entities = EntityIndex(doc._.entities) if doc._.entities else None
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self.people = [e for e in self.ents if e.label_ == "PERSON"]
        # people named inside quotation marks are talked about, not the ones a pronoun outside
        # points back to ("Doe said “Roe is a treasure.” She described him as ...": Doe)
        inside = Stabbing(quoted)
        self.quoted_at = inside.holds
        self.narrated = [p for p in self.people if not inside.holds(p.start_char)]
        self.narrated_starts = [p.start_char for p in self.narrated]
        self.longest = _longest_by_surname(self.people)
        self.genders = text_genders(self.narrated, self.full_name, quoted_at=inside.holds)
        self.person_names = {self.full_name(p) for p in self.people} | {
            c.name for c in doc._.entities or () if c.label == "PERSON"
        }
        # title word -> (the people it introduces, their start offsets); built when first asked
        self.titled: dict[str, tuple[list[int], list[int]]] | None = None
        self.sent_starts = [s.start_char for s in doc.sents]
        self.named: list[tuple[Span, str]] = []  # speakers resolved to a name, in text order
        self.named_by_word: dict[str, list[tuple[Span, str]]] = {}
        self.unnamed: list[Span] = []  # singular speakers described, not named, in text order

    def spoke(self, mention: Span, name: str | None, entity: str | None) -> None:
        if name is None:
            root = mention.root
            if root.tag_ == "NN" and (
                self.words.is_role(root) or root.lower_ in self.words.genders
            ):
                self.unnamed.append(mention)  # "the head of the inquiry told the court ..."
            return
        self.named.append((mention, name))
        for word in {t.lower_ for t in mention}:
            self.named_by_word.setdefault(word, []).append((mention, name))

    def resolve(self, mention: Span) -> Resolution:
        """What an attributing mention stands for; its name cleaned, or None when no name."""
        found = self.find(mention)
        if found.name is None or found.members:
            return found
        name = self.words.clean(found.name)
        if not self.words.is_name(name, mention, self.capitalised):
            return Resolution()
        entity = found.entity
        if entity is None and self.entities is not None:
            # a name the entity layer holds under that very name: its entity, when only one is.
            # A pronoun too, now that it abstains where unsure (60 of 66 right on
            # wikinews_dev); a descriptor only for a body ("the court" after "the Court of
            # <...>"): its guesses at people would merge them archive-wide
            cluster = self.entities.named(name)
            linked = found.via in LINKED_VIAS or (
                cluster is not None and found.via == "descriptor" and cluster.label != "PERSON"
            )
            entity = cluster.key if cluster is not None and linked else None
        return Resolution(name, entity, found.via, found.confidence)

    def find(self, mention: Span) -> Resolution:
        apposed = apposed_name(mention, self.words) or self.named_last(mention)
        if apposed is not None:
            mention = apposed
        root = mention.root
        if _listed(root):  # "<A>, <B> and <C> said": the group, none of them alone
            return self.group(root)
        pair = self.hyphened_pair(mention)
        if pair is not None:
            return pair
        pair = self.pair_named(mention)
        if pair is not None:  # "Both officers said" after "officers <A> and <B>"
            return pair
        if _some_of(root):
            return Resolution()  # "some Democrats said": some of a group, not the group
        nation = self.nation(root)
        if nation is not None:
            return nation
        branch = _org_branch(root) or _apposed_body(root)
        if branch is not None:
            return self.by_name(branch)
        core = head_tokens(mention, self.words)
        chain = self.head_chain(mention)
        if self.entities is not None:
            found = self.cluster_of(mention, core, chain)
            if found is not None:
                return found
        if root.lower_ in self.pronouns:
            return resolved(self.antecedent(mention), None, "pronoun")
        if self.words.is_group(mention):  # "prosecutors said": not the defendant named nearby
            return resolved(self.body_named(mention), None, "descriptor")
        owner = _common_owner(root, self.words)
        if owner is not None:  # "the court's summary": the court's word
            return self.find(owner)
        agent = _document_agent(root, mention, self.words)
        if agent is not None:  # "a poll published by <outlet>": the outlet's
            return self.find(agent)
        made = self.document_maker(mention)
        if made is not None:  # "the statement said" after "<body> released a statement"
            return (
                made
                if made.name is None
                else replace(made, via="document", confidence=CONFIDENCE["document"])
            )
        if root.tag_ == "NN" and _definite(root):
            named = self.bodies_named(mention)  # "the court said" after "the Court of <...>"
            # the names in it ("Commerce"), not what describes it ("the three-judge court")
            words = {t.lower_ for t in mention if t.pos_ == "PROPN" and t.i != root.i}
            bodies = [b for b in named if words <= set(b.lower().split())]
            if len(bodies) == 1:  # one such body named: two leave it open
                cluster = self.entities.named(bodies[0]) if self.entities is not None else None
                return resolved(bodies[0], cluster.key if cluster else None, "descriptor")
            if named and not bodies:
                return Resolution()  # "the Commerce department": another than the ones named
        if _indefinite(root) and (self.words.is_role(root) or root.lower_ in self.words.genders):
            return Resolution()  # "a protester", "one MP": someone new, not named
        inside = {t.i for t in core}
        ents = [
            e
            for e in self.ents_in(mention)
            if e.label_ in NAMED
            and e.text != e.text.lower()
            and e.root.dep_ != "amod"  # "polling by <party adjective> organizations"
            and not _hyphened(e[-1])  # "<religion>-majority countries"
            and inside & set(range(e.start, e.end))
            and (e.label_ == "PERSON" or chain & set(range(e.start, e.end)))
        ]
        ent = next((e for e in ents if e.start <= root.i < e.end), None)
        if ent is None and ents:
            people = [e for e in ents if e.label_ == "PERSON"]
            if people or not self.words.is_role(root):  # "an <org> spokesperson" is not <org>
                ent = max(people or ents, key=len)
        if ent is not None:
            return self.by_name(ent)
        if root.pos_ == "PROPN" and root.text[:1].isupper():
            return self.by_name(_proper_name(_after_owner(mention)))
        if not self.words.is_role(root) and root.lower_ not in self.synonyms:
            return Resolution()  # a descriptor is built on a role noun: "the secretary"
        if any(e.label_ in NAMED for e in self.ents_in(mention) if e.start not in chain):
            # "the general secretary of <union>": another body's officer than the one
            # introduced with that title before, for all the role noun says
            return Resolution()
        owner = {t.i for t in mention} - inside  # "<name>'s attorney" is not <name>
        name = self.descriptor(mention)
        if name is not None and any(
            self.full_name(e) == name
            for e in self.ents_in(mention)
            if owner & set(range(e.start, e.end))
        ):
            return Resolution()
        return resolved(name, None, "descriptor")

    def named_last(self, mention: Span) -> Span | None:
        """The person a mention ends with, right after a common noun, when the parser made
        another word its head ("Longtime <show> writer and performer <name>": the show's
        first word had become the head)."""
        ents = self.ents_in(mention)
        last = ents[-1] if ents else None
        if last is None or last.label_ != "PERSON" or last.end != mention.end:
            return None
        if last.start <= mention.root.i < last.end or last.start == mention.start:
            return None
        before = mention.doc[last.start - 1]
        return last if before.pos_ == "NOUN" else None

    def cluster_of(self, mention: Span, core: list[Token], chain: set[int]) -> Resolution | None:
        """The entity the mention's head names: the root's own, else a person in it, else (for a
        head that is no role noun) the first entity in it; never a person for a group."""
        if self.entities is None:
            return None
        hits = [
            (t, hit)
            for t in core
            if t.i in chain
            and not _hyphened(t)
            and (hit := cluster_at(self.entities, t)) is not None
        ]
        group = self.words.is_group(mention)
        own = [h for t, h in hits if t.i == mention.root.i]
        people = [h for _, h in hits if h[0].label == "PERSON"]
        if own:
            choice = own[0]
        elif people:
            choice = people[0]
        elif hits and not self.words.is_role(mention.root):
            choice = hits[0][1]
        else:
            return None
        cluster, kind = choice
        if group and cluster.label == "PERSON":
            return None
        return resolved(cluster.name, cluster.key, VIA_OF_KIND.get(kind, kind))

    def document_maker(self, mention: Span) -> Resolution | None:
        """Who made a document that names nobody in its phrase: who issued it, as its sentence
        tells (`_issuer`: "<body> released a statement which read ..."); for "the statement",
        the last statement named before it outside quotation marks, as that one named its
        maker (a speaker it was, an author in its phrase, or its issuer). None when there is
        no such document, or it names nobody either."""
        root = mention.root
        if not self.words.is_document(root):
            return None
        issuer = _issuer(root, self.words)
        if issuer is not None:
            return self.find(issuer)
        if not _definite(root):
            return None
        lemma = root.lemma_.lower()
        earlier = next(
            (
                t
                for t in reversed(self.doc[: mention.start])
                if t.lemma_.lower() == lemma
                and t.tag_ == root.tag_  # "the ruling" is not one of "rulings from <...>"
                and not self.quoted_at(t.idx)
            ),
            None,
        )
        if earlier is None:
            return None
        spoken = next((n for m, n in reversed(self.named) if m.root.i == earlier.i), None)
        if spoken is not None:  # "The statement said ... The statement added"
            entity = self.entities.named(spoken) if self.entities is not None else None
            return Resolution(spoken, entity.key if entity is not None else None)
        phrase = _author_phrase(earlier)
        found = self.cluster_of(phrase, head_tokens(phrase, self.words), self.head_chain(phrase))
        if found is not None and found.name is not None:  # "a <outlet> report"
            return found
        issuer = _issuer(earlier, self.words)
        return self.find(issuer) if issuer is not None else None

    def group(self, root: Token) -> Resolution:
        """Names listed together ("<A> and <B>", "<A>, <B>, and <C>") as one group speaker: the
        entities' names joined, each entity a member; nobody when one of them is no named
        entity of the article (a pronoun, a common noun, a name the entity layer dropped), is
        a people ("some Democrats", "three <nationality>s") or may belong to the name before
        ("the High Court of <A> and <B>")."""
        if self.entities is None:
            return Resolution()
        clusters: list[EntityCluster] = []
        members = list_members(root)
        for before, member in zip([None, *members], members, strict=False):
            hit = self.member_cluster(member)
            if (
                hit is None
                or hit[0].label not in GROUP_MEMBERS
                or hit[0] in clusters
                # "some Democrats", "three <nationality>s": some of a people
                or any(c.lower_ in PARTITIVE or c.dep_ == "nummod" for c in member.children)
                or (before is not None and _of_what(before, member))
            ):
                return Resolution()
            clusters.append(hit[0])
        return as_group(clusters) if len(clusters) > 1 else Resolution()

    def pair_named(self, mention: Span) -> Resolution | None:
        """ "Both <noun>s", "the two <noun>s": the two people named together before with that
        noun written right before them ("officers <A> and <B>"), as a group; None when a pair
        the text does not name was brought in since ("two officers were hurt")."""
        root = mention.root
        if root.tag_ != "NNS" or not _the_pair(root):
            return None
        lemma = root.lemma_.lower()
        named = None
        for t in reversed(self.doc[: mention.start]):
            if t.lemma_.lower() != lemma or t.tag_ != "NNS" or _the_pair(t):
                continue  # the pair named again ("Both officers ... the two officers")
            if t.i + 1 < len(self.doc) and self.doc[t.i + 1].ent_type_ == "PERSON":
                named = t
                break
            if any(c.lower_ == "two" for c in t.children):
                return None  # "two officers were hurt": a pair the text does not name
        if named is None:
            return None
        first = self.doc[named.i + 1]
        while first.dep_ == "compound" and first.head.ent_type_ == "PERSON":
            first = first.head
        hits = [self.member_cluster(m) for m in list_members(first)]
        people = [h[0] for h in hits if h is not None and h[0].label == "PERSON"]
        if len(people) != 2 or len(hits) != 2 or people[0] == people[1]:
            return None
        return as_group(people)

    def member_cluster(self, member: Token) -> tuple[EntityCluster, str] | None:
        """The entity a listed name is, or a listed "he"/"she" stands for ("Both he and
        <name> urged ..."): the person it resolves to, as a pronoun alone would."""
        if member.pos_ != "PRON":
            return cluster_at(self.entities, member) if self.entities is not None else None
        if member.lower_ not in PAIRED_PRONOUNS or self.entities is None:
            return None
        name = self.antecedent(member.doc[member.i : member.i + 1], listed=True)
        cluster = self.entities.named(name, label="PERSON") if name is not None else None
        return (cluster, "pronoun") if cluster is not None else None

    def nation(self, root: Token) -> Resolution | None:
        """ "The <nationality>s said" (a people as one side: "The Armenians claim ..."): the
        one country of that nationality the article names; None for any other mention."""
        if self.entities is None or root.tag_ not in ("NNPS", "NNS"):
            return None
        code = self.words.demonyms.get(root.text.removesuffix("s"))
        children = [c.lower_ for c in root.children]
        if code is None or children != ["the"]:
            return None
        found = [c for c in self.entities.clusters if c.label == "GPE" and c.country == code]
        if len(found) != 1:
            return Resolution()
        return resolved(found[0].name, found[0].key, "descriptor")

    def hyphened_pair(self, mention: Span) -> Resolution | None:
        """Two surnames joined by a hyphen, a ticket or a duo ("<A>-<B> released a
        statement"): the two people the article names in full, as a group."""
        words = [t for t in mention if t.dep_ != "det"]
        if self.entities is None or len(words) != 3 or words[1].text not in ("-", "–"):
            return None
        if words[0].whitespace_ or words[1].whitespace_:
            return None
        people = [self.longest.get(t.text) for t in (words[0], words[2])]
        found = [self.entities.named(p, label="PERSON") if p else None for p in people]
        pair = [c for c in found if c is not None]
        return as_group(pair) if len(pair) == 2 and pair[0] != pair[1] else None

    def head_chain(self, mention: Span) -> set[int]:
        """The tokens that name the mention's head: the head and its compounds and appositions
        ("the RMT union", "Reuters and NBC"), not a body in a clause or phrase that describes it
        ("critics from across <country>'s ...", "protesters <outlet> interviewed"). A
        document's whole mention, whose author may stand anywhere in it ("a statement from
        <body>")."""
        root = mention.root
        if self.words.is_document(root):
            return {t.i for t in mention} - described(root)
        chain, todo = {root.i}, [root]
        while todo:
            for child in todo.pop().children:
                if child.dep_ in CHAIN_DEPS and child.i not in chain:
                    chain.add(child.i)
                    todo.append(child)
        return chain

    def body_named(self, mention: Span) -> str | None:
        """A group or body noun standing for the organisation named before with that head:
        "Police said" after "<place> Police", "the court" after "the Court of <...>"; never a
        person."""
        found = self.bodies_named(mention)
        return found[0] if found else None

    def bodies_named(self, mention: Span) -> list[str]:
        """The organisations named before the mention with its head, the latest first."""
        head = mention.root.lower_
        found: list[str] = []
        for ent in reversed(self.ents[: bisect_left(self.ent_starts, mention.start)]):
            words = [t.lower_ for t in ent if t.lower_ != "the"]
            if ent.label_ == "ORG" and headed_by(words, head):
                name = self.full_name(ent)
                if name not in found:
                    found.append(name)
        return found

    def by_name(self, name: Span) -> Resolution:
        full = self.full_name(name)
        written = " ".join(t.text for t in name if not t.is_punct and t.tag_ != "POS")
        return resolved(full, None, "name" if full == written else "surname")

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

    def antecedent(self, mention: Span, *, listed: bool = False) -> str | None:
        """The person a pronoun stands for: the last speaker if nobody else who agrees with it
        was named since, else the subject of the latest sentence with one; None for "they" (a
        group or a pair), when two subjects of that sentence tie, or when nobody agrees.

        Never someone named inside a quotation or in the pronoun's own clause ("He called
        <name> ..."), and agreement is by the gender the text shows for each person
        (`text_genders`), not by what earlier pronoun resolutions guessed: a wrong guess would
        spread to every later pronoun."""
        root = mention.root
        if root.lower_ in ("they", "them", "who") or (
            not listed and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children))
        ):
            return None  # a group or a pair: "Both he and <name> ..." (`group`, one by one)
        gender = GENDER_OF_PRONOUN.get(root.lower_)
        matrix = _matrix_subject(root)
        if matrix is not None:  # "<name> said he would ...": that subject, if a person
            person = next((p for p in self.narrated if p.start <= matrix.i < p.end), None)
            if person is None or not self.agrees(person, gender):
                return None
            return self.full_name(person)
        index = bisect_right(self.sent_starts, mention.start_char) - 1
        window_start = self.sent_starts[max(0, index - PRONOUN_REACH)]
        lo = bisect_left(self.narrated_starts, window_start)
        clause = _clause_head(mention.root)
        before = [
            p
            for p in self.narrated[lo : bisect_left(self.narrated_starts, mention.start_char)]
            if self.agrees(p, gender) and _clause_head(p.root) != clause
        ]
        last = _last_before(self.named, mention.start_char)
        if last is not None and last[1] not in self.person_names:
            last = None  # "he" is no organisation that spoke last
        described = [m for m in self.unnamed if m.end_char <= mention.start_char]
        if described and (last is None or described[-1].start_char > last[0].end_char):
            since = [p for p in before if p.start_char >= described[-1].end_char]
            if not since:
                return None  # the last to speak was described, not named: "She" is that one
        if last is not None and self.genders.get(last[1], gender) == gender:
            last_mention, last_name = last
            others = [p for p in before if p.start_char >= last_mention.end_char]
            if not others or all(self.full_name(p) == last_name for p in others):
                return last_name  # the previous attribution's speaker: the surest antecedent
        subjects = [p for p in before if _subject(p.root) is not None]
        if subjects:
            sent = subjects[-1].sent
            latest = [p for p in subjects if p.sent == sent]
            # the main clause's subject over one in a clause it reports ("<A> alleged that
            # <B> was involved. He claimed ...": A; "<B>'s partner <A> held a press conference
            # claiming <B> knew ...": A)
            verbs = _main_verbs(sent)
            main = [p for p in latest if _clause_head(_subject(p.root) or p.root) in verbs]
            rivals = {self.full_name(p) for p in main or latest}
            if len(rivals) != 1:
                return None  # "<A> and <B> met ... He said": a tie
            return rivals.pop()
        names = {self.full_name(p) for p in before if p.sent == before[-1].sent} if before else ()
        return next(iter(names)) if len(names) == 1 else None

    def agrees(self, person: Span, gender: str | None) -> bool:
        """Whether a person may be what a pronoun of `gender` stands for: unknown agrees."""
        if gender is None:
            return True
        known = self.genders.get(self.full_name(person)) or self.words.gender_shown(person)
        return known in (None, gender)

    def descriptor(self, mention: Span) -> str | None:
        """ "the secretary", "the ministry": a previous speaker or person bearing that title;
        None for a description that picks one out of a kind ("the first president", "the
        only minister", "the oldest senator"): it introduces, it does not refer back. A field
        before the head ("the health minister") must be in the earlier title too."""
        if any(_ranks(c) for c in mention.root.children):
            return None
        head = mention.root.lower_
        words = {t.lower_ for t in mention if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        # "the health minister" is no earlier minister of another field ("the three-judge
        # court" names no field: a hyphened modifier says what kind)
        fields = {
            c.lower_
            for c in mention.root.children
            if c.dep_ == "compound"
            and c.pos_ in ("NOUN", "PROPN")
            and not any(t.text == "-" for t in c.subtree)
            and c.doc[c.i - 1].text != "-"
        }
        wanted = {head} | self.synonyms.get(head, frozenset())
        mine = {t.lower_ for t in mention}
        said = [
            (m, n)
            for m, n in self.named_by_word.get(head, [])
            if fields <= {t.lower_ for t in m} and _under(m, wanted) <= mine
        ]
        spoken = _last_before(said, mention.start_char)
        if spoken is not None:
            return spoken[1]
        if not words:
            return None
        if self.titled is None:
            self.titled = {}
            # people named inside a quotation are talked about: no title introduces them
            for i, person in enumerate(self.narrated):
                for word in _titles(person) & self.title_words:
                    holders, starts = self.titled.setdefault(word, ([], []))
                    holders.append(i)
                    starts.append(person.start_char)
        # the last person before the mention that one of the wanted words introduces
        last = -1
        for word in wanted:
            holders, starts = self.titled.get(word, ([], []))
            at = bisect_left(starts, mention.start_char)
            while at and not self.titled_as(self.narrated[holders[at - 1]], fields, wanted, mine):
                at -= 1
            if at:
                last = max(last, holders[at - 1])
        return self.full_name(self.narrated[last]) if last >= 0 else None

    def titled_as(self, person: Span, fields: set[str], wanted: set[str], mine: set[str]) -> bool:
        """Whether a person's title has the descriptor's field words, and no rank below the
        office that the descriptor lacks ("the governor" is no "Deputy Governor <name>")."""
        return fields <= _titles(person) and _under(_title_span(person), wanted) <= mine


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


def cluster_at(index: EntityIndex, token: Token) -> tuple[EntityCluster, str] | None:
    """The entity with a mention over `token`, and that mention's kind."""
    cluster = index.at(token.idx, token.idx + len(token))
    if cluster is None:
        return None
    over = (m.kind for m in cluster.mentions if m.span.start_char <= token.idx < m.span.end_char)
    return cluster, next(over, "name")


def apposed_name(mention: Span, words: SpeakerWords) -> Span | None:
    """The mention with the name set beside it when it stopped before it: "The mayor of <city>,
    <name>", "his rival <name>", "<name>'s mother, <name2>" (a person's name right after a
    head that is no name, with or without a comma), "the mayor, <name>, ..." (a singular role
    noun and a name set off by commas, whatever the parser made of the name), "One of these
    groups, <body>, said" (a body in apposition to what is no person)."""
    root, doc = mention.root, mention.doc
    if (joined := _joined_role_name(root, words)) is not None:
        return joined
    at = mention.end
    while at < len(doc) and doc[at].text in (")", "]"):  # "... (<long form>), <name>"
        at += 1
    at += at < len(doc) and doc[at].text == ","
    while at + 1 < len(doc) and doc[at].lower_.rstrip(".") in HONORIFICS:
        at += 1  # "the director of <body>, Dr <name>, said": the model left "Dr" out
    if root.ent_type_ == "PERSON" or at >= len(doc):
        return None
    if doc[at].ent_iob_ == "B" and doc[at].ent_type_ in ("ORG", "GPE"):
        return _apposed_ent(mention, at, words)
    if doc[at].ent_iob_ != "B" or doc[at].ent_type_ != "PERSON":
        return _apposed_person(root, at)
    end = _ent_end(doc, at)
    if end < len(doc) and doc[end].tag_ == "POS":
        return None  # "the mayor, <name>'s deputy": the name owns another head
    name = doc[at:end]
    closed = doc[at - 1].text == "," and end < len(doc) and doc[end].text == ","
    if closed and root.tag_ == "NN" and words.is_role(root):
        return name  # "According to the mayor, <name>, ...": set off by commas, one person
    if name.root.dep_ != "appos" and name.root.head.i != root.i:
        return None  # "According to investigators, <name> fled": the next clause's subject
    return name


def _apposed_ent(mention: Span, at: int, words: SpeakerWords) -> Span | None:
    """The body or state set off by a comma after a mention that is no person and that it is
    in apposition to: "One of these groups, <body> (<abbreviation>), ..."."""
    doc, root = mention.doc, mention.root
    name = doc[at : _ent_end(doc, at)]
    if doc[at - 1].text != "," or name.root.dep_ != "appos" or name.root.head.i != root.i:
        return None
    if root.ent_type_ in NAMED or words.is_role(root) or root.lower_ in words.genders:
        return None  # "<name>, <body>": two names; "the spokesman, <body>": its member
    return name


def _ranks(modifier: Token) -> bool:
    """An ordinal or superlative modifier: "first", "third", "oldest", "only", "next"."""
    return modifier.dep_ == "amod" and (
        modifier.ent_type_ == "ORDINAL" or modifier.tag_ == "JJS" or modifier.lower_ in RANKS
    )


def _joined_role_name(root: Token, words: SpeakerWords) -> Span | None:
    """The name set after a second description joined to the head: "<body> expert and former
    <country> official, <name>, said" (the parser hangs the name on the second noun); not
    "the mayor and the police chief, <name>," (a determiner: a second person)."""
    for child in root.rights:
        if child.dep_ != "conj" or child.pos_ != "NOUN" or not words.is_role(child):
            continue
        if any(c.dep_ == "det" for c in child.children):
            continue
        for name in child.rights:
            left = name.left_edge.i
            if (
                name.dep_ == "appos"
                and name.ent_type_ == "PERSON"
                and root.doc[left - 1].text == ","
            ):
                return root.doc[left : name.i + 1]
    return None


def _proper_name(mention: Span) -> Span:
    """The proper name a mention is built on: its head with the proper nouns written right
    before it ("<first> <last> from the <party> camp" -> "<first> <last>")."""
    root, doc = mention.root, mention.doc
    after = doc[root.i + 1 : mention.end]
    if mention[-1].pos_ == "PROPN" or not any(
        t.is_alpha and t.is_lower and t.lower_ not in NAME_JOINERS for t in after
    ):
        return mention  # "University of <city>", "<title> to the <body> <name>"
    start = root.i
    while start > mention.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start : root.i + 1]


def _definite(root: Token) -> bool:
    """A head with "the": "the court", not "a court"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)


def _common_owner(root: Token, words: SpeakerWords) -> Span | None:
    """The owner of a document when it is a body written as a common noun ("the court's
    summary", "the ministry's statement"): the mention to resolve instead."""
    if not words.is_document(root):
        return None
    for child in root.children:
        if child.dep_ == "poss" and child.tag_ == "NN" and _definite(child):
            return root.doc[child.left_edge.i : child.i + 1]
    return None


def _apposed_body(root: Token) -> Span | None:
    """A state or body set right after a common noun that describes it ("<alliance> ally
    <country> said", "its rival <company>"): the speaker is the one named."""
    if root.pos_ != "NOUN":
        return None
    for child in root.rights:
        if child.dep_ == "appos" and child.i == root.i + 1 and child.ent_type_ in ("GPE", "ORG"):
            return root.doc[child.i : _ent_end(root.doc, child.i)]
    return None


def _ent_end(doc: Doc, start: int) -> int:
    """The end of the named entity that begins at token `start`."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _hyphened(token: Token) -> bool:
    """The first half of a hyphenated modifier ("<religion>-majority countries"): it says what
    kind the head is, it does not name it."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and token.head.i > token.i


def _org_branch(root: Token) -> Span | None:
    """An organisation's branch named by its place ("<outlet> <country>", "<broadcaster>
    <region>"): a place head with an organisation's name compounded before it is the
    organisation, never the place."""
    if root.pos_ != "PROPN" or root.ent_type_ not in ("GPE", "LOC"):
        return None
    lefts = [c for c in root.lefts if c.dep_ == "compound" and c.ent_type_ == "ORG"]
    if not lefts:
        return None
    return root.doc[lefts[0].left_edge.i : root.i + 1]


def _listed(root: Token) -> bool:
    """A name coordinated with other names or nouns ("<A> and <B>", "<A>, <B>, and <C>", "<A>
    and his supporters"), within the mention or past its end, and not one name holding "and"
    ("<A> & <B> Ltd")."""
    if root.pos_ != "PROPN" and root.lower_ not in PAIRED_PRONOUNS:
        return False
    # the parser reads "<A>, <B> and <C>" as <B> in apposition to <A>, and <C> joined to <B>
    beside = [root, *(c for c in root.children if _in_list(c))]
    joined = [c for t in beside for c in t.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        joined.append(root.head)
    others = [c for c in root.children if c.dep_ == "conj" and _others(c)]
    return bool(others) or any(
        t.pos_ in ("PROPN", "PRON") and not _one_ent(root, t) for t in joined
    )


def _others(noun: Token) -> bool:
    """A common noun for other people than the name it is joined to: "<A> and his supporters",
    "<A> and other agencies"; not a description of <A> ("<A> of <university> and contributor to
    <outlet>")."""
    return noun.pos_ == "NOUN" and (
        noun.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in noun.children)
    )


def _of_what(before: Token, member: Token) -> bool:
    """Whether a one-word name may end the "of" phrase of the name before it: "the Court of
    <A> and <B>" is one court of two places, for all the parser joined <B> to "Court"."""
    single = not any(c.dep_ in ("compound", "flat") for c in member.children)
    return single and any(c.dep_ == "prep" and c.lower_ == "of" for c in before.children)


def list_members(root: Token) -> list[Token]:
    """The heads of the names listed with `root` ("<A>, <B> and <C>"), in text order: from the
    list's first name, its conjuncts and the names the parser set in apposition to it."""
    first = root
    while first.dep_ == "conj" or _in_list(first):
        first = first.head
    members, todo = [first], [first]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" or _in_list(child):
                members.append(child)
                todo.append(child)
    return sorted(members, key=lambda t: t.i)


def _in_list(token: Token) -> bool:
    """A name the parser set in apposition to the one before it in a list: "<A>, <B> ..."."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and _next_in_list(token.head, token)


def _next_in_list(root: Token, other: Token) -> bool:
    """Whether `other` begins right after a comma after `root`: "<A>, <B> ..."."""
    at = other.left_edge.i
    return at == root.i + 2 and root.doc[root.i + 1].text == ","


def _one_ent(a: Token, b: Token) -> bool:
    """Whether two tokens lie in one named entity."""
    doc = a.doc
    lo, hi = sorted((a.i, b.i))
    inside = all(doc[k].ent_iob_ == "I" for k in range(lo + 1, hi + 1))
    return doc[lo].ent_iob_ in ("B", "I") and inside


def _indefinite(root: Token) -> bool:
    """A head with an indefinite determiner: "a protester", "another", "one MP"."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in root.children)


def _the_pair(noun: Token) -> bool:
    """ "both <noun>s", "the two <noun>s": two known before, not two new ones ("two <noun>s")."""
    words = {c.lower_ for c in noun.children}
    return "both" in words or {"the", "two"} <= words


def _some_of(root: Token) -> bool:
    """A plural head counted or quantified: "some Democrats", "two officials", "most voters"."""
    if root.tag_ not in ("NNS", "NNPS"):
        return False
    return any(
        c.dep_ in ("det", "amod", "nummod")
        and (c.lower_ in QUANTIFIERS or (c.dep_ == "nummod" and c.like_num))
        for c in root.children
    )


def _apposed_person(root: Token, at: int) -> Span | None:
    """A person's name in apposition to `root` from token `at` on, where the entity recogniser
    took only its last word ("The mayor of <city>, <first> <last>" with only <last> a PERSON)."""
    for child in root.children:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON" or child.pos_ != "PROPN":
            continue
        first = min([child.i, *(c.i for c in child.children if c.dep_ == "compound")])
        if first == at and all(t.pos_ == "PROPN" for t in root.doc[first : child.i + 1]):
            return root.doc[first : child.i + 1]
    return None


def head_tokens(mention: Span, words: SpeakerWords) -> list[Token]:
    """The mention without the dependents that name another party of a role noun: "<name>'s
    attorney" -> "attorney", "a lawyer for <name>" -> "a lawyer"; a name set beside the role
    stays ("the governor of <state>, <name>", "President of <country> <name>"). A document keeps
    its author ("<name>'s statement")."""
    root = mention.root
    if not (words.is_role(root) or root.lower_ in words.genders):  # "<name>'s mother"
        return owned_dropped(mention, words)
    doc, skip, objects = mention.doc, set(), set()
    for child in root.children:
        if child.dep_ in OTHER_PARTY_DEPS:
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "prep":
            objects.update(t.i for t in child.subtree)
    for ent in mention.ents:  # "... of Ohio, <name>": the name is in apposition, not the object
        if ent.label_ != "PERSON" or ent.start not in objects:
            continue
        if ent.start > 0 and doc[ent.start - 1].pos_ not in PARTY_POS:
            skip.difference_update(range(ent.start, ent.end))
    return [t for t in mention if t.i not in skip]


def owned_dropped(mention: Span, words: SpeakerWords) -> list[Token]:
    """The mention without a person or body that only owns or modifies its head: "<country>'s
    Queen <name>" is the queen, "<name>'s foundation" and "the <name> campaign" are neither
    <country> nor <name>. A document keeps its author ("<name>'s statement", "a <name> tweet")."""
    root = mention.root
    if words.is_document(root):
        return [t for t in mention if t.i not in described(root)]
    skip: set[int] = set()
    for child in root.children:
        owner = child.dep_ == "poss" and child.pos_ == "PROPN"  # "<country>'s Queen <name>"
        modifier = child.dep_ == "compound" and root.pos_ == "NOUN" and child.ent_type_ == "PERSON"
        if owner or modifier:
            skip.update(t.i for t in child.subtree)
    return [t for t in mention if t.i not in skip]


def _document_agent(root: Token, mention: Span, words: SpeakerWords) -> Span | None:
    """Who a document past the mention's end is by: "a poll published by <outlet>" (a
    participle's agent), the noun phrase of its "by"."""
    if not words.is_document(root):
        return None
    for clause in root.children:
        if clause.dep_ != "acl" or clause.i < mention.end or clause.tag_ != "VBN":
            continue
        for by in clause.children:
            if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by"):
                who = next((c for c in by.children if c.dep_ == "pobj"), None)
                if who is not None:
                    return mention_span(who)
    return None


def _issuer(document: Token, words: SpeakerWords) -> Span | None:
    """Who put out a document, as its sentence tells: the subject of the verb that made it
    ("<body> released a statement", `words.issuing`) or that it was the means of ("<name>, in
    a statement delivered by <aide>, announced ...")."""
    head = document.head
    issuer = None
    if document.dep_ == "dobj" and head.lemma_.lower() in words.issuing:
        issuer = speaker_of(head)
    elif document.dep_ == "pobj" and head.lower_ in ("in", "via", "through"):
        issuer = speaker_of(head.head) if head.head.pos_ == "VERB" else None
    if issuer is None or words.is_document(issuer.root):
        return None  # "the statement, which <name> read": speaker_of gives the statement back
    return issuer


def _author_phrase(document: Token) -> Span:
    """A document's noun phrase up to its head, with a "by"/"from" phrase right after it ("a
    statement from <body>"), not what it is about ("a report on <name>")."""
    end = document.i + 1
    for child in document.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i == end:
            end = child.right_edge.i + 1
        break
    return document.doc[document.left_edge.i : end]


def described(root: Token) -> set[int]:
    """The clauses that describe a document, where its author is not: "<agency> report on
    Saturday, which figured 21 injured in <city>" is the agency's, not the city's; a participle
    that names its agent keeps it ("a statement released by <body>")."""
    clauses = [c for c in root.subtree if c.dep_ in ("relcl", "acl") and c != root]
    return {
        t.i
        for c in clauses
        if not any(a.dep_ == "agent" or a.lower_ == "by" for a in c.children)
        for t in c.subtree
    }


def _after_owner(mention: Span) -> Span:
    """A name without the name owning it: "<country>'s Queen <name>" -> "Queen <name>"."""
    owners = [c for c in mention.root.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    end = max((c.right_edge.i + 1 for c in owners), default=mention.start)
    if mention.start < end < mention.root.i + 1 and mention.doc[end].tag_ == "POS":
        end += 1
    return mention.doc[end : mention.end] if mention.start < end <= mention.root.i else mention


def _main_verbs(sent: Span) -> set[int]:
    """The sentence's root verb and the verbs joined to it ("<A> spoke and <B> listened")."""
    return {sent.root.i} | {c.i for c in sent.root.children if c.dep_ == "conj"}


def _matrix_subject(pronoun: Token) -> Token | None:
    """The proper-noun subject of the clause that reports the pronoun's own clause, or that it
    is joined to, in the same sentence and before it: "<name> said he would ...", "<name> denied
    it, but he later claimed ..." -> <name>. None when that subject is no
    name (a pronoun, a noun) or there is none."""
    clause = pronoun.doc[_clause_head(pronoun)]
    if pronoun.head.i != clause.i or clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
        return None
    verb = clause.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > pronoun.i or subject.pos_ != "PROPN":
        return None
    return subject


def _subject(root: Token) -> Token | None:
    """The subject a name is, or stands beside: "<name> said", "<A>'s partner <name> held"."""
    if root.dep_ in SUBJECT_DEPS:
        return root
    if root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECT_DEPS:
        return root.head
    return None


def _clause_head(token: Token) -> int:
    """The verb whose clause holds `token` (its nearest verbal ancestor, or the root)."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.i


def text_genders(
    people: Sequence[Span], full_name: Callable[[Span], str], quoted_at: Callable[[int], bool]
) -> dict[str, str]:
    """Full name -> "m"/"f" where the text shows it: a sentence naming one person only, outside
    quotation marks, then referring back with subject or reflexive pronouns of one gender only
    ("<name> said she would ..."; not "<name> asked to waive her immunity", whose "her" is
    often another's). A name shown with both genders stays unknown."""
    votes: dict[str, set[str]] = {}
    by_sent: dict[int, list[Span]] = {}
    for person in people:
        by_sent.setdefault(person.sent.start, []).append(person)
    for found in by_sent.values():
        names = {full_name(p) for p in found}
        if len(names) != 1:
            continue
        sent, after = found[0].sent, found[0].end
        shown = {
            GENDER_OF_PRONOUN[t.lower_]
            for t in sent
            if t.i >= after
            and t.lower_ in GENDER_OF_PRONOUN
            and (t.dep_ in SUBJECT_DEPS or t.lower_.endswith("self"))
            and not quoted_at(t.idx)
        }
        if len(shown) == 1:
            votes.setdefault(names.pop(), set()).update(shown)
    return {name: shown.pop() for name, shown in votes.items() if len(shown) == 1}


def _last_before(named: list[tuple[Span, str]], start: int) -> tuple[Span, str] | None:
    """The last speaker named whose mention ends by `start`."""
    for mention, name in reversed(named):
        if mention.end_char <= start:
            return mention, name
    return None


def _longest_by_surname(people: list[Span]) -> dict[str, str]:
    """Surname -> the first name of two words or more of the doc that ends in it: a bare
    surname is the person the article introduced first ("Biden" after "Joe Biden", then
    "Hunter Biden"), relatives being written out in full."""
    longest: dict[str, str] = {}
    for person in people:
        words = [t.text for t in person if t.tag_ != "POS"]
        if len(words) > 1 and words[-1] not in longest:
            longest[words[-1]] = " ".join(words)
    return longest


def _under(words: Span, offices: set[str]) -> set[str]:
    """The ranks below an office that stand right before its word ("deputy governor",
    "vice-president"), lower case."""
    found = set()
    for t in words:
        if t.lower_ in offices and t.i > words.start:
            before = t.doc[t.i - 1]
            if before.text == "-" and t.i - 1 > words.start:
                before = t.doc[t.i - 2]
            if before.lower_ in HARD_RANKS:
                found.add(before.lower_)
    return found


def _title_span(person: Span) -> Span:
    """The words right before a name, where its title stands."""
    return person.doc[max(person.sent.start, person.start - 6) : person.start]


def _titles(person: Span) -> set[str]:
    """Lower-case words introducing a person: "Prime Minister X", "ambassador ..., X"."""
    doc = person.doc
    words = {t.lower_ for t in _title_span(person)}
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
