"""Quotation marks: the quoted stretches of a text, pure functions over text."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.nlp.pipeline import DEFAULT_MODEL
from newsgraph.nlp.quotes.marks import find_stretches, uses_apostrophe_quotes


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_stretches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We won,” he said.", ["“We won,”"]),
        ('"We won," he said.', ['"We won,"']),
        ("“A,” he said, “B.”", ["“A,”", "“B.”"]),
        ("He called it ‘a very bad day for us all’ today.", ["‘a very bad day for us all’"]),
        ("France’s army and the ministry’s view.", []),
        ("“We won, he said.", []),
        ("He said ” oddly.", []),
        ("“First part.\n\n“Second part,” she said.", ["“First part.", "“Second part,”"]),
    ],
    ids=[
        "curly",
        "straight",
        "split-around-cue",
        "british-single",
        "apostrophes-are-not-quotes",
        "unclosed-dropped",
        "stray-closing-mark",
        "multi-paragraph",
    ],
)
def test_quoted_stretches(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_multi_paragraph_quote_is_open_at_the_first_paragraph_end() -> None:
    first, second = find_stretches("“First part.\n\n“Second part,” she said.")
    assert (first.closed, second.closed) == (False, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We won,'' he said.", ["''We won,''"]),
        ("''A,'' he said. ''B.''", ["''A,''", "''B.''"]),
        ("''First part.\n\n''Second part,'' she said.", ["''First part.", "''Second part,''"]),
        ("It's the voters' choice, isn't it?", []),
    ],
    ids=["pair", "split-around-cue", "multi-paragraph", "apostrophes-alone"],
)
def test_two_apostrophes_are_a_double_mark_when_asked(text: str, expected: list[str]) -> None:
    found = find_stretches(text, apostrophes=True)
    assert [text[s.start : s.end] for s in found] == expected
    assert spans(text) == []  # not unless asked: the scan alone reads them as apostrophes


@pytest.mark.parametrize(
    ("text", "uses"),
    [
        ("''We won,'' he said. ''Now we govern.''", True),
        ("Officials said the plan ''is dead'' and walked out.", True),
        ("''A long road.\n\n''It ends here,'' she said.", True),
        ("The Joneses'' house was sold, O'Neill's lawyer said.", False),  # a possessive typo
        ("It's the voters' choice, isn't it? D'Artagnan's 'men' said so.", False),
        ("''We won,'' he said. “We govern now,” she said.", False),  # curly marks compete
        ("''Fine,'' he said. \"Really,\" she said.", False),  # straight marks compete
        ("Nothing is quoted here at all.", False),
    ],
    ids=[
        "quotes",
        "partial-quote",
        "multi-paragraph",
        "possessive",
        "apostrophe-names",
        "both-marks-curly",
        "both-marks-straight",
        "none",
    ],
)
def test_an_article_uses_apostrophe_quotes_only_when_no_other_marks_compete(
    text: str, uses: bool
) -> None:
    assert uses_apostrophe_quotes(text) is uses


@pytest.mark.parametrize(
    ("setting", "text", "kind"),
    [
        (
            None,
            "''The plan is dead and everybody knows it,'' Ortiz said. ''We start again.''",
            "direct",
        ),
        (
            True,
            "''The plan is dead and everybody knows it,'' Ortiz said. ''We start again.''",
            "direct",
        ),
        (
            False,
            "''The plan is dead and everybody knows it,'' Ortiz said. ''We start again.''",
            None,
        ),
        (None, "“The plan is dead,” Ortiz said, and the Joneses'' lawyer agreed.", "direct"),
    ],
    ids=["detected", "forced-on", "forced-off", "other-marks-win"],
)
def test_archive_quotes_follow_the_setting(
    setting: bool | None, text: str, kind: str | None
) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsgraph_quotes", config={"apostrophe_quotes": setting})
    quotes = nlp(text)._.quotes
    if kind is None:  # read as apostrophes: no quoted stretch, so no direct quote
        assert all(q.kind != "direct" for q in quotes)
        return
    (quote,) = quotes
    assert (quote.kind, quote.speaker.text) == (kind, "Ortiz")


def test_short_british_single_quotes_are_scare_quotes() -> None:
    assert spans("They called it the ‘Big Bad’ again.") == []
