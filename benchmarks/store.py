"""The store's speed and memory: ingest against extraction alone, quote search latency on a large
database, and the peak memory of an ingest at 1x and 10x the input.

    python benchmarks/store.py          # quick: 20 articles, 100,000 quotes, 40/400, 100/1000 puts
    python benchmarks/store.py --articles 200 --quotes 1000000 --memory-articles 80
    python benchmarks/store.py --db postgresql://newsgraph:newsgraph@127.0.0.1/newsgraph_test

Inputs are the first N articles of ../shared/samples/wikinews_en.jsonl. Both rates include the
model load (one per run, the same for both). The search database is made by repeating the
real records of the ingest with new ids and texts (each copy a distinct article, so none is a
near-duplicate of another), bulk inserted in large transactions. Memory: each ingest runs in a
fresh process; the 10x input repeats the articles with new ids and an extra sentence each.
The model's own memory grows a little with what it has read (spaCy's string store), so the
store alone is measured too: puts of the real records with new texts, no model loaded.

`--load-db URL` (a PostgreSQL server; `--only-load` alone: SQLite files) times `load`'s bulk
writes (`Store.put_many`, 500 articles a transaction, COPY on PostgreSQL) against one `put` a
transaction, as `ingest` writes, on `--load-articles` synthetic articles (`synthetic_articles`:
seven named people of 400 recurring ones, a place, three quotes, two meetings and two figures
each, texts distinct), each into a fresh schema; both databases end with the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples" / "wikinews_en.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.jobs import extract_paths, ingest_paths  # noqa: E402  (after the src path)
from newsgraph.model import content_hash  # noqa: E402
from newsgraph.store import SqlStore, open_store  # noqa: E402
from newsgraph.store import rows as records  # noqa: E402
from newsgraph.store.schema import articles, quotes  # noqa: E402


def write_input(folder: Path, count: int, repeat: int = 1) -> Path:
    """`count` sample articles, each `repeat` times with a new id and a distinct last sentence."""
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:count]
    path = folder / f"input-{count}x{repeat}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            for line in lines:
                row = json.loads(line)
                if copy:
                    row["id"] = f"{row['id']}-{copy}"
                    row["text"] += f" This is copy number {copy} of the story."
                out.write(json.dumps(row) + "\n")
    return path


def rates(path: Path, count: int, db: str) -> dict[str, float]:
    start = time.perf_counter()
    for _ in extract_paths([path]):
        pass
    extract = time.perf_counter() - start
    start = time.perf_counter()
    tally = ingest_paths([path], db=db)
    ingest = time.perf_counter() - start
    if tally.stored != count:
        raise SystemExit(f"ingest stored {tally.stored} of {count} articles")
    return {"extract articles/s": count / extract, "ingest articles/s": count / ingest}


def fill(store: SqlStore, target: int) -> int:
    """Repeat the stored articles and their quotes with new ids until `target` quotes exist."""
    real = [a for a in store.articles(limit=10_000) if a.quotes]
    if not real:
        raise SystemExit("the ingested articles have no quotes to repeat")
    per_copy = sum(len(a.quotes) for a in real)
    made, copy = 0, 0
    while made < target:
        article_rows, quote_rows = [], []
        for _ in range(max(1, 5000 // per_copy)):  # about 5,000 quotes a transaction
            copy += 1
            for extracted in real:
                text = f"{extracted.article.text} [{copy}]"
                key = content_hash(text)
                row = records.article_row(extracted) | {"hash": key, "text": text}
                article_rows.append(row | {"id": f"{row['id']}#{copy}", "copy_of": None})
                for seq, quote in enumerate(extracted.quotes):
                    quote_key = f"{key}:{quote.id}"
                    quote_rows.append(
                        records.quote_row(quote, seq)
                        | {"article_hash": key, "key": quote_key, "copy_of": None}
                    )
        with store.engine.begin() as conn:  # SQLite's FTS triggers index the rows as they go
            conn.execute(articles.insert(), article_rows)
            conn.execute(quotes.insert(), quote_rows)
        made += len(quote_rows)
    return store.counts()["quotes"]


def latencies(store: SqlStore, queries: int) -> dict[str, float]:
    """Milliseconds per quote search (first 20 hits), for words drawn from real quotes."""
    texts = [q.text for q in store.quotes(limit=500)]
    words = [w for t in texts for w in t.split() if w.isalpha() and len(w) > 4]
    speakers = sorted({q.speaker for q in store.quotes(limit=500) if q.speaker})
    pick = random.Random(7)
    found: dict[str, list[float]] = {"search": [], "speaker": []}
    for _ in range(queries):
        start = time.perf_counter()
        store.quotes(search=pick.choice(words), limit=20)
        found["search"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        store.quotes(speaker=pick.choice(speakers).split()[-1], limit=20)
        found["speaker"].append((time.perf_counter() - start) * 1000)
    out = {}
    for name, times in found.items():
        cuts = statistics.quantiles(times, n=20)
        out[f"{name} p50 ms"], out[f"{name} p95 ms"] = statistics.median(times), cuts[18]
    return out


def peak_memory(path: Path, db: str) -> float:
    """Peak resident memory (MiB) of an ingest of `path` in a fresh process."""
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts from its parent's (it survives exec)
    code = (
        "import sys; from newsgraph.jobs import ingest_paths;"
        "ingest_paths([sys.argv[1]], db=sys.argv[2]);"
        "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), db],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.split()[-1]) / 1024  # VmHWM is in KiB


def store_memory(records: int, source: str, target: str) -> float:
    """Peak resident memory (MiB) of putting `records` distinct records (the stored articles'
    quotes and entities, with new texts) in a fresh process: the store without the model."""
    code = (
        "import sys; from newsgraph.store import open_store; import dataclasses as d;"
        "src = open_store(sys.argv[1]); real = src.articles(limit=50); src.close();"
        "store = open_store(sys.argv[2]); n = int(sys.argv[3]);"
        "[store.put(d.replace(r, article=d.replace(r.article, id=f'{r.article.id}-{i}',"
        " text=f'{r.article.text} Copy {i}.', content_hash=''))) for i in range(n // len(real))"
        " for r in real];"
        "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, source, target, str(records)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.split()[-1]) / 1024


def words(text: str) -> list[str]:
    return text.split()


FIRST = words("Anna Boris Chen Dara Elif Farid Greta Hugo Ines Jonas Kemal Lena Marco Nadia Omar")
FIRST += words("Priya Quinn Rosa Sven Tariq")
LAST = words("Abara Berger Costa Dumont Eriksen Fischer Garcia Haddad Ivanov Jensen Kowalski")
LAST += words("Lindqvist Moreau Novak Okafor Petrov Quispe Rossi Santos Tanaka")
PLACES = words("Arendel Brindle Corvale Dunmore Eastwick Fairholt Glenrock Harrowgate")
WORDS = words(
    "the council said on talks ministers agreed budget reform workers port strike court ruling "
    "election vote river flood storm harvest market prices bank rates trade tariff border police "
    "arrest protest hospital school road bridge energy grid"
)


def synthetic_articles(count: int, seed: int = 7) -> list[Any]:
    """`count` ExtractedArticles made up for the store: distinct texts (never near-duplicates),
    people drawn from 400 names, so that entities merge across articles as in a real crawl."""
    from newsgraph.model import (
        Article,
        Entity,
        Event,
        ExtractedArticle,
        Figure,
        Mention,
        Provenance,
        Quote,
        Ref,
    )

    pick = random.Random(seed)
    names = [f"{first} {last}" for first in FIRST for last in LAST]
    made = []
    for number in range(count):
        people, place = pick.sample(names, 7), pick.choice(PLACES)
        text, spans = "", {}
        for sentence in range(30):
            filler = " ".join(pick.choice(WORDS) for _ in range(12))
            if sentence < len(people):
                spans[people[sentence]] = (len(text), len(text) + len(people[sentence]))
                text += f"{people[sentence]} met officials in "
                spans.setdefault(place, (len(text), len(text) + len(place)))
                text += f"{place} and {filler}. "
            else:
                text += f"Story {number} sentence {sentence}: {filler}. "
        aid = f"synthetic-{number}"

        def prov(start: int, end: int, aid: str = aid) -> Any:
            return Provenance(article_id=aid, sentence=0, start=start, end=end)

        found = [
            *((f"e{i}", name, "PERSON") for i, name in enumerate(people)),
            ("e9", place, "GPE"),
        ]
        entities = tuple(
            Entity(
                id=key,
                name=name,
                label=label,
                mentions=(Mention(text=name, label=label, kind="name", prov=prov(*spans[name])),),
            )
            for key, name, label in found
        )
        quotes = tuple(
            Quote(
                id=f"q{i}",
                text=text[spans[people[i]][1] : spans[people[i]][1] + 30],
                kind="direct",
                cue="said",
                speaker=people[i],
                speaker_entity=f"e{i}",
                prov=prov(spans[people[i]][1], spans[people[i]][1] + 30),
            )
            for i in range(3)
        )
        refs = [
            Ref(name=people[i], entity=f"e{i}", start=spans[people[i]][0], end=spans[people[i]][1])
            for i in range(4)
        ]
        events = tuple(
            Event(
                id=f"v{i}",
                type="CONSULT",
                mode="meeting",
                trigger="met",
                source=(refs[2 * i],),
                target=(refs[2 * i + 1],),
                date="2023-03-14",
                prov=prov(*spans[people[2 * i]]),
            )
            for i in range(2)
        )
        figures = tuple(
            Figure(
                id=f"f{i}", text="Story", value=float(number + i), unit="people", prov=prov(0, 5)
            )
            for i in range(2)
        )
        article = Article(
            id=aid,
            text=text,
            source=f"synthetic.jsonl#line {number + 1}",
            outlet="Synthetic Wire",
            title=f"Story {number}",
            language="en",
        )
        made.append(
            ExtractedArticle(
                article=article,
                sentences=((0, len(text)),),
                entities=entities,
                quotes=quotes,
                events=events,
                figures=figures,
            )
        )
    return made


def fresh_schema(server: str) -> str:
    """A URL of `server` whose tables go to a new schema of their own."""
    import uuid

    import sqlalchemy

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    url = sqlalchemy.engine.make_url(server).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    return url.render_as_string(hide_password=False)


def load_rates(made: list[Any], urls: tuple[str, str]) -> dict[str, float]:
    """Articles/s of one `put` a transaction into urls[0] and of `put_many` batches into
    urls[1]; and whether both hold the same row counts."""
    from newsgraph.batch.run import LOAD_BATCH

    with open_store(urls[0]) as store:
        start = time.perf_counter()
        for extracted in made:
            store.put(extracted)
        one = len(made) / (time.perf_counter() - start)
        counts = store.counts()
    with open_store(urls[1]) as store:
        start = time.perf_counter()
        for first in range(0, len(made), LOAD_BATCH):
            store.put_many(made[first : first + LOAD_BATCH])
        bulk = len(made) / (time.perf_counter() - start)
        same = store.counts() == counts
    return {"one put a transaction articles/s": one, "bulk articles/s": bulk, "same rows": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20, help="articles to extract and ingest")
    parser.add_argument("--quotes", type=int, default=100_000, help="quotes in the search db")
    parser.add_argument("--queries", type=int, default=200, help="searches to time")
    parser.add_argument("--memory-articles", type=int, default=40, help="1x input for memory")
    parser.add_argument("--store-records", type=int, default=100, help="1x puts, store only")
    parser.add_argument("--db", help="database for the search test (default: a temp SQLite)")
    parser.add_argument("--load-db", help="PostgreSQL server for the load comparison")
    parser.add_argument("--load-articles", type=int, default=2000, help="synthetic, for load")
    parser.add_argument("--only-load", action="store_true", help="skip the other measurements")
    args = parser.parse_args()
    report: dict[str, Any] = {}
    if args.load_db or args.only_load:
        made = synthetic_articles(args.load_articles)
        if not args.load_db:  # SQLite files instead
            with tempfile.TemporaryDirectory() as tmp:
                sqlite = tuple(f"sqlite:///{Path(tmp) / f'load-{n}.db'}" for n in (1, 2))
                for name, value in load_rates(made, sqlite).items():  # type: ignore[arg-type]
                    report[f"SQLite {name}"] = value
        else:
            urls = (fresh_schema(args.load_db), fresh_schema(args.load_db))
            for name, value in load_rates(made, urls).items():
                report[f"PostgreSQL {name}"] = value
        for engine in ("SQLite", "PostgreSQL"):
            if f"{engine} bulk articles/s" in report:
                ratio = (
                    report[f"{engine} bulk articles/s"]
                    / report[f"{engine} one put a transaction articles/s"]
                )
                report[f"{engine} bulk speed-up x"] = ratio
    if args.only_load:
        print_report(report)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_input(folder, args.articles)
        db = args.db or f"sqlite:///{folder / 'bench.db'}"
        report |= rates(path, args.articles, db)
        store = open_store(db)
        start = time.perf_counter()
        report["quotes in db"] = fill(store, args.quotes)
        report["bulk insert s"] = time.perf_counter() - start
        report |= latencies(store, args.queries)
        store.close()
        for repeat in (1, 10):
            big = write_input(folder, args.memory_articles, repeat)
            memory_db = f"sqlite:///{folder / f'memory-{repeat}.db'}"
            report[f"peak MiB {args.memory_articles * repeat} articles"] = peak_memory(
                big, memory_db
            )
        for count in (args.store_records, 10 * args.store_records):
            target = f"sqlite:///{folder / f'store-{count}.db'}"
            report[f"store-only peak MiB {count} puts"] = store_memory(count, db, target)
    report["benchmark peak MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_report(report)


def print_report(report: dict[str, Any]) -> None:
    for name, value in report.items():
        if isinstance(value, bool):
            shown = "yes" if value else "NO"
        else:
            shown = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
        print(f"{name:<48} {shown}")


if __name__ == "__main__":
    main()
