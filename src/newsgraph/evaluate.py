"""Scores predictions against gold JSONL: precision, recall and F1 per task (and per kind/label).

Used by `newsgraph eval TASK --gold FILE` and by the accuracy-floor tests. Each task registers a
scorer in SCORERS: `scorer(gold_rows, predicted_rows) -> dict[str, float]`, where both are lists
of JSON records keyed by article id (predictions in the public schema of `newsgraph extract`).
A task whose predictions cannot come from `extract` alone registers its own predictor in
PREDICTORS (`speakers`: the extracted gold put into one store); such a task takes no predictions
file. `evaluate_tasks` scores several tasks on one gold file and extracts its articles once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate_events import is_article_gold, score_article_events
from newsgraph.evaluate_identity import b_cubed, is_unnamed, same_referent, stored_speakers

if TYPE_CHECKING:
    from newsgraph.model import ExtractedArticle

Row = dict[str, Any]
Scorer = Callable[[list[Row], list[Row]], dict[str, float]]
Predictor = Callable[[list["ExtractedArticle"]], list[Row]]  # extracted gold -> predicted rows
SCORERS: dict[str, Scorer] = {}
PREDICTORS: dict[str, Predictor] = {}


def scorer(task: str, *, predictor: Predictor | None = None) -> Callable[[Scorer], Scorer]:
    """Register the scorer of one task, and its predictor when `extract` output will not do."""

    def register(fn: Scorer) -> Scorer:
        SCORERS[task] = fn
        if predictor is not None:
            PREDICTORS[task] = predictor
        return fn

    return register


@dataclass
class Counts:
    """True positives, predicted and gold totals: enough for P/R/F1."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def scores(self, prefix: str) -> dict[str, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f}


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two char spans as a share of the longer one (0..1)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return max(inter, 0) / longer if longer > 0 else 0.0


def match_spans(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], *, threshold: float = 0.5
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best overlap first: pairs (gold index, predicted index)."""
    candidates = sorted(
        (
            (overlap_ratio(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for ratio, gi, pi in candidates:
        if ratio < threshold:
            break
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def read_gold(path: str | Path, *, limit: int | None = None) -> list[Row]:
    """Gold JSONL rows (one article a line)."""
    rows = []
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def predict(rows: Iterable[Row], *, model: str | None = None) -> Iterator[Row]:
    """Run newsgraph over gold rows' texts: predictions in the public schema, same ids."""
    from newsgraph.jobs import extract_rows
    from newsgraph.model import to_json

    for record in extract_rows(rows, model=model):
        yield to_json(record)


def evaluate(
    task: str,
    gold_path: str | Path,
    *,
    predictions: str | Path | None = None,
    model: str | None = None,
    limit: int | None = None,
) -> dict[str, float]:
    """Score one task; predictions are computed unless a JSONL of them is given."""
    return evaluate_tasks([task], gold_path, predictions=predictions, model=model, limit=limit)[
        task
    ]


def evaluate_tasks(
    tasks: Iterable[str],
    gold_path: str | Path,
    *,
    predictions: str | Path | None = None,
    model: str | None = None,
    limit: int | None = None,
) -> dict[str, dict[str, float]]:
    """Score several tasks against one gold file: task -> scores. The gold articles are
    extracted once for all of them, unless a JSONL of predictions is given."""
    from newsgraph.jobs import extract_rows
    from newsgraph.model import to_json

    tasks = list(tasks)
    unknown = [task for task in tasks if task not in SCORERS]
    if unknown:
        raise NewsgraphError(f"unknown task {unknown[0]!r}; choose from {sorted(SCORERS)}")
    stored = [task for task in tasks if task in PREDICTORS]
    if predictions is not None and stored:
        raise NewsgraphError(
            f"{stored[0]} ingests the gold into a store of its own; drop --predictions"
        )
    gold = read_gold(gold_path, limit=limit)
    if predictions is not None:
        ids = {row["id"] for row in gold}
        public = [r for r in read_gold(predictions) if r["article"]["id"] in ids]
        return {task: SCORERS[task](gold, public) for task in tasks}
    extracted = list(extract_rows(gold, model=model))
    public = [to_json(record) for record in extracted]
    return {
        task: SCORERS[task](gold, PREDICTORS[task](extracted) if task in PREDICTORS else public)
        for task in tasks
    }


# --- quotes -------------------------------------------------------------------------------------


def _quote_span(quote: Row) -> tuple[int, int]:
    """From the first character of any piece to the last. PolNeAR lists some quotes' pieces out
    of text order and takes `start`/`end` from the first and last listed, so that 100 of its
    quotes (0.5%) end before they start; their pieces still say where they are."""
    pieces = quote.get("pieces") or [(quote["start"], quote["end"])]
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


