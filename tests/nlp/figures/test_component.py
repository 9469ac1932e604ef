"""newsgraph_figures: counts, hedges, sources and contested figures."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsgraph.nlp.figures import FiguresFinder, make_figures


@pytest.fixture(scope="module")
def finder(nlp) -> FiguresFinder:  # type: ignore[no-untyped-def]
    return make_figures(nlp, "newsgraph_figures", "hedges.txt", "figure_words.tsv",
                        "attribution_cues.txt", "quantities.tsv")  # fmt: skip


def built(nlp, words, heads, deps, pos, tags, lemmas, ents=None) -> Doc:  # type: ignore[no-untyped-def]
    """A Doc with a hand-set parse: the rules are tested, not the model."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)  # fmt: skip
    doc._.entities = []
    return doc


def test_hedge_value_counted_noun_and_according_to_source(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    # According to the agency , about 40 people died .
    doc = built(
        nlp,
        ["According", "to", "the", "agency", ",", "about", "40", "people", "died", "."],
        [8, 0, 3, 1, 8, 6, 7, 8, 8, 8],
        ["prep", "prep", "det", "pobj", "punct", "advmod", "nummod", "nsubj", "ROOT", "punct"],
        ["VERB", "ADP", "DET", "NOUN", "PUNCT", "ADV", "NUM", "NOUN", "VERB", "PUNCT"],
        ["VBG", "IN", "DT", "NN", ",", "RB", "CD", "NNS", "VBD", "."],
        ["accord", "to", "the", "agency", ",", "about", "40", "people", "die", "."],
        ents=["O", "O", "O", "O", "O", "O", "B-CARDINAL", "O", "O", "O"],
    )
    (figure,) = finder(doc)._.figures
    assert (figure.span.text, figure.value, figure.hedge) == ("about 40", 40.0, "about")
    assert figure.source is not None and figure.source.text == "agency"
    assert figure.cue is not None and figure.cue.text == "According to"
    assert figure.what == "people died"
    assert figure.quantity == "dead"  # "died" is in the "dead" family of quantities.tsv


def test_subject_of_an_attribution_verb_is_the_source(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    # Police say 12 were arrested .
    doc = built(
        nlp,
        ["Police", "say", "12", "were", "arrested", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp", "punct"],
        ["NOUN", "VERB", "NUM", "AUX", "VERB", "PUNCT"],
        ["NNS", "VBP", "CD", "VBD", "VBN", "."],
        ["police", "say", "12", "be", "arrest", "."],
    )
    (figure,) = finder(doc)._.figures
    assert figure.source is not None and figure.source.text == "Police"
    assert figure.cue is not None and figure.cue.text == "say"
    assert figure.hedge is None


def test_the_two_men_is_a_reference_not_a_count(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    doc = built(
        nlp,
        ["the", "two", "men", "spoke", "."],
        [2, 2, 3, 3, 3],
        ["det", "nummod", "nsubj", "ROOT", "punct"],
        ["DET", "NUM", "NOUN", "VERB", "PUNCT"],
        ["DT", "CD", "NNS", "VBD", "."],
        ["the", "two", "man", "speak", "."],
    )
    assert finder(doc)._.figures == []


NUMBER_PHRASES = [
    (
        "at-least",
        "At least 12 people were killed in the blast.",
        "At least 12",
        12.0,
        "At least",
        None,
    ),
    (
        "thousands-sep",
        "Nearly 3,700 rockets were fired at towns.",
        "Nearly 3,700",
        3700.0,
        "Nearly",
        None,
    ),
    (
        "more-than",
        "More than 300 protesters were detained.",
        "More than 300",
        300.0,
        "More than",
        None,
    ),
    ("money-scale", "The fund lost $1.5 billion last year.", "$1.5 billion", 1.5e9, None, "USD"),
    ("percent", "Turnout reached 62 percent on Sunday.", "62 percent", 62.0, None, "percent"),
    ("vague", "Thousands of people marched in the capital.", "Thousands", None, None, None),
    (
        "tens-of-thousands",
        "Tens of thousands of people marched.",
        "Tens of thousands",
        None,
        None,
        None,
    ),
    ("up-to", "Up to 16 advisers were kidnapped.", "Up to 16", 16.0, "Up to", None),
    (
        "approximately",
        "The agency counted approximately 300 dead.",
        "approximately 300",
        300.0,
        "approximately",
        None,
    ),
    ("spelled-hyphen", "Some twenty-three people died.", "Some twenty-three", 23.0, "Some", None),
    (
        "and-a-half",
        "Over three-and-a-half million people fled.",
        "Over three-and-a-half million",
        3.5e6,
        "Over",
        None,
    ),
    (
        "scale-and-a-half",
        "A million-and-a-half people fled.",
        "A million-and-a-half",
        1.5e6,
        None,
        None,
    ),
    ("two-thirds", "Two-thirds of senators must vote.", "Two-thirds", 2 / 3, None, None),
    ("a-third", "A third of the voters stayed home.", "A third", 1 / 3, None, None),
    (
        "more-than-half",
        "More than half of the seats went to women.",
        "More than half",
        0.5,
        "More than",
        None,
    ),
    ("metres-not-million", "The boat was 23 m long.", "23 m", 23.0, None, "m"),
    ("tilde", "The search covered ~415 km2 of sea.", "~415 km2", 415.0, "~", "km2"),
    ("glued-currency", "They raised the wage to USD15 an hour.", "USD15", 15.0, None, "USD"),
    ("four-digit-date-tag", "The 2000 km long pipeline is planned.", "2000 km", 2000.0, None, "km"),
    ("or-more", "Police counted four or more people.", "four or more", 4.0, "or more", None),
    (
        "model-after-count",
        "Boeing delivered roughly 400 737 Max jets.",
        "roughly 400",
        400.0,
        "roughly",
        None,
    ),
    ("one-object", "Sheriff Lee said they arrested one person.", "one", 1.0, None, None),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "hedge", "unit"),
    [case[1:] for case in NUMBER_PHRASES],
    ids=[case[0] for case in NUMBER_PHRASES],
)
def test_real_sentences_give_value_hedge_and_unit(nlp, sentence, text, value, hedge, unit) -> None:  # type: ignore[no-untyped-def]
    figures = nlp(sentence)._.figures
    assert [(f.span.text, f.value, f.hedge, f.unit) for f in figures] == [
        (text, pytest.approx(value) if value else value, hedge, unit)
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("Rebuilding will cost between $300 and 400 billion.", "$300 and 400 billion", 3e11, 4e11),
        ("A death rate of 6% to 11% was seen.", "6% to 11%", 6.0, 11.0),
        ("About 16–17 percent of trade stays inside.", "About 16–17 percent", 16.0, 17.0),
    ],
    ids=["between-shares-scale", "percent-to-percent", "one-token"],
)
def test_a_rising_pair_is_one_range(nlp, sentence, text, low, high) -> None:  # type: ignore[no-untyped-def]
    (figure,) = nlp(sentence)._.figures
    assert (figure.span.text, figure.value, figure.value_high) == (text, low, high)


def test_a_falling_pair_is_two_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    figures = nlp("Biden led Trump 49.6 percent to 43.3 percent.")._.figures
    assert [(f.value, f.value_high) for f in figures] == [(49.6, None), (43.3, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 35-year-old man was arrested on Monday.",
        "The council met on June 12, 2022.",
        "He came fifth in the race.",
        "The two sides met at noon.",
        "It was one of the worst storms.",
        "The airline flies the 787-9 to Perth.",
        "At one point, the queue stretched for miles.",
        "One MP told the BBC he was leaving.",
        "The rule needs (1) a vote and (2) a quorum.",
        "Flight 370 vanished over the sea.",
        "She spoke on September 25–27 in Ohio.",
        "The other three treatments failed.",
    ],
    ids=[
        "age",
        "date",
        "ordinal",
        "anaphoric",
        "pronoun-one",
        "model",
        "at-one-point",
        "someone-one",
        "list-items",
        "identifier",
        "day-range",
        "anaphoric-adjective",
    ],
)
def test_numbers_that_count_nothing_are_left_out(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert nlp(sentence)._.figures == []


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("According to the ministry, 40 people died.", "ministry", "According to"),
        ("The rebels insist that at least 20 of the dead were soldiers.", "rebels", "insist"),
        ("Police said 12 protesters were arrested.", "Police", "said"),
        ("At least 12 people were killed in the blast.", None, None),
        ("The health ministry reported 1,200 new cases on Monday.", "health ministry", "reported"),
        ("The police arrested 12 protesters.", None, None),
        ("The band recorded four albums.", None, None),
    ],
    ids=[
        "according-to",
        "insists",
        "said",
        "reporter",
        "reported-object",
        "no-cue-object",
        "a-thing-made",
    ],
)
def test_sources_come_from_the_clause(nlp, sentence, source, cue) -> None:  # type: ignore[no-untyped-def]
    (figure,) = nlp(sentence)._.figures
    assert (figure.source.text if figure.source else None) == source
    assert (figure.cue.text if figure.cue else None) == cue


def test_a_part_never_contests_its_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to the health ministry, 300 villagers were killed in the floods. "
        "The rebels insist that at least 200 of the dead were soldiers. "
        "In the north, 4 soldiers were killed."
    )
    figures = nlp(text)._.figures
    assert [f.value for f in figures] == [300.0, 200.0, 4.0]
    assert [f.contests for f in figures] == [[], [], []]
    assert figures[1].part_of == "the dead"


