"""newsgraph_figures: numbers that count something, with hedge, unit, what they count and source.

Writes `doc._.figures`: one FigureSpan per count. A count is a number or vague amount ("thousands
of") that is not part of a date, time, ordinal, name ("Resolution 242") or age ("35-year-old"),
and not an anaphoric "the two men". Its source is the X of "according to X" in its sentence, or
the subject of an attribution verb governing its clause ("the army insists that ..."), or the
speaker of the quote or reported speech holding it (by the name the speaker resolves to; reported
speech whose speaker resolves to no name gives none); None when the reporter states it. Figures
of different sources for the same quantity contest each other (see `same_quantity`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp.figures.contests import FigureSpan, link_contests
from newsgraph.nlp.figures.counted import counted, describe, quantity_of
from newsgraph.nlp.figures.frame import frame_of
from newsgraph.nlp.figures.numbers import (
    find_hedge,
    find_unit,
    is_count,
    number_runs,
    parse_number,
    range_end,
    range_high,
    range_scale,
)
from newsgraph.nlp.figures.sources import find_source, quoted_source, speaker_name
from newsgraph.nlp.readers import load_pairs, load_words

POSTPOSED = ("or more", "or so")  # hedges after the number


@dataclass(frozen=True)
class FiguresFinder:
    hedges: frozenset[str]
    words: dict[str, tuple[str, str]]
    cues: frozenset[str]
    families: dict[str, tuple[str, str]]
    polls: frozenset[str] = frozenset()
    object_cues: frozenset[str] = frozenset()  # cues whose object holds the figure they claim

    def __call__(self, doc: Doc) -> Doc:
        figures = [fig for i, sent in enumerate(doc.sents) for fig in self.find(sent, i)]
        quotes = doc._.quotes or ()
        for figure in figures:
            if figure.source is None:
                figure.source, figure.cue, figure.source_name = quoted_source(figure.span, quotes)
            else:
                figure.source_name = speaker_name(figure.source, quotes)
        link_contests(figures, doc, self.families)
        doc._.figures = figures
        return doc

    def find(self, sent: Span, index: int) -> list[FigureSpan]:
        figures = []
        runs = number_runs(sent, self.words)
        dates = sent.doc._.dates
        skip: set[int] = set()
        for i, run in enumerate(runs):
            if i in skip or not is_count(run, self.words):
                continue
            hedge, start = find_hedge(run, self.hedges, self.words)
            value, high, end = parse_number(run, self.words), range_high(run), run[-1]
            if value is not None and i + 1 < len(runs) and range_end(run, runs[i + 1], self.words):
                low = value * range_scale(run, runs[i + 1], self.words)
                top = parse_number(runs[i + 1], self.words)
                if top is not None and top > low:  # "6% to 11%"; "49.6 to 43.3" is a score
                    value, high, end = low, top, runs[i + 1][-1]
                    skip.add(i + 1)
                    if hedge is not None and hedge.lower() == "between":
                        hedge, start = None, start + 1
            noun, figure = counted(run, self.words)
            counts = describe(noun, figure, run)
            # "thousands of rockets", "millions of dollars": an amount of a kind, not a share
            amount = self.words.get(run[-1].lower_, ("", ""))[0] in ("vague", "scale")
            source, cue = find_source(figure, self.cues, self.polls, self.object_cues)
            end_i = end.i + 1
            if hedge is None and sent.doc[end_i : end_i + 2].text.lower() in POSTPOSED:
                hedge, end_i = sent.doc[end_i : end_i + 2].text, end_i + 2  # "four or more"
            if end_i < sent.end and (
                self.words.get(sent.doc[end_i].lower_, ("", ""))[0] == "unit"
                or sent.doc[end_i].lower_ == "m"
            ):
                end_i += sent.doc[end_i].lower_ not in ("per", "$", "€", "£", "¥", "us$")
            span = sent.doc[start:end_i]
            figures.append(
                FigureSpan(
                    span=span,
                    value=value,
                    value_high=high,
                    hedge=hedge,
                    unit=find_unit(run, self.words),
                    what=counts.what,
                    quantity=quantity_of(counts, self.families),
                    noun=counts.noun,
                    partitive=counts.partitive and not amount,
                    part_of=None if amount else counts.part_of,
                    sentence=index,
                    source=source,
                    cue=cue,
                    part=noun is not None and noun.pos_ == "PRON",
                    frame=frame_of(figure, span, source, dates),
                )
            )
        return figures


@Language.factory(
    "newsgraph_figures",
    assigns=["doc._.figures"],
    default_config={
        "hedges": "hedges.txt",
        "words": "figure_words.tsv",
        "cues": "attribution_cues.txt",
        "families": "quantities.tsv",
        "polls": "poll_nouns.txt",
        "object_cues": "figure_object_cues.txt",
    },
)
def make_figures(
    nlp: Language,
    name: str,
    hedges: str,
    words: str,
    cues: str,
    families: str,
    polls: str = "poll_nouns.txt",
    object_cues: str = "figure_object_cues.txt",
) -> FiguresFinder:
    return FiguresFinder(
        hedges=load_words(hedges),
        words=load_pairs(words),
        cues=load_words(cues),
        families=load_pairs(families),
        polls=load_words(polls),
        object_cues=load_words(object_cues),
    )
