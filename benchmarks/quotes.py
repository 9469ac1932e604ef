"""Quote extraction: its share of the pipeline's time, and its accuracy on PolNeAR dev.

    python benchmarks/quotes.py                  # quick: 20 articles for speed, 20 for accuracy
    python benchmarks/quotes.py --articles 84 --eval-limit 0      # all of dev (0 = every article)

Speed: the same dev articles run through the default pipeline with and without
`newsgraph_quotes` in one process (model loaded once, one warm-up pass), giving articles/second
for each (best of --repeat interleaved runs) and the component's share of the pipeline's time;
the component's own time is also measured directly on the parsed docs. Accuracy:
`newsgraph eval quotes` on the first N articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "polnear_dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluate import evaluate, read_gold  # noqa: E402  (after the src path)
from newsgraph.nlp.pipeline import load_pipeline  # noqa: E402


def rate(nlp, texts: list[str], disable: list[str]) -> float:  # type: ignore[no-untyped-def]
    """Articles per second through the pipeline, some components disabled."""
    with nlp.select_pipes(disable=disable):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return len(texts) / (time.perf_counter() - start)


def own_time(nlp, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    """Seconds the quote component alone spends on the texts, already parsed."""
    finder = nlp.get_pipe("newsgraph_quotes")
    with nlp.select_pipes(disable=["newsgraph_quotes"]):
        docs = list(nlp.pipe(texts, batch_size=16))
    start = time.perf_counter()
    for doc in docs:
        finder(doc)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20, help="articles timed (dev order)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each, best kept")
    parser.add_argument("--eval-limit", type=int, default=20, help="articles scored; 0 = all")
    args = parser.parse_args()

    texts = [row["text"] for row in read_gold(DEV, limit=args.articles)]
    nlp = load_pipeline()
    rate(nlp, texts[:2], [])  # warm-up
    with_quotes = without = 0.0
    for _ in range(args.repeat):  # interleaved, best of each: the machine is shared
        with_quotes = max(with_quotes, rate(nlp, texts, []))
        without = max(without, rate(nlp, texts, ["newsgraph_quotes"]))
    alone = own_time(nlp, texts)
    share = (1 / with_quotes - 1 / without) * with_quotes
    print(f"articles timed                   {len(texts)}")
    print(f"pipeline with quotes             {with_quotes:.2f} articles/s")
    print(f"pipeline without quotes          {without:.2f} articles/s")
    print(f"ratio (with / without)           {with_quotes / without:.3f}")
    print(f"quotes share of pipeline time    {max(share, 0.0):.1%} (from the two rates)")
    print(
        f"quotes component alone           {alone / len(texts) * 1000:.1f} ms/article, "
        f"{alone * with_quotes / len(texts):.1%} of the full pipeline"
    )
    scores = evaluate("quotes", DEV, limit=args.eval_limit or None)
    print(f"accuracy on polnear_dev (first {args.eval_limit or 'all'} articles):")
    for name, value in scores.items():
        print(f"  {name:<30} {value:.3f}")


if __name__ == "__main__":
    main()