def _quote_spans(quotes: list[Row]) -> list[tuple[int, int]]:
    return [_quote_span(q) for q in quotes]


def _same_speaker(gold: Row, predicted: Row) -> bool:
    """The predicted attributing mention overlaps the gold one, or both are absent."""
    g = (gold.get("speaker_start"), gold.get("speaker_end"))
    p = (predicted.get("speaker_start"), predicted.get("speaker_end"))
    if g[0] is None or p[0] is None:
        return g[0] is None and p[0] is None
    return bool(g[0] < p[1] and p[0] < g[1])


def _resolved(gold: Row, predicted: Row) -> bool | None:
    """Whether the predicted resolved name (`speaker`) is the gold `speaker_entity`; None when
    the gold names no entity (an agentless quote, or gold without resolved speakers)."""
    entity = gold.get("speaker_entity")
    return None if entity is None else same_referent(entity, predicted.get("speaker"))


@scorer("quotes")
def score_quotes(gold: list[Row], predicted: list[Row]) -> dict[str, float]:
    """P/R/F1 of attribution spans (overlap >= half the longer span, each gold matched once) and
    speaker accuracy on matched quotes, for all quotes and per kind (direct, indirect, mixed).

    Where the gold has `speaker_entity` (wikinews_dev.jsonl), also `resolved_accuracy`: among
    matched quotes whose gold names an entity, the share whose predicted `speaker` name is that
    entity (`evaluate_identity.same_referent`); `resolved_quotes` says how many were scored.
    `resolved_named_accuracy` is the same over the quotes whose gold names someone (a proper
    name or a list with one), where abstaining is never right; `resolved_named_quotes` counts them.
    Pull quotes (`duplicate_of` set) repeat an earlier statement and are not scored.
    """
    by_id = {row["article"]["id"]: row.get("quotes", []) for row in predicted}
    groups = ("all", "direct", "indirect", "mixed")
    counts = {group: Counts() for group in groups}
    right = dict.fromkeys(groups, 0)
    named = {group: Counts() for group in groups}  # tp: right names, gold: quotes scored
    proper = Counts()  # the same, over gold that names someone
    for row in gold:
        gold_quotes = row.get("quotes", [])
        mine = [q for q in by_id.get(row["id"], []) if not q.get("duplicate_of")]
        for group in groups:
            g = [q for q in gold_quotes if group == "all" or q["kind"] == group]
            p = [q for q in mine if group == "all" or q["kind"] == group]
            pairs = match_spans(_quote_spans(g), _quote_spans(p))
            counts[group].add(len(pairs), len(p), len(g))
            right[group] += sum(_same_speaker(g[gi], p[pi]) for gi, pi in pairs)
            scored = [ok for gi, pi in pairs if (ok := _resolved(g[gi], p[pi])) is not None]
            named[group].add(sum(scored), 0, len(scored))
            if group == "all":
                someone = [
                    _resolved(g[gi], p[pi])
                    for gi, pi in pairs
                    if g[gi].get("speaker_entity") and not is_unnamed(g[gi]["speaker_entity"])
                ]
                proper.add(sum(map(bool, someone)), 0, len(someone))
    scores: dict[str, float] = {}
    for group in groups:
        scores.update(counts[group].scores(f"{group}."))
        tp = counts[group].tp
        scores[f"{group}.speaker_accuracy"] = right[group] / tp if tp else 0.0
    scores["speaker_accuracy"] = scores["all.speaker_accuracy"]
    if any("speaker_entity" in q for row in gold for q in row.get("quotes", [])):
        for group in groups:
            n = named[group].gold
            scores[f"{group}.resolved_accuracy"] = named[group].tp / n if n else 0.0
        scores["resolved_accuracy"] = scores["all.resolved_accuracy"]
        scores["resolved_quotes"] = float(named["all"].gold)
        scores["resolved_named_accuracy"] = proper.tp / proper.gold if proper.gold else 0.0
        scores["resolved_named_quotes"] = float(proper.gold)
    return scores


