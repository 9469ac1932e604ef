"""Recompute the quote kinds of gold articles that write quotation marks as two apostrophes.

    python tools/archive_kinds.py ../shared/data/polnear_dev.jsonl > /tmp/dev_archive.jsonl

PolNeAR's New York Times texts write ''like this''; the gold's `kind` was computed without
counting those as quotation marks, so none of their quotes is direct. This writes the gold again
with `kind` recomputed by the same rule (every letter inside quotation marks: direct; none:
indirect; else mixed) with '' counted as a mark, for articles that contain ''. Other articles are
copied unchanged. Score `newsgraph extract --apostrophe-quotes` output against it to compare.
"""

from __future__ import annotations

import argparse
import json
import sys

from newsgraph.nlp.quotes import kind_of
from newsgraph.nlp.quotes.marks import find_stretches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold JSONL (../shared/data/README.md)")
    args = parser.parse_args()
    changed = 0
    with open(args.gold, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if "''" in row["text"]:
                stretches = find_stretches(row["text"], apostrophes=True)
                for quote in row["quotes"]:
                    pieces = [(start, end) for start, end in quote["pieces"]]
                    kind = kind_of(row["text"], pieces, stretches)
                    changed += kind != quote["kind"]
                    quote["kind"] = kind
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{changed} quote kinds recomputed", file=sys.stderr)


if __name__ == "__main__":
    main()
