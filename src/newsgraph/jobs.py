"""The Python API behind the CLI: one function per command, usable from a notebook as is.

Reading goes through the one door, `read.read_articles` with `ReadOptions`; queries open the
store at `db`, ask it one question and return records (`Cited[Quote]`...), which the CLI lays out
as tables or JSON (`cli/table.py`).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from itertools import chain, islice
from pathlib import Path

from spacy.language import Language

from newsgraph.errors import NewsgraphError, OnError, ReadError, raise_it
from newsgraph.extract import confident, extract_article, extract_articles
from newsgraph.fetch.address import origins
from newsgraph.fetch.client import POLITE, Politeness
from newsgraph.fetch.pages import fetched_articles, is_url
from newsgraph.fetch.sources import read_sources
from newsgraph.fetch.warc import WarcFiles, warc_folder
from newsgraph.fetch.watch import Round, Watcher
from newsgraph.model import Article, Event, ExtractedArticle, Figure, Quote
from newsgraph.nlp.events.plover import PLOVER_TYPES
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.read import DEFAULTS, ReadOptions, Stream, read_articles
from newsgraph.store import Cited, EntityProfile, existing, open_store
from newsgraph.workers import ExtractionPool, default_workers


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
) -> Iterator[ExtractedArticle]:
    """Extract the articles of JSON rows shaped like our JSONL input (ids kept), one by one."""
    from newsgraph.read.jsonl import article_from_row

    nlp = load_pipeline(model or DEFAULT_MODEL)
    yield from extract_articles((article_from_row(row, source="gold") for row in rows), nlp)


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
    options: ReadOptions = DEFAULTS,
    *,
    db: str | None = None,
    model: str | None = None,
    on_error: OnError | None = None,
    on_article: Callable[[Tally], None] | None = None,
    politeness: Politeness = POLITE,
    min_confidence: float | None = None,
    workers: int | None = 1,
    nlp: Language | None = None,
) -> Tally:
    """`newsgraph ingest`: read, extract and store, one transaction per article, streaming.

    `paths` may name http(s) URLs too, fetched with `politeness` (`read_inputs`). Articles
    already stored (same content hash) are not extracted again; bad records go to the errors
    table and to `on_error`; `on_article` sees the running tally after each article; quotes
    scored below `min_confidence` are not stored. `workers` processes extract (None: one per
    core, as memory allows, `workers.default_workers`); this process reads and is the one
    writer, in input order, so the database is the same whatever their number. `nlp` saves
    loading a pipeline in a one-worker run.
    """
    tally = Tally()
    with open_store(db) as store:

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

        read = read_inputs(paths, options, keep_error, db=db, politeness=politeness)
        with extractor(options, model, workers or default_workers(), nlp) as extract:
            for found in extract(fresh(read)):
                extracted = confident(found, min_confidence)
                with disk_full_said():
                    new = store.put(extracted)
                if new:
                    tally.stored += 1
                    tally.quotes += len(extracted.quotes)
                if on_article is not None:
                    on_article(tally)
    return tally


Extract = Callable[[Iterable[Article]], Iterator[ExtractedArticle]]


# Fewer articles than this are extracted in this process even when workers are asked for: a
# pool would load the pipeline once per worker (seconds each) to extract a file or two.
SMALL_JOB = 16


@contextmanager
def extractor(
    options: ReadOptions, model: str | None, workers: int, nlp: Language | None = None
) -> Iterator[Extract]:
    """Articles -> records in input order: in this process for one worker (with `nlp` when
    given) or a job under SMALL_JOB articles, else in a pool of `workers` processes, each
    loading the pipeline once (`workers.ExtractionPool`), started when the input proves big."""
    if workers <= 1:
        loaded = nlp or pipeline_for(options, model)
        yield lambda articles: extract_articles(articles, loaded)
        return
    with ExitStack() as stack:

        def extract(articles: Iterable[Article]) -> Iterator[ExtractedArticle]:
            rest = iter(articles)
            head = list(islice(rest, SMALL_JOB))
            if len(head) < SMALL_JOB:
                yield from extract_articles(head, nlp or pipeline_for(options, model))
                return
            pool = ExtractionPool(workers, model or DEFAULT_MODEL, options.components())
            yield from stack.enter_context(pool).extract(chain(head, rest))

        yield extract


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions = DEFAULTS,
    on_error: OnError = raise_it,
    *,
    db: str | None = None,
    politeness: Politeness = POLITE,
) -> Iterator[Article]:
    """The articles of files and http(s) URLs, through the one door: the files first, then the
    URLs' pages, fetched (the origins named may be local; WARC files beside `db`)."""
    paths = list(paths)
    urls = [str(p) for p in paths if is_url(p)]
    files = [p for p in paths if not is_url(p)]
    fetched = fetched_articles(urls, db=db, politeness=politeness, on_error=on_error)
    return read_articles(files, options, on_error, fetched=fetched)


# --- live news: watch ---------------------------------------------------------------------------


def watch_sources(
    sources: Path,
    options: ReadOptions = DEFAULTS,
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
    Each page is screened and dated by `options` as at every door; WARC files go to `warc_dir`,
    by default beside the database.
    """
    listed = read_sources(sources)
    allowed = politeness.allowed | origins(s.url for s in listed)
    politeness = dataclasses.replace(politeness, allowed=allowed)
    with open_store(db) as store:
        nlp = pipeline_for(options, model)
        watcher = Watcher(
            listed,
            store,
            extract=lambda article: extract_article(article, nlp),
            options=options,
            politeness=politeness,
            warc=WarcFiles(warc_dir or warc_folder(db)),
            refetch=refetch,
            stop=stop,
            on_error=on_error,
        )
        return watcher.run(every=every, rounds=rounds, on_round=on_round)


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
    with open_store(existing(db)) as store:
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
    if type is not None and type.upper() not in PLOVER_TYPES:  # "MEETING" is CONSULT
        raise NewsgraphError(f"no event type {type!r}; the types are {', '.join(PLOVER_TYPES)}")
    with open_store(existing(db)) as store:
        return store.cited_events(
            actor=actor, type=type, since=since, until=until, place=place, limit=limit
        )


def find_figures(
    db: str | None = None, *, contested: bool = False, limit: int = 100
) -> list[Cited[Figure]]:
    """`newsgraph figures`: numbers with hedge and source; `contested` keeps disputed ones."""
    with open_store(existing(db)) as store:
        return store.cited_figures(contested=contested, limit=limit)


def find_entity(db: str | None, name: str) -> EntityProfile | None:
    """`newsgraph entity NAME`: the merged entity, its aliases, roles, quotes and meetings."""
    with open_store(existing(db)) as store:
        return store.entity(name)


def list_errors(db: str | None = None) -> list[ReadError]:
    """`newsgraph errors`: every bad input record an ingest skipped."""
    with open_store(existing(db)) as store:
        return store.errors()


def merge_entities(db: str | None, name: str, into: str) -> str:
    """`newsgraph entities merge INTO NAME`: the surviving entity's id."""
    with open_store(existing(db)) as store:
        return store.merge_entities(name, into)


def split_entity(db: str | None, name: str) -> str:
    """`newsgraph entities split NAME`: the id of the entity the name now has of its own."""
    with open_store(existing(db)) as store:
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
    "read_inputs",
    "split_entity",
    "watch_sources",
]
