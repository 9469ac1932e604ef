"""`newsgraph train quotes`: fit newsgraph_quotes' confidence model on PolNeAR-shaped gold.

Every rule quote and every wider candidate of a training article becomes one example, labelled 1
when it matches a gold attribution as `newsgraph eval quotes` counts a match (overlap of at least
half the longer span) and names the same speaker. A logistic regression (numpy, L2, full-batch
Adam, seeded) is fitted; its L2 strength and the thresholds (`drop` for rule quotes, `add` per
kind for candidates) are chosen by 5-fold cross-validation over the training articles only:
the out-of-fold predictions' all-kinds F1 is maximised on condition that no score the floors hold
(`FLOORED`: each kind's F1, speaker accuracy) falls below the rules' own. The dev file is scored
once at the end, to confirm.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.evaluate import overlap_ratio, score_quotes
from newsgraph.nlp.pipeline import DEFAULT_MODEL
from newsgraph.nlp.quotes import QuotesFinder
from newsgraph.nlp.quotes.candidates import propose, speech_stretches
from newsgraph.nlp.quotes.learned import Proposal, QuoteModel, keep
from newsgraph.train.corpus import load_parsed

log = logging.getLogger(__name__)
Row = dict[str, Any]
SEED = 14
FOLDS = 5
L2_GRID = (1e-4, 1e-3, 1e-2)
DROPS = (0.0, 0.05, 0.1, 0.2)
NEVER = 1.01  # an `add` threshold no confidence reaches
ADDS = (0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, NEVER)
KINDS = ("indirect", "mixed", "direct")
# scores the model may not lower below the rules' (tests/floors.json holds them on dev)
FLOORED = ("direct.f1", "indirect.f1", "mixed.f1", "all.speaker_accuracy")
MIN_FEATURE_COUNT = 3  # features seen fewer times in training get no weight
MIN_OBJECT_CUE = 5  # a lemma is an object cue when this many gold cues of train have it ...
OBJECT_CUE_SHARE = 0.5  # ... and they are at least this share of its uses with an object


@dataclass
class Example:
    """One proposed attribution of one article, with its features and its gold label."""

    article: int
    pieces: list[tuple[int, int]]
    kind: str
    speaker: tuple[int, int] | None
    cue: int | None  # token index of the cue's root
    rule: bool
    features: list[str]
    label: int = 0
    confidence: float = 0.0


@dataclass
class Matrix:
    """Examples as a sparse 0/1 matrix: (row, column) pairs, and the labels."""

    rows: np.ndarray
    cols: np.ndarray
    labels: np.ndarray
    n_features: int = 0
    names: list[str] = field(default_factory=list)


def examples_of(
    doc: Doc, article: int, finder: QuotesFinder, object_cues: frozenset[str]
) -> list[Example]:
    """The rule quotes of one parsed doc and the wider candidates, as the component sees them."""
    stretches = speech_stretches(doc.text, finder.apostrophe_quotes)
    items = propose(doc, finder.find(doc), object_cues, finder.cues, stretches)
    return [
        Example(
            article,
            item.pieces,
            item.kind,
            (item.speaker.start_char, item.speaker.end_char) if item.speaker is not None else None,
            item.cue.root.i if item.cue is not None else None,
            item.origin == "rule",
            item.features,
        )
        for item in items
    ]


def label(examples: list[Example], rows: list[Row]) -> None:
    """1 for an example that is right: it overlaps a gold attribution of its article by half the
    longer span, and its speaker is that attribution's (mentions overlap, or both absent)."""
    for ex in examples:
        span = (ex.pieces[0][0], ex.pieces[-1][1])
        gold = rows[ex.article].get("quotes", [])
        ex.label = int(
            any(
                overlap_ratio(_gold_span(g), span) >= 0.5 and _same_speaker(g, ex.speaker)
                for g in gold
            )
        )


