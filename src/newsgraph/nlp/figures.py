"""newsgraph_figures: numbers that count something, with hedge, unit, what they count and source.

Writes `doc._.figures`: one FigureSpan per count. A count is a number or vague amount ("thousands
of") that is not part of a date, time, ordinal, name ("Resolution 242") or age ("35-year-old"),
and not an anaphoric "the two men". Its source is the X of "according to X" in its sentence, or
the subject of an attribution verb governing its clause ("the army insists that ..."); None when the
reporter states it. Figures of different sources for the same quantity contest each other (see
`same_quantity`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import load_pairs, load_words

# Entity labels whose numbers are never counts: they name a date, a time, a rank or a thing.
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT",
              "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}  # fmt: skip
NEARBY = 3  # sentences between rival figures; from the sample corpus: farther apart they count
# different incidents ("three died in the first blast ... six in the second")
ANAPHORIC = {"the", "these", "those", "both", "their", "his", "her", "its", "our", "my", "your"}


@dataclass
class FigureSpan:
    """A count in a doc: `span` covers hedge and number; `source`/`cue` are None when unsourced."""

    span: Span
    value: float | None  # None for vague amounts ("thousands")
    hedge: str | None
    unit: str | None
    what: str | None  # the counted phrase ("village residents killed")
    quantity: str | None  # what is counted, as a family of quantities.tsv or a verb ("dead")
    noun: str | None  # the counted noun's lemma
    partitive: bool  # "40 of the dead"
    sentence: int  # index of its sentence in the doc
    source: Span | None = None
    cue: Span | None = None
    part: bool = False  # "more than 30 of them": a part of an earlier figure, not a rival count
    contests: list[int] = field(default_factory=list)  # indices into doc._.figures


def parse_number(tokens: list[Token], words: dict[str, tuple[str, str]]) -> float | None:
    """The value of a number run ("3,200", "1.5 million", "two hundred"); None when vague."""
    value: float | None = None
    for token in tokens:
        text = token.lower_.replace(",", "")
        kind, number = words.get(text, ("", ""))
        if re.fullmatch(r"\d+(\.\d+)?", text):
            value = (value or 0) + float(text)
        elif kind == "number":
            value = (value or 0) + float(number)
        elif kind == "scale":
            value = (value or 1) * float(number)
        elif kind in ("vague", "modifier"):
            return None
    return value


def number_runs(sent: Span, words: dict[str, tuple[str, str]]) -> list[list[Token]]:
    """Runs of number tokens in a sentence ("1.5 million", "a dozen", "thousands")."""
    runs: list[list[Token]] = []
    for token in sent:
        kind = words.get(token.lower_, ("", ""))[0]
        numeric = kind in ("vague", "scale") or (
            token.like_num and (token.pos_ == "NUM" or re.fullmatch(r"[\d,.]+", token.text))
        )
        if kind in ("number", "modifier") and token.i + 1 < sent.end and not token.like_num:
            # "a dozen", "several hundred": only before a scale word
            numeric = words.get(token.nbor().lower_, ("", ""))[0] in ("scale", "vague")
        if not numeric:
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def is_count(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """False for dates, times, ordinals, names, ages, identifiers and "the two men"."""
    first, last = run[0], run[-1]
    if any(t.ent_type_ in NOT_COUNTS for t in run):
        return False
    doc = first.doc
    after = doc[last.i + 1 : last.i + 4].text.lower().replace(" ", "")
    before = doc[max(first.i - 1, 0)].lower_
    if any(after.startswith(f"-{w}") or after.startswith(w) for w, (k, _) in words.items()
           if k == "age") or words.get(before, ("", ""))[0] == "age":  # fmt: skip
        return False
    if odds_or_fraction(run, words):
        return False
    if last.dep_ in ("nummod", "appos", "compound") and last.head.i < first.i:
        return False  # an identifier after its noun: "Resolution 242", "Flight 370"
    if first.lower_ == "one" and last.dep_ != "nummod":
        return False  # the pronoun "one": "one of the worst", "no one"
    noun = last.head if last.dep_ == "nummod" else None
    if noun is not None and any(
        c.lower_ in ANAPHORIC and c.i < first.i for c in noun.children if c.dep_ in ("det", "poss")
    ):
        return False  # "the two men": a reference, not a count
    return not (first.i > 0 and doc[first.i - 1].lower_ in ANAPHORIC and noun is not None)


def odds_or_fraction(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "three-in-five" (both numbers), "two-thirds": a share, not a count."""
    doc, first, last = run[0].doc, run[0], run[-1]
    after = [t.lower_ for t in doc[last.i + 1 : last.i + 3]]
    before = [t.lower_ for t in doc[max(first.i - 2, 0) : first.i]]
    share = len(after) == 2 and (after[1] == "in" or words.get(after[1], ("", ""))[0] == "fraction")
    return (after[:1] == ["-"] and share) or before == ["in", "-"]


