"""The `newsgraph` command: a thin Typer shell; each command calls one library function.

Results go to stdout; progress and problems to stderr. A NewsgraphError exits 2 without a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.errors import NewsgraphError, ReadError

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
err = Console(stderr=True)
T = TypeVar("T")


class Output(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def report(error: ReadError) -> None:
    """on_error for the CLI: one line per bad record on stderr."""
    err.print(f"[yellow]{error}[/yellow]", highlight=False, soft_wrap=True)


class Skipped:
    """on_error that reports each bad record on stderr and counts them by reason."""

    def __init__(self) -> None:
        self.reasons: Counter[str] = Counter()

    def __call__(self, error: ReadError) -> None:
        self.reasons[error.reason] += 1
        report(error)

    def summary(self, kept: int) -> str:
        counts = ", ".join(f"{n} {reason}" for reason, n in self.reasons.most_common())
        return f"{kept} articles; {sum(self.reasons.values())} inputs skipped ({counts})"


def fail(exc: NewsgraphError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(2)


def check_paths(paths: list[str]) -> None:
    """A path that does not exist is the user's mistake, not a bad record."""
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise NewsgraphError(f"no such file or directory: {', '.join(missing)}")


def with_progress(items: Iterable[T], what: str) -> list[T]:
    """All items, counted on a progress line on stderr while they come (on a terminal only)."""
    columns = (SpinnerColumn(), TextColumn(f"{{task.completed}} {what}"), TimeElapsedColumn())
    done: list[T] = []
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(what, total=None)
        for item in items:
            done.append(item)
            bar.advance(task)
    return done


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug details.")] = False,
) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr)


# --- extract ------------------------------------------------------------------------------------


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    *,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")
    ] = None,
    output: Annotated[Output, typer.Option(help="json, jsonl or table.")] = Output.json,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="text, html, feed, warc, jsonl (default: detect)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
    max_mb: Annotated[
        float, typer.Option(help="Skip a document (file, JSON line, WARC record) over this size.")
    ] = 20,
    apostrophe_quotes: Annotated[
        bool | None,
        typer.Option(
            help="Read ''…'' as quotation marks (news archives' plain text), or never; "
            "default: per article, where pairs of '' stand around words and no other marks compete."
        ),
    ] = None,
) -> None:
    """Extract entities, quotes, events and figures: one record per article."""
    from newsgraph.jobs import extract_paths
    from newsgraph.model import to_json

    skipped = Skipped()
    try:
        check_paths(paths)
        anchor = date.fromisoformat(published) if published else None
        found = extract_paths(
            paths,
            published=anchor,
            fmt=fmt,
            model=model,
            on_error=skipped,
            max_bytes=int(max_mb * 1024 * 1024),
            apostrophe_quotes=apostrophe_quotes,
        )
        records = with_progress(found, "articles")
    except NewsgraphError as exc:
        raise fail(exc) from exc
    except ValueError as exc:
        raise fail(NewsgraphError(f"--published must be YYYY-MM-DD: {exc}")) from exc
    if output is Output.table:
        from newsgraph.table import render

        Console().print(*render(records))
    elif output is Output.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
    else:
        body = [to_json(r) for r in records]
        sys.stdout.write(
            json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=2) + "\n"
        )
    if skipped.reasons:
        err.print(skipped.summary(len(records)), highlight=False)
    if not records:
        raise typer.Exit(1)


