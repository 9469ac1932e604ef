"""Every fixture of the suite lives here: the spaCy pipeline, the shared data, the sample corpus."""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
from collections.abc import Callable, Iterator
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


def xdist_groups(item: pytest.Item) -> str:
    """The item's xdist_group names as pytest-xdist joins them ("" for none)."""
    marks = item.iter_markers("xdist_group")
    names = {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks}
    return "_".join(sorted(names))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Make `--dist loadgroup` group again. pytest-xdist 3.8 tells the controller a test's
    group by appending "@GROUP" to `item._nodeid`, which pytest 9.2 no longer reads (a node's
    id is `item._id` now): every group was spread over the workers, and each worker ran the
    group's session fixtures (a gold file's extraction, the batch run) again. Remove this when
    the lock holds an xdist that writes `_id` (test_xdist_groups_hold tells)."""
    if not (hasattr(config, "workerinput") and config.getvalue("loadgroup")):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        group = xdist_groups(item)
        if group and not item.nodeid.endswith(f"@{group}"):
            item._id = coerce_node_id(f"{item.nodeid}@{group}")  # type: ignore[attr-defined]


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
def sample_extracted(nlp, shared: Path):  # type: ignore[no-untyped-def]
    """The 200 Wikinews articles of ../shared/samples, extracted once for the session (the
    tests that read them share the xdist group "samples"): [ExtractedArticle]."""
    from newsgraph.extract import extract_articles
    from newsgraph.read.jsonl import article_from_row

    lines = (shared / "samples" / "wikinews_en.jsonl").read_text(encoding="utf-8").splitlines()
    articles = (article_from_row(json.loads(line), source="samples") for line in lines)
    return list(extract_articles(articles, nlp))


@pytest.fixture(scope="session")
def reference_gold() -> dict[str, Any]:
    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# The tasks each gold file of ../shared/data is scored on by the floor tests.
GOLD_TASKS = {
    "polnear_dev.jsonl": ["quotes"],
    "plover_dev.jsonl": ["events"],
    "wikinews_dev.jsonl": ["quotes", "speakers", "figures", "events"],
    "conll2003_dev.jsonl": ["entities"],
}


@pytest.fixture(scope="session")
def gold_scores(shared: Path):  # type: ignore[no-untyped-def]
    """`gold_scores(FILE, TASK)`: the scores of TASK on ../shared/data/FILE, as `newsgraph eval`
    gives them. Every task of one file is scored together on the first call, extracting the
    file's articles once for the session (the floor tests share the xdist group of their file)."""
    from newsgraph.evaluate import evaluate_tasks

    @functools.cache
    def scored(name: str) -> dict[str, dict[str, float]]:
        return evaluate_tasks(GOLD_TASKS[name], shared / "data" / name)

    return lambda name, task: scored(name)[task]


@pytest.fixture(scope="session")
def floors() -> dict[str, float]:
    return json.loads((Path(__file__).parent / "floors.json").read_text())  # type: ignore[no-any-return]


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare a JSON-able value with tests/golden/<name>.json; --update-golden rewrites it."""

    def check(name: str, value: Any) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if request.config.getoption("--update-golden"):
            path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"no golden file {path}: run with --update-golden to write it")
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(True), text.splitlines(True), str(path), "actual"
                )
            )
            pytest.fail(f"golden file differs (rerun with --update-golden to accept):\n{diff}")

    return check


# --- store --------------------------------------------------------------------------------------

STORE_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextlib.contextmanager
def database_urls(backend: str, folder: Path) -> Iterator[Callable[[], str]]:
    """A factory of URLs of empty databases: SQLite files in `folder`, or fresh PostgreSQL
    schemas (via search_path) on NEWSGRAPH_TEST_POSTGRES, dropped on leaving; skips when that
    server is not given."""
    import os
    import uuid

    made: list[str] = []
    server = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
    if backend == "postgresql" and not server:
        pytest.skip("NEWSGRAPH_TEST_POSTGRES is not set (scripts/test.sh sets it)")

    def make() -> str:
        if backend == "sqlite":
            return f"sqlite:///{folder / f'store-{uuid.uuid4().hex[:8]}.db'}"
        import sqlalchemy

        schema = f"test_{uuid.uuid4().hex[:16]}"
        engine = sqlalchemy.create_engine(server)  # type: ignore[arg-type]
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
        made.append(schema)
        url = sqlalchemy.engine.make_url(server)  # type: ignore[arg-type]
        url = url.update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    yield make
    if made:
        import sqlalchemy

        engine = sqlalchemy.create_engine(server)  # type: ignore[arg-type]
        with engine.begin() as conn:
            for schema in made:
                conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture(params=STORE_BACKENDS)
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A factory of URLs of empty databases on SQLite and on PostgreSQL, for one test."""
    with database_urls(request.param, tmp_path) as make:
        yield make


