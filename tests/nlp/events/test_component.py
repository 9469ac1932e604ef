"""newsgraph_events: triggers, actors, places, status and statements."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.nlp.events.actors import subject
from newsgraph.nlp.events.checks import TRUSTED
from newsgraph.nlp.events.frames import reflexive
from newsgraph.nlp.events.kinds import actor_kind, in_hyphenated_word
from newsgraph.nlp.events.plover import PLOVER_TYPES, load_lexicon


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon(
        "plover_events.tsv",
        "plover_roles.tsv",
        "cameo_verbs.tsv",
        "cameo_skips.txt",
        "plover_statements.tsv",
        "actor_nouns.txt",
        "actor_groups.txt",
    )


def built(nlp, words, heads, deps, pos, lemmas, ents=None) -> Doc:  # type: ignore[no-untyped-def]
    """A Doc with a hand-set parse: the rules are tested, not the model."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)  # fmt: skip
    doc._.entities, doc._.dates = [], []
    return doc


def test_every_lexicon_type_is_plover(lexicon) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for entries in lexicon.entries.values() for e in entries}
    assert types == set(PLOVER_TYPES)


def test_met_with_three_people_gives_one_event_with_three_targets(nlp) -> None:  # type: ignore[no-untyped-def]
    # Smith met with Jones , Brown and Green in Paris .
    doc = built(
        nlp,
        ["Smith", "met", "with", "Jones", ",", "Brown", "and", "Green", "in", "Paris", "."],
        [1, 1, 1, 2, 3, 3, 5, 5, 1, 8, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "conj", "cc", "conj", "prep", "pobj", "punct"],
        [
            "PROPN",
            "VERB",
            "ADP",
            "PROPN",
            "PUNCT",
            "PROPN",
            "CCONJ",
            "PROPN",
            "ADP",
            "PROPN",
            "PUNCT",
        ],
        ["Smith", "meet", "with", "Jones", ",", "Brown", "and", "Green", "in", "Paris", "."],
        ents=[
            "B-PERSON",
            "O",
            "O",
            "B-PERSON",
            "O",
            "B-PERSON",
            "O",
            "B-PERSON",
            "O",
            "B-GPE",
            "O",
        ],
    )
    events = nlp.get_pipe("newsgraph_events")(doc)._.events
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "meeting")]
    assert [[s.text for s in e.source] for e in events] == [["Smith"]]
    assert [[t.text for t in e.target] for e in events] == [["Jones", "Brown", "Green"]]
    assert {e.place.text for e in events if e.place} == {"Paris"}
    assert {e.status for e in events} == {"happened"}


def test_passive_subject_is_the_target_and_by_agent_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    # Villagers were attacked by rebels .
    doc = built(
        nlp,
        ["Villagers", "were", "attacked", "by", "rebels", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        ["villager", "be", "attack", "by", "rebel", "."],
    )
    (event,) = nlp.get_pipe("newsgraph_events")(doc)._.events
    assert event.type == "ASSAULT"
    assert [s.text for s in event.source] == ["rebels"]
    assert [t.text for t in event.target] == ["Villagers"]


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target", "place", "status"),
    [
        (
            "The minister met with the rebels in Nairobi.",
            "CONSULT",
            "minister",
            "rebels",
            "Nairobi",
            "happened",
        ),
        (
            "The president will travel to Lagos next week.",
            "CONSULT",
            "president",
            None,
            "Lagos",
            "planned",
        ),
        (
            "Police arrested 12 protesters in Cairo on Monday.",
            "COERCE",
            "Police",
            "protesters",
            "Cairo",
            "happened",
        ),
        ("Germany rejected calls by Poland for aid.", "REJECT", "Germany", None, None, "happened"),
        (
            "The rebels threatened to attack Kano.",
            "THREATEN",
            "rebels",
            "Kano",
            None,
            "happened",
        ),
        ("France imposed sanctions on Iran.", "SANCTION", "France", "Iran", None, "happened"),
        (
            "The rebels said they would release the hostages.",
            "AGREE",
            "rebels",
            "hostages",
            None,
            "planned",
        ),
        (
            "The envoy said the government must withdraw its troops.",
            "REQUEST",
            "envoy",
            "government",
            None,
            "happened",
        ),
    ],
    ids=[
        "met-with",
        "will-travel",
        "arrested",
        "rejected",
        "threatened-to",
        "sanctions-on",
        "said-would",
        "said-must",
    ],
)
def test_real_sentences(nlp, sentence, kind, source, target, place, status) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert events, [(e.type, e.trigger.text) for e in nlp(sentence)._.events]
    event = events[0]
    assert [s.text for s in event.source] == [source]
    if target is not None:
        assert target in [t.text for t in event.target]
    assert (event.place.text if event.place else None) == place
    assert event.status == status


