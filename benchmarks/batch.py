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
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.batch import ShardResult, batch_paths  # noqa: E402  (after the src path)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--shards", type=int, default=6)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, texts = write_shards(Path(tmp), args.articles, args.shards)
        raw = raw_pipe(texts)
        runs = {n: run_batch(paths, Path(tmp) / f"out-{n}", n, args.engine) for n in (1, 2)}
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


if __name__ == "__main__":
    main()
