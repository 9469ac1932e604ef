"""The README stays honest: two set-up commands, and every command and component documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from newsgraph.cli import app
from newsgraph.nlp.pipeline import DEFAULT_COMPONENTS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_names(typer_app: typer.Typer, prefix: str = "") -> list[str]:
    names = [prefix + (c.name or c.callback.__name__) for c in typer_app.registered_commands]
    for group in typer_app.registered_groups:
        names += command_names(group.typer_instance, f"{prefix}{group.name} ")
    return names


def setup_section() -> str:
    match = re.search(r"^## Set up.*?$(.*?)^## ", README, re.S | re.M)
    assert match, "README has no '## Set up' section"
    return match.group(1)


def test_readme_has_exactly_two_one_line_setup_commands() -> None:
    blocks = re.findall(r"```bash\n(.*?)```", setup_section(), re.S)
    assert len(blocks) == 2
    assert all(block.count("\n") == 1 for block in blocks), blocks


def test_first_setup_command_runs_the_demo_and_second_runs_the_tests() -> None:
    first, second = re.findall(r"```bash\n(.*?)\n```", setup_section(), re.S)
    assert "newsgraph demo" in first
    assert (Path(__file__).resolve().parent.parent / second.split()[-1]).is_file()


def test_first_setup_command_installs_the_locked_versions() -> None:
    first, _ = re.findall(r"```bash\n(.*?)\n```", setup_section(), re.S)
    lock = re.search(r"pip install --no-deps -r (\S+)", first)
    assert lock and (Path(__file__).resolve().parent.parent / lock.group(1)).is_file(), first
    assert "--no-deps -e ." in first  # the project itself adds nothing the lock did not pin


@pytest.mark.parametrize("name", command_names(app))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"newsgraph {name}" in README


@pytest.mark.parametrize("component", DEFAULT_COMPONENTS)
def test_every_component_is_in_the_readme(component: str) -> None:
    assert f"`{component}`" in README
