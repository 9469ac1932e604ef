"""`newsgraph demo`: ingest the sample corpus in examples/ into SQLite, summarise it, serve the UI.

Idempotent: articles already in the database are not extracted again, so a rerun starts at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from newsgraph.api.views import top_speakers
from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.extract import extract_articles
from newsgraph.model import Article
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.read import read_paths
from newsgraph.store import open_store
from newsgraph.store.base import Store

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
        return [
            f"database {self.database}: {self.added} articles added from {self.examples}, "
            f"{self.known} already there",
            f"articles {counts.get('articles', 0)} · quotes {counts.get('quotes', 0)} · "
            f"events {counts.get('events', 0)} · figures {counts.get('figures', 0)} · "
            f"entities {counts.get('entities', 0)} · errors {len(self.errors)}",
            f"top speakers: {top}",
        ]


def _new_articles(store: Store, examples: Path, summary: DemoSummary) -> Iterator[Article]:
    def on_error(error: ReadError) -> None:
        summary.errors.append(error)
        store.put_error(error)

    for article in read_paths([examples], on_error=on_error):
        if store.article(article.id) is None:
            yield article
        else:
            summary.known += 1


def ingest_examples(
    database: str, *, examples: Path | None = None, nlp: Language | None = None
) -> tuple[DemoSummary, Language | None]:
    """Ingest examples/ into `database`; returns the summary and the pipeline if one was loaded."""
    examples = examples or find_examples()
    summary = DemoSummary(database=database, examples=examples)
    store = open_store(database)
    try:
        pending = list(_new_articles(store, examples, summary))
        if pending:
            nlp = nlp or load_pipeline()
            for extracted in extract_articles(pending, nlp):
                summary.added += store.put(extracted)
        summary.counts = store.counts()
        summary.speakers = top_speakers(store, limit=5)
    finally:
        store.close()
    log.info("demo: %d articles added, %d known", summary.added, summary.known)
    return summary, nlp
