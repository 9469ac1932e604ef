"""The polite client against a local site: robots.txt, conditional GET, retries, limits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fetch.site import HUGE, RETRY_AFTER, SLOW, NewsSite, requests_for
from newsgraph.fetch.address import FetchFailed, origins
from newsgraph.fetch.client import Fetcher, Politeness
from newsgraph.fetch.warc import WarcFiles

MB = 1024 * 1024


def polite(site: NewsSite, **settings: object) -> Politeness:
    """Test settings: no delay, short limits, the site's own origin allowed."""
    defaults: dict[str, object] = {
        "delay": 0.0,
        "timeout": 1.0,
        "max_bytes": MB,
        "backoff": 0.05,
        "retries": 2,
        "allowed": origins([site.base]),
        "contact": "desk@example.org",
    }
    return Politeness(**(defaults | settings))  # type: ignore[arg-type]


def failure(fetcher: Fetcher, url: str) -> FetchFailed:
    with pytest.raises(FetchFailed) as failed:
        fetcher.get(url)
    return failed.value


def test_robots_txt_is_read_first_and_a_disallowed_path_never_requested(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/private/leak.html").reason == "robots"
        fetcher.get(f"{news_site.base}/feed.xml")
    assert news_site.paths() == ["/robots.txt", "/feed.xml"]
    agent = next(requests_for(news_site, "/feed.xml")).headers["User-Agent"]
    assert agent.startswith("newsgraph/") and "desk@example.org" in agent


def test_a_second_request_is_conditional_and_answered_not_modified(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        first = fetcher.get(f"{news_site.base}/feed.xml")
        second = fetcher.get(f"{news_site.base}/feed.xml", first.validators)
    assert (first.status, second.status, second.body) == (200, 304, b"")
    sent = list(requests_for(news_site, "/feed.xml"))[1].headers
    assert sent["If-None-Match"] == first.headers["etag"]
    assert sent["If-Modified-Since"] == first.headers["last-modified"]


def test_a_429_is_waited_out_for_its_retry_after(news_site) -> None:
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)  # the fetcher's own wait, as in a real run

    with Fetcher(polite(news_site), wait=wait) as fetcher:
        response = fetcher.get(f"{news_site.base}/busy.html")
    assert response.status == 200
    assert waits == [RETRY_AFTER]
    first, second = requests_for(news_site, "/busy.html")
    assert second.at - first.at >= RETRY_AFTER - 0.05


def test_a_5xx_is_retried_with_backoff_then_reported(news_site) -> None:
    waits: list[float] = []
    with Fetcher(polite(news_site), wait=waits.append) as fetcher:
        failed = failure(fetcher, f"{news_site.base}/down.html")
    assert (failed.reason, failed.detail) == ("http-error", "HTTP 503 after 3 tries")
    assert waits == [0.05, 0.1]
    assert len(list(requests_for(news_site, "/down.html"))) == 3


def test_a_404_is_reported_without_retries(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        failed = failure(fetcher, f"{news_site.base}/missing.html")
    assert (failed.reason, failed.detail) == ("http-error", "HTTP 404")


def test_a_redirect_loop_and_too_many_redirects_are_reported(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/loop/a").reason == "redirect-loop"
    with Fetcher(polite(news_site, max_redirects=0)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/loop/a").reason == "too-many-redirects"


def test_a_redirect_to_a_local_service_is_refused_before_it_is_requested(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/to-private").reason == "refused-address"
    assert news_site.hits == []


def test_a_slow_server_times_out(news_site) -> None:
    started = time.monotonic()
    with Fetcher(polite(news_site)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/slow.html").reason == "timeout"
    assert time.monotonic() - started < SLOW


def test_a_100_mb_page_is_cut_at_the_limit_and_archived_as_truncated(
    news_site, tmp_path: Path
) -> None:
    warc = WarcFiles(tmp_path)
    with Fetcher(polite(news_site), warc=warc) as fetcher:
        failed = failure(fetcher, f"{news_site.base}/huge.html")
    assert failed.reason == "too-large"
    assert news_site.huge_sent < HUGE // 4  # the client stopped reading long before the end
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) < 2 * MB


def test_a_declared_length_over_the_limit_is_refused_without_reading(news_site) -> None:
    with Fetcher(polite(news_site)) as fetcher:
        assert failure(fetcher, f"{news_site.base}/declared.html").reason == "too-large"


def test_two_requests_to_one_host_are_the_delay_apart(news_site) -> None:
    with Fetcher(polite(news_site, delay=0.3)) as fetcher:
        for page in news_site.page_urls()[:2]:
            fetcher.get(page)
    robots, first, second = news_site.seen
    assert first.at - robots.at >= 0.29 and second.at - first.at >= 0.29
