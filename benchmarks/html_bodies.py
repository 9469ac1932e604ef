"""HTML body quality and speed: newsgraph's HTML reader against hand-cleaned gold.

    python benchmarks/html_bodies.py [--pages examples/html] [--gold examples/wikinews.jsonl]
        [--repeat 5]
    python benchmarks/html_bodies.py --benchmark article-extraction-benchmark/ --repeat 1

Scores each page's body with the metric of the article-extraction benchmark
(github.com/scrapinghub/article-extraction-benchmark): shingles are 4-grams of `\\w+` tokens,
counted as a multiset; per page, true/false positives and false negatives are normalised to sum
to 1; precision and recall are averaged over pages and F1 is taken from the averages. Gold is
the page's Wikinews text in the JSONL (pages matched by URL). Prints the same for plain
trafilatura settings beside ours, and pages/second of each on one core. (Not called html.py:
a script's folder comes first on the import path, and would shadow the standard `html` module.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.read.html import article_from_html  # noqa: E402  (after the src path)

TOKEN = re.compile(r"\w+")
Extractor = Callable[[bytes], str]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def match(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of shingles, normalised to sum to 1 so long pages weigh no more."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    def ratio(part: float, other: float) -> float:
        return 1.0 if part + other == 0 else part / (part + other)

    precision = statistics.mean(ratio(tp, fp) for tp, fp, _ in matches)
    recall = statistics.mean(ratio(tp, fn) for tp, _, fn in matches)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ours(html: bytes) -> str:
    article = article_from_html(html, source="bench", record=None, on_error=lambda _: None)
    return article.text if article else ""


def plain(**options: bool) -> Extractor:
    return lambda html: trafilatura.extract(html, include_comments=False, **options) or ""


EXTRACTORS: dict[str, Extractor] = {
    "newsgraph reader": ours,
    "trafilatura default": plain(),
    "trafilatura fast": plain(fast=True),
    "trafilatura precision": plain(favor_precision=True),
}


def example_pages(pages: Path, gold_jsonl: Path) -> list[tuple[bytes, str]]:
    """(html, gold body) of our example pages, gold from the JSONL matched by canonical URL."""
    gold = {}
    for line in gold_jsonl.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["url"]] = row["text"]
    found = []
    for path in sorted(pages.glob("*.html")):
        html = path.read_bytes()
        url = re.search(rb'<link rel="canonical" href="([^"]+)"', html)
        if url and url.group(1).decode() in gold:
            found.append((html, gold[url.group(1).decode()]))
    return found


def benchmark_pages(folder: Path) -> list[tuple[bytes, str]]:
    """(html, gold body) of a checkout of the article-extraction benchmark: ground-truth.json
    and html/<key>.html.gz."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()), item["articleBody"])
        for key, item in sorted(truth.items())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "examples" / "html")
    parser.add_argument("--gold", type=Path, default=ROOT / "examples" / "wikinews.jsonl")
    parser.add_argument(
        "--benchmark",
        type=Path,
        help="a checkout of scrapinghub/article-extraction-benchmark: score its 181 real pages",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds over all pages")
    args = parser.parse_args()
    if args.benchmark:
        pages = benchmark_pages(args.benchmark)
    else:
        pages = example_pages(args.pages, args.gold)
    print(f"{len(pages)} pages with gold text")
    for name, extract in EXTRACTORS.items():
        result = scores([match(text, extract(html)) for html, text in pages])
        start = time.perf_counter()
        for _ in range(args.repeat):
            for html, _text in pages:
                extract(html)
        rate = args.repeat * len(pages) / (time.perf_counter() - start)
        print(
            f"{name:<24} precision={result['precision']:.3f} recall={result['recall']:.3f} "
            f"F1={result['f1']:.3f}  {rate:.0f} pages/s"
        )


if __name__ == "__main__":
    main()
