"""Export: every table as JSONL, CSV and Parquet; quotes and contested figures as JSON-LD."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.export import export
from newsgraph.store.schema import TABLES
from store.make import STORY, story


@pytest.fixture
def filled(store):  # type: ignore[no-untyped-def]
    store.put(story())
    store.put_error(ReadError("feed.xml", "entry 2", "no-text"))
    return store


def test_parquet_has_every_table_with_every_row(filled, tmp_path: Path) -> None:
    written = export(filled, "parquet", tmp_path)
    counts = filled.counts()
    assert sorted(p.name for p in written) == sorted(f"{t.name}.parquet" for t in TABLES)
    for table in TABLES:
        read = pq.read_table(tmp_path / f"{table.name}.parquet")
        assert read.num_rows == counts[table.name], table.name
        assert read.column_names == [c.name for c in table.columns]
    articles = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    assert articles[0]["text"] == STORY and str(articles[0]["published"]) == "2023-03-14"


def test_jsonl_and_csv_hold_the_same_rows(filled, tmp_path: Path) -> None:
    export(filled, "jsonl", tmp_path / "jsonl")
    export(filled, "csv", tmp_path / "csv")
    lines = (tmp_path / "jsonl" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    with (tmp_path / "csv" / "quotes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [json.loads(line)["text"] for line in lines] == [r["text"] for r in rows]
    assert len(rows) == 1 and rows[0]["speaker"] == "Marit Voss"
    error = json.loads((tmp_path / "jsonl" / "errors.jsonl").read_text(encoding="utf-8"))
    assert (error["file"], error["reason"]) == ("feed.xml", "no-text")


def test_quotes_are_schema_org_quotations(filled, tmp_path: Path) -> None:
    export(filled, "jsonld", tmp_path)
    document = json.loads((tmp_path / "quotes.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    [quote] = document["@graph"]
    assert quote["@type"] == "Quotation"
    assert quote["creator"]["name"] == "Marit Voss"
    assert quote["text"] == STORY[quote["position"] : quote["position"] + len(quote["text"])]
    assert quote["isPartOf"]["@type"] == "NewsArticle"
    assert quote["isPartOf"]["datePublished"] == "2023-03-14"


def test_contested_figures_are_claim_reviews_to_complete(filled, tmp_path: Path) -> None:
    export(filled, "jsonld", tmp_path)
    graph = json.loads((tmp_path / "figures.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert [node["@type"] for node in graph] == ["ClaimReview", "ClaimReview"]
    assert {node["claimReviewed"] for node in graph} == {"at least 248 people", "about 200"}
    assert all(node["itemReviewed"]["@type"] == "Claim" for node in graph)
    assert all("reviewRating" not in node for node in graph)


def test_an_unknown_format_says_which_there_are(filled, tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="jsonl, csv, parquet, jsonld"):
        export(filled, "xml", tmp_path)


def test_the_sqlite_file_reads_as_plain_tables_as_datasette_reads_it(tmp_path: Path) -> None:
    import sqlite3

    from newsgraph.store import open_store

    path = tmp_path / "newsgraph.db"
    store = open_store(str(path))
    store.put(story())
    store.close()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # what `datasette FILE` does
    names = [n for (n,) in reader.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert {t.name for t in TABLES} <= set(names)
    assert {"quotes_fts", "articles_fts"} <= set(names)
    for name in names:
        reader.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
    [(said,)] = reader.execute("SELECT text FROM quotes_fts WHERE quotes_fts MATCH 'rebuild'")
    assert said.startswith("\u201cWe are determined")
    reader.close()
