"""`newsgraph batch` and `newsgraph load`: extraction of a crawl one input file (a shard) at a
time, on local worker processes or a Ray cluster, into Parquet shards; then into a Store.

Both engines run `run_shard` (read with `read_paths`, extract through `nlp.pipe`, write Parquet)
with the model loaded once per worker; the driver skips finished shards and retries a failed one
once before recording it in the errors table. Ray is imported only by the ray engine.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsgraph.errors import NewsgraphError, OnError, ReadError
from newsgraph.extract import extract_articles
from newsgraph.jobs import with_published
from newsgraph.model import Article, ExtractedArticle
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.read import iter_files, read_paths
from newsgraph.read.article import split_source
from newsgraph.shards import (
    ShardWriter,
    done_keys,
    is_done,
    read_errors,
    read_shard,
    shard_key,
    shard_of,
)
from newsgraph.store.base import Store

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")
BATCH_SIZE = 16  # articles per nlp.pipe batch, as `extract_paths` uses
SHARDS_PER_WORKER = 8  # then the worker is replaced: spaCy's memory grows in long-lived workers
ATTEMPTS = 2  # a failed shard is retried once


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What became of one input file: `done`, `skipped` (written by an earlier run) or `failed`."""

    shard: str
    status: str
    articles: int = 0
    errors: int = 0  # bad records reported by the reader or the per-article boundary
    seconds: float = 0.0
    detail: str | None = None  # why it failed
    cpu: float = 0.0  # CPU seconds the worker spent on it (below `seconds` when cores are shared)
    memory: float = 0.0  # peak resident memory of the worker so far, MiB (0 when unknown)
    worker: int = 0  # process id of the worker (0 when unknown)

    def __str__(self) -> str:
        if self.status == "failed":
            return f"{self.shard}: failed ({self.detail})"
        if self.status == "skipped":
            return f"{self.shard}: skipped (already written)"
        return (
            f"{self.shard}: {self.articles} articles, {self.errors} bad records"
            f" in {self.seconds:.1f} s (worker peak {self.memory:.0f} MiB)"
        )


# --- one shard -----------------------------------------------------------------------------------


def extract_guarded(
    articles: Sequence[Article], nlp: Language, on_error: Callable[[ReadError], None]
) -> list[ExtractedArticle]:
    """Extract a batch through `nlp.pipe`; when it raises, retry each article alone, so a bug that
    one article triggers costs that article only (reported with reason `internal`)."""
    try:
        return list(extract_articles(articles, nlp, batch_size=BATCH_SIZE))
    except Exception as exc:  # the per-article boundary of the batch loop: a bug, recorded
        if len(articles) > 1:
            return [x for article in articles for x in extract_guarded([article], nlp, on_error)]
        log.debug("article %s failed", articles[0].id, exc_info=True)
        file, record = split_source(articles[0].source)
        detail = f"{type(exc).__name__}: {exc}"
        on_error(ReadError(file, record or articles[0].id, "internal", detail))
        return []


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_shard(shard: str, out: Path, nlp: Language, *, published: date | None) -> ShardResult:
    """Read, extract and write one input file; a failure is returned, never raised."""
    began, began_cpu = time.perf_counter(), time.process_time()
    if is_done(out, shard_key(shard)):
        return ShardResult(shard, "skipped")
    writer = ShardWriter(out, shard)
    try:
        articles = with_published(read_paths([shard], on_error=writer.add_error), published)
        for chunk in batched(articles, BATCH_SIZE):
            for extracted in extract_guarded(chunk, nlp, writer.add_error):
                writer.add(extracted)
        writer.commit()
    except Exception as exc:  # the per-shard boundary: the driver retries it, then records it
        writer.abort()
        log.debug("shard %s failed", shard, exc_info=True)
        return ShardResult(shard, "failed", detail=f"{type(exc).__name__}: {exc}")
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    return ShardResult(
        shard,
        "done",
        writer.articles,
        writer.errors,
        seconds,
        cpu=cpu,
        memory=peak_memory(),
        worker=os.getpid(),
    )


def peak_memory() -> float:
    """Peak resident memory of this process in MiB (Linux reports ru_maxrss in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def record_failure(out: Path, result: ShardResult) -> None:
    """Write a failed shard's errors table (reason `internal`); its articles file stays absent,
    so the next run tries it again."""
    writer = ShardWriter(out, result.shard, tables=("errors",))
    writer.add_error(ReadError(result.shard, None, "internal", result.detail or ""))
    writer.commit()


# --- engines -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs besides the shard: where to write, which model, which date."""

    out: Path
    model: str
    published: date | None


_worker: dict[str, Any] = {}  # the pipeline of this worker process, loaded once


