"""The store keeps what it is given: round trips, idempotent writes, errors, URLs, the schema."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import NewsgraphError, ReadError
from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Provenance,
    Quote,
    Ref,
)
from newsgraph.store import open_store

from .make import story

# Text a database can hold: PostgreSQL refuses NUL; lone surrogates are not UTF-8.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
MAYBE = st.none() | TEXT
OFFSET = st.integers(min_value=0, max_value=2**31 - 1)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
LABEL = st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP"])


@st.composite
def extracted_articles(draw: st.DrawFn) -> ExtractedArticle:
    article_id = draw(TEXT.filter(bool))

    def prov() -> Provenance:
        return Provenance(
            article_id=article_id,
            sentence=draw(st.none() | OFFSET),
            start=draw(OFFSET),
            end=draw(OFFSET),
        )

    def ref() -> Ref:
        return Ref(
            name=draw(TEXT),
            entity=draw(st.none() | st.sampled_from(["e0", "e1"])),
            start=draw(OFFSET),
            end=draw(OFFSET),
        )

    entities = tuple(
        Entity(
            id=f"e{i}",
            name=draw(TEXT),
            label=draw(LABEL),
            roles=tuple(draw(st.lists(TEXT, max_size=2))),
            aliases=tuple(draw(st.lists(TEXT, max_size=3))),
            mentions=tuple(
                Mention(
                    text=draw(TEXT),
                    label=draw(LABEL),
                    kind=draw(st.sampled_from(["name", "surname", "pronoun"])),
                    prov=prov(),
                )
                for _ in range(draw(st.integers(0, 3)))
            ),
            country=draw(st.none() | st.sampled_from(["US", "IL", "PS"])),
            latitude=draw(st.none() | FLOAT),
            longitude=draw(st.none() | FLOAT),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    quotes = tuple(
        Quote(
            id=f"q{i}",
            text=draw(TEXT),
            kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
            cue=draw(MAYBE),
            cue_start=draw(st.none() | OFFSET),
            cue_end=draw(st.none() | OFFSET),
            speaker=draw(MAYBE),
            speaker_start=draw(st.none() | OFFSET),
            speaker_end=draw(st.none() | OFFSET),
            speaker_entity=draw(st.none() | st.sampled_from([e.id for e in entities] or ["e9"])),
            pieces=tuple(draw(st.lists(st.tuples(OFFSET, OFFSET), max_size=2))),
            duplicate_of=draw(st.none() | st.just("q0")),
            prov=prov(),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    events = tuple(
        Event(
            id=f"v{i}",
            type=draw(st.sampled_from(["CONSULT", "ASSAULT", "ACCUSE"])),
            mode=draw(MAYBE),
            status=draw(st.sampled_from(["happened", "ongoing", "planned"])),
            trigger=draw(MAYBE),
            source=tuple(ref() for _ in range(draw(st.integers(0, 2)))),
            target=tuple(ref() for _ in range(draw(st.integers(0, 2)))),
            place=draw(st.none() | st.just(None).map(lambda _: ref())),
            when=draw(MAYBE),
            date=draw(st.none() | st.dates().map(date.isoformat)),
            prov=prov(),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    figures = tuple(
        Figure(
            id=f"f{i}",
            text=draw(TEXT),
            value=draw(st.none() | FLOAT),
            hedge=draw(MAYBE),
            unit=draw(MAYBE),
            what=draw(MAYBE),
            source=draw(st.none() | st.just(None).map(lambda _: ref())),
            cue=draw(MAYBE),
            contests=tuple(draw(st.lists(st.sampled_from(["f0", "f1"]), max_size=2))),
            prov=prov(),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    article = Article(
        id=article_id,
        text=draw(TEXT),
        source=draw(TEXT),
        outlet=draw(MAYBE),
        url=draw(MAYBE),
        title=draw(MAYBE),
        author=draw(MAYBE),
        published=draw(st.none() | st.dates()),
        language=draw(st.none() | st.just("en")),
    )
    return ExtractedArticle(
        article=article,
        entities=entities,
        quotes=quotes,
        events=events,
        figures=figures,
        sentences=tuple(draw(st.lists(st.tuples(OFFSET, OFFSET), max_size=3))),
    )


def unique(extracted: ExtractedArticle) -> ExtractedArticle:
    """The record with an id and text no earlier example had (examples share one store)."""
    marker = uuid.uuid4().hex
    old = extracted.article
    article_id = old.id + marker
    article = dataclasses.replace(old, id=article_id, text=old.text + marker, content_hash="")

    def moved(item):  # type: ignore[no-untyped-def]
        prov = dataclasses.replace(item.prov, article_id=article_id)
        return dataclasses.replace(item, prov=prov)

    return dataclasses.replace(
        extracted,
        article=article,
        entities=tuple(
            dataclasses.replace(e, mentions=tuple(map(moved, e.mentions)))
            for e in extracted.entities
        ),
        quotes=tuple(map(moved, extracted.quotes)),
        events=tuple(map(moved, extracted.events)),
        figures=tuple(map(moved, extracted.figures)),
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=extracted_articles())
def test_an_article_read_back_equals_the_one_stored_and_a_second_put_changes_nothing(
    store, drawn: ExtractedArticle
) -> None:
    record = unique(drawn)
    assert store.put(record) is True
    counts = store.counts()
    assert store.put(record) is False
    assert store.counts() == counts
    assert store.article(record.article.id) == record
    assert store.article(record.article.content_hash) == record


def test_the_story_round_trips_with_every_record(store) -> None:
    record = story()
    assert store.put(record)
    assert store.article("story-1") == record
    counts = store.counts()
    assert counts["quotes"] == 1 and counts["figures"] == 2 and counts["mentions"] == 4
    assert counts["events"] == 1 and counts["event_sources"] == 1 and counts["event_actors"] == 2


def test_an_unknown_article_is_none(store) -> None:
    assert store.article("nothing-here") is None


def test_errors_are_listed_once_however_often_they_are_put(store) -> None:
    first = ReadError("feed.xml", "entry 12", "no-text")
    second = ReadError("bad.bin", None, "binary", "NUL bytes")
    for error in (first, second, first):
        store.put_error(error)
    assert store.errors() == [second, first]
    assert store.counts()["errors"] == 2


def test_opening_a_store_twice_keeps_its_rows(store_url: str) -> None:
    first = open_store(store_url)
    first.put(story())
    first.close()
    again = open_store(store_url)
    assert again.counts()["articles"] == 1
    again.close()


@pytest.mark.parametrize(
    "url, says",
    [
        ("mysql://user@host/db", "only SQLite and PostgreSQL"),
        ("postgresql://", "cannot open the database"),
        ("sqlite:////no/such/folder/x.db", "cannot open the database"),
        ("sqlite+nosuchdriver:///x.db", "driver"),
    ],
    ids=["other-database", "no-server", "missing-folder", "missing-driver"],
)
def test_a_bad_url_says_what_to_do(url: str, says: str) -> None:
    with pytest.raises(NewsgraphError, match=says):
        open_store(url)


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


def test_a_bare_path_is_an_sqlite_file(tmp_path) -> None:
    store = open_store(str(tmp_path / "plain.db"))
    assert store.dialect == "sqlite" and (tmp_path / "plain.db").exists()
    store.close()


def test_the_migrations_leave_the_schema_at_head(store) -> None:
    from alembic.script import ScriptDirectory

    from newsgraph.store.migrate import config

    head = ScriptDirectory.from_config(config()).get_current_head()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head


def test_writers_in_parallel_on_a_new_database_all_succeed(store_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from .make import STORY

    def write(worker: int) -> int:
        store = open_store(store_url)  # each migrates (or waits for another's migration)
        stored = sum(
            store.put(story(f"w{worker}-{n}", text=f"{STORY} Update {worker}.{n}."))
            for n in range(4)
        )
        store.close()
        return stored

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sum(pool.map(write, range(4))) == 16
    store = open_store(store_url)
    assert store.counts()["articles"] == 16
    assert store.counts()["entities"] == 2  # every copy's people merged into the same two
    store.close()
