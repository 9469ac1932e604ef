"""`newsgraph batch --engine ray --address` on a real two-node Ray cluster: a head and a second
node started by `ray start` as separate processes on this machine, the second node's worker
killed mid-run, and the Parquet output the same as the local engine's."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.batch.test_batch import ONE_RUN, SRC, parquet_content

from newsgraph.batch.shards import done_keys

pytestmark = [pytest.mark.ray, pytest.mark.slow]

RAY = Path(sys.executable).with_name("ray")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ray_start(args: list[str], env: dict[str, str]) -> int:
    """Run `ray start ARGS` in a session of its own; the node's daemons keep its process group,
    which is returned (so the node can be told apart from the other, and stopped alone: `ray
    stop` would stop every Ray instance on the machine)."""
    command = [str(RAY), "start", "--node-ip-address", "127.0.0.1", "--num-cpus", "1", *args]
    # a port of its own for each node's agent (the default one is shared)
    command += ["--dashboard-agent-listen-port", str(free_port()), "--disable-usage-stats"]
    started = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output, _ = started.communicate(timeout=180)
    if started.returncode != 0:
        pytest.fail(f"ray start {' '.join(args)} failed:\n{output[-3000:]}")
    return started.pid


def processes() -> dict[int, tuple[int, int, str]]:
    """Live processes: pid -> (parent, process group, command line; Ray's workers set their
    process title, "ray::<actor>", which /proc shows as the command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile
        state, parent, group = stat.rsplit(")", 1)[1].split()[:3]  # after "pid (name)"
        if state != "Z":
            found[int(entry.name)] = (int(parent), int(group), command)
    return found


def node_processes(group: int) -> dict[int, str]:
    """The processes of the node `ray start` began in process group `group`: its daemons, and
    their descendants (a worker takes a process group of its own)."""
    table = processes()
    members = {pid for pid, (_, pgrp, _) in table.items() if pgrp == group}
    while grown := {p for p, (parent, _, _) in table.items() if parent in members} - members:
        members |= grown
    return {pid: table[pid][2] for pid in members}


def stop(group: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(group, signal.SIGKILL)


@pytest.fixture
def cluster() -> Iterator[dict[str, Any]]:
    """A head (1 CPU) and a second node (1 CPU) on 127.0.0.1, with token authentication of
    their own (Ray 2.60 turns it on for a head where ~/.ray/auth_token exists)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),  # the nodes' workers import this checkout's newsgraph
        "RAY_AUTH_MODE": "token",
        "RAY_AUTH_TOKEN": secrets.token_hex(32),
        "RAY_USAGE_STATS_ENABLED": "0",
    }
    env.pop("RAY_ADDRESS", None)
    port = free_port()
    # A short root: Ray's socket paths must fit in 107 characters.
    temp = Path(os.environ.get("TMPDIR", "/tmp")) / f"ng-ray-{port}"
    head = ray_start(
        ["--head", "--port", str(port), "--include-dashboard", "false", "--temp-dir", str(temp)],
        env,
    )
    groups = [head]
    try:
        groups.append(ray_start(["--address", f"127.0.0.1:{port}"], env))
        yield {"address": f"127.0.0.1:{port}", "env": env, "second": groups[1]}
    finally:
        for group in groups:
            stop(group)
        shutil.rmtree(temp, ignore_errors=True)


@ONE_RUN
def test_a_two_node_run_that_loses_a_worker_equals_the_local_engine(
    cluster: dict[str, Any], batch_out: Any, batch_corpus: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsgraph", "batch", *map(str, batch_corpus)]
    command += ["--out", str(out), "--engine", "ray", "--address", cluster["address"]]
    command += ["--workers", "2"]
    run = subprocess.Popen(
        command, env=cluster["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # Ray Data spreads the two actors over the nodes: once the second node's actor holds a
    # shard (a shard is done somewhere, and the run goes on), it is killed.
    killed: list[int] = []
    deadline = time.monotonic() + 300
    while not killed:
        if run.poll() is not None or time.monotonic() > deadline:
            run.kill()
            _, stderr = run.communicate()
            pytest.fail(f"the run ended or stalled before the kill:\n{stderr[-3000:]}")
        actors = [p for p, c in node_processes(cluster["second"]).items() if "ShardActor" in c]
        if actors and done_keys(out):
            for pid in actors:
                os.kill(pid, signal.SIGKILL)
            killed = actors
        time.sleep(0.05)  # polling processes and the output folder, with the deadline above
    assert run.poll() is None, "the run ended before the kill: it proves nothing"

    _, stderr = run.communicate(timeout=600)

    assert run.returncode == 0, stderr[-3000:]
    assert parquet_content(out) == parquet_content(batch_out[0])
    assert not list(out.rglob("*.tmp"))
