"""The `newsgraph` command (Typer): `main` holds the app and its one error boundary, `options`
the shared options, and a module per command family registers its commands, as spaCy's
`spacy/cli/` does: `extract` (extract, eval), `store` (ingest and the queries), `batch` (batch,
load), `serve` (serve, demo), `train` (train quotes), `watch` (watch). `table` lays records out
for the terminal.
"""

from newsgraph.cli import batch, extract, serve, store, train, watch
from newsgraph.cli.main import app, with_progress

__all__ = ["app", "batch", "extract", "serve", "store", "train", "watch", "with_progress"]