def _partitive(token: Token) -> Token | None:
    """The pobj of "N of the dead", "N of them", or None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def range_scale(run: list[Token], nxt: list[Token], words: dict[str, tuple[str, str]]) -> float:
    """The scale a range's first number borrows from its second: "$300 to 400 billion"."""
    doc = run[0].doc
    if nxt[0].i != run[-1].i + 2 or doc[run[-1].i + 1].lower_ not in ("to", "and", "-", "–"):
        return 1.0
    if any(words.get(t.lower_, ("", ""))[0] == "scale" for t in run):
        return 1.0
    scale = words.get(nxt[-1].lower_, ("", ""))
    return float(scale[1]) if scale[0] == "scale" and len(nxt) > 1 else 1.0


def find_hedge(run: list[Token], hedges: frozenset[str]) -> tuple[str | None, int]:
    """The longest hedge phrase right before the run, and the index of its first token."""
    first = run[0]
    doc = first.doc
    start = first.i - 1 if first.i > 0 and doc[first.i - 1].text in "$€£¥" else first.i
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        phrase = doc[start - width : start].text.lower()
        if phrase in hedges:
            return phrase, start - width
    return None, start  # "$1.5 billion": the currency belongs to the figure


def counted(run: list[Token], words: dict[str, tuple[str, str]]) -> tuple[Token | None, Token]:
    """The counted noun (or None) and the token that stands for the figure in the parse."""
    last = run[-1]
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return last.head, last.head
    partitive = _partitive(last)
    if partitive is not None:
        return partitive, last
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(last.doc):
        noun = nxt.nbor()  # "thousands of rockets" when the parse leaves "of" loose
        while noun.dep_ in ("amod", "compound", "det", "nummod") and noun.head.i > noun.i:
            noun = noun.head
        return noun, last
    return None, last