def test_negated_events_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in nlp("The rebels did not attack the town.")._.events] == []


def test_a_ceasefire_without_parties_takes_those_of_the_fighting(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Weeks of fighting between Ruritania and Freedonia ended. The ceasefire held.")
    truce = [e for e in doc._.events if e.mode == "ceasefire"]
    assert [s.text for s in truce[0].source] == ["Ruritania", "Freedonia"]


def monday_doc(nlp, words, heads, deps, pos, lemmas, monday: int) -> Doc:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.nlp.dates import DateSpan

    ents = ["B-DATE" if i == monday else "O" for i in range(len(words))]
    doc = built(nlp, words, heads, deps, pos, lemmas, ents=ents)
    day = date(2027, 5, 24)
    doc._.dates = [DateSpan(span=doc[monday : monday + 1], start=day, end=day, tense="past")]
    return doc


def test_a_date_on_a_verb_of_saying_does_not_date_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # Officials said on Monday that rebels attacked the town .
    doc = monday_doc(
        nlp,
        ["Officials", "said", "on", "Monday", "that", "rebels", "attacked", "the", "town", "."],
        [1, 1, 1, 2, 6, 6, 1, 8, 6, 1],
        ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "det", "dobj", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "SCONJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        ["official", "say", "on", "Monday", "that", "rebel", "attack", "the", "town", "."],
        monday=3,
    )
    (event,) = nlp.get_pipe("newsgraph_events")(doc)._.events
    assert (event.type, event.date) == ("ASSAULT", None)


def test_a_date_in_the_events_clause_dates_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # Rebels attacked the town on Monday .
    doc = monday_doc(
        nlp,
        ["Rebels", "attacked", "the", "town", "on", "Monday", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["rebel", "attack", "the", "town", "on", "Monday", "."],
        monday=5,
    )
    (event,) = nlp.get_pipe("newsgraph_events")(doc)._.events
    assert event.date is not None and event.date.span.text == "Monday"


def test_an_infinitive_hung_on_a_place_takes_the_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # The envoy will travel to Cairo and Amman , to meet the king . ("to meet" parsed as a
    # relative clause of "Amman", as the small model does)
    doc = built(
        nlp,
        ["The", "envoy", "will", "travel", "to", "Cairo", "and", "Amman", ",", "to", "meet",
         "the", "king", "."],
        [1, 3, 3, 3, 3, 4, 3, 3, 7, 10, 7, 12, 10, 3],
        ["det", "nsubj", "aux", "ROOT", "prep", "pobj", "cc", "conj", "punct", "aux", "relcl",
         "det", "dobj", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "PART", "VERB",
         "DET", "NOUN", "PUNCT"],
        ["the", "envoy", "will", "travel", "to", "cairo", "and", "amman", ",", "to", "meet",
         "the", "king", "."],
    )  # fmt: skip
    agent, _ = subject(doc[10])
    assert agent is not None and agent.text == "envoy"


def shown_types(nlp, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in nlp(sentence)._.events if e.confidence >= TRUSTED]


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Maria Lopez attacked Governor John Smith during the debate.",
        "Democrats continued to attack Governor John Smith on his taxes.",  # a party
        "Senator Maria Lopez attacked the media for its coverage.",  # a thing, no target
    ],
    ids=["people", "party", "a-thing"],
)
def test_an_attack_of_named_people_is_in_words(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    types = shown_types(nlp, sentence)
    assert "ACCUSE" in types
    assert "ASSAULT" not in types


def test_an_attack_of_gunmen_is_an_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    types = [e.type for e in nlp("Gunmen attacked Senator Maria Lopez in Kabul.")._.events]
    assert "ASSAULT" in types
    assert "ACCUSE" not in types


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor John Smith delivered a speech in Boston on Monday.",  # a thing, no recipient
        "A truck collision killed Maria Lopez on Monday.",  # no actor did it
        "Police arrested three protesters on Monday.",  # no named party
    ],
    ids=["speech", "collision", "unnamed"],
)
def test_events_of_another_sense_or_no_named_party_are_hidden(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in nlp(sentence)._.events if e.type in ("AID", "ASSAULT", "COERCE")]
    assert [t for t in shown_types(nlp, sentence) if t in ("AID", "ASSAULT", "COERCE")] == []


