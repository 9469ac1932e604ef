"""The `newsgraph` command: a thin Typer shell; each command calls one library function.

Results go to stdout; progress and problems to stderr. A NewsgraphError exits 2 without a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError, ReadError

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
err = Console(stderr=True)


class Output(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def report(error: ReadError) -> None:
    """on_error for the CLI: one line per bad record on stderr."""
    err.print(f"[yellow]{error}[/yellow]", highlight=False, soft_wrap=True)


def fail(exc: NewsgraphError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(2)


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
) -> None:
    """Extract entities, quotes, events and figures: one record per article."""
    from newsgraph.jobs import extract_paths
    from newsgraph.model import to_json

    try:
        anchor = date.fromisoformat(published) if published else None
        records = list(
            extract_paths(paths, published=anchor, fmt=fmt, model=model, on_error=report)
        )
    except NewsgraphError as exc:
        raise fail(exc) from exc
    except ValueError as exc:
        raise fail(NewsgraphError(f"--published must be YYYY-MM-DD: {exc}")) from exc
    if output is Output.table:
        from newsgraph.table import print_table

        print_table(records)
    elif output is Output.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
    else:
        body = [to_json(r) for r in records]
        sys.stdout.write(
            json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=2) + "\n"
        )
    if not records:
        raise typer.Exit(1)


# --- eval ---------------------------------------------------------------------------------------


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="quotes, entities, events or figures.")],
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
    scores = evaluate(task, gold, predictions=predictions, model=model, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    else:
        for name, value in scores.items():
            sys.stdout.write(f"{name:<32} {value:.3f}\n")


# --- store: ingest, errors, quotes, events, figures, entity, entities, export ---------------------


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

    try:
        anchor = date.fromisoformat(published) if published else None
        results = []
        for result in batch_paths(
            paths,
            out,
            engine=engine.value,
            address=address,
            workers=workers,
            model=model,
            published=anchor,
        ):
            err.print(str(result), highlight=False, soft_wrap=True)
            results.append(result)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    except ValueError as exc:
        raise fail(NewsgraphError(f"--published must be YYYY-MM-DD: {exc}")) from exc
    sys.stdout.write(summarise(results, out) + "\n")
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


@app.command()
def load(
    out: Annotated[Path, typer.Argument(help="A folder written by `newsgraph batch`.")],
    *,
    db: Annotated[str, typer.Option(help="SQLite path or SQLAlchemy URL.")] = "newsgraph.db",
) -> None:
    """Load Parquet shards into the database (idempotent), then merge across articles."""
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
        summary, nlp = ingest_examples(db)
        sys.stdout.write("\n".join(summary.lines()) + "\n")
        if serve_ui:
            run(db, port=port, nlp=nlp, on_ready=say_address)
    except NewsgraphError as exc:
        raise fail(exc) from exc
