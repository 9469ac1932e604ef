"""`newsgraph batch` and `load`: same records as `extract`, resumable, failures reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares doc._.article_id)
from newsgraph.batch import ShardResult, batch_paths, engines, load_batch, read_batch
from newsgraph.batch.shards import (
    TABLES,
    ShardWriter,
    arrow_type,
    done_keys,
    read_errors,
    read_shard,
    shard_key,
)
from newsgraph.batch.worker import extract_guarded, run_shard
from newsgraph.errors import ReadError
from newsgraph.extract import extract_articles
from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Provenance,
    Quote,
    Ref,
    to_json,
)
from newsgraph.read import ReadOptions, iter_inputs, read_paths

SRC = Path(__file__).resolve().parents[2] / "src"
EXAMPLES = SRC.parent / "examples"
# The tests that read the session fixture batch_out share one xdist worker: each worker that
# asks for it would run the batch again.
ONE_RUN = pytest.mark.xdist_group("batch")


def by_id(records: Any) -> list[dict[str, Any]]:
    return sorted((to_json(r) for r in records), key=lambda r: r["article"]["id"])


def extracted_directly(paths: list[Path], nlp: Any) -> tuple[list[dict[str, Any]], set[Any]]:
    """What `newsgraph extract` gives for the same input, and the repeats it skips."""
    errors: list[ReadError] = []
    records = by_id(extract_articles(read_paths(paths, on_error=errors.append), nlp))
    return records, {e for e in errors if e.reason == "duplicate"}


def parquet_content(out: Path, shards: list[Path] | None = None) -> dict[str, Any]:
    """Every table of every shard under `out` (or of the given shards) as rows: Parquet bytes
    may differ in row groups, the content may not."""
    keys = None if shards is None else {shard_key(s) for s in shards}
    return {
        f"{table}/{path.name}": pq.read_table(path).to_pylist()
        for table in TABLES
        for path in sorted((out / table).glob("*.parquet"))
        if keys is None or path.stem in keys
    }


def rich_article() -> ExtractedArticle:
    """An article with every kind of record, nested refs, pieces and unknowns."""
    text = "Ann Lee said on Monday that 3,000 people met in Paris. “We won,” she said."
    prov = Provenance(article_id="a1", sentence=0, start=0, end=7)
    lee = Ref(name="Ann Lee", entity="e0", start=0, end=7)
    return ExtractedArticle(
        article=Article(id="a1", text=text, source="x.jsonl#line 1", published=date(2024, 5, 1)),
        entities=(
            Entity(
                id="e0",
                name="Ann Lee",
                label="PERSON",
                roles=("speaker",),
                aliases=("Lee",),
                mentions=(
                    Mention(text="Ann Lee", label="PERSON", kind="name", prov=prov),
                    Mention(
                        text="she",
                        label="PERSON",
                        kind="pronoun",
                        prov=Provenance(article_id="a1", sentence=1, start=67, end=70),
                    ),
                ),
            ),
            Entity(
                id="e1", name="Paris", label="GPE", country="FR", latitude=48.85, longitude=2.35
            ),
        ),
        quotes=(
            Quote(
                id="q0",
                text="We won,",
                kind="direct",
                cue="said",
                speaker="Ann Lee",
                speaker_entity="e0",
                pieces=((57, 64),),
                prov=Provenance(article_id="a1", sentence=None, start=57, end=64),
            ),
        ),
        events=(
            Event(id="v0", type="CONSULT", source=(lee,), place=lee, date="2024-04-29", prov=prov),
        ),
        figures=(
            Figure(id="f0", text="3,000", value=3000.0, source=lee, contests=("f1",), prov=prov),
            Figure(id="f1", text="thousands", value=None, prov=prov),
        ),
        sentences=((0, 55), (56, 75)),
    )


def test_shard_round_trip_rebuilds_every_record(tmp_path: Path) -> None:
    bare = ExtractedArticle(article=Article(id="a2", text="Nothing here.", source="x.jsonl"))
    writer = ShardWriter(tmp_path, "x.jsonl")
    for extracted in (rich_article(), bare):
        writer.add(extracted)
    writer.add_error(ReadError("x.jsonl", "line 3", "malformed", "bad JSON"))
    writer.commit()

    key = shard_key("x.jsonl")
    assert list(read_shard(tmp_path, key)) == [rich_article(), bare]
    assert list(read_errors(tmp_path)) == [
        ("x.jsonl", ReadError("x.jsonl", "line 3", "malformed", "bad JSON"))
    ]
    mentions = pq.read_table(tmp_path / "mentions" / f"{key}.parquet").to_pylist()
    assert [(m["article_id"], m["entity_id"], m["text"]) for m in mentions] == [
        ("a1", "e0", "Ann Lee"),
        ("a1", "e0", "she"),
    ]
    assert not list(tmp_path.rglob("*.tmp"))


@ONE_RUN
def test_local_batch_equals_extract(batch_out: Any, batch_corpus: list[Path], nlp: Any) -> None:
    out, results = batch_out
    assert {r.shard: r.status for r in results} == {str(p): "done" for p in batch_corpus}
    assert len({r.worker for r in results}) == len(batch_corpus)  # a fresh worker each time
    again: list[ReadError] = []
    records = by_id(read_batch(out, on_error=again.append))

    expected, expected_repeats = extracted_directly(batch_corpus, nlp)
    assert len(records) == 21  # 20 pages and the reference article: the rest are repeats
    assert records == expected
    # The Parquet itself holds each text once: the repeats are taken out and reported.
    assert sum(len(list(read_shard(out, key))) for key in done_keys(out)) == 21
    assert not again
    repeats = {e for _, e in read_errors(out) if e.reason == "duplicate"}
    assert repeats == expected_repeats
    assert {e.source for e in repeats} == {batch_corpus[1].name, batch_corpus[3].name}
    assert sum(r.duplicates for r in results) == len(repeats)
    assert sum(r.articles for r in results) == 21


@ONE_RUN
def test_cut_warc_is_reported_and_its_articles_kept(
    batch_out: Any, batch_corpus: list[Path]
) -> None:
    out, results = batch_out
    cut = str(batch_corpus[0])
    reported = [error for shard, error in read_errors(out) if shard == cut]
    assert [e.reason for e in reported] == ["truncated"]
    assert next(r for r in results if r.shard == cut).articles > 0


def test_failed_shard_is_retried_once_then_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[list[str]] = []

    def crashing_engine(shards: list[str], job: Any, **options: Any) -> Any:
        attempts.append(list(shards))
        for shard in shards:
            yield ShardResult(shard, "failed", detail="worker died")

    monkeypatch.setitem(engines.ENGINES, "local", crashing_engine)
    results = list(batch_paths([tmp_path / "a.jsonl"], tmp_path / "out", workers=1))

    assert attempts == [[str(tmp_path / "a.jsonl")]] * 2
    assert [(r.status, r.errors) for r in results] == [("failed", 1)]
    assert [e.reason for _, e in read_errors(tmp_path / "out")] == ["internal"]
    assert done_keys(tmp_path / "out") == []  # not marked done: the next run tries it again


def test_an_unreadable_shard_is_a_bad_record_not_a_failure(tmp_path: Path, nlp: Any) -> None:
    missing = tmp_path / "gone.warc.gz"  # deleted after the batch listed it
    result = run_shard(str(missing), tmp_path / "out", nlp)

    # The reader reports it `unreadable` (issue 18, defect 6) and the shard holds no article.
    assert (result.status, result.articles, result.errors) == ("done", 0, 1)


@ONE_RUN
def test_killed_batch_rerun_gives_the_same_parquet(
    tmp_path: Path, batch_out: Any, batch_corpus: list[Path]
) -> None:
    # A one-article shard, then one of several articles: the kill lands while that one runs.
    out, shards = tmp_path / "out", [batch_corpus[1], batch_corpus[0]]
    command = [sys.executable, "-m", "newsgraph", "batch", *map(str, shards)]
    command += ["--out", str(out), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    killed = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    # Results come out in path order (the cut WARC's first), so the page's finished files, not
    # a line, tell when to kill the run and its workers.
    deadline = time.monotonic() + 120
    while not done_keys(out):
        if killed.poll() is not None or time.monotonic() > deadline:
            os.killpg(killed.pid, signal.SIGKILL)
            pytest.fail(f"batch ended or stalled before the kill (exit {killed.returncode})")
        time.sleep(0.01)  # polling the output folder, with the deadline above
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    assert killed.returncode == -signal.SIGKILL
    assert 1 <= len(done_keys(out)) < len(shards)

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, check=True)

    assert "skipped" in rerun.stderr
    assert parquet_content(out) == parquet_content(batch_out[0], shards)
    assert not list(out.rglob("*.tmp"))


@ONE_RUN
def test_rerun_skips_finished_shards(batch_out: Any, batch_corpus: list[Path]) -> None:
    out, _ = batch_out
    before = parquet_content(out)
    results = list(batch_paths(batch_corpus, out, workers=2))
    assert {r.status for r in results} == {"skipped"}
    assert parquet_content(out) == before


@pytest.mark.ray
def test_ray_engine_on_the_sample_warc_equals_extract(tmp_path: Path, nlp: Any) -> None:
    warc = EXAMPLES / "pages.warc.gz"  # read as stored: fastwarc takes the gzip members itself
    results = list(batch_paths([warc], tmp_path, engine="ray", workers=1))

    assert [(r.shard, r.status, r.articles) for r in results] == [(str(warc), "done", 20)]
    assert by_id(read_batch(tmp_path)) == extracted_directly([warc], nlp)[0]


@ONE_RUN
def test_load_twice_changes_nothing(batch_out: Any, new_store_url: Any) -> None:
    from newsgraph.store import open_store
    from store.test_ingest import contents  # tests/ is on the path: the packages' root

    store_url, one_by_one = new_store_url(), new_store_url()
    store = open_store(store_url)
    try:
        first = load_batch(batch_out[0], store, batch_size=8)  # batches of 8, 8 and 5
        counts = store.counts()
        loaded = contents(store_url)
        again = load_batch(batch_out[0], store)
        assert contents(store_url) == loaded
    finally:
        store.close()
    assert (first["articles"], first["new"], again["new"]) == (21, 21, 0)
    assert counts["articles"] == 21
    assert counts["errors"] == first["bad records"] > 0  # the cut WARC, the repeats
    with open_store(one_by_one) as store:  # what ingest does: one transaction per article
        for _, error in read_errors(batch_out[0]):
            store.put_error(error)
        for extracted in read_batch(batch_out[0]):
            store.put(extracted)
    assert contents(one_by_one) == loaded


@ONE_RUN
def test_load_gives_the_database_of_ingest(
    batch_out: Any, batch_corpus: list[Path], tmp_path: Path
) -> None:
    from newsgraph.jobs import ingest_paths
    from newsgraph.store import open_store

    ingest_paths(batch_corpus, db=str(tmp_path / "ingest.db"))
    loaded, ingested = (
        open_store(str(tmp_path / "load.db")),
        open_store(str(tmp_path / "ingest.db")),
    )
    try:
        load_batch(batch_out[0], loaded)
        assert loaded.counts() == ingested.counts()
        ids = [r["article"]["id"] for r in by_id(read_batch(batch_out[0]))]
        assert [loaded.article(i) for i in ids] == [ingested.article(i) for i in ids]
        assert set(loaded.errors()) == set(ingested.errors())
    finally:
        loaded.close()
        ingested.close()


def test_cli_batch_on_a_missing_path_exits_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file" in result.output


@Language.component("newsgraph_test_bug")
def trip_on_bug(doc: Doc) -> Doc:
    """A component with a bug that one article triggers."""
    if doc._.article_id == "bug":
        raise ValueError("a bug in a component")
    return doc


def test_an_article_that_trips_a_bug_costs_that_article_only() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_test_bug")
    good = Article(id="ok", text="The mayor of Lyon spoke on Monday.", source="f.jsonl#line 1")
    bad = Article(id="bug", text="Nothing odd here.", source="f.jsonl#line 2")
    errors: list[ReadError] = []

    extracted = extract_guarded([good, bad, good], nlp, errors.append)

    assert [x.article.id for x in extracted] == ["ok", "ok"]
    assert [(e.source, e.record, e.reason) for e in errors] == [("f.jsonl", "line 2", "internal")]


def test_ingest_and_extract_stay_ray_free() -> None:
    modules = "newsgraph.cli, newsgraph.jobs, newsgraph.batch, newsgraph.batch.engines"
    code = f"import sys, {modules}; print('ray' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    ran = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert ran.stdout.strip() == "False"


def test_published_fills_articles_without_a_date(tmp_path: Path, nlp: Any) -> None:
    page = EXAMPLES / "medialine_blinken.txt"  # a scraped text file: no date of its own
    result = run_shard(str(page), tmp_path, nlp, ReadOptions(published=date(2021, 5, 25)))

    assert (result.status, result.articles) == ("done", 1)
    [extracted] = read_batch(tmp_path)
    assert extracted.article.published == date(2021, 5, 25)


def test_a_shard_keeps_the_name_its_walk_gave_it(tmp_path: Path, nlp: Any) -> None:
    # Issue 18, defect 17: records name a file relative to the folder the user gave, as
    # `extract` does, never by the ingesting machine's absolute path.
    folder = tmp_path / "crawl" / "news"
    folder.mkdir(parents=True)
    page = folder / "blinken.txt"
    page.write_bytes((EXAMPLES / "medialine_blinken.txt").read_bytes())
    [(path, source)] = iter_inputs([folder])
    assert source == "news/blinken.txt"
    run_shard(str(path), tmp_path / "out", nlp, source=source)
    [extracted] = read_batch(tmp_path / "out")
    assert extracted.article.source == "news/blinken.txt"


def test_shard_round_trip_of_the_reference_article(tmp_path: Path, reference: Any) -> None:
    extracted, _ = reference
    writer = ShardWriter(tmp_path, "reference.txt")
    writer.add(extracted)
    writer.commit()

    assert list(read_shard(tmp_path, shard_key("reference.txt"))) == [extracted]
    assert extracted.quotes and extracted.events and extracted.figures  # every table exercised


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        (str | None, (pa.string(), False)),
        (date | None, (pa.date32(), False)),
        (tuple[tuple[int, int], ...], (pa.list_(pa.list_(pa.int64())), False)),
        (
            Ref | None,
            (
                pa.struct(
                    [
                        ("name", pa.string()),
                        ("entity", pa.string()),
                        ("start", pa.int64()),
                        ("end", pa.int64()),
                    ]
                ),
                False,
            ),
        ),
        (dict[str, int], (pa.string(), True)),  # no column type of its own: JSON text
    ],
    ids=["optional", "date", "spans", "ref", "fallback"],
)
def test_columns_follow_the_field_types(hint: Any, expected: Any) -> None:
    assert arrow_type(hint) == expected


@pytest.mark.parametrize("name", ["batch", "load"])
def test_every_batch_command_and_option_is_in_the_readme(name: str) -> None:
    import typer

    from newsgraph.cli import app

    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- batch -->", 1)[1].split("\n### ", 1)[0]
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert f"newsgraph {name}" in section
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in section, f"{name} {option}"