@scorer("speakers", predictor=stored_speakers)
def score_speakers(gold: list[Row], predicted: list[Row]) -> dict[str, float]:
    """B-cubed P/R/F1 of how the stored entities group quotes, against gold `speaker_entity`.

    Items: the matched quotes (all kinds, matched as in `quotes`) whose gold names an entity.
    Gold cluster: the `speaker_entity` name, the same name in any article the same person.
    Predicted cluster: the quote's `speaker_entity`, which `stored_speakers` makes the stored
    entity id; a quote without one is a cluster of its own.
    """
    by_id = {row["article"]["id"]: row.get("quotes", []) for row in predicted}
    items: list[tuple[Hashable, Hashable]] = []
    for row in gold:
        g = row.get("quotes", [])
        p = [q for q in by_id.get(row["id"], []) if not q.get("duplicate_of")]
        for gi, pi in match_spans(_quote_spans(g), _quote_spans(p)):
            if g[gi].get("speaker_entity"):
                cluster = p[pi].get("speaker_entity") or ("alone", row["id"], pi)
                items.append((cluster, g[gi]["speaker_entity"]))
    precision, recall, f1 = b_cubed(items)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "quotes": float(len(items)),
        "entities": float(len({name for _, name in items})),
    }


# --- entities -----------------------------------------------------------------------------------

# Gold labels scored, and the class each counts in: GPE and LOC are one class, as annotators and
# models split them differently ("the West Bank", "Middle East").
# CoNLL-2003 writes PER for PERSON.
ENTITY_CLASSES = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE/LOC",
    "LOC": "GPE/LOC",
}
# Mention kinds that are names, the unit of news NER; titles, descriptors and pronouns are not.
NAME_KINDS = frozenset({"name", "surname", "metonym"})


def entity_mentions(record: Row) -> list[tuple[int, int, str]]:
    """(start, end, class) of every named mention in a predicted record, each span once."""
    spans: dict[tuple[int, int], str] = {}
    for entity in record.get("entities", ()):
        for mention in entity.get("mentions", ()):
            label = ENTITY_CLASSES.get(mention.get("label") or entity.get("label"))
            if label and mention.get("kind", "name") in NAME_KINDS:
                spans.setdefault((mention["start"], mention["end"]), label)
    return [(start, end, label) for (start, end), label in spans.items()]


@scorer("entities")
def score_entities(gold: list[Row], predicted: list[Row]) -> dict[str, float]:
    """Mention F1 overall and per class (PERSON, ORG, GPE/LOC).

    Gold rows: `{"id", "text", "entities": [{"start", "end", "label"}]}`, labels outside the
    scored classes ignored. A predicted mention matches a gold one of the same class when they
    overlap by at least half of the longer span (each matched once).
    """
    by_id = {row["article"]["id"]: row for row in predicted}
    classes = sorted(set(ENTITY_CLASSES.values()))
    totals = {name: Counts() for name in ("", *classes)}
    for row in gold:
        gold_spans = [
            (e["start"], e["end"], ENTITY_CLASSES[e["label"]])
            for e in row.get("entities", ())
            if e["label"] in ENTITY_CLASSES
        ]
        ours = entity_mentions(by_id.get(row["id"], {}))
        for label in classes:  # overall: the sum of the classes, a match needs the same class
            g = [(s, e) for s, e, c in gold_spans if c == label]
            p = [(s, e) for s, e, c in ours if c == label]
            tp = len(match_spans(g, p))
            totals[label].add(tp, len(p), len(g))
            totals[""].add(tp, len(p), len(g))
    scores: dict[str, float] = {}
    for label, counts in totals.items():
        scores.update(counts.scores(f"{label}_" if label else ""))
    return scores


# --- events: PLOVER type accuracy and actor span F1 -----------------------------------------------


def _aligned_events(gold_event: Row, text: str, predicted: list[Row]) -> list[Row]:
    """The predicted events that answer one gold event: those of the first gold trigger word that
    a predicted trigger holds ("agreed cooperate": an event triggered by "agreed" first), else
    those of the first predicted trigger. Events split per target share their trigger span."""
    if not predicted:
        return []
    words = [w.lower() for w in (gold_event.get("trigger_text") or "").split()]
    chosen = predicted[0]
    for word in words:
        hit = next(
            (p for p in predicted if word in text[p["start"] : p["end"]].lower().split()), None
        )
        if hit is not None:
            chosen = hit
            break
    return [p for p in predicted if (p["start"], p["end"]) == (chosen["start"], chosen["end"])]


def _actor_counts(gold: list[Row], predicted: list[Row]) -> tuple[int, int, int]:
    """(tp, predicted, gold): a predicted actor matches a gold actor it overlaps, one to one.
    Gold actors without offsets (the coder's normalised names) cannot be matched and are skipped."""
    spans = [(a["start"], a["end"]) for a in gold if a.get("start") is not None]
    found = sorted({(r["start"], r["end"]) for r in predicted})
    pairs = match_spans(spans, found, threshold=1e-9)
    return len(pairs), len(found), len(spans)