def _load_worker(model: str) -> None:
    _worker["nlp"] = load_pipeline(model)


def _run_in_worker(shard: str, job: Job, nlp: Language | None = None) -> ShardResult:
    return run_shard(shard, job.out, nlp or _worker["nlp"], published=job.published)


# One BLAS/OpenMP thread per worker: OpenBLAS's own threads in two workers on two cores cut the
# scaling efficiency of 1 -> 2 workers from ~90% to ~25% (benchmarks/batch.py, this machine).
THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def one_thread_each() -> Iterator[None]:
    """Workers spawned inside inherit single-threaded BLAS, unless the user set these himself."""
    added = [name for name in THREAD_LIMITS if name not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


class WorkerSlot:
    """One worker process in a pool of its own, replaced after SHARDS_PER_WORKER shards or when
    it dies. (Not ProcessPoolExecutor's max_tasks_per_child: on Python 3.11 the pool hangs once
    every worker has retired, cpython#115634; and a crash here fails only this slot's shard.)"""

    def __init__(self, job: Job) -> None:
        self.job, self.done = job, 0
        self.pool = self.start()

    def start(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded driver
            initializer=_load_worker,
            initargs=(self.job.model,),
        )

    def submit(self, shard: str) -> Any:
        if self.done == SHARDS_PER_WORKER:
            self.pool.shutdown()
            self.pool, self.done = self.start(), 0
        self.done += 1
        return self.pool.submit(_run_in_worker, shard, self.job)

    def retire(self) -> None:
        """After a crash: the next shard gets a fresh process."""
        self.done = SHARDS_PER_WORKER


def run_local(shards: list[str], job: Job, *, workers: int) -> Iterator[ShardResult]:
    """Worker processes on this machine, each loading the model once, fed one shard at a time."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    queue = list(reversed(shards))
    running: dict[Any, tuple[WorkerSlot, str]] = {}
    with one_thread_each():
        slots = [WorkerSlot(job) for _ in range(min(workers, len(shards)))]
        try:
            for slot in slots:
                shard = queue.pop()
                running[slot.submit(shard)] = (slot, shard)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    slot, shard = running.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool as exc:
                        result = ShardResult(shard, "failed", detail=f"worker died: {exc}")
                        slot.retire()
                    if queue:
                        following = queue.pop()
                        running[slot.submit(following)] = (slot, following)
                    yield result
        finally:
            for slot in slots:
                slot.pool.shutdown(cancel_futures=True)


RESULT_COLUMNS = (
    *("shard", "status", "articles", "errors", "seconds"),
    *("detail", "cpu", "memory", "worker"),
)


class ShardActor:
    """A Ray Data actor: loads the pipeline once, then runs whole shards (batch_size=1)."""

    def __init__(self, job: Job) -> None:
        self.job, self.runs = job, 0
        self.nlp = load_pipeline(job.model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        results = []
        for shard in batch["shard"]:
            if self.runs and self.runs % SHARDS_PER_WORKER == 0:
                self.nlp = load_pipeline(self.job.model)  # as the local engine's recycling
            self.runs += 1
            results.append(_run_in_worker(str(shard), self.job, self.nlp))
        columns = {name: [getattr(r, name) for r in results] for name in RESULT_COLUMNS}
        columns["detail"] = [detail or "" for detail in columns["detail"]]
        return columns


def local_instance() -> dict[str, Any]:
    """ray.init arguments for a local instance: a small object store (shard results are a few
    numbers), and workers that import the driver's own newsgraph (a checkout, not only a wheel)."""
    import newsgraph

    package_root = str(Path(newsgraph.__file__).resolve().parent.parent)
    search_path = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {
        "object_store_memory": 128 * 1024**2,
        "runtime_env": {"env_vars": {"PYTHONPATH": os.pathsep.join(search_path)}},
    }


def run_ray(
    shards: list[str], job: Job, *, workers: int | None, address: str | None
) -> Iterator[ShardResult]:
    """A Ray Data dataset of shard paths mapped by an actor pool; joins `address` when given,
    else starts a lean local instance and stops it afterwards."""
    try:
        import ray
    except ImportError as exc:
        raise NewsgraphError("--engine ray needs Ray: pip install 'newsgraph[ray]'") from exc
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=address,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
            **({} if address else local_instance()),
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # one line per shard is ours to print
    context.print_on_execution_start = False
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        size = min(workers or cpus, len(shards), 2 * cpus - 1)  # more would wait for CPUs forever
        if workers and size < min(workers, len(shards)):
            log.warning("%d workers: the cluster has room for %d actors", workers, size)
        dataset = ray.data.from_items([{"shard": shard} for shard in shards])
        results = dataset.map_batches(
            ShardActor,
            fn_constructor_kwargs={"job": job},
            batch_size=1,
            # Half a CPU each: an actor pool holding every CPU starves Ray Data's own tasks and
            # hangs (ray-project/ray#44687); the spaCy stage still uses a whole core.
            num_cpus=0.5,
            compute=ray.data.ActorPoolStrategy(size=max(1, size)),
        )
        for row in results.iter_rows():
            yield ShardResult(
                str(row["shard"]),
                str(row["status"]),
                int(row["articles"]),
                int(row["errors"]),
                float(row["seconds"]),
                str(row["detail"]) or None,
                float(row["cpu"]),
                float(row["memory"]),
                int(row["worker"]),
            )
    finally:
        if started:
            ray.shutdown()


# --- the batch driver ----------------------------------------------------------------------------


def batch_paths(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
    model: str | None = None,
    published: date | None = None,
) -> Iterator[ShardResult]:
    """`newsgraph batch`: one result per input file as it finishes. Rerunning skips finished
    shards; a failed shard is retried once, then recorded in the errors table (reason `internal`)
    and left unfinished, so the next run tries it again."""
    if engine not in ENGINES:
        raise NewsgraphError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    out = Path(out).absolute()  # workers may run elsewhere: shard paths are theirs to resolve
    out.mkdir(parents=True, exist_ok=True)
    shards = list(dict.fromkeys(str(p) for p in iter_files(paths)))
    if "-" in shards:
        raise NewsgraphError("batch reads files and folders, not standard input (-)")
    job = Job(out=out, model=model or DEFAULT_MODEL, published=published)
    pending = []
    for shard in shards:
        if is_done(out, shard_key(shard)):
            yield ShardResult(shard, "skipped")
        else:
            pending.append(shard)
    for attempt in range(1, ATTEMPTS + 1):
        if not pending:
            break
        if engine == "ray":
            results = run_ray(pending, job, workers=workers, address=address)
        else:
            results = run_local(pending, job, workers=workers or min(len(pending), cpu_count()))
        failed = []
        for result in results:
            if result.status == "failed" and attempt < ATTEMPTS:
                log.info("shard %s failed (%s); retrying", result.shard, result.detail)
                failed.append(result.shard)
                continue
            if result.status == "failed":
                record_failure(out, result)
                result = dataclasses.replace(result, errors=result.errors + 1)
            yield result
        pending = failed


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- loading -------------------------------------------------------------------------------------


def read_batch(out: str | Path, *, on_error: OnError | None = None) -> Iterator[ExtractedArticle]:
    """Every article of every finished shard under `out`, each text once, as `extract` reads a
    folder: shards in path order, and a text already read in an earlier shard goes to `on_error`
    as a `duplicate` (each shard was deduplicated alone when it was extracted)."""
    out = Path(out)
    inputs = {key: shard_of(out, key) for key in done_keys(out)}
    seen: dict[str, str] = {}  # content hash -> source of the first copy
    for key in sorted(inputs, key=lambda k: (inputs[k] is None, Path(inputs[k] or k).parts)):
        for extracted in read_shard(out, key):
            article = extracted.article
            if article.content_hash not in seen:
                seen[article.content_hash] = article.source
                yield extracted
            elif on_error:
                file, record = split_source(article.source)
                detail = f"same text as {seen[article.content_hash]}"
                on_error(ReadError(file, record, "duplicate", detail))


def load_batch(out: str | Path, store: Store) -> dict[str, int]:
    """`newsgraph load`: put every article and bad record under `out` into the store, one
    transaction per article keyed by content hash, so loading twice changes nothing. The store
    merges entities and wire copies across articles as it stores each one."""
    out = Path(out)
    if not (out / "articles").is_dir():
        raise NewsgraphError(f"{out} holds no `newsgraph batch` output (no articles/ folder)")
    counts = {"articles": 0, "new": 0, "bad records": 0}

    def keep_error(error: ReadError) -> None:
        store.put_error(error)
        counts["bad records"] += 1

    for _shard, error in read_errors(out):
        keep_error(error)
    for extracted in read_batch(out, on_error=keep_error):
        counts["articles"] += 1
        counts["new"] += store.put(extracted)
    return counts


def summarise(results: Sequence[ShardResult], out: str | Path) -> str:
    """One line: shards by status, articles and bad records written."""
    status = {
        name: sum(r.status == name for r in results) for name in ("done", "skipped", "failed")
    }
    articles, errors = sum(r.articles for r in results), sum(r.errors for r in results)
    shards = ", ".join(f"{n} {name}" for name, n in status.items())
    return f"{len(results)} shards ({shards}): {articles} articles, {errors} bad records -> {out}"
