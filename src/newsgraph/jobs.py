"""The Python API behind the CLI: one function per command, usable from a notebook as is.

Reading goes through the one door, `read.read_articles` with `ReadOptions`; queries open the
store at `db`, ask it one question and return records (`Cited[Quote]`...), which the CLI lays out
as tables or JSON (`cli/table.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from spacy.language import Language

from newsgraph.errors import OnError, ReadError, raise_it
from newsgraph.extract import confident, extract_articles
from newsgraph.model import Article, Event, ExtractedArticle, Figure, Quote
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.read import DEFAULTS, ReadOptions, Stream, read_articles
from newsgraph.store import Cited, EntityProfile, open_store


def pipeline_for(options: ReadOptions, model: str | None = None) -> Language:
    """The spaCy pipeline with the component settings `options` ask for."""
    return load_pipeline(model or DEFAULT_MODEL, config=options.components())


def extract_paths(
    paths_or_stream: Iterable[str | Path] | Stream,
    options: ReadOptions = DEFAULTS,
    *,
    model: str | None = None,
    on_error: OnError = raise_it,
    nlp: Language | None = None,
    min_confidence: float | None = None,
) -> Iterator[ExtractedArticle]:
    """`newsgraph extract`: read, run the pipeline, yield one record per article.

    Larger documents than `options.max_bytes` are reported `too-large`; `nlp` saves loading one;
    `min_confidence` leaves out quotes scored below it (`extract.confident`).
    """
    nlp = nlp or pipeline_for(options, model)
    for extracted in extract_articles(read_articles(paths_or_stream, options, on_error), nlp):
        yield confident(extracted, min_confidence)


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
    options: ReadOptions = DEFAULTS,
    *,
    db: str | None = None,
    model: str | None = None,
    on_error: OnError | None = None,
    on_article: Callable[[Tally], None] | None = None,
    min_confidence: float | None = None,
) -> Tally:
    """`newsgraph ingest`: read, extract and store, one transaction per article, streaming.

    Articles already stored (same content hash) are not extracted again; bad records go to the
    errors table and to `on_error`; `on_article` sees the running tally after each article;
    quotes scored below `min_confidence` are not stored.
    """
    tally = Tally()
    with open_store(db) as store:

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

        nlp = pipeline_for(options, model)
        for found in extract_articles(fresh(read_articles(paths, options, keep_error)), nlp):
            extracted = confident(found, min_confidence)
            if store.put(extracted):
                tally.stored += 1
                tally.quotes += len(extracted.quotes)
            if on_article is not None:
                on_article(tally)
    return tally


# --- store: queries -----------------------------------------------------------------------------


def find_quotes(
    db: str | None = None,
    *,
    speaker: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    min_confidence: float | None = None,
    limit: int = 100,
) -> list[Cited[Quote]]:
    """`newsgraph quotes`: quotes with the article each comes from; `min_confidence` leaves
    out those scored below it."""
    with open_store(db) as store:
        return store.cited_quotes(
            speaker=speaker,
            search=search,
            since=since,
            until=until,
            outlet=outlet,
            min_confidence=min_confidence,
            limit=limit,
        )


def find_events(
    db: str | None = None,
    *,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002  (PLOVER's word, and the CLI option's name)
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    limit: int = 100,
) -> list[Cited[Event]]:
    """`newsgraph events`: merged events, each with the articles that report it."""
    with open_store(db) as store:
        return store.cited_events(
            actor=actor, type=type, since=since, until=until, place=place, limit=limit
        )


def find_figures(
    db: str | None = None, *, contested: bool = False, limit: int = 100
) -> list[Cited[Figure]]:
    """`newsgraph figures`: numbers with hedge and source; `contested` keeps disputed ones."""
    with open_store(db) as store:
        return store.cited_figures(contested=contested, limit=limit)


def find_entity(db: str | None, name: str) -> EntityProfile | None:
    """`newsgraph entity NAME`: the merged entity, its aliases, roles, quotes and meetings."""
    with open_store(db) as store:
        return store.entity(name)


def list_errors(db: str | None = None) -> list[ReadError]:
    """`newsgraph errors`: every bad input record an ingest skipped."""
    with open_store(db) as store:
        return store.errors()


def merge_entities(db: str | None, name: str, into: str) -> str:
    """`newsgraph entities merge INTO NAME`: the surviving entity's id."""
    with open_store(db) as store:
        return store.merge_entities(name, into)


def split_entity(db: str | None, name: str) -> str:
    """`newsgraph entities split NAME`: the id of the entity the name now has of its own."""
    with open_store(db) as store:
        return store.split_entity(name)


__all__ = [
    "Tally",
    "extract_paths",
    "extract_rows",
    "find_entity",
    "find_events",
    "find_figures",
    "find_quotes",
    "ingest_paths",
    "list_errors",
    "merge_entities",
    "pipeline_for",
    "split_entity",
]
