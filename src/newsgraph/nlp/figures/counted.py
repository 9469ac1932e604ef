"""What a figure counts: the counted noun, its description and its quantity family."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.figures.numbers import partitive_head


def counted(run: list[Token], words: dict[str, tuple[str, str]]) -> tuple[Token | None, Token]:
    """The counted noun (or None) and the token that stands for the figure in the parse."""
    last = run[-1]
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return last.head, last.head
    partitive = partitive_head(last)
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
    part_of: str | None = None  # the group a partitive counts out of: "the dead"


def describe(noun: Token | None, figure: Token, run: list[Token]) -> Counted:
    """What the figure counts, read off the parse around the counted noun."""
    skip = {t.i for t in run} | {
        t.i for t in run[0].doc[max(0, run[0].i - 3) : run[0].i] if t.pos_ != "NOUN"
    }
    parts, lemmas = [], []
    whole: str | None = None
    partitive = noun is not None and noun.head.lower_ == "of" and noun.head.head == figure
    if noun is not None:
        words = [
            t
            for t in noun.subtree
            if t.i <= noun.i and t.i not in skip and (partitive or t.dep_ != "det")
        ]  # "of the dead", but "people killed" for "the 40 people killed"
        parts.append(("of " if partitive else "") + " ".join(t.text for t in words))
        if partitive:
            whole = " ".join(t.text for t in noun.subtree if t.i <= noun.i)
    whole = whole if partitive and noun is not None and noun.pos_ != "PRON" else None
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
        part_of=whole,
    )


def quantity_of(counted: Counted, families: dict[str, tuple[str, str]]) -> str | None:
    """The quantity a figure counts: the first family of its lemmas in quantities.tsv ("killed",
    "the dead" -> "dead"), else its clause verb; None when nothing tells."""
    for lemma in counted.lemmas:
        family = families.get(lemma, ("", ""))[0]
        if family and family != "*":
            return family
    return counted.lemmas[0] if counted.lemmas and counted.lemmas[0] != counted.noun else None
