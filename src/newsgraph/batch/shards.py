"""Parquet shards: every table of a batch run (articles, entities, mentions, quotes, events,
figures, errors) for one input file, with columns derived from the public schema.

The columns follow the dataclasses of `model.py` (a field added there becomes a column here); rows
are `to_json` records plus the link columns `article_id` and `article_index` (the article's position
in its shard), so `read_shard` rebuilds each ExtractedArticle with `from_json` exactly. A shard is
done when its `articles` file exists: it is renamed into place last, after every other table.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import types
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsgraph.errors import ReadError
from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Quote,
    from_json,
    to_json,
)
from newsgraph.read.article import split_source

# One file per table and shard: DIR/<table>/<key>.parquet; `articles` last marks the shard done.
TABLES = ("entities", "mentions", "quotes", "events", "figures", "errors", "articles")
RECORDS: dict[str, type[Any]] = {"quotes": Quote, "events": Event, "figures": Figure}
ROWS_PER_GROUP = 256  # articles per Parquet row group: memory stays flat over a large shard


# --- columns from the data model -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """A Parquet column for one field: its arrow type and how a JSON value goes in and out."""

    name: str
    type: pa.DataType
    json_encoded: bool = False  # a field type Parquet cannot hold natively: stored as JSON text


def arrow_type(hint: Any) -> tuple[pa.DataType, bool]:
    """The arrow type of a dataclass field's type hint, and whether it falls back to JSON text."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return arrow_type(inner[0])
    elif origin is tuple:
        if len(set(args) - {Ellipsis}) == 1:  # tuple[X, ...] and tuple[X, X]: a list of X
            inner_type, encoded = arrow_type(args[0])
            if not encoded:
                return pa.list_(inner_type), False
    elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
        columns = columns_of(hint)
        if not any(c.json_encoded for c in columns):
            return pa.struct([pa.field(c.name, c.type) for c in columns]), False
    else:
        simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
        if hint in simple:
            return simple[hint], False
        if hint is date:
            return pa.date32(), False
    return pa.string(), True


def columns_of(cls: type[Any], *, skip: tuple[str, ...] = ()) -> list[Column]:
    """Columns of a record class in `to_json` order: provenance flattened to sentence/start/end."""
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for field in dataclasses.fields(cls):
        if field.name in skip:
            continue
        if field.name == "prov":
            out += [Column("sentence", pa.int64()), Column("start", pa.int64())]
            out.append(Column("end", pa.int64()))
            continue
        kind, encoded = arrow_type(hints[field.name])
        out.append(Column(field.name, kind, encoded))
    return out


LINK = [Column("article_id", pa.string()), Column("article_index", pa.int64())]
SHARD = Column("shard", pa.string())  # the input file the rows come from
# Fields of ExtractedArticle other than the article and its record lists ("sentences"): columns
# of the articles table.
EXTRA_COLUMNS = columns_of(ExtractedArticle, skip=("article", "entities", *RECORDS))
EXTRA = [c.name for c in EXTRA_COLUMNS]
COLUMNS: dict[str, list[Column]] = {
    "articles": [
        SHARD,
        Column("article_index", pa.int64()),
        *columns_of(Article),
        *EXTRA_COLUMNS,
    ],
    "entities": [*LINK, *columns_of(Entity, skip=("mentions",))],
    "mentions": [
        *LINK,
        Column("entity_id", pa.string()),
        Column("entity_index", pa.int64()),  # the entity's position in its article
        *columns_of(Mention),
    ],
    **{table: [*LINK, *columns_of(cls)] for table, cls in RECORDS.items()},
    "errors": [SHARD, *columns_of(ReadError)],
}
SCHEMAS = {
    table: pa.schema([pa.field(c.name, c.type) for c in cols]) for table, cols in COLUMNS.items()
}


