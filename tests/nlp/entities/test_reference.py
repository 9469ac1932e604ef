"""newsgraph_entities on the reference article, against its gold record."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsgraph.model import Entity
from newsgraph.nlp.entities.places import load_gazetteer


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of a phrase (brackets count as boundaries)."""
    pattern = r"(?<![\w])" + re.escape(phrase) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def covering(entities: tuple[Entity, ...], span: tuple[int, int]) -> list[Entity]:
    """Entities with a mention that contains the span."""
    return [
        e
        for e in entities
        if any(m.prov.start <= span[0] and span[1] <= m.prov.end for m in e.mentions)
    ]


def role_words(role: str) -> frozenset[str]:
    """A role as comparable words: countries, demonyms and seats become their ISO code."""
    gazetteer = load_gazetteer()
    text = role.replace("United States", "US").replace("United Nations", "UN")
    words = set()
    for word in re.findall(r"[\w’']+", text):
        code = gazetteer.country_of(word) if word[:1].isupper() else None
        if word.lower() in ("of", "the"):
            continue
        words.add(code or word.lower())
    return frozenset(words)


def gold_people(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in gold["entities"] if e["type"] == "PERSON"]


@pytest.fixture(scope="module")
def people(reference, reference_gold) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    found = {e.name: e for e in extracted.entities if e.label == "PERSON"}
    return {g["name"]: found.get(g["name"]) for g in gold_people(reference_gold)}


def test_every_gold_person_is_one_entity(people) -> None:  # type: ignore[no-untyped-def]
    missing = [name for name, entity in people.items() if entity is None]
    assert not missing


def test_every_gold_person_has_the_gold_roles(people, reference_gold) -> None:  # type: ignore[no-untyped-def]
    for gold in gold_people(reference_gold):
        ours = {role_words(r) for r in people[gold["name"]].roles}
        for role in gold["roles"]:
            assert role_words(role) in ours, (gold["name"], role, people[gold["name"]].roles)


def test_every_gold_mention_belongs_to_its_person(reference, reference_gold) -> None:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    text = extracted.article.text
    for gold in gold_people(reference_gold):
        for phrase in gold["mentions"]:
            spans = occurrences(text, phrase)
            assert spans, phrase
            for span in spans:
                names = [e.name for e in covering(extracted.entities, span) if e.label == "PERSON"]
                assert names == [gold["name"]], (phrase, span, names)


def test_all_29_surname_mentions_link_to_their_person(reference, reference_gold, shared) -> None:  # type: ignore[no-untyped-def]
    extracted, body_offset = reference
    text = extracted.article.text
    raw = (shared / "fixtures" / "medialine_blinken.txt").read_text(encoding="utf-8")
    surnames = {g["name"]: g["name"].split()[-1] for g in gold_people(reference_gold)}
    total = sum(len(occurrences(raw, s)) for s in surnames.values())
    in_header = sum(len(occurrences(raw[:body_offset], s)) for s in surnames.values())
    linked = 0
    for name, surname in surnames.items():
        for span in occurrences(text, surname):
            names = [e.name for e in covering(extracted.entities, span) if e.label == "PERSON"]
            linked += names == [name]
    assert total == 29  # as the issue counts them, the headline's one included
    assert linked == total - in_header


def test_gold_places_resolve_to_a_country(reference, reference_gold) -> None:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    text = extracted.article.text
    gazetteer = load_gazetteer()
    for place in reference_gold["places"]:
        span = occurrences(text, place)[0]
        found = covering(extracted.entities, span)
        assert found, place
        entity = found[0]
        assert entity.latitude is not None and entity.longitude is not None, place
        expected = gazetteer.resolve(place)
        assert expected is not None, place
        assert entity.country == expected.country, (place, entity.country)


def test_reference_entities_match_the_golden_file(reference, golden) -> None:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    golden(
        "entities_reference",
        [
            {
                "id": e.id,
                "name": e.name,
                "label": e.label,
                "roles": list(e.roles),
                "aliases": list(e.aliases),
                "country": e.country,
                "coordinates": None
                if e.latitude is None or e.longitude is None
                else [round(e.latitude, 2), round(e.longitude, 2)],
                "mentions": [f"{m.prov.start}:{m.text}:{m.kind}" for m in e.mentions],
            }
            for e in extracted.entities
        ],
    )
