"""The Python API behind the CLI: one function per command, usable from a notebook as is."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from newsgraph.errors import OnError, ReadError, raise_it
from newsgraph.extract import extract_articles
from newsgraph.fetch.address import origins
from newsgraph.fetch.client import POLITE, Politeness
from newsgraph.fetch.pages import fetched_articles, is_url
from newsgraph.fetch.sources import read_sources
from newsgraph.fetch.warc import WarcFiles, warc_folder
from newsgraph.fetch.watch import Round, Watcher
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
    apostrophe_quotes: bool | None = None,
) -> Iterator[ExtractedArticle]:
    """`newsgraph extract`: read, run the pipeline, yield one record per article.

    `max_bytes` limits one document (a file, a JSON line, a WARC record); larger ones are
    reported `too-large`. `apostrophe_quotes` reads ''…'' as quotation marks (True), never
    (False), or where an article uses them so (None: `marks.uses_apostrophe_quotes`).
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


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | None = None,
    published: date | None = None,
    fmt: str | None = None,
    model: str | None = None,
    on_error: OnError | None = None,
    on_article: Callable[[Tally], None] | None = None,
    politeness: Politeness = POLITE,
) -> Tally:
    """`newsgraph ingest`: read, extract and store, one transaction per article, streaming.

    An `http(s)://` path is fetched under `politeness` (a feed: its entries' pages; a sitemap:
    its pages; else the page), its responses archived beside the database (`fetch.warc`).

    Articles already stored (same content hash) are not extracted again; bad records go to the
    errors table and to `on_error`; `on_article` sees the running tally after each article.
    """
    from newsgraph.store import open_store

    store = open_store(db)
    tally = Tally()

    def keep_error(error: ReadError) -> None:
        tally.errors += 1
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
        inputs = read_inputs(paths, fmt=fmt, on_error=keep_error, db=db, politeness=politeness)
        read = with_published(inputs, published)
        for extracted in extract_articles(fresh(read), nlp):
            if store.put(extracted):
                tally.stored += 1
                tally.quotes += len(extracted.quotes)
            if on_article is not None:
                on_article(tally)
    finally:
        store.close()
    return tally


# --- live news: ingest URL, watch ---------------------------------------------------------------


def read_inputs(
    paths: Iterable[str | Path],
    *,
    fmt: str | None,
    on_error: OnError,
    db: str | None,
    politeness: Politeness = POLITE,
) -> Iterator[Article]:
    """The articles of files and URLs: files through `read_paths`, then the URLs, fetched (their
    WARC files beside `db`), each text once."""
    paths = list(paths)
    files = [p for p in paths if not is_url(p)]
    urls = [str(p) for p in paths if is_url(p)]
    seen: set[str] = set()
    for article in read_paths(files, fmt=fmt, on_error=on_error):
        seen.add(article.content_hash)
        yield article
    for article in fetched_articles(urls, db=db, politeness=politeness, on_error=on_error):
        where = article.source
        if article.language not in ("en", None):
            on_error(ReadError(where, None, "not-english", f"language {article.language}"))
        elif article.content_hash in seen:
            on_error(ReadError(where, None, "duplicate", "same text as an article read before"))
        else:
            seen.add(article.content_hash)
            yield article


def watch_sources(
    sources: Path,
    *,
    db: str | None = None,
    every: float = 900.0,
    rounds: int | None = None,
    politeness: Politeness = POLITE,
    warc_dir: Path | None = None,
    refetch: bool = False,
    model: str | None = None,
    stop: threading.Event | None = None,
    on_round: Callable[[Round], None] | None = None,
    on_error: OnError | None = None,
) -> list[Round]:
    """`newsgraph watch`: poll the sources every `every` seconds, store what is new.

    Runs until `stop` is set (or `rounds` are done); the origins the sources name may be local.
    WARC files go to `warc_dir`, by default beside the database.
    """
    from newsgraph.extract import extract_article
    from newsgraph.store import open_store

    listed = read_sources(sources)
    allowed = politeness.allowed | origins(s.url for s in listed)
    politeness = dataclasses.replace(politeness, allowed=allowed)
    store = open_store(db)
    try:
        nlp = load_pipeline(model or DEFAULT_MODEL)
        watcher = Watcher(
            listed,
            store,
            extract=lambda article: extract_article(article, nlp),
            politeness=politeness,
            warc=WarcFiles(warc_dir or warc_folder(db)),
            refetch=refetch,
            stop=stop,
            on_error=on_error,
        )
        return watcher.run(every=every, rounds=rounds, on_round=on_round)
    finally:
        store.close()
