"""`newsgraph ingest` end to end: real extraction, idempotent reruns, a SIGKILL mid-run."""

from __future__ import annotations

import json
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

from .make import SHARED, SRC, write_corpus

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


def ingest_command(corpus: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", url]


def test_an_ingest_killed_mid_run_then_rerun_equals_an_uninterrupted_one(
    new_store_url, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24)
    killed, whole = new_store_url(), new_store_url()
    store = open_store(killed)  # migrated before the child starts: no race over the schema
    child = subprocess.Popen(ingest_command(corpus, killed), env=ENV, stderr=subprocess.DEVNULL)
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
    subprocess.run(ingest_command(corpus, killed), env=ENV, check=True, capture_output=True)
    ingest_paths([corpus], db=whole)  # the same job, uninterrupted, in this process
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


def shortest_articles(folder: Path, articles: int) -> Path:
    """A folder with one JSONL file of the `articles` shortest Wikinews samples."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = (SHARED / "samples" / "wikinews_en.jsonl").read_text(encoding="utf-8").splitlines()
    rows = sorted((json.loads(line) for line in lines), key=lambda r: (len(r["text"]), r["id"]))
    body = "".join(json.dumps(r) + "\n" for r in rows[:articles])
    (folder / "wikinews.jsonl").write_text(body, encoding="utf-8")
    return folder


def test_two_workers_killed_mid_run_then_rerun_store_what_one_worker_stores(
    tmp_path: Path, nlp: Any
) -> None:
    """Extraction in worker processes changes nothing the one writer stores (SQLite: the writer
    is the same code on PostgreSQL, killed there by the test above)."""
    corpus = shortest_articles(tmp_path / "corpus", 8)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    ingest_paths([corpus], db=one, workers=1, nlp=nlp)
    store = open_store(two)
    command = [*ingest_command(corpus, two), "--workers", "2"]
    child = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 1:
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"ingest ended or stalled before the kill (exit {child.returncode})")
        time.sleep(0.01)  # polling the row count, with the deadline above
    child.send_signal(signal.SIGKILL)
    child.wait()
    stored = store.counts()["articles"]
    store.close()
    assert 1 <= stored < 8, "the kill came after the run ended"
    rerun = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True)
    assert "articles/s" in rerun.stderr and "⠋" not in rerun.stderr  # a rate, no spinner
    assert contents(two) == contents(one)
    assert len(contents(one)["articles"]) == 8
