"""`newsgraph watch` is documented: every option in the README, every politeness setting with
its default in `--help`, and the defaults are the fetcher's own."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.fetch.client import POLITE, Politeness

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("<!-- watch -->", 1)[1].split("\n### ", 1)[0]
COMMAND = typer.main.get_command(app).commands["watch"]  # type: ignore[attr-defined]
OPTIONS = [o for p in COMMAND.params for o in p.opts if o.startswith("--") and o != "--help"]
# option -> the Politeness field it sets, and how its default reads as the field's value
AS_FIELD = {
    "max_mb": ("max_bytes", lambda mb: int(mb * 1024 * 1024)),
    "allow": ("allowed", lambda hosts: frozenset(hosts or ())),
}


@pytest.mark.parametrize("option", OPTIONS)
def test_every_watch_option_is_in_the_readme(option: str) -> None:
    assert option in SECTION


def test_the_readme_shows_a_sources_file_and_both_commands() -> None:
    assert re.search(r"```text\n# sources.txt.*?feed\n.*?site\n```", SECTION, re.S)
    assert "newsgraph ingest https://" in SECTION and "newsgraph watch sources.txt" in SECTION


def test_the_options_defaults_are_the_fetchers_own() -> None:
    defaults = {p.name: p.default for p in COMMAND.params}
    covered = set()
    for name, default in defaults.items():
        field, convert = AS_FIELD.get(name, (name, lambda v: v))
        if field in {f.name for f in dataclasses.fields(Politeness)}:
            covered.add(field)
            assert convert(default) == getattr(POLITE, field), name
    assert covered == {f.name for f in dataclasses.fields(Politeness)}


def test_watch_help_gives_every_politeness_setting_with_its_default() -> None:
    result = CliRunner().invoke(app, ["watch", "--help"], env={"COLUMNS": "200"})
    text = re.sub(r"[│╭╮╰╯─]", " ", result.output)
    text = " ".join(text.split())
    for option in ["--contact", "--delay", "--timeout", "--max-mb", "--max-redirects",
                   "--retries", "--backoff", "--max-wait", "--allow", "--every"]:  # fmt: skip
        after = text.split(f" {option} <", 1)[1].split(" --", 1)[0]
        assert "[default:" in after, f"{option} shows no default: {after}"
