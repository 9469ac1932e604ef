"""The lock files agree with pyproject.toml: every range there is met by a pin here.

A dependency added to (or a range changed in) pyproject.toml without `bash scripts/lock.sh`
fails here, so a fresh machine never installs something other than what was tested.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.M)


def pins(text: str) -> dict[str, str]:
    """Package name (canonical) -> pinned version, from a requirements file's text."""
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def unmet(requirements: list[str], locked: dict[str, str]) -> list[str]:
    """The requirements that no pin satisfies (missing from the lock, or outside the range)."""
    missing = []
    for line in requirements:
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate({"python_version": "3.11"}):
            continue
        version = locked.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            missing.append(f"{line} (locked: {version})")
    return missing


def project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def extras_requirements(extras: dict[str, list[str]]) -> list[str]:
    """Every extra's requirements, less the project's own aggregate extras (newsgraph[...])."""
    own = canonicalize_name(project()["name"])
    return [
        r for rs in extras.values() for r in rs if canonicalize_name(Requirement(r).name) != own
    ]


def test_every_dependency_and_extra_is_pinned_in_the_full_lock() -> None:
    spec = project()
    locked = pins((ROOT / "requirements" / "all.txt").read_text())
    wanted = spec["dependencies"] + extras_requirements(spec["optional-dependencies"])
    assert unmet(wanted, locked) == [], "pyproject.toml changed: run bash scripts/lock.sh"


def test_the_runtime_lock_pins_the_runtime_at_the_full_locks_versions() -> None:
    run = pins((ROOT / "requirements" / "run.txt").read_text())
    full = pins((ROOT / "requirements" / "all.txt").read_text())
    assert unmet(project()["dependencies"], run) == [], "run bash scripts/lock.sh"
    assert {name: v for name, v in run.items() if full.get(name) != v} == {}


def test_every_pin_carries_hashes() -> None:
    for name in ("all.txt", "run.txt"):
        text = (ROOT / "requirements" / name).read_text()
        entries = re.split(r"\n(?=[A-Za-z])", text.split("\n", 2)[2])
        assert entries and all("--hash=sha256:" in e for e in entries if PIN.match(e)), name


@pytest.mark.parametrize(
    ("requirement", "locked"),
    [("newlib>=1.0", {}), ("spacy>=4,<5", {"spacy": "3.8.18"})],
    ids=["added-without-relock", "range-moved-past-the-pin"],
)
def test_a_requirement_the_lock_does_not_meet_is_reported(
    requirement: str, locked: dict[str, str]
) -> None:
    assert unmet([requirement], locked) != []
