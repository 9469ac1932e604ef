"""`newsgraph batch` and `newsgraph load`: a crawl into Parquet shards, then into the store."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.main import app, check_paths, err
from newsgraph.cli.options import (
    MAX_MB,
    ApostropheOption,
    DbOption,
    FormatOption,
    MaxMbOption,
    ModelOption,
    PublishedOption,
    read_options,
)


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
    workers: Annotated[
        int | None, typer.Option(help="Workers (default: one per core, as memory allows).")
    ] = None,
    model: ModelOption = None,
    published: PublishedOption = None,
    fmt: FormatOption = None,
    max_mb: MaxMbOption = MAX_MB,
    apostrophe_quotes: ApostropheOption = None,
) -> None:
    """Extract a crawl into Parquet shards; rerun to resume. Failed shards exit 1."""
    from newsgraph.batch import batch_paths, summarise

    check_paths(paths)
    options = read_options(
        fmt=fmt, published=published, max_mb=max_mb, apostrophe_quotes=apostrophe_quotes
    )
    results = []
    for result in batch_paths(
        paths, out, options, engine=engine, address=address, workers=workers, model=model
    ):
        err.print(str(result), highlight=False, soft_wrap=True)
        results.append(result)
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

    with open_store(db) as store:
        counts = load_batch(out, store)
    sys.stdout.write(", ".join(f"{n} {name}" for name, n in counts.items()) + "\n")
