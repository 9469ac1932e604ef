"""The store commands as a user types them (in-process through Typer's runner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ReadError
from newsgraph.model import Entity
from newsgraph.store.schema import TABLES
from store.make import article, story

runner = CliRunner()


@pytest.fixture
def filled(store, store_url):  # type: ignore[no-untyped-def]
    store.put(story())
    store.put(
        article("nick", "Sasha spoke.", entities=(Entity(id="e0", name="Sasha", label="PERSON"),))
    )
    store.put_error(ReadError("feed.xml", "entry 2", "no-text"))
    return store_url


def newsgraph(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_queries_print_json_rows(filled: str) -> None:
    [event] = json.loads(newsgraph("events", "--actor", "Voss", "--db", filled, "--output", "json"))
    assert (event["type"], event["target"]) == ("CONSULT", "Alexander Tarkhanov")
    figures = json.loads(newsgraph("figures", "--contested", "--db", filled, "--output", "json"))
    assert len(figures) == 2
    [error] = json.loads(newsgraph("errors", "--db", filled, "--output", "json"))
    assert error["reason"] == "no-text"


def test_a_table_names_its_columns(filled: str) -> None:
    shown = newsgraph("quotes", "--db", filled)
    for column in ("speaker", "quote", "article", "published", "start", "end"):
        assert column in shown


def test_entities_merge_then_split_from_the_command_line(filled: str) -> None:
    kept = newsgraph("entities", "merge", "Alexander Tarkhanov", "Sasha", "--db", filled).strip()
    assert json.loads(newsgraph("entity", "Sasha", "--db", filled))["id"] == kept
    apart = newsgraph("entities", "split", "Sasha", "--db", filled).strip()
    assert apart != kept
    assert json.loads(newsgraph("entity", "Sasha", "--db", filled))["id"] == apart


def test_export_writes_the_files_it_lists(filled: str, tmp_path: Path) -> None:
    listed = newsgraph("export", "--format", "csv", "--out", str(tmp_path), "--db", filled)
    paths = [Path(line) for line in listed.splitlines()]
    assert len(paths) == len(TABLES) and all(p.is_file() for p in paths)


@pytest.mark.parametrize(
    "args, says",
    [
        (["quotes", "--since", "last week"], "--since must be YYYY-MM-DD"),
        (["export", "--format", "xml", "--out", "x"], "unknown export format"),
        (["entity", "Nobody At All"], "no entity"),
    ],
    ids=["bad-date", "bad-format", "unknown-entity"],
)
def test_mistakes_exit_non_zero_with_a_message(filled: str, args: list[str], says: str) -> None:
    result = runner.invoke(app, [*args, "--db", filled])
    assert result.exit_code in (1, 2)
    assert says in result.output
