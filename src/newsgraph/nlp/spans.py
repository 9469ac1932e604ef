"""Span helpers shared by the components that name parties (events, figures): a token's mention."""

from __future__ import annotations

from spacy.tokens import Span, Token


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


def headed_by(words: list[str], head: str) -> bool:
    """Whether a name of several words has `head` as its head noun: its last word ("U.S.
    Senate"), or its first before a preposition ("Court of Session", "Commission on ...")."""
    if len(words) < 2:
        return False
    return words[-1] == head or (words[0] == head and words[1] in ("of", "on", "for"))