def test_wholes_whose_hedged_ranges_do_not_meet_are_a_total_contest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police said at least 40 people died. Organisers said more than 100 people died."
    low, high = nlp(text)._.figures
    assert (low.contests, high.contests) == ([1], [0])
    assert low.contest == high.contest == "total"
    assert low.reason == "at least 40 and more than 100 cannot both hold"


def test_wholes_whose_hedged_ranges_meet_do_not_contest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police said at least 40 people died. Organisers said 55 people died."
    assert [f.contests for f in nlp(text)._.figures] == [[], []]


@pytest.mark.parametrize(
    ("sentence", "place", "period"),
    [
        ("At least 40 people died in Kabul on Tuesday, police said.", "Kabul", "on Tuesday"),
        ("The ministry said 280 Gaza residents were killed since Monday.", "Gaza", "since Monday"),
        ("Israel says at least 225 of the dead were combatants.", None, None),  # the source
        ("About 3,000 homes in Texas lost power last week, the utility said.", "Texas",
         "last week"),
        ("Organisers said more than 100 people died in the attack.", None, None),
        ("As of Friday, the virus had killed at least 813 people in China.", "China",
         "As of Friday"),
    ],
)  # fmt: skip
def test_a_figure_has_the_place_and_period_of_its_clause(nlp, sentence, place, period) -> None:  # type: ignore[no-untyped-def]
    (figure,) = nlp(sentence)._.figures
    assert (figure.frame.place, figure.frame.period) == (place, period)


