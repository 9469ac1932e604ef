"""The store's input validation: a filter value (a speaker, an actor, an id, search words) that
no backend can match is refused with BadFilter before any SQL runs, alike on every backend.

Two cases: a NUL character (U+0000), which PostgreSQL text cannot hold, so its driver raises
rather than matching nothing (and the readers refuse NUL, so no stored text holds one); and a
value over MAX_FILTER_CHARS, past which SQLite refuses a LIKE pattern ("LIKE or GLOB pattern too
complex": 50,000 bytes, that is 12,500 characters of 4 UTF-8 bytes, less the two `%`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from newsgraph.errors import NewsgraphError

MAX_FILTER_CHARS = 10_000

F = TypeVar("F", bound=Callable[..., Any])


class BadFilter(NewsgraphError, ValueError):
    """A filter value that no backend can match: the API answers 422, the CLI exits 2."""


def check_filter(value: object) -> None:
    """Raise BadFilter for a string with a NUL character or over MAX_FILTER_CHARS characters."""
    if not isinstance(value, str):
        return
    if "\x00" in value:
        raise BadFilter("a filter value cannot hold a NUL character (U+0000)")
    if len(value) > MAX_FILTER_CHARS:
        raise BadFilter(
            f"a filter value is at most {MAX_FILTER_CHARS} characters, not {len(value)}"
        )


def checked(method: F) -> F:
    """A Store method whose string arguments are checked with `check_filter` first."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            check_filter(value)
        return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