@pytest.fixture(scope="module", params=STORE_BACKENDS)
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The URL of one empty database, SQLite and PostgreSQL, shared by a module's tests (for
    tests that only read what a fixture stored once)."""
    with database_urls(request.param, tmp_path_factory.mktemp("store")) as make:
        yield make()


@pytest.fixture
def store_url(new_store_url):  # type: ignore[no-untyped-def]
    """The URL of one empty database (SQLite file or PostgreSQL schema)."""
    return new_store_url()


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    """An open, empty Store: parametrised over SQLite and PostgreSQL."""
    from newsgraph.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


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
    """Shards in path order, all in one folder so that the order does not depend on where the
    checkout lies: a WARC.gz cut short (its articles repeat the sample WARC's), a page that the
    sample WARC holds too, the reference article and the sample WARC."""
    folder = tmp_path_factory.mktemp("batch-corpus")
    warc = EXAMPLES / "pages.warc.gz"
    page = sorted((EXAMPLES / "html").glob("*.html"))[0]
    shards = [folder / "1-crawl-cut.warc.gz", folder / f"2-{page.name}"]
    shards += [folder / "3-medialine_blinken.txt", folder / "4-pages.warc.gz"]
    shards[0].write_bytes(warc.read_bytes()[: warc.stat().st_size // 2])
    for shard, source in zip(
        shards[1:], [page, EXAMPLES / "medialine_blinken.txt", warc], strict=True
    ):
        shard.write_bytes(source.read_bytes())
    return shards


@pytest.fixture(scope="session")
def batch_out(tmp_path_factory: pytest.TempPathFactory, batch_corpus: list[Path]):  # type: ignore[no-untyped-def]
    """`newsgraph batch` over batch_corpus with the local engine, two workers, each replaced after
    every shard: (out, results)."""
    from newsgraph.batch import batch_paths, engines

    out = tmp_path_factory.mktemp("batch-out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engines, "SHARDS_PER_WORKER", 1)
        return out, list(batch_paths(batch_corpus, out, workers=2))


# --- web: a database filled by real ingestion, the app over it, a live server, a browser ---------

WEB_TOKEN = "test-token-for-writes"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def ingest_into(url: str, paths: list[Path], nlp) -> None:  # type: ignore[no-untyped-def]
    """Read, extract and store, as `newsgraph ingest` does."""
    from newsgraph.extract import extract_articles
    from newsgraph.read import read_paths
    from newsgraph.store import open_store

    store = open_store(url)
    try:
        for extracted in extract_articles(read_paths(paths), nlp):
            store.put(extracted)
    finally:
        store.close()


def first_lines(jsonl: Path, folder: Path, lines: slice) -> Path:
    """Some lines of a JSONL file of articles, as a file of its own in `folder`."""
    rows = jsonl.read_text(encoding="utf-8").splitlines()
    path = folder / jsonl.name
    path.write_text("\n".join(rows[lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path], nlp) -> str:  # type: ignore[no-untyped-def]
    """SQLite filled by ingesting examples/: the text and one HTML article, eight JSONL ones."""
    folder = tmp_path_factory.mktemp("web")
    url = str(folder / "web.db")
    jsonl = first_lines(corpus["jsonl"], folder, slice(0, 8))
    ingest_into(url, [corpus["text"], corpus["html"], jsonl], nlp)
    return url


@pytest.fixture(scope="session")
def web_app(web_db: str, nlp):  # type: ignore[no-untyped-def]
    from newsgraph.server import create_app

    return create_app(web_db, nlp=nlp)


@pytest.fixture(scope="session")
def client(web_app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(web_app) as test_client:
        yield test_client


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> str:
    """Writes enabled on the server, with this token."""
    monkeypatch.setenv("NEWSGRAPH_TOKEN", WEB_TOKEN)
    return WEB_TOKEN


@pytest.fixture(scope="session")
def fuzz_schema(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path], nlp):  # type: ignore[no-untyped-def]
    """The OpenAPI schema of an app over its own small database, for schemathesis."""
    import schemathesis

    from newsgraph.server import create_app

    folder = tmp_path_factory.mktemp("fuzz")
    url = str(folder / "fuzz.db")
    ingest_into(url, [first_lines(corpus["jsonl"], folder, slice(8, 10))], nlp)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(url, nlp=nlp))


@pytest.fixture(scope="session")
def live_server(web_app):  # type: ignore[no-untyped-def]
    """The app served by uvicorn on 127.0.0.1 in a thread: its base URL."""
    import socket
    import threading

    import uvicorn

    sock = socket.create_server(("127.0.0.1", 0))  # bound now: clients may connect at once
    server = uvicorn.Server(uvicorn.Config(web_app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    import os

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.skip(f"no chromium at {executable} (scripts/test.sh installs Debian's)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}  # a current phone's CSS pixels


def new_tab(browser, live_server: str, **device):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server, **device)
    tab = context.new_page()
    tab.errors = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))  # type: ignore[attr-defined]
    tab.elsewhere = []  # type: ignore[attr-defined]  # requests to any other host (a CDN...)
    tab.on(
        "request",
        lambda req: (
            None if req.url.startswith((live_server, "data:")) else tab.elsewhere.append(req.url)
        ),  # type: ignore[attr-defined]
    )
    return context, tab


@pytest.fixture
def page(browser, live_server: str):  # type: ignore[no-untyped-def]
    """A fresh browser tab on the live server at 1366x900; script errors collected in
    `page.errors`, requests to other hosts in `page.elsewhere`."""
    context, tab = new_tab(browser, live_server, viewport=DESKTOP)
    yield tab
    context.close()


@pytest.fixture
def phone(browser, live_server: str):  # type: ignore[no-untyped-def]
    """The same tab as `page` on a 390x844 touch screen."""
    context, tab = new_tab(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (gitignored): screenshots of the browser tests."""
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def demo_checkout(tmp_path: Path, corpus: dict[str, Path]) -> Path:
    """A folder with a small examples/ (the text article and two JSONL ones), as in the repo."""
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / corpus["text"].name).write_bytes(corpus["text"].read_bytes())
    first_lines(corpus["jsonl"], examples, slice(0, 2))
    return tmp_path