def test_the_period_resolves_against_the_articles_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("At least 40 people died in Kabul on Tuesday, police said.")
    doc._.published = date(2021, 5, 27)  # a Thursday
    (figure,) = nlp(doc)._.figures
    assert figure.frame.period_date == "2021-05-25"


@pytest.mark.parametrize(
    "text",
    [
        "Police said 40 people died in Kabul on Tuesday. "
        "Officials said 100 people died in Kandahar on Tuesday.",
        "Police said 40 people died on Monday. Organisers said 120 people died on Tuesday.",
    ],
)
def test_counts_of_other_places_or_days_do_not_contest(nlp, text) -> None:  # type: ignore[no-untyped-def]
    figures = nlp(text)._.figures
    assert len(figures) == 2 and [f.contests for f in figures] == [[], []]


def test_parts_adding_up_past_their_whole_are_a_composition_contest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to the agency, about 50 people were killed in the storm, 30 of them children. "
        "The governor, however, insists that at least 35 of the dead were rescue workers."
    )
    whole, children, workers = nlp(text)._.figures
    assert whole.contests == [1, 2] and workers.contests == [0, 1]
    assert whole.contest == children.contest == workers.contest == "composition"
    assert whole.reason == "parts 30 + 35 > whole about 50"


def test_parts_that_fit_their_whole_do_not_contest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to the agency, about 90 people were killed in the storm, 30 of them children. "
        "The governor, however, insists that at least 35 of the dead were rescue workers."
    )
    assert [f.contests for f in nlp(text)._.figures] == [[], [], []]


def test_a_rival_needs_a_different_value_and_a_nearby_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to the ministry, 30 people were killed. "
        "The army said 30 people were killed. "
        "Officials said 12 people were injured."
    )
    figures = nlp(text)._.figures
    assert [f.contests for f in figures] == [[], [], []]  # same value: corroboration; injured


