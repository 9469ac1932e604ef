"""Readers: one module per input format, each yielding Articles and reporting bad records.

`read_paths` walks files, directories (recursively) and `-` (standard input), picks a reader per
file with `detect.detect_format` unless `fmt` is given, and passes every ReadError to `on_error`.
On top of the readers it skips what newsgraph does not process: articles in a language other
than English (`not-english`) and exact repeats of an article already read in the run
(`duplicate`, by content hash).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import OnError, ReadError, raise_it
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES, MAX_CHARS, split_source, unstorable
from newsgraph.read.detect import read_file

# Files a directory walk leaves out: a folder's own documentation is not news.
NOT_NEWS = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order.

    A walk skips hidden files and README/LICENSE-style files; a path given by name is always read.
    """
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not p.name.startswith(".")
                and not p.name.upper().startswith(NOT_NEWS)
            )
        else:
            yield path


def read_paths(
    paths: Iterable[str | Path],
    *,
    fmt: str | None = None,
    on_error: OnError = raise_it,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article]:
    """Every English article in the given files, directories and `-`, each text once.

    Bad records, other languages and repeats go to `on_error`. `max_bytes` limits one document
    (a file, a JSON line, a WARC record), `max_chars` one article's text (see `unstorable`).
    """
    seen: dict[str, str] = {}  # content hash -> source of the first copy
    for path in iter_files(paths):
        for article in read_file(path, fmt=fmt, on_error=on_error, max_bytes=max_bytes):
            file, record = split_source(article.source)
            if refused := unstorable(article, max_chars=max_chars):
                on_error(refused)
            elif article.language not in ("en", None):
                on_error(ReadError(file, record, "not-english", f"language {article.language}"))
            elif article.content_hash in seen:
                on_error(
                    ReadError(
                        file, record, "duplicate", f"same text as {seen[article.content_hash]}"
                    )
                )
            else:
                seen[article.content_hash] = article.source
                yield article