# --- read: bad input ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def bad_inputs(
    tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path]
) -> dict[str, tuple[Path, str | None, str]]:
    """One file per bad-input case: case -> (path, record, reason) expected in the report."""
    folder = tmp_path_factory.mktemp("bad-input")
    menu_page = (
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><footer>© 2024 Example News</footer></body></html>"
    )
    warc = corpus["warc"].read_bytes()
    cut = warc[: len(warc) // 2]
    files = {
        "empty": ("empty.txt", b"", None, "empty"),
        "binary": ("blob.dat", bytes(range(256)) * 64, None, "binary"),
        "invalid-utf-8": (
            "latin1.txt",
            "Café société, naïve façade.".encode("latin-1"),
            None,
            "encoding",
        ),
        "truncated-warc-gz": ("cut.warc.gz", cut, "record 11", "truncated"),
        "malformed-feed": (
            "broken.xml",
            b'<?xml version="1.0"?><rss><channel><<<>>',
            None,
            "malformed",
        ),
        "no-article-text": ("menu.html", menu_page.encode(), None, "no-text"),
    }
    cases = {}
    for case, (name, data, record, reason) in files.items():
        (folder / name).write_bytes(data)
        cases[case] = (folder / name, record, reason)
    big = folder / "huge.txt"
    with big.open("wb") as out:  # 50 MB of plain words, written in 1 MB steps
        for _ in range(50):
            out.write(b"news " * (1024 * 1024 // 5) + b"\n")
    cases["50-mb-file"] = (big, None, "too-large")
    return cases


@pytest.fixture(scope="session")
def reference_cli(shared: Path):  # type: ignore[no-untyped-def]
    """`newsgraph extract <reference> --output json` run as a subprocess: (result, path)."""
    import os
    import subprocess
    import sys

    path = shared / "fixtures" / "medialine_blinken.txt"
    command = [sys.executable, "-m", "newsgraph", "extract", str(path), "--output", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300), path


@pytest.fixture(scope="session")
def reference_dated(nlp):  # type: ignore[no-untyped-def]
    """The reference article extracted with its publication date, 2021-05-25 (a Tuesday)."""
    import dataclasses
    from datetime import date

    from newsgraph.extract import extract_article
    from newsgraph.read import read_paths

    article = next(read_paths([REFERENCE]))
    return extract_article(dataclasses.replace(article, published=date(2021, 5, 25)), nlp)


@pytest.fixture
def backend_client(store_url: str, corpus: dict[str, Path], tmp_path: Path, nlp):  # type: ignore[no-untyped-def]
    """TestClient over two ingested JSONL articles, on SQLite and on PostgreSQL."""
    from fastapi.testclient import TestClient

    from newsgraph.server import create_app

    ingest_into(store_url, [first_lines(corpus["jsonl"], tmp_path, slice(0, 2))], nlp)
    with TestClient(create_app(store_url, nlp=nlp)) as test_client:
        yield test_client


# --- fetch: a news site on 127.0.0.1 --------------------------------------------------------------


@pytest.fixture
def news_site():  # type: ignore[no-untyped-def]
    """The example pages served as a news site on 127.0.0.1 (tests/fetch/site.py), and a second
    local server that no source names."""
    from fetch.site import NewsSite

    with NewsSite() as site:
        yield site
