"""When an event happened: the date of its clause, or the date of the story so far."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.dates import DateSpan
from newsgraph.nlp.events.event import EventSpan
from newsgraph.nlp.events.status import SEQUENCE, clause_of


def ancestors_within(token: Token, limit: int = 6) -> list[Token]:
    out = [token]
    while token.head != token and len(out) <= limit:
        token = token.head
        out.append(token)
    return out


YEAR_PREPS = ("in", "since", "by", "until", "till", "from", "before", "after", "during", "of", "to")


def is_date(date_span: DateSpan) -> bool:
    """A bare number is a year only in a date context: "in 2018", "the 2018 election", never
    "resolution 2259" (a number after a noun names a thing), nor years far past the story's."""
    span = date_span.span
    if not (len(span) == 1 and span[0].like_num):
        return True
    published = span.doc._.published
    start = date_span.start
    if published is not None and start is not None and start.year > published.year + 10:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.lower_ in YEAR_PREPS or before.pos_ not in ("NOUN", "PROPN")


def event_date(head: Token, dates: list[DateSpan], cues: frozenset[str]) -> DateSpan | None:
    """The date of the trigger's clause: the DATE whose lowest common head with it is nearest.

    A date on a verb of saying dates the saying, not the event ("said on Monday that ...").
    """
    chain = ancestors_within(head, 12)
    best: tuple[int, int, DateSpan] | None = None
    for date_span in dates:
        if date_span.duration or not is_date(date_span):
            continue
        above = ancestors_within(date_span.span.root, 12)
        common = next((node for node in chain if node in above), None)
        if common is None or (common != head and common.lemma_.lower() in cues):
            continue
        path = above[: above.index(common)]
        if any(n.dep_ in ("relcl", "acl") and n.head != head for n in path):
            continue  # the date of a clause about something else: "who won in March"
        if any(n.dep_ == "advcl" and n.tag_ == "VBN" for n in path):
            continue  # a participle's own date: "Born on June 23, 1941, he met ..."
        rank = (chain.index(common), len(path))
        if best is None or rank < best[:2]:
            best = (*rank, date_span)
    return best[2] if best else None


def continues(event: EventSpan, index: int, since: int) -> bool:
    """Whether an undated past event takes the date of the story so far: it follows within two
    sentences, or says it follows ("later met", "a later meeting")."""
    if event.status != "happened":
        return False
    head = event.trigger.root
    verb = clause_of(head) or head
    said_later = any(c.lower_ in SEQUENCE for t in (head, verb) for c in t.children)
    return index - since <= 2 or said_later


def main_date(sent: Span, dates: list[DateSpan], cues: frozenset[str]) -> DateSpan | None:
    """The date of the sentence's main verb ("On Monday, X departed"), unless it dates a saying."""
    root = sent.root
    if root.lemma_.lower() in cues:
        return None
    for date_span in dates:
        if date_span.tense != "past" or date_span.duration or not is_date(date_span):
            continue
        if date_span.start is not None and date_span.start != date_span.end:
            continue  # a week, a month or a year is no day the story goes on from
        above = ancestors_within(date_span.span.root, 4)
        if root in above and not any(
            n.dep_ == "advcl" and n.tag_ == "VBN" for n in above[: above.index(root)]
        ):
            return date_span  # not a participle's own date: "Born on June 23, 1941, ..."
    return None
