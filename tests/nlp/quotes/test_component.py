"""newsgraph_quotes: rules on hand-built Docs, then the model on real sentences."""

from __future__ import annotations

import itertools

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.extract import quotes_from
from newsgraph.nlp.quotes import QuoteSpan
from newsgraph.nlp.quotes.cues import trim
from newsgraph.nlp.quotes.marks import find_stretches

# --- rules on hand-built Docs ------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_quotes")
    return nlp


def parsed(blank: Language, rows: list[tuple[str, bool, int, str, str, str]], ents=()) -> Doc:  # type: ignore[no-untyped-def]
    """A doc from (word, space after, head, dep, pos, lemma) rows; heads are absolute indices."""
    words, spaces, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(
        blank.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return blank(doc)


# “We won,” he said.
WE_WON = [
    ("“", False, 6, "punct", "PUNCT", "“"),
    ("We", True, 2, "nsubj", "PRON", "we"),
    ("won", False, 6, "ccomp", "VERB", "win"),
    (",", False, 6, "punct", "PUNCT", ","),
    ("”", True, 6, "punct", "PUNCT", "”"),
    ("he", True, 6, "nsubj", "PRON", "he"),
    ("said", False, 6, "ROOT", "VERB", "say"),
    (".", False, 6, "punct", "PUNCT", "."),
]

# Maria Lopez said the plan failed. She said it was late.
REPORTED = [
    ("Maria", True, 1, "compound", "PROPN", "maria"),
    ("Lopez", True, 2, "nsubj", "PROPN", "lopez"),
    ("said", True, 2, "ROOT", "VERB", "say"),
    ("the", True, 4, "det", "DET", "the"),
    ("plan", True, 5, "nsubj", "NOUN", "plan"),
    ("failed", False, 2, "ccomp", "VERB", "fail"),
    (".", True, 2, "punct", "PUNCT", "."),
    ("She", True, 8, "nsubj", "PRON", "she"),
    ("said", True, 8, "ROOT", "VERB", "say"),
    ("it", True, 10, "nsubj", "PRON", "it"),
    ("was", True, 8, "ccomp", "AUX", "be"),
    ("late", False, 10, "acomp", "ADJ", "late"),
    (".", False, 8, "punct", "PUNCT", "."),
]

# According to officials, the plan failed.
ACCORDING = [
    ("According", True, 6, "prep", "VERB", "accord"),
    ("to", True, 0, "prep", "ADP", "to"),
    ("officials", False, 1, "pobj", "NOUN", "official"),
    (",", True, 6, "punct", "PUNCT", ","),
    ("the", True, 5, "det", "DET", "the"),
    ("plan", True, 6, "nsubj", "NOUN", "plan"),
    ("failed", False, 6, "ROOT", "VERB", "fail"),
    (".", False, 6, "punct", "PUNCT", "."),
]


def only(doc: Doc) -> QuoteSpan:
    (quote,) = doc._.quotes
    return quote  # type: ignore[no-any-return]


def test_a_quote_before_its_cue_is_direct_with_the_cue_and_speaker(blank: Language) -> None:
    doc = parsed(blank, WE_WON)
    quote = only(doc)
    assert doc.text[quote.start : quote.end] == "“We won,”"
    assert (quote.kind, quote.cue.text, quote.speaker.text) == ("direct", "said", "he")


def test_a_pronoun_with_nobody_named_before_stays_unresolved(blank: Language) -> None:
    assert only(parsed(blank, WE_WON)).name is None


def test_reported_speech_is_the_complement_without_the_cue(blank: Language) -> None:
    doc = parsed(blank, REPORTED, ents=[(0, 2, "PERSON")])
    first, second = doc._.quotes
    assert doc.text[first.start : first.end] == "the plan failed"
    assert (first.kind, first.speaker.text, first.name) == (
        "indirect",
        "Maria Lopez",
        "Maria Lopez",
    )
    assert doc.text[second.start : second.end] == "it was late"


def test_a_pronoun_resolves_to_the_last_speaker(blank: Language) -> None:
    doc = parsed(blank, REPORTED, ents=[(0, 2, "PERSON")])
    assert doc._.quotes[1].speaker.text == "She"
    assert doc._.quotes[1].name == "Maria Lopez"


def test_according_to_names_the_source_of_the_clause(blank: Language) -> None:
    doc = parsed(blank, ACCORDING)
    quote = only(doc)
    assert doc.text[quote.start : quote.end] == "the plan failed"
    assert (quote.cue.text, quote.speaker.text) == ("According to", "officials")
    assert quote.name is None  # a descriptor nobody introduced: unresolved, not guessed


def test_a_quote_without_a_cue_is_not_attributed(blank: Language) -> None:
    rows = [
        ("“", False, 2, "punct", "PUNCT", "“"),
        ("We", True, 2, "nsubj", "PRON", "we"),
        ("won", False, 2, "ROOT", "VERB", "win"),
        ("”", False, 2, "punct", "PUNCT", "”"),
    ]
    assert parsed(blank, rows)._.quotes == []


def test_the_noun_phrase_after_a_quote_speaks_when_the_parse_loses_the_subject(
    blank: Language,
) -> None:
    # “We won,” an aide, who was there, told reporters. (the parser hangs "aide" on "won")
    rows = [
        ("“", False, 2, "punct", "PUNCT", "“"),
        ("We", True, 2, "nsubj", "PRON", "we"),
        ("won", False, 13, "ccomp", "VERB", "win"),
        (",", False, 2, "punct", "PUNCT", ","),
        ("”", True, 2, "punct", "PUNCT", "”"),
        ("an", True, 6, "det", "DET", "an"),
        ("aide", False, 2, "attr", "NOUN", "aide"),
        (",", True, 6, "punct", "PUNCT", ","),
        ("who", True, 9, "nsubj", "PRON", "who"),
        ("was", True, 6, "relcl", "AUX", "be"),
        ("there", False, 9, "advmod", "ADV", "there"),
        (",", True, 13, "punct", "PUNCT", ","),
        ("then", True, 13, "advmod", "ADV", "then"),
        ("told", True, 13, "ROOT", "VERB", "tell"),
        ("reporters", False, 13, "dobj", "NOUN", "reporter"),
        (".", False, 13, "punct", "PUNCT", "."),
    ]
    quote = only(parsed(blank, rows))
    assert (quote.kind, quote.cue.text, quote.speaker.text) == ("direct", "told", "an aide")


def test_records_carry_ids_offsets_and_the_speaker_span(blank: Language) -> None:
    doc = parsed(blank, REPORTED, ents=[(0, 2, "PERSON")])
    doc._.article_id = "a1"
    records = quotes_from(doc)
    assert [q.id for q in records] == ["q0", "q1"]
    assert (records[0].speaker_start, records[0].speaker_end) == (0, 11)
    assert records[0].text == doc.text[records[0].prov.start : records[0].prov.end]


# --- the trained model on real sentences ---------------------------------------------------------

CASES = [
    (
        "“We will not back down,” the senator said.",
        "“We will not back down,”",
        "direct",
        "the senator",
    ),
    (
        "The mayor said: “This is a good day for the city.”",
        "“This is a good day for the city.”",
        "direct",
        "The mayor",
    ),
    (
        "“It was a hard fight,” she said. “But we won it.”",
        "“It was a hard fight,” she said. “But we won it.”",
        "direct",
        "she",
    ),
    (
        "The governor said that the budget would be balanced by June.",
        "the budget would be balanced by June",
        "indirect",
        "The governor",
    ),
    (
        "The strike will go on until the wages are paid, the union announced.",
        "The strike will go on until the wages are paid",
        "indirect",
        "the union",
    ),
    (
        "According to the ministry, 40 people were killed in the attack.",
        "40 people were killed in the attack",
        "indirect",
        "the ministry",
    ),
    (
        "The police insists the protest was peaceful.",
        "the protest was peaceful",
        "indirect",
        "The police",
    ),
    (
        "The economy will shrink next year, the bank warned.",
        "The economy will shrink next year",
        "indirect",
        "the bank",
    ),
    (
        "The council said in a statement that talks would resume on Monday.",
        "talks would resume on Monday",
        "indirect",
        "The council",
    ),
    (
        "The minister said the deal “clears a path to peace” in the region.",
        "the deal “clears a path to peace” in the region",
        "mixed",
        "The minister",
    ),
    (
        "A new poll found that most voters oppose the plan.",
        "most voters oppose the plan",
        "indirect",
        "A new poll",
    ),
    (
        "The union believes the strike will last for weeks.",
        "the strike will last for weeks",
        "indirect",
        "The union",
    ),
    (
        "“Governor [Mara] Vell sent us out … to listen,” the envoy said.",
        "“Governor [Mara] Vell sent us out … to listen,”",
        "direct",
        "the envoy",
    ),
    (
        "“We have to rebuild the bridge before the winter,” added Novak, who chairs the panel.",
        "“We have to rebuild the bridge before the winter,”",
        "direct",
        "Novak",
    ),
    (
        "“The plan is dead and everybody knows it,” Ortiz said of the proposal.",
        "“The plan is dead and everybody knows it,”",
        "direct",
        "Ortiz",
    ),
    (
        "The race is close. Pollster Ana Ruiz: “Turnout will decide this race.”",
        "“Turnout will decide this race.”",
        "direct",
        "Pollster Ana Ruiz",
    ),
    (
        "The council met. The mayor went on: “We will rebuild every home on this street.”",
        "“We will rebuild every home on this street.”",
        "direct",
        "The mayor",
    ),
    (
        "Readers wrote in.\n“The new bridge is the best thing that happened to us.” ― Ana Ruiz",
        "“The new bridge is the best thing that happened to us.”",
        "direct",
        "Ana Ruiz",
    ),
    (
        "“We will open the school in the spring.”\n\n- Mayor Tom Novak, speaking in June.",
        "“We will open the school in the spring.”",
        "direct",
        "Mayor Tom Novak",
    ),
    (
        "“We should close the road before somebody gets hurt,” said the woman, who like many in"
        " the town did not want to be named.",
        "“We should close the road before somebody gets hurt,”",
        "direct",
        "the woman",
    ),
    (
        "“He had a lot of friends in the city,” Novak, after a long pause, said of the mayor."
        " “I would be glad to see him back.”",
        "“He had a lot of friends in the city,” Novak, after a long pause, said of the mayor."
        " “I would be glad to see him back.”",
        "direct",
        "Novak",
    ),
    (
        '"Together we have shown what is possible when the world stands as one."\n\nObama said'
        " the accord would send a powerful signal, channel investment into new projects and spur"
        " job creation.",
        "the accord would send a powerful signal, channel investment into new projects and spur"
        " job creation",
        "indirect",
        "Obama",
    ),
    (
        "The mayor continued:\n\nThe bridge will open in the spring and the road will follow.",
        "The bridge will open in the spring and the road will follow",
        "indirect",
        "The mayor",
    ),
    (
        "Novak voiced a wish for a “strong, prosperous and vibrant Mexico,” and praised the deal.",
        "a “strong, prosperous and vibrant Mexico,”",
        "mixed",
        "Novak",
    ),
    (
        "Particularly in the poorest towns, she said, “we don't know what the answer will be.”",
        "Particularly in the poorest towns, she said, “we don't know what the answer will be.”",
        "mixed",
        "she",
    ),
    (
        "Novak tweeted that, “For those who doubt me, I will be there at dawn.”",
        "that, “For those who doubt me, I will be there at dawn.”",
        "mixed",
        "Novak",
    ),
    (
        "In a clip that Judge Jane Roe called “distasteful,” the host laughed.",
        "a clip that Judge Jane Roe called “distasteful,”",
        "mixed",
        "Judge Jane Roe",
    ),
    (
        "Prosecutor Ana Ruiz characterized the attack as “designed to frighten a whole town.”",
        "the attack as “designed to frighten a whole town.”",
        "mixed",
        "Prosecutor Ana Ruiz",
    ),
    (
        "About 200 protesters gathered near the arena, holding signs and chanting “Dump Trump.”",
        "“Dump Trump.”",
        "direct",
        "About 200 protesters",
    ),
    (
        "The ministry issued a statement saying the talks would resume on Monday.",
        "the talks would resume on Monday",
        "indirect",
        "The ministry",
    ),
]


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker"),
    CASES,
    ids=[
        "direct-cue-after",
        "direct-cue-before-colon",
        "direct-split-around-cue",
        "reported-said-that",
        "clause-then-subject-and-object-cue",
        "according-to",
        "insists",
        "cue-after-comma",
        "said-in-a-statement-that",
        "mixed-partial-quote",
        "poll-found",
        "believes",
        "brackets-and-ellipsis",
        "inverted-speaker",
        "said-of-keeps-the-quote",
        "name-colon",
        "clause-colon",
        "dash-signature",
        "dash-signature-next-line",
        "inverted-speaker-without-a-subject",
        "speaker-and-a-phrase-set-off-by-commas",
        "a-paragraph-starts-a-sentence",
        "colon-ends-a-paragraph-before-a-block",
        "partial-quote-in-any-verbs-object",
        "quote-going-on-a-sentence-begun-before-the-speaker",
        "said-that-comma",
        "named-in-a-relative-clause",
        "characterized-as",
        "a-chant-in-capitals-is-speech",
        "a-statement-saying",
    ],
)
def test_real_sentences(nlp, text: str, content: str, kind: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = [q for q in doc._.quotes if doc.text[q.start : q.end] == content]
    assert found, [doc.text[q.start : q.end] for q in doc._.quotes]
    assert (found[0].kind, found[0].speaker.text) == (kind, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The two parties could find common ground on the budget this week.",
        "Next year the census could show a very different picture of the county.",
        "Breaking: Storm closes every school in the county",
        "Contributing: Jane Doe and Tom Novak",
        "Editor’s Note: This story has been updated with new figures.",
    ],
    ids=["find-base-form", "show-base-form", "breaking", "contributing", "editors-note"],
)
def test_no_attribution_in(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """An object cue in its base form reports no object; a label before a colon is no speaker."""
    assert nlp(text)._.quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "In an interview with “Good Morning Today,” Maria Lopez pointed to the bridge as a risk.",
        "Pat Ross, the playwright who wrote “Peter Pan Returns,” has been with the show for years.",
    ],
)
def test_a_quoted_title_is_no_statement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert [q for q in doc._.quotes if q.kind == "direct"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Critics called the plan “a tax on the poor” - a charge Tom Novak denied.",
        "The band played “Our Time Has Come” — Tom Novak sang along with the crowd.",
    ],
)
def test_a_dash_in_running_prose_signs_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert all(q.cue is None or q.cue.text not in "-—" for q in doc._.quotes)


