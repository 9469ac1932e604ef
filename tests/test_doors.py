"""Every door reads through `read.read_articles`: the same input gives the same records and the
same reports through `newsgraph extract`, `newsgraph ingest`, a batch worker and the API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.batch import read_batch
from newsgraph.batch.shards import read_errors
from newsgraph.batch.worker import run_shard
from newsgraph.errors import ReadError
from newsgraph.jobs import ingest_paths
from newsgraph.model import ExtractedArticle, to_json
from newsgraph.read import DEFAULTS
from newsgraph.store import open_store

ENGLISH = (
    "Mayor Ana Ruiz said on Monday that the bridge would reopen in May. "
    "\u201cWe will not wait any longer,\u201d Ruiz told reporters in Lisbon."
)
FRENCH = (
    "Le maire a d\u00e9clar\u00e9 lundi que le pont rouvrirait en mai. Nous ne voulons pas "
    "attendre plus longtemps, a dit la maire aux journalistes, et les travaux sont finis."
)
# name -> text; each door reads the same three files (or bodies)
INPUTS = {"english.txt": ENGLISH, "french.txt": FRENCH, "empty.txt": "  \n"}
# what every door reports, by file: the English article is kept
REPORTS = {("french.txt", "not-english"), ("empty.txt", "empty")}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("doors")
    for name, text in INPUTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def same_shape(record: dict[str, Any]) -> str:
    """A record with the article's id and source named alike: the API labels a body `api`."""
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    article = record["article"]
    return text.replace(json.dumps(article["id"]), '"ID"').replace(
        json.dumps(article["source"]), '"SOURCE"'
    )


def reports(errors: list[ReadError]) -> set[tuple[str, str]]:
    return {(Path(e.source).name, e.reason) for e in errors}


@pytest.fixture(scope="module")
def through_extract(inputs: Path) -> tuple[list[str], set[tuple[str, str]]]:
    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["extract", str(inputs), "--output", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [same_shape(json.loads(line)) for line in result.stdout.splitlines()]
    assert len(records) == 1  # the English article
    said = {
        (Path(line.split(":")[0]).name, line.split(": ")[1].split(";")[0])
        for line in result.stderr.splitlines()
        if "; skipped" in line
    }
    return records, said


def test_ingest_stores_what_extract_prints(
    inputs: Path, tmp_path: Path, nlp: Any, through_extract: Any
) -> None:
    errors: list[ReadError] = []
    db = str(tmp_path / "doors.db")
    ingest_paths([inputs], DEFAULTS, db=db, on_error=errors.append)
    with open_store(db) as store:
        stored = [store.article(a.article.id) for a in store.articles()]
        assert reports(store.errors()) == REPORTS
    assert [same_shape(to_json(x)) for x in stored if x] == through_extract[0]
    assert reports(errors) == REPORTS == through_extract[1]


def test_a_batch_worker_writes_what_extract_prints(
    inputs: Path, tmp_path: Path, nlp: Any, through_extract: Any
) -> None:
    out = tmp_path / "out"
    for name in sorted(INPUTS):
        assert run_shard(str(inputs / name), out, nlp, DEFAULTS).status == "done"
    records: list[ExtractedArticle] = list(read_batch(out))
    assert [same_shape(to_json(x)) for x in records] == through_extract[0]
    assert reports([error for _, error in read_errors(out)]) == REPORTS


def test_the_api_stores_what_extract_prints(
    tmp_path: Path, nlp: Any, token: str, through_extract: Any
) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.server import create_app

    headers = {"Content-Type": "text/plain; charset=utf-8", "Authorization": f"Bearer {token}"}
    records, said = [], set()
    with TestClient(create_app(str(tmp_path / "api.db"), nlp=nlp)) as client:
        for name in sorted(INPUTS):
            answer = client.post("/api/articles", content=INPUTS[name].encode(), headers=headers)
            if answer.status_code == 201:
                stored = client.get(f"/api/articles/{answer.json()['article_id']}").json()
                records.append(same_shape(stored))
            else:
                assert answer.status_code == 422, answer.text
                said.add((name, answer.json()["detail"].rsplit(": ", 1)[1]))
    assert records == through_extract[0]
    assert said == REPORTS == through_extract[1]
