"""Search hits marked in results (issue 17, item 4): the words a search matched, as segments the
template wraps in `<mark>`; the text itself stays escaped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.server.web.highlight import highlight


def hits(text: str, search: str) -> list[str]:
    return [piece for piece, hit in highlight(text, search) if hit]


@pytest.mark.parametrize(
    ("text", "search", "marked"),
    [
        pytest.param("New sanctions on exports.", "sanction", ["sanctions"], id="stemmed"),
        pytest.param("They were sanctioned.", "sanct*", ["sanctioned"], id="prefix"),
        pytest.param("Trump met Biden.", "trump OR biden", ["Trump", "Biden"], id="or"),
        pytest.param("Trump met Biden.", "trump -biden", ["Trump"], id="negated-unmarked"),
        pytest.param("the peace talks", '"peace talks"', ["peace", "talks"], id="phrase"),
        pytest.param("Zelenskyy in Kyiv", "kyiv", ["Kyiv"], id="case"),
        pytest.param("the café opened", "cafe", ["café"], id="accents-folded"),
        pytest.param("a bus and a business", "bus", ["bus"], id="a-word-not-its-prefix"),
        pytest.param("nothing here", "NEAR(", [], id="hostile"),
    ],
)
def test_the_words_a_search_matched_are_marked(text: str, search: str, marked: list[str]) -> None:
    assert hits(text, search) == marked


@given(text=st.text(max_size=200), search=st.text(max_size=40))
def test_the_segments_give_back_the_text(text: str, search: str) -> None:
    assert "".join(piece for piece, _ in highlight(text, search)) == text


def test_search_results_mark_the_sought_word_and_keep_text_escaped(client) -> None:  # type: ignore[no-untyped-def]
    quote = client.get("/api/quotes").json()[0]
    word = max(re.findall(r"[A-Za-z]{5,}", quote["text"]), key=len)
    html = client.get("/search", params={"q": word}).text
    quotes = html[html.index('id="quote-results"') :]
    assert f"<mark>{word}</mark>" in quotes
    assert "<mark><" not in html  # what is marked is text, never markup
