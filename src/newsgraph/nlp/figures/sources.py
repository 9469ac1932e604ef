"""Who gives a figure: "according to X", an attribution verb's subject, or a quote's speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from newsgraph.nlp.spans import mention

PERSONAL = {
    "he",
    "she",
    "they",
    "we",
    "i",
}  # a pronoun subject is a source: "he claimed 56 percent"


def find_source(
    figure: Token, cues: frozenset[str], polls: frozenset[str] = frozenset()
) -> tuple[Span | None, Span | None]:
    """(source, cue): "according to X" in the sentence, the nearest "in the X poll" (a noun of
    `polls`), or the subject of a cue verb above."""
    sent = figure.sent
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            pobj = next((c for c in token.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return mention(pobj), sent.doc[token.i : token.i + 2]
    poll = nearest_poll(figure, polls)
    if poll is not None:
        return poll, sent.doc[poll.start - 1 : poll.start]
    node = figure
    for _ in range(12):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in cues and node.dep_ in ("ccomp", "parataxis", "advcl", "xcomp"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in PERSONAL):
                return mention(subject), sent.doc[head.i : head.i + 1]
        node = head
    return None, None


def in_phrase(noun: Token) -> bool:
    """The noun ends an "in ..." phrase: "in the RealClearPolitics head-to-head average"."""
    left = min(t.i for t in noun.subtree)
    return noun.head.lower_ == "in" or (left > 0 and noun.doc[left - 1].lower_ == "in")


def nearest_poll(figure: Token, polls: frozenset[str]) -> Span | None:
    """The poll of "in the Monmouth poll" nearest the figure in its sentence, or None."""
    sent = figure.sent
    found = [t for t in sent if t.lemma_.lower() in polls and in_phrase(t)]
    if not found:
        return None
    noun = min(found, key=lambda t: abs(t.i - figure.i))
    left = min(t.i for t in noun.subtree if t.i <= noun.i)
    return sent.doc[left : noun.i + 1]


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
