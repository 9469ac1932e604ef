"""Imports point inwards: model <- read, nlp <- extract <- store <- shells (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newsgraph"

# A module in a layer may import ours only from the layers listed for it.
ALLOWED = {
    "model": set(),
    "errors": set(),
    "read": {"model", "errors", "read"},
    "nlp": {"model", "errors", "nlp"},
    "extract": {"model", "errors", "nlp"},
    "evaluate": {
        "model",
        "errors",
        "nlp",
        "extract",
        "read",
        "jobs",
        "evaluate_identity",
        "evaluate_events",
    },
    "evaluate_events": {"evaluate_identity"},
    # `eval speakers` ingests the gold into a temporary store: the one scorer that needs it
    "evaluate_identity": {"model", "errors", "nlp", "extract", "read", "store"},
    "store": {"model", "errors", "store", "extract", "nlp", "read"},
}


def layer_of(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def our_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("newsgraph.")
        ):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("newsgraph.")
            )
    return names


MODULES = [p for p in sorted(SRC.rglob("*.py")) if layer_of(p) in ALLOWED]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_inwards(path: Path) -> None:
    layer = layer_of(path)
    outward = our_imports(path) - ALLOWED[layer] - {layer}
    assert not outward, f"{path.name} ({layer}) imports outward: {sorted(outward)}"