def _encode(table: str, row: dict[str, Any]) -> dict[str, Any]:
    for column in COLUMNS[table]:
        value = row.get(column.name)
        if column.json_encoded and value is not None:
            row[column.name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif column.type == pa.date32() and isinstance(value, str):
            row[column.name] = date.fromisoformat(value)
    return row


def _decode(table: str, row: dict[str, Any]) -> dict[str, Any]:
    for column in COLUMNS[table]:
        value = row.get(column.name)
        if column.json_encoded and value is not None:
            row[column.name] = json.loads(value)
        elif isinstance(value, date):
            row[column.name] = value.isoformat()
    return row


# --- records <-> rows ----------------------------------------------------------------------------


def rows_of(extracted: ExtractedArticle, index: int, shard: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of one article in every table but `errors`."""
    record = to_json(extracted)
    link = {"article_id": extracted.article.id, "article_index": index}
    article = {"shard": shard, "article_index": index, **record["article"]}
    article.update({name: record[name] for name in EXTRA})
    rows: dict[str, list[dict[str, Any]]] = {"articles": [article], "entities": [], "mentions": []}
    for number, entity in enumerate(record["entities"]):
        mentions = entity.pop("mentions")
        rows["entities"].append({**link, **entity})
        owner = {"entity_id": entity["id"], "entity_index": number}
        rows["mentions"] += [{**link, **owner, **m} for m in mentions]
    for table in RECORDS:
        rows[table] = [{**link, **item} for item in record[table]]
    return {table: [_encode(table, row) for row in found] for table, found in rows.items()}


def error_row(error: ReadError, shard: str) -> dict[str, Any]:
    return {"shard": shard, **dataclasses.asdict(error)}


def records_from(tables: dict[str, list[dict[str, Any]]]) -> Iterator[ExtractedArticle]:
    """Rebuild ExtractedArticles from the rows of one shard (as `read_table` returns them)."""
    children: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for table in ("entities", "mentions", *RECORDS):
        grouped = children.setdefault(table, {})
        for row in tables[table]:
            row = _decode(table, row)
            index = row.pop("article_index")
            row.pop("article_id")
            grouped.setdefault(index, []).append(row)
    for article in tables["articles"]:
        article = _decode("articles", article)
        index = article.pop("article_index")
        article.pop("shard")
        record: dict[str, Any] = {name: article.pop(name) for name in EXTRA}
        record["article"] = article
        mentions: dict[int, list[dict[str, Any]]] = {}
        for mention in children["mentions"].get(index, []):
            mention.pop("entity_id")
            mentions.setdefault(mention.pop("entity_index"), []).append(mention)
        record["entities"] = [
            {**entity, "mentions": mentions.get(number, [])}
            for number, entity in enumerate(children["entities"].get(index, []))
        ]
        for table in RECORDS:
            record[table] = children[table].get(index, [])
        yield from_json(record)


# --- files ---------------------------------------------------------------------------------------


def shard_key(path: str | Path) -> str:
    """A file name for an input file's outputs: its readable stem and a hash of its full path."""
    text = str(path)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(text).name)[:60]
    return f"{stem}-{hashlib.sha1(os.path.abspath(text).encode()).hexdigest()[:12]}"


def table_path(out: Path, table: str, key: str) -> Path:
    return out / table / f"{key}.parquet"


def is_done(out: Path, key: str) -> bool:
    return table_path(out, "articles", key).exists()


def done_keys(out: Path) -> list[str]:
    """Keys of every finished shard under `out`, sorted."""
    folder = out / "articles"
    return sorted(p.stem for p in folder.glob("*.parquet")) if folder.is_dir() else []


class ShardWriter:
    """Writes one shard's tables to temporary files; `commit` renames them into place, `articles`
    last, so that a shard killed half way is rewritten whole by the next run."""

    def __init__(self, out: Path, shard: str, *, tables: tuple[str, ...] = TABLES) -> None:
        self.out, self.shard, self.key = out, shard, shard_key(shard)
        self.tables = tables
        self.pending: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.articles = self.errors = 0
        for table in tables:
            final = table_path(out, table, self.key)
            final.parent.mkdir(parents=True, exist_ok=True)
            for stale in final.parent.glob(f".{self.key}.parquet.*.tmp"):  # a killed run's
                stale.unlink(missing_ok=True)

    def temp(self, table: str) -> Path:
        return table_path(self.out, table, self.key).with_name(
            f".{self.key}.parquet.{os.getpid()}.tmp"
        )

    def add(self, extracted: ExtractedArticle) -> None:
        for table, rows in rows_of(extracted, self.articles, self.shard).items():
            self.pending[table] += rows
        self.articles += 1
        if self.articles % ROWS_PER_GROUP == 0:
            self.flush()

    def add_error(self, error: ReadError) -> None:
        self.pending["errors"].append(error_row(error, self.shard))
        self.errors += 1

    def flush(self) -> None:
        for table, rows in self.pending.items():
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(
                    self.temp(table), SCHEMAS[table], compression="zstd"
                )
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            rows.clear()

    def commit(self) -> None:
        self.flush()
        for table in self.tables:
            self.writers.pop(table).close()
            os.replace(self.temp(table), table_path(self.out, table, self.key))

    def abort(self) -> None:
        for table, writer in self.writers.items():
            writer.close()
            self.temp(table).unlink(missing_ok=True)
        self.writers.clear()


def read_table(out: Path, table: str, key: str) -> list[dict[str, Any]]:
    path = table_path(out, table, key)
    return pq.read_table(path, schema=SCHEMAS[table]).to_pylist() if path.exists() else []


def shard_of(out: Path, key: str) -> str | None:
    """The input file of a finished shard; None when it yielded no article."""
    column = pq.read_table(table_path(out, "articles", key), columns=["shard"]).column("shard")
    return str(column[0]) if len(column) else None


def read_shard(out: Path, key: str) -> Iterator[ExtractedArticle]:
    """The articles of one finished shard, in their input order."""
    yield from records_from({t: read_table(out, t, key) for t in TABLES if t != "errors"})


def read_errors(out: str | Path) -> Iterator[tuple[str, ReadError]]:
    """(input file, error) for every bad record and failed shard under `out`."""
    folder = Path(out) / "errors"
    for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else ():
        for row in pq.read_table(path, schema=SCHEMAS["errors"]).to_pylist():
            shard = row.pop("shard")
            yield shard, ReadError(**row)


# --- one text once across shards -----------------------------------------------------------------


def drop_repeats(out: Path, key: str, seen: dict[str, str]) -> int:
    """Take out of a finished shard every article whose text an earlier shard holds (`seen`:
    content hash -> source of the first copy, updated with this shard's), each reported in its
    errors table as `duplicate`, as `extract` reports a repeat. The number taken out."""
    rows = pq.read_table(
        table_path(out, "articles", key), columns=["article_index", "content_hash", "source"]
    ).to_pylist()
    repeats: dict[int, ReadError] = {}
    for row in rows:
        first = seen.get(row["content_hash"])
        if first is None:
            seen[row["content_hash"]] = row["source"]
            continue
        file, record = split_source(row["source"])
        detail = f"same text as {first}"
        repeats[row["article_index"]] = ReadError(file, record, "duplicate", detail)
    if repeats:
        rewrite_without(out, key, repeats)
    return len(repeats)


def rewrite_without(out: Path, key: str, repeats: dict[int, ReadError]) -> None:
    """Rewrite a shard's tables without the articles at these indexes, their errors added;
    `articles` last, so a run killed half way finds the repeats again and ends the job."""
    drop = pa.array(sorted(repeats), type=pa.int64())
    shard = str(pq.read_table(table_path(out, "articles", key), columns=["shard"])["shard"][0])
    for table in TABLES:
        path = table_path(out, table, key)
        if not path.exists():
            continue
        rows = pq.read_table(path, schema=SCHEMAS[table])
        if table == "errors":
            known = {tuple(r.values()) for r in rows.to_pylist()}
            added = [error_row(e, shard) for e in repeats.values()]
            added = [r for r in added if tuple(r.values()) not in known]
            rows = pa.concat_tables([rows, pa.Table.from_pylist(added, schema=SCHEMAS[table])])
        else:
            rows = rows.filter(pc.invert(pc.is_in(rows["article_index"], value_set=drop)))
        temp = path.with_name(f".{key}.parquet.{os.getpid()}.tmp")
        pq.write_table(rows, temp, compression="zstd")
        os.replace(temp, path)
