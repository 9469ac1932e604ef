"""`newsgraph serve` and `newsgraph demo`: the API and web UI, and the sample corpus behind them.

The demo is idempotent: articles already in the database are not extracted again, so a rerun
starts quickly. It ingests as `newsgraph ingest` does and asks the Store for its summary.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.main import app
from newsgraph.errors import NewsgraphError, ReadError

# src/newsgraph/cli/serve.py -> the checkout's root, where examples/ lives beside src/
CHECKOUT = Path(__file__).resolve().parents[3]


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
    from newsgraph.server.app import serve as run

    run(db, host=host, port=port, on_ready=say_address)


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
    from newsgraph.server.app import serve as run

    summary = ingest_examples(db)
    sys.stdout.write("\n".join(summary.lines()) + "\n")
    if serve_ui:
        run(db, port=port, on_ready=say_address)


def find_examples(roots: Sequence[Path] | None = None) -> Path:
    """examples/ in the current directory, else in the checkout newsgraph runs from."""
    for root in roots or (Path.cwd(), CHECKOUT):
        folder = root / "examples"
        if folder.is_dir() and any(folder.iterdir()):
            return folder
    raise NewsgraphError(
        "no examples/ folder here or in the newsgraph checkout: run `newsgraph demo` from the "
        "repository root, or ingest your own files with `newsgraph ingest PATH`"
    )


@dataclass
class DemoSummary:
    """What the demo database holds after the ingest, and what this run added."""

    database: str
    examples: Path
    added: int = 0
    known: int = 0
    errors: list[ReadError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    speakers: list[tuple[str, int]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as the demo prints it."""
        counts = self.counts
        top = ", ".join(f"{name} ({n})" for name, n in self.speakers) or "none"
        reasons = Counter(e.reason for e in self.errors)
        skipped = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common()) or "none"
        return [
            f"database {self.database}: {self.added} articles added from {self.examples}, "
            f"{self.known} already there",
            f"articles {counts.get('articles', 0)} · quotes {counts.get('quotes', 0)} · "
            f"events {counts.get('events', 0)} · figures {counts.get('figures', 0)} · "
            f"entities {counts.get('entities', 0)}",
            f"skipped records: {skipped}",
            f"top speakers: {top}",
        ]


def ingest_examples(database: str, *, examples: Path | None = None) -> DemoSummary:
    """Ingest examples/ into `database` as `newsgraph ingest` does; stored articles are skipped."""
    from newsgraph.jobs import ingest_paths
    from newsgraph.store import open_store

    examples = examples or find_examples()
    summary = DemoSummary(database=database, examples=examples)
    tally = ingest_paths([examples], db=database, on_error=summary.errors.append)
    summary.added, summary.known = tally.stored, tally.articles - tally.stored
    with open_store(database) as store:
        summary.counts = store.counts()
        summary.speakers = store.speakers(limit=5)
    return summary
