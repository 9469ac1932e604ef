"""FigureSpan, and figures of different sources for the same quantity that contest each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

NEARBY = 3  # sentences between rival figures; from the sample corpus: farther apart they count
# different incidents ("three died in the first blast ... six in the second")


@dataclass
class FigureSpan:
    """A count in a doc: `span` covers hedge and number; `source`/`cue` are None when unsourced."""

    span: Span
    value: float | None  # None for vague amounts ("thousands"); a range's low end
    hedge: str | None
    unit: str | None
    what: str | None  # the counted phrase ("village residents killed")
    quantity: str | None  # what is counted, as a family of quantities.tsv or a verb ("dead")
    noun: str | None  # the counted noun's lemma
    partitive: bool  # "40 of the dead"
    sentence: int  # index of its sentence in the doc
    value_high: float | None = None  # a range's high end ("6% to 11%"); None for one number
    part_of: str | None = None  # the whole a partitive counts out of: "the dead" of "225 of the dead"
    source: Span | None = None
    cue: Span | None = None
    part: bool = False  # "more than 30 of them": a part of an earlier figure, not a rival count
    contests: list[int] = field(default_factory=list)  # indices into doc._.figures


def same_quantity(a: FigureSpan, b: FigureSpan, families: dict[str, tuple[str, str]]) -> bool:
    """One quantity: the same family or verb, and the same counted noun unless one of them is a
    partitive ("40 of the dead") or a word for anyone ("people", `*` in quantities.tsv)."""
    if a.quantity is None or a.quantity != b.quantity:
        return False
    anyone = {n for n in (a.noun, b.noun) if n is None or families.get(n, ("", ""))[0] == "*"}
    return a.noun == b.noun or a.partitive or b.partitive or bool(anyone)


def link_contests(
    figures: list[FigureSpan], doc: Doc, families: dict[str, tuple[str, str]]
) -> None:
    """Link rival figures: one quantity, different values, different named sources, at most
    NEARBY sentences apart (a rival claim is reported beside the one it disputes), neither a
    breakdown of another figure ("more than 30 of them")."""
    from newsgraph.nlp import entity_at

    def who(fig: FigureSpan) -> str | None:
        if fig.source is None:
            return None
        cluster = (
            entity_at(doc, fig.source.start_char, fig.source.end_char) if doc._.entities else None
        )
        return cluster.key if cluster is not None else fig.source.text.lower()

    for i, a in enumerate(figures):
        for j, b in enumerate(figures[:i]):
            if a.part or b.part or who(a) is None or who(b) is None or who(a) == who(b):
                continue
            if a.value == b.value or abs(a.sentence - b.sentence) > NEARBY:
                continue
            if same_quantity(a, b, families):
                a.contests.append(j)
                b.contests.append(i)