def test_an_infinitive_of_another_trigger_is_what_it_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    types = shown_types(nlp, "France and Germany agreed to support the Italian plan.")
    assert "AGREE" in types
    assert "SUPPORT" not in types


def test_the_person_of_in_person_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Maria Lopez met voters in-person.")
    person = next(t for t in doc if t.lower_ == "person")
    assert in_hyphenated_word(person)
    assert actor_kind(doc[person.i : person.i + 1], frozenset({"person"})) is None


def test_a_preposition_said_again_starts_another_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "Later on Monday Maria Lopez met with the World Bank, then with President John Smith."
    )
    meetings = [e for e in nlp(sentence)._.events if e.type == "CONSULT"]
    assert [[t.text for t in e.target] for e in meetings] == [["World Bank"], ["John Smith"]]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Maria Lopez asked whether the city was part of the state.", "REQUEST"),  # a question
        ("Maria Lopez asked President John Smith about the scandal.", "REQUEST"),  # a question
        ("John Smith called it a disaster.", "ACCUSE"),  # a name for an unnamed thing
        ("Brazil brokered a cease-fire agreement on Monday.", "AGREE"),  # an agreement of one
        ("Maria Lopez fully supports abortion rights.", "SUPPORT"),  # a position, no recipient
    ],
    ids=["asked-whether", "asked-about", "called-it", "one-party-agreement", "position"],
)
def test_words_that_do_not_make_the_act_are_hidden(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in [e.type for e in nlp(sentence)._.events]
    assert kind not in shown_types(nlp, sentence)


def test_agent_nouns_are_heads_before_a_preposition() -> None:
    from newsgraph.nlp.readers import load_words

    agents = load_words("agent_nouns.txt")  # "prisoner of war", "center for human rights"
    assert {"prisoner", "center"} <= agents
    assert not {"war", "rights", "for"} & agents


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("Judge Maria Lopez sentenced John Smith to life in prison.", "COERCE", "John Smith"),
        ("John Smith was impeached by the House in 1998.", "ACCUSE", "John Smith"),
        ("The committee subpoenaed John Smith.", "REQUEST", "John Smith"),
    ],
    ids=["sentenced", "impeached", "subpoenaed"],
)
def test_legal_acts_of_the_standard_are_events(nlp, sentence, kind, target) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind and e.confidence >= TRUSTED]
    assert [[t.text for t in e.target] for e in events] == [[target]]


