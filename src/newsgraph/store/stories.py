"""Contests across articles: two articles of one story whose counts of a quantity cannot both hold.

Two articles tell one story when they share a merged event, or when they were published at most
DAYS apart, both name one place (a merged GPE, LOC or FAC entity) in their lede (the first LEDE
sentences, where news says where it happened) and their titles and ledes share at least SHARED
other words (not stop words, not the places: "fire", "garment", "factory"), at least OVERLAP of
the shorter's: a country or state alone joins unrelated news of the same days (on the 200
Wikinews samples, 17 pairs of articles share a lede place a day apart; 5 of them share 3 words,
2 share 0.3 of them: two endorsements of one candidate and two obituaries, with no tolls).

An article's count of a quantity is its largest whole figure of it: a part ("225 of the dead",
"30 of them") counts out of a whole, not the whole, so it never contests across articles. Two
articles' counts are a `total` contest when they count one quantity (same family or verb, unit,
counted noun where both name one, and named group: "Azerbaijani soldiers" is another quantity
than "soldiers"), come from different sources (the outlet when the reporter states the figure)
and their hedged ranges do not meet, unless their sentences give different places or resolved
periods for them. The contest is written into both figures' rows: `contests`
gains the rival's "<article hash>:<id>". Everything here runs inside the transaction that stores
the articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, select

from newsgraph.model import Figure, Frame, claimed_range, same_frame
from newsgraph.store.base import Cited
from newsgraph.store.merge import fold
from newsgraph.store.rows import dump
from newsgraph.store.schema import article_entities, articles, event_sources, figures, mentions

DAYS = 1  # published this many days apart at most: one story's reports, not next week's
LEDE = 2  # sentences
SHARED = 3  # words of title and lede, besides places and stop words
OVERLAP = 0.3  # of the shorter title and lede's words
WORD = re.compile(r"[^\W\d_]{3,}")
PLACES = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class Count:
    """One article's count of a quantity: its largest whole figure of it."""

    article_hash: str
    id: str
    text: str
    value: float
    value_high: float | None
    hedge: str | None
    unit: str | None
    quantity: str
    counted: str | None
    named: frozenset[
        str
    ]  # capitalised words of what it counts: "Azerbaijani" of "Azerbaijani soldiers"
    source: str  # the folded source name, else the outlet's, else the article's own
    published: date | None = None
    place: str | None = None  # where it counts, as its sentence says
    period_date: str | None = None  # its time frame resolved (ISO)

    @property
    def key(self) -> str:
        return f"{self.article_hash}:{self.id}"


def link_story_contests(conn: Connection, hashes: Sequence[str]) -> None:
    """Mark `total` contests between each of these (newly stored) articles and the stored
    articles of its story."""
    for article_hash in hashes:
        others = story_of(conn, article_hash)
        if not others:
            continue
        counts = counts_of(conn, [article_hash, *others])
        for mine in counts.get(article_hash, ()):
            for other in others:
                for theirs in counts.get(other, ()):
                    if contest(mine, theirs):
                        first, then = sorted((mine, theirs), key=reported)
                        reason = f"{first.text} and {then.text} cannot both hold"
                        mark(conn, mine, theirs, reason)
                        mark(conn, theirs, mine, reason)


def story_of(conn: Connection, article_hash: str) -> list[str]:
    """The other stored originals (not near-duplicate copies) of this article's story."""
    row = conn.execute(
        select(articles.c.published, articles.c.copy_of).where(articles.c.hash == article_hash)
    ).first()
    if row is None:
        return []
    found = set(shared_events(conn, article_hash))
    if row.published is not None:
        found |= set(
            same_news(conn, article_hash, shared_places(conn, article_hash, row.published))
        )
    found.discard(article_hash)
    found.discard(row.copy_of)
    if not found:
        return []
    originals = conn.execute(
        select(articles.c.hash).where(articles.c.hash.in_(found), articles.c.copy_of.is_(None))
    )
    return sorted(r.hash for r in originals)


