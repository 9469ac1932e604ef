"""The Python API behind the CLI: one function per command, usable from a notebook as is."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from newsgraph.errors import NewsgraphError, OnError, ReadError, raise_it
from newsgraph.extract import extract_articles
from newsgraph.model import Article, ExtractedArticle
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.read import read_paths
from newsgraph.read.article import MAX_BYTES


def with_published(articles: Iterable[Article], published: date | None) -> Iterator[Article]:
    """Give articles that carry no publication date the one the user supplied."""
    for article in articles:
        if published and not article.published:
            article = dataclasses.replace(article, published=published)
        yield article


def extract_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    fmt: str | None = None,
    model: str | None = None,
    on_error: OnError = raise_it,
    max_bytes: int = MAX_BYTES,
    apostrophe_quotes: bool = False,
) -> Iterator[ExtractedArticle]:
    """`newsgraph extract`: read, run the pipeline, yield one record per article.

    `max_bytes` limits one document (a file, a JSON line, a WARC record); larger ones are
    reported `too-large`. `apostrophe_quotes` reads ''…'' as quotation marks.
    """
    quotes = {"newsgraph_quotes": {"apostrophe_quotes": apostrophe_quotes}}
    nlp = load_pipeline(model or DEFAULT_MODEL, config=quotes)
    read = read_paths(paths, fmt=fmt, on_error=on_error, max_bytes=max_bytes)
    articles = with_published(read, published)
    yield from extract_articles(articles, nlp)


def extract_rows(
    rows: Iterable[dict[str, object]], *, model: str | None = None
) -> Iterator[dict[str, object]]:
    """Extract records for JSON rows shaped like our JSONL input: public-schema dicts, same ids."""
    from newsgraph.model import to_json
    from newsgraph.read.jsonl import article_from_row

    nlp = load_pipeline(model or DEFAULT_MODEL)
    articles = (article_from_row(row, source="gold") for row in rows)
    for record in extract_articles(articles, nlp):
        yield to_json(record)


# --- store: ingest ------------------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class Tally:
    """What an ingest did: articles read and newly stored, their quotes, bad records."""

    articles: int = 0
    stored: int = 0
    quotes: int = 0
    errors: int = 0


DISK_FULL = ("database or disk is full", "No space left on device", "could not extend file")


@contextmanager
def disk_full_said() -> Iterator[None]:
    """A full disk as the user's problem to fix (exit 2), not a traceback: each article is its
    own transaction, so what was stored stays, and a rerun after freeing space goes on."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        if not any(words in str(exc.orig) for words in DISK_FULL):
            raise
        raise NewsgraphError(
            f"the disk is full ({str(exc.orig).strip()}): free some space and run the same "
            "ingest again; the articles stored so far are kept and are not extracted again"
        ) from exc


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | None = None,
    published: date | None = None,
    fmt: str | None = None,
    model: str | None = None,
    on_error: OnError | None = None,
    on_article: Callable[[Tally], None] | None = None,
) -> Tally:
    """`newsgraph ingest`: read, extract and store, one transaction per article, streaming.

    Articles already stored (same content hash) are not extracted again; bad records go to the
    errors table and to `on_error`; `on_article` sees the running tally after each article.
    """
    from newsgraph.store import open_store

    store = open_store(db)
    tally = Tally()

    def keep_error(error: ReadError) -> None:
        tally.errors += 1
        with disk_full_said():
            store.put_error(error)
        if on_error is not None:
            on_error(error)

    def fresh(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            tally.articles += 1
            if not store.has(article.content_hash):
                yield article
            elif on_article is not None:
                on_article(tally)

    try:
        nlp = load_pipeline(model or DEFAULT_MODEL)
        read = with_published(read_paths(paths, fmt=fmt, on_error=keep_error), published)
        for extracted in extract_articles(fresh(read), nlp):
            with disk_full_said():
                new = store.put(extracted)
            if new:
                tally.stored += 1
                tally.quotes += len(extracted.quotes)
            if on_article is not None:
                on_article(tally)
    finally:
        store.close()
    return tally