def test_a_participles_date_is_not_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Born in Boston on June 23, 1941, Maria Lopez met John Smith. She praised him.")
    assert [e.date for e in doc._.events] == [None] * len(doc._.events)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Maria Lopez pled not guilty to the charges on Monday.", "REQUEST"),  # a plea
        ("Governor John Smith warned of potential flash floods.", "THREATEN"),  # no one threatened
        ("Governor John Smith signed a decree banning the burqa.", "AGREE"),  # no agreement
        ("President Maria Lopez offered her condolences.", "AGREE"),
    ],
    ids=["pled-not-guilty", "warned-of", "signed-decree", "offered-condolences"],
)
def test_a_trigger_in_its_other_frame_is_hidden(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in [e.type for e in nlp(sentence)._.events]
    assert kind not in shown_types(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Maria Lopez pleaded with President John Smith for mercy.", "REQUEST"),
        ("Iran warned the Saudis that the attacks would continue.", "THREATEN"),
        ("Iran threatened to close the Strait of Hormuz.", "THREATEN"),
        ("France and Germany signed a trade agreement on Monday.", "AGREE"),
    ],
    ids=["pleaded-with", "warned-someone", "threatened-to", "signed-agreement"],
)
def test_a_trigger_in_its_own_frame_is_shown(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in shown_types(nlp, sentence)


def test_an_act_of_a_party_on_itself_is_hidden(nlp) -> None:  # type: ignore[no-untyped-def]
    # "her" read as the accuser (the last woman named): source and target are one person
    doc = nlp("Maria Lopez lashed out at the mayor, accusing her of lying.")
    event = next(e for e in doc._.events if e.type == "ACCUSE")
    event.target = list(event.source)
    assert reflexive(event)
    event.target = [doc[6:7]]  # "mayor"
    assert not reflexive(event)


@pytest.mark.parametrize(
    "sentence",
    [
        "John Smith called off the search late on Tuesday.",  # "on Tuesday" is no "call on"
        "The Associated Press called Nevada for Joe Biden.",  # "for Biden" is no "call for"
    ],
    ids=["called-off-on", "called-x-for"],
)
def test_a_preposition_after_the_object_makes_no_phrasal_trigger(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in [e.type for e in nlp(sentence)._.events]


@pytest.mark.parametrize(
    "sentence",
    ["Maria Lopez called for an investigation on Tuesday.", "Maria Lopez called on Iran to stop."],
    ids=["called-for", "called-on"],
)
def test_a_preposition_right_after_the_verb_makes_a_phrasal_trigger(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in shown_types(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "kind", "subject"),
    [
        ("John Smith appeared in court after his arrest on Friday.", "COERCE", "John Smith"),
        ("The Armenians were retaliating against missile attacks.", "ASSAULT", "Armenians"),
    ],
    ids=["after-his-arrest", "against-attacks"],
)
def test_a_clause_subject_is_no_party_to_its_circumstance(nlp, sentence, kind, subject) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert [s.text for e in events for s in e.source if s.text == subject] == []


def test_a_persons_arrest_is_done_to_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The federation released a statement addressing Maria Lopez's arrest.")
    arrests = [e for e in doc._.events if e.type == "COERCE"]
    assert [([s.text for s in e.source], [t.text for t in e.target]) for e in arrests] == [
        ([], ["Maria Lopez"])
    ]


def test_a_name_is_an_actor_whatever_its_tag(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.nlp.events.actors import actor_spans

    # Biden attacked Trump .   ("Trump" mistagged as an adverb)
    doc = built(
        nlp,
        ["Biden", "attacked", "Trump", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "ADV", "PUNCT"],
        ["Biden", "attack", "trump", "."],
        ents=["B-PERSON", "O", "B-PERSON", "O"],
    )
    assert [s.text for s in actor_spans([doc[2]], lexicon)] == ["Trump"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Maria Lopez sought the Democratic nomination in 2019.",
        "The Taliban seeks to retake control of Kabul.",
    ],
    ids=["sought-a-thing", "seeks-to"],
)
def test_seeking_from_no_one_is_no_request(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in [e.type for e in nlp(sentence)._.events]


def test_seeking_from_someone_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in shown_types(nlp, "Ukraine sought weapons from Germany on Monday.")


@pytest.mark.parametrize(
    ("sentence", "kind", "status"),
    [
        ("John Smith is eligible to visit Iran next year.", "CONSULT", "hypothetical"),
        ("Ghana made a bid to host President Maria Lopez in March.", "CONSULT", "hypothetical"),
        ("The senators want John Smith to resign.", "RETREAT", "hypothetical"),
        ("Maria Lopez decided to resign on Monday.", "RETREAT", "happened"),
    ],
    ids=["eligible-to", "bid-to", "want-him-to", "decided-to"],
)
def test_an_act_only_possible_or_wished_has_not_happened(nlp, sentence, kind, status) -> None:  # type: ignore[no-untyped-def]
    assert [e.status for e in nlp(sentence)._.events if e.type == kind] == [status]


def test_a_plea_of_guilty_is_an_admission(nlp) -> None:  # type: ignore[no-untyped-def]
    types = shown_types(nlp, "John Smith pleaded guilty to fraud at the district court.")
    assert "CONCEDE" in types
    assert "REQUEST" not in types


def test_a_retreat_is_of_forces_people_or_oneself(nlp) -> None:  # type: ignore[no-untyped-def]
    warnings = "The Bahamian government withdrew its storm warnings on Saturday."
    assert "RETREAT" in [e.type for e in nlp(warnings)._.events]
    assert "RETREAT" not in shown_types(nlp, warnings)
    assert "RETREAT" in shown_types(nlp, "Russia withdrew its troops from Syria on Saturday.")


def test_an_arrest_warrant_threatens_an_arrest_not_made(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran issued arrest warrants for 36 people on Monday.")
    types = [e.type for e in doc._.events]
    assert "COERCE" not in types
    assert "THREATEN" in shown_types(nlp, "Iran issued arrest warrants for 36 people on Monday.")


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Maria Lopez and John Smith agreed that vaccines do more good than harm.", False),
        ("Turkey and Libya agreed on a maritime border on Wednesday.", True),
        ('Maria Lopez said: "I pledge that I will pick a woman as my deputy."', True),
    ],
    ids=["agreed-that", "agreed-on", "pledge-that"],
)
def test_agreeing_with_a_statement_is_an_opinion(nlp, sentence, shown) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in nlp(sentence)._.events if e.type == "AGREE"]
    assert ("AGREE" in shown_types(nlp, sentence)) is shown


def test_the_subject_of_a_participle_clause_is_the_one_it_is_done_to(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("When asked to resign, Governor John Smith refused on Monday.")
    requests = [e for e in doc._.events if e.type == "REQUEST"]
    assert [([s.text for s in e.source], [t.text for t in e.target]) for e in requests] == [
        ([], ["John Smith"])
    ]


def test_the_subject_of_a_clause_met_those_of_a_meeting_it_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Maria Lopez spoke to reporters following a meeting with John Smith in Paris.")
    meetings = [e for e in doc._.events if e.type == "CONSULT"]
    assert [[s.text for s in e.source] for e in meetings] == [["Maria Lopez"]]


def test_an_act_said_to_be_none_is_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The United States has indicated no support will come without reform in Syria.")
    assert [e.status for e in doc._.events if e.type == "SUPPORT"] == ["negated"]


def test_a_trigger_naming_the_kind_of_a_body_is_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Supreme Court is the final court of appeal on all civil matters in Britain.")
    assert "REQUEST" not in [e.type for e in doc._.events]


@pytest.mark.parametrize(
    ("sentence", "kind", "victim"),
    [
        ("Maria Lopez died on Tuesday after being shot in her car.", "ASSAULT", "Maria Lopez"),
        ("Tunisia is facing terrorist attacks this year.", "ASSAULT", "Tunisia"),
        ("In 2019 John Smith survived a drone attack in Aden.", "ASSAULT", "John Smith"),
    ],
    ids=["after-being-shot", "facing-attacks", "survived-an-attack"],
)
def test_who_undergoes_an_act_is_its_target(nlp, sentence, kind, victim) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert [([s.text for s in e.source], [t.text for t in e.target]) for e in events] == [
        ([], [victim])
    ]


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("The crash was investigated by the National Transportation Safety Board.", False),
        ("The FBI began investigations of the crash on Monday.", False),
        ("The FBI began an investigation of John Smith on Monday.", True),
    ],
    ids=["crash-investigated", "investigations-of-the-crash", "investigation-of-a-person"],
)
def test_an_inquiry_into_a_thing_accuses_no_one(nlp, sentence, shown) -> None:  # type: ignore[no-untyped-def]
    assert "ACCUSE" in [e.type for e in nlp(sentence)._.events]
    assert ("ACCUSE" in shown_types(nlp, sentence)) is shown


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("The University of Cambridge hosted a program about rehabilitation at a hall.", False),
        ("President Maria Lopez mediated an end to the conflict between Israel and Egypt.", True),
    ],
    ids=["hosting-a-program", "mediated-an-end"],
)
def test_hosting_a_thing_is_no_meeting(nlp, sentence, shown) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in [e.type for e in nlp(sentence)._.events]
    assert ("CONSULT" in shown_types(nlp, sentence)) is shown


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The church group had been travelling from Louisiana to Walt Disney World.", None),
        ("President Maria Lopez paid a visit to Chancellor John Smith in Berlin.", "John Smith"),
    ],
    ids=["to-a-resort", "to-a-person"],
)
def test_where_a_visit_goes_is_a_person_or_a_state(nlp, sentence, target) -> None:  # type: ignore[no-untyped-def]
    events = nlp(sentence)._.events
    visits = [e for e in events if e.type == "CONSULT" and e.confidence >= TRUSTED]
    assert [t.text for e in visits for t in e.target] == ([target] if target else [])


def test_asking_someone_for_something_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in shown_types(nlp, "Maria Lopez asked President John Smith for help.")


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target"),
    [
        ("Governor John Smith was also praised in the West.", "SUPPORT", [], ["John Smith"]),
        (
            "John Smith was held in contempt for refusing to hand over the documents.",
            "REJECT",
            ["John Smith"],
            [],
        ),
        (
            "Speaking in parliament, Maria Lopez was interrupted by protesting legislators.",
            "PROTEST",
            [],
            ["Maria Lopez"],
        ),
    ],
    ids=["was-praised", "held-for-refusing", "interrupted-by-protesting"],
)
def test_a_clause_voice_gives_its_subject_a_role(nlp, sentence, kind, source, target) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert [([s.text for s in e.source], [t.text for t in e.target]) for e in events] == [
        (source, target)
    ]


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Senator Maria Lopez left the campaign trail to prepare for the debate.", False),
        ("Russia prepared troops for an attack on Ukraine.", True),
    ],
    ids=["prepare-for-a-debate", "prepared-troops"],
)
def test_a_mobilization_is_of_or_for_force(nlp, sentence, shown) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in [e.type for e in nlp(sentence)._.events]
    assert ("MOBILIZE" in shown_types(nlp, sentence)) is shown
