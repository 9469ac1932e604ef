"""`newsgraph export`: every table as JSONL, CSV or Parquet; quotes, contested figures as JSON-LD;
`datasette`: the `metadata.json` Datasette reads beside the SQLite file (`store/datasette.py`).

Tables stream row by row (Parquet in row groups), so exporting does not grow with the database.
JSON-LD: quotes as schema.org `Quotation`, contested figures as `ClaimReview` skeletons a
fact-checker completes (the `reviewRating` is theirs to give, so it is left out).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Date, Float, Integer, LargeBinary, Table

from newsgraph.errors import NewsgraphError
from newsgraph.store import SqlStore
from newsgraph.store.datasette import datasette_metadata
from newsgraph.store.schema import TABLES

FORMATS = ("jsonl", "csv", "parquet", "jsonld", "datasette")
ROW_GROUP = 10_000


def plain(value: Any) -> Any:
    """A cell as JSON or CSV shows it: dates in ISO form, binary as hex."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_jsonl(store: SqlStore, table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in store.rows(table.name):
            out.write(json.dumps({k: plain(v) for k, v in row.items()}, ensure_ascii=False))
            out.write("\n")


def write_csv(store: SqlStore, table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[c.name for c in table.columns])
        writer.writeheader()
        for row in store.rows(table.name):
            writer.writerow({k: plain(v) for k, v in row.items()})


def arrow_type(column: Any) -> pa.DataType:
    kinds: list[tuple[type, pa.DataType]] = [
        (Integer, pa.int64()),
        (Float, pa.float64()),
        (Date, pa.date32()),
        (LargeBinary, pa.binary()),
    ]
    for kind, arrow in kinds:
        if isinstance(column.type, kind):
            return arrow
    return pa.string()


def write_parquet(store: SqlStore, table: Table, path: Path) -> None:
    schema = pa.schema([(c.name, arrow_type(c)) for c in table.columns])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in store.rows(table.name):
            batch.append(row)
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


# --- JSON-LD ------------------------------------------------------------------------------------


def news_article(article: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"urn:newsgraph:article:{article['hash']}",
        "identifier": article["id"],
        "headline": article["title"],
        "url": article["url"],
        "datePublished": plain(article["published"]),
        "publisher": {"@type": "Organization", "name": article["outlet"]}
        if article["outlet"]
        else None,
        "author": {"@type": "Person", "name": article["author"]} if article["author"] else None,
    }
    return {k: v for k, v in node.items() if v is not None}


def quotation(quote: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Quotation",
        "@id": f"urn:newsgraph:quote:{quote['key']}",
        "text": quote["text"],
        "creator": {"@type": "Thing", "name": quote["speaker"]} if quote["speaker"] else None,
        "isPartOf": news_article(article),
        "position": quote["start"],  # character offset of the quote in the article text
        "additionalType": quote["kind"],
    }
    return {k: v for k, v in node.items() if v is not None}


def claim_review(figure: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    source = json.loads(figure["source"]) if figure["source"] else None
    claim: dict[str, Any] = {
        "@type": "Claim",
        "text": figure["text"],
        "about": figure["what"],
        "author": {"@type": "Thing", "name": source["name"]} if source else None,
        "appearance": news_article(article),
        "datePublished": plain(article["published"]),
    }
    return {
        "@type": "ClaimReview",
        "@id": f"urn:newsgraph:figure:{figure['article_hash']}:{figure['id']}",
        "claimReviewed": figure["text"],
        "itemReviewed": {k: v for k, v in claim.items() if v is not None},
        "url": article["url"],
    }


def joined(
    store: SqlStore, table: str, keep: Callable[[dict[str, Any]], bool]
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(record, its article) for every kept row of `table`: both streams are in hash order."""
    records = (r for r in store.rows(table) if keep(r))
    by_article = groupby(records, key=lambda r: r["article_hash"])
    current = next(by_article, None)
    for article in store.rows("articles"):
        while current is not None and current[0] < article["hash"]:
            current = next(by_article, None)  # an orphan record: cannot happen with FKs
        if current is not None and current[0] == article["hash"]:
            for record in current[1]:
                yield record, article
            current = next(by_article, None)


def write_graph(out: TextIO, nodes: Iterator[dict[str, Any]]) -> int:
    """A JSON-LD document `{"@context", "@graph": [...]}`, written node by node."""
    out.write('{"@context": "https://schema.org", "@graph": [\n')
    count = 0
    for node in nodes:
        out.write((",\n" if count else "") + json.dumps(node, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_jsonld(store: SqlStore, out_dir: Path) -> list[Path]:
    quotes_path, figures_path = out_dir / "quotes.jsonld", out_dir / "figures.jsonld"
    with quotes_path.open("w", encoding="utf-8") as out:
        pairs = joined(store, "quotes", lambda q: q["copy_of"] is None)
        write_graph(out, (quotation(q, a) for q, a in pairs))
    with figures_path.open("w", encoding="utf-8") as out:
        pairs = joined(store, "figures", lambda f: f["copy_of"] is None and f["contests"] != "[]")
        write_graph(out, (claim_review(f, a) for f, a in pairs))
    return [quotes_path, figures_path]


def write_datasette(store: SqlStore, out_dir: Path) -> Path:
    """`metadata.json` for `datasette FILE.db -m metadata.json` (SQLite only: Datasette reads
    SQLite files)."""
    database = store.engine.url.database
    if store.engine.dialect.name != "sqlite" or not database:
        raise NewsgraphError("--format datasette needs an SQLite database (--db FILE.db)")
    path = out_dir / "metadata.json"
    metadata = datasette_metadata(Path(database).stem)
    path.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}


def export(store: SqlStore, fmt: str, out_dir: Path) -> list[Path]:
    """Write the database to `out_dir` in `fmt`; returns the files written."""
    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonld":
        return write_jsonld(store, out_dir)
    if fmt == "datasette":
        return [write_datasette(store, out_dir)]
    written = []
    for table in TABLES:
        path = out_dir / f"{table.name}.{fmt}"
        WRITERS[fmt](store, table, path)
        written.append(path)
    return written


def export_db(db: str | None, fmt: str, out_dir: Path) -> list[Path]:
    """`newsgraph export`: open the database at `db` and export it."""
    from newsgraph.store import existing, open_store

    store = open_store(existing(db))
    try:
        return export(store, fmt, out_dir)
    finally:
        store.close()
