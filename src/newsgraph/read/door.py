"""The one door from input to Articles: `ReadOptions` and `read_articles`, used by every caller.

`newsgraph extract`, `ingest` (files and fetched URLs), `demo`, the batch worker and `POST
/api/articles` all read through `read_articles`, so they apply the same format, size limit,
publication date and filters: an article in another language is reported `not-english`, a
repeat of an article already read in the run `duplicate`, wherever it comes from. The component
settings travel with the options, so a pipeline loaded for them reads the text the same way at
every door.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import OnError, ReadError, raise_it
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES, split_source, unstorable
from newsgraph.read.detect import read_file, read_stream


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read input and what the pipeline must know about it.

    `fmt` None detects the format per file; `published` is given to articles without a date;
    `max_bytes` limits one document (a file, a JSON line, a WARC record); `apostrophe_quotes`
    reads ''…'' as quotation marks (True), never (False), or where an article uses them so
    (None: `nlp.quotes.marks.uses_apostrophe_quotes`).
    """

    fmt: str | None = None
    published: date | None = None
    max_bytes: int = MAX_BYTES
    apostrophe_quotes: bool | None = None

    def components(self) -> dict[str, dict[str, Any]]:
        """The pipeline's component settings these options ask for (`load_pipeline(config=)`)."""
        return {"newsgraph_quotes": {"apostrophe_quotes": self.apostrophe_quotes}}


DEFAULTS = ReadOptions()  # every option at its default: what a door reads with unless told


@dataclass(frozen=True, slots=True, kw_only=True)
class Stream:
    """One open binary document that is not a file on disk (a request body); `source` names it."""

    raw: BinaryIO
    source: str
    size: int | None = None  # in bytes; None when unknown


# Files a directory walk leaves out: a folder's own documentation is not news.
NOT_NEWS = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE")


def iter_files(paths: Iterable[str | Path | Named]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order."""
    return (path for path, _ in iter_inputs(paths))


@dataclass(frozen=True, slots=True)
class Named:
    """A file to read under a name chosen already (a batch shard keeps its walk's name)."""

    path: Path
    source: str


def iter_inputs(paths: Iterable[str | Path | Named]) -> Iterator[tuple[Path, str]]:
    """Each file under the given paths with the name records and reports give it (`source_name`).

    A walk skips hidden files and README/LICENSE-style files; a path given by name is always read.
    """
    for item in paths:
        if isinstance(item, Named):
            yield item.path, item.source
            continue
        given = Path(item)
        if given.is_dir():
            for path in sorted(
                p
                for p in given.rglob("*")
                if p.is_file()
                and not p.name.startswith(".")
                and not p.name.upper().startswith(NOT_NEWS)
            ):
                yield path, source_name(path, given)
        else:
            yield given, source_name(given, given)


def source_name(path: Path, given: Path) -> str:
    """A file's name in `article.source` and in error reports: the path as given when it is a
    relative one inside the working directory; otherwise relative to the folder holding the
    path the user gave ("/home/me/news/a.html" given as "/home/me/news" is "news/a.html"), so
    no record carries the ingesting machine's absolute paths."""
    if str(given) == "-" or (not given.is_absolute() and ".." not in given.parts):
        return str(path)
    root = given.resolve()
    return str(Path(root.name or root.anchor) / path.relative_to(given))


def read_articles(
    paths_or_stream: Iterable[str | Path | Named] | Stream,
    options: ReadOptions = ReadOptions(),
    on_error: OnError = raise_it,
    *,
    fetched: Iterable[Article] = (),
) -> Iterator[Article]:
    """Every English article of the input, each text once, dated by `options.published` if not.

    Files, directories (walked recursively) and `-` (standard input), or one `Stream`; then the
    `fetched` articles, pages the fetcher read through the same HTML reader (`fetch.pages`),
    screened with the files. Bad records, other languages and repeats go to `on_error`.
    """
    if isinstance(paths_or_stream, Stream):
        read = _read_one(paths_or_stream, options, on_error)
    else:
        read = _read_files(paths_or_stream, options, on_error)
    return screen(itertools.chain(read, fetched), options, on_error)


def _read_files(
    paths: Iterable[str | Path | Named], options: ReadOptions, on_error: OnError
) -> Iterator[Article]:
    for path, source in iter_inputs(paths):
        yield from read_file(
            path, fmt=options.fmt, on_error=on_error, max_bytes=options.max_bytes, source=source
        )


def _read_one(stream: Stream, options: ReadOptions, on_error: OnError) -> Iterator[Article]:
    return read_stream(
        Path(stream.source),
        stream.raw,
        fmt=options.fmt,
        source=stream.source,
        on_error=on_error,
        max_bytes=options.max_bytes,
        size=stream.size,
    )


def screen(
    articles: Iterable[Article], options: ReadOptions, on_error: OnError = raise_it
) -> Iterator[Article]:
    """Articles newsgraph processes, dated: other languages and repeats go to `on_error`.

    `read_articles` screens what it reads; a caller that builds an Article itself (the API's
    JSON body) screens it here, so it meets the same filters.
    """
    seen: dict[str, str] = {}  # content hash -> source of the first copy
    for article in articles:
        file, record = split_source(article.source)
        if refused := unstorable(article):  # over spaCy's length, a NUL character
            on_error(refused)
        elif article.language not in ("en", None):
            on_error(ReadError(file, record, "not-english", f"language {article.language}"))
        elif article.content_hash in seen:
            first = seen[article.content_hash]
            on_error(ReadError(file, record, "duplicate", f"same text as {first}"))
        else:
            seen[article.content_hash] = article.source
            yield with_published(article, options.published)


def with_published(article: Article, published: date | None) -> Article:
    """The article, given the user's publication date when it carries none."""
    if published and not article.published:
        return dataclasses.replace(article, published=published)
    return article
