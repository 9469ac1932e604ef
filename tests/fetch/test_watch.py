"""`newsgraph watch` against a local site: rounds, conditional polls, reports, WARC provenance,
and a SIGTERM mid-round that a restart makes good."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastwarc.warc import ArchiveIterator
from sqlalchemy import select

from fetch.site import NewsSite
from fetch.test_client import polite
from newsgraph.errors import ReadError
from newsgraph.extract import extract_article
from newsgraph.fetch.sources import Source
from newsgraph.fetch.warc import WarcFiles
from newsgraph.fetch.watch import Watcher
from newsgraph.model import ExtractedArticle
from newsgraph.read.html import article_from_html
from newsgraph.store import open_store
from newsgraph.store.schema import TABLES

SRC = Path(__file__).resolve().parents[2] / "src"
LISTINGS = ["/world.xml", "/", "/feed.xml", "/news-sitemap.xml", "/sitemap-1.xml"]
# Columns that say when a run happened, not what it found: left out of "the same database".
VOLATILE = {"fetched_at", "last_poll", "warc_file", "warc_record", "warc_offset"}


def sources(site: NewsSite) -> list[Source]:
    return [Source(url=f"{site.base}/world.xml", kind="feed"), Source(url=f"{site.base}/")]


def sources_file(site: NewsSite, folder: Path) -> Path:
    path = folder / "sources.txt"
    path.write_text(f"# the local test site\n{site.base}/world.xml feed\n{site.base}/\n")
    return path


def records_only(article: Any) -> ExtractedArticle:
    return ExtractedArticle(article=article)


def test_a_first_round_stores_the_site_and_a_second_only_polls_conditionally(
    news_site: NewsSite, store, nlp, tmp_path: Path
) -> None:
    reported: list[ReadError] = []
    watcher = Watcher(
        sources(news_site),
        store,
        extract=lambda article: extract_article(article, nlp),
        politeness=polite(news_site),
        warc=WarcFiles(tmp_path / "warc"),
        on_error=reported.append,
    )
    first, second = watcher.run(every=0, rounds=2)
    assert (first.stored, first.robots, store.counts()["articles"]) == (20, 1, 20)
    assert (second.stored, second.not_modified) == (0, 2)
    assert second.pages == 1  # the slow page (a timeout) is tried again; nothing else
    polled = [s for s in news_site.seen if s.path in LISTINGS]
    assert [s.path for s in polled[5:]] == LISTINGS
    assert all("If-None-Match" in s.headers for s in polled[5:])
    pages = [p for p in news_site.paths() if p.startswith("/news/")]
    assert len(pages) == len(set(pages)) == 19  # no stored URL fetched again
    assert "/private/leak.html" not in news_site.paths() and news_site.hits == []
    bad = news_site.bad_urls()
    expected = {
        (url, reason.replace("refused-private", "refused-address")) for reason, url in bad.items()
    }
    assert {(e.source, e.reason) for e in reported} == expected
    assert {(e.source, e.reason) for e in store.errors()} == expected


def test_the_sources_table_counts_what_each_source_gave(
    news_site: NewsSite, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    watcher = Watcher(sources(news_site), store, extract=records_only, politeness=polite(news_site))
    watcher.run(every=0, rounds=1)
    site, world = store.sources()
    assert (world.kind, world.status, world.pages, world.stored) == ("feed", "ok", 9, 2)
    assert (world.errors, world.robots) == (6, 1)
    assert (site.kind, site.status, site.pages, site.stored, site.errors) == (
        "site",
        "ok",
        18,
        18,
        0,
    )
    problems = {v.outcome for v in store.source_problems(world.url)}
    assert problems == {
        "robots",
        "redirect-loop",
        "timeout",
        "too-large",
        "not-html",
        "refused-address",
    }
    store.close()


def test_the_warc_records_are_what_the_stored_articles_were_read_from(
    news_site: NewsSite, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    warc = WarcFiles(tmp_path / "warc")
    watcher = Watcher(
        sources(news_site), store, extract=records_only, politeness=polite(news_site), warc=warc
    )
    watcher.run(every=0, rounds=1)
    stored = store.articles(limit=100)
    assert len(stored) == 20
    for extracted in stored:
        article = extracted.article
        assert article.http_status == 200 and article.warc_file and article.fetched_at
        with (tmp_path / "warc" / article.warc_file).open("rb") as stream:
            stream.seek(article.warc_offset or 0)
            record = next(iter(ArchiveIterator(stream, parse_http=True)))
            payload = record.reader.read()
        assert record.record_id == article.warc_record
        assert record.headers["WARC-Target-URI"] == article.url == article.fetched_url
        assert record.http_headers.status_code == article.http_status
        warc_date = datetime.fromisoformat(record.headers["WARC-Date"].replace("Z", "+00:00"))
        assert warc_date == article.fetched_at
        again = article_from_html(payload, source="x", record=None, on_error=print)
        assert again is not None and again.text == article.text
    store.close()


def test_ingest_fetches_a_feed_s_entry_pages(news_site: NewsSite, tmp_path: Path) -> None:
    from newsgraph.jobs import ingest_paths

    db = tmp_path / "news.db"
    tally = ingest_paths([f"{news_site.base}/feed.xml"], db=str(db), politeness=polite(news_site))
    assert (tally.stored, tally.errors) == (10, 0)
    assert any((tmp_path / "news-warc").iterdir())
    store = open_store(str(db))
    assert all(a.article.http_status == 200 for a in store.articles())
    store.close()


def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, less the columns that only date the run."""
    store = open_store(url)
    with store.engine.connect() as conn:
        found = {
            t.name: sorted(
                tuple(repr(v) for k, v in row._mapping.items() if k not in VOLATILE)
                for row in conn.execute(select(t))
            )
            for t in TABLES
        }
    store.close()
    return found


