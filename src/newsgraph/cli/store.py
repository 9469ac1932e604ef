"""The store's commands: ingest, then errors, quotes, events, figures, entity, entities, export."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.main import App, app, check_paths, err, report
from newsgraph.cli.options import (
    MAX_MB,
    ApostropheOption,
    ContactOption,
    DbOption,
    FormatOption,
    LimitOption,
    MaxMbOption,
    MinConfidenceOption,
    ModelOption,
    Output,
    OutputOption,
    PublishedOption,
    day,
    read_options,
)
from newsgraph.cli.table import (
    CONTEST_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    entity_json,
    error_rows,
    event_rows,
    figure_rows,
    quote_rows,
    show,
)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, - for stdin, or http(s):// URLs: a feed (its entries' "
            "pages), a sitemap (its pages) or a page, fetched as `watch` fetches."
        ),
    ],
    *,
    db: DbOption = None,
    published: PublishedOption = None,
    fmt: FormatOption = None,
    model: ModelOption = None,
    max_mb: MaxMbOption = MAX_MB,
    apostrophe_quotes: ApostropheOption = None,
    contact: ContactOption = None,
    min_confidence: MinConfidenceOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes extracting articles, each holding a model (~400 MB); one process "
            "writes. \\[default: one per core, as available memory allows]",
        ),
    ] = None,
) -> None:
    """Extract and store articles in the database; running it again changes nothing."""
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.fetch.client import Politeness
    from newsgraph.fetch.pages import is_url
    from newsgraph.jobs import Tally, ingest_paths

    check_paths([p for p in paths if not is_url(p)])
    options = read_options(
        fmt=fmt, published=published, max_mb=max_mb, apostrophe_quotes=apostrophe_quotes
    )
    politeness = Politeness(contact=contact, max_bytes=options.max_bytes)
    columns = (TextColumn("{task.description}"), TimeElapsedColumn())
    if err.is_terminal:  # a log file gets the last line only, without a spinner's glyph
        columns = (SpinnerColumn(), *columns)
    with Progress(*columns, console=err) as bar:
        task = bar.add_task("starting")
        first: dict[str, tuple[float, int]] = {}

        def tick(t: Tally) -> None:
            # the rate from the first tick on: the model's loading is not part of it (workers
            # read ahead, so that tick may already count several articles)
            now = time.perf_counter()
            since, counted = first.setdefault("tick", (now, t.articles))
            rate = (t.articles - counted) / (now - since) if now > since else 0.0
            text = f"{t.articles} articles ({t.stored} new), {t.quotes} quotes, {t.errors} errors"
            bar.update(task, description=f"{text}, {rate:.1f} articles/s")

        tally = ingest_paths(
            paths,
            options,
            db=db,
            model=model,
            on_error=report,
            on_article=tick,
            politeness=politeness,
            min_confidence=min_confidence,
            workers=workers,
        )
        tick(tally)


@app.command()
def errors(*, db: DbOption = None, output: OutputOption = Output.table) -> None:
    """List the bad input records that ingest skipped: file, record, reason."""
    from newsgraph.jobs import list_errors

    show(error_rows(list_errors(db)), output, title="errors")


@app.command()
def quotes(
    *,
    speaker: Annotated[str | None, typer.Option(help="Who said it (any of their names).")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet's articles.")] = None,
    min_confidence: MinConfidenceOption = None,
    db: DbOption = None,
    output: OutputOption = Output.table,
    limit: LimitOption = 100,
) -> None:
    """Quotes with speaker, article, date and character span."""
    from newsgraph.jobs import find_quotes

    found = find_quotes(
        db,
        speaker=speaker,
        search=search,
        since=day(since, "--since"),
        until=day(until, "--until"),
        outlet=outlet,
        min_confidence=min_confidence,
        limit=limit,
    )
    if speaker:
        say_which(speaker, [c.record.speaker for c in found])
    show(quote_rows(found), output, title="quotes", columns=QUOTE_COLUMNS)


def say_which(speaker: str, names: list[str | None]) -> None:
    """On stderr, when a --speaker filter matched several people: who, with their quotes."""
    counts = Counter(n for n in names if n)
    if len(counts) > 1:
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        listed = ", ".join(f"{name} ({n})" for name, n in ranked)
        err.print(
            f"--speaker {speaker!r} matches {len(counts)} speakers: {listed};"
            " give a full name for one",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def events(
    *,
    actor: Annotated[str | None, typer.Option(help="Who took part (any of their names).")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type: CONSULT...")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    place: Annotated[str | None, typer.Option(help="Where it happened.")] = None,
    db: DbOption = None,
    output: OutputOption = Output.table,
    limit: LimitOption = 100,
) -> None:
    """Events merged across articles: who did what to whom, where and when."""
    from newsgraph.jobs import find_events

    found = find_events(
        db,
        actor=actor,
        type=type_,
        since=day(since, "--since"),
        until=day(until, "--until"),
        place=place,
        limit=limit,
    )
    show(event_rows(found), output, title="events", columns=EVENT_COLUMNS)


@app.command()
def figures(
    *,
    contested: Annotated[bool, typer.Option(help="Only figures other sources dispute.")] = False,
    db: DbOption = None,
    output: OutputOption = Output.table,
    limit: LimitOption = 100,
) -> None:
    """Figures with their hedge, unit and source; `--contested`: a table per contest, headed by
    the quantity it is about, its kind and why the claims cannot all hold."""
    from newsgraph.jobs import find_figures
    from newsgraph.store.stories import contest_groups, heading

    found = find_figures(db, contested=contested, limit=limit)
    if not contested or output is not Output.table or not found:
        show(figure_rows(found), output, title="figures")
        return
    for group in contest_groups(found):
        quantity, what = heading(group)
        first = group[0].record
        title = " · ".join(t for t in (quantity, what, first.contest, first.reason) if t)
        show(figure_rows(group), output, title=title, columns=CONTEST_COLUMNS)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Any name of the person, organisation or place.")],
    *,
    db: DbOption = None,
) -> None:
    """One merged entity as JSON: aliases, roles, quotes and meetings (events)."""
    from newsgraph.jobs import find_entity

    found = find_entity(db, name)
    if found is None:
        err.print(f"no entity is called {name!r}", highlight=False)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(entity_json(found), ensure_ascii=False, indent=2) + "\n")


entities_app = App(no_args_is_help=True, help="Inspect and override the entity merge.")
app.add_typer(entities_app, name="entities")


@entities_app.command("merge")
def entities_merge(
    keep: Annotated[str, typer.Argument(help="A name of the entity that stays.")],
    other: Annotated[str, typer.Argument(help="A name of the entity merged into it.")],
    *,
    db: DbOption = None,
) -> None:
    """Make two entities one (kept for later ingests too)."""
    from newsgraph.jobs import merge_entities

    sys.stdout.write(merge_entities(db, other, keep) + "\n")


@entities_app.command("split")
def entities_split(
    name: Annotated[str, typer.Argument(help="The name to give an entity of its own.")],
    *,
    db: DbOption = None,
) -> None:
    """Take a name out of the entity it was merged into (kept for later ingests too)."""
    from newsgraph.jobs import split_entity

    sys.stdout.write(split_entity(db, name) + "\n")


@app.command()
def export(
    *,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, jsonld or datasette.")],
    out: Annotated[Path, typer.Option(help="Folder to write the files to.")],
    db: DbOption = None,
) -> None:
    """Write every table (or quotes and contested figures as JSON-LD, or Datasette's
    metadata.json) to a folder."""
    from newsgraph.export import export_db

    for path in export_db(db, fmt, out):
        sys.stdout.write(f"{path}\n")