def clause_verb(token: Token) -> Token | None:
    """The verb whose subject or object the figure is ("90 residents were killed"), or None."""
    while token.dep_ in ("conj", "appos", "compound") and token.head != token:
        token = token.head  # "six miners and one guard were hurt"
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if token.dep_ == "pobj" and head.head.pos_ == "VERB":
        return head.head
    return next((c for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)


@dataclass(frozen=True)
class Counted:
    """What a figure counts: a phrase for people, and lemmas that identify the quantity."""

    what: str | None  # "miners hurt", "of the injured were guards"
    noun: str | None  # the counted noun's lemma ("miner"), or the partitive's ("injured")
    partitive: bool  # "40 of the dead": a count out of a group named after "of"
    lemmas: tuple[str, ...]  # clause verb, partitive or noun, attribute: most telling first


def describe(noun: Token | None, figure: Token, run: list[Token]) -> Counted:
    """What the figure counts, read off the parse around the counted noun."""
    skip = {t.i for t in run} | {
        t.i for t in run[0].doc[run[0].i - 3 : run[0].i] if t.pos_ != "NOUN"
    }
    parts, lemmas = [], []
    partitive = noun is not None and noun.head.lower_ == "of" and noun.head.head == figure
    if noun is not None:
        words = [
            t
            for t in noun.subtree
            if t.i <= noun.i and t.i not in skip and (partitive or t.dep_ != "det")
        ]  # "of the dead", but "people killed" for "the 40 people killed"
        parts.append(("of " if partitive else "") + " ".join(t.text for t in words))
    appos = next((c for c in figure.children if c.dep_ == "appos"), None)
    if appos is not None:  # "more than 30 of them children"
        parts.append(" ".join(t.text for t in appos.subtree))
    verb = clause_verb(noun if noun is not None and noun == figure else figure)
    if verb is not None:
        attr = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
        if verb.lemma_ == "be" and attr is not None:
            parts.append(f"{verb.text} {' '.join(t.text for t in attr.subtree if t.i <= attr.i)}")
            lemmas.append(attr.lemma_.lower())
        elif verb.lemma_ != "be":
            parts.append(verb.text)
            lemmas.insert(0, verb.lemma_.lower())
    if noun is not None:
        lemmas.insert(1 if verb is not None and verb.lemma_ != "be" else 0, noun.lemma_.lower())
    return Counted(
        what=" ".join(p for p in parts if p) or None,
        noun=noun.lemma_.lower() if noun is not None else None,
        partitive=partitive,
        lemmas=tuple(lemmas),
    )


def find_source(figure: Token, cues: frozenset[str]) -> tuple[Span | None, Span | None]:
    """(source, cue): "according to X" in the sentence, or the subject of a cue verb above."""
    sent = figure.sent
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            pobj = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return mention(pobj), sent.doc[token.i : token.i + 2]
    node = figure
    for _ in range(12):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in cues and node.dep_ in ("ccomp", "parataxis", "advcl", "xcomp"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ != "PRON":
                return mention(subject), sent.doc[head.i : head.i + 1]
        node = head
    return None, None


def quoted_source(span: Span, quotes: Iterable[Any]) -> tuple[Span | None, Span | None]:
    """(speaker, cue) of the direct quote (doc._.quotes) whose words hold the figure: '"We lost
    40 men," the general said.' A pull quote repeats a statement and lends no speaker."""
    for quote in quotes:
        # reported speech is read from the parse (find_source): its span may run past the claim
        if quote.speaker is None or quote.repeats is not None or quote.kind != "direct":
            continue
        if any(start <= span.start_char and span.end_char <= end for start, end in quote.pieces):
            return quote.speaker, quote.cue
    return None, None


def mention(token: Token) -> Span:
    """The named entity holding the token, or its noun phrase up to the token."""
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    left = min(t.i for t in token.subtree if t.i <= token.i and t.dep_ not in ("punct",))
    return trim(token.doc[left : token.i + 1])


def trim(span: Span) -> Span:
    """A mention without its leading numbers, hedges and determiners."""
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ in ("det", "nummod", "quantmod", "advmod"):
        start += 1
    return span.doc[start : span.end]


def find_unit(run: list[Token], words: dict[str, tuple[str, str]]) -> str | None:
    """Currency before the number, or a unit word right after it."""
    doc = run[0].doc
    candidates = [doc[run[0].i - 1]] if run[0].i > 0 else []
    if run[-1].i + 1 < len(doc):
        candidates.append(doc[run[-1].i + 1])
    for token in candidates:
        kind, unit = words.get(token.lower_, ("", ""))
        if kind == "unit" and (token.lower_ != "per" or token.nbor().lower_ == "cent"):
            return unit
    return None


def quantity_of(counted: Counted, families: dict[str, tuple[str, str]]) -> str | None:
    """The quantity a figure counts: the first family of its lemmas in quantities.tsv ("killed",
    "the dead" -> "dead"), else its clause verb; None when nothing tells."""
    for lemma in counted.lemmas:
        family = families.get(lemma, ("", ""))[0]
        if family and family != "*":
            return family
    return counted.lemmas[0] if counted.lemmas and counted.lemmas[0] != counted.noun else None


def same_quantity(a: FigureSpan, b: FigureSpan, families: dict[str, tuple[str, str]]) -> bool:
    """One quantity: the same family or verb, and the same counted noun unless one of them is a
    partitive ("40 of the dead") or a word for anyone ("people", `*` in quantities.tsv)."""
    if a.quantity is None or a.quantity != b.quantity:
        return False
    anyone = {n for n in (a.noun, b.noun) if n is None or families.get(n, ("", ""))[0] == "*"}
    return a.noun == b.noun or a.partitive or b.partitive or bool(anyone)


def link_contests(
    figures: list[FigureSpan], doc: Doc, families: dict[str, tuple[str, str]]
) -> None:
    """Link rival figures: one quantity, different values, different named sources, at most
    NEARBY sentences apart (a rival claim is reported beside the one it disputes), neither a
    breakdown of another figure ("more than 30 of them")."""
    from newsgraph.nlp import entity_at

    def who(fig: FigureSpan) -> str | None:
        if fig.source is None:
            return None
        cluster = (
            entity_at(doc, fig.source.start_char, fig.source.end_char) if doc._.entities else None
        )
        return cluster.key if cluster is not None else fig.source.text.lower()

    for i, a in enumerate(figures):
        for j, b in enumerate(figures[:i]):
            if a.part or b.part or who(a) is None or who(b) is None or who(a) == who(b):
                continue
            if a.value == b.value or abs(a.sentence - b.sentence) > NEARBY:
                continue
            if same_quantity(a, b, families):
                a.contests.append(j)
                b.contests.append(i)


@dataclass(frozen=True)
class FiguresFinder:
    hedges: frozenset[str]
    words: dict[str, tuple[str, str]]
    cues: frozenset[str]
    families: dict[str, tuple[str, str]]

    def __call__(self, doc: Doc) -> Doc:
        figures = [fig for i, sent in enumerate(doc.sents) for fig in self.find(sent, i)]
        for figure in figures:
            if figure.source is None:
                figure.source, figure.cue = quoted_source(figure.span, doc._.quotes or ())
        link_contests(figures, doc, self.families)
        doc._.figures = figures
        return doc

    def find(self, sent: Span, index: int) -> list[FigureSpan]:
        figures = []
        runs = number_runs(sent, self.words)
        for i, run in enumerate(runs):
            if not is_count(run, self.words):
                continue
            hedge, start = find_hedge(run, self.hedges)
            value = parse_number(run, self.words)
            if value is not None and i + 1 < len(runs):
                value *= range_scale(run, runs[i + 1], self.words)
            if value is None and hedge is None:
                hedge = " ".join(t.lower_ for t in run)  # "thousands": vague is its own hedge
            noun, figure = counted(run, self.words)
            counts = describe(noun, figure, run)
            source, cue = find_source(figure, self.cues)
            figures.append(
                FigureSpan(
                    span=sent.doc[start : run[-1].i + 1],
                    value=value,
                    hedge=hedge,
                    unit=find_unit(run, self.words),
                    what=counts.what,
                    quantity=quantity_of(counts, self.families),
                    noun=counts.noun,
                    partitive=counts.partitive,
                    sentence=index,
                    source=source,
                    cue=cue,
                    part=noun is not None and noun.pos_ == "PRON",
                )
            )
        return figures


@Language.factory(
    "newsgraph_figures",
    assigns=["doc._.figures"],
    default_config={
        "hedges": "hedges.txt",
        "words": "figure_words.tsv",
        "cues": "attribution_cues.txt",
        "families": "quantities.tsv",
    },
)
def make_figures(
    nlp: Language, name: str, hedges: str, words: str, cues: str, families: str
) -> FiguresFinder:
    return FiguresFinder(
        hedges=load_words(hedges),
        words=load_pairs(words),
        cues=load_words(cues),
        families=load_pairs(families),
    )
