"""The one set of resource readers, and every word list a component names being a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.nlp.pipeline import DEFAULT_COMPONENTS  # importing it registers the factories
from newsgraph.nlp.readers import RESOURCES, load_pairs, load_synonyms, load_words, read_table


def test_a_word_list_is_lower_case_without_comments_or_blanks(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("# a comment\nSay  # trailing\n\n  Tell\n", encoding="utf-8")
    assert load_words(str(path)) == {"say", "tell"}


def test_a_table_drops_comments_and_strips_cells(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    path.write_text("# code\tname\nUS\t United States \n\n  # indented comment\nFR\n", "utf-8")
    assert read_table(str(path)) == [["US", "United States"], ["FR"]]


def test_pairs_pad_a_missing_kind_or_value(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("Dozen\tnumber\t12\nscores\tvague\n", encoding="utf-8")
    assert load_pairs(str(path)) == {"dozen": ("number", "12"), "scores": ("vague", "")}


def test_synonyms_map_a_word_to_what_it_may_stand_for(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.txt"
    path.write_text("premier = prime, minister\npremier = premier\n", encoding="utf-8")
    assert load_synonyms(str(path)) == {"premier": frozenset({"prime", "minister", "premier"})}


@pytest.mark.parametrize("component", DEFAULT_COMPONENTS)
def test_every_resource_a_component_names_is_a_file(component: str) -> None:
    config = Language.get_factory_meta(component).default_config
    names = [v for v in config.values() if isinstance(v, str) and v.endswith((".txt", ".tsv"))]
    assert names, f"{component} names no resource"
    assert [n for n in names if not (RESOURCES / n).is_file()] == []
