"""The options several commands share, declared once as `Annotated` aliases.

`read_options` turns the reading options into the `ReadOptions` that every door takes, so
`extract`, `ingest` and `batch` read input the same way.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.errors import NewsgraphError
from newsgraph.read import ReadOptions

MIB = 1024 * 1024


class Output(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


PathsArgument = Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")]
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLAlchemy URL or SQLite path [default: newsgraph.db].")
]
OutputOption = Annotated[Output, typer.Option(help="table, json or jsonl.")]
LimitOption = Annotated[int, typer.Option(help="At most this many results.")]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")
]
FormatOption = Annotated[
    str | None, typer.Option("--format", help="text, html, feed, warc, jsonl (default: detect).")
]
ModelOption = Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")]
MaxMbOption = Annotated[
    float, typer.Option(help="Skip a document (file, JSON line, WARC record) over this size.")
]
ApostropheOption = Annotated[
    bool | None,
    typer.Option(
        help="Read ''…'' as quotation marks (news archives' plain text), or never; "
        "default: per article, where pairs of '' stand around words and no other marks compete."
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(min=0.0, max=1.0, help="Leave out quotes whose confidence (0-1) is below this."),
]
MAX_MB = 20  # the default of --max-mb: read.article.MAX_BYTES in MiB
ContactOption = Annotated[
    str | None,
    typer.Option(
        envvar="NEWSGRAPH_CONTACT",
        help="An e-mail address or URL where site owners can reach you, sent in the User-Agent: "
        "newsgraph/VERSION (news attribution crawler; +CONTACT). \\[default: none; please set one]",
    ),
]
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; a bad one is the user's mistake."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise NewsgraphError(f"{option} must be YYYY-MM-DD, not {value!r}") from exc


def seconds(value: str, option: str) -> float:
    """A duration option: 90, 90s, 15m, 1h, 1d; a bad one is the user's mistake."""
    number, unit = (value[:-1], value[-1]) if value[-1:] in UNITS else (value, "s")
    try:
        return float(number) * UNITS[unit]
    except ValueError as exc:
        raise NewsgraphError(f"{option} must be a duration like 90s, 15m or 1h") from exc


def read_options(
    *,
    fmt: str | None = None,
    published: str | None = None,
    max_mb: float = MAX_MB,
    apostrophe_quotes: bool | None = None,
) -> ReadOptions:
    """The door's options from the command line's values."""
    return ReadOptions(
        fmt=fmt,
        published=day(published, "--published"),
        max_bytes=int(max_mb * MIB),
        apostrophe_quotes=apostrophe_quotes,
    )