# --- eval ---------------------------------------------------------------------------------------


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="quotes, speakers, entities, events or figures.")],
    *,
    gold: Annotated[Path, typer.Option(help="Gold JSONL (see ../shared/data/README.md).")],
    predictions: Annotated[
        Path | None, typer.Option(help="Score this JSONL of `extract` records instead of running.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N gold articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of one task against gold JSONL."""
    from newsgraph.evaluate import SCORERS, evaluate

    if task not in SCORERS:
        raise fail(NewsgraphError(f"unknown task {task!r}; choose from {sorted(SCORERS)}"))
    try:
        scores = evaluate(task, gold, predictions=predictions, model=model, limit=limit)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    else:
        for name, value in scores.items():
            sys.stdout.write(f"{name:<32} {value:.3f}\n")


# --- store: ingest, errors, quotes, events, figures, entity, entities, export ---------------------


DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLAlchemy URL or SQLite path [default: newsgraph.db].")
]
OutputOption = Annotated[Output, typer.Option(help="table, json or jsonl.")]
LimitOption = Annotated[int, typer.Option(help="At most this many results.")]
QUOTE_COLUMNS = ("speaker", "quote", "article", "published", "start", "end")
EVENT_COLUMNS = ("type", "source", "target", "place", "date", "article", "reports")


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; a bad one is the user's mistake."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise fail(NewsgraphError(f"{option} must be YYYY-MM-DD, not {value!r}")) from exc


def show(
    rows: list[dict[str, object]],
    output: Output,
    *,
    title: str,
    columns: tuple[str, ...] | None = None,
) -> None:
    """Rows as JSON / JSON Lines on stdout, or as a table of `columns` (default: all)."""
    if output is Output.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif output is Output.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif not rows:
        err.print(f"no {title}")
    else:
        from rich.table import Table

        table = Table(title=title, show_lines=True)
        names = columns or tuple(rows[0])
        for name in names:  # the long text wraps; names, dates and offsets stay on one line
            wide = name in ("quote", "figure", "detail", "with")
            table.add_column(name, ratio=4 if wide else None, no_wrap=not wide, overflow="fold")
        for row in rows:
            table.add_row(*("" if row[n] is None else str(row[n]) for n in names))
        Console(width=max(Console().width, 120)).print(table)


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
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="text, html, feed, warc, jsonl (default: detect)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
    contact: ContactOption = None,
) -> None:
    """Extract and store articles in the database; running it again changes nothing."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.fetch.client import Politeness
    from newsgraph.jobs import Tally, ingest_paths

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err) as bar:
        task = bar.add_task("starting")

        def tick(t: Tally) -> None:
            text = f"{t.articles} articles ({t.stored} new), {t.quotes} quotes, {t.errors} errors"
            bar.update(task, description=text)

        try:
            tally = ingest_paths(
                paths,
                db=db,
                published=day(published, "--published"),
                fmt=fmt,
                model=model,
                on_error=report,
                on_article=tick,
                politeness=Politeness(contact=contact),
            )
        except NewsgraphError as exc:
            raise fail(exc) from exc
        tick(tally)


# --- watch --------------------------------------------------------------------------------------

ContactOption = Annotated[
    str | None,
    typer.Option(
        envvar="NEWSGRAPH_CONTACT",
        help="An e-mail address or URL where site owners can reach you, sent in the User-Agent: "
        "newsgraph/VERSION (news attribution crawler; +CONTACT). \\[default: none; please set one]",
    ),
]
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(value: str, option: str) -> float:
    """A duration option: 90, 90s, 15m, 1h, 1d."""
    number, unit = (value[:-1], value[-1]) if value[-1:] in UNITS else (value, "s")
    try:
        return float(number) * UNITS[unit]
    except ValueError as exc:
        raise fail(NewsgraphError(f"{option} must be a duration like 90s, 15m or 1h")) from exc


@app.command()
def watch(
    sources: Annotated[
        Path,
        typer.Argument(
            help="A file of feed and site URLs, one a line (`URL feed`, `URL site`; # comments), "
            "or a .toml file with a \\[\\[source]] table (url, kind, name) per source."
        ),
    ],
    *,
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Pause between two rounds: 90s, 15m, 1h.")] = "15m",
    rounds: Annotated[
        int | None,
        typer.Option(help="Stop after this many rounds. \\[default: until SIGTERM or Ctrl-C]"),
    ] = None,
    contact: ContactOption = None,
    delay: Annotated[
        float,
        typer.Option(
            help="Seconds between two requests to one host (its robots.txt Crawl-delay when "
            "longer). Requests go one at a time, so never two at once to a host."
        ),
    ] = 5.0,
    timeout: Annotated[
        float, typer.Option(help="Seconds for a whole response; a slower one is skipped.")
    ] = 30.0,
    max_mb: Annotated[
        float, typer.Option(help="Size limit of one response, MB: it is cut there and skipped.")
    ] = 20,
    max_redirects: Annotated[int, typer.Option(help="Redirects followed for one URL.")] = 5,
    retries: Annotated[
        int, typer.Option(help="Tries again after a 429 or 5xx, honouring Retry-After.")
    ] = 3,
    backoff: Annotated[
        float, typer.Option(help="Seconds before the first retry without Retry-After; doubles.")
    ] = 2.0,
    max_wait: Annotated[
        float, typer.Option(help="A longer Retry-After (seconds) skips the URL for this round.")
    ] = 300.0,
    allow: Annotated[
        list[str] | None,
        typer.Option(
            help="HOST:PORT that may be fetched although it is a loopback or private address "
            "(the sources' own origins are allowed; feed entries elsewhere never are). "
            "Repeatable. \\[default: none]"
        ),
    ] = None,
    warc_dir: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the WARC files. \\[default: beside the SQLite file: DB-warc/]"
        ),
    ] = None,
    refetch: Annotated[
        bool, typer.Option(help="Fetch article URLs already visited again.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
) -> None:
    """Follow feeds and sites: every round polls each source (conditional GET), fetches the
    article URLs never read, extracts and stores them, and logs one line.

    Always: robots.txt obeyed; http and https only; no loopback or private address unless a
    source names it (or --allow); every response kept in a WARC file. SIGTERM or Ctrl-C stops
    after the current URL; run it again to resume.
    """
    from newsgraph.fetch.client import Politeness
    from newsgraph.fetch.watch import stop_on_signals
    from newsgraph.jobs import watch_sources

    politeness = Politeness(
        contact=contact,
        delay=delay,
        timeout=timeout,
        max_bytes=int(max_mb * 1024 * 1024),
        max_redirects=max_redirects,
        retries=retries,
        backoff=backoff,
        max_wait=max_wait,
        allowed=frozenset(allow or ()),
    )
    pause = seconds(every, "--every")
    if contact is None:
        err.print("[yellow]no --contact: site owners cannot reach you; please set one[/yellow]")
    try:
        with stop_on_signals() as stop:
            done = watch_sources(
                sources,
                db=db,
                every=pause,
                rounds=rounds,
                politeness=politeness,
                warc_dir=warc_dir,
                refetch=refetch,
                model=model,
                stop=stop,
                on_round=lambda r: err.print(r.line(), highlight=False),
                on_error=report,
            )
    except NewsgraphError as exc:
        raise fail(exc) from exc
    ending = "stopped" if done and done[-1].stopped else "done"
    err.print(f"{ending} after {len(done)} rounds", highlight=False)


@app.command()
def errors(*, db: DbOption = None, output: OutputOption = Output.table) -> None:
    """List the bad input records that ingest skipped: file, record, reason."""
    from newsgraph.query import list_errors

    try:
        show(list_errors(db), output, title="errors")
    except NewsgraphError as exc:
        raise fail(exc) from exc


@app.command()
def quotes(
    *,
    speaker: Annotated[str | None, typer.Option(help="Who said it (any of their names).")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet's articles.")] = None,
    db: DbOption = None,
    output: OutputOption = Output.table,
    limit: LimitOption = 100,
) -> None:
    """Quotes with speaker, article, date and character span."""
    from newsgraph.query import find_quotes

    try:
        found = find_quotes(
            db,
            speaker=speaker,
            search=search,
            since=day(since, "--since"),
            until=day(until, "--until"),
            outlet=outlet,
            limit=limit,
        )
    except NewsgraphError as exc:
        raise fail(exc) from exc
    show(found, output, title="quotes", columns=QUOTE_COLUMNS)


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
    from newsgraph.query import find_events

    try:
        found = find_events(
            db,
            actor=actor,
            type=type_,
            since=day(since, "--since"),
            until=day(until, "--until"),
            place=place,
            limit=limit,
        )
    except NewsgraphError as exc:
        raise fail(exc) from exc
    show(found, output, title="events", columns=EVENT_COLUMNS)


@app.command()
def figures(
    *,
    contested: Annotated[bool, typer.Option(help="Only figures other sources dispute.")] = False,
    db: DbOption = None,
    output: OutputOption = Output.table,
    limit: LimitOption = 100,
) -> None:
    """Figures with their hedge, unit and source."""
    from newsgraph.query import find_figures

    try:
        show(find_figures(db, contested=contested, limit=limit), output, title="figures")
    except NewsgraphError as exc:
        raise fail(exc) from exc


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Any name of the person, organisation or place.")],
    *,
    db: DbOption = None,
) -> None:
    """One merged entity as JSON: aliases, roles, quotes and meetings (events)."""
    from newsgraph.query import find_entity

    try:
        found = find_entity(db, name)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    if found is None:
        err.print(f"no entity is called {name!r}", highlight=False)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


entities_app = typer.Typer(no_args_is_help=True, help="Inspect and override the entity merge.")
app.add_typer(entities_app, name="entities")


@entities_app.command("merge")
def entities_merge(
    keep: Annotated[str, typer.Argument(help="A name of the entity that stays.")],
    other: Annotated[str, typer.Argument(help="A name of the entity merged into it.")],
    *,
    db: DbOption = None,
) -> None:
    """Make two entities one (kept for later ingests too)."""
    from newsgraph.query import merge_entities

    try:
        sys.stdout.write(merge_entities(db, other, keep) + "\n")
    except NewsgraphError as exc:
        raise fail(exc) from exc


@entities_app.command("split")
def entities_split(
    name: Annotated[str, typer.Argument(help="The name to give an entity of its own.")],
    *,
    db: DbOption = None,
) -> None:
    """Take a name out of the entity it was merged into (kept for later ingests too)."""
    from newsgraph.query import split_entity

    try:
        sys.stdout.write(split_entity(db, name) + "\n")
    except NewsgraphError as exc:
        raise fail(exc) from exc


@app.command()
def export(
    *,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or jsonld.")],
    out: Annotated[Path, typer.Option(help="Folder to write the files to.")],
    db: DbOption = None,
) -> None:
    """Write every table (or quotes and contested figures as JSON-LD) to a folder."""
    from newsgraph.export import export_db

    try:
        for path in export_db(db, fmt, out):
            sys.stdout.write(f"{path}\n")
    except NewsgraphError as exc:
        raise fail(exc) from exc


# --- serve --------------------------------------------------------------------------------------


def say_address(address: str) -> None:
    """Print where the server listens: the one line a user (or a test) waits for."""
    sys.stdout.write(f"newsgraph is serving on {address}\n")
    sys.stdout.flush()


@app.command()
def serve(
    *,
    db: Annotated[str, typer.Option(help="Database: an SQLite path or a SQLAlchemy URL.")] = (
        "newsgraph.db"
    ),
    port: Annotated[int, typer.Option(help="TCP port (0 picks a free one).")] = 8000,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI."""
    from newsgraph.api.app import serve as run

    try:
        run(db, host=host, port=port, on_ready=say_address)
    except NewsgraphError as exc:
        raise fail(exc) from exc


