"""Titles and descriptors for newsgraph_entities: the roles people hold, read from the text.

A title sits beside a name ("French Prime Minister <name>", "<name>, the foreign minister of X",
"the ambassador to X, <name>"); a descriptor stands alone and refers back to a holder ("the
premier", "<seat>'s top diplomat", "the ministry"). Both come from `resources/titles.txt` and
`resources/descriptors.tsv`; nothing here knows a person or a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.nlp.entities.modifiers import (
    POSSESSIVE_TOKENS,
    complement_token,
    complements,
    modifier_before,
)
from newsgraph.nlp.entities.places import Gazetteer
from newsgraph.nlp.readers import load_words, read_table

HYPHENS = re.compile(r"[^\s-]+|-")
# Modifiers that may sit between the determiner and a descriptor without changing its referent.
SOFT_MODIFIERS = frozenset({"former", "new", "outgoing", "incoming", "acting", "current", "then"})
# Words that may continue a title after its head: "ambassador to the UK and to the UN".
MAX_COMPLEMENT = 12  # tokens between a title and the comma before a name
# Words that make a title another office: "the president" is not the vice president.
LOWER_RANKS = frozenset({"vice", "deputy", "assistant", "under", "acting", "former", "elect"})
HARD_RANKS = LOWER_RANKS - SOFT_MODIFIERS - {"elect"}  # written before a title, part of it


@dataclass
class Title:
    """A title found beside one mention of a person."""

    span: Span  # the title with its modifiers, without the name
    title: str  # as written: "Prime Minister", "lawmaker"
    head_start: int = 0  # tokens of the title itself, without modifiers and complements
    head_end: int = 0
    country: str | None = None  # ISO code from a demonym, a country or a seat of government
    body: str | None = None  # an organisation it belongs to: "Mexican Senate"
    complements: list[str] = field(default_factory=list)  # "to the United States", "for Peru"
    adjective: str | None = None  # the national adjective as written: "French"
    place: str | None = None  # a place below a country that the office belongs to
    attached: bool = True  # written right before the name: title + name is one mention


@dataclass(frozen=True)
class Lexicon:
    """Title phrases and descriptor phrases as tuples of lower-case words."""

    titles: frozenset[tuple[str, ...]]
    descriptors: dict[tuple[str, ...], tuple[str, frozenset[str]]]  # phrase -> (label, targets)
    longest: int
    first_words: frozenset[tuple[str]]  # quick rejections before slicing
    last_words: frozenset[tuple[str]]

    @classmethod
    def load(cls, titles: str = "titles.txt", descriptors: str = "descriptors.tsv") -> Lexicon:
        # split as the tokenizer splits: "vice-president" is "vice", "-", "president"
        title_set = frozenset(tuple(HYPHENS.findall(t)) for t in load_words(titles))
        table = {
            tuple(row[0].lower().split()): (row[1], frozenset(row[2].lower().split("|")))
            for row in read_table(descriptors)
        }
        longest = max(len(p) for p in [*title_set, *table])
        phrases = [*title_set, *table]
        return cls(
            titles=title_set,
            descriptors=table,
            longest=longest,
            first_words=frozenset((p[0],) for p in phrases),
            last_words=frozenset((p[-1],) for p in title_set),
        )

    def title_ending(self, doc: Doc, end: int, start_min: int = 0) -> int | None:
        """Start of the longest title that ends right before token `end`, or None."""
        if end < 1 or (doc[end - 1].lower_,) not in self.last_words:
            return None
        words = tuple(doc[k].lower_ for k in range(max(start_min, end - self.longest), end))
        for size in range(len(words), 0, -1):
            if words[-size:] in self.titles:
                return end - size
        return None

    def phrase_starting(self, doc: Doc, start: int) -> int | None:
        """End of the longest title or descriptor starting at token `start`, or None."""
        if not 0 <= start < len(doc) or (doc[start].lower_,) not in self.first_words:
            return None  # a caller may probe one token past the end of the doc
        words = tuple(doc[k].lower_ for k in range(start, min(len(doc), start + self.longest)))
        for size in range(len(words), 0, -1):
            if words[:size] in self.titles or words[:size] in self.descriptors:
                return start + size
        return None

    def targets(self, words: tuple[str, ...]) -> tuple[str, frozenset[str]]:
        """What a descriptor can stand for: (label, title phrases)."""
        if words in self.descriptors:
            return self.descriptors[words]
        return "PERSON", frozenset({" ".join(words)})


def title_matches(targets: frozenset[str], title: str) -> bool:
    """Whether a held title answers a descriptor: "secretary" fits "secretary of state", but
    "president" does not fit "vice president" (a lower rank is another office)."""
    title = title.lower()
    words = set(title.replace("-", " ").split())
    if words & LOWER_RANKS:
        return title in targets
    return any(t == title or set(t.split()) <= words for t in targets)


def title_before(doc: Doc, name: Span, lexicon: Lexicon, gazetteer: Gazetteer) -> Title | None:
    """A title right before a name: "Defense Minister <name>", "President [<first>] <last>"."""
    end = name.start
    if end > 0 and doc[end - 1].text == "[":
        end -= 1
    floor = sentence_start(doc, name.start)
    start = lexicon.title_ending(doc, end, floor)
    if start is None:
        return None
    start = rank_before(doc, start, floor)
    mod = modifier_before(doc, start, gazetteer)
    return Title(
        span=doc[mod.start : end],
        title=doc[start:end].text,
        head_start=start,
        head_end=end,
        country=mod.country,
        body=mod.body,
        adjective=mod.adjective,
        place=mod.place,
    )


def rank_before(doc: Doc, start: int, floor: int = 0) -> int:
    """The start of a title with the lower rank written before it, a hyphen between or not
    ("Deputy Governor", "Vice-President"): another office than the title alone."""
    for size in (1, 2):
        at = start - size
        rank = at >= floor and doc[at].lower_ in HARD_RANKS and doc[at].pos_ != "ADP"
        if rank and (size == 1 or doc[at + 1].text == "-"):  # not "under President <name>"
            return at
    return start


def title_in_apposition(
    doc: Doc, name: Span, lexicon: Lexicon, gazetteer: Gazetteer
) -> Title | None:
    """A title set off by a comma before the name: "French ambassador to X and to Y, <name>"."""
    comma = name.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    floor = max(sentence_start(doc, name.start), comma - MAX_COMPLEMENT)
    for end in range(comma, floor, -1):
        start = lexicon.title_ending(doc, end, floor)
        if start is None:
            if not complement_token(doc, end - 1):
                return None
            continue
        mod = modifier_before(doc, start, gazetteer)
        first = mod.start
        if first > 0 and doc[first - 1].lower_ in ("the", "a", "an"):
            first -= 1
        return Title(
            span=doc[first:comma],
            title=doc[start:end].text,
            head_start=start,
            head_end=end,
            country=mod.country,
            body=mod.body,
            complements=complements(doc[end:comma], gazetteer),
            adjective=mod.adjective,
            attached=False,
        )
    return None


def title_after(doc: Doc, name: Span, lexicon: Lexicon, gazetteer: Gazetteer) -> Title | None:
    """A title after the name: "<name>, the foreign minister of X," / "<name>, X's ambassador"."""
    comma = name.end
    if comma >= len(doc) - 1 or doc[comma].text != ",":
        return None
    start = comma + 1
    country: str | None = None
    adjective: str | None = None
    if doc[start].lower_ in ("the", "a", "an"):
        start += 1
    for size in (2, 1):  # "<country>'s", "French", "South Korean"
        if start + size < len(doc):
            words = doc[start : start + size]
            if doc[start + size].text in POSSESSIVE_TOKENS and gazetteer.country_of(words.text):
                country, start = gazetteer.country_of(words.text), start + size + 1
                break
            if words.text in gazetteer.demonyms:
                country, adjective = gazetteer.demonyms[words.text], words.text
                start += size
                break
    while start < len(doc) and doc[start].lower_ in SOFT_MODIFIERS:
        start += 1
    end = lexicon.phrase_starting(doc, start)
    if end is None or tuple(t.lower_ for t in doc[start:end]) not in lexicon.titles:
        return None
    stop = end
    while stop < len(doc) and stop - end < MAX_COMPLEMENT and complement_token(doc, stop):
        stop += 1
    if stop < len(doc) and (doc[stop].ent_type_ == "PERSON" or doc[stop].pos_ == "PROPN"):
        return None  # "<name>, Defense Minister <name2>": the title of the next name
    found = complements(doc[end:stop], gazetteer)
    if country is None:  # "the foreign minister of <country>"; "mayor of <city>" stays as written
        for text in found:
            place = gazetteer.resolve(text[3:]) if text.startswith("of ") else None
            if place is not None and place.kind == "country":
                country = place.country
    return Title(
        span=doc[comma + 1 : stop],
        title=doc[start:end].text,
        head_start=start,
        head_end=end,
        country=country,
        complements=[c for c in found if not c.startswith("of ")] if country else found,
        adjective=adjective,
        attached=False,
    )


def sentence_start(doc: Doc, i: int) -> int:
    """First token of the sentence holding token i (0 when the doc has no sentence bounds)."""
    if doc.has_annotation("SENT_START"):
        return doc[i].sent.start
    j = i
    while j > 0 and doc[j - 1].text not in (".", "!", "?"):
        j -= 1
    return j


def role_text(title: Title, gazetteer: Gazetteer) -> list[str]:
    """The roles a title gives, one per complement.

    A capitalised office takes "of": "Prime Minister of France", "President of the <body>"; one
    with its own "of" or a lower-case role takes a prefix: "United States Secretary of Labor",
    "French ambassador to the United States" (the adjective as written, else the country's).
    """
    roles = []
    for complement in title.complements or [""]:
        core = f"{title.title} {complement}".strip()
        if title.body:
            roles.append(f"{core} of the {title.body}")
        elif title.place:
            roles.append(f"{core} of {title.place}")
        elif title.country is None:
            roles.append(core)
        elif title.title[:1].isupper() and not complement and " of " not in title.title:
            roles.append(f"{core} of {gazetteer.country_name(title.country)}")
        else:
            name = gazetteer.country_name(title.country).removeprefix("the ")
            adjective = title.adjective or (
                name if " " in name else gazetteer.adjectives.get(title.country, name)
            )
            roles.append(f"{adjective} {core}")
    return roles
