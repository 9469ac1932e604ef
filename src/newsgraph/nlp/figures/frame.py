"""The place and time frame a figure refers to, when its sentence gives them.

"At least 40 people died in Kabul on Tuesday": place "Kabul", period "on Tuesday" (resolved by
newsgraph_dates against the article's date). Only what the figure's own clause, or a clause it is
the complement of, says: a place or date in a neighbouring clause ("..., a week after the blast in
Herat") belongs to another fact, and the source's own name ("Israel says 225 ...") is not the
place counted. None when the sentence says nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from newsgraph.model import Frame
from newsgraph.nlp.dates import DateSpan

PLACES = frozenset({"GPE", "LOC", "FAC"})
COMPLEMENTS = frozenset({"ccomp", "xcomp", "conj", "parataxis"})  # clauses that share a frame


def clause_of(token: Token) -> Token:
    """The verb heading the token's clause (the sentence root when none is nearer)."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def clauses_up(token: Token) -> list[Token]:
    """The figure's clause, then each clause whose complement it is ("In Kabul, police said 40
    died"), nearest first; a relative or adverbial clause's frame is its own ("the system, which
    intercepted thousands of rockets, ... talks with Iran")."""
    chain = [clause_of(token)]
    while chain[-1].head != chain[-1] and chain[-1].dep_ in COMPLEMENTS:
        nxt = clause_of(chain[-1].head)
        if nxt in chain:
            break
        chain.append(nxt)
    return chain


def nearest(
    spans: Iterable[Span], anchor: Token, chain: Sequence[Token], skip: Sequence[Span]
) -> Span | None:
    """The span in the nearest clause of the chain, then nearest to the anchor in tokens."""
    best: tuple[int, int, Span] | None = None
    for span in spans:
        if any(span.start < s.end and s.start < span.end for s in skip):
            continue
        clause = clause_of(span.root)
        if clause not in chain:
            continue
        rank = (chain.index(clause), abs(span.root.i - anchor.i), span)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best is not None else None


def frame_of(
    anchor: Token, figure: Span, source: Span | None, dates: Sequence[DateSpan] | None
) -> Frame:
    """The place (GPE, LOC or FAC) and period (a DATE span of newsgraph_dates) of the figure's
    clause or the clauses above it; neither inside the figure nor its source."""
    sent = figure.sent
    chain = clauses_up(anchor)
    skip = [figure] + ([source] if source is not None else [])
    places = (e for e in sent.ents if e.label_ in PLACES)
    place = nearest(places, anchor, chain, skip)
    in_sent = {d.span: d for d in dates or () if sent.start <= d.span.start < sent.end}
    when = nearest(in_sent, anchor, chain, skip)
    dated = in_sent.get(when) if when is not None else None
    return Frame(
        place=place.text if place is not None else None,
        period=period_text(when) if when is not None else None,
        period_date=dated.iso if dated is not None else None,
    )


def period_text(span: Span) -> str:
    """The DATE span with the preposition that frames it: "on Tuesday", "since October", "as
    of Friday" (a two-word preposition)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    if before is None or before.dep_ != "prep" or before.pos_ not in ("ADP", "SCONJ"):
        return span.text
    start = before.i
    if start > span.sent.start and doc[start - 1].lower_ in ("as", "up"):
        start -= 1  # "as of", "up to"
    return doc[start : span.end].text