def test_partial_quote_after_a_participle_goes_to_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Jane Roe spoke on Monday, after thanking the voters for “staying with us.”")
    quote = next(q for q in doc._.quotes if "staying" in doc.text[q.start : q.end])
    assert quote.name == "Jane Roe"


def test_surname_resolves_to_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Jane Roe arrived in the city on Monday.\n\n“We are here to stay,” Roe said.")
    assert [q.name for q in doc._.quotes] == ["Jane Roe"]


def test_a_quote_opened_right_after_its_cue_ends_at_its_closing_mark(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Novak had previously said, “We’ll see,” when asked whether he would run again.")
    spans = {doc.text[q.start : q.end]: q for q in doc._.quotes}
    assert spans["“We’ll see,”"].kind == "direct"
    assert all(q.speaker is None or q.speaker.text != "We" for q in doc._.quotes)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Novak spoke for an hour. But, he noted, “while the plan is bold, it is not reckless.”",
         "“while the plan is bold, it is not reckless.”"),
        ("Novak spoke for an hour. Yet, he said, “the plan will need more money.”",
         "“the plan will need more money.”"),
    ],
    ids=["but-he-noted", "yet-he-said"],
)  # fmt: skip
def test_a_connective_before_the_speaker_stays_out_of_the_quote(nlp, text, quote) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert [doc.text[q.start : q.end] for q in doc._.quotes] == [quote]


