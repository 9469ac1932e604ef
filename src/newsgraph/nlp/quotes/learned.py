"""The learned part of newsgraph_quotes: a logistic model's confidence for every attribution, and
which of the rules' quotes and the wider candidates (`candidates.py`) it keeps.

The weights are a JSON file in `nlp/resources/` written by `newsgraph train quotes`
(`newsgraph.train.quotes`); its `card` says what they were trained on and how they scored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class QuoteModel:
    """Logistic weights over string features, and the thresholds chosen on the training data.

    `drop`: rule quotes (not direct) below it are dropped. `add`: per kind, the confidence a wider
    candidate needs to join them; a kind missing from it is never added. `object_cues`: lemmas
    whose object or preposition may hold the content ("accused X of ..."), learned from train.
    """

    weights: dict[str, float]
    bias: float
    drop: float
    add: dict[str, float]
    object_cues: frozenset[str]
    card: dict[str, Any]

    def confidence(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path) -> QuoteModel:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=dict(raw["weights"]),
            bias=float(raw["bias"]),
            drop=float(raw["drop"]),
            add={kind: float(v) for kind, v in raw["add"].items()},
            object_cues=frozenset(raw["object_cues"]),
            card=dict(raw.get("card", {})),
        )

    def to_json(self) -> dict[str, Any]:
        weights = {f: round(w, 5) for f, w in sorted(self.weights.items()) if round(w, 5)}
        return {
            "card": self.card,
            "bias": round(self.bias, 5),
            "drop": self.drop,
            "add": self.add,
            "object_cues": sorted(self.object_cues),
            "weights": weights,
        }


@dataclass(frozen=True)
class Proposal:
    """What `keep` needs of a rule quote or a candidate: its span, cue token, kind, score."""

    start: int
    end: int
    cue: int | None  # token index of the cue's root
    kind: str
    rule: bool
    confidence: float


def keep(proposals: list[Proposal], drop: float, add: dict[str, float]) -> list[int]:
    """Indices of the proposals kept: rule quotes at or above `drop` (direct ones always: the
    rules' own ground), then candidates at or above their kind's `add`, best first, unless one
    overlaps a kept quote by half of the longer span or shares its cue (a rule quote keeps its
    span and speaker; the same gold quote cannot count twice)."""
    kept = [
        i
        for i, p in enumerate(proposals)
        if p.rule and (p.confidence >= drop or p.kind == "direct")
    ]
    extra = [
        i
        for i, p in enumerate(proposals)
        if not p.rule and p.kind in add and p.confidence >= add[p.kind]
    ]
    for i in sorted(extra, key=lambda i: -proposals[i].confidence):
        if not any(_clash(proposals[i], proposals[k]) for k in kept):
            kept.append(i)
    return sorted(kept)


def _clash(a: Proposal, b: Proposal) -> bool:
    if a.cue is not None and a.cue == b.cue:
        return True
    inter = min(a.end, b.end) - max(a.start, b.start)
    longer = max(a.end - a.start, b.end - b.start)
    return longer > 0 and inter / longer >= 0.5
