"""Picks the reader for a file from its name and first bytes. STUB: text and jsonl only so far."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import OnError, ReadError
from newsgraph.model import Article
from newsgraph.read import jsonl, text


def detect_format(path: Path, head: bytes) -> str:
    """The format name of a file: "jsonl" or "text"."""
    if path.suffix == ".jsonl" or head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"


def read_file(path: Path, *, fmt: str | None, on_error: OnError) -> Iterator[Article]:
    """Articles of one file (`-` is standard input)."""
    data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    source = "<stdin>" if str(path) == "-" else str(path)
    if not data.strip():
        on_error(ReadError(source, None, "empty"))
        return
    fmt = fmt or detect_format(path, data[:4096])
    reader = jsonl.read_jsonl if fmt == "jsonl" else text.read_text
    yield from reader(data, source=source, on_error=on_error)
