"""Readers: one module per input format, each yielding Articles and reporting bad records.

`read_paths` walks files, directories (recursively) and `-` (standard input), picks a reader per
file with `detect.detect_format` unless `fmt` is given, and passes every ReadError to `on_error`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import OnError, raise_it
from newsgraph.model import Article
from newsgraph.read.detect import read_file


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def read_paths(
    paths: Iterable[str | Path], *, fmt: str | None = None, on_error: OnError = raise_it
) -> Iterator[Article]:
    """Every article in the given files, directories and `-`; bad records go to `on_error`."""
    for path in iter_files(paths):
        yield from read_file(path, fmt=fmt, on_error=on_error)
