"""The SOURCES file of `newsgraph watch`: the feeds and sites to follow.

Either plain text, one URL a line (`#` starts a comment; a word after the URL, `feed` or `site`,
says what it is), or TOML (a `.toml` file) with a `[[source]]` table per source:

    [[source]]
    url = "https://www.theguardian.com/world/rss"
    kind = "feed"            # "feed", "site" or "auto" (the default: decided by what it serves)
    name = "The Guardian, world"

A feed is polled for its entries; a site's front page for the feeds it links to, and its
sitemaps (from robots.txt, else /sitemap.xml) for its pages.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.fetch.address import SCHEMES, normalise_url

KINDS = ("auto", "feed", "site")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One feed or site to follow; `url` normalised."""

    url: str
    kind: str = "auto"  # one of KINDS
    name: str | None = None


def make_source(url: str, kind: str = "auto", name: str | None = None, *, where: str) -> Source:
    if kind not in KINDS:
        raise NewsgraphError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if url.split("://")[0].lower() not in SCHEMES or "://" not in url:
        raise NewsgraphError(f"{where}: {url!r} is not an http:// or https:// URL")
    return Source(url=normalise_url(url), kind=kind, name=name)


def read_sources(path: Path) -> list[Source]:
    """The sources a file lists, in its order, each once; a bad line is the user's mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsgraphError(f"cannot read the sources file {path}: {exc}") from exc
    sources = toml_sources(text, path) if path.suffix == ".toml" else line_sources(text, path)
    if not sources:
        raise NewsgraphError(f"{path} lists no sources: write one feed or site URL a line")
    unique = {s.url: s for s in reversed(sources)}
    return [unique[u] for u in dict.fromkeys(s.url for s in sources)]


def line_sources(text: str, path: Path) -> list[Source]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) > 2:
            raise NewsgraphError(f"{path}:{number}: write a URL and at most a kind (feed, site)")
        found.append(make_source(*words, where=f"{path}:{number}"))
    return found


def toml_sources(text: str, path: Path) -> list[Source]:
    try:
        tables = tomllib.loads(text).get("source", [])
    except tomllib.TOMLDecodeError as exc:
        raise NewsgraphError(f"{path}: not valid TOML: {exc}") from exc
    found = []
    for number, table in enumerate(tables, start=1):
        where = f"{path}: source {number}"
        if not isinstance(table, dict) or not isinstance(table.get("url"), str):
            raise NewsgraphError(f'{where}: each [[source]] needs url = "https://..."')
        unknown = set(table) - {"url", "kind", "name"}
        if unknown:
            raise NewsgraphError(f"{where}: unknown settings {sorted(unknown)}")
        found.append(
            make_source(table["url"], table.get("kind", "auto"), table.get("name"), where=where)
        )
    return found
