"""The Python API behind the CLI: one function per command, usable from a notebook as is."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from newsgraph.errors import OnError, raise_it
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
) -> Iterator[ExtractedArticle]:
    """`newsgraph extract`: read, run the pipeline, yield one record per article.

    `max_bytes` limits one document (a file, a JSON line, a WARC record); larger ones are
    reported `too-large`.
    """
    nlp = load_pipeline(model or DEFAULT_MODEL)
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
