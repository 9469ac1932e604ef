"""The /sources page: per source its last poll, status, counts, and the URLs it could not read."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from fetch.site import NewsSite
from fetch.test_client import polite
from newsgraph.fetch.sources import Source
from newsgraph.fetch.watch import Watcher
from newsgraph.model import ExtractedArticle
from newsgraph.store import open_store
from newsgraph.store.sources import Visit


def test_the_sources_page_shows_each_source_and_what_it_refused(
    news_site: NewsSite, tmp_path: Path
) -> None:
    from newsgraph.server import create_app

    db = str(tmp_path / "news.db")
    store = open_store(db)
    world = Source(url=f"{news_site.base}/world.xml", kind="feed", name="World <desk>")
    Watcher(
        [world, Source(url=f"{news_site.base}/")],
        store,
        extract=lambda article: ExtractedArticle(article=article),
        politeness=polite(news_site),
    ).run(every=0, rounds=1)
    hostile = Visit(url=f"{news_site.base}/x", source=world.url, kind="page",
                    outcome="not-html", detail="<script>alert(1)</script>")  # fmt: skip
    store.put_visit(hostile)
    store.close()
    with TestClient(create_app(db)) as client:
        page = client.get("/sources")
    assert page.status_code == 200
    html = page.text
    assert "World &lt;desk&gt;" in html and f"{news_site.base}/" in html
    assert "<td>18</td>" in html  # the site's pages, all stored
    assert f"{news_site.base}/private/leak.html</code>: <strong>robots</strong>" in html
    assert "redirect-loop" in html and "refused-address" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