def _same_speaker(gold: Row, speaker: tuple[int, int] | None) -> bool:
    if gold.get("speaker_start") is None or speaker is None:
        return gold.get("speaker_start") is None and speaker is None
    return bool(gold["speaker_start"] < speaker[1] and speaker[0] < gold["speaker_end"])


def _gold_span(quote: Row) -> tuple[int, int]:
    pieces = quote.get("pieces") or [(quote["start"], quote["end"])]
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


def learn_object_cues(rows: list[Row], docs: Sequence[Doc]) -> frozenset[str]:
    """Lemmas whose object is, in most of their uses in the training data, attributed content
    ("accused X of ...", "denied the report"): the cue words of gold attributions, counted."""
    cued: Counter[str] = Counter()
    used: Counter[str] = Counter()
    for row, doc in zip(rows, docs, strict=True):
        starts = {q["cue_start"] for q in row.get("quotes", []) if q.get("cue_start") is not None}
        for token in doc:
            if token.pos_ == "VERB" and any(c.dep_ in ("dobj", "prep") for c in token.children):
                used[token.lemma_.lower()] += 1
                if token.idx in starts:
                    cued[token.lemma_.lower()] += 1
    return frozenset(
        lemma
        for lemma, n in cued.items()
        if n >= MIN_OBJECT_CUE and n / used[lemma] >= OBJECT_CUE_SHARE
    )


def to_matrix(examples: list[Example], names: list[str] | None = None) -> Matrix:
    if names is None:
        counts = Counter(f for ex in examples for f in set(ex.features))
        names = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        for c in sorted({index[f] for f in ex.features if f in index}):
            rows.append(r)
            cols.append(c)
    labels = np.array([ex.label for ex in examples], dtype=np.float64)
    return Matrix(np.array(rows), np.array(cols), labels, len(names), names)


def fit(m: Matrix, l2: float, *, steps: int = 400, rate: float = 0.05) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch Adam: weights and bias (seeded: starts at zero)."""
    n = len(m.labels)
    w = np.zeros(m.n_features + 1)  # the last is the bias
    mom, vel = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        z = np.bincount(m.rows, weights=w[m.cols], minlength=n) + w[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - m.labels) / n
        grad = np.zeros_like(w)
        grad[:-1] = np.bincount(m.cols, weights=err[m.rows], minlength=m.n_features)
        grad[:-1] += l2 * w[:-1]
        grad[-1] = err.sum()
        mom = 0.9 * mom + 0.1 * grad
        vel = 0.999 * vel + 0.001 * grad**2
        w -= rate * (mom / (1 - 0.9**step)) / (np.sqrt(vel / (1 - 0.999**step)) + 1e-8)
    return w[:-1], float(w[-1])


def predict(m: Matrix, weights: np.ndarray, bias: float) -> np.ndarray:
    z = np.bincount(m.rows, weights=weights[m.cols], minlength=len(m.labels)) + bias
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def select(examples: list[Example], drop: float, add: dict[str, float]) -> dict[int, list[Example]]:
    """What the component keeps of each article's examples (`quote_model.keep`)."""
    by_article: dict[int, list[Example]] = {}
    for ex in examples:
        by_article.setdefault(ex.article, []).append(ex)
    kept = {}
    for article, group in by_article.items():
        proposals = [
            Proposal(ex.pieces[0][0], ex.pieces[-1][1], ex.cue, ex.kind, ex.rule, ex.confidence)
            for ex in group
        ]
        kept[article] = [group[i] for i in keep(proposals, drop, add)]
    return kept


def score(
    examples: list[Example], rows: list[Row], drop: float, add: dict[str, float]
) -> dict[str, float]:
    kept = select(examples, drop, add)
    predicted = [
        {"article": {"id": row["id"]}, "quotes": [_quote_row(ex) for ex in kept.get(i, [])]}
        for i, row in enumerate(rows)
    ]
    return score_quotes(rows, predicted)


