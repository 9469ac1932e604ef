"""`newsgraph eval entities`: mention F1 per class, on gold built from the reference record."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate import evaluate, score_entities
from newsgraph.model import to_json

EPSILON = 0.005  # floors are met "less a noise epsilon"


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences; brackets may surround any word of the phrase ("[Mara] Vell")."""
    words = [re.escape(w) for w in phrase.split()]
    pattern = r"(?<!\w)\[?" + r"\]?\s+\[?".join(words) + r"\]?(?!\w)"
    found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return [(s + (text[s] == "["), e - (text[e - 1] == "]")) for s, e in found]


def outside(spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [s for s in spans if not any(t[0] <= s[0] and s[1] <= t[1] and t != s for t in taken)]


def reference_ner_gold(text: str, gold: dict[str, Any]) -> dict[str, Any]:
    """NER gold in the eval shape from the reference record, which lists names, not offsets:
    each person's full name and surname, each organisation's name, each place, wherever written."""
    spans: list[tuple[int, int, str]] = []
    for entity in gold["entities"]:
        if entity["type"] == "PERSON":
            full = occurrences(text, entity["name"])
            surname = outside(occurrences(text, entity["name"].split()[-1]), full)
            spans += [(s, e, "PERSON") for s, e in full + surname]
        elif entity["type"] == "ORG":
            spans += [(s, e, "ORG") for s, e in occurrences(text, entity["name"])]
    places = [p for place in gold["places"] for p in occurrences(text, place)]
    spans += [(s, e, "GPE") for s, e in outside(places, places)]
    return {
        "id": "reference",
        "text": text,
        "entities": [{"start": s, "end": e, "label": label} for s, e, label in sorted(set(spans))],
    }


def spacy_alone(nlp, text: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A prediction record holding the trained model's own ents, as the baseline."""
    trained = [name for name in nlp.pipe_names if not name.startswith("newsgraph_")]
    with nlp.select_pipes(enable=trained):
        doc = nlp(text)
    mentions = [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "kind": "name"}
        for e in doc.ents
    ]
    return {"article": {"id": "reference"}, "entities": [{"label": None, "mentions": mentions}]}


@pytest.fixture(scope="module")
def rows(reference, reference_gold) -> tuple[dict[str, Any], dict[str, Any]]:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    gold = reference_ner_gold(extracted.article.text, reference_gold)
    ours = to_json(extracted)
    ours["article"]["id"] = "reference"
    return gold, ours


def test_the_reference_gold_holds_every_surname(rows) -> None:  # type: ignore[no-untyped-def]
    gold, _ = rows
    people = [e for e in gold["entities"] if e["label"] == "PERSON"]
    assert len(people) == 28  # 9 full names and 19 lone surnames in the body


def test_person_f1_beats_the_trained_model_alone(rows, nlp, floors) -> None:  # type: ignore[no-untyped-def]
    gold, ours = rows
    scores = score_entities([gold], [ours])
    baseline = score_entities([gold], [spacy_alone(nlp, gold["text"])])
    assert scores["PERSON_f1"] > baseline["PERSON_f1"]
    for key in ("PERSON_f1", "ORG_f1", "GPE/LOC_f1", "f1"):
        assert scores[key] >= floors[f"entities.reference.{key}"] - EPSILON, key


@pytest.mark.slow
@pytest.mark.xdist_group("conll2003_dev")
def test_conll_dev_entities_meet_their_floors(gold_scores, floors) -> None:  # type: ignore[no-untyped-def]
    """Reuters wire copy (../shared/data/conll2003_dev.jsonl, gold labels PER/ORG/LOC): PERSON
    over full names and surnames, the class a speaker or an actor is."""
    scores = gold_scores("conll2003_dev.jsonl", "entities")
    for key in ("PERSON_f1", "ORG_f1", "GPE/LOC_f1", "f1"):
        assert scores[key] >= floors[f"entities.conll.{key}"] - EPSILON, (key, scores[key])


def test_scores_per_class_are_separate() -> None:
    gold = [
        {
            "id": "a",
            "text": "Ann Lee met Bob in Paris.",
            "entities": [
                {"start": 0, "end": 7, "label": "PERSON"},
                {"start": 12, "end": 15, "label": "PERSON"},
                {"start": 19, "end": 24, "label": "GPE"},
                {"start": 0, "end": 3, "label": "DATE"},
            ],
        }
    ]
    predicted = [
        {
            "article": {"id": "a"},
            "entities": [
                {"label": "PERSON", "mentions": [{"start": 0, "end": 7, "label": "PERSON"}]},
                {"label": "ORG", "mentions": [{"start": 12, "end": 15, "label": "ORG"}]},
                {"label": "PERSON", "mentions": [{"start": 0, "end": 3, "kind": "descriptor"}]},
                {"label": "GPE", "mentions": [{"start": 19, "end": 24, "kind": "metonym"}]},
            ],
        }
    ]
    scores = score_entities(gold, predicted)
    assert scores["PERSON_recall"] == 0.5 and scores["PERSON_precision"] == 1.0
    assert scores["ORG_precision"] == 0.0
    assert scores["GPE/LOC_f1"] == 1.0
    assert scores["precision"] == 2 / 3 and scores["recall"] == 2 / 3


def test_eval_entities_command_scores_a_predictions_file(rows, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold, ours = rows
    gold_path, predictions = tmp_path / "gold.jsonl", tmp_path / "predicted.jsonl"
    gold_path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    predictions.write_text(json.dumps(ours) + "\n", encoding="utf-8")
    expected = evaluate("entities", gold_path, predictions=predictions)
    src = Path(__file__).resolve().parent.parent / "src"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "eval",
            "entities",
            "--gold",
            str(gold_path),
            "--predictions",
            str(predictions),
            "--json",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(src)},
        check=True,
    )
    assert json.loads(result.stdout) == pytest.approx(expected)
