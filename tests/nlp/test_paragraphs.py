"""newsgraph_paragraphs: sentence starts at line breaks, kept by the parser."""

from __future__ import annotations

import spacy

from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline


def test_a_line_break_starts_a_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_paragraphs")
    doc = nlp("The vote was close\n\nthe count went on")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "the" in starts and "count" not in starts


def test_the_default_pipeline_runs_it_before_the_parser() -> None:
    nlp = load_pipeline(DEFAULT_MODEL, components=())
    names = nlp.pipe_names
    assert names.index("newsgraph_paragraphs") < names.index("parser")
    doc = nlp("“We came to stay.”\n\nthe mayor said the plan would work.")
    assert [s.text.strip() for s in doc.sents][-1] == "the mayor said the plan would work."
