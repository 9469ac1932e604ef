"""`newsgraph batch` and `newsgraph load`: extraction of a crawl one input file (a shard) at a
time, on local worker processes or a Ray cluster, into Parquet shards; then into a Store.

This is the driver: it lists the shards, skips finished ones, hands the rest to an engine
(`batch/engines.py`), whose workers run `batch/worker.run_shard`, and retries a failed shard
once before recording it in the errors table. Loading reads the Parquet back through
`batch/shards.py`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from newsgraph.batch.engines import ENGINES
from newsgraph.batch.shards import (
    ShardWriter,
    done_keys,
    drop_repeats,
    is_done,
    read_errors,
    read_shard,
    shard_key,
    shard_of,
)
from newsgraph.batch.worker import Job, ShardResult
from newsgraph.errors import NewsgraphError, OnError, ReadError
from newsgraph.model import ExtractedArticle
from newsgraph.nlp.pipeline import DEFAULT_MODEL
from newsgraph.read import DEFAULTS, ReadOptions, iter_inputs
from newsgraph.read.article import split_source
from newsgraph.store.base import Store

__all__ = ["ShardResult", "batch_paths", "load_batch", "read_batch", "summarise"]

log = logging.getLogger(__name__)

ATTEMPTS = 2  # a failed shard is retried once


def record_failure(out: Path, result: ShardResult) -> None:
    """Write a failed shard's errors table (reason `internal`); its articles file stays absent,
    so the next run tries it again."""
    writer = ShardWriter(out, result.shard, tables=("errors",))
    writer.add_error(ReadError(result.shard, None, "internal", result.detail or ""))
    writer.commit()


# --- the batch driver ----------------------------------------------------------------------------


def batch_paths(
    paths: Iterable[str | Path],
    out: str | Path,
    options: ReadOptions = DEFAULTS,
    *,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
    model: str | None = None,
) -> Iterator[ShardResult]:
    """`newsgraph batch`: one result per input file, in path order as the files before it
    finish. A text an earlier shard holds is taken out of the later one (`Repeats`), so the
    Parquet holds each article once. Rerunning skips finished shards; a failed shard is retried
    once, then recorded in the errors table (reason `internal`) and left unfinished, so the next
    run tries it again."""
    if engine not in ENGINES:
        raise NewsgraphError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    out = Path(out).absolute()  # workers may run elsewhere: shard paths are theirs to resolve
    out.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}  # shard -> the name extract would give its records, first wins
    for path, source in iter_inputs(paths):
        names.setdefault(str(path), source)
    shards = list(names)
    if "-" in shards:
        raise NewsgraphError("batch reads files and folders, not standard input (-)")
    job = Job(out=out, model=model or DEFAULT_MODEL, options=options, names=names)
    pending = [shard for shard in shards if not is_done(out, shard_key(shard))]
    repeats = Repeats(out, shards)
    for shard in shards:
        if shard not in pending:
            yield from repeats.finish(ShardResult(shard, "skipped"))
    for attempt in range(1, ATTEMPTS + 1):
        if not pending:
            break
        results = ENGINES[engine](pending, job, workers=workers, address=address)
        failed = []
        for result in results:
            if result.status == "failed" and attempt < ATTEMPTS:
                log.info("shard %s failed (%s); retrying", result.shard, result.detail)
                failed.append(result.shard)
                continue
            if result.status == "failed":
                record_failure(out, result)
                result = dataclasses.replace(result, errors=result.errors + 1)
            yield from repeats.finish(result)
        pending = failed


def path_order(shard: str) -> tuple[str, ...]:
    """Shards in path order, as `extract` reads a folder (and `read_batch` reads them back)."""
    return Path(shard).parts


class Repeats:
    """One text once in the whole output: a shard's results are given out in path order, each
    once every shard before it is finished, without the articles an earlier shard holds (the
    first copy stays, as `extract` keeps it; the repeats go to the shard's errors table)."""

    def __init__(self, out: Path, shards: list[str]) -> None:
        self.out, self.order = out, sorted(shards, key=path_order)
        self.finished: dict[str, ShardResult] = {}
        self.seen: dict[str, str] = {}  # content hash -> source of the first copy
        self.next = 0

    def finish(self, result: ShardResult) -> Iterator[ShardResult]:
        self.finished[result.shard] = result
        while self.next < len(self.order) and self.order[self.next] in self.finished:
            ready = self.finished.pop(self.order[self.next])
            self.next += 1
            key = shard_key(ready.shard)
            dropped = drop_repeats(self.out, key, self.seen) if is_done(self.out, key) else 0
            if ready.status == "done":
                yield dataclasses.replace(
                    ready, articles=ready.articles - dropped, duplicates=dropped
                )
            else:
                yield dataclasses.replace(ready, duplicates=dropped)


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


LOAD_BATCH = 500  # articles a transaction of `load`


def load_batch(out: str | Path, store: Store, *, batch_size: int = LOAD_BATCH) -> dict[str, int]:
    """`newsgraph load`: put every article and bad record under `out` into the store,
    `batch_size` articles a transaction (`Store.put_many`: COPY on PostgreSQL), keyed by
    content hash, so loading twice changes nothing. The store merges entities and wire copies
    across articles as `ingest` does, article by article in path order."""
    out = Path(out)
    if not (out / "articles").is_dir():
        raise NewsgraphError(f"{out} holds no `newsgraph batch` output (no articles/ folder)")
    counts = {"articles": 0, "new": 0, "bad records": 0}

    def keep_error(error: ReadError) -> None:
        store.put_error(error)
        counts["bad records"] += 1

    for _shard, error in read_errors(out):
        keep_error(error)
    pending: list[ExtractedArticle] = []
    for extracted in read_batch(out, on_error=keep_error):
        counts["articles"] += 1
        pending.append(extracted)
        if len(pending) == batch_size:
            counts["new"] += store.put_many(pending)
            pending.clear()
    counts["new"] += store.put_many(pending) if pending else 0
    return counts


def summarise(results: Sequence[ShardResult], out: str | Path) -> str:
    """One line: shards by status, articles, repeats taken out and bad records written."""
    status = {
        name: sum(r.status == name for r in results) for name in ("done", "skipped", "failed")
    }
    articles, errors = sum(r.articles for r in results), sum(r.errors for r in results)
    repeats = sum(r.duplicates for r in results)
    shards = ", ".join(f"{n} {name}" for name, n in status.items())
    return (
        f"{len(results)} shards ({shards}): {articles} articles, {repeats} duplicates across "
        f"shards, {errors} bad records -> {out}"
    )
