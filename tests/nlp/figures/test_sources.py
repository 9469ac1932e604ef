"""A figure inside a quote or reported speech takes the quote's resolved speaker as its source."""

from __future__ import annotations

from types import SimpleNamespace

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.nlp.figures.sources import claimed, quoted_source

# He said 40 people died . She added : " 12 fled . "
WORDS = ["He", "said", "40", "people", "died", ".", "She", "added", ":"]
WORDS += ['"', "12", "fled", ".", '"']
VOCAB = Vocab()


def doc() -> Doc:
    return Doc(VOCAB, words=WORDS)


def quote(
    d: Doc,
    content: tuple[int, int],
    kind: str,
    name: str | None,
    speaker: int,
    confidence: float | None = None,
) -> object:
    span = d[content[0] : content[1]]
    return SimpleNamespace(
        pieces=[(span.start_char, span.end_char)],
        kind=kind,
        speaker=d[speaker : speaker + 1],
        cue=d[speaker + 1 : speaker + 2],
        name=name,
        repeats=None,
        confidence=confidence,
    )


def test_reported_speech_lends_its_resolved_speaker() -> None:
    d = doc()
    source, cue, name = quoted_source(d[2:3], [quote(d, (2, 5), "indirect", "Ann Lee", 0)])
    assert (source.text if source else None, cue.text if cue else None, name) == (
        "He",
        "said",
        "Ann Lee",
    )


def test_reported_speech_with_an_unresolved_speaker_abstains() -> None:
    d = doc()
    assert quoted_source(d[2:3], [quote(d, (2, 5), "indirect", None, 0)]) == (None, None, None)


def test_a_direct_quote_lends_its_speaker_even_unresolved() -> None:
    d = doc()
    source, _, name = quoted_source(d[10:11], [quote(d, (9, 14), "direct", None, 6)])
    assert (source.text if source else None, name) == ("She", None)


def test_a_figure_outside_every_quote_has_no_quoted_source() -> None:
    d = doc()
    assert quoted_source(d[10:11], [quote(d, (2, 5), "indirect", "Ann Lee", 0)]) == (
        None,
        None,
        None,
    )


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)


def test_a_figure_in_a_reported_claim_is_claimed() -> None:
    words = ["He", "said", "40", "people", "died", "."]
    deps = ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "punct"]
    d = parsed(words, [1, 1, 3, 4, 1, 1], deps, ["PRP", "VBD", "CD", "NNS", "VBD", "."])
    assert claimed(d[2:3], [(d[2].idx, d[4].idx + 4)])


def test_a_figure_in_a_reported_intention_is_not_claimed() -> None:
    words = ["He", "promised", "to", "send", "40", "tanks", "."]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "nummod", "dobj", "punct"]
    tags = ["PRP", "VBD", "TO", "VB", "CD", "NNS", "."]
    d = parsed(words, [1, 1, 3, 1, 5, 3, 1], deps, tags)
    assert not claimed(d[4:5], [(d[2].idx, d[5].idx + 5)])


def test_a_figure_in_a_relative_clause_is_not_claimed() -> None:
    words = ["He", "said", "the", "wall", ",", "which", "stopped", "40", "rockets", ",", "held"]
    deps = ["nsubj", "ROOT", "det", "nsubj", "punct", "nsubj", "relcl", "nummod", "dobj"]
    deps += ["punct", "ccomp"]
    tags = ["PRP", "VBD", "DT", "NN", ",", "WDT", "VBD", "CD", "NNS", ",", "VBD"]
    d = parsed(words, [1, 1, 3, 10, 3, 6, 3, 8, 6, 3, 1], deps, tags)
    assert not claimed(d[7:8], [(d[2].idx, d[10].idx + 4)])


def test_a_quote_the_model_doubts_lends_no_speaker() -> None:
    d = doc()
    doubted = quote(d, (9, 14), "direct", "Ann Lee", 6, confidence=0.4)
    assert quoted_source(d[10:11], [doubted]) == (None, None, None)
    trusted = quote(d, (9, 14), "direct", "Ann Lee", 6, confidence=0.6)
    assert quoted_source(d[10:11], [trusted])[2] == "Ann Lee"
