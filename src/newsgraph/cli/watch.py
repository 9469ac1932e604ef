"""`newsgraph watch`: follow feeds and sites; every politeness setting is an option, with its
default (the fetcher's `Politeness`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.main import app, err, report
from newsgraph.cli.options import (
    MAX_MB,
    MIB,
    ApostropheOption,
    ContactOption,
    DbOption,
    ModelOption,
    read_options,
    seconds,
)

SourcesArgument = Annotated[
    Path,
    typer.Argument(
        help="A file of feed and site URLs, one a line (`URL feed`, `URL site`; # comments), "
        "or a .toml file with a \\[\\[source]] table (url, kind, name) per source."
    ),
]


@app.command()
def watch(
    sources: SourcesArgument,
    *,
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Pause between two rounds: 90s, 15m, 1h.")] = "15m",
    rounds: Annotated[
        int | None,
        typer.Option(help="Stop after this many rounds. \\[default: until SIGTERM or Ctrl-C]"),
    ] = None,
    contact: ContactOption = None,
    delay: Annotated[
        float,
        typer.Option(
            help="Seconds between two requests to one host (its robots.txt Crawl-delay when "
            "longer). Requests go one at a time, so never two at once to a host."
        ),
    ] = 5.0,
    timeout: Annotated[
        float, typer.Option(help="Seconds for a whole response; a slower one is skipped.")
    ] = 30.0,
    max_mb: Annotated[
        float, typer.Option(help="Size limit of one response, MB: it is cut there and skipped.")
    ] = MAX_MB,
    max_redirects: Annotated[int, typer.Option(help="Redirects followed for one URL.")] = 5,
    retries: Annotated[
        int, typer.Option(help="Tries again after a 429 or 5xx, honouring Retry-After.")
    ] = 3,
    backoff: Annotated[
        float, typer.Option(help="Seconds before the first retry without Retry-After; doubles.")
    ] = 2.0,
    max_wait: Annotated[
        float, typer.Option(help="A longer Retry-After (seconds) skips the URL for this round.")
    ] = 300.0,
    allow: Annotated[
        list[str] | None,
        typer.Option(
            help="HOST:PORT that may be fetched although it is a loopback or private address "
            "(the sources' own origins are allowed; feed entries elsewhere never are). "
            "Repeatable. \\[default: none]"
        ),
    ] = None,
    warc_dir: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the WARC files. \\[default: beside the SQLite file: DB-warc/]"
        ),
    ] = None,
    refetch: Annotated[
        bool, typer.Option(help="Fetch article URLs already visited again.")
    ] = False,
    apostrophe_quotes: ApostropheOption = None,
    model: ModelOption = None,
) -> None:
    """Follow feeds and sites: every round polls each source (conditional GET), fetches the
    article URLs never read, extracts and stores them, and logs one line.

    Always: robots.txt obeyed; http and https only; no loopback or private address unless a
    source names it (or --allow); every response kept in a WARC file. SIGTERM or Ctrl-C stops
    after the current URL; run it again to resume.
    """
    from newsgraph.fetch.client import Politeness
    from newsgraph.fetch.watch import stop_on_signals
    from newsgraph.jobs import watch_sources

    politeness = Politeness(
        contact=contact,
        delay=delay,
        timeout=timeout,
        max_bytes=int(max_mb * MIB),
        max_redirects=max_redirects,
        retries=retries,
        backoff=backoff,
        max_wait=max_wait,
        allowed=frozenset(allow or ()),
    )
    options = read_options(apostrophe_quotes=apostrophe_quotes)
    pause = seconds(every, "--every")
    if contact is None:
        err.print("[yellow]no --contact: site owners cannot reach you; please set one[/yellow]")
    with stop_on_signals() as stop:
        done = watch_sources(
            sources,
            options,
            db=db,
            every=pause,
            rounds=rounds,
            politeness=politeness,
            warc_dir=warc_dir,
            refetch=refetch,
            model=model,
            stop=stop,
            on_round=lambda r: err.print(r.line(), highlight=False),
            on_error=report,
        )
    ending = "stopped" if done and done[-1].stopped else "done"
    err.print(f"{ending} after {len(done)} rounds", highlight=False)
