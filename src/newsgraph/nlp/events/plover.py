"""The PLOVER lexicon of newsgraph_events: which words trigger which event type and mode.

The lexicon is read from readable files in `resources/`: cameo_verbs.tsv (CAMEO's verb
dictionary mapped to PLOVER, MIT, see LICENSE-petrarch2), plover_events.tsv (our own lines for what
CAMEO lacks: nouns, and verbs the annotation standard codes otherwise), plover_roles.tsv,
plover_statements.tsv; this module loads them and finds trigger words in a parsed sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.nlp.readers import load_words, read_table

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
SKIPPED = ("DET", "PUNCT")
NAMES = (
    "DATE",
    "TIME",
    "PERSON",
    "GPE",
    "LOC",
    "NORP",
    "CARDINAL",
    "ORDINAL",
    "WORK_OF_ART",
)  # "cease-fire", "out of the question": skipped inside a phrase


@dataclass(frozen=True)
class Entry:
    """One lexicon line: the lemmas of a trigger, its part of speech, PLOVER type and mode."""

    lemmas: tuple[str, ...]
    pos: str  # "V", "N" or "*"
    type: str
    mode: str | None
    cameo: bool = False  # from cameo_verbs.tsv, not our own list


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a sentence: the head token, the words it covers and its entry."""

    head: Token
    span: Span
    entry: Entry
    words: frozenset[int] = frozenset()  # indices of every token of the trigger ("open ... fire")


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, tuple[Entry, ...]]  # first lemma -> entries, longest first
    roles: dict[str, frozenset[str]]  # type -> prepositions introducing its target
    statements: tuple[tuple[str, frozenset[str], str], ...]  # (modality, types, new type)
    actor_nouns: frozenset[str] = frozenset()  # "rebels", "government": objects that are actors
    groups: frozenset[str] = frozenset()  # "tens of", "members of": the actor is their object
    modals: dict[str, str] = field(default_factory=dict)  # "must" -> "must", "would" -> "future"
    themes: frozenset[str] = frozenset()  # types whose object is what is given ("send arms to X")
    audiences: frozenset[str] = frozenset()  # types whose other named objects hear, not suffer
    places_as_targets: frozenset[str] = frozenset()  # types whose place is the target if none
    about_things: frozenset[str] = frozenset()  # types whose object may be a thing ("sign a deal")
    aid_objects: frozenset[str] = frozenset()  # what CAMEO's aid patterns give ("send aid")

    def act_nouns(self, kind: str) -> frozenset[str]:
        """One-word nouns that name an act of the type ("war", "attack" for ASSAULT)."""
        return frozenset(
            e.lemmas[0]
            for entries in self.entries.values()
            for e in entries
            if e.type == kind and len(e.lemmas) == 1 and e.pos in ("N", "*")
        )

    def all_act_nouns(self) -> frozenset[str]:
        """One-word nouns that name an act of any type ("deal", "protest", "attack")."""
        return frozenset(noun for kind in PLOVER_TYPES for noun in self.act_nouns(kind))

    def find(self, sent: Span) -> list[Trigger]:
        """Every trigger in the sentence; a word belongs to one trigger at most."""
        found: list[Trigger] = []
        used: set[int] = set()
        for token in sent:
            if token.i in used or token.ent_type_ in NAMES:
                continue  # "March" the month, "Visit" in a name
            if token.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children
            ):
                continue  # a name's last word: a film "Pillow Talk", a street "Peace Road"
            head = token.head
            if token.dep_ == "compound" and (
                head.lemma_.lower() in self.actor_nouns or head.ent_type_ or head.lemma_ in WRITS
            ):
                continue  # "an appeals court" is a court; "a mediation effort" is a mediation
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.lemma_.lower() in self.actor_nouns
            ):
                continue  # "the final court of appeal", "a committee of inquiry": a body's kind
            for entry in self.entries.get(token.lemma_.lower(), ()):
                trigger = match(token, entry, sent)
                if trigger is not None:
                    used.update(trigger.words)
                    found.append(trigger)
                    break
        return light_verbs_dropped(found)


def light_verbs_dropped(found: list[Trigger]) -> list[Trigger]:
    """A CAMEO verb whose object is a trigger of our own list gives way to it: the noun names
    the act ("launched mediation", "granted asylum", "resorted to demonstrations")."""
    heads = {t.head.i for t in found if not t.entry.cameo}

    def objects(token: Token) -> set[int]:
        out = {c.i for c in token.children if c.dep_ in ("dobj", "xcomp", "attr")}
        return out | {g.i for c in token.children if c.dep_ == "prep" for g in c.children}

    return [t for t in found if not (t.entry.cameo and objects(t.head) & heads)]


def pos_fits(token: Token, pos: str) -> bool:
    if pos == "V":  # "alleged bombers": a participle as an adjective is no event
        verbal = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
        return verbal and token.dep_ != "amod"
    if pos == "N":
        return token.pos_ in ("NOUN", "PROPN") or (token.tag_ == "VBG" and token.dep_ == "pobj")
    return token.pos_ in ("VERB", "NOUN", "AUX", "ADJ", "PROPN")


# Documents that order an act to come: "arrest warrants" were issued, no arrest was made (the
# annotation standard codes warrants as THREATEN, through "issue ... warrant").
WRITS = ("warrant", "order", "notice", "summons")
QUOTES = ('"', "“", "”", "'", "‘", "’", "``", "''")


