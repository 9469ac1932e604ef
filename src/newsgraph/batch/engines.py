"""Where batch workers run: `local` worker processes on this machine, or a `ray` actor pool on a
Ray cluster. Each engine takes shard paths and yields one ShardResult per shard as it finishes;
Ray is imported only by the ray engine, so `extract` and `ingest` never load it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.batch.worker import Job, ShardResult, load_worker, run_in_worker
from newsgraph.errors import NewsgraphError
from newsgraph.workers import default_workers, one_thread_each

log = logging.getLogger(__name__)

SHARDS_PER_WORKER = 8  # then the worker is replaced: spaCy's memory grows in long-lived workers


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
            initializer=load_worker,
            initargs=(self.job,),
        )

    def submit(self, shard: str) -> Any:
        if self.done == SHARDS_PER_WORKER:
            self.pool.shutdown()
            self.pool, self.done = self.start(), 0
        self.done += 1
        return self.pool.submit(run_in_worker, shard, self.job)

    def retire(self) -> None:
        """After a crash: the next shard gets a fresh process."""
        self.done = SHARDS_PER_WORKER


def run_local(
    shards: list[str], job: Job, *, workers: int | None, address: str | None = None
) -> Iterator[ShardResult]:
    """Worker processes on this machine (by default one per core, as memory allows: see
    `workers.default_workers`), each loading the model once, fed one shard at a time. `address`
    is for the ray engine only."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    workers = workers or default_workers()
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
        self.nlp = job.pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        results = []
        for shard in batch["shard"]:
            if self.runs and self.runs % SHARDS_PER_WORKER == 0:
                self.nlp = self.job.pipeline()  # as the local engine's recycling
            self.runs += 1
            results.append(run_in_worker(str(shard), self.job, self.nlp))
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
            # "local": a fresh instance even where `ray start` left a cluster running, which
            # ray.init() would otherwise join (and refuse the local instance's settings)
            address=address or "local",
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


Engine = Callable[..., Iterator[ShardResult]]
ENGINES: dict[str, Engine] = {"local": run_local, "ray": run_ray}
