"""The SQLite file as Datasette reads it (issue 17, item 7): search tables it detects, kept in
step with their tables by triggers on every write path, and the `metadata.json` newsgraph writes
(hidden bookkeeping, descriptions, canned queries that run).

Datasette is not a dependency of newsgraph (it is not in the lock), so the detection runs
Datasette's own introspection query, `datasette.utils.detect_fts_sql` (0.65), on the file; where
Datasette happens to be installed, its function is asked too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.export import export
from newsgraph.store import open_store
from newsgraph.store.datasette import HIDDEN, QUERIES, SEARCH

# datasette/utils/__init__.py, detect_fts_sql(table), as Datasette 0.65 runs it on startup
DETECT_FTS_SQL = r"""
    select name from sqlite_master
        where rootpage = 0
        and (
            sql like '%VIRTUAL TABLE%USING FTS%content="{table}"%'
            or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
            or (
                tbl_name = "{table}"
                and sql like '%VIRTUAL TABLE%USING FTS%'
            )
        )
"""


@pytest.fixture
def copied(web_db: str, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A copy of the web fixture's database (real ingestion of the examples), opened read-write."""
    source = sqlite3.connect(web_db)
    conn = sqlite3.connect(tmp_path / "newsgraph.db")
    source.backup(
        conn
    )  # the file with what its WAL still holds (a copy of the file alone lacks it)
    source.close()
    yield conn
    conn.close()


@pytest.mark.parametrize("table", sorted(SEARCH))
def test_datasette_detects_the_search_table_of_quotes_and_articles(
    copied: sqlite3.Connection, table: str
) -> None:
    found = [name for (name,) in copied.execute(DETECT_FTS_SQL.format(table=table))]
    assert found == [SEARCH[table]]
    try:
        from datasette.utils import detect_fts  # type: ignore[import-not-found]
    except ImportError:
        return  # not installed here: the query above is its introspection
    assert detect_fts(copied, table) == SEARCH[table]


@pytest.mark.parametrize("table", sorted(SEARCH))
def test_a_search_through_rowids_finds_what_the_store_finds(
    web_db: str, copied: sqlite3.Connection, table: str
) -> None:
    """What Datasette's `?_search=` runs: `rowid in (select rowid from FTS where FTS match ...)`;
    the store lists every matching article, and the matching quotes less wire copies and
    repeated quotes."""
    fts = SEARCH[table]
    [(found,)] = copied.execute(
        f"select count(*) from {table} where rowid in "
        f"(select rowid from {fts} where {fts} match 'said')"
    )
    store = open_store(web_db)
    try:
        listed = store.page(table, search="said", limit=1).total
    finally:
        store.close()
    assert (found == listed if table == "articles" else found >= listed) and listed > 0


@pytest.mark.parametrize("table", sorted(SEARCH))
def test_the_search_index_holds_exactly_its_tables_rows(
    copied: sqlite3.Connection, table: str
) -> None:
    fts = SEARCH[table]
    copied.execute(f"insert into {fts} ({fts}, rank) values ('integrity-check', 1)")  # raises
    [(indexed,)] = copied.execute(f"select count(*) from {fts}_docsize")
    [(rows,)] = copied.execute(f"select count(*) from {table}")
    assert indexed == rows > 0


def test_deleting_and_editing_a_quote_keeps_the_index_in_step(copied: sqlite3.Connection) -> None:
    [(rowid,)] = copied.execute("select rowid from quotes limit 1")
    copied.execute("update quotes set text = 'zyxwvut marmalade' where rowid = ?", (rowid,))
    hits = copied.execute("select rowid from quotes_fts where quotes_fts match 'zyxwvut'")
    assert [r for (r,) in hits] == [rowid]
    copied.execute("delete from quotes where rowid = ?", (rowid,))
    assert not copied.execute(
        "select 1 from quotes_fts where quotes_fts match 'zyxwvut'"
    ).fetchall()
    copied.execute(
        "insert into quotes_fts (quotes_fts, rank) values ('integrity-check', 1)"
    )  # raises


def test_the_metadata_hides_bookkeeping_and_describes_every_table(
    web_db: str, tmp_path: Path
) -> None:
    store = open_store(web_db)
    try:
        [path] = export(store, "datasette", tmp_path)
    finally:
        store.close()
    metadata = json.loads(path.read_text(encoding="utf-8"))
    database = Path(web_db).stem
    tables = metadata["databases"][database]["tables"]
    assert all(tables[name] == {"hidden": True} for name in HIDDEN)
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert tables["articles"]["fts_table"] == "articles_fts"
    conn = sqlite3.connect(web_db)
    try:
        names = {n for (n,) in conn.execute("select name from sqlite_master where type='table'")}
    finally:
        conn.close()
    shown = {n for n in names if not n.startswith(("sqlite_", "quotes_fts", "articles_fts"))}
    assert shown - set(HIDDEN) <= {n for n, t in tables.items() if t.get("description")}
    assert set(metadata["databases"][database]["queries"]) == set(QUERIES)


def test_every_canned_query_runs_and_answers(web_db: str, copied: sqlite3.Connection) -> None:
    store = open_store(web_db)
    try:
        speaker, quoted = next(iter(store.speakers(limit=1)))
    finally:
        store.close()
    answers = {
        name: copied.execute(query["sql"], {"speaker": speaker}).fetchall()
        for name, query in QUERIES.items()
    }
    assert len(answers["quotes_by_speaker"]) >= quoted > 0
    [(meetings,)] = copied.execute(
        "select count(*) from events where type = 'CONSULT' and date is not null"
    )
    assert sum(row[1] for row in answers["meetings_by_month"]) == meetings
    [(contested,)] = copied.execute(
        "select count(*) from figures where contests != '[]' and copy_of is null"
    )
    assert len(answers["contested_figures"]) == contested


def test_a_database_from_before_is_migrated_to_the_searchable_tables(
    copied: sqlite3.Connection, tmp_path: Path
) -> None:
    """0011's standalone FTS tables, filled, become 0012's external-content ones, search intact."""
    from alembic import command
    from sqlalchemy import create_engine

    from newsgraph.store.migrate import config

    before = copied.execute("select count(*) from quotes_fts where quotes_fts match 'said'")
    [(said,)] = before.fetchall()
    copied.close()
    engine = create_engine(f"sqlite:///{tmp_path / 'newsgraph.db'}")
    with engine.begin() as conn:
        command.downgrade(config(conn), "0011")
        [(old,)] = conn.exec_driver_sql(
            "select count(*) from quotes_fts where quotes_fts match 'said'"
        ).fetchall()
        assert (
            "content="
            not in conn.exec_driver_sql(
                "select sql from sqlite_master where name = 'quotes_fts'"
            ).scalar_one()
        )
        command.upgrade(config(conn), "head")
        [(new,)] = conn.exec_driver_sql(
            "select count(*) from quotes_fts where quotes_fts match 'said'"
        ).fetchall()
    engine.dispose()
    assert said == old == new > 0