def names_something(token: Token) -> bool:
    """The frame of naming: "called the deal 'lousy'", "termed her a traitor", "labeled them as
    disinformation": an object, then what it is called."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in token.children):
        return True
    end = max(t.i for t in objects[0].subtree) + 1
    doc = token.doc
    after = doc[end] if end < len(doc) else None
    return after is not None and (after.text in QUOTES or after.lower_ == "as")


def loose(verb: Token, prep: Token) -> bool:
    """Whether a preposition of the verb is no part of a phrasal trigger: it gives a time
    ("called off its search late on Tuesday" is no "call on") or follows a named object ("called
    Nevada for Biden" is no "call for"; "sought weapons from Germany" is "seek from")."""
    if any(c.ent_type_ in ("DATE", "TIME") for c in prep.children):
        return True
    return any(c.dep_ == "dobj" and c.ent_type_ in NAMED_OBJECTS for c in verb.children)


NAMED_OBJECTS = ("PERSON", "ORG", "GPE", "NORP")


def prep_object(token: Token) -> Token | None:
    """A word under a preposition of the verb that can finish a phrasal trigger: its object
    ("resorted to demonstrations"), not another preposition hung on a misparsed clause ("spoke
    to X, provided X with a plan" is no "speak with")."""
    return token if token.dep_ in ("pobj", "pcomp") else None


def match(token: Token, entry: Entry, sent: Span) -> Trigger | None:
    """The trigger that the entry makes of the token, or None."""
    if entry.mode == "naming" and not names_something(token):
        return None  # "called" alone is saying; "called X a Y" names X
    rest = entry.lemmas[1:]
    if not rest:
        return (
            Trigger(token, sent.doc[token.i : token.i + 1], entry)
            if pos_fits(token, entry.pos)
            else None
        )
    # a phrase in a row: "cease-fire", "hunger strike", "out of the question"
    words = [t for t in sent.doc[token.i + 1 : sent.end] if t.pos_ not in SKIPPED][: len(rest)]
    if [t.lemma_.lower() for t in words] == list(rest) and words[-1].i - token.i <= 2 * len(rest):
        span = sent.doc[token.i : words[-1].i + 1]
        head = span.root
        if pos_fits(head, entry.pos) or entry.pos == "*":
            return Trigger(head, span, entry, frozenset(t.i for t in span))
    # a verb with its particle or object: "opened fire", "blew up", "lifted the curfew"
    if entry.pos != "N" and pos_fits(token, "V"):
        kids = list(token.children)
        kids += [prep_object(g) for c in token.children if c.dep_ == "prep" for g in c.children]
        words = [next((k for k in kids if k and k.lemma_.lower() == word), None) for word in rest]
        if any(w is not None and w.dep_ == "prep" and loose(token, w) for w in words):
            return None  # "called off its search late on Tuesday", "called Nevada for Biden"
        if all(w is not None for w in words):
            used = frozenset([token.i, *(w.i for w in words if w is not None)])
            return Trigger(token, sent.doc[token.i : token.i + 1], entry, used)
    return None


def flagged(roles: str, flag: str) -> frozenset[str]:
    """The types whose row in plover_roles.tsv carries a flag."""
    return frozenset(r[0] for r in read_table(roles) if len(r) > 2 and flag in r[2].split(","))


def aid_objects(cameo: str | None) -> frozenset[str]:
    """The last words of CAMEO's AID patterns ("send relief", "provide loans"): what aid is."""
    if not cameo:
        return frozenset()
    rows = read_table(cameo)
    return frozenset(
        r[0].lower().split()[-1] for r in rows if len(r) > 2 and r[2] == "AID" and " " in r[0]
    )


def load_lexicon(
    events: str,
    roles: str,
    cameo: str | None,
    skips: str | None,
    statements: str,
    actor_nouns: str,
    groups: str,
    modals: str = "modals.tsv",
    *,
    cameo_phrases_only: bool = False,
    aid_patterns: str | None = "cameo_verbs.tsv",
) -> Lexicon:
    """The lexicon from its files in `resources/`."""
    entries: dict[str, list[Entry]] = {}
    # our own lines first: at the same length, the first entry of a word wins (sorted is stable)
    skipped = load_words(skips) if skips else frozenset()
    own = read_table(events)
    for i, row in enumerate([*own, *(read_table(cameo) if cameo else [])]):
        lemmas, pos, kind, mode = (*row, "-", "-", "-")[:4]
        if kind not in PLOVER_TYPES or (i >= len(own) and lemmas.lower() in skipped):
            continue  # a typo in a user's file drops that line only
        if i >= len(own) and cameo_phrases_only and " " not in lemmas.strip():
            continue  # a bare CAMEO verb: its sense is in the patterns around it
        entry = Entry(
            tuple(lemmas.lower().split()), pos, kind, None if mode == "-" else mode, i >= len(own)
        )
        entries.setdefault(entry.lemmas[0], []).append(entry)
    return Lexicon(
        entries={k: tuple(sorted(v, key=lambda e: -len(e.lemmas))) for k, v in entries.items()},
        roles={row[0]: frozenset(row[1].split(",")) for row in read_table(roles) if len(row) > 1},
        statements=tuple(
            (row[0], frozenset(row[1].split(",")), row[2])
            for row in read_table(statements)
            if len(row) > 2
        ),
        actor_nouns=load_words(actor_nouns),
        groups=load_words(groups),
        modals={row[0]: row[1] for row in read_table(modals) if len(row) > 1},
        themes=flagged(roles, "theme"),
        audiences=flagged(roles, "audience"),
        places_as_targets=flagged(roles, "place"),
        about_things=flagged(roles, "about"),
        aid_objects=aid_objects(aid_patterns),
    )
