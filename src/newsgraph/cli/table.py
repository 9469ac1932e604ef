"""How the CLI lays records out: `extract --output table` panels and the query commands' rows.

`render` builds rich renderables of extracted articles; the `*_rows` functions flatten query
records (`Cited[Quote]`...) into rows with the same keys in every row, which `show` prints as a
table, JSON or JSON Lines. The library returns records; only this module flattens them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote as url_quote

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.cli.options import Output
from newsgraph.errors import ReadError
from newsgraph.model import Entity, Event, ExtractedArticle, Figure, Quote, Ref
from newsgraph.store import Cited, EntityEvent, EntityProfile

CLIP = 160  # characters of a quote or figure text shown in a cell


def render(records: Iterable[ExtractedArticle]) -> Iterator[RenderableType]:
    """One panel per article: header, then entities, quotes, events and figures."""
    for record in records:
        parts: list[RenderableType] = [header(record)]
        parts += [
            section(
                "Entities", ("name", "label", "mentions", "roles"), map(entity_row, record.entities)
            ),
            section("Quotes", ("speaker", "kind", "quote", "cue"), map(quote_row, record.quotes)),
            section(
                "Events", ("type", "who", "whom", "where", "when"), map(event_row, record.events)
            ),
            section(
                "Figures",
                ("figure", "hedge", "what", "where", "when", "source"),
                map(figure_row, record.figures),
            ),
        ]
        title = record.article.title or record.article.id
        yield Panel(Group(*parts), title=Text(title, style="bold"), title_align="left")


def header(record: ExtractedArticle) -> Text:
    article = record.article
    fields = {
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "source": article.source,
        "id": article.id,
    }
    text = Text()
    for name, value in fields.items():
        if value:
            text.append(f"{name}: ", style="dim").append(value + "\n")
    text.append(f"{len(article.text.split())} words", style="dim")
    return text


def section(
    title: str, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]
) -> RenderableType:
    """A table of rows, or a one-line "none" when there are no rows."""
    rows = list(rows)
    if not rows:
        return Text(f"{title}: none", style="dim")
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def clip(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= CLIP else text[: CLIP - 1] + "…"


def names(refs: Iterable[Ref]) -> str:
    return ", ".join(ref.name for ref in refs)


def entity_row(entity: Entity) -> tuple[str, ...]:
    return (entity.name, entity.label, str(len(entity.mentions)), ", ".join(entity.roles))


def quote_row(quote: Quote) -> tuple[str, ...]:
    return (quote.speaker or "?", quote.kind, clip(quote.text), quote.cue or "")


def event_row(event: Event) -> tuple[str, ...]:
    kind = f"{event.type} ({event.mode})" if event.mode else event.type
    place = event.place.name if event.place else ""
    return (kind, names(event.source), names(event.target), place, event.date or event.when or "")


def figure_row(figure: Figure) -> tuple[str, ...]:
    source = figure.source.name if figure.source else "reporter"
    frame = (figure.place or "", figure.period or "")
    return (clip(figure.text), figure.hedge or "", figure.what or "", *frame, source)


# --- query results as rows ----------------------------------------------------------------------

QUOTE_COLUMNS = ("speaker", "quote", "article", "published", "start", "end")
# a contest's table (`figures --contested`): its heading names the quantity, kind and reason
CONTEST_COLUMNS = ("figure", "source", "place", "period", "outlet", "published", "link")
EVENT_COLUMNS = ("type", "source", "target", "place", "date", "article", "reports")
Row = dict[str, Any]


def show(
    rows: list[Row], output: Output, *, title: str, columns: tuple[str, ...] | None = None
) -> None:
    """Rows as JSON / JSON Lines on stdout, or as a table of `columns` (default: all)."""
    if output is Output.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif output is Output.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif not rows:
        Console(stderr=True).print(f"no {title}")
    else:
        table = Table(title=title, show_lines=True)
        names = columns or tuple(rows[0])
        for name in names:  # the long text wraps; names, dates and offsets stay on one line
            wide = name in ("quote", "figure", "detail", "with", "link")
            table.add_column(name, ratio=4 if wide else None, no_wrap=not wide, overflow="fold")
        for row in rows:
            table.add_row(*("" if row[n] is None else str(row[n]) for n in names))
        Console(width=max(Console().width, 120)).print(table)


def _cited(found: Cited[Any]) -> Row:
    a = found.article
    return {
        "article": a.id,
        "published": a.published.isoformat() if a.published else None,
        "outlet": a.outlet,
    }


def _span(found: Cited[Any]) -> Row:
    return {"start": found.record.prov.start, "end": found.record.prov.end}


def quote_rows(found: Iterable[Cited[Quote]]) -> list[Row]:
    """`newsgraph quotes`: who said it, the quote, its article, date and character span."""
    return [
        {
            "speaker": c.record.speaker,
            "quote": c.record.text,
            "kind": c.record.kind,
            "cue": c.record.cue,
            **_cited(c),
            **_span(c),
        }
        for c in found
    ]


def _names(refs: tuple[Ref, ...]) -> str | None:
    return ", ".join(r.name for r in refs) or None


def event_rows(found: Iterable[Cited[Event]]) -> list[Row]:
    """`newsgraph events`: one row per merged event, with how many articles report it."""
    return [
        {
            "type": c.record.type,
            "mode": c.record.mode,
            "source": _names(c.record.source),
            "target": _names(c.record.target),
            "place": c.record.place.name if c.record.place else None,
            "date": c.record.date,
            "status": c.record.status,
            **_cited(c),
            "reports": 1 + len(c.also),
            **_span(c),
        }
        for c in found
    ]


def figure_rows(found: Iterable[Cited[Figure]]) -> list[Row]:
    """`newsgraph figures`: numbers with hedge, unit, what they count and source."""
    return [
        {
            "figure": c.record.text,
            "value": c.record.value,
            "hedge": c.record.hedge,
            "unit": c.record.unit,
            "quantity": c.record.quantity,
            "what": c.record.what,
            "place": c.record.place,
            "period": c.record.period,
            "source": c.record.source.name if c.record.source else None,
            "contest": c.record.contest,
            "contests": ", ".join(c.record.contests) or None,
            "reason": c.record.reason,
            **_cited(c),
            "link": f"/articles/{url_quote(c.article.id, safe='')}#{c.record.id}",
            **_span(c),
        }
        for c in found
    ]


def error_rows(found: Iterable[ReadError]) -> list[Row]:
    """`newsgraph errors`: file, record, reason and detail of each skipped input."""
    return [
        {"file": e.source, "record": e.record, "reason": e.reason, "detail": e.detail or None}
        for e in found
    ]


def entity_json(profile: EntityProfile) -> Row:
    """`newsgraph entity`: the profile as JSON, quotes with their article and span."""
    return {
        "id": profile.id,
        "name": profile.name,
        "label": profile.label,
        "country": profile.country,
        "aliases": list(profile.aliases),
        "roles": list(profile.roles),
        "articles": profile.articles,
        "quotes": [
            {"text": c.record.text, "kind": c.record.kind, "cue": c.record.cue}
            | {"article": c.article.id, "published": _cited(c)["published"], **_span(c)}
            for c in profile.quotes
        ],
        "events": [_event_json(e) for e in profile.events],
        "others": list(profile.others),
    }


def _event_json(event: EntityEvent) -> Row:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "date": event.date,
        "place": event.place,
        "with": list(event.partners),
        "articles": event.articles,
    }
