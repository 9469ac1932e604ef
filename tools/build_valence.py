"""Build `nlp/resources/valence.tsv`: how good or bad a word is, -1..1, one word a line.

From two published sentiment lexicons, read from their PyPI packages' files:
- VADER (`vaderSentiment/vader_lexicon.txt`, MIT, Copyright (c) 2016 C.J. Hutto; the notice
  travels in `resources/LICENSE-vader`): the mean human rating, -4..4, divided by 4;
- Pattern's adjectives (`textblob/en/en-sentiment.xml`, PDDL, De Smedt and Daelemans): the mean
  polarity of the word's senses, for the words VADER lacks.

Words of letters, hyphens and apostrophes only; those rated under 0.1 either way are left out.

    python tools/build_valence.py VADER_LEXICON EN_SENTIMENT_XML \
        > src/newsgraph/nlp/resources/valence.tsv
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

WORD = re.compile(r"[a-z][a-z'-]*")


def vader(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, mean = line.split("\t")[:2]
        if WORD.fullmatch(word):
            out[word] = float(mean) / 4
    return out


def pattern(path: Path) -> dict[str, float]:
    senses: dict[str, list[float]] = defaultdict(list)
    for m in re.finditer(r'<word form="([^"]+)"[^>]*?polarity="([^"]+)"', path.read_text("utf-8")):
        senses[m.group(1).lower()].append(float(m.group(2)))
    return {w: sum(v) / len(v) for w, v in senses.items() if WORD.fullmatch(w)}


def main(vader_path: str, pattern_path: str) -> None:
    scores = pattern(Path(pattern_path)) | vader(Path(vader_path))
    print("# How good (+) or bad (-) a word is, -1..1: VADER (MIT, see LICENSE-vader), else")
    print("# Pattern's adjectives (PDDL); built by tools/build_valence.py. Read by")
    print("# newsgraph_events (events/naming.py) to tell praise from criticism in a naming.")
    for word in sorted(scores):
        if abs(scores[word]) >= 0.1:
            print(f"{word}\t{scores[word]:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
