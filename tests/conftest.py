"""Every fixture of the suite lives here: the spaCy pipeline, the shared data, the sample corpus."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"
REFERENCE = SHARED / "fixtures" / "medialine_blinken.txt"
REFERENCE_GOLD = SHARED / "fixtures" / "medialine_blinken.gold.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/*.json from the output."
    )


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared data folder is missing: {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsgraph.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def reference(nlp):  # type: ignore[no-untyped-def]
    """The reference article, extracted, and the offset of its body inside the raw file."""
    from newsgraph.extract import extract_article
    from newsgraph.read import read_paths

    article = next(read_paths([REFERENCE]))
    raw = REFERENCE.read_text(encoding="utf-8")
    return extract_article(article, nlp), raw.index(article.text)


@pytest.fixture(scope="session")
def reference_gold() -> dict[str, Any]:
    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def floors() -> dict[str, float]:
    return json.loads((Path(__file__).parent / "floors.json").read_text())  # type: ignore[no-any-return]


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare a JSON-able value with tests/golden/<name>.json; --update-golden rewrites it."""

    def check(name: str, value: Any) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if request.config.getoption("--update-golden") or not path.exists():
            path.write_text(text, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(True), text.splitlines(True), str(path), "actual"
                )
            )
            pytest.fail(f"golden file differs (rerun with --update-golden to accept):\n{diff}")

    return check


@pytest.fixture(scope="session")
def reference_dated(nlp):  # type: ignore[no-untyped-def]
    """The reference article extracted with its publication date, 2021-05-25 (a Tuesday)."""
    import dataclasses
    from datetime import date

    from newsgraph.extract import extract_article
    from newsgraph.read import read_paths

    article = next(read_paths([REFERENCE]))
    return extract_article(dataclasses.replace(article, published=date(2021, 5, 25)), nlp)
