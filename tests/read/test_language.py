"""The reader's language identification: English lists and tables stay English, and other
languages are still found (tests/read/other_languages.jsonl: news paragraphs written for these
tests, a results table in French, German, Spanish and Italian among them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import ReadError
from newsgraph.read import read_paths
from newsgraph.read.language import article_language, guess_language

OTHER_LANGUAGES = [
    json.loads(line)
    for line in (Path(__file__).parent / "other_languages.jsonl").read_text("utf-8").splitlines()
]

# Wire copy in the shape the old stopword test called not English (made up, CoNLL-like).
RESULTS_TABLE = """ATHLETICS - ZURICH MEETING RESULTS .
ZURICH 1996-08-14
Leading results at the Zurich athletics meeting on Wednesday :
Men 's 100 metres
1. Donovan Bailey ( Canada ) 9.98 seconds
2. Frankie Fredericks ( Namibia ) 10.02
3. Ato Boldon ( Trinidad ) 10.05
4. Dennis Mitchell ( U.S. ) 10.09
Women 's 400 metres
1. Marie-Jose Perec ( France ) 49.80
2. Cathy Freeman ( Australia ) 49.97"""
MARKET_REPORT = """Frankfurt stocks close higher , DAX up 0.8 pct .
FRANKFURT 1996-08-22
DAX 2,558.41 +20.35
Bayer 55.20 +0.40 ; BASF 43.10 +0.25 ; Hoechst 53.45 -0.10 ; Siemens 80.30 +1.05
Deutsche Bank 71.20 +0.80 ; Dresdner 39.15 +0.35 ; Commerzbank 33.40 +0.20
Volume 5.2 billion marks .
Dealers said the market was helped by a firmer dollar and hopes of lower interest rates ."""


@pytest.mark.parametrize(
    "row",
    OTHER_LANGUAGES,
    ids=[f"{row['language']}-{i}" for i, row in enumerate(OTHER_LANGUAGES)],
)
def test_news_in_another_language_is_found_as_that_language(row: dict[str, str]) -> None:
    assert guess_language(row["text"]) == row["language"]


@pytest.mark.parametrize(
    "text", [RESULTS_TABLE, MARKET_REPORT], ids=["results-table", "market-report"]
)
def test_english_results_and_tables_are_english(text: str) -> None:
    assert guess_language(text) == "en"


def test_an_english_table_is_english_whatever_the_page_declares() -> None:
    assert article_language(RESULTS_TABLE, "de") == "en"


def test_other_languages_are_reported_not_english_by_the_reader(tmp_path: Path) -> None:
    dump = tmp_path / "mixed.jsonl"
    rows = [{"id": f"x{i}", "text": row["text"]} for i, row in enumerate(OTHER_LANGUAGES)]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors: list[ReadError] = []
    assert list(read_paths([dump], on_error=errors.append)) == []
    assert {e.reason for e in errors} == {"not-english"}
    assert len(errors) == len(OTHER_LANGUAGES)


@pytest.mark.slow
def test_no_conll2003_dev_document_is_reported_not_english(shared: Path) -> None:
    errors: list[ReadError] = []
    articles = list(read_paths([shared / "data" / "conll2003_dev.jsonl"], on_error=errors.append))
    assert [e for e in errors if e.reason == "not-english"] == []
    assert len(articles) >= 200  # 216 documents (and one empty record), less exact repeats
