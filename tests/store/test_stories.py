"""Contests across articles: two outlets' tolls of one fire (same place, a day apart) contest;
an unrelated crash reported the same day does not. The corpus is tests/store/stories/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.model import ExtractedArticle
from newsgraph.store import open_store

CORPUS = Path(__file__).parent / "stories" / "factory_fire.jsonl"


@pytest.fixture(scope="module")
def reports(nlp) -> list[ExtractedArticle]:  # type: ignore[no-untyped-def]
    from newsgraph.extract import extract_articles
    from newsgraph.read import read_paths

    return list(extract_articles(read_paths([CORPUS]), nlp))


def contested(url: str) -> dict[str, tuple[str | None, tuple[str, ...], str | None]]:
    """article id -> (figure text, contests, kind) of each contested figure."""
    with open_store(url) as store:
        found = store.cited_figures(contested=True)
    return {c.article.id: (c.record.text, c.record.contests, c.record.contest) for c in found}


def stored(reports: list[ExtractedArticle], folder: Path) -> str:
    """A new SQLite file in `folder` holding the reports; its URL."""
    url = str(folder / "stories.db")
    with open_store(url) as store:
        store.put_many(reports)
    return url


def hashes(reports: list[ExtractedArticle]) -> dict[str, str]:
    return {r.article.id: r.article.content_hash for r in reports}


@pytest.mark.parametrize("bulk", [False, True], ids=["put", "put_many"])
def test_two_outlets_tolls_of_one_story_are_a_total_contest(
    reports: list[ExtractedArticle], store_url: str, bulk: bool
) -> None:
    with open_store(store_url) as store:
        if bulk:
            store.put_many(reports)
        else:
            for report in reports:
                store.put(report)
    key = hashes(reports)
    assert contested(store_url) == {
        "harbour-post-factory-fire": (
            "at least 40",
            (f"{key['daily-ledger-factory-fire']}:f0",),
            "total",
        ),
        "daily-ledger-factory-fire": (
            "More than 100",
            (f"{key['harbour-post-factory-fire']}:f0",),
            "total",
        ),
    }  # the crash in Lagos that day counts other dead: no contest


def test_contested_figures_print_under_their_quantity_with_links(
    reports: list[ExtractedArticle], tmp_path: Path
) -> None:
    from newsgraph.cli import app
    from newsgraph.server.views import contested_groups

    url = str(tmp_path / "stories.db")
    with open_store(url) as store:
        store.put_many(reports)
        [group] = contested_groups(store)
    assert (group.quantity, group.what, group.kind) == ("dead", "people died", "total")
    assert group.reason == "at least 40 and More than 100 cannot both hold"
    assert {(f.article_id, f.id) for f in group.figures} == {
        ("harbour-post-factory-fire", "f0"),
        ("daily-ledger-factory-fire", "f0"),
    }
    runner = CliRunner()
    shown = runner.invoke(app, ["figures", "--contested", "--db", url])
    assert shown.exit_code == 0, shown.output
    assert "dead · people died · total" in shown.stdout
    assert "#f0" in shown.stdout  # the link column (the table may fold it)
    rows = json.loads(
        runner.invoke(app, ["figures", "--contested", "--db", url, "--output", "json"]).stdout
    )
    assert {r["link"] for r in rows} == {
        "/articles/harbour-post-factory-fire#f0",
        "/articles/daily-ledger-factory-fire#f0",
    }


def test_the_figures_page_heads_a_contest_with_its_quantity_and_links_each_figure(
    reports: list[ExtractedArticle], tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.server import create_app

    url = stored(reports, tmp_path)
    with TestClient(create_app(url)) as client:
        page = client.get("/figures").text
    assert "Dead <span" in page and "at least 40 and More than 100 cannot both hold" in page
    for article in ("harbour-post-factory-fire", "daily-ledger-factory-fire"):
        assert f'href="/articles/{article}#f0"' in page


def test_a_contest_across_articles_is_exported_as_a_claim_review_of_both(
    reports: list[ExtractedArticle], tmp_path: Path
) -> None:
    from newsgraph.export import export_db

    export_db(stored(reports, tmp_path), "jsonld", tmp_path / "out")
    graph = json.loads((tmp_path / "out" / "figures.jsonld").read_text(encoding="utf-8"))
    reviewed = {n["claimReviewed"]: n["isBasedOn"] for n in graph["@graph"]}
    assert len(reviewed) == 2  # each outlet's toll, reviewed against the other's
    articles = set()
    for rivals in reviewed.values():
        [rival] = rivals
        assert rival["@type"] == "Claim"
        articles.add(rival["appearance"]["@id"])
    assert len(articles) == 2  # each rival cites its own article
