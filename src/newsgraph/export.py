"""`newsgraph export`: every table as JSONL, CSV or Parquet; quotes, contested figures as JSON-LD;
`datasette`: the `metadata.json` Datasette reads beside the SQLite file (`store/datasette.py`).

Tables stream row by row (Parquet in row groups), so exporting does not grow with the database.
JSON-LD: direct and mixed quotes as schema.org `Quotation`s, indirect ones as `Claim`s, each by a
`Person` or `Organization` `creator`; contested figures as `ClaimReview` skeletons a fact-checker
completes: the claim sentence, its source, and the competing figures (the rating, the reviewer
and the review's date are theirs to give, so they are left out).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
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


VERBATIM = {"direct", "mixed"}  # kinds that hold the speaker's own words, at least in part


def agent(entity: dict[str, Any] | None, name: str | None) -> dict[str, Any] | None:
    """Who said it, as schema.org has a `creator`: a Person, or an Organization for any other
    speaker (a government, a ministry, a country speaking through its officials), keyed by the
    merged entity; None when the name was resolved to no entity (its type is unknown)."""
    if entity is None:
        return None
    return {
        "@type": "Person" if entity["label"] == "PERSON" else "Organization",
        "@id": f"urn:newsgraph:entity:{entity['entity_id']}",
        "name": name or entity["name"],
    }


def span(record: dict[str, Any]) -> dict[str, Any]:
    """A record's character offsets in its article's text (`start`-`end`, end exclusive)."""
    return {
        "@type": "PropertyValue",
        "propertyID": "newsgraph:span",
        "value": f"{record['start']}-{record['end']}",
    }


def quotation(
    quote: dict[str, Any], article: dict[str, Any], entities: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """A direct or mixed quote as a `Quotation`; an indirect one (reported speech, not the
    speaker's words) as a `Claim` made by its speaker, appearing in the article."""
    verbatim = quote["kind"] in VERBATIM
    node: dict[str, Any] = {
        "@type": "Quotation" if verbatim else "Claim",
        "@id": f"urn:newsgraph:quote:{quote['key']}",
        "text": quote["text"],
        "creator": agent(entities.get(quote["speaker_entity"] or ""), quote["speaker"]),
        "isPartOf" if verbatim else "appearance": news_article(article),
        "genre": quote["kind"],  # direct, mixed or indirect, as newsgraph tells them apart
        "identifier": span(quote),
    }
    return {k: v for k, v in node.items() if v is not None}


def sentence_of(article: dict[str, Any], record: dict[str, Any]) -> str:
    """The sentence a record stands in, or the record's own text when it has none."""
    bounds = json.loads(article["sentences"])
    index = record["sentence"]
    if index is None or not 0 <= index < len(bounds):
        return str(record["text"])
    start, end = bounds[index]
    return str(article["text"][start:end]).strip()


def figure_claim(
    figure: dict[str, Any], article: dict[str, Any], entities: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """A figure as the `Claim` of its sentence, by its source, naming the number claimed."""
    source = json.loads(figure["source"]) if figure["source"] else None
    author = agent(entities.get(source.get("entity") or ""), source["name"]) if source else None
    claim: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"urn:newsgraph:figure:{figure['article_hash']}:{figure['id']}",
        "name": figure["text"],
        "text": sentence_of(article, figure),
        "about": figure["what"],
        "author": author,
        "appearance": news_article(article),
        "datePublished": plain(article["published"]),
        "identifier": span(figure),
    }
    return {k: v for k, v in claim.items() if v is not None}


def claim_review(
    figure: dict[str, Any],
    article: dict[str, Any],
    entities: dict[str, dict[str, Any]],
    rivals: list[Rival],
) -> dict[str, Any]:
    """A skeleton for a fact-checker: the claim sentence reviewed, and the figures that compete
    with it (`isBasedOn`), each with its own article; the rating, author and date are the
    reviewer's, so they are left out."""
    claim = figure_claim(figure, article, entities)
    return {
        "@type": "ClaimReview",
        "@id": f"urn:newsgraph:review:{figure['article_hash']}:{figure['id']}",
        "claimReviewed": claim["text"],
        "itemReviewed": claim,
        "isBasedOn": [figure_claim(*rival) for rival in rivals],
    }


class ByArticle:
    """A table's rows in article-hash order (as `store.rows` gives them), an article at a time."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.groups = groupby(rows, key=lambda r: r["article_hash"])
        self.current = next(self.groups, None)

    def take(self, article_hash: str) -> list[dict[str, Any]]:
        """The rows of this article; articles before it are skipped (call in hash order)."""
        while self.current is not None and self.current[0] < article_hash:
            self.current = next(self.groups, None)  # an orphan record: cannot happen with FKs
        if self.current is None or self.current[0] != article_hash:
            return []
        found = list(self.current[1])
        self.current = next(self.groups, None)
        return found


def by_article(
    store: SqlStore, table: str
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], dict[str, dict[str, Any]]]]:
    """(article, its rows of `table`, its entities by local id) for every article, streamed."""
    records, entities = ByArticle(store.rows(table)), ByArticle(store.rows("article_entities"))
    for article in store.rows("articles"):
        found = records.take(article["hash"])
        seen = {e["id"]: e for e in entities.take(article["hash"])}
        yield article, found, seen


def quote_nodes(store: SqlStore) -> Iterator[dict[str, Any]]:
    for article, found, entities in by_article(store, "quotes"):
        for quote in found:
            if quote["copy_of"] is None:
                yield quotation(quote, article, entities)


def review_nodes(store: SqlStore) -> Iterator[dict[str, Any]]:
    """A ClaimReview per contested figure; `contests` holds article-local ids for rivals in
    its own article and "<article hash>:<id>" keys for rivals in others (stories.py)."""
    away = rivals_elsewhere(store)
    for article, found, entities in by_article(store, "figures"):
        local = {f["id"]: f for f in found}
        for figure in found:
            keys = json.loads(figure["contests"])
            rivals = [(local[k], article, entities) for k in keys if k in local]
            rivals += [away[k] for k in keys if k in away]
            if figure["copy_of"] is None and rivals:
                yield claim_review(figure, article, entities, rivals)


Rival = tuple[dict[str, Any], dict[str, Any], dict[str, dict[str, Any]]]


def rivals_elsewhere(store: SqlStore) -> dict[str, Rival]:
    """Every contested figure by "<article hash>:<id>", with its article (entities unknown:
    a rival's author is named, not keyed). Contested figures are few: held in memory."""
    contested = {
        f"{f['article_hash']}:{f['id']}": f
        for f in store.rows("figures")
        if json.loads(f["contests"])
    }
    hashes = {f["article_hash"] for f in contested.values()}
    articles = {a["hash"]: a for a in store.rows("articles") if a["hash"] in hashes}
    return {key: (f, articles[f["article_hash"]], {}) for key, f in contested.items()}


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
        write_graph(out, quote_nodes(store))
    with figures_path.open("w", encoding="utf-8") as out:
        write_graph(out, review_nodes(store))
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
