"""A large synthetic database for the API benchmark: the records of a seed database, copied.

Each copy of a seed article is a distinct article (new id, content hash and a marked text, a
publication date moved back by a day per copy, one of a few outlets), carrying copies of all its
rows: entities (linked to the same merged entities, as the same people recur in real news),
mentions, quotes, events (each report a merged event of its own), actors and figures, and its
full-text rows (the FTS triggers write them). Rows are bulk inserted in large transactions,
without extraction or merging.

    python benchmarks/synthetic.py --seed newsgraph.db --out big.db --articles 10000
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.model import content_hash  # noqa: E402  (after the src path)
from newsgraph.store import open_store  # noqa: E402

OUTLETS = ("Example Wire", "Daily Ledger", "Harbour Post", "Morning Star", "Capital Times")
# tables keyed by an article's content hash, copied row by row
CHILDREN = ("article_entities", "mentions", "quotes", "event_sources", "event_actors", "figures")


def _rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(f'SELECT * FROM "{table}"')]


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join(f":{n}" for n in names)
    conn.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)


def _copy_article(
    seed: dict[str, list[dict[str, Any]]], article: dict[str, Any], copy: int
) -> dict[str, list[dict[str, Any]]]:
    """Every row of one copy of a seed article, by table."""
    text = f"{article['text']} [{copy}]"
    key = content_hash(text)
    day = article["published"] and date.fromisoformat(article["published"]) - timedelta(copy)
    out: dict[str, list[dict[str, Any]]] = {
        "articles": [
            article
            | {
                "hash": key,
                "id": f"{article['id']}-{copy}",
                "text": text,
                "published": day.isoformat() if day else None,
                "outlet": OUTLETS[copy % len(OUTLETS)],
                "copy_of": None,
                "minhash": None,
            }
        ]
    }
    old = article["hash"]
    for table in CHILDREN:
        out[table] = [
            row | {"article_hash": key} for row in seed[table] if row["article_hash"] == old
        ]
    for row in out["quotes"]:
        row |= {
            "key": f"{key}:{row['id']}",
            "article_id": f"{article['id']}-{copy}",
            "copy_of": None,
        }
    for row in out["figures"]:
        row["copy_of"] = None
    events = {e["id"]: e for e in seed["events"]}
    out["events"] = []
    for row in out["event_sources"]:
        merged = events[row["event_id"]]
        row["event_id"] = f"{merged['id'][:30]}-{copy}"
        out["events"].append(merged | {"id": row["event_id"]})
    out["events"] = list({e["id"]: e for e in out["events"]}.values())
    return out


def build(seed_path: str, out_path: str, target: int) -> int:
    """Copy the seed database's articles into `out_path` until it holds `target` articles."""
    open_store(out_path).close()  # the schema, migrated
    source = sqlite3.connect(seed_path)
    seed = {t: _rows(source, t) for t in ("articles", "events", "entities", "aliases", *CHILDREN)}
    originals = [a for a in seed["articles"] if a["copy_of"] is None]
    source.close()
    conn = sqlite3.connect(out_path)
    _insert(conn, "entities", seed["entities"])  # the same people in every copy
    _insert(conn, "aliases", seed["aliases"])
    made, copy = 0, 0
    while made < target:
        copy += 1
        batch: dict[str, list[dict[str, Any]]] = {}
        for article in originals:
            for table, found in _copy_article(seed, article, copy).items():
                batch.setdefault(table, []).extend(found)
        for table in ("articles", "events", *CHILDREN):  # the FTS triggers index as they go
            _insert(conn, table, batch.get(table, []))
        made += len(originals)
        if copy % 50 == 0:
            conn.commit()
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", required=True, help="An SQLite database to copy from.")
    parser.add_argument("--out", required=True, help="The SQLite file to create.")
    parser.add_argument("--articles", type=int, default=10_000, help="At least this many.")
    args = parser.parse_args()
    if Path(args.out).exists():
        raise SystemExit(f"{args.out} exists; give a new file")
    started = time.perf_counter()
    made = build(args.seed, args.out, args.articles)
    print(f"{made} articles in {args.out} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