def test_a_pronoun_skips_people_named_inside_quotation_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Director Jane Roe said “Walter Doe has been a treasure for science.” She described"
        " him as “a guiding force in science for decades.”"
    )
    assert [q.name for q in doc._.quotes] == ["Jane Roe", "Jane Roe"]


def test_a_quote_running_over_two_paragraphs_is_one_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We came to help the city rebuild.\n\n“And we will stay until it is done,” the envoy said."
    )
    doc = nlp(text)
    (quote,) = doc._.quotes
    assert len(quote.pieces) == 2
    assert quote.speaker.text == "the envoy"


def test_a_quote_only_paragraph_goes_on_the_quote_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We came to help,” the envoy said.\n\n“We will stay until the work is done.”"
    doc = nlp(text)
    (quote,) = doc._.quotes
    assert len(quote.pieces) == 2
    assert (quote.kind, quote.speaker.text) == ("direct", "the envoy")


def test_the_first_piece_of_a_split_quote_joins_the_cues_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("“Friends,” Jane Roe said, “this town has waited long enough for a new bridge.”")
    (quote,) = doc._.quotes
    assert len(quote.pieces) == 2
    assert quote.speaker.text == "Jane Roe"


def test_a_stance_verb_attributes_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor praised the new bridge at a rally on Monday.")
    assert [(doc.text[q.start : q.end], q.speaker.text) for q in doc._.quotes] == [
        ("the new bridge", "The mayor")
    ]


