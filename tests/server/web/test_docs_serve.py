"""The README's serve section keeps up with the app: every API route and page is documented."""

from __future__ import annotations

from pathlib import Path

from newsgraph.server.web.pages import router as pages

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")


def test_every_api_route_is_in_the_readme(web_app) -> None:  # type: ignore[no-untyped-def]
    paths = web_app.openapi()["paths"]
    assert len(paths) >= 10
    for path, operations in paths.items():
        for method in operations:
            assert f"`{method.upper()} {path}" in README or path.endswith("{article_id}"), path
    assert "`GET /api/articles/{id}`" in README


def test_every_page_is_in_the_readme() -> None:
    paths = [route.path.replace(":path}", "}") for route in pages.routes]  # type: ignore[attr-defined]
    assert len(paths) >= 8
    for path in paths:
        path = path.replace("{article_id}", "{id}")
        assert f"`{path}`" in README or f"`{path}?" in README, path


def test_serve_and_demo_commands_are_in_the_readme() -> None:
    assert "newsgraph serve [--db URL] [--port N] [--host H]" in README
    assert "newsgraph demo [--db PATH] [--no-serve] [--port N]" in README
    assert "NEWSGRAPH_TOKEN" in README and "test-artifacts/" in README
