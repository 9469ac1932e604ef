"""Every kind of bad input is reported with file, record and reason; the run goes on.

Each case goes through `read_paths` and, all together, through `newsgraph extract` as a
subprocess (stderr report, exit code). Arbitrary bytes into any reader give only Articles or
ReadErrors.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import READ_REASONS, ReadError
from newsgraph.model import Article
from newsgraph.read import read_paths
from newsgraph.read.detect import READERS, sniff_format

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "binary",
        "invalid-utf-8",
        "truncated-warc-gz",
        "malformed-feed",
        "no-article-text",
        "50-mb-file",
    ],
)
def test_bad_input_is_reported_and_the_run_goes_on(
    case: str, bad_inputs: dict[str, tuple[Path, str | None, str]], corpus: dict[str, Path]
) -> None:
    path, record, reason = bad_inputs[case]
    errors: list[ReadError] = []
    articles = list(read_paths([path, corpus["text"]], on_error=errors.append))
    assert articles[-1].source == corpus["text"].name  # the next file is still read
    assert [(e.source, e.record, e.reason) for e in errors] == [(path.name, record, reason)]


def test_the_cli_reports_each_bad_file_and_exits_zero_when_something_was_read(
    bad_inputs: dict[str, tuple[Path, str | None, str]], corpus: dict[str, Path]
) -> None:
    paths = [str(path) for path, _, _ in bad_inputs.values()]
    done = run_extract([*paths, str(corpus["text"])])
    assert done.returncode == 0, done.stderr
    for path, record, reason in bad_inputs.values():
        where = f"{path.name}: {record}" if record else path.name
        assert f"{where}: {reason}; skipped" in done.stderr
    assert '"outlet": "The Media Line"' in done.stdout
    # 9 articles before the cut of the WARC.gz, and the reference article
    assert f"10 articles; {len(bad_inputs)} inputs skipped (" in done.stderr


def test_the_cli_exits_non_zero_when_nothing_could_be_read(
    bad_inputs: dict[str, tuple[Path, str | None, str]],
) -> None:
    path, _, _ = bad_inputs["empty"]
    done = run_extract([str(path), str(bad_inputs["binary"][0])])
    assert done.returncode == 1
    assert f"{path.name}: empty; skipped" in done.stderr


def run_extract(args: list[str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newsgraph", "extract", *args, "--output", "jsonl"]
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize("fmt", sorted(READERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(str.encode)))
def test_arbitrary_bytes_give_only_articles_or_read_errors(fmt: str, data: bytes) -> None:
    errors: list[ReadError] = []
    articles = list(READERS[fmt](io.BytesIO(data), source="x", on_error=errors.append))
    assert all(isinstance(a, Article) and a.text.strip() for a in articles)
    assert all(e.reason in READ_REASONS and e.source == "x" for e in errors)
    assert sniff_format(data[:8192]) in READERS


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.sampled_from([b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"<rss>", b"{"]),
    data=st.binary(max_size=2000),
)
def test_arbitrary_bytes_after_a_magic_number_give_only_articles_or_read_errors(
    prefix: bytes, data: bytes
) -> None:
    fmt = sniff_format(prefix + data)
    errors: list[ReadError] = []
    articles = list(READERS[fmt](io.BytesIO(prefix + data), source="x", on_error=errors.append))
    assert all(isinstance(a, Article) for a in articles)
    assert all(e.reason in READ_REASONS for e in errors)
