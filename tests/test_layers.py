"""Imports point inwards (STYLE.md): model <- read, nlp <- extract <- store <- jobs <- batch <-
server <- cli, the fetcher (`fetch`) on read and store, under jobs, and train (beside evaluate)
<- cli; `server/api` and `server/web` never import each other, only `server/app.py` composes
them, and only `cli` sits above `server`. Every module of every unit is checked, deferred imports
included, and the module graph has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newsgraph"

BASE = {"model", "errors"}
LIBRARY = BASE | {"read", "nlp", "extract", "store"}
# A module of a unit may import ours only from the units listed for it (and its own unit).
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "read": BASE,
    "nlp": BASE,
    "extract": BASE | {"nlp"},
    "store": BASE,
    # extraction in worker processes, for ingest and batch
    "workers": BASE | {"nlp", "extract"},
    # the polite fetcher: pages through read's HTML reader, watch rounds into a Store
    "fetch": BASE | {"read", "store"},
    "jobs": LIBRARY | {"fetch", "workers"},
    "evaluate": LIBRARY | {"jobs", "evaluate_identity", "evaluate_events"},
    "evaluate_events": {"evaluate_identity"},
    # `eval speakers` ingests the gold into a temporary store: the one scorer that needs it
    "evaluate_identity": LIBRARY,
    "export": BASE | {"store"},
    "batch": LIBRARY | {"workers"},
    # `newsgraph train`: fits weights that nlp/ loads from resources/, scoring as `eval` does
    "train": LIBRARY | {"evaluate"},
    "server": LIBRARY | {"jobs"},  # deps, schemas, views: what both faces share
    "server.api": LIBRARY | {"jobs", "server"},
    "server.web": LIBRARY | {"jobs", "server"},
    "server.app": LIBRARY | {"jobs", "server", "server.api", "server.web"},
    "cli": LIBRARY | {"jobs", "fetch", "evaluate", "export", "batch", "train", "server.app"},
    "__main__": {"cli"},
    "__init__": set(),
}


def unit_of(parts: list[str]) -> str:
    """The unit of a module, from its path parts under newsgraph/ (or its dotted name's)."""
    parts = [p.removesuffix(".py") for p in parts]
    if parts[0] != "server":
        return parts[0]
    if len(parts) > 1 and parts[1] in ("api", "web"):
        return f"server.{parts[1]}"
    if len(parts) == 1 or parts[1] in ("app", "__init__"):
        return "server.app"  # the package's face is its composition root
    return "server"


def module_name(path: Path) -> str:
    parts = [*path.relative_to(SRC.parent).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_imports(path: Path) -> set[str]:
    """The dotted names of our modules that a module imports, anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("newsgraph."))
    return names - {"newsgraph"}


MODULES = sorted(SRC.rglob("*.py"))


def test_every_unit_has_a_rule() -> None:
    units = {unit_of([*p.relative_to(SRC).parts]) for p in MODULES}
    assert units <= set(ALLOWED), f"units without a rule: {sorted(units - set(ALLOWED))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_inwards(path: Path) -> None:
    unit = unit_of([*path.relative_to(SRC).parts])
    imported = {unit_of(name.split(".")[1:]) for name in our_imports(path)}
    outward = imported - ALLOWED[unit] - {unit}
    assert not outward, f"{path.relative_to(SRC)} ({unit}) imports outward: {sorted(outward)}"


def test_the_two_faces_never_import_each_other() -> None:
    for path in MODULES:
        unit = unit_of([*path.relative_to(SRC).parts])
        other = {"server.api": "server.web", "server.web": "server.api"}.get(unit)
        if other:
            imported = {unit_of(name.split(".")[1:]) for name in our_imports(path)}
            assert other not in imported, f"{path.relative_to(SRC)} imports {other}"


def test_the_module_graph_has_no_cycle() -> None:
    known = {module_name(p): p for p in MODULES}
    graph = {name: {m for m in our_imports(path) if m in known} for name, path in known.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            # a package imports its own modules, and they import it: Python's own pattern
            if other == name or name.startswith(other + ".") or other.startswith(name + "."):
                continue
            if state.get(other) == 1:
                pytest.fail(f"import cycle: {' -> '.join([*trail, name, other])}")
            if other not in state:
                visit(other, [*trail, name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
