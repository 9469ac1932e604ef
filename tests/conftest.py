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
def corpus() -> dict[str, Path]:
    """The sample corpus in examples/: format -> one real file of it (html: one page)."""
    paths = {
        "text": EXAMPLES / "medialine_blinken.txt",
        "jsonl": EXAMPLES / "wikinews.jsonl",
        "html": sorted((EXAMPLES / "html").glob("*.html"))[0],
        "feed": EXAMPLES / "feed.xml",
        "warc": EXAMPLES / "pages.warc.gz",
    }
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        pytest.fail(f"examples/ is incomplete (run tools/make_examples.py): {missing}")
    return paths


# --- batch ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def batch_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Shards in path order: a WARC.gz cut short (its articles repeat the sample WARC's), a page
    that the sample WARC holds too, the reference article and the sample WARC."""
    cut = tmp_path_factory.mktemp("batch-corpus") / "crawl-cut.warc.gz"
    warc = EXAMPLES / "pages.warc.gz"
    cut.write_bytes(warc.read_bytes()[: warc.stat().st_size // 2])
    pages = sorted((EXAMPLES / "html").glob("*.html"))[:1]
    return sorted([cut, *pages, EXAMPLES / "medialine_blinken.txt", warc], key=lambda p: p.parts)


@pytest.fixture(scope="session")
def batch_out(tmp_path_factory: pytest.TempPathFactory, batch_corpus: list[Path]):  # type: ignore[no-untyped-def]
    """`newsgraph batch` over batch_corpus with the local engine, two workers: (out, results)."""
    from newsgraph.batch import batch_paths

    out = tmp_path_factory.mktemp("batch-out")
    return out, list(batch_paths(batch_corpus, out, workers=2))
