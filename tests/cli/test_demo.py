"""The README's first command, end to end: `newsgraph demo` ingests examples/ and serves the UI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from newsgraph.cli.serve import find_examples
from newsgraph.errors import NewsgraphError

SRC = Path(__file__).resolve().parents[2] / "src"


def demo(cwd: Path, *args: str) -> subprocess.Popen[str]:
    """`python -m newsgraph demo` in `cwd`, which holds examples/."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "demo", "--db", str(cwd / "demo.db"), *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.timeout(300)
def test_demo_ingests_examples_then_serves_the_ui(demo_checkout: Path) -> None:
    process = demo(demo_checkout, "--port", "0")
    try:
        lines = []
        for line in process.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if "serving on" in line:
                break
        output = "".join(lines)
        assert "articles 3" in output, output
        address = output.split("serving on ")[-1].strip()
        page = httpx.get(address, timeout=30)
        assert page.status_code == 200
        assert "Who said what" in page.text and "Wikinews" in page.text
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.timeout(300)
def test_demo_rerun_reuses_the_database(demo_checkout: Path) -> None:
    assert demo(demo_checkout, "--no-serve").wait(timeout=240) == 0
    second = demo(demo_checkout, "--no-serve")
    output = second.communicate(timeout=120)[0]
    assert second.returncode == 0
    assert "0 articles added" in output and "3 already there" in output, output


def test_examples_are_found_in_the_current_directory_first(demo_checkout: Path) -> None:
    assert find_examples([demo_checkout, Path("/nonexistent")]) == demo_checkout / "examples"


def test_no_examples_folder_is_a_user_error_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="newsgraph ingest PATH"):
        find_examples([tmp_path])
