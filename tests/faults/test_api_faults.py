"""The probe's API cases on SQLite and on PostgreSQL: ids holding `/`, NUL characters, filter
values past SQLite's LIKE limit, over-long or NUL bodies, and the security headers, 500s included.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.faults.make import WIKINEWS

TOKEN = "fault-token"
NUL_LINE = {"id": "nul", "text": "The minister said \u0000 on Monday that the talks would go on."}
STRING_PARAMETERS = [
    "/api/articles?search={}",
    "/api/articles/{}",
    "/api/quotes?speaker={}",
    "/api/quotes?search={}",
    "/api/quotes?outlet={}",
    "/api/entities/{}",
    "/api/events?actor={}",
    "/api/events?type={}",
    "/api/events?place={}",
    "/api/graph?actor={}",
    "/search?q={}",
    "/events?actor={}",
    "/events?type={}",
    "/events?place={}",
    "/graph?actor={}",
    "/speakers/{}",
    "/articles/{}",
]
# The seven routes whose value becomes a LIKE pattern (SQLite refuses one over 50,000 bytes).
LIKE_ROUTES = [
    "/api/quotes?speaker={}",
    "/api/events?actor={}",
    "/api/events?place={}",
    "/api/entities/{}",
    "/api/graph?actor={}",
    "/events?actor={}",
    "/speakers/{}",
]


@pytest.fixture(scope="module")
def ingested(module_store_url: str, nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """`newsgraph ingest` of two articles with `/` in their ids and a line holding a NUL, once
    a module per backend: every test here only reads (its POSTs are refused)."""
    import newsgraph.jobs

    rows = [
        {"id": "wire/1", "text": WIKINEWS[0]["text"]},
        NUL_LINE,
        {"id": "polnear/2019/02/slug", "text": WIKINEWS[1]["text"]},
    ]
    dump = tmp_path_factory.mktemp("dump") / "dump.jsonl"
    dump.write_text("".join(json.dumps(row) + "\n" for row in rows))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(newsgraph.jobs, "load_pipeline", lambda *a, **k: nlp)
        return newsgraph.jobs.ingest_paths([dump], db=module_store_url)


@pytest.fixture
def client(ingested: Any, module_store_url: str, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from fastapi.testclient import TestClient

    from newsgraph.server import create_app

    monkeypatch.setenv("NEWSGRAPH_TOKEN", TOKEN)
    app = create_app(module_store_url, nlp=nlp)

    @app.get("/api/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_ingest_reports_a_nul_character_and_stores_the_rest(ingested: Any) -> None:
    assert (ingested.stored, ingested.errors) == (2, 1)


@pytest.mark.parametrize("article_id", ["wire/1", "polnear/2019/02/slug"])
def test_an_id_holding_a_slash_opens_in_the_api_the_reader_and_its_links(
    client: Any, article_id: str
) -> None:
    from urllib.parse import quote

    path = quote(article_id, safe="")
    api = client.get(f"/api/articles/{path}")
    assert api.status_code == 200, api.text
    assert api.json()["article"]["id"] == article_id
    assert client.get(f"/articles/{path}", headers={"accept": "text/html"}).status_code == 200
    assert f'href="/articles/{path}' in client.get("/", headers={"accept": "text/html"}).text


def test_an_entity_name_holding_a_slash_reaches_its_handler(client: Any) -> None:
    response = client.get("/api/entities/AC%2FDC")
    assert response.status_code == 404
    assert response.json() == {"detail": "no entity 'AC/DC'"}


@pytest.mark.parametrize("value", ["%00", "a%00b", "x" * 60_000], ids=["nul", "inner-nul", "60k"])
def test_a_filter_no_backend_can_match_is_refused_not_a_500(client: Any, value: str) -> None:
    routes = STRING_PARAMETERS if "00" in value else LIKE_ROUTES
    for route in routes:
        response = client.get(route.format(value))
        assert response.status_code in (404, 422), (route, response.status_code)
        if route.startswith("/api"):
            assert set(response.json()) == {"detail"}, route


def test_like_wildcards_in_a_filter_match_only_themselves(client: Any) -> None:
    assert client.get("/api/quotes?speaker=%25").json() == []
    assert client.get("/api/events?actor=_").json() == []


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (json.dumps({"id": "n", "text": NUL_LINE["text"]}).encode(), "application/json"),
        (b"The minister said the talks would continue. " * 25_000, "text/plain"),
    ],
    ids=["nul", "over-max-length"],
)
def test_a_post_the_readers_would_refuse_is_422_not_500(
    client: Any, body: bytes, media: str
) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": media}
    response = client.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert "no article in the body" in response.json()["detail"]


@pytest.mark.parametrize(
    "url", ["/", "/docs", "/openapi.json", "/static/style.css", "/api/quotes", "/nope", "/api/boom"]
)
def test_every_response_carries_the_security_headers(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    if url == "/docs":
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    if url == "/api/boom":
        assert response.status_code == 500
        assert response.json() == {"detail": "internal server error"}
