"""Export: every table as JSONL, CSV and Parquet; quotes and contested figures as JSON-LD."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.export import export
from newsgraph.model import Entity, ExtractedArticle, Figure, Mention, Provenance
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


def test_quotes_are_schema_org_quotations_by_a_person(filled, tmp_path: Path) -> None:
    export(filled, "jsonld", tmp_path)
    document = json.loads((tmp_path / "quotes.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    [quote] = document["@graph"]
    assert (quote["@type"], quote["genre"]) == ("Quotation", "direct")
    creator = quote["creator"]
    assert (creator["@type"], creator["name"]) == ("Person", "Marit Voss")
    assert creator["@id"].startswith("urn:newsgraph:entity:")
    assert quote["identifier"]["propertyID"] == "newsgraph:span"
    start, end = map(int, quote["identifier"]["value"].split("-"))
    assert STORY[start:end] == quote["text"]
    assert "position" not in quote and "additionalType" not in quote  # misused before (B21)
    assert quote["isPartOf"]["@type"] == "NewsArticle"
    assert quote["isPartOf"]["datePublished"] == "2023-03-14"


def in_sentences(extracted: ExtractedArticle) -> ExtractedArticle:
    """The story cut into its sentences, each figure pointing at its own."""
    bounds = tuple((m.start(), m.end()) for m in re.finditer(r"[^.]+\.", STORY))

    def placed(record: Figure) -> Figure:
        index = next(i for i, (s, e) in enumerate(bounds) if s <= record.prov.start < e)
        return replace(record, prov=replace(record.prov, sentence=index))

    return replace(extracted, sentences=bounds, figures=tuple(placed(f) for f in extracted.figures))


def test_an_indirect_quote_is_a_claim_and_an_organisation_says_it_as_one(
    store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    base = story()
    said = "the commission would rally support for reconstruction"
    start = STORY.index(said)
    police = Entity(
        id="e2",
        name="Ruritanian police",
        label="ORG",
        mentions=(
            Mention(
                text="Ruritanian police",
                label="ORG",
                kind="name",
                prov=Provenance(
                    article_id=base.article.id,
                    sentence=0,
                    start=STORY.index("Ruritanian police"),
                    end=STORY.index("Ruritanian police") + len("Ruritanian police"),
                ),
            ),
        ),
    )
    reported = replace(
        base.quotes[0],
        id="q1",
        text=said,
        kind="indirect",
        speaker="Ruritanian police",
        speaker_entity="e2",
        prov=replace(base.quotes[0].prov, start=start, end=start + len(said)),
    )
    store.put(replace(base, entities=(*base.entities, police), quotes=(*base.quotes, reported)))
    export(store, "jsonld", tmp_path)
    graph = json.loads((tmp_path / "quotes.jsonld").read_text(encoding="utf-8"))["@graph"]
    by_kind = {node["genre"]: node for node in graph}
    assert by_kind["direct"]["@type"] == "Quotation"
    claim = by_kind["indirect"]
    assert claim["@type"] == "Claim" and claim["text"] == said
    assert (claim["creator"]["@type"], claim["creator"]["name"]) == (
        "Organization",
        "Ruritanian police",
    )
    assert claim["appearance"]["@type"] == "NewsArticle" and "isPartOf" not in claim


def test_contested_figures_are_claim_reviews_of_their_sentences_against_each_other(
    store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store.put(in_sentences(story()))
    export(store, "jsonld", tmp_path)
    graph = json.loads((tmp_path / "figures.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert [node["@type"] for node in graph] == ["ClaimReview", "ClaimReview"]
    sentence = next(s.strip() + "." for s in STORY.split(".") if "at least 248" in s)
    by_figure = {node["itemReviewed"]["name"]: node for node in graph}
    assert set(by_figure) == {"at least 248 people", "about 200"}
    injured = by_figure["at least 248 people"]
    assert injured["claimReviewed"] == sentence == injured["itemReviewed"]["text"]
    assert injured["itemReviewed"]["@type"] == "Claim"
    assert [r["name"] for r in injured["isBasedOn"]] == ["about 200"]  # the competing figure
    assert injured["isBasedOn"][0]["@type"] == "Claim"
    assert all("reviewRating" not in node and "url" not in node for node in graph)


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
