"""The README's ingest-and-query section keeps up with the CLI: every command and option."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from newsgraph.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("<!-- store -->", 1)[1].split("\n### ", 1)[0]
COMMANDS = ["ingest", "errors", "quotes", "events", "figures", "entity", "entities", "export"]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_store_command_and_option_is_in_the_readme(name: str) -> None:
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert f"newsgraph {name}" in SECTION
    for sub in getattr(command, "commands", {}):
        assert f"newsgraph {name} {sub}" in SECTION
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in SECTION, f"{name} {option}"
