"""`newsgraph extract`: the acceptance run on the reference article, outputs, progress, exits."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.cli import main


def test_the_reference_article_record(
    reference_cli: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, path = reference_cli
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)  # stdout is one clean JSON record
    article = record["article"]
    raw_lines = [
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert article["outlet"] == "The Media Line"
    assert article["url"] == "https://themedialine.org"
    assert article["title"] == raw_lines[1]
    assert not article["text"].startswith((raw_lines[0], raw_lines[1]))
    assert article["source"] == path.name  # never the machine's absolute path
    assert set(record) >= {"article", "entities", "quotes", "events", "figures"}


def test_every_entity_mention_slices_back_to_its_text(
    reference_cli: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    record = json.loads(reference_cli[0].stdout)
    text = record["article"]["text"]
    mentions = [m for entity in record["entities"] for m in entity["mentions"]]
    assert mentions
    assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)


def test_every_gold_person_is_an_entity(
    reference_cli: tuple[subprocess.CompletedProcess[str], Path], reference_gold: dict[str, Any]
) -> None:
    record = json.loads(reference_cli[0].stdout)
    names = {e["name"] for e in record["entities"]} | {
        alias for e in record["entities"] for alias in e["aliases"]
    }
    persons = [e["name"] for e in reference_gold["entities"] if e["type"] == "PERSON"]
    assert [name for name in persons if name not in names] == []


def test_table_output_shows_the_article_and_its_entities(corpus: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli.app, ["extract", str(corpus["html"]), "--output", "table"])
    assert result.exit_code == 0, result.output
    assert "Dozens dead in California boat fire" in result.output
    assert "outlet: Wikinews" in result.output
    assert "Entities (" in result.output


def test_a_missing_path_is_the_users_mistake(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.app, ["extract", str(tmp_path / "gone.txt")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_a_bad_published_date_is_the_users_mistake(corpus: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli.app, ["extract", str(corpus["text"]), "--published", "May"])
    assert result.exit_code == 2
    assert "--published must be YYYY-MM-DD" in result.output


def test_a_value_error_of_the_pipeline_is_a_bug_not_a_bad_date(
    corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug in a component")

    monkeypatch.setattr("newsgraph.jobs.extract_paths", broken)
    args = ["extract", str(corpus["text"]), "--published", "2021-05-25"]
    result = CliRunner().invoke(cli.app, args)
    assert isinstance(result.exception, ValueError)  # propagates, with its traceback
    assert "YYYY-MM-DD" not in result.output


def test_the_progress_line_counts_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(main, "err", Console(file=screen, force_terminal=True, width=80))
    assert main.with_progress(iter(range(3)), "articles") == [0, 1, 2]
    assert "3 articles" in screen.getvalue()


def test_standard_input_is_read_with_a_format_override() -> None:
    line = '{"id": "in-1", "text": "The minister said on Monday that talks would resume."}\n'
    result = CliRunner().invoke(
        cli.app, ["extract", "-", "--format", "jsonl", "--output", "jsonl"], input=line
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["article"]["id"], record["article"]["source"]) == ("in-1", "<stdin>#line 1")


@pytest.mark.parametrize(
    ("flag", "kind"),
    [([], "direct"), (["--apostrophe-quotes"], "direct"), (["--no-apostrophe-quotes"], "indirect")],
    ids=["detected", "forced-on", "forced-off"],
)
def test_apostrophe_quotes_are_read_as_marks_unless_turned_off(flag: list[str], kind: str) -> None:
    text = "The vote was close.\n\n''We will win this race,'' Mayor Ana Ruiz said on Monday."
    line = json.dumps({"id": "a1", "text": text}) + "\n"
    args = ["extract", "-", "--format", "jsonl", "--output", "jsonl", *flag]
    result = CliRunner().invoke(cli.app, args, input=line)
    assert result.exit_code == 0, result.output
    (quote,) = json.loads(result.stdout)["quotes"]
    assert quote["kind"] == kind and "Ana Ruiz" in quote["speaker"]
