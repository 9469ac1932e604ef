"""`newsgraph demo`: ingest the sample corpus in examples/ into SQLite, summarise it, serve the UI.

Idempotent: articles already in the database are not extracted again, so a rerun starts quickly.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.api.views import top_speakers
from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.jobs import ingest_paths
from newsgraph.store import open_store

log = logging.getLogger(__name__)

# src/newsgraph/demo.py -> the checkout's root, where examples/ lives beside src/
CHECKOUT = Path(__file__).resolve().parents[2]


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
    examples = examples or find_examples()
    summary = DemoSummary(database=database, examples=examples)
    tally = ingest_paths([examples], db=database, on_error=summary.errors.append)
    summary.added, summary.known = tally.stored, tally.articles - tally.stored
    store = open_store(database)
    try:
        summary.counts = store.counts()
        summary.speakers = top_speakers(store, limit=5)
    finally:
        store.close()
    log.info("demo: %d articles added, %d known", summary.added, summary.known)
    return summary
