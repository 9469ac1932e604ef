"""robots.txt as RFC 9309 reads it: a 4xx allows everything, a 5xx or no answer nothing."""

from __future__ import annotations

import pytest

from newsgraph.fetch.address import FetchFailed
from newsgraph.fetch.robots import Robots

RULES = b"User-agent: *\nDisallow: /private/\n\nUser-agent: newsgraph\nDisallow: /drafts/\n"


def robots(status: int, body: bytes = b"") -> Robots:
    return Robots(lambda url: (status, body))


def test_our_own_group_is_obeyed_over_the_star_group() -> None:
    rules = robots(200, RULES)
    assert not rules.allowed("https://news.example.org/drafts/a.html")
    assert rules.allowed("https://news.example.org/private/a.html")  # our group replaces "*"
    assert rules.allowed("https://news.example.org/2024/a.html")


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (503, False)])
def test_a_missing_robots_txt_allows_all_and_a_failing_one_nothing(
    status: int, allowed: bool
) -> None:
    assert robots(status).allowed("https://news.example.org/a.html") is allowed


def test_an_unreachable_robots_txt_allows_nothing() -> None:
    def fail(url: str) -> tuple[int, bytes]:
        raise FetchFailed("timeout", "no complete response in 30 s")

    assert not Robots(fail).allowed("https://news.example.org/a.html")


def test_robots_txt_is_read_once_per_origin() -> None:
    asked: list[str] = []

    def fetch(url: str) -> tuple[int, bytes]:
        asked.append(url)
        return 200, RULES

    rules = Robots(fetch)
    for path in ("a", "b", "drafts/c"):
        rules.allowed(f"https://news.example.org/{path}")
    rules.allowed("https://other.example.org/a")
    assert asked == ["https://news.example.org/robots.txt", "https://other.example.org/robots.txt"]
