"""newsgraph_entities: rules on hand-built Docs, then the trained model on short real sentences."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import EntityCluster
from newsgraph.nlp.entities.clusters import is_role
from newsgraph.nlp.entities.places import load_gazetteer

KINDS = {"name", "surname", "title", "descriptor", "pronoun", "metonym"}


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_entities")
    return nlp


def run(blank: Language, text: str, ents: dict[str, str]) -> Doc:
    """A doc of whitespace-separated tokens; `ents` maps token phrases to their label."""
    words = text.split()
    tags = ["O"] * len(words)
    for phrase, label in ents.items():
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] == parts and all(
                t == "O" for t in tags[i : i + len(parts)]
            ):
                tags[i : i + len(parts)] = [f"B-{label}"] + [f"I-{label}"] * (len(parts) - 1)
    return blank(Doc(blank.vocab, words=words, ents=tags))


def entity(doc: Doc, name: str) -> EntityCluster:
    found = [c for c in doc._.entities if c.name == name]
    assert len(found) == 1, [c.name for c in doc._.entities]
    return found[0]


def mentions(cluster: EntityCluster) -> list[tuple[str, str]]:
    return [(m.span.text, m.kind) for m in cluster.mentions]


def test_a_surname_the_model_tagged_as_a_place_joins_its_person(blank: Language) -> None:
    doc = run(
        blank,
        "Mara Quillfeather arrived . Quillfeather left .",
        {"Mara Quillfeather": "PERSON", "Quillfeather": "GPE"},
    )
    person = entity(doc, "Mara Quillfeather")
    assert mentions(person) == [("Mara Quillfeather", "name"), ("Quillfeather", "surname")]
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Omar Lima arrived . Lima , who was calm , left .", [("Lima", "surname")]),
        ("Omar Lima arrived . He flew to Lima .", []),
    ],
    ids=["a-capital-that-is-a-surname", "the-capital-after-a-place-cue"],
)
def test_a_surname_that_names_a_place_joins_its_person_but_where_a_place_is_meant(
    blank: Language, text: str, kinds: list[tuple[str, str]]
) -> None:
    doc = run(blank, text, {"Omar Lima": "PERSON", "Lima": "GPE"})
    assert mentions(entity(doc, "Omar Lima"))[1:] == kinds


def test_a_person_read_with_the_place_before_the_name_is_split_off(blank: Language) -> None:
    doc = run(
        blank,
        "Senator from Vermont Tom Hale spoke . Hale left .",
        {"Vermont Tom Hale": "ORG", "Hale": "PERSON"},
    )
    assert mentions(entity(doc, "Tom Hale")) == [("Tom Hale", "name"), ("Hale", "surname")]


@pytest.mark.parametrize(
    ("full", "short"),
    [("Ines La Quintana", "La Quintana"), ("Ines de Quintana", "De Quintana")],
    ids=["as-written", "particle-capitalised"],
)
def test_a_surname_of_several_words_tagged_as_an_org_joins_its_person(
    blank: Language, full: str, short: str
) -> None:
    doc = run(blank, f"{full} spoke . {short} left .", {full: "PERSON", short: "ORG"})
    assert mentions(entity(doc, full)) == [(full, "name"), (short, "surname")]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("First Minister of Vermont Tom Hale spoke .", {"Vermont Tom Hale": "ORG"}),
        (
            "Ambassador to the United Nations Tom Hale spoke .",
            {"the United Nations": "ORG", "Tom Hale": "ORG"},
        ),
    ],
    ids=["title-of-place-name", "title-to-body-name"],
)
def test_a_name_in_the_name_slot_of_a_title_is_a_person(
    blank: Language, text: str, ents: dict[str, str]
) -> None:
    assert entity(run(blank, text, ents), "Tom Hale").label == "PERSON"


@pytest.mark.parametrize(
    ("text", "ents", "names"),
    [
        (
            "Joe Biden spoke . His son Hunter Biden left .",
            {"Joe Biden": "PERSON", "Hunter Biden": "PERSON"},
            ["Joe Biden", "Hunter Biden"],
        ),
        ("Queen Rania spoke .", {"Queen Rania": "PERSON"}, ["Queen Rania"]),
        (
            "the president of Ohio State University spoke .",
            {"Ohio State University": "ORG"},
            ["Ohio State University"],
        ),
    ],
    ids=["a-given-name-that-is-a-role-noun", "a-titled-name-alone", "a-body-after-title-of"],
)
def test_names_that_look_titled_stay_what_they_are(
    blank: Language, text: str, ents: dict[str, str], names: list[str]
) -> None:
    assert [c.name for c in run(blank, text, ents)._.entities] == names


def test_a_body_after_a_place_after_no_title_stays_a_body(blank: Language) -> None:
    doc = run(blank, "Museum of Vermont Art History opened .", {"Vermont Art History": "ORG"})
    assert [(c.name, c.label) for c in doc._.entities] == [("Vermont Art History", "ORG")]


@pytest.mark.parametrize(
    ("text", "ents", "joined"),
    [
        (
            "The Court of Session ruled . The Court said so .",
            {"The Court of Session": "ORG", "Court": "ORG"},
            True,
        ),
        (
            "The U.S. Senate voted . The Senate left .",
            {"U.S. Senate": "ORG", "Senate": "ORG"},
            True,
        ),
        (
            "The Amazon Research Institute warned . The Amazon burned .",
            {"Amazon Research Institute": "ORG", "Amazon": "ORG"},
            False,
        ),
        (
            "The Court of Session and the Court of Appeal sat . The Court left .",
            {"Court of Session": "ORG", "Court of Appeal": "ORG", "Court": "ORG"},
            False,
        ),
        (
            "The White House spoke . The House voted .",
            {"White House": "ORG", "House": "ORG"},
            False,
        ),
    ],
    ids=[
        "head-before-of",
        "head-last",
        "a-modifier-is-no-head",
        "two-bodies-with-that-head",
        "a-head-last-after-no-place",
    ],
)
def test_the_head_of_an_organisation_named_before_is_that_organisation(
    blank: Language, text: str, ents: dict[str, str], joined: bool
) -> None:
    doc = run(blank, text, ents)
    short = next(e for e in ents if " " not in e)
    names = [c.name for c in doc._.entities]
    assert (short not in names) is joined, names


@pytest.mark.parametrize(
    ("text", "ents", "name", "role"),
    [
        (
            "President Dana Holt spoke .",
            {"President Dana Holt": "PERSON"},
            "Dana Holt",
            "President",
        ),
        (
            "First Lady Dana Holt spoke .",
            {"Lady Dana Holt": "PERSON"},
            "Dana Holt",
            "First Lady",
        ),
        (
            "Dana Holt spoke . President Holt left .",
            {"Dana Holt": "PERSON", "President Holt": "PERSON"},
            "Dana Holt",
            None,
        ),
    ],
    ids=["title-inside-the-ent", "title-running-into-the-ent", "title-before-a-known-surname"],
)
def test_a_title_the_model_read_into_a_name_is_no_part_of_it(
    blank: Language, text: str, ents: dict[str, str], name: str, role: str | None
) -> None:
    doc = run(blank, text, ents)
    assert [c.name for c in doc._.entities] == [name]
    assert entity(doc, name).roles == ([role] if role else [])


def test_a_title_alone_is_the_one_person_named_after_it(blank: Language) -> None:
    doc = run(
        blank,
        "Queen Ada Quill spoke . the Queen left .",
        {"Queen Ada Quill": "PERSON", "Queen": "PERSON"},
    )
    assert [c.name for c in doc._.entities] == ["Ada Quill"]
    assert ("Queen", "descriptor") in mentions(entity(doc, "Ada Quill"))


def test_a_role_noun_before_a_known_surname_is_a_title(blank: Language) -> None:
    doc = run(
        blank,
        "County sheriff Dana Holt spoke . Sheriff Holt left .",
        {"Dana Holt": "PERSON", "Sheriff Holt": "PERSON"},
    )
    assert ("Sheriff Holt", "title") in mentions(entity(doc, "Dana Holt"))
    assert [c.name for c in doc._.entities] == ["Dana Holt"]


def test_an_organisation_drops_the_person_owning_it(blank: Language) -> None:
    doc = run(
        blank,
        "Mara Quillfeather spoke . Quillfeather 's State Department said so .",
        {"Mara Quillfeather": "PERSON", "Quillfeather 's State Department": "ORG"},
    )
    assert entity(doc, "State Department").label == "ORG"


def test_an_untagged_surname_joins_its_person(blank: Language) -> None:
    doc = run(
        blank,
        "Mara Quillfeather arrived . Later Quillfeather left .",
        {"Mara Quillfeather": "PERSON"},
    )
    assert ("Quillfeather", "surname") in mentions(entity(doc, "Mara Quillfeather"))


def test_two_people_with_one_surname_stay_apart(blank: Language) -> None:
    doc = run(
        blank,
        "Ann Dorr met Bo Dorr . Ann left .",
        {"Ann Dorr": "PERSON", "Bo Dorr": "PERSON", "Ann": "PERSON"},
    )
    assert [c.name for c in doc._.entities] == ["Ann Dorr", "Bo Dorr"]
    assert ("Ann", "name") in mentions(entity(doc, "Ann Dorr"))


def test_editorial_brackets_stay_in_the_span_but_not_in_the_name(blank: Language) -> None:
    doc = blank(
        Doc(
            blank.vocab,
            words=["President", "[", "Tom", "]", "Vask", "spoke", "."],
            spaces=[True, False, False, True, True, False, False],
            ents=["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"],
        )
    )
    person = entity(doc, "Tom Vask")
    assert mentions(person) == [("President [Tom] Vask", "title"), ("[Tom] Vask", "name")]
    assert person.roles == ["President"]


def test_a_bracketed_capital_in_a_quote_is_no_person(blank: Language) -> None:
    doc = run(blank, "[T]hey hope so .", {"[T]hey": "PERSON"})
    assert doc._.entities == [] and list(doc.ents) == []


def test_a_national_title_gives_a_role_and_descriptors_follow_it(blank: Language) -> None:
    doc = run(
        blank,
        "Peruvian Prime Minister Ana Sol spoke . The Peruvian premier left . "
        "The Egyptian president stayed . Sol said so .",
        {"Peruvian": "NORP", "Ana Sol": "PERSON", "Egyptian": "NORP"},
    )
    person = entity(doc, "Ana Sol")
    assert person.roles == ["Prime Minister of Peru"] and person.country == "PE"
    assert mentions(person) == [
        ("Peruvian Prime Minister Ana Sol", "title"),
        ("Ana Sol", "name"),
        ("The Peruvian premier", "descriptor"),
        ("Sol", "surname"),
    ]


def test_a_descriptor_before_the_name_finds_the_holder_after_it(blank: Language) -> None:
    doc = run(
        blank,
        "He thanked the chancellor . Later German Chancellor Lea Brun spoke .",
        {"German": "NORP", "Lea Brun": "PERSON"},
    )
    assert mentions(entity(doc, "Lea Brun"))[0] == ("the chancellor", "descriptor")


def test_the_president_is_not_the_vice_president(blank: Language) -> None:
    doc = run(
        blank,
        "Vice President Al Ro met President Bea Cu . Al Ro spoke . The president left .",
        {"Al Ro": "PERSON", "Bea Cu": "PERSON"},
    )
    assert ("The president", "descriptor") in mentions(entity(doc, "Bea Cu"))


def test_an_apposition_gives_one_role_per_complement(blank: Language) -> None:
    doc = run(
        blank,
        "Kenyan ambassador to the UK and to the United Nations , Jo Mwangi , spoke . "
        "The ambassador left .",
        {"Kenyan": "NORP", "the UK": "GPE", "the United Nations": "ORG", "Jo Mwangi": "PERSON"},
    )
    person = entity(doc, "Jo Mwangi")
    assert person.roles == [
        "Kenyan ambassador to the United Kingdom",
        "Kenyan ambassador to the United Nations",
    ]
    assert ("The ambassador", "descriptor") in mentions(person)
    assert entity(doc, "United Nations").label == "ORG"


def test_a_title_after_the_name(blank: Language) -> None:
    doc = run(
        blank,
        "Rui Lobo , the foreign minister of Portugal , spoke .",
        {"Rui Lobo": "PERSON", "Portugal": "GPE"},
    )
    person = entity(doc, "Rui Lobo")
    assert person.roles == ["Portuguese foreign minister"] and person.country == "PT"
    assert mentions(person) == [("Rui Lobo", "name")]


def test_titles_in_a_list_share_the_first_ones_country(blank: Language) -> None:
    doc = run(
        blank,
        "He met Chile 's Foreign Minister Eva Paz , Defense Minister Ian Toro and "
        "lawmaker Uma Rey .",
        {
            "Chile": "GPE",
            "Eva Paz": "PERSON",
            "Defense": "ORG",
            "Ian Toro": "PERSON",
            "Uma Rey": "PERSON",
        },
    )
    assert entity(doc, "Eva Paz").roles == ["Foreign Minister of Chile"]
    assert entity(doc, "Ian Toro").roles == ["Defense Minister of Chile"]
    assert entity(doc, "Uma Rey").roles == ["Chilean lawmaker"]
    assert all(c.label != "ORG" for c in doc._.entities)  # "Defense" is part of a title


def test_a_body_owns_a_title(blank: Language) -> None:
    doc = run(
        blank,
        "African Union Chairperson Moussa Faki spoke .",
        {"African Union": "ORG", "Moussa Faki": "PERSON"},
    )
    assert entity(doc, "Moussa Faki").roles == ["Chairperson of the African Union"]


def test_a_capital_acting_is_a_metonym_of_its_country(blank: Language) -> None:
    doc = run(
        blank,
        "Lima 's top diplomat , Foreign Minister Eva Paz , spoke . The talks were in Lima .",
        {"Lima": "GPE", "Eva Paz": "PERSON"},
    )
    peru = entity(doc, "Peru")
    assert mentions(peru) == [("Lima", "metonym")] and peru.country == "PE"
    assert entity(doc, "Eva Paz").roles == ["Foreign Minister of Peru", "Peruvian top diplomat"]
    assert entity(doc, "Lima").country == "PE"  # the place, where it is one


def test_a_ministry_descriptor_links_to_the_last_ministry(blank: Language) -> None:
    doc = run(
        blank,
        "the Interior Ministry said so , and the ministry added more .",
        {"the Interior Ministry": "ORG"},
    )
    assert mentions(entity(doc, "Interior Ministry")) == [
        ("the Interior Ministry", "name"),
        ("the ministry", "descriptor"),
    ]


def test_mentions_are_in_order_and_keys_follow_first_mentions(blank: Language) -> None:
    doc = run(
        blank, "Rome hosted Ida Ko . Ida Ko spoke in Rome .", {"Rome": "GPE", "Ida Ko": "PERSON"}
    )
    assert [(c.key, c.name) for c in doc._.entities] == [("e0", "Rome"), ("e1", "Ida Ko")]
    starts = [m.span.start for m in doc._.entities[0].mentions]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Golan Heights", "region", "SY"),
        ("the West Bank", "region", "PS"),
        ("Middle East", "region", None),
        ("Vienna", "city", "AT"),
        ("Germany", "country", "DE"),
        ("the US", "country", "US"),
    ],
    ids=[
        "region-file",
        "region-with-article",
        "region-without-country",
        "city",
        "country",
        "country-alias",
    ],
)
def test_places_resolve_by_exact_name(text: str, place: str, country: str | None) -> None:
    found = load_gazetteer().resolve(text)
    assert found is not None and found.kind == place and found.country == country
    assert found.latitude is not None or place == "country"


@pytest.mark.parametrize("state", ["Florida", "Vermont", "New Hampshire"])
def test_a_us_state_wins_over_a_foreign_town_of_its_name(state: str) -> None:
    found = load_gazetteer().resolve(state)
    assert found is not None and (found.kind, found.country) == ("region", "US")


@pytest.mark.parametrize("text", ["Gazza", "Viena", "Germanyy", "east"], ids=str)
def test_near_misses_resolve_to_nothing(text: str) -> None:
    assert load_gazetteer().resolve(text) is None


# --- the trained model on short real sentences ---------------------------------------------------

REAL = [
    (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. "
        "The chancellor said the talks went well.",
        "Olaf Scholz",
        ["Chancellor of Germany"],
        ["German Chancellor Olaf Scholz", "Olaf Scholz", "The chancellor"],
    ),
    (
        "Kenya's ambassador to the United Nations, Martin Kimani, spoke on Friday. "
        "Kimani said the vote was close.",
        "Martin Kimani",
        ["Kenyan ambassador to the United Nations"],
        ["Martin Kimani", "Kimani"],
    ),
    (
        "Boris Johnson, the British prime minister, visited Kyiv. "
        "The prime minister promised more aid.",
        "Boris Johnson",
        ["British prime minister"],
        ["Boris Johnson", "The prime minister"],
    ),
    (
        "Indian Prime Minister Narendra Modi arrived in Tokyo. Japan's prime minister, "
        "Fumio Kishida, greeted Modi at the airport.",
        "Narendra Modi",
        ["Prime Minister of India"],
        ["Indian Prime Minister Narendra Modi", "Narendra Modi", "Modi"],
    ),
    (
        "Senator Elizabeth Warren criticised the plan. Warren said it would fail.",
        "Elizabeth Warren",
        ["Senator"],
        ["Senator Elizabeth Warren", "Elizabeth Warren", "Warren"],
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "roles", "expected"),
    REAL,
    ids=[
        "name-tagged-org-after-a-title",
        "apposition-with-possessive-country",
        "title-after-the-name",
        "one-of-two-prime-ministers",
        "title-without-country",
    ],
)
def test_real_sentences(nlp, text: str, name: str, roles: list[str], expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    person = entity(nlp(text), name)
    assert person.roles == roles
    assert [m.span.text for m in person.mentions] == expected


@pytest.mark.parametrize(
    ("text", "mention", "country", "kind"),
    [
        (
            "Moscow said on Monday that it would not attend the talks in Geneva.",
            "Moscow",
            "RU",
            "metonym",
        ),
        ("The talks were held in Geneva on Monday.", "Geneva", "CH", "name"),
        ("Boris Johnson, the British prime minister, visited Kyiv.", "Kyiv", "UA", "name"),
        ("The talks in Doha ended as Beijing's envoy left.", "Beijing", "CN", "metonym"),
    ],
    ids=["capital-as-subject", "city-as-place", "city-tagged-person", "capital-possessive"],
)
def test_real_places(nlp, text: str, mention: str, country: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = [
        (c.country, m.kind, m.span.label_)
        for c in doc._.entities
        for m in c.mentions
        if m.span.text == mention
    ]
    assert found == [(country, kind, "GPE")]
    assert any(e.text == mention and e.label_ == "GPE" for e in doc.ents)


def test_an_unnamed_ministry_takes_the_country_of_its_minister(blank: Language) -> None:
    doc = run(
        blank,
        "Chile 's Foreign Minister Eva Paz spoke . the foreign ministry said so .",
        {"Chile": "GPE", "Eva Paz": "PERSON", "the foreign ministry": "ORG"},
    )
    ministry = entity(doc, "Chilean Foreign Ministry")
    assert ministry.country == "CL" and mentions(ministry) == [
        ("the foreign ministry", "descriptor")
    ]


TRICKY = [
    "[",
    "]",
    "’s",
    "'s",
    "the",
    "The",
    "President",
    "Prime",
    "Minister",
    "foreign",
    "ministry",
    "premier",
    ",",
    ".",
    "and",
    "to",
    "by",
    "Paris",
    "Lima",
    "Kenyan",
    "Ann",
    "Dorr",
    "W]e",
    "top",
    "diplomat",
    "of",
    "Chile",
]
LABELS = ["O", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TRICKY), st.sampled_from(LABELS)), max_size=25))
def test_any_tokens_and_ents_give_entities_without_raising(blank: Language, tagged) -> None:  # type: ignore[no-untyped-def]
    words = [w for w, _ in tagged]
    tags, previous = [], "O"
    for _, label in tagged:
        tags.append("O" if label == "O" else f"{'I' if label == previous else 'B'}-{label}")
        previous = label
    doc = blank(Doc(blank.vocab, words=words, ents=tags))
    keys = [c.key for c in doc._.entities]
    assert keys == [f"e{i}" for i in range(len(keys))]
    for cluster in doc._.entities:
        assert cluster.mentions and all(m.kind in KINDS for m in cluster.mentions)
        assert "[" not in cluster.name and "]" not in cluster.name


@pytest.mark.parametrize("start", [-1, 3, 4], ids=["before", "at-end", "past-end"])
def test_the_title_finder_returns_nothing_outside_the_doc(blank: Language, start: int) -> None:
    # "<name>, the" at the end of a text: the finder skips "the" and probes past the last token
    doc = Doc(blank.vocab, words=["Ada", "Vell", ",", "the"])
    lexicon = blank.get_pipe("newsgraph_entities").lexicon
    assert lexicon.phrase_starting(doc, start) is None


@pytest.mark.parametrize(
    ("role", "kept"),
    [
        ("President of Norway", True),
        ("Polish mayor of the", False),
        ("Speaker of the House Ada Quill", False),
        ("Senator", True),
    ],
    ids=["office", "fragment", "another-person's-name", "bare-title"],
)
def test_a_role_is_no_fragment_and_names_nobody_else(role: str, kept: bool) -> None:
    assert is_role(role, {"Ada Quill", "Tom Hale"}) is kept


@pytest.mark.parametrize(
    ("text", "ents", "name", "expected"),
    [
        (
            "the Quorvian Relief Agency ( QRA ) said . the QRA added .",
            {"the Quorvian Relief Agency ( QRA": "ORG", "QRA": "ORG"},
            "Quorvian Relief Agency",
            [("the Quorvian Relief Agency", "name"), ("QRA", "name"), ("QRA", "name")],
        ),
        (
            "the Office for Marine Zoning said . OMZ added .",
            {"the Office for Marine Zoning": "ORG", "OMZ": "ORG"},
            "Office for Marine Zoning",
            [("the Office for Marine Zoning", "name"), ("OMZ", "name")],
        ),
        (
            "the Velmar Press ( said .",
            {"the Velmar Press (": "ORG"},
            "Velmar Press",
            [("the Velmar Press", "name")],
        ),
    ],
    ids=["abbreviation-in-brackets", "initials", "open-bracket-cut"],
)
def test_an_abbreviation_is_a_mention_of_the_body_it_abbreviates(
    blank: Language, text: str, ents: dict[str, str], name: str, expected: list[tuple[str, str]]
) -> None:
    body = entity(run(blank, text, ents), name)
    assert mentions(body) == expected


@pytest.mark.parametrize(
    ("text", "ents", "name", "expected"),
    [
        (
            "the Ministry of Fisheries said . the Fisheries Ministry added .",
            {"the Ministry of Fisheries": "ORG", "the Fisheries Ministry": "ORG"},
            "Ministry of Fisheries",
            [("the Ministry of Fisheries", "name"), ("the Fisheries Ministry", "name")],
        ),
        (
            "the Norwegian Department of Parks said . the Parks Department added .",
            {"the Norwegian Department of Parks": "ORG", "the Parks Department": "ORG"},
            "Norwegian Department of Parks",
            [("the Norwegian Department of Parks", "name"), ("the Parks Department", "name")],
        ),
        (
            "the Velmar Department of Parks said . the Parks Department added .",
            {"the Velmar Department of Parks": "ORG", "the Parks Department": "ORG"},
            "Velmar Department of Parks",  # a city's or a firm's, not the one it may stand for
            [("the Velmar Department of Parks", "name")],
        ),
    ],
    ids=["inverted", "inverted-after-a-country", "another-body's"],
)
def test_a_body_written_the_other_way_round_is_the_one_named_before(
    blank: Language, text: str, ents: dict[str, str], name: str, expected: list[tuple[str, str]]
) -> None:
    body = entity(run(blank, text, ents), name)
    assert mentions(body) == expected


def test_an_abbreviation_two_bodies_share_joins_neither(blank: Language) -> None:
    text = "the Office for Marine Zoning met the Orbit Monitoring Zone . OMZ said ."
    ents = {"the Office for Marine Zoning": "ORG", "the Orbit Monitoring Zone": "ORG", "OMZ": "ORG"}
    doc = run(blank, text, ents)
    assert mentions(entity(doc, "OMZ")) == [("OMZ", "name")]


def test_a_name_the_model_tagged_org_beside_a_title_is_a_person(blank: Language) -> None:
    # Orvel Tamsin , chief executive of the palace , said . Lumo spokesperson Ada Brell said .
    words = ["Orvel", "Tamsin", ",", "chief", "executive", "of", "the", "palace", ",", "said", "."]
    words += ["Lumo", "spokesperson", "Ada", "Brell", "said", "."]
    heads = [1, 9, 1, 4, 1, 4, 7, 5, 1, 9, 9, 12, 14, 14, 15, 15, 15]
    deps = ["compound", "nsubj", "punct", "amod", "appos", "prep", "det", "pobj", "punct", "ROOT"]
    deps += ["punct", "compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    ents = ["B-ORG", "I-ORG"] + ["O"] * 9 + ["B-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    doc = blank(Doc(blank.vocab, words=words, heads=heads, deps=deps, ents=ents))
    assert entity(doc, "Orvel Tamsin").label == "PERSON"
    assert entity(doc, "Ada Brell").label == "PERSON"
    assert entity(doc, "Lumo").label == "ORG"  # the body the spokesperson speaks for stays one


def test_a_body_with_a_group_noun_in_apposition_stays_a_body(blank: Language) -> None:
    # Sea Watch , a rescue group , said .
    words = ["Sea", "Watch", ",", "a", "rescue", "group", ",", "said", "."]
    heads = [1, 7, 1, 5, 5, 1, 1, 7, 7]
    deps = ["compound", "nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "punct"]
    ents = ["B-ORG", "I-ORG"] + ["O"] * 7
    doc = blank(Doc(blank.vocab, words=words, heads=heads, deps=deps, ents=ents))
    assert entity(doc, "Sea Watch").label == "ORG"


@pytest.mark.parametrize(
    ("text", "ents", "name", "label"),
    [
        ("She posted on Twitter .", {"Twitter": "PERSON"}, "Twitter", "ORG"),
        ("Tunisia said the border was open .", {"Tunisia": "PERSON"}, "Tunisia", "GPE"),
        (
            "Omar Jordan arrived . Jordan said the border was open .",
            {"Omar Jordan": "PERSON", "Jordan": "PERSON"},
            "Omar Jordan",
            "PERSON",
        ),
        ("His wife Elizabeth said it was open .", {"Elizabeth": "PERSON"}, "Elizabeth", "PERSON"),
        ("Tunisia said the border was open .", {"Tunisia": "ORG"}, "Tunisia", "GPE"),
    ],
    ids=[
        "a-platform",
        "a-country",
        "a-country-that-is-a-surname",
        "a-city-that-is-a-name",
        "a-country-tagged-org",
    ],
)
def test_a_lone_person_the_model_tagged_is_read_by_what_the_name_is(
    blank: Language, text: str, ents: dict[str, str], name: str, label: str
) -> None:
    assert entity(run(blank, text, ents), name).label == label


def test_an_honorific_read_into_a_name_is_no_part_of_it(blank: Language) -> None:
    text = "Emma Vell arrived . Mme Vell said it was late . Cde said so ."
    doc = run(blank, text, {"Emma Vell": "PERSON", "Mme Vell": "PERSON", "Cde": "PERSON"})
    assert mentions(entity(doc, "Emma Vell")) == [("Emma Vell", "name"), ("Vell", "surname")]
    assert not [c for c in doc._.entities if c.name in ("Mme Vell", "Cde")]


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        ('they wrote " RIP #Quill". " .', {'#Quill".': "PERSON"}, []),
        ('Tamsin " Tam " Vell spoke .', {'Tamsin " Tam " Vell': "PERSON"}, ['Tamsin " Tam " Vell']),
    ],
    ids=["cut-through-a-quotation", "a-nickname-in-its-marks"],
)
def test_a_name_cut_through_a_quotation_is_no_person(
    blank: Language, text: str, ents: dict[str, str], people: list[str]
) -> None:
    doc = run(blank, text, ents)
    assert [c.name for c in doc._.entities if c.label == "PERSON"] == people


@pytest.mark.parametrize(
    ("first", "partner", "tag", "label"),
    [
        ("Antoine", "Tamsin", "O", "PERSON"),  # a given name the model left untagged
        ("Antoine", "Tamsin", "ORG", "PERSON"),  # ... or tagged as an organisation
        ("Orvel", "Tamsin", "O", None),  # no known given name: nothing to go on
        ("Antoine", "Tamsin", "GPE", "GPE"),  # a place stays a place
        ("Nicolas", "Paris", "O", None),  # a place's name in it: "<city> and <city2>"
    ],
    ids=["untagged", "tagged-org", "no-given-name", "tagged-place", "a-place-name"],
)
def test_a_name_listed_with_a_person_is_a_person(
    blank: Language, first: str, partner: str, tag: str, label: str | None
) -> None:
    # officers <first> <partner> and Nicolas Brell met . Brell said .
    words = ["officers", first, partner, "and", "Nicolas", "Brell", "met", "."]
    heads = [2, 2, 6, 2, 5, 2, 6, 6]
    deps = ["compound", "compound", "nsubj", "cc", "compound", "conj", "ROOT", "punct"]
    pos = ["NOUN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"]
    pair = ["O", "O"] if tag == "O" else [f"B-{tag}", f"I-{tag}"]
    ents = ["O", *pair, "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = blank(Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents))
    assert entity(doc, "Nicolas Brell").label == "PERSON"
    found = [c.label for c in doc._.entities if c.name == f"{first} {partner}"]
    assert found == ([label] if label else [])


def test_an_untagged_abbreviation_of_a_body_named_before_is_that_body(blank: Language) -> None:
    text = "the Office for Marine Zoning ( OMZ ) met . OMZ records show it . OMZ"
    doc = run(blank, text, {"the Office for Marine Zoning": "ORG"})
    body = entity(doc, "Office for Marine Zoning")
    assert [m.span.text for m in body.mentions].count("OMZ") == 3
    # not before the body is named
    doc = run(
        blank,
        "OMZ met . the Office for Marine Zoning met .",
        {"the Office for Marine Zoning": "ORG"},
    )
    assert mentions(entity(doc, "Office for Marine Zoning")) == [
        ("the Office for Marine Zoning", "name")
    ]


@pytest.mark.parametrize(
    ("words", "person"),
    [
        (["Detective", "Constable", "Nicolas", "Brell"], "Nicolas Brell"),  # ranks, then a name
        (["Sergeant", "Antoine", "Tamsin"], "Antoine Tamsin"),
        (["Harbour", "Police", "Nicolas", "Brell"], None),  # a body's name is no rank
        (["Detective", "Orvel", "Tamsin"], None),  # no known given name
    ],
    ids=["two-ranks", "one-rank", "a-body", "no-given-name"],
)
def test_a_name_after_ranks_the_model_tagged_org_is_a_person(
    blank: Language, words: list[str], person: str | None
) -> None:
    tokens = [*words, "said", "."]
    pos = ["PROPN"] * len(words) + ["VERB", "PUNCT"]
    ents = ["B-ORG"] + ["I-ORG"] * (len(words) - 1) + ["O", "O"]
    doc = blank(Doc(blank.vocab, words=tokens, pos=pos, ents=ents))
    people = [c.name for c in doc._.entities if c.label == "PERSON"]
    assert people == ([person] if person else [])


@pytest.mark.parametrize(
    ("second", "label"),
    [("House", "ORG"), ("Senator", "GPE")],
    ids=["the-start-of-a-longer-name", "before-a-title"],
)
def test_a_country_tagged_org_before_another_word(blank: Language, second: str, label: str) -> None:
    # Tunisia <second> met . ("<country> House": a name the model cut; "<country> Senator": a title)
    words = ["Tunisia", second, "met", "."]
    heads, deps = [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT"]
    doc = blank(
        Doc(
            blank.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=["B-ORG", "O", "O", "O"]
        )
    )
    assert entity(doc, "Tunisia").label == label


@pytest.mark.parametrize(
    ("text", "ents", "mentions_of_body"),
    [
        (
            "the Velmor Motor Company said . Velmor said .",
            {"the Velmor Motor Company": "ORG", "Velmor": "ORG"},
            [("the Velmor Motor Company", "name"), ("Velmor", "name")],
        ),
        (  # named first: nothing to shorten yet
            "Velmor said . the Velmor Motor Company said .",
            {"the Velmor Motor Company": "ORG", "Velmor": "ORG"},
            [("the Velmor Motor Company", "name")],
        ),
        (  # a list is no organisation's full name
            "Velmor and Osk said . Velmor said .",
            {"Velmor and Osk": "ORG", "Velmor": "ORG"},
            [("Velmor and Osk", "name")],
        ),
    ],
    ids=["after-the-full-name", "before-it", "a-list"],
)
def test_a_first_word_alone_is_the_organisation_named_in_full_before(
    blank: Language, text: str, ents: dict[str, str], mentions_of_body: list[tuple[str, str]]
) -> None:
    doc = run(blank, text, ents)
    full = next(name for name in ents if name != "Velmor").removeprefix("the ")
    assert mentions(entity(doc, full)) == mentions_of_body


@pytest.mark.parametrize(
    ("words", "spaces", "role"),
    [
        (["Deputy", "Governor", "Dana", "Holt", "spoke", "."], None, "Deputy Governor"),
        (
            ["Vice", "-", "President", "Dana", "Holt", "spoke", "."],
            [False, False, True, True, True, False, False],
            "Vice-President",
        ),
        (
            ["Secretary", "-", "General", "Dana", "Holt", "spoke", "."],
            [False, False, True, True, True, False, False],
            "Secretary-General",
        ),
    ],
    ids=["rank-before-the-title", "hyphened-rank", "hyphened-title"],
)
def test_a_lower_rank_is_part_of_the_title(
    blank: Language, words: list[str], spaces: list[bool] | None, role: str
) -> None:
    """ "Deputy Governor <name>" holds another office than "Governor <name>", and a title the
    tokenizer splits at its hyphen is still one title."""
    ents = ["O"] * len(words)
    ents[-4:-2] = ["B-PERSON", "I-PERSON"]
    doc = blank(Doc(blank.vocab, words=words, spaces=spaces, ents=ents))
    assert entity(doc, "Dana Holt").roles == [role]


@pytest.mark.parametrize(
    ("text", "ents", "names"),
    [
        (
            "Robert Lane died . Robert Gabriel Lane was born in 1924 .",
            {"Robert Lane": "PERSON", "Robert Gabriel Lane": "PERSON"},
            ["Robert Gabriel Lane"],
        ),
        (
            "Mayor Bill de Vasio spoke . De Vasio said the city was safe .",
            {"Bill de Vasio": "PERSON", "De Vasio": "PERSON"},
            ["Bill de Vasio"],
        ),
        (
            "Gloria Vale died . Her mother , Gloria Morgan Vale , sued .",
            {"Gloria Vale": "PERSON", "Gloria Morgan Vale": "PERSON"},
            ["Gloria Vale", "Gloria Morgan Vale"],
        ),
        (
            "George H. W. Hale met George W. Hale .",
            {"George H. W. Hale": "PERSON", "George W. Hale": "PERSON"},
            ["George H. W. Hale", "George W. Hale"],
        ),
    ],
    ids=["middle-name", "particle-at-sentence-start", "a-relative", "two-initials"],
)
def test_two_full_names_of_one_person_are_one_entity(
    blank: Language, text: str, ents: dict[str, str], names: list[str]
) -> None:
    doc = run(blank, text, ents)
    assert [c.name for c in doc._.entities if c.label == "PERSON"] == names


@pytest.mark.parametrize(
    ("text", "ents", "names"),
    [
        (
            "The U.S. Navy said the ship sank . The United States Navy denied it . The Navy left .",
            {"United States Navy": "ORG", "U.S. Navy": "ORG", "Navy": "ORG"},
            ["U.S. Navy"],
        ),
        (
            "The state 's Supreme Court ruled . The United States Supreme Court later ruled .",
            {"United States Supreme Court": "ORG", "Supreme Court": "ORG"},
            ["Supreme Court", "United States Supreme Court"],
        ),
    ],
    ids=["with-and-without-the-country", "an-owner-s-court-before"],
)
def test_an_organisation_named_with_its_country_is_one_entity(
    blank: Language, text: str, ents: dict[str, str], names: list[str]
) -> None:
    doc = run(blank, text, ents)
    assert [c.name for c in doc._.entities if c.label == "ORG"] == names


def test_an_ent_run_into_the_next_phrase_ends_at_the_name(blank: Language) -> None:
    """The model's "<first> <last> of" ("Presidents <A> of <country> and <B> of <country2>")
    is the name without the preposition, in the entities and in doc.ents."""
    doc = run(blank, "Lina Ortiz of Peru signed .", {"Lina Ortiz of": "ORG", "Peru": "GPE"})
    assert [e.text for e in doc.ents] == ["Lina Ortiz", "Peru"]
    assert "Lina Ortiz" in [c.name for c in doc._.entities]