def _quote_row(ex: Example) -> Row:
    spk = ex.speaker or (None, None)
    return {
        "start": ex.pieces[0][0],
        "end": ex.pieces[-1][1],
        "kind": ex.kind,
        "speaker_start": spk[0],
        "speaker_end": spk[1],
    }


def calibration(examples: list[Example], bins: int = 10) -> tuple[float, list[dict[str, float]]]:
    """Expected calibration error and reliability bins (mean confidence, share right, count)."""
    table = []
    ece = 0.0
    total = len(examples)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        group = [
            ex
            for ex in examples
            if lo <= ex.confidence < hi or (b == bins - 1 and ex.confidence == 1)
        ]
        if not group:
            continue
        conf = sum(ex.confidence for ex in group) / len(group)
        right = sum(ex.label for ex in group) / len(group)
        ece += len(group) / total * abs(conf - right)
        table.append({"bin": lo, "confidence": conf, "right": right, "count": len(group)})
    return ece, table


# --- the whole run ------------------------------------------------------------------------------


def rules_finder(model: str) -> tuple[Language, QuotesFinder]:
    """The parsing pipeline, and newsgraph_quotes with rules only (no shipped model)."""
    from newsgraph.nlp.quotes.component import make_quotes
    from newsgraph.train.corpus import parse_pipeline

    nlp = parse_pipeline(model)
    defaults = Language.get_factory_meta("newsgraph_quotes").default_config or {}
    config = {k: v for k, v in defaults.items() if k not in ("nlp", "name")} | {"model": None}
    return nlp, make_quotes(nlp, "newsgraph_quotes", **config)


def examples_for(
    docs: Sequence[Doc], rows: list[Row], finder: QuotesFinder, object_cues: frozenset[str]
) -> list[Example]:
    found = [ex for i, doc in enumerate(docs) for ex in examples_of(doc, i, finder, object_cues)]
    label(found, rows)
    return found


