"""The Typer app and what every command shares: the one error boundary and stderr reporting.

Results go to stdout; progress and problems to stderr. A NewsgraphError raised by any command
exits 2 with its message and no traceback (`guarded`, applied by `App.command` to every command).
"""

from __future__ import annotations

import functools
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.errors import NewsgraphError, ReadError

err = Console(stderr=True)
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def fail(exc: NewsgraphError) -> typer.Exit:
    """The exit for a user's mistake: its message on stderr, status 2."""
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(2)


def guarded(command: F) -> F:
    """The CLI's one error boundary: a NewsgraphError becomes `fail`; a bug propagates."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NewsgraphError as exc:
            raise fail(exc) from exc

    return run  # type: ignore[return-value]


class App(typer.Typer):
    """A Typer app whose every command runs inside `guarded`."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:  # type: ignore[override]
        register = super().command(*args, **kwargs)

        def decorate(command: F) -> F:
            register(guarded(command))
            return command

        return decorate


HELP = """The `newsgraph` command: a thin Typer shell; each command calls one library function.

Results go to stdout; progress and problems to stderr. A NewsgraphError exits 2 without a traceback.
"""
app = App(no_args_is_help=True, add_completion=False, help=HELP)


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug details.")] = False,
) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr)


def report(error: ReadError) -> None:
    """on_error for the CLI: one line per bad record on stderr."""
    err.print(f"[yellow]{error}[/yellow]", highlight=False, soft_wrap=True)


class Skipped:
    """on_error that reports each bad record on stderr and counts them by reason."""

    def __init__(self) -> None:
        self.reasons: Counter[str] = Counter()

    def __call__(self, error: ReadError) -> None:
        self.reasons[error.reason] += 1
        report(error)

    def summary(self, kept: int) -> str:
        counts = ", ".join(f"{n} {reason}" for reason, n in self.reasons.most_common())
        return f"{kept} articles; {sum(self.reasons.values())} inputs skipped ({counts})"


def check_paths(paths: list[str]) -> None:
    """A path that does not exist is the user's mistake, not a bad record."""
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise NewsgraphError(f"no such file or directory: {', '.join(missing)}")


def with_progress(items: Iterable[T], what: str) -> list[T]:
    """All items, counted on a progress line on stderr while they come (on a terminal only)."""
    columns = (SpinnerColumn(), TextColumn(f"{{task.completed}} {what}"), TimeElapsedColumn())
    done: list[T] = []
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(what, total=None)
        for item in items:
            done.append(item)
            bar.advance(task)
    return done
