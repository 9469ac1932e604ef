"""`newsgraph extract --output table`: a readable terminal view of extracted articles (rich).

Builds renderables only; `cli.py` prints them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.model import Entity, Event, ExtractedArticle, Figure, Quote, Ref

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
                "Figures", ("figure", "hedge", "what", "source"), map(figure_row, record.figures)
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
    return (clip(figure.text), figure.hedge or "", figure.what or "", source)
