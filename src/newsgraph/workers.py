"""Extraction on every core: worker processes that each load the spaCy pipeline once, fed chunks
of articles, whose records come back in input order. `ingest --workers N` extracts through it while
its parent stays the one writer; `batch`'s local engine shares its thread limits and core count.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future
from contextlib import ExitStack, contextmanager
from types import TracebackType

from spacy.language import Language

from newsgraph.extract import extract_articles
from newsgraph.model import Article, ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline

log = logging.getLogger(__name__)

# Resident memory of one worker holding the pipeline: ~400 MiB (benchmarks/extract.py and
# benchmarks/batch.py measure 390-450 MiB peaks). The default worker count leaves each that much.
WORKER_MB = 400
CHUNK = 4  # articles per task: small enough to keep every worker busy on a short input
AHEAD = 2  # chunks in flight per worker: reading stays a step ahead, memory stays bounded

# One BLAS/OpenMP thread per worker: OpenBLAS's own threads in two workers on two cores cut the
# scaling efficiency of 1 -> 2 workers from ~90% to ~25% (benchmarks/batch.py, this machine).
THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def cpu_count() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def available_mb() -> float | None:
    """Memory available for new processes (Linux's MemAvailable), MiB; None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def default_workers() -> int:
    """One worker per core, but no more than the available memory holds at WORKER_MB each."""
    cores, memory = cpu_count(), available_mb()
    fits = cores if memory is None else int(memory // WORKER_MB)
    return max(1, min(cores, fits))


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


# --- inside a worker process ---------------------------------------------------------------------

_worker: dict[str, Language] = {}  # this worker's pipeline, loaded once


def _orphaned(parent: int) -> None:
    """End this worker when its parent is gone: a parent killed with SIGKILL never closes the
    pool's queues, and a worker blocked on them would hold its model's memory for ever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def start_worker(model: str, config: Mapping[str, Mapping[str, object]]) -> None:
    threading.Thread(target=_orphaned, args=(os.getppid(),), daemon=True).start()
    _worker["nlp"] = load_pipeline(model, config=config)


def extract_chunk(articles: list[Article]) -> list[ExtractedArticle]:
    return list(extract_articles(articles, _worker["nlp"]))


# --- in the parent -------------------------------------------------------------------------------


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ExtractionPool:
    """`workers` processes extracting with the pipeline `model` (and component `config`).

    `extract` reads its input in this process, in order, and yields every record in that order,
    so what the caller writes does not depend on the number of workers. A bug in a worker raises
    here, as it would in a one-process run.
    """

    def __init__(
        self, workers: int, model: str, config: Mapping[str, Mapping[str, object]]
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        # The pool starts its processes as tasks come: the limits stay set while it is open.
        self.threads = ExitStack()
        self.threads.enter_context(one_thread_each())
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),  # no fork of a threaded parent
            initializer=start_worker,
            initargs=(model, dict(config)),
        )

    def extract(self, articles: Iterable[Article]) -> Iterator[ExtractedArticle]:
        pending: deque[Future[list[ExtractedArticle]]] = deque()
        for chunk in chunked(articles, CHUNK):
            pending.append(self.pool.submit(extract_chunk, chunk))
            while len(pending) >= self.workers * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.threads.close()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
