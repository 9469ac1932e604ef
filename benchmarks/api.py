"""Latency of the main read endpoints under concurrent load: p50/p95 per endpoint.

The server (`newsgraph serve`) runs in its own process on 127.0.0.1; this process sends the load
with `--concurrency` clients at once, `--requests` per endpoint, and stops any endpoint after
`--seconds`. Without `--db`, the sample corpus (examples/) is ingested into a temporary SQLite file.

    python benchmarks/api.py                      # quick: 100 requests per endpoint, 8 at once
    python benchmarks/api.py --requests 1000 --concurrency 32 --db newsgraph.db
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent


def start_server(db: str) -> tuple[subprocess.Popen[str], str]:
    """`newsgraph serve` in a second process; returns it and the address it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", db, "--port", "0"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in process.stdout:  # type: ignore[union-attr]
        if "serving on" in line:
            return process, line.split("serving on ")[-1].strip().rstrip("/")
    raise SystemExit(f"the server exited with {process.wait()} before listening")


def endpoints(base: str) -> dict[str, str]:
    """The main read endpoints, with a speaker and an article taken from the database."""
    speakers = httpx.get(f"{base}/api/speakers?limit=1", timeout=300).json()
    articles = httpx.get(f"{base}/api/articles?limit=1", timeout=300).json()
    # the cursor of the page at offset 5000: the same page as `offset=5000`, found by key
    deep = httpx.get(f"{base}/api/quotes?offset=4900&limit=100", timeout=300)
    cursor = quote(deep.headers.get("x-next-cursor", ""), safe="")
    speaker = quote(speakers[0]["name"], safe="") if speakers else "nobody"
    article = quote(articles[0]["id"], safe="") if articles else "none"
    return {
        "GET /api/articles": "/api/articles",
        "GET /api/articles/{id}": f"/api/articles/{article}",
        "GET /api/quotes": "/api/quotes",
        "GET /api/quotes?search=": "/api/quotes?search=said",
        "GET /api/quotes?speaker=": f"/api/quotes?speaker={speaker}",
        "GET /api/events": "/api/events",
        "GET /api/entities/{name}": f"/api/entities/{speaker}",
        "GET /api/graph": "/api/graph",
        "GET /api/speakers": "/api/speakers",
        "GET /api/figures": "/api/figures",
        "GET /api/quotes?offset=": "/api/quotes?offset=5000",
        "GET /api/quotes?cursor=": f"/api/quotes?cursor={cursor}",
        "GET /api/timeline?speaker=": f"/api/timeline?speaker={speaker}&interval=week",
        "GET /api/timeline?entity=": f"/api/timeline?entity={speaker}&interval=month",
        "page /": "/",
        "page /articles": "/articles?has_quotes=yes",
        "page /articles/{id}": f"/articles/{article}",
        "page /search?q=": "/search?q=said",
        "page /speakers": "/speakers",
        "page /speakers/{name}": f"/speakers/{speaker}",
        "page /events": "/events",
        "page /graph": "/graph",
        "page /figures": "/figures",
    }


async def load(
    base: str, path: str, requests: int, concurrency: int, seconds: float
) -> tuple[list[float], int]:
    """Latencies (ms) of up to `requests` GETs, `concurrency` in flight, for at most `seconds`,
    and the number of answers that were not 2xx (a server error, a timeout)."""
    latencies: list[float] = []
    failed = 0
    deadline = time.perf_counter() + seconds
    remaining = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failed
        for _ in remaining:
            if time.perf_counter() > deadline:
                return
            start = time.perf_counter()
            try:
                response = await http.get(path)
                failed += not response.is_success
            except httpx.TransportError:  # a timeout, a reset connection
                failed += 1
            latencies.append((time.perf_counter() - start) * 1000)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    return latencies, failed


def percentile(values: list[float], q: int) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="An existing database (default: ingest examples/ first).")
    parser.add_argument("--requests", type=int, default=100, help="Requests per endpoint.")
    parser.add_argument("--concurrency", type=int, default=8, help="Requests in flight at once.")
    parser.add_argument("--seconds", type=float, default=20, help="Time limit per endpoint.")
    parser.add_argument("--only", help="Only the endpoints whose name holds this text.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or prepare(Path(scratch) / "bench.db")
        server, base = start_server(db)
        try:
            run(base, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


def prepare(path: Path) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.cli.serve import ingest_examples

    started = time.perf_counter()
    summary = ingest_examples(str(path))
    print(f"ingested examples/ in {time.perf_counter() - started:.1f}s: {summary.lines()[1]}")
    return str(path)


def run(base: str, args: argparse.Namespace) -> None:
    print(f"{args.requests} requests per endpoint, {args.concurrency} concurrent, loopback")
    print(f"{'endpoint':<28} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'failed':>6}")
    for name, path in endpoints(base).items():
        if args.only and args.only not in name:
            continue
        started = time.perf_counter()
        latencies, failed = asyncio.run(
            load(base, path, args.requests, args.concurrency, args.seconds)
        )
        rate = len(latencies) / (time.perf_counter() - started)
        print(
            f"{name:<28} {len(latencies):>5} {percentile(latencies, 50):>8.1f} "
            f"{percentile(latencies, 95):>8.1f} {rate:>7.1f} {failed:>6}",
            flush=True,
        )


if __name__ == "__main__":
    main()
