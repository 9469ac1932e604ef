"""`newsgraph train quotes`: fit the learned parts from gold data (the weights ship in
`nlp/resources/`; CI does not retrain)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.main import App, app, err

train_app = App(no_args_is_help=True, help="Train newsgraph's learned parts from gold data.")
app.add_typer(train_app, name="train")


@train_app.command("quotes")
def train_quotes(
    *,
    train: Annotated[Path, typer.Option(help="PolNeAR-shaped gold JSONL to learn from.")],
    out: Annotated[Path, typer.Option(help="Folder for quote_model.json and report.json.")],
    dev: Annotated[Path | None, typer.Option(help="Gold JSONL scored once, at the end.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the cross-validation folds.")] = 14,
    cache: Annotated[
        Path | None, typer.Option(help="Folder keeping parsed docs between runs.")
    ] = None,
) -> None:
    """Fit the quote confidence model; prints its scores (JSON) and the time it took."""
    from newsgraph.train.quotes import train_quotes as fit_quotes
    from newsgraph.train.quotes import write_model

    def progress(line: str) -> None:
        err.print(line, highlight=False)

    quote_model, report = fit_quotes(train, dev, seed=seed, cache=cache, progress=progress)
    path = write_model(quote_model, report, out)
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    err.print(f"wrote {path} in {report['seconds']:.0f} s", highlight=False)
