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
    tasks: Annotated[
        list[str],
        typer.Argument(
            help="quotes, speakers, entities, events or figures; several share one extraction.",
            metavar="TASK...",
        ),
    ],
    *,
    gold: Annotated[Path, typer.Option(help="Gold JSONL (see ../shared/data/README.md).")],
    predictions: Annotated[
        Path | None, typer.Option(help="Score this JSONL of `extract` records instead of running.")
    ] = None,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N gold articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of each task against gold JSONL. One task prints its scores;
    several print them task by task (JSON: an object keyed by task)."""
    from newsgraph.evaluate import evaluate_tasks

    scores = evaluate_tasks(tasks, gold, predictions=predictions, model=model, limit=limit)
    one = scores[tasks[0]] if len(tasks) == 1 else None  # one task: its scores, as ever
    if as_json:
        sys.stdout.write(json.dumps(scores if one is None else one, indent=2) + "\n")
        return
    flat = (
        one
        if one is not None
        else {f"{task}.{key}": v for task, found in scores.items() for key, v in found.items()}
    )
    for name, value in flat.items():
        sys.stdout.write(f"{name:<32} {value:.3f}\n")