def test_a_relative_pronoun_is_the_mention_and_its_noun_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Jane Roe, who said the new bridge would open in May, left the city on Monday.")
    quote = next(q for q in doc._.quotes if q.cue is not None and q.cue.text == "said")
    assert (quote.speaker.text, quote.name) == ("who", "Jane Roe")


def test_a_speaker_never_reaches_back_over_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("10:30 a.m.\nMayor Jane Roe says the new bridge will open in May.")
    (quote,) = doc._.quotes
    assert quote.speaker.text == "Mayor Jane Roe"


# --- never crashing, offsets always true ---------------------------------------------------------

MARKS = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "''",
        "'",
        "\n\n",
        ": ",
        " said ",
        " he ",
        ", ",
        ". ",
        "[W]",
        "…",
        "― ",
    ]
)
WORDS = st.sampled_from(["We", "won", "the", "vote", "Smith", "said", "she", "believes", "that"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKS, WORDS.map(lambda w: w + " ")), max_size=40))
def test_any_text_with_stray_marks_never_raises_and_offsets_slice_back(nlp, parts) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("".join(parts))
    doc._.article_id = "x"
    for quote in quotes_from(doc):
        assert doc.text[quote.prov.start : quote.prov.end] == quote.text
        for start, end in quote.pieces:
            assert quote.prov.start <= start < end <= quote.prov.end
        if quote.cue_start is not None:
            assert doc.text[quote.cue_start : quote.cue_end] == quote.cue


