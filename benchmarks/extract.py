"""Extraction speed: `newsgraph extract` on the sample corpus beside raw `nlp.pipe` on its texts.

    python benchmarks/extract.py                          # examples/ (21 articles), quick
    python benchmarks/extract.py ../shared/samples/wikinews_en.jsonl --repeat 1

Three passes in one process, over the same articles: (1) the full newsgraph extraction as the
CLI runs it (read, spaCy model plus newsgraph components, records), model load excluded;
(2) raw `nlp.pipe` of the spaCy model alone on the texts; (3) each pipeline component timed on
its own, calling the components in order on each doc. Prints articles/s and words/s of (1) and
(2), the time share of each component, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402  (after the src path)

from newsgraph.errors import ReadError  # noqa: E402
from newsgraph.extract import extract_articles, make_doc  # noqa: E402
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline  # noqa: E402
from newsgraph.read import read_paths  # noqa: E402


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, seconds: float, articles: int, words: int) -> str:
    return (
        f"{label:<34} {articles / seconds:8.1f} articles/s {words / seconds:10.0f} words/s "
        f"({seconds:.2f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the articles")
    args = parser.parse_args()

    skipped: list[ReadError] = []
    articles = list(read_paths(args.paths, on_error=skipped.append))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words} words ({len(skipped)} inputs skipped)")
    print(f"peak memory before models: {peak_mb():.0f} MB")

    nlp = load_pipeline(args.model)
    raw = spacy.load(args.model)
    list(extract_articles(articles[:2], nlp))  # warm up both pipelines
    list(raw.pipe(texts[:2]))

    start = time.perf_counter()
    for _ in range(args.repeat):
        list(extract_articles(read_paths(args.paths, on_error=lambda _: None), nlp))
    full = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(args.repeat):
        list(raw.pipe(texts))
    bare = time.perf_counter() - start
    n, w = args.repeat * len(articles), args.repeat * words
    print(timed("newsgraph extract (read+nlp+records)", full, n, w))
    print(timed(f"raw nlp.pipe ({args.model})", bare, n, w))
    print(f"newsgraph costs {full / bare:.2f}x raw spaCy")

    cost: dict[str, float] = defaultdict(float)
    for article in articles:
        doc = make_doc(nlp, article)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            cost[name] += time.perf_counter() - start
    total = sum(cost.values())
    print("per component (one pass, doc by doc):")
    for name, seconds in cost.items():
        print(
            f"  {name:<24} {1000 * seconds / len(articles):7.2f} ms/article {seconds / total:6.1%}"
        )
    print(f"peak memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