def folds_of(n: int, seed: int) -> list[int]:
    """Fold of each article: a seeded shuffle dealt round FOLDS folds."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = [0] * n
    for rank, article in enumerate(order):
        fold[article] = rank % FOLDS
    return fold


def cross_validate(examples: list[Example], n_articles: int, l2: float, seed: int) -> float:
    """Out-of-fold confidences on `examples` (set in place); returns their log loss."""
    fold = folds_of(n_articles, seed)
    for k in range(FOLDS):
        train = [ex for ex in examples if fold[ex.article] != k]
        test = [ex for ex in examples if fold[ex.article] == k]
        m = to_matrix(train)
        weights, bias = fit(m, l2)
        for ex, p in zip(test, predict(to_matrix(test, m.names), weights, bias), strict=True):
            ex.confidence = float(p)
    p = np.clip([ex.confidence for ex in examples], 1e-6, 1 - 1e-6)
    y = np.array([ex.label for ex in examples])
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def thresholds(
    examples: list[Example], rows: list[Row], rounds: int = 1
) -> tuple[float, dict[str, float], float]:
    """`drop` and the `add` of each kind with the best all-kinds F1 whose FLOORED scores are at
    least the rules' alone, by coordinate search over the grids from the rules alone; and
    that F1."""
    floors = score(examples, rows, 0.0, {})

    def objective(drop: float, add: dict[str, float]) -> float:
        scores = score(examples, rows, drop, add)
        if any(scores[key] < floors[key] for key in FLOORED):
            return -1.0
        return scores["all.f1"]

    drop, add = 0.0, dict.fromkeys(KINDS, NEVER)
    best = objective(drop, add)
    for _ in range(rounds):
        for d in DROPS:
            if (f := objective(d, add)) > best:
                best, drop = f, d
        for kind in KINDS:
            for a in ADDS:
                if (f := objective(drop, add | {kind: a})) > best:
                    best, add = f, add | {kind: a}
    return drop, {kind: a for kind, a in add.items() if a < NEVER}, best


def train_quotes(
    train: Path,
    dev: Path | None,
    *,
    seed: int = SEED,
    model: str = DEFAULT_MODEL,
    cache: Path | None = None,
    progress: Callable[[str], None] = log.info,
) -> tuple[QuoteModel, dict[str, Any]]:
    """Fit the confidence model on `train`; choices by cross-validation on train only, `dev`
    scored once at the end. Returns the model and a report (scores, calibration, seconds)."""
    began = time.perf_counter()
    nlp, finder = rules_finder(model)
    rows, docs = load_parsed(train, nlp, cache=cache)
    progress(f"parsed {len(rows)} training articles ({time.perf_counter() - began:.0f} s)")
    object_cues = learn_object_cues(rows, docs)
    examples = examples_for(docs, rows, finder, object_cues)
    progress(f"{len(examples)} examples, {sum(ex.label for ex in examples)} right")
    losses = {l2: cross_validate(examples, len(rows), l2, seed) for l2 in L2_GRID}
    l2 = min(losses, key=losses.__getitem__)
    cross_validate(examples, len(rows), l2, seed)
    drop, add, cv_f1 = thresholds(examples, rows)
    report: dict[str, Any] = {
        "train": {
            "articles": len(rows),
            "examples": len(examples),
            "l2": l2,
            "log_loss": {str(k): round(v, 4) for k, v in losses.items()},
            "drop": drop,
            "add": add,
            "cv": _rounded(score(examples, rows, drop, add)),
            "cv_rules_only": _rounded(score(examples, rows, 0.0, {})),
            "cv_ece": round(calibration(examples)[0], 4),
        }
    }
    progress(f"cross-validated: l2 {l2}, drop {drop}, add {add}, all-kinds F1 {cv_f1:.3f}")
    m = to_matrix(examples)
    weights, bias = fit(m, l2)
    quote_model = QuoteModel(
        weights={name: float(w) for name, w in zip(m.names, weights, strict=True)},
        bias=bias,
        drop=drop,
        add=add,
        object_cues=object_cues,
        card={"trained_on": train.name, "seed": seed, "model": model, **report["train"]},
    )
    if dev is not None:
        report["dev"] = score_file(quote_model, dev, nlp, finder, cache=cache)
    report["seconds"] = round(time.perf_counter() - began, 1)
    return quote_model, report


def score_file(
    quote_model: QuoteModel,
    gold: Path,
    nlp: Language,
    finder: QuotesFinder,
    *,
    cache: Path | None = None,
) -> dict[str, Any]:
    """Scores of the rules and of the model on one gold file, and the calibration of the
    confidences of the quotes the component keeps."""
    rows, docs = load_parsed(gold, nlp, cache=cache)
    examples = examples_for(docs, rows, finder, quote_model.object_cues)
    m = to_matrix(examples, sorted(quote_model.weights))
    weights = np.array([quote_model.weights[f] for f in m.names])
    for ex, p in zip(examples, predict(m, weights, quote_model.bias), strict=True):
        ex.confidence = float(p)
    kept = [
        ex for group in select(examples, quote_model.drop, quote_model.add).values() for ex in group
    ]
    ece, bins = calibration(kept)
    return {
        "articles": len(rows),
        "rules_only": _rounded(score(examples, rows, 0.0, {})),
        "model": _rounded(score(examples, rows, quote_model.drop, quote_model.add)),
        "ece": round(ece, 4),
        "reliability": [{k: round(v, 3) for k, v in b.items()} for b in bins],
    }


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in scores.items()}


def write_model(quote_model: QuoteModel, report: dict[str, Any], out: Path) -> Path:
    """`out`/quote_model.json (the weights, with the report as its card) and `out`/report.json."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "quote_model.json"
    path.write_text(json.dumps(quote_model.to_json(), indent=1) + "\n", encoding="utf-8")
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return path