def test_the_component_works_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp("“We won,” he said.")
    assert doc._.quotes == []  # no parser, no cue: nothing attributed, nothing raised


def test_reference_quotes_golden(reference, golden) -> None:  # type: ignore[no-untyped-def]
    extracted, _ = reference
    golden(
        "quotes_reference",
        [
            {
                "id": q.id,
                "kind": q.kind,
                "cue": q.cue,
                "speaker": q.speaker,
                "mention": None
                if q.speaker_start is None
                else extracted.article.text[q.speaker_start : q.speaker_end],
                "duplicate_of": q.duplicate_of,
                "text": q.text,
            }
            for q in extracted.quotes
        ],
    )


def test_a_conjunction_left_hanging_at_the_end_is_trimmed(blank: Language) -> None:
    rows = [
        ("the", True, 1, "det", "DET", "the"),
        ("plan", True, 2, "nsubj", "NOUN", "plan"),
        ("failed", False, 2, "ROOT", "VERB", "fail"),
        (",", True, 2, "punct", "PUNCT", ","),
        ("and", False, 2, "cc", "CCONJ", "and"),
    ]
    doc = parsed(blank, rows)
    start, end = trim(doc, 0, len(doc))  # type: ignore[misc]
    assert doc.text[start:end] == "the plan failed"


@given(st.lists(st.one_of(MARKS, WORDS.map(lambda w: w + " ")), max_size=60), st.booleans())
def test_stretches_are_ordered_apart_and_start_and_end_on_marks(parts, apostrophes) -> None:  # type: ignore[no-untyped-def]
    text = "".join(parts)
    found = find_stretches(text, apostrophes=apostrophes)
    for stretch in found:
        assert text[stretch.start] in "“„«\"‘'"
        assert 0 <= stretch.start < stretch.end <= len(text)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
