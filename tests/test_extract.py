"""extract_articles streams: a doc is freed as soon as its record is made."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.extract import extract_articles
from newsgraph.read import read_paths

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def live_docs() -> int:
    return sum(isinstance(o, Doc) for o in gc.get_objects())


def test_docs_are_freed_without_the_cyclic_collector(nlp: Any) -> None:
    articles = list(read_paths([EXAMPLES / "wikinews.jsonl"]))[:12]
    gc.collect()
    before = live_docs()
    gc.disable()  # only reference counting frees what follows: a doc in a cycle would stay
    try:
        records = list(extract_articles(articles, nlp, batch_size=4))
        after = live_docs()
    finally:
        gc.enable()
    assert len(records) == len(articles) == 12
    assert records[0].quotes or records[0].entities  # the spans were read before the doc went
    assert after - before <= 1
