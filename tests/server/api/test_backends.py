"""The API reads alike from SQLite and PostgreSQL (PostgreSQL needs NEWSGRAPH_TEST_POSTGRES)."""

from __future__ import annotations

READS = [
    "/api/articles",
    "/api/quotes",
    "/api/quotes?search=said",
    "/api/speakers",
    "/api/events",
    "/api/figures",
    "/api/figures/contested",
    "/api/graph",
    "/api/stats",
    "/",
    "/events",
    "/graph",
    "/figures",
    "/search?q=said",
]


def test_every_read_answers_on_this_backend(backend_client) -> None:  # type: ignore[no-untyped-def]
    for url in READS:
        response = backend_client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
    articles = backend_client.get("/api/articles").json()
    assert len(articles) == 2
    article = backend_client.get(f"/api/articles/{articles[0]['id']}").json()
    assert article["article"]["text"] and article["sentences"]
    assert backend_client.get(f"/articles/{articles[0]['id']}").status_code == 200
