"""Queries: quotes by speaker, words and date; events by actor, type and date; figures; entities."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import date

import pytest

from newsgraph.jobs import find_entity, find_events, find_figures, find_quotes, list_errors

from .make import SRC, STORY, article, person, quote, story

LATER = "The talks ended without agreement, officials said. Nothing was signed."


@pytest.fixture
def filled(store, store_url):  # type: ignore[no-untyped-def]
    store.put(story())
    store.put(article("later", LATER, published=date(2023, 3, 22)))
    return store_url


def test_quotes_by_speaker_give_article_date_and_span(filled: str) -> None:
    [cited] = find_quotes(filled, speaker="Voss")
    assert cited.record.speaker == "Marit Voss"
    assert cited.article.id == "story-1" and cited.article.published == date(2023, 3, 14)
    assert cited.record.text.startswith("\u201cWe are determined")
    assert cited.record.prov.end - cited.record.prov.start == len(cited.record.text)


@pytest.mark.parametrize(
    "words, hits",
    [("rebuild", 1), ("rebuilding lost", 1), ("determined truce", 0), ("", 1), ("\"'*", 0)],
    ids=["word", "stemmed-words", "words-not-in-the-quote", "empty", "operators-only"],
)
def test_quote_search_finds_every_word(filled: str, words: str, hits: int) -> None:
    assert len(find_quotes(filled, search=words)) == hits


def test_quotes_from_one_outlet(filled: str) -> None:
    assert len(find_quotes(filled, outlet="example wire")) == 1
    assert find_quotes(filled, outlet="Other Times") == []


@pytest.mark.parametrize(
    "confidence, floor, hits",
    [(0.3, 0.5, 0), (0.7, 0.5, 1), (None, 0.5, 1), (0.3, None, 1)],
    ids=["below", "at-or-above", "unscored-stays", "no-filter"],
)
def test_quotes_below_a_confidence_are_left_out(
    store, store_url, confidence: float | None, floor: float | None, hits: int
) -> None:  # type: ignore[no-untyped-def]
    extracted = story()
    scored = tuple(dataclasses.replace(q, confidence=confidence) for q in extracted.quotes)
    store.put(dataclasses.replace(extracted, quotes=scored))
    found = find_quotes(store_url, min_confidence=floor)
    assert len(found) == hits
    assert all(c.record.confidence == confidence for c in found)


def test_quotes_since_a_date_leave_out_older_articles(filled: str) -> None:
    assert find_quotes(filled, since=date(2023, 3, 21)) == []
    assert len(find_quotes(filled, since=date(2023, 3, 14))) == 1


def test_articles_search_titles_and_text(store) -> None:
    store.put(story())
    store.put(article("later", LATER))
    assert [a.article.id for a in store.articles(search="agreement")] == ["later"]
    assert [a.article.id for a in store.articles(search="title story")] == ["story-1"]


@pytest.mark.parametrize(
    "filters, hits",
    [
        ({}, 1),
        ({"actor": "Tarkhanov"}, 1),
        ({"actor": "Quillfeather"}, 0),
        ({"type": "consult"}, 1),
        ({"type": "ASSAULT"}, 0),
        ({"since": date(2023, 3, 14), "until": date(2023, 3, 14)}, 1),
        ({"since": date(2023, 3, 15)}, 0),
    ],
    ids=["all", "actor", "other-actor", "type", "other-type", "that-day", "after"],
)
def test_events_filter_by_actor_type_and_date(filled: str, filters: dict, hits: int) -> None:
    found = find_events(filled, **filters)
    assert len(found) == hits
    if found:
        assert [r.name for r in found[0].record.source] == ["Marit Voss"]
        assert found[0].also == ()  # reported by one article


def test_contested_figures_are_those_another_source_disputes(store, store_url: str) -> None:
    record = story()
    store.put(record)
    flat = record.figures[0].__class__(
        id="f0", text="three", value=3.0, prov=record.figures[0].prov
    )
    store.put(article("flat", "three", figures=(flat,)))
    assert len(find_figures(store_url)) == 3
    assert {c.record.text for c in find_figures(store_url, contested=True)} == {
        "at least 248 people",
        "about 200",
    }


def test_an_entity_has_aliases_roles_quotes_and_meetings(filled: str) -> None:
    found = find_entity(filled, "Marit Voss")
    assert found.aliases == ("Marit Voss", "Voss")
    assert found.quotes[0].article.published == date(2023, 3, 14)
    [talk] = found.events
    assert talk.type == "CONSULT" and talk.partners == ("Alexander Tarkhanov",)
    assert find_entity(filled, "Nobody At All") is None


def test_the_cli_prints_quotes_as_json(filled: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "quotes",
            "--speaker",
            "Voss",
            "--db",
            filled,
            "--output",
            "json",
        ],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    [row] = json.loads(result.stdout)
    assert row["article"] == "story-1"
    assert STORY[row["start"] : row["end"]] == row["quote"]


def test_a_speaker_filter_matching_several_people_says_which(store, store_url) -> None:  # type: ignore[no-untyped-def]
    store.put(story())
    text = "\u201cThe ports stay open,\u201d said Ola Voss, the harbour master."
    ola = person("other", text, "e0", "Ola Voss", ("Ola Voss",))
    said = "\u201cThe ports stay open,\u201d"
    store.put(
        article("other", text, entities=(ola,), quotes=(quote("other", text, "q0", said, ola),))
    )

    def stderr(speaker: str) -> str:
        command = ["quotes", "--speaker", speaker, "--db", store_url]
        result = subprocess.run(
            [sys.executable, "-m", "newsgraph", *command],
            env={**os.environ, "PYTHONPATH": str(SRC)},
            capture_output=True,
            text=True,
            check=True,
        )
        return " ".join(result.stderr.split())

    assert "matches 2 speakers: Marit Voss (1), Ola Voss (1)" in stderr("Voss")
    assert "matches" not in stderr("Ola Voss")


def test_errors_are_listed_by_the_query_api(store, store_url: str) -> None:
    from newsgraph.errors import ReadError

    store.put_error(ReadError("feed.xml", "entry 3", "no-text"))
    assert list_errors(store_url) == [ReadError("feed.xml", "entry 3", "no-text")]