def watch_command(site: NewsSite, folder: Path, db: str) -> list[str]:
    settings = ["--delay", "0.2", "--timeout", "1", "--max-mb", "1", "--backoff", "0.05"]
    return [
        sys.executable, "-m", "newsgraph", "watch", str(sources_file(site, folder)),
        "--db", db, "--rounds", "1", "--warc-dir", str(folder / "warc"), *settings,
    ]  # fmt: skip


def test_sigterm_mid_round_then_a_restart_gives_the_database_of_an_uninterrupted_run(
    news_site: NewsSite, new_store_url, nlp, tmp_path: Path
) -> None:
    stopped, whole = new_store_url(), new_store_url()
    env = {**os.environ, "PYTHONPATH": str(SRC), "NEWSGRAPH_CONTACT": "desk@example.org"}
    command = watch_command(news_site, tmp_path, stopped)
    store = open_store(stopped)  # migrated before the child starts
    child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 3:
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"watch ended or stalled before the signal (exit {child.returncode})")
        time.sleep(0.05)  # polling the row count, with the deadline above
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert "stopped after 1 rounds" in stderr
    assert 3 <= store.counts()["articles"] < 20
    store.close()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    uninterrupted = open_store(whole)
    politeness = polite(news_site, delay=0.2)
    Watcher(
        sources(news_site),
        uninterrupted,
        extract=lambda article: extract_article(article, nlp),
        politeness=politeness,
        warc=WarcFiles(tmp_path / "warc-whole"),
    ).run(every=0, rounds=1)
    uninterrupted.close()
    resumed, expected = contents(stopped), contents(whole)
    assert len(expected["articles"]) == 20
    assert resumed == expected


def test_ingest_reads_files_and_urls_through_the_one_door(
    news_site: NewsSite, tmp_path: Path
) -> None:
    from fetch.site import pages
    from newsgraph.jobs import read_inputs

    page = pages()[0]
    reported: list[ReadError] = []
    read = read_inputs(
        [page, f"{news_site.base}/news/{page.stem}.html"],
        on_error=reported.append,
        db=str(tmp_path / "news.db"),
        politeness=polite(news_site),
    )
    articles = list(read)
    assert len(articles) == 1 and articles[0].fetched_url is None  # the file came first
    assert [e.reason for e in reported] == ["duplicate"]  # the page: the same text, screened