# --- batch, load --------------------------------------------------------------------------------


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Input files or directories: one shard each.")],
    *,
    out: Annotated[Path, typer.Option(help="Folder for the Parquet shards (one per table).")],
    engine: Annotated[Engine, typer.Option(help="local worker processes, or ray.")] = Engine.local,
    address: Annotated[str | None, typer.Option(help="Ray cluster to join (ray engine).")] = None,
    workers: Annotated[int | None, typer.Option(help="Workers (default: one per CPU).")] = None,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")
    ] = None,
) -> None:
    """Extract a crawl into Parquet shards; rerun to resume. Failed shards exit 1."""
    from newsgraph.batch import batch_paths, summarise

    results = []
    try:
        check_paths(paths)
        anchor = day(published, "--published")
        for result in batch_paths(
            paths,
            out,
            engine=engine,
            address=address,
            workers=workers,
            model=model,
            published=anchor,
        ):
            err.print(str(result), highlight=False, soft_wrap=True)
            results.append(result)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    sys.stdout.write(summarise(results, out) + "\n")
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command()
def load(
    out: Annotated[Path, typer.Argument(help="A folder written by `newsgraph batch`.")],
    *,
    db: DbOption = None,
) -> None:
    """Load Parquet shards into the database; loading again changes nothing."""
    from newsgraph.batch import load_batch
    from newsgraph.store import open_store

    try:
        store = open_store(db)
        try:
            counts = load_batch(out, store)
        finally:
            store.close()
    except NewsgraphError as exc:
        raise fail(exc) from exc
    sys.stdout.write(", ".join(f"{n} {name}" for name, n in counts.items()) + "\n")


# --- demo ---------------------------------------------------------------------------------------


@app.command()
def demo(
    *,
    db: Annotated[str, typer.Option(help="SQLite file to fill (reused on a rerun).")] = (
        "newsgraph.db"
    ),
    serve_ui: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the UI after.")
    ] = True,
    port: Annotated[int, typer.Option(help="TCP port for the UI (0 picks a free one).")] = 8000,
) -> None:
    """Ingest the sample corpus (examples/) into SQLite, summarise it, and open the web UI."""
    from newsgraph.api.app import serve as run
    from newsgraph.demo import ingest_examples

    try:
        summary = ingest_examples(db)
        sys.stdout.write("\n".join(summary.lines()) + "\n")
        if serve_ui:
            run(db, port=port, on_ready=say_address)
    except NewsgraphError as exc:
        raise fail(exc) from exc
