"""read_paths: every file of a folder once, each text once, English only."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.language import article_language, guess_language, normalise_language

GERMAN = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte beschlossen, die alte Brücke über "
    "den Fluss im kommenden Frühjahr abzureißen. Die Bürgermeisterin sagte, die Kosten für eine "
    "Sanierung seien zu hoch, und der Neubau solle in zwei Jahren fertig sein."
)
ENGLISH = (
    "The city council decided on Tuesday, after a long debate, to demolish the old bridge over "
    "the river next spring. The mayor said the cost of repairs was too high and that the new "
    "bridge should be finished within two years."
)


def test_the_examples_folder_gives_each_article_once(corpus: dict[str, Path]) -> None:
    errors: list[ReadError] = []
    articles = list(read_paths([corpus["jsonl"].parent], on_error=errors.append))
    assert len(articles) == 21  # 20 Wikinews articles in four formats, and the reference
    assert len({a.content_hash for a in articles}) == 21
    assert {e.reason for e in errors} == {"duplicate"}
    assert len(errors) == 3 * 20
    assert all(e.record or e.source.endswith(".html") for e in errors)


def test_an_exact_duplicate_is_reported_once_per_copy(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ENGLISH if name != "b.txt" else "  " + ENGLISH.upper())
    errors: list[ReadError] = []
    articles = list(read_paths([tmp_path], on_error=errors.append))
    assert [a.source for a in articles] == [str(tmp_path / "a.txt")]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("b.txt", "duplicate"),
        ("c.txt", "duplicate"),
    ]
    assert str(tmp_path / "a.txt") in errors[0].detail


def test_a_non_english_article_is_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN)
    (tmp_path / "en.txt").write_text(ENGLISH)
    errors: list[ReadError] = []
    articles = list(read_paths([tmp_path], on_error=errors.append))
    assert [a.language for a in articles] == ["en"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [("de.txt", "not-english")]


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (GERMAN, "de"), ("Too short to tell.", None)],
    ids=["english", "german", "short"],
)
def test_the_english_guess(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_declared_languages_are_normalised() -> None:
    assert normalise_language("en-GB") == "en"
    assert normalise_language(" FR_ca ") == "fr"
    for not_a_language in ("", "x-default", "und", "*"):
        assert normalise_language(not_a_language) is None


@pytest.mark.parametrize(
    ("text", "declared", "language"),
    [
        (ENGLISH, "de", "en"),  # a site template that declares one language for every page
        (GERMAN, "en", "en"),  # the declaration is believed where the test does not say English
        (GERMAN, None, "de"),
        (GERMAN, "de-AT", "de"),
        ("Short.", "x-default", None),
    ],
    ids=["english-declared-german", "declared-english", "undeclared", "declared-german", "short"],
)
def test_the_language_of_an_article(text: str, declared: str | None, language: str | None) -> None:
    assert article_language(text, declared) == language
