"""Which URLs the fetcher may request: http(s) only, no machine-internal address unless named."""

from __future__ import annotations

import pytest

from newsgraph.fetch.address import FetchFailed, check_url, normalise_url, origin, origins


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/admin",
        "http://localhost/",
        "http://[::1]:9000/",
        "http://10.0.0.7/intranet",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0:6379/",
    ],
    ids=["loopback", "localhost", "ipv6-loopback", "private-10", "private-192", "metadata", "zero"],
)
def test_a_non_public_address_is_refused(url: str) -> None:
    with pytest.raises(FetchFailed) as refused:
        check_url(url)
    assert refused.value.reason == "refused-address"


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchFailed, match="only http and https"):
        check_url(url)


def test_a_named_origin_is_allowed_but_not_another_port_of_the_same_host() -> None:
    allowed = origins(["http://127.0.0.1:8123/feed.xml"])
    check_url("http://127.0.0.1:8123/news/story.html", allowed=allowed)
    with pytest.raises(FetchFailed, match="loopback"):
        check_url("http://127.0.0.1:8124/news/story.html", allowed=allowed)


def test_a_public_address_is_allowed() -> None:
    check_url("http://93.184.215.14/news")  # an IP literal: no DNS lookup


def test_origins_make_the_default_port_explicit() -> None:
    assert origin("https://Example.com/a") == "example.com:443"
    assert origin("http://example.com:8080/") == "example.com:8080"


def test_a_url_is_normalised_without_tracking_parameters_or_fragment() -> None:
    url = "https://Example.com/news/a.html?utm_source=rss&id=3#comments"
    assert normalise_url(url) == "https://example.com/news/a.html?id=3"
