"""Search people can use (issue 17): OR, -word, "phrases" and prefix* reach FTS5 as its own
syntax, and nothing typed into a search box is an FTS5 syntax error (never a 500)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.store.search import fts5_query

CASES = [
    ("trump biden", '"trump" AND "biden"'),
    ("trump OR biden", '("trump" OR "biden")'),
    ("a OR b c", '("a" OR "b") AND "c"'),
    ('"met with" -Trump', '"met with" NOT "Trump"'),
    ("sanct*", '"sanct"*'),
    ('"unbalanced', '"unbalanced"'),
    ("NEAR(a b)", '"NEAR" AND "a" AND "b"'),
    ("text:foo", '"text" AND "foo"'),
    ("worst-case", '"worst" AND "case"'),
    ("-only", None),
    ("* OR", None),
]


@pytest.mark.parametrize(("typed", "query"), CASES, ids=[c[0] for c in CASES])
def test_the_search_syntax_becomes_a_safe_fts5_query(typed: str, query: str | None) -> None:
    assert fts5_query(typed) == query


HOSTILE = [
    '"a',
    "NEAR(a b, 2",
    "{text}: x",
    "^a",
    "a AND",
    "NOT",
    "(",
    "*",
    "--x",
    '""',
    "a OR OR b",
    "col:*",
    "\\'",
    "a" * 500,
]
SEARCHES = ["/api/quotes?search={}", "/api/articles?search={}", "/search?q={}"]


def test_hostile_search_text_never_gives_a_server_error(client) -> None:  # type: ignore[no-untyped-def]
    for text in HOSTILE:
        for url in SEARCHES:
            response = client.get(url.format(""), params={"search": text, "q": text})
            assert response.status_code < 500, (url, text, response.text[:200])


# the store is only read: one for every example is right
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_fts5_query_or_none(store, text: str) -> None:  # type: ignore[no-untyped-def]
    if "\x00" in text:
        return  # refused before any SQL (store.filters)
    store.cited_quotes(search=text, limit=1)
    store.articles(search=text, limit=1)


def test_or_minus_and_prefix_change_what_matches(client) -> None:  # type: ignore[no-untyped-def]
    def total(words: str) -> int:
        response = client.get("/api/quotes", params={"search": words, "limit": 1})
        return int(response.headers["x-total-count"])

    said, told, both = total("said"), total("told"), total("said told")
    assert max(said, told) <= total("said OR told") == said + told - both
    assert total("said -told") == said - both
    assert total("sai*") >= said
