"""Merging across articles: one entity per person, copies not recounted, one event many sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.model import Entity, ExtractedArticle
from newsgraph.store.merge import name_key, surname

from .make import STORY, article, meeting, person, quote, story

SECOND = (
    "Tarkhanov told reporters on Wednesday that Ruritania reserved the right to act. "
    "\u201cWe will respond with force,\u201d Tarkhanov said in Strelsau."
)


@pytest.mark.parametrize(
    "written, key",
    [
        ("Prime Minister Alexander Tarkhanov", "alexander tarkhanov"),
        ("Mr. Tarkhanov", "tarkhanov"),
        ("Jos\u00e9 Mar\u00eda Aznar", "jose maria aznar"),
    ],
    ids=["title", "honorific", "accents"],
)
def test_a_persons_name_key_drops_titles_and_accents(written: str, key: str) -> None:
    assert name_key(written) == key


def test_an_organisation_keeps_words_that_are_titles_for_people() -> None:
    assert name_key("The State Department", "ORG") == "state department"
    assert surname("martin luther king jr") == "king"


def test_a_surname_only_mention_in_a_second_article_joins_the_full_name(store) -> None:
    store.put(story())
    tarkhanov = person("second", SECOND, "e0", "Tarkhanov", ("Tarkhanov",))
    said = "\u201cWe will respond with force,\u201d"
    store.put(
        article(
            "second",
            SECOND,
            entities=(tarkhanov,),
            quotes=(quote("second", SECOND, "q0", said, tarkhanov),),
        )
    )
    found = store.entity("Tarkhanov")
    assert found.name == "Alexander Tarkhanov"
    assert found.articles == 2 and found.others == ()
    assert [c.record.text for c in found.quotes] == [said]
    assert len(store.quotes(speaker="Alexander Tarkhanov")) == 1


def test_a_transliteration_joins_and_a_different_first_name_does_not(store) -> None:
    store.put(story())
    text = "Aleksandr Tarkhanov and Olga Tarkhanov arrived in Lisbon."
    store.put(
        article(
            "third",
            text,
            entities=(
                person("third", text, "e0", "Aleksandr Tarkhanov"),
                person("third", text, "e1", "Olga Tarkhanov"),
            ),
        )
    )
    alexander = store.entity("Alexander Tarkhanov")
    assert "Aleksandr Tarkhanov" in alexander.aliases
    assert alexander.articles == 2
    assert store.entity("Olga Tarkhanov").id != alexander.id


def test_a_name_with_another_label_or_country_stays_apart(store) -> None:
    text = "Georgia signed the deal; Georgia voters were not asked."
    place = Entity(id="e0", name="Georgia", label="GPE", country="GE")
    state = Entity(id="e1", name="Georgia", label="GPE", country="US")
    person_named = Entity(id="e2", name="Georgia", label="PERSON")
    store.put(article("georgia", text, entities=(place, state, person_named)))
    assert store.counts()["entities"] == 3


def test_a_lightly_edited_copy_is_not_counted_twice(store) -> None:
    store.put(story("wire"))
    edited = STORY.replace("Tuesday", "Tuesday morning").replace("very powerful", "powerful")
    copy = story("copy", text=edited)
    assert store.put(copy) is True
    assert store.article("copy") == copy  # stored whole ...
    [cited] = store.cited_quotes()  # ... but its quote is the wire's, which the copy repeats
    assert (cited.article.id, [a.id for a in cited.also]) == ("wire", ["copy"])
    assert len(store.figures()) == 2
    events = store.cited_events()
    assert len(events) == 1
    assert {events[0].article.id, *(a.id for a in events[0].also)} == {"wire", "copy"}


def test_a_different_story_is_not_a_copy(store) -> None:
    store.put(story("wire"))
    store.put(article("other", SECOND))
    with store.engine.connect() as conn:
        copies = conn.exec_driver_sql("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL")
        assert copies.scalar() == 0


def test_one_meeting_reported_by_two_outlets_is_one_event_with_two_sources(store) -> None:
    store.put(story("first"))
    text = "Marit Voss met Alexander Tarkhanov for two hours."
    voss = person("second", text, "e0", "Marit Voss")
    tarkhanov = person("second", text, "e1", "Alexander Tarkhanov")
    talk = meeting("second", text, "v0", "met", voss, tarkhanov, "2023-03-14")
    later = date(2023, 3, 15)  # the day after: the first report is the cited one
    store.put(article("second", text, published=later, entities=(voss, tarkhanov), events=(talk,)))
    assert store.counts()["events"] == 1 and store.counts()["event_sources"] == 2
    [found] = store.cited_events(actor="Tarkhanov")
    assert [a.id for a in found.also] == ["second"]


def test_a_manual_merge_and_split_persist_for_later_articles(store) -> None:
    store.put(story())
    text = "Sasha spoke to reporters in Strelsau."
    sasha = Entity(id="e0", name="Sasha", label="PERSON")
    store.put(article("nickname", text, entities=(sasha,)))
    assert store.entity("Sasha").id != store.entity("Tarkhanov").id
    kept = store.merge_entities("Sasha", into="Alexander Tarkhanov")
    assert store.entity("Sasha").id == kept == store.entity("Tarkhanov").id
    store.put(article("later", text + " Later.", entities=(sasha,)))
    assert store.entity("Sasha").articles == 3

    apart = store.split_entity("Sasha")
    assert store.entity("Sasha").id == apart != store.entity("Tarkhanov").id
    assert store.entity("Sasha").articles == 2
    store.put(article("again", text + " Again.", entities=(sasha,)))
    assert store.entity("Sasha").articles == 3
    assert store.entity("Tarkhanov").articles == 1


def test_merging_an_unknown_name_says_so(store) -> None:
    with pytest.raises(NewsgraphError, match="no entity"):
        store.merge_entities("Nobody", into="Somebody")


def _named(article_id: str, text: str, name: str, label: str = "PERSON") -> ExtractedArticle:
    """An article with one entity named `name` (its one mention), tagged `label`."""
    found = person(article_id, text, "e0", name)
    if label != "PERSON":
        found = replace(found, label=label, mentions=(replace(found.mentions[0], label=label),))
    return article(article_id, text, entities=(found,))


ONE_PERSON_ARCHIVE = [
    ("a1", "Volodymyr Zelensky spoke in Kyiv.", "Volodymyr Zelensky", "PERSON"),
    ("a2", "Ukraine Volodymyr Zelenskyy spoke.", "Ukraine Volodymyr Zelenskyy", "ORG"),
    ("a3", "Volodymyr Zelenskyy spoke again.", "Volodymyr Zelenskyy", "PERSON"),
    ("a4", "Recep Tayyip Erdoğan spoke in Ankara.", "Recep Tayyip Erdoğan", "PERSON"),
    ("a5", "Erdogan spoke in Ankara.", "Erdogan", "PERSON"),
    ("a6", "Recep Tayyip Erdogan spoke again.", "Recep Tayyip Erdogan", "PERSON"),
    ("a7", "Jeffrey Sachs spoke.", "Jeffrey Sachs", "PERSON"),
    ("a8", "Goldman Sachs fell.", "Goldman Sachs", "ORG"),  # no given name agrees: apart
    ("a9", "Sachs fell.", "Sachs", "ORG"),  # one word: a company's name as well
    ("b1", "Mayor Bill de Quill spoke.", "Bill de Quill", "PERSON"),
    ("b2", "De Quill spoke again.", "De Quill", "PERSON"),  # the particle is the surname's
    ("b3", "Ana de Quill spoke.", "Ana de Quill", "PERSON"),  # another given name: apart
    ("c1", "Tipper Mott spoke.", "Tipper Mott", "PERSON"),
    ("c2", "Al Mott spoke.", "Al Mott", "PERSON"),  # "Al" is a given name, not a particle
]


@pytest.mark.parametrize("bulk", [False, True], ids=["put", "put_many"])
def test_name_variants_across_the_archive_are_one_person(store, bulk: bool) -> None:
    records = [_named(*row) for row in ONE_PERSON_ARCHIVE]
    if bulk:
        store.put_many(records)
    else:
        for record in records:
            store.put(record)
    zelensky = store.entity("Volodymyr Zelensky")
    assert zelensky.name == "Volodymyr Zelenskyy" or zelensky.name == "Volodymyr Zelensky"
    assert zelensky.articles == 3 and zelensky.label == "PERSON"
    erdogan = store.entity("Recep Tayyip Erdoğan")
    assert erdogan.articles == 3
    assert store.entity("Bill de Quill").articles == 2
    # Zelensky, Erdoğan, Jeffrey Sachs, 2 companies, Bill and Ana de Quill, Tipper and Al Mott
    assert store.counts()["entities"] == 9
