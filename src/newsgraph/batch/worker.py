"""What one batch worker does with one input file (a shard): read it through the one door,
`read_articles` with the job's `ReadOptions`, extract its articles through `nlp.pipe` with the
pipeline loaded once per worker, and write its Parquet tables (`batch/shards.py`). Both engines
(`batch/engines.py`) run `run_shard`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsgraph.batch.shards import ShardWriter, is_done, shard_key
from newsgraph.errors import ReadError
from newsgraph.extract import extract_articles
from newsgraph.model import Article, ExtractedArticle
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.read import DEFAULTS, Named, ReadOptions, read_articles
from newsgraph.read.article import split_source

log = logging.getLogger(__name__)

BATCH_SIZE = 16  # articles per nlp.pipe batch, as `extract_articles` uses


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
    duplicates: int = 0  # articles taken out: an earlier shard holds their text

    def __str__(self) -> str:
        if self.status == "failed":
            return f"{self.shard}: failed ({self.detail})"
        repeats = f", {self.duplicates} duplicates of earlier shards" if self.duplicates else ""
        if self.status == "skipped":
            return f"{self.shard}: skipped (already written){repeats}"
        return (
            f"{self.shard}: {self.articles} articles{repeats}, {self.errors} bad records"
            f" in {self.seconds:.1f} s (worker peak {self.memory:.0f} MiB)"
        )


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs besides the shard: where to write, which model, how to read."""

    out: Path
    model: str
    options: ReadOptions = DEFAULTS
    names: dict[str, str] = field(default_factory=dict)  # shard -> its source name (the walk's)

    def pipeline(self) -> Language:
        """The job's pipeline, with the component settings its options ask for."""
        return load_pipeline(self.model, config=self.options.components())


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


def run_shard(
    shard: str,
    out: Path,
    nlp: Language,
    options: ReadOptions = DEFAULTS,
    source: str | None = None,
) -> ShardResult:
    """Read, extract and write one input file, its records named `source` (default: as
    `extract` names a file given by name); a failure is returned, never raised."""
    began, began_cpu = time.perf_counter(), time.process_time()
    if is_done(out, shard_key(shard)):
        return ShardResult(shard, "skipped")
    writer = ShardWriter(out, shard)
    try:
        given = [Named(Path(shard), source)] if source else [shard]
        articles = read_articles(given, options, writer.add_error)
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


_worker: dict[str, Any] = {}  # the pipeline of this worker process, loaded once


def load_worker(job: Job) -> None:
    _worker["nlp"] = job.pipeline()


def run_in_worker(shard: str, job: Job, nlp: Language | None = None) -> ShardResult:
    return run_shard(shard, job.out, nlp or _worker["nlp"], job.options, job.names.get(shard))