@scorer("events")
def score_events(gold_rows: list[Row], predicted_rows: list[Row]) -> dict[str, float]:
    """Rows as in plover_dev.jsonl: `events` with `type`, `trigger_text`, `source`/`target` spans.

    Each gold event is answered by the aligned predicted events (see `_aligned_events`); type
    accuracy is the share whose type is right; actor F1 counts source and target separately.
    Gold events with offsets into whole articles (wikinews_dev.jsonl) are scored by
    `evaluate_events.score_article_events` instead.
    """
    if is_article_gold(gold_rows):
        return score_article_events(gold_rows, predicted_rows)
    by_id = {row["article"]["id"]: row for row in predicted_rows}
    right = total = 0
    source, target = Counts(), Counts()
    for row in gold_rows:
        events = by_id.get(row["id"], {}).get("events", [])
        for gold_event in row.get("events", []):
            aligned = _aligned_events(gold_event, row["text"], events)
            total += 1
            right += bool(aligned) and aligned[0]["type"] == gold_event["type"]
            for counts, role in ((source, "source"), (target, "target")):
                counts.add(*_actor_counts(gold_event[role], [a for e in aligned for a in e[role]]))
    actors = Counts(
        source.tp + target.tp, source.predicted + target.predicted, source.gold + target.gold
    )
    return {
        "type_accuracy": right / total if total else 0.0,
        **actors.scores("actor_"),
        **source.scores("source_"),
        **target.scores("target_"),
        "events": float(total),
    }


# --- figures: value, hedge and source ------------------------------------------------------------


def _same_name(gold: str | None, predicted: str | None) -> bool:
    """Both absent, or one name's words inside the other's ("Interior Ministry" ~ "ministry")."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = set(gold.lower().split()), set(predicted.lower().split())
    return bool(g) and bool(p) and (g <= p or p <= g)


def _same_source(gold: Row, predicted: str | None) -> bool:
    """The predicted source name is the gold `source` as written, or the person or body it
    resolves to (`source_entity`, where the gold has one: "Sheriff <surname>" is "<first>
    <surname>"); the prediction's name is a resolved one, as a quote's speaker is."""
    if _same_name(gold["source"], predicted):
        return True
    entity = gold.get("source_entity")
    return bool(entity and predicted) and same_referent(entity, predicted)


def _same_hedge(gold: Row, predicted: Row) -> bool:
    """The same hedge as written; for a vague amount ("thousands", value null) the gold files
    differ on whether the word is its own hedge (the reference says so, wikinews_dev does not):
    either reading agrees."""
    g, p = gold["hedge"] or None, predicted["hedge"] or None
    if g == p:
        return True
    if gold["value"] is not None or predicted["value"] is not None:
        return False  # only a vague amount may be its own hedge
    written = {str(row.get("text") or "").lower() for row in (gold, predicted)}
    return {h.lower() for h in (g, p) if h} <= written


@scorer("figures")
def score_figures(gold_rows: list[Row], predicted_rows: list[Row]) -> dict[str, float]:
    """Rows with `text` and `figures`: each gold figure has `start`, `end` (its hedge and number in
    `text`), `value` (null when vague), `hedge` (null when flat) and `source` (the name of whoever
    gives it, null when the reporter states it; `source_entity`, where given, the one it resolves
    to: either is a right source, `_same_source`). A predicted figure matches the gold figure whose
    span it overlaps; `correct` is the share of gold figures with value, hedge and source right;
    `credited_source_accuracy`: of the matched gold figures that have a source, the share right.
    """
    by_id = {row["article"]["id"]: row for row in predicted_rows}
    counts = Counts()
    value = hedge = source = correct = credited = credited_right = 0
    for row in gold_rows:
        gold = row.get("figures", [])
        predicted = by_id.get(row["id"], {}).get("figures", [])
        pairs = match_spans(
            [(g["start"], g["end"]) for g in gold],
            [(p["start"], p["end"]) for p in predicted],
            threshold=1e-9,
        )
        counts.add(len(pairs), len(predicted), len(gold))
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            ok_value = g["value"] == p["value"]
            ok_hedge = _same_hedge(g, p)
            ok_source = _same_source(g, (p["source"] or {}).get("name"))
            value, hedge, source = value + ok_value, hedge + ok_hedge, source + ok_source
            correct += ok_value and ok_hedge and ok_source
            if g["source"] is not None:  # the text credits someone with the figure
                credited, credited_right = credited + 1, credited_right + ok_source
    n = counts.gold
    return {
        **counts.scores(""),
        "value_accuracy": value / n if n else 0.0,
        "hedge_accuracy": hedge / n if n else 0.0,
        "source_accuracy": source / n if n else 0.0,
        "credited_source_accuracy": credited_right / credited if credited else 0.0,
        "correct": correct / n if n else 0.0,
    }
