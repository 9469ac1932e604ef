"""The crawl in shards: `run` drives it, `engines` place the workers (local processes or Ray),
`worker` reads, extracts and writes one input file, `shards` holds the Parquet tables.

`newsgraph batch` calls `batch_paths`, `newsgraph load` calls `load_batch`.
"""

from newsgraph.batch.run import batch_paths, load_batch, read_batch, summarise
from newsgraph.batch.worker import ShardResult

__all__ = ["ShardResult", "batch_paths", "load_batch", "read_batch", "summarise"]
