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

from newsgraph.errors import OnError, raise_it
from newsgraph.model import Article
from newsgraph.read.article import MAX_BYTES
from newsgraph.read.door import (
    DEFAULTS,
    Named,
    ReadOptions,
    Stream,
    iter_files,
    iter_inputs,
    read_articles,
    screen,
)


def read_paths(
    paths: Iterable[str | Path],
    *,
    fmt: str | None = None,
    on_error: OnError = raise_it,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article]:
    """Every English article in the given files, directories and `-`, each text once: the door
    (`read_articles`) with these options. Bad records, other languages and repeats go to
    `on_error`; `max_bytes` limits one document (a file, a JSON line, a WARC record)."""
    return read_articles(paths, ReadOptions(fmt=fmt, max_bytes=max_bytes), on_error)


__all__ = [
    "DEFAULTS",
    "Named",
    "ReadOptions",
    "Stream",
    "iter_files",
    "iter_inputs",
    "read_articles",
    "read_paths",
    "screen",
]
