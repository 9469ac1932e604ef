"""Scoring events of whole articles (wikinews_dev.jsonl) by the planners' matching rule.

`evaluate.py`'s `events` scorer calls `score_article_events` when the gold events carry offsets
(`trigger_start`, `sentence_start`). A predicted event answers a gold one, one to one, when the
types are equal, the predicted trigger lies in the gold trigger's sentence and at least one actor
(source or target, either role) names the same entity (`evaluate_identity.same_referent` on the
gold entity or on the gold mention when it is a name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.evaluate_identity import is_proper_name, same_referent

Row = dict[str, Any]


def is_article_gold(gold_rows: list[Row]) -> bool:
    """Whether the gold events point into the text (wikinews_dev.jsonl), not PLOVER sentences."""
    return any("trigger_start" in e for row in gold_rows for e in row.get("events", ()))


def sentence_end(gold_event: Row, sentences: list[list[int]], text: str) -> int:
    """Where the gold trigger's sentence ends: the end of the predicted sentence holding the
    trigger, or the end of the text when the prediction lists no sentences."""
    start = gold_event["trigger_start"]
    ends = [end for s, end in sentences if s <= start < end]
    return max(ends[0], gold_event["trigger_end"]) if ends else len(text)


def actor_names(event: Row) -> list[str]:
    """What a gold event's actors are called: each resolved entity, and the mention as written
    when it is itself a name ("Congress" for "United States Congress"; never "he")."""
    names = []
    for actor in (*event["source"], *event["target"]):
        names += [actor["entity"]] if actor.get("entity") else []
        text = actor.get("text") or ""
        names += [text] if is_proper_name(text) and text != actor.get("entity") else []
    return names


def same_actor(gold_event: Row, predicted: Row) -> bool:
    """Some gold actor's entity is some predicted actor's resolved name, in either role."""
    names = [a.get("name") for a in (*predicted["source"], *predicted["target"])]
    return any(same_referent(g, p) for g in actor_names(gold_event) if g for p in names)


def answers(gold_event: Row, end: int) -> Callable[[Row], bool]:
    def test(predicted: Row) -> bool:
        return (
            predicted["type"] == gold_event["type"]
            and gold_event["sentence_start"] <= predicted["start"] < end
            and same_actor(gold_event, predicted)
        )

    return test


def match_events(gold: list[Row], predicted: list[Row], ends: list[int]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold and predicted events (augmenting paths)."""
    options = [[pi for pi, p in enumerate(predicted) if answers(g, ends[gi])(p)] for gi, g in
               enumerate(gold)]  # fmt: skip
    owner: dict[int, int] = {}  # predicted index -> gold index

    def claim(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or claim(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        claim(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def as_gold_date(iso: str | None) -> str | None:
    """A predicted date at the gold's grain: a day "YYYY-MM-DD", a whole month "YYYY-MM"
    ("2019-09-01/2019-09-30"), None for anything wider (the gold leaves years null)."""
    if not iso or "/" not in iso:
        return iso
    start, end = iso.split("/", 1)
    whole_month = start[:7] == end[:7] and start.endswith("-01") and int(end[8:]) >= 28
    return start[:7] if whole_month else None


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


TRUSTED = 0.5  # the confidence under which events are hidden (nlp/events/checks.py: TRUSTED)


def shown(events: list[Row]) -> list[Row]:
    """The events a reader sees: confidence at least TRUSTED, or not scored (None)."""
    return [e for e in events if e.get("confidence") is None or e["confidence"] >= TRUSTED]


def score_article_events(gold_rows: list[Row], predicted_rows: list[Row]) -> dict[str, float]:
    """precision, recall, f1 of the events shown (type + an actor's entity + the sentence);
    CONSULT precision and recall; `date_accuracy` among matched events whose gold has a date (an
    ISO day or month), `status_accuracy` among all matched events. `all_precision` and
    `all_recall` count hidden events too."""
    scores = count_article_events(gold_rows, predicted_rows, shown)
    everything = count_article_events(gold_rows, predicted_rows, list)
    return scores | {"all_precision": everything["precision"], "all_recall": everything["recall"]}


def count_article_events(
    gold_rows: list[Row], predicted_rows: list[Row], keep: Callable[[list[Row]], list[Row]]
) -> dict[str, float]:
    by_id = {row["article"]["id"]: row for row in predicted_rows}
    tp = n_pred = n_gold = consult_tp = consult_pred = consult_gold = 0
    dated = dated_right = status_right = 0
    for row in gold_rows:
        mine = by_id.get(row["id"], {})
        predicted = keep(list(mine.get("events", ())))
        gold = list(row.get("events", ()))
        ends = [sentence_end(g, mine.get("sentences", []), row["text"]) for g in gold]
        pairs = match_events(gold, predicted, ends)
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(predicted), n_gold + len(gold)
        consult_tp += sum(gold[gi]["type"] == "CONSULT" for gi, _ in pairs)
        consult_pred += sum(p["type"] == "CONSULT" for p in predicted)
        consult_gold += sum(g["type"] == "CONSULT" for g in gold)
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            status_right += g.get("status") == p.get("status")
            if g.get("date"):
                dated += 1
                dated_right += as_gold_date(p.get("date")) == g["date"]
    precision, recall = ratio(tp, n_pred), ratio(tp, n_gold)
    return {
        "precision": precision,
        "recall": recall,
        "f1": ratio(2 * precision * recall, precision + recall),
        "consult_precision": ratio(consult_tp, consult_pred),
        "consult_recall": ratio(consult_tp, consult_gold),
        "date_accuracy": ratio(dated_right, dated),
        "status_accuracy": ratio(status_right, tp),
        "events": float(n_gold),
        "predicted": float(n_pred),
        "matched": float(tp),
        "dated": float(dated),
    }
