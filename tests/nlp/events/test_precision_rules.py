"""newsgraph_events (issue 15, precision): what is no actor, no act or no act done yet."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events.checks import TRUSTED


def shown(nlp, sentence: str, kind: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in nlp(sentence)._.events if e.type == kind and e.confidence >= TRUSTED]


@pytest.mark.parametrize(
    "sentence",
    [
        "Typhoon Marlo killed over 6,000 people in Karvia in 2013.",
        "Cyclone Ildo killed 1,000 people in Mozambique.",
        "Cholera killed 40 villagers in the Tarn valley.",
    ],
    ids=["typhoon", "cyclone", "disease"],
)
def test_a_storm_or_a_disease_is_no_attacker(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    kills = [e for e in nlp(sentence)._.events if e.type == "ASSAULT"]
    assert kills
    assert all(e.source == [] for e in kills)
    assert shown(nlp, sentence, "ASSAULT") == []


def test_an_armed_group_is_still_an_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    kills = [e for e in nlp("Acme rebels killed 40 villagers.")._.events if e.type == "ASSAULT"]
    assert [s.text for e in kills for s in e.source] == ["Acme rebels"]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("President Jon Marlow has yet to concede.", "negated"),
        ("Acme is yet to sign the deal with Globex.", "negated"),
        ("Maria Lopez said she looks forward to holding talks with Jon Marlow.", "planned"),
        ("Brazil looked forward to talks with Peru.", "planned"),
    ],
    ids=["has-yet-to", "is-yet-to", "look-forward-verb", "look-forward-noun"],
)
def test_an_act_not_yet_done_or_looked_forward_to_has_not_happened(nlp, sentence, status) -> None:  # type: ignore[no-untyped-def]
    assert [e.status for e in nlp(sentence)._.events] == [status]


@pytest.mark.parametrize(
    ("sentence", "kind", "status"),
    [
        ("Prime Minister Jon Marlow is to step down today.", "RETREAT", "planned"),
        ("Jon Marlow is to be sentenced in June.", "COERCE", "planned"),
        ("Acme Rescue requested support and equipment from Globex.", "SUPPORT", "hypothetical"),
        ("Maria Lopez asked for support from Jon Marlow.", "SUPPORT", "hypothetical"),
        ("Prime Minister Jon Marlow urged residents to evacuate.", "RETREAT", "hypothetical"),
        ("As they tried to storm parliament, police fired tear gas.", "ASSAULT", "hypothetical"),
    ],
    ids=["is-to", "is-to-be", "requested-noun", "asked-for-noun", "urged-to", "tried-to"],
)
def test_an_act_arranged_or_asked_for_has_not_happened(nlp, sentence, kind, status) -> None:  # type: ignore[no-untyped-def]
    assert [e.status for e in nlp(sentence)._.events if e.type == kind] == [status]


@pytest.mark.parametrize(
    "sentence",
    [
        "After asking for his release, Jon Marlow signed with Acme Wrestling this year.",
        "At the time of his death, Jon Marlow was signed to Acme Wrestling.",
        "Maria Lopez signed with Orbit Records in 2010.",
    ],
    ids=["signed-with", "was-signed-to", "label"],
)
def test_a_signing_with_nothing_signed_is_no_agreement(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in nlp(sentence)._.events if e.type == "AGREE"]
    assert shown(nlp, sentence, "AGREE") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Brazil and Peru signed a trade deal on Monday.",
        "The bill was signed by President Jon Marlow on Monday.",
        "The accord signed between Brazil and Peru ends the dispute.",
    ],
    ids=["object", "passive-document", "participle-of-the-document"],
)
def test_a_signing_of_a_document_is_an_agreement(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, "AGREE")


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            '"Their staff want him to resign or be impeached," tweeted Maria Lopez.',
            [],
        ),
        ('"We will meet President Jon Marlow next week," said Maria Lopez.', ["Maria Lopez"]),
        ('Maria Lopez said she was "proud to endorse Jon Marlow for president".', ["Maria Lopez"]),
    ],
    ids=["others-in-the-quote", "we", "fragment"],
)
def test_a_speaker_does_only_what_he_tells_of_himself(nlp, sentence, sources) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type not in ("RETREAT",)]
    assert events
    assert [s.text for e in events for s in e.source if s.root.pos_ == "PROPN"] == sources


def test_a_preposition_under_a_misparsed_clause_makes_no_phrasal_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "Jon Marlow, whose running mate Eric Dane spoke to the Courier in August, "
        "provided the Courier with his own plan."
    )
    assert [e for e in nlp(sentence)._.events if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('Maria Lopez called Jon Marlow a "decent man" but gave no endorsement.', "SUPPORT"),
        ('Maria Lopez called Governor John Smith "an excellent and kind man."', "SUPPORT"),
        ('Maria Lopez called Jon Marlow a "disgraceful liar".', "ACCUSE"),
        ("Maria Lopez called Jon Marlow a traitor.", "ACCUSE"),
    ],
    ids=["decent", "excellent", "liar", "traitor"],
)
def test_a_good_name_praises_and_a_bad_one_criticises(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    namings = [e for e in nlp(sentence)._.events if e.trigger.root.lemma_ == "call"]
    assert [e.type for e in namings] == [kind]


def test_a_body_named_after_a_hazard_is_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rogaland Fire and Rescue requested support from other fire departments.")
    requests = [e for e in doc._.events if e.type == "REQUEST"]
    assert [s.text for e in requests for s in e.source] == ["Rogaland Fire", "Rescue"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Dr Maria Lopez tried to warn people about the viral outbreak in December.", "THREATEN"),
        ("Governor John Smith had only reached 3 percent support in two polls.", "SUPPORT"),
        ("Opinion polls showed support for Governor John Smith at one percent.", "SUPPORT"),
        ('"She was kind, but ask Governor John Smith about her," said Maria Lopez.', "REQUEST"),
    ],
    ids=["warned-of-danger", "poll-share", "poll-at", "imperative"],
)
def test_a_trigger_in_a_sense_with_no_act_is_hidden(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in [e.type for e in nlp(sentence)._.events]
    assert shown(nlp, sentence, kind) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('"We warn the Saudis that our targets will expand," said Colonel John Smith.', "THREATEN"),
        ("Senator Maria Lopez voiced support for Governor John Smith on Monday.", "SUPPORT"),
    ],
    ids=["warning-with-a-threat", "support-voiced"],
)
def test_a_trigger_in_its_own_sense_is_shown(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, kind)


def test_a_verb_joined_to_another_triggers_infinitive_is_what_it_asks(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Maria Lopez urged locals to assist the police and deny the rebels any victory."
    assert "REQUEST" in [e.type for e in nlp(sentence)._.events]
    assert shown(nlp, sentence, "REJECT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Governor John Smith spoke with CNN on Monday. He later told CNN that he would stay.",
        "Governor John Smith talked with The New York Times, the New York Times reported.",
        "Governor John Smith spoke with the Courier, according to the Courier.",
    ],
    ids=["told", "reported", "according-to"],
)
def test_an_interview_with_an_outlet_is_no_meeting(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in [e.type for e in nlp(text)._.events]
    assert shown(nlp, text, "CONSULT") == []


def test_a_meeting_an_outlet_reports_is_a_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Governor John Smith spoke with President Maria Lopez on Monday, CNN reported."
    meetings = shown(nlp, text, "CONSULT")
    assert [t.text for e in meetings for t in e.target] == ["Maria Lopez"]


def test_an_outlet_a_story_is_according_to_does_no_act_of_force(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("According to videos and NPR, the police then shot Usman Khan.")
    assert [s.text for e in doc._.events if e.type == "ASSAULT" for s in e.source] == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            'Senate Republicans attacked the inquiry, with Senator John Smith calling it "a coup".',
            "ASSAULT",
        ),
        ("Maria Lopez is to step down today, with John Smith succeeding her as mayor.", "RETREAT"),
    ],
    ids=["with-x-calling", "with-x-succeeding"],
)
def test_the_subject_of_an_absolute_clause_is_no_target(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert events
    assert [t.text for e in events for t in e.target if t.root.ent_type_ == "PERSON"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor John Smith denied the allegations on Monday.",
        "Brazil denied that its troops had crossed the border.",
        "The charge was denied by Maria Lopez, his lawyer.",
    ],
    ids=["allegations", "that-clause", "passive"],
)
def test_a_denial_of_a_claim_is_no_refusal(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" in [e.type for e in nlp(sentence)._.events]
    assert shown(nlp, sentence, "REJECT") == []


def test_denying_someone_something_is_a_refusal(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Brazil denied Governor John Smith a visa on Monday."
    assert [t.text for e in shown(nlp, sentence, "REJECT") for t in e.target] == ["John Smith"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither Steve Dasbach nor Jess Mears would provide the Courier with an image of it.",
        "He read out a message he sent to party chairman Mark Seidenberg.",
    ],
    ids=["provide-with", "message-sent"],
)
def test_what_is_given_with_or_sent_as_a_clause_must_be_aid(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert "AID" in [e.type for e in nlp(sentence)._.events]
    assert shown(nlp, sentence, "AID") == []


def test_aid_sent_as_a_clause_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, "The aid Japan sent to Ukraine arrived on Monday.", "AID")


def test_a_retreat_told_by_where_one_went_is_a_move(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "After Jon Marlow retreated to New Mexico, he wrote songs for the band."
    assert "RETREAT" in [e.type for e in nlp(sentence)._.events]
    assert shown(nlp, sentence, "RETREAT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor John Smith withdrew from the race on Monday.",
        "Russia withdrew its troops to the border on Monday.",
    ],
    ids=["from", "object"],
)
def test_a_retreat_from_something_is_a_retreat(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, "RETREAT")


def test_a_place_in_the_sources_own_phrase_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The United States Embassy in Iraq had suspended operations on Monday.")
    suspensions = [e for e in doc._.events if e.type == "SANCTION"]
    assert suspensions
    assert [t.text for e in suspensions for t in e.target] == []


def test_where_a_thing_was_said_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Governor John Smith praised Maria Lopez's endorsement on Twitter on Monday.")
    praise = [e for e in doc._.events if e.type == "SUPPORT"]
    assert [t.text for e in praise for t in e.target] == ["Maria Lopez"]


def test_an_on_phrase_of_a_phrasal_trigger_is_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Governor John Smith called on the United Nations to act.")
    calls = [e for e in doc._.events if e.type == "REQUEST"]
    assert [t.text for e in calls for t in e.target] == ["United Nations"]


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("Governor John Smith is to be sentenced in June.", "COERCE", "John Smith"),
        ("They want Governor John Smith to resign or be impeached.", "ACCUSE", "John Smith"),
    ],
    ids=["to-be-sentenced", "or-be-impeached"],
)
def test_a_passive_sharing_a_subject_is_done_to_it(nlp, sentence, kind, target) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in nlp(sentence)._.events if e.type == kind]
    assert [t.text for e in events for t in e.target] == [target]
    assert [s.text for e in events for s in e.source] == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Western agencies believe General Jon Marlow ordered the killing of Maria Lopez.",
         "REQUEST"),
        ("Some members of the Karvian parliament want him to resign or be impeached.", "ACCUSE"),
        ("Several senators preferred an investigation by the Acme Committee.", "ACCUSE"),
        ("Many analysts think that Brazil attacked Peru last year.", "ASSAULT"),
        ("Imagine that the whole world stays silent over the Karvian attack on Peru.",
         "ASSAULT"),
        ("Senator Maria Lopez favored offering voting rights to Karvian prisoners.", "AGREE"),
    ],
    ids=["believe-that", "want-him-to", "preferred-noun", "think-that", "imagine-noun",
         "favored-gerund"],
)  # fmt: skip
def test_an_act_only_believed_or_wished_for_is_hidden(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in nlp(sentence)._.events if e.type == kind]
    assert found
    assert all(e.status == "hypothetical" for e in found)
    assert shown(nlp, sentence, kind) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("President Jon Marlow said he would prefer to agree a solution with Acme.", "AGREE"),
        ("Western agencies said General Jon Marlow ordered the killing of Maria Lopez.",
         "REQUEST"),
    ],
    ids=["own-intent", "said-not-believed"],
)  # fmt: skip
def test_an_act_told_or_intended_by_its_doer_is_shown(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Jon Marlow endorsed an audit of the Acme Reserve Bank.",
        "Senator Maria Lopez supported the removal of Karvian troops from Peru.",
    ],
    ids=["audit-of", "removal-of-from"],
)
def test_backing_a_policy_on_someone_backs_no_one(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    backed = [e for e in nlp(sentence)._.events if e.type == "SUPPORT"]
    assert [t.text for e in backed for t in e.target]
    assert shown(nlp, sentence, "SUPPORT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Jon Marlow endorsed Maria Lopez for governor.",
        "Senator Jon Marlow backed Maria Lopez's plan.",
        "Senator Jon Marlow supported urgent reconstruction assistance for Peru.",
    ],
    ids=["person", "possessor", "for-whom"],
)
def test_backing_someone_or_their_plan_is_support(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, "SUPPORT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Maria Lopez agreed with the nationalization of the Acme Reserve Bank.",
        "Jon Marlow agreed with Maria Lopez, saying that jobs matter more.",
    ],
    ids=["with-a-thing", "with-a-person"],
)
def test_agreeing_with_someone_on_nothing_is_an_opinion(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in nlp(sentence)._.events if e.type == "AGREE"]
    assert shown(nlp, sentence, "AGREE") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Brazil agreed with Peru on a shared maritime border.",
        "Brazil agreed with Peru to end the border dispute.",
    ],
    ids=["on-a-thing", "to-do"],
)
def test_agreeing_with_someone_on_or_to_something_is_an_agreement(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    assert shown(nlp, sentence, "AGREE")


@pytest.mark.parametrize(
    "sentence",
    [
        "President Jon Marlow was reported to have met Maria Lopez in Rome.",
        "President Jon Marlow is said to have met Maria Lopez in Rome.",
    ],
    ids=["reported-to-have", "said-to-have"],
)
def test_who_is_said_to_have_done_an_act_did_it(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    meetings = [e for e in nlp(sentence)._.events if e.type == "CONSULT"]
    assert [s.text for e in meetings for s in e.source] == ["Jon Marlow"]
    assert [t.text for e in meetings for t in e.target] == ["Maria Lopez"]


def test_a_visit_needs_someone_visited(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Senator Jon Marlow and Maria Lopez visited the hospital on Monday."
    assert [e for e in nlp(sentence)._.events if e.type == "CONSULT"]
    assert shown(nlp, sentence, "CONSULT") == []
    assert shown(nlp, "Senator Jon Marlow visited Maria Lopez on Monday.", "CONSULT")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Senator Maria Lopez criticized any space agency as militaristic.", "ACCUSE"),
        ("Senator Maria Lopez said no country had condemned Peru.", "ACCUSE"),
    ],
    ids=["any", "no"],
)
def test_no_one_in_particular_is_no_party(nlp, sentence, kind) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in nlp(sentence)._.events if e.type == kind]
    assert found
    parties = [p.root.lower_ for e in found for p in (*e.source, *e.target)]
    assert "agency" not in parties and "country" not in parties


def test_a_particular_body_stays_a_party(nlp) -> None:  # type: ignore[no-untyped-def]
    found = nlp("Senator Maria Lopez criticized the space agency as militaristic.")._.events
    assert [t.root.lower_ for e in found if e.type == "ACCUSE" for t in e.target] == ["agency"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Since then, a Republican, Jon Marlow, has publicly voiced support for Maria Lopez.",
         "Jon Marlow"),
        ("A Democrat, Maria Lopez, praised Jon Marlow on Monday.", "Maria Lopez"),
    ],
    ids=["republican", "democrat"],
)  # fmt: skip
def test_a_party_member_beside_a_name_is_that_person(nlp, sentence, source) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in nlp(sentence)._.events if e.type == "SUPPORT"]
    assert [s.text for e in found for s in e.source] == [source]


def test_an_act_someone_did_not_say_was_done_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    unsaid = "General Jon Marlow did not say he had ordered the arrest of Maria Lopez."
    assert [e for e in nlp(unsaid)._.events if e.type == "REQUEST"] == []
    said = "General Jon Marlow said he had ordered the arrest of Maria Lopez."
    assert [e for e in nlp(said)._.events if e.type == "REQUEST"]
