"""`newsgraph extract` and `newsgraph eval`: records from input files, and their scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.main import Skipped, app, check_paths, err, with_progress
from newsgraph.cli.options import (
    MAX_MB,
    ApostropheOption,
    FormatOption,
    MaxMbOption,
    MinConfidenceOption,
    ModelOption,
    Output,
    PathsArgument,
    PublishedOption,
    read_options,
)
from newsgraph.errors import NewsgraphError
from newsgraph.model import ExtractedArticle


@app.command()
def extract(
    paths: PathsArgument,
    *,
    published: PublishedOption = None,
    output: Annotated[Output, typer.Option(help="json, jsonl or table.")] = Output.json,
    fmt: FormatOption = None,
    model: ModelOption = None,
    max_mb: MaxMbOption = MAX_MB,
    apostrophe_quotes: ApostropheOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Extract entities, quotes, events and figures: one record per article."""
    from newsgraph.jobs import extract_paths

    check_paths(paths)
    options = read_options(
        fmt=fmt, published=published, max_mb=max_mb, apostrophe_quotes=apostrophe_quotes
    )
    skipped = Skipped()
    records = with_progress(
        extract_paths(paths, options, model=model, on_error=skipped, min_confidence=min_confidence),
        "articles",
    )
    write_records(records, output)
    if skipped.reasons:
        err.print(skipped.summary(len(records)), highlight=False)
    if not records:
        raise typer.Exit(1)


def write_records(records: list[ExtractedArticle], output: Output) -> None:
    """Records on stdout: a table, JSON Lines, or JSON (one object for one record, else a list)."""
    from newsgraph.model import to_json

    if output is Output.table:
        from newsgraph.cli.table import render

        Console().print(*render(records))
    elif output is Output.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
    else:
        body = [to_json(r) for r in records]
        sys.stdout.write(
            json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=2) + "\n"
        )


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="quotes, speakers, entities, events or figures.")],
    *,
    gold: Annotated[Path, typer.Option(help="Gold JSONL (see ../shared/data/README.md).")],
    predictions: Annotated[
        Path | None, typer.Option(help="Score this JSONL of `extract` records instead of running.")
    ] = None,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N gold articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of one task against gold JSONL."""
    from newsgraph.evaluate import SCORERS, evaluate

    if task not in SCORERS:
        raise NewsgraphError(f"unknown task {task!r}; choose from {sorted(SCORERS)}")
    scores = evaluate(task, gold, predictions=predictions, model=model, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    else:
        for name, value in scores.items():
            sys.stdout.write(f"{name:<32} {value:.3f}\n")
