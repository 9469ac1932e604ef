"""newsgraph_figures: counts, hedges, sources and contested figures."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    ("sentence", "text", "value", "hedge", "unit"),
    [
        ("At least 12 people were killed in the blast.", "At least 12", 12.0, "at least", None),
        ("Nearly 3,700 rockets were fired at towns.", "Nearly 3,700", 3700.0, "nearly", None),
        ("More than 300 protesters were detained.", "More than 300", 300.0, "more than", None),
        ("The fund lost $1.5 billion last year.", "$1.5 billion", 1.5e9, None, "USD"),
        ("Turnout reached 62 percent on Sunday.", "62", 62.0, None, "percent"),
        ("Thousands of people marched in the capital.", "Thousands", None, "thousands", None),
        ("Up to 16 advisers were kidnapped.", "Up to 16", 16.0, "up to", None),
        (
            "The agency counted approximately 300 dead.",
            "approximately 300",
            300.0,
            "approximately",
            None,
        ),
    ],
    ids=[
        "at-least",
        "nearly-thousands-sep",
        "more-than",
        "money-scale",
        "percent",
        "vague",
        "up-to",
        "approximately",
    ],
)
def test_real_sentences_give_value_hedge_and_unit(nlp, sentence, text, value, hedge, unit) -> None:  # type: ignore[no-untyped-def]
    figures = nlp(sentence)._.figures
    assert [(f.span.text, f.value, f.hedge, f.unit) for f in figures] == [
        (text, value, hedge, unit)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 35-year-old man was arrested on Monday.",
        "The council met on June 12, 2022.",
        "He came fifth in the race.",
        "The two sides met at noon.",
        "It was one of the worst storms.",
    ],
    ids=["age", "date", "ordinal", "anaphoric", "pronoun-one"],
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
    ],
    ids=["according-to", "insists", "said", "reporter"],
)
def test_sources_come_from_the_clause(nlp, sentence, source, cue) -> None:  # type: ignore[no-untyped-def]
    (figure,) = nlp(sentence)._.figures
    assert (figure.source.text if figure.source else None) == source
    assert (figure.cue.text if figure.cue else None) == cue


def test_two_sources_for_one_quantity_contest_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to the health ministry, 300 villagers were killed in the floods. "
        "The rebels insist that at least 200 of the dead were soldiers. "
        "In the north, 4 soldiers were killed."
    )
    figures = nlp(text)._.figures
    assert [f.value for f in figures] == [300.0, 200.0, 4.0]
    assert figures[0].contests == [1] and figures[1].contests == [0]
    assert figures[2].contests == []  # the reporter's own count contests nobody


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


@pytest.mark.parametrize(
    "sentence",
    ["A two-thirds majority is needed.", "The odds rose to a three-in-five chance."],
    ids=["fraction", "odds"],
)
def test_fractions_and_odds_count_nothing(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert nlp(sentence)._.figures == []


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


def test_a_range_shares_its_scale(nlp) -> None:  # type: ignore[no-untyped-def]
    figures = nlp("Rebuilding will cost between $300 and 400 billion.")._.figures
    assert [(f.value, f.hedge) for f in figures] == [(3e11, "between"), (4e11, None)]
