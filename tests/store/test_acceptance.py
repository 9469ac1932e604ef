"""The issue's acceptance on the sample corpus (examples/): real readers, real extraction."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsgraph.jobs import ingest_paths
from newsgraph.store import open_store

from .make import SRC

EXAMPLES = SRC.parent / "examples"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample corpus ingested into an SQLite file, once for this module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'newsgraph.db'}"
    ingest_paths([EXAMPLES], db=url)
    return url


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )


def test_ingesting_the_samples_again_changes_no_count(sample_db: str) -> None:
    store = open_store(sample_db)
    before = store.counts()
    store.close()
    tally = ingest_paths([EXAMPLES], db=sample_db)
    store = open_store(sample_db)
    assert tally.stored == 0 and store.counts() == before
    assert before["articles"] > 10 and before["quotes"] > 0
    store.close()


def test_blinkens_quotes_come_with_article_date_and_span(sample_db: str) -> None:
    rows = json.loads(
        newsgraph("quotes", "--speaker", "Blinken", "--db", sample_db, "--output", "json").stdout
    )
    text = (EXAMPLES / "medialine_blinken.txt").read_text(encoding="utf-8")
    assert len(rows) >= 3
    for row in rows:
        assert row["article"].startswith("medialine_blinken")
        assert "published" in row and row["end"] > row["start"]
        assert row["quote"] in text


def test_netanyahu_is_one_entity(sample_db: str) -> None:
    found = json.loads(newsgraph("entity", "Netanyahu", "--db", sample_db).stdout)
    assert found["others"] == []
    assert "Netanyahu" in found["name"]
    assert found["quotes"], "his quotes in the reference article are linked to him"