def test_a_figure_in_a_quote_comes_from_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        '"We have lost 40 soldiers since March. The enemy lost 300," the general told reporters.'
    )
    assert [(f.value, f.source.text if f.source else None) for f in doc._.figures] == [
        (40.0, "the general"),
        (300.0, "general"),
    ]


def test_odds_count_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp("The odds rose to a three-in-five chance.")._.figures == []


def test_a_share_is_a_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [f.value for f in nlp("A two-thirds majority is needed.")._.figures] == [2 / 3]


PIECES = [
    "about",
    "40",
    "3,200",
    "thousands",
    "of",
    "people",
    "were",
    "killed",
    "said",
    "the",
    "army",
    "according",
    "to",
    "on",
    "Tuesday",
    "met",
    "with",
    "in",
    "Paris",
    ",",
    ".",
    '"',
    "-",
    "$",
    "1.5",
    "million",
    "one",
    "two-thirds",
    "last",
    "week",
    "will",
    "attack",
]


@settings(deadline=None, max_examples=40)
@given(words=st.lists(st.sampled_from(PIECES), max_size=25))
def test_any_text_gives_figures_events_and_dates_without_raising(nlp, words) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(" ".join(words))
    for figure in doc._.figures:
        assert 0 <= figure.span.start_char < figure.span.end_char <= len(doc.text)
        assert all(0 <= j < len(doc._.figures) for j in figure.contests)
    for event in doc._.events:
        assert event.status in ("happened", "ongoing", "planned")
    for found in doc._.dates:
        assert found.start is None or found.start <= found.end


SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


@settings(deadline=None, max_examples=60)
@given(
    number=st.integers(min_value=2, max_value=9_999_999),
    scale=st.sampled_from([None, *SCALES]),
    hedge=st.sampled_from([None, "about", "at least", "more than", "nearly"]),
)
def test_a_written_quantity_reads_back_its_value(nlp, number, scale, hedge) -> None:  # type: ignore[no-untyped-def]
    written = f"{number:,}" + (f" {scale}" if scale else "")
    sentence = f"Officials said {hedge + ' ' if hedge else ''}{written} people were counted."
    figures = nlp(sentence)._.figures
    assert [(f.value, f.hedge) for f in figures] == [(number * SCALES.get(scale or "", 1), hedge)]


def test_counted_is_the_counted_nouns_lemma_and_none_for_a_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract import figures_from

    doc = nlp("Officials said 40 soldiers were killed, 30 of them in one attack.")
    assert [(f.value, f.counted) for f in figures_from(doc)] == [(40.0, "soldier"), (30.0, None)]


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            "She drew two percent in the May 2 Acme poll, three percent in the Zenith Research "
            "survey, and five percent in the Orbis Analytics poll.",
            ["the May 2 Acme poll", "the Zenith Research survey", "the Orbis Analytics poll"],
        ),
        (
            "At the end of May, he trailed in the nationwide Pollwise head to head average, "
            "49.6 percent to 43.3 percent.",
            ["the nationwide Pollwise head to head average"] * 2,
        ),
        (
            "Ann Vell polled three percent in the Quill Research/Daily Star poll.",
            ["the Quill Research/Daily Star poll"],
        ),
        ("The rule requires 15 percent support in opinion polls.", [None]),
    ],
    ids=["each-its-own-poll", "misparsed-average", "slashed-pollster", "no-poll-in-general"],
)
def test_a_poll_gives_the_figures_it_holds(nlp, sentence, sources) -> None:  # type: ignore[no-untyped-def]
    figures = [f for f in nlp(sentence)._.figures if f.unit == "percent"]
    assert [f.source.text if f.source else None for f in figures] == sources


def test_a_figure_source_takes_the_speaker_name_of_its_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The Senate Minority Leader, Tom Varley, said on Friday that the plan hurts 400,000 "
        "workers."
    )
    (figure,) = doc._.figures
    assert figure.source_name == "Tom Varley"


def test_a_document_is_not_the_place_its_relative_clause_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "76 villages were affected according to the ORBA report on Saturday, which counted 21 "
        "injured individuals in Davao Norte and seven in General Alma City."
    )
    doc = nlp(text)
    (quote,) = [q for q in doc._.quotes if q.cue is not None and q.cue.text == "according to"]
    assert quote.name == "ORBA"
