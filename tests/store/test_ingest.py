"""`newsgraph ingest` end to end: real extraction, idempotent reruns, a SIGKILL mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from newsgraph.jobs import ingest_paths
from newsgraph.read import ReadOptions
from newsgraph.store import open_store
from newsgraph.store.schema import TABLES

from .make import SRC, write_corpus

ENV = {**os.environ, "PYTHONPATH": str(SRC)}


def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (and SQLite's full-text tables), in a stable order."""
    store = open_store(url)
    with store.engine.connect() as conn:
        found = {
            t.name: sorted(tuple(map(repr, row)) for row in conn.execute(select(t))) for t in TABLES
        }
        if store.dialect == "sqlite":
            for fts in ("quotes_fts", "articles_fts"):
                rows = conn.execute(text(f"SELECT * FROM {fts}"))
                found[fts] = sorted(tuple(map(repr, row)) for row in rows)
    store.close()
    return found


def test_ingesting_the_corpus_twice_changes_no_row(store_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 8)
    first = ingest_paths([corpus], ReadOptions(published=date(2021, 5, 25)), db=store_url)
    before = contents(store_url)
    second = ingest_paths([corpus], ReadOptions(published=date(2021, 5, 25)), db=store_url)
    assert (first.articles, first.stored, first.errors) == (9, 9, 1)
    assert (second.articles, second.stored) == (9, 0)
    assert contents(store_url) == before
    store = open_store(store_url)
    assert [(e.reason, e.record) for e in store.errors()] == [("malformed", "line 9")]
    assert store.counts()["articles"] == 9
    store.close()


def ingest_command(corpus: Path, url: str, workers: int = 1) -> list[str]:
    command = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", url]
    return [*command, "--workers", str(workers)]


def test_an_ingest_killed_mid_run_then_rerun_equals_an_uninterrupted_one(
    new_store_url, tmp_path: Path
) -> None:
    """Two extracting workers, killed with their writer and rerun, give the database of one
    worker in one uninterrupted run: the writer keeps input order whatever the workers do."""
    corpus = write_corpus(tmp_path / "corpus", 24)
    killed, whole = new_store_url(), new_store_url()
    store = open_store(killed)  # migrated before the child starts: no race over the schema
    command = ingest_command(corpus, killed, workers=2)
    child = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 3:
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"ingest ended or stalled before the kill (exit {child.returncode})")
        time.sleep(0.02)  # polling the row count, with the deadline above
    child.send_signal(signal.SIGKILL)
    child.wait()
    stored = store.counts()["articles"]
    store.close()
    assert child.returncode == -signal.SIGKILL
    assert 3 <= stored < 25, "the kill came after the run ended: give it more input"
    rerun = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True)
    assert "articles/s" in rerun.stderr and "⠋" not in rerun.stderr  # a rate, no spinner
    ingest_paths([corpus], db=whole, workers=1)  # the same job, uninterrupted, in this process
    resumed, uninterrupted = contents(killed), contents(whole)
    assert len(uninterrupted["articles"]) == 25
    assert resumed == uninterrupted


def test_a_bad_db_url_exits_2_with_advice_and_no_traceback(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 1)
    result = subprocess.run(
        ingest_command(corpus, "mysql://user@host/db"), env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "only SQLite and PostgreSQL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_small_job_is_extracted_here_whatever_the_workers_asked(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.jobs

    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started for a job of two articles")

    monkeypatch.setattr(newsgraph.jobs, "ExtractionPool", no_pool)
    corpus = write_corpus(tmp_path / "corpus", 1)  # one Wikinews article and the reference
    tally = ingest_paths([corpus], db=str(tmp_path / "small.db"), workers=2, nlp=nlp)
    assert (tally.stored, tally.errors) == (2, 1)
