"""The REST API through TestClient, over a database filled by real ingestion (conftest `web_db`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

ARTICLE_TEXT = (
    "The mayor of Springfield, Ann Keller, opened a new bridge on Friday. "
    '"This bridge joins two halves of our city," Keller said. '
    "Officials said at least 300 workers built it over two years."
)


def first_article_with(client, key: str) -> dict:  # type: ignore[no-untyped-def]
    for summary in client.get("/api/articles").json():
        if summary[key]:
            return client.get(f"/api/articles/{summary['id']}").json()  # type: ignore[no-any-return]
    pytest.fail(f"no ingested article has {key}")


def test_articles_lists_every_ingested_article_with_counts(client) -> None:  # type: ignore[no-untyped-def]
    listed = client.get("/api/articles").json()
    assert len(listed) >= 9
    assert {"id", "title", "outlet", "published", "quotes", "events", "figures"} <= set(listed[0])
    assert any(a["outlet"] == "Wikinews" for a in listed)


def test_article_carries_annotations_whose_spans_slice_back(client) -> None:  # type: ignore[no-untyped-def]
    body = first_article_with(client, "quotes")
    text = body["article"]["text"]
    assert body["entities"] and body["sentences"]
    for entity in body["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        if quote["cue_start"] is not None:
            assert text[quote["cue_start"] : quote["cue_end"]] == quote["cue"]


def test_unknown_article_is_404_in_the_one_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


def test_bad_query_parameter_is_422_in_the_one_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/quotes", params={"since": "yesterday"})
    assert response.status_code == 422
    assert set(response.json()) == {"detail"}


def test_quotes_by_speaker_are_all_that_speakers(client) -> None:  # type: ignore[no-untyped-def]
    speakers = client.get("/api/speakers").json()
    assert speakers, "no attributed quote in the sample articles"
    top = speakers[0]
    quotes = client.get("/api/quotes", params={"speaker": top["name"]}).json()
    assert len(quotes) >= top["quotes"]
    assert all(q["article"]["id"] and q["article_id"] for q in quotes)
    assert any(q["speaker"] == top["name"] for q in quotes)


def test_quote_search_finds_a_quote_by_its_words(client) -> None:  # type: ignore[no-untyped-def]
    quote = client.get("/api/quotes").json()[0]
    word = max(quote["text"].split(), key=len).strip(".,;:!?\"'“”‘’")
    found = client.get("/api/quotes", params={"search": word}).json()
    assert any(q["id"] == quote["id"] and q["article_id"] == quote["article_id"] for q in found)


def test_quotes_outside_the_date_range_are_left_out(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/quotes", params={"since": "2100-01-01"}).json() == []


def test_entity_has_name_roles_aliases_quotes_and_events(client) -> None:  # type: ignore[no-untyped-def]
    name = client.get("/api/speakers").json()[0]["name"]
    entity = client.get(f"/api/entities/{name}").json()
    assert entity["name"]
    assert {"roles", "aliases", "quotes", "events", "articles"} <= set(entity)
    assert entity["quotes"]


def test_events_filtered_by_type_have_that_type(client) -> None:  # type: ignore[no-untyped-def]
    events = client.get("/api/events").json()
    assert events, "the events stage finds no event in the sample articles"
    kind = events[0]["type"]
    filtered = client.get("/api/events", params={"type": kind}).json()
    assert filtered and all(e["type"] == kind for e in filtered)


def test_graph_edges_join_listed_nodes(client) -> None:  # type: ignore[no-untyped-def]
    graph = client.get("/api/graph").json()
    assert graph["edges"], "the events stage finds no meeting in the sample articles"
    names = {n["id"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= names
        assert edge["events"] >= 1 and edge["source"] != edge["target"]


def test_contested_figures_come_in_groups(client) -> None:  # type: ignore[no-untyped-def]
    groups = client.get("/api/figures/contested").json()
    assert groups, "the figures stage finds no contested figure in the sample articles"
    for group in groups:
        assert group["figures"]
        assert all(f["contests"] for f in group["figures"])


def test_openapi_documents_every_resource(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/entities/{name}",
        "/api/events",
        "/api/figures",
        "/api/figures/contested",
        "/api/graph",
    ):
        assert path in paths
    assert set(paths["/api/articles"]["post"]["requestBody"]["content"]) == {
        "application/json",
        "text/plain",
        "text/html",
    }


# --- writes ---------------------------------------------------------------------------------------


def test_write_without_token_is_401(client, token: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/articles", content=ARTICLE_TEXT, headers=TEXT)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert set(response.json()) == {"detail"}


def test_write_with_a_wrong_token_is_401(client, token: str) -> None:  # type: ignore[no-untyped-def]
    headers = {**TEXT, "Authorization": "Bearer not-the-token"}
    assert client.post("/api/articles", content=ARTICLE_TEXT, headers=headers).status_code == 401


def test_writes_are_disabled_when_the_server_has_no_token(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    headers = {**TEXT, "Authorization": "Bearer anything"}
    assert client.post("/api/articles", content=ARTICLE_TEXT, headers=headers).status_code == 403


TEXT = {"Content-Type": "text/plain; charset=utf-8"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_posted_text_is_extracted_stored_and_idempotent(client, token: str) -> None:  # type: ignore[no-untyped-def]
    headers = {**TEXT, **bearer(token)}
    first = client.post("/api/articles", content=ARTICLE_TEXT, headers=headers)
    assert first.status_code == 201, first.text
    result = first.json()
    assert result["stored"] and result["entities"] >= 1
    again = client.post("/api/articles", content=ARTICLE_TEXT, headers=headers)
    assert again.status_code == 200 and not again.json()["stored"]
    stored = client.get(f"/api/articles/{result['article_id']}").json()
    assert stored["article"]["text"] == ARTICLE_TEXT


def test_posted_json_keeps_its_metadata(client, token: str) -> None:  # type: ignore[no-untyped-def]
    body = {
        "text": ARTICLE_TEXT.replace("Friday", "Monday"),
        "title": "A bridge opens",
        "outlet": "Springfield Post",
        "published": "2024-03-04",
    }
    response = client.post("/api/articles", json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    article = client.get(f"/api/articles/{response.json()['article_id']}").json()["article"]
    assert (article["title"], article["outlet"], article["published"]) == (
        "A bridge opens",
        "Springfield Post",
        "2024-03-04",
    )


def test_posted_html_is_read_as_an_article(client, token: str) -> None:  # type: ignore[no-untyped-def]
    page = (
        "<html><head><title>Bridge</title></head><body><nav>Home | Sport</nav><article>"
        f"<h1>A bridge opens</h1><p>{ARTICLE_TEXT.replace('Friday', 'Sunday')}</p>"
        "</article></body></html>"
    )
    headers = {"Content-Type": "text/html", **bearer(token)}
    response = client.post("/api/articles", content=page, headers=headers)
    assert response.status_code == 201, response.text
    text = client.get(f"/api/articles/{response.json()['article_id']}").json()["article"]["text"]
    assert "Keller said" in text and "<p>" not in text


def test_posted_json_without_text_is_422(client, token: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/articles", json={"title": "no body"}, headers=bearer(token))
    assert response.status_code == 422
    assert set(response.json()) == {"detail"}


def test_unsupported_content_type_is_415(client, token: str) -> None:  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "image/png", **bearer(token)}
    assert client.post("/api/articles", content=b"\x89PNG", headers=headers).status_code == 415


def chunks(size: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    for _ in range(size // chunk):
        yield b"a" * chunk


def test_a_20_mb_body_is_413(client, token: str) -> None:  # type: ignore[no-untyped-def]
    body = b"a" * (20 * 1024 * 1024)
    response = client.post("/api/articles", content=body, headers={**TEXT, **bearer(token)})
    assert response.status_code == 413
    assert set(response.json()) == {"detail"}


def test_a_streamed_20_mb_body_without_length_is_413(client, token: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/articles", content=chunks(20 * 1024 * 1024), headers={**TEXT, **bearer(token)}
    )
    assert response.status_code == 413
