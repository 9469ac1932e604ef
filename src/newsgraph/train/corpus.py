"""Gold articles parsed once: spaCy docs (model and paragraph breaks, no newsgraph components)
kept as a DocBin beside the gold file's rows, so that features can be recomputed cheaply."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsgraph.evaluate import read_gold
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline

log = logging.getLogger(__name__)
Row = dict[str, Any]


def parse_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The trained model with newsgraph's sentence breaks and none of its components."""
    return load_pipeline(model, components=())


def parse_rows(nlp: Language, rows: list[Row]) -> Iterator[Doc]:
    """Docs of gold rows' texts, in order (offsets are the rows' own)."""
    yield from nlp.pipe((row["text"] for row in rows), batch_size=8)


def load_parsed(
    gold: str | Path, nlp: Language, *, cache: Path | None = None
) -> tuple[list[Row], list[Doc]]:
    """Gold rows and their parsed docs; with `cache`, parsed once and read back after."""
    rows = read_gold(gold)
    if cache is None:
        return rows, list(parse_rows(nlp, rows))
    digest = hashlib.sha256("".join(r["text"] for r in rows).encode()).hexdigest()[:12]
    path = Path(cache) / f"{Path(gold).stem}-{digest}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        return rows, docs
    docs = []
    for i, doc in enumerate(parse_rows(nlp, rows)):
        docs.append(doc)
        if i % 50 == 0:
            log.info("%s: parsed %d of %d", gold, i, len(rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return rows, docs
