"""Batch throughput: articles/second of `newsgraph batch` with 1 and 2 local workers against raw
`nlp.pipe` over the same texts in one process, and the peak memory of a worker.

    python benchmarks/batch.py                      # 24 sample articles in 6 shards (quick)
    python benchmarks/batch.py --articles 200 --shards 8 --engine ray

Inputs are the first N articles of ../shared/samples/wikinews_en.jsonl, split into JSONL shards.
`wall` counts everything the user waits for (worker start and model load included); `steady` is
articles over the busiest worker's time inside shards, what a long crawl converges to; `per CPU-s`
is articles over the CPU seconds the workers spent in shards: on a machine shared with other work
the wall-clock figures drop, while this one shows what a dedicated core gives. The scaling
efficiency (2 workers against twice 1 worker) is given for all three.

`ingest --workers N` is measured the same way on the same articles (one JSONL file) into a fresh
SQLite file: `steady` counts from the first stored article to the last (the model loads are
left out), `per CPU-s` divides by the CPU seconds of the parent and its workers, less one
model load each (measured alone); each worker's
peak memory is sampled from /proc while it runs. The projection multiplies the measured rate
per dedicated core by the cores and the measured scaling efficiency, capped, for `ingest`, by
the one writer's rate (its CPU seconds per article); `batch` + `load` has no such cap.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.batch import ShardResult, batch_paths  # noqa: E402  (after the src path)
from newsgraph.jobs import Tally, ingest_paths  # noqa: E402
from newsgraph.nlp.pipeline import load_pipeline  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "wikinews_en.jsonl"


def write_shards(folder: Path, articles: int, shards: int) -> tuple[list[Path], list[str]]:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:articles]
    paths = []
    for number in range(shards):
        path = folder / f"shard-{number:03d}.jsonl"
        path.write_text("".join(line + "\n" for line in lines[number::shards]), encoding="utf-8")
        paths.append(path)
    return paths, [json.loads(line)["text"] for line in lines]


def raw_pipe(texts: list[str]) -> dict[str, float]:
    """nlp.pipe in this process, model already loaded: articles/second and per CPU-second."""
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm up
    began, began_cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    return {"wall": len(texts) / wall, "cpu": len(texts) / cpu}


def run_batch(paths: list[Path], out: Path, workers: int, engine: str) -> dict[str, float]:
    began = time.perf_counter()
    results: list[ShardResult] = list(batch_paths(paths, out, engine=engine, workers=workers))
    wall = time.perf_counter() - began
    articles = sum(r.articles for r in results)
    # Shards go to workers as they free up: the busiest worker's share is about total/workers.
    busy = max(sum(r.seconds for r in results) / workers, max(r.seconds for r in results))
    return {
        "articles": articles,
        "wall": articles / wall,
        "steady": articles / busy,
        # as if each worker had a core of its own: articles per CPU-second, times the workers
        "cpu": articles / sum(r.cpu for r in results) * workers,
        "memory": max(r.memory for r in results),
    }


def children_peak_mib() -> dict[int, float]:
    """VmHWM of each child process of this one (the ingest workers), MiB."""
    peaks = {}
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue  # ended in between
            peaks[int(pid)] = int(status.split("VmHWM:")[1].split()[0]) / 1024
    return peaks


def load_cpu() -> float:
    """CPU seconds one process spends loading the pipeline (each worker does it once)."""
    began = time.process_time()
    load_pipeline()
    return time.process_time() - began


def run_ingest(path: Path, db: Path, workers: int, loading: float) -> dict[str, float]:
    """`ingest --workers N` into a fresh SQLite file; `loading`: CPU seconds of one model load,
    left out of the CPU time (a long run pays it once per worker)."""
    stamps: list[float] = []
    peaks: dict[int, float] = {}

    def tick(tally: Tally) -> None:
        stamps.append(time.perf_counter())
        if workers > 1 and len(stamps) % 4 == 1:
            for pid, peak in children_peak_mib().items():
                peaks[pid] = max(peak, peaks.get(pid, 0.0))

    began, cpu = time.perf_counter(), cpu_seconds()
    tally = ingest_paths([path], db=f"sqlite:///{db}", workers=workers, on_article=tick)
    wall, cpu = time.perf_counter() - began, cpu_seconds() - cpu - workers * loading
    steady = (tally.stored - 1) / (stamps[-1] - stamps[0])
    memory = max(peaks.values()) if peaks else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": tally.stored,
        "wall": tally.stored / wall,
        "steady": steady,
        "cpu": tally.stored / cpu * workers,
        "memory": memory if peaks else memory / 1024,
    }


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (the pool's workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def projection(per_core: float, efficiency: float, writer: float) -> list[str]:
    """Hours for 1M and 10M articles on 2 to 256 cores."""
    lines = ["| cores | batch + load, 1M | 10M | ingest (one writer), 1M | 10M |"]
    lines.append("|---|---|---|---|---|")
    for cores in (2, 8, 16, 64, 256):
        rate = per_core * cores * (efficiency if cores > 1 else 1.0)
        capped = min(rate, writer)
        cells = [f"{n / rate / 3600:,.1f}" for n in (1e6, 1e7)]
        cells += [f"{n / capped / 3600:,.1f}" for n in (1e6, 1e7)]
        lines.append(f"| {cores} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--shards", type=int, default=6)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--workers", type=int, default=2, help="N for the ingest comparison")
    parser.add_argument("--only-ingest", action="store_true", help="skip raw nlp.pipe and batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, texts = write_shards(Path(tmp), args.articles, args.shards)
        if not args.only_ingest:
            report_batch(args, texts, paths, Path(tmp))
        (Path(tmp) / "whole").mkdir()
        whole = write_shards(Path(tmp) / "whole", args.articles, 1)[0][0]
        loading = load_cpu()
        ingests = {
            n: run_ingest(whole, Path(tmp) / f"ingest-{n}.db", n, loading)
            for n in (1, args.workers)
        }
        writer = writer_rate(Path(tmp) / "ingest-1.db", Path(tmp) / "writer.db")
    report_ingest(args, ingests, writer)


def report_batch(args: argparse.Namespace, texts: list[str], paths: list[Path], tmp: Path) -> None:
    raw = raw_pipe(texts)
    runs = {n: run_batch(paths, tmp / f"out-{n}", n, args.engine) for n in (1, 2)}
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(texts)} articles in {args.shards} shards, engine {args.engine}")
    print(f"{os.cpu_count()} CPUs, load average {load} (other work on the machine skews this)")
    print(f"raw nlp.pipe, 1 process: {raw['wall']:6.2f} articles/s, {raw['cpu']:6.2f} per CPU-s")
    for n, run in runs.items():
        print(
            f"batch, {n} worker{'s' if n > 1 else ' '}:       {run['wall']:6.2f} articles/s wall, "
            f"{run['steady']:6.2f} steady, {run['cpu']:6.2f} on dedicated cores "
            f"({run['cpu'] / n / raw['cpu']:.0%} of raw per core), "
            f"worker peak {run['memory']:.0f} MiB"
        )
    for kind in ("wall", "steady", "cpu"):
        efficiency = runs[2][kind] / (2 * runs[1][kind])
        print(f"scaling efficiency 1 -> 2 workers ({kind}): {efficiency:.0%}")


def report_ingest(
    args: argparse.Namespace, ingests: dict[int, dict[str, float]], writer: float
) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"ingest of {args.articles} articles, {os.cpu_count()} CPUs, load average {load}")
    n = args.workers
    for workers, run in ingests.items():
        print(
            f"ingest --workers {workers}: {run['wall']:6.2f} articles/s wall, {run['steady']:6.2f} "
            f"steady, {run['cpu']:6.2f} on dedicated cores, peak {run['memory']:.0f} MiB "
            f"{'per worker' if workers > 1 else '(one process)'}"
        )
    for kind in ("wall", "steady", "cpu"):
        ratio = ingests[n][kind] / ingests[1][kind]
        print(f"ingest speed-up 1 -> {n} workers ({kind}): {ratio:.2f}x ({ratio / n:.0%} of {n}x)")
    per_core = ingests[1]["cpu"]
    efficiency = ingests[n]["cpu"] / (n * per_core)
    print(
        f"\nprojection: {per_core:.1f} articles/s per dedicated core (ingest, 1 worker), "
        f"{efficiency:.0%} efficiency, one writer at most {writer:.0f} articles/s (SQLite); "
        "articles as long as the samples (~2,000 characters)"
    )
    print("\n".join(projection(per_core, efficiency, writer)))


def writer_rate(source: Path, target: Path) -> float:
    """Articles per CPU-second one process stores (`put`, SQLite) of records already extracted:
    those of `source`, put again into `target`."""
    from newsgraph.store import open_store

    with open_store(f"sqlite:///{source}") as store:
        stored = store.articles(limit=10_000)
    with open_store(f"sqlite:///{target}") as store:
        began = time.process_time()
        for extracted in stored:
            store.put(extracted)
        return len(stored) / (time.process_time() - began)


if __name__ == "__main__":
    main()