def same_news(conn: Connection, article_hash: str, candidates: Iterable[str]) -> list[str]:
    """The candidates whose title and lede share SHARED words, OVERLAP of the shorter's, with
    this article's."""
    wanted = {article_hash, *candidates}
    if len(wanted) < 2:
        return []
    query = select(articles.c.hash, articles.c.title, articles.c.text, articles.c.sentences).where(
        articles.c.hash.in_(wanted)
    )
    words = {r.hash: lede_words(r.title, r.text, r.sentences) for r in conn.execute(query)}
    places = place_words(conn, wanted)
    mine = words.get(article_hash, set()) - places
    found = []
    for other in sorted(wanted - {article_hash}):
        theirs = words.get(other, set()) - places
        shared = len(mine & theirs)
        if shared >= SHARED and shared >= OVERLAP * min(len(mine), len(theirs)):
            found.append(other)
    return found


def lede_words(title: str | None, text: str, sentences: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # only when storing, where spaCy runs

    spans = json.loads(sentences)
    end = spans[min(LEDE, len(spans)) - 1][1] if spans else len(text)
    found = {w.lower() for w in WORD.findall(f"{title or ''} {text[:end]}")}
    return found - STOP_WORDS


def place_words(conn: Connection, hashes: Iterable[str]) -> set[str]:
    query = select(article_entities.c.name).where(
        article_entities.c.article_hash.in_(list(hashes)), article_entities.c.label.in_(PLACES)
    )
    return {w.lower() for r in conn.execute(query) for w in WORD.findall(r.name)}


def shared_events(conn: Connection, article_hash: str) -> Iterable[str]:
    mine = select(event_sources.c.event_id).where(event_sources.c.article_hash == article_hash)
    query = select(event_sources.c.article_hash).where(event_sources.c.event_id.in_(mine))
    return (r.article_hash for r in conn.execute(query.distinct()))


def lede_places() -> Any:
    """(article_hash, entity_id) of the places each article names in its lede."""
    joined = mentions.join(
        article_entities,
        and_(
            article_entities.c.article_hash == mentions.c.article_hash,
            article_entities.c.id == mentions.c.entity,
        ),
    )
    return (
        select(mentions.c.article_hash, article_entities.c.entity_id)
        .select_from(joined)
        .where(mentions.c.sentence < LEDE, article_entities.c.label.in_(PLACES))
    )


def days_around(day: date, days: int) -> tuple[date, date]:
    """The first and last day within `days` of `day`, kept inside the calendar (year 1 to 9999:
    a misread date near either end)."""
    reach = timedelta(days=days)
    low = day - reach if day - date.min >= reach else date.min
    high = day + reach if date.max - day >= reach else date.max
    return low, high


def shared_places(conn: Connection, article_hash: str, published: date) -> Iterable[str]:
    places = lede_places().subquery()
    mine = select(places.c.entity_id).where(places.c.article_hash == article_hash)
    query = (
        select(places.c.article_hash)
        .join(articles, articles.c.hash == places.c.article_hash)
        .where(
            places.c.entity_id.in_(mine),
            articles.c.published.between(*days_around(published, DAYS)),
        )
        .distinct()
    )
    return (r.article_hash for r in conn.execute(query))


def counts_of(conn: Connection, hashes: Sequence[str]) -> dict[str, list[Count]]:
    """Each article's counts, one per quantity (and unit, noun and named group)."""
    query = (
        select(figures, articles.c.outlet, articles.c.published)
        .join(articles, articles.c.hash == figures.c.article_hash)
        .where(figures.c.article_hash.in_(hashes), figures.c.copy_of.is_(None))
        .where(figures.c.quantity.is_not(None), figures.c.value.is_not(None))
        .where(figures.c.part_of.is_(None))
    )
    best: dict[tuple[Any, ...], Count] = {}
    for row in conn.execute(query):
        if (row.what or "").startswith("of "):  # "30 of them": a part of an earlier figure
            continue  # (as `is_whole` reads a record)
        count = Count(
            article_hash=row.article_hash,
            id=row.id,
            text=row.text,
            value=row.value,
            value_high=row.value_high,
            hedge=row.hedge,
            unit=row.unit,
            quantity=row.quantity,
            counted=row.counted,
            named=frozenset(w for w in (row.what or "").split() if w[:1].isupper()),
            source=source_key(row.source_name, row.outlet, row.article_hash),
            published=row.published,
            place=row.place,
            period_date=row.period_date,
        )
        kind = (count.article_hash, count.quantity, count.unit, count.counted, count.named)
        if kind not in best or count.value > best[kind].value:
            best[kind] = count
    out: dict[str, list[Count]] = {}
    for count in best.values():
        out.setdefault(count.article_hash, []).append(count)
    return out


def reported(count: Count) -> tuple[date, str, str]:
    """The order reports are named in a reason: the earlier first."""
    return (count.published or date.min, count.article_hash, count.id)


def source_key(name: str | None, outlet: str | None, article_hash: str) -> str:
    if name:
        return "source:" + fold(name)
    if outlet:
        return "outlet:" + fold(outlet)
    return "article:" + article_hash


def contest(a: Count, b: Count) -> bool:
    """One quantity from two sources whose hedged ranges do not meet."""
    if (a.quantity, a.unit, a.named) != (b.quantity, b.unit, b.named) or a.source == b.source:
        return False
    if a.counted is not None and b.counted is not None and a.counted != b.counted:
        return False
    if not same_frame(Frame(a.place, None, a.period_date), Frame(b.place, None, b.period_date)):
        return False  # another city's or another day's toll
    (a_low, a_high), (b_low, b_high) = (
        claimed_range(c.value, c.value_high, c.hedge) for c in (a, b)
    )
    return a_high < b_low or b_high < a_low


def mark(conn: Connection, figure: Count, rival: Count, reason: str) -> None:
    """Add the rival to the figure's contests; a figure already contested keeps its kind."""
    where = and_(figures.c.article_hash == figure.article_hash, figures.c.id == figure.id)
    row = conn.execute(select(figures.c.contests, figures.c.contest).where(where)).one()
    known = json.loads(row.contests)
    if rival.key in known:
        return
    values: dict[str, Any] = {"contests": dump([*known, rival.key])}
    if row.contest is None:
        values |= {"contest": "total", "reason": reason}
    conn.execute(figures.update().where(where).values(**values))


# --- reading contests ---------------------------------------------------------------------------


def contest_groups(cited: Sequence[Cited[Figure]]) -> list[list[Cited[Figure]]]:
    """Contested figures grouped, one group per contest: each with the rivals its `contests`
    names (an id of its own article, or "<article hash>:<id>" of another) among `cited`."""
    by_key = {(c.article.hash, c.record.id): c for c in cited}
    groups: list[list[Cited[Figure]]] = []
    placed: set[tuple[str, str]] = set()
    for key, item in by_key.items():
        if key in placed:
            continue
        members = [item]
        placed.add(key)
        for other in item.record.contests:
            where, _, local = other.rpartition(":")
            other_key = (where or key[0], local)
            if other_key in by_key and other_key not in placed:
                members.append(by_key[other_key])
                placed.add(other_key)
        groups.append(members)
    return groups


def is_whole(figure: Figure) -> bool:
    """Not a part: neither "225 of the dead" nor "30 of them"."""
    return figure.part_of is None and not (figure.what or "").startswith("of ")


def heading(group: Sequence[Cited[Figure]]) -> tuple[str | None, str | None]:
    """(quantity, what) a contest is about: as its wholes count it, else as its parts do."""
    records = [c.record for c in group]
    ordered = [r for r in records if is_whole(r)] + [r for r in records if not is_whole(r)]
    return (
        next((r.quantity for r in ordered if r.quantity), None),
        next((r.what for r in ordered if r.what), None),
    )
