"""Who gives a figure: "according to X", an attribution verb's subject, or the speaker of the
quote (direct or reported) that holds it, by the name the speaker resolves to."""

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


# how what a cue attributes hangs on it: a clause
CLAIM_DEPS = frozenset({"ccomp", "parataxis", "advcl", "xcomp"})


def find_source(
    figure: Token,
    cues: frozenset[str],
    polls: frozenset[str] = frozenset(),
    object_cues: frozenset[str] = frozenset(),
) -> tuple[Span | None, Span | None]:
    """(source, cue): "according to X" in the sentence, the nearest "in the X poll" (a noun of
    `polls`), or the subject of a cue verb above: over the clause holding the figure, or over
    its object for `object_cues` ("the ministry reported 1,200 cases", "he claimed 56 percent of
    respondents ...": the parser often makes a clause's subject the object)."""
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
        lemma = head.lemma_.lower()
        claims = node.dep_ in CLAIM_DEPS or (node.dep_ == "dobj" and lemma in object_cues)
        if lemma in cues and claims:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in PERSONAL):
                return mention(subject), sent.doc[head.i : head.i + 1]
        node = head
    return None, None


def poll_phrase(noun: Token) -> Span | None:
    """ "in the <...> poll" ending at `noun`, read from the words (a poll's name often misparses:
    "in the nationwide <pollster> head to head average"): the phrase from its determiner or name
    after "in" to the noun, with no punctuation inside. A bare plural ("in opinion polls") is no
    poll of its own: None."""
    sent = noun.sent
    if noun.i + 1 < sent.end and noun.nbor().pos_ in ("NOUN", "PROPN"):
        return None  # the noun modifies another ("poll numbers")
    for i in range(noun.i - 1, max(sent.start, noun.i - 10) - 1, -1):
        token = noun.doc[i]
        if token.is_punct and token.text not in ("-", "–", "&", "/"):
            return None
        if token.lower_ == "in" and i + 1 < noun.i:
            first = noun.doc[i + 1]
            if first.pos_ in ("DET", "PROPN") or first.tag_ == "PRP$":
                return noun.doc[i + 1 : noun.i + 1]
            return None
    return None


def nearest_poll(figure: Token, polls: frozenset[str]) -> Span | None:
    """The poll of "in the Monmouth poll" nearest the figure in its sentence, by where its "in"
    stands ("two percent in the A poll, two percent in the B survey": each its own), or None."""
    nouns = [t for t in figure.sent if t.lemma_.lower() in polls]
    found = [phrase for t in nouns if (phrase := poll_phrase(t)) is not None]
    if not found:
        return None
    return min(found, key=lambda phrase: abs(phrase.start - 1 - figure.i))


def quoted_source(span: Span, quotes: Iterable[Any]) -> tuple[Span | None, Span | None, str | None]:
    """(speaker, cue, name) of the quote (doc._.quotes) whose words hold the figure: '"We lost
    40 men," the general said'; "The ministry said 280 people were killed" (reported speech).
    `name` is what the speaker resolves to. Reported speech (indirect, mixed) lends its speaker
    only when it resolves to a name and the figure is part of the claim (`claimed`): "he said
    40 died" with no one for "he" abstains. A pull quote repeats a statement and lends no
    speaker, nor does a quote the model doubts (under even odds: a guess)."""
    for quote in quotes:
        if quote.speaker is None or quote.repeats is not None or doubted(quote):
            continue
        if not any(a <= span.start_char and span.end_char <= b for a, b in quote.pieces):
            continue
        if quote.kind == "direct":
            return quote.speaker, quote.cue, quote.name
        if quote.name is not None and claimed(span, quote.pieces):
            return quote.speaker, quote.cue, quote.name
        return None, None, None
    return None, None, None


def doubted(quote: Any) -> bool:
    """The quote model gives the attribution less than even odds."""
    return quote.confidence is not None and quote.confidence < 0.5


def claimed(span: Span, pieces: list[tuple[int, int]]) -> bool:
    """The figure is what reported speech states, read from the parse: not in an infinitive
    ("promised to rebuild the system, which stopped thousands of rockets": an intention, not a
    claim) nor in a relative clause or a noun's modifier inside it (often the writer's aside)."""
    inside = [t for t in span.doc if any(a <= t.idx < b for a, b in pieces)]
    if not inside:
        return False
    ids = {t.i for t in inside}
    node = span.root
    while node.head.i in ids and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return False
        node = node.head
    # `node` tops the content: "to help ..." is an infinitive
    return not any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)


def speaker_name(source: Span, quotes: Iterable[Any]) -> str | None:
    """What a figure's source resolves to where it is also a quote's attributing mention: "The
    <office>, <name>, said 40 ..." is <name>, as the quote's speaker is; None elsewhere."""
    return next(
        (
            quote.name
            for quote in quotes
            if quote.speaker is not None
            and quote.name is not None
            and quote.speaker.start <= source.root.i < quote.speaker.end
        ),
        None,
    )
