"""FigureSpan, and figures of different sources that cannot all hold: `total` and `composition`
contests.

- `total`: two figures count one quantity as a whole (neither is a part, "225 of the dead"), from
  different sources, and their hedged ranges do not meet ("at least 40 dead", say police; "more
  than 100", say organisers).
- `composition`: parts of one whole ("over 100 of them ...", "at least 225 of the dead ...")
  whose least values add up to more than the whole's most, at least two sources among them.
A part never contests its own whole, and figures of different quantities never contest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.model import Frame, claimed_range, same_frame

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
    part_of: str | None = (
        None  # the whole a partitive counts out of: "the dead" of "225 of the dead"
    )
    source: Span | None = None
    cue: Span | None = None
    source_name: str | None = None  # what `source` resolves to as a quote's speaker ("he": a name)
    part: bool = False  # "more than 30 of them": a part of an earlier figure, not a rival count
    contests: list[int] = field(default_factory=list)  # indices into doc._.figures
    contest: str | None = None  # "total" or "composition" when it contests others
    reason: str | None = None  # why the claims cannot all hold: "parts 100 + 225 > whole 280"
    frame: Frame = field(default_factory=Frame)  # the place and period its sentence gives


def bounds(fig: FigureSpan) -> tuple[float, float]:
    """The least and most the figure claims, from its value and hedge."""
    return claimed_range(fig.value, fig.value_high, fig.hedge)


def same_quantity(a: FigureSpan, b: FigureSpan, families: dict[str, tuple[str, str]]) -> bool:
    """One quantity: the same family or verb, and the same counted noun or two words for anyone
    ("people", `*` in quantities.tsv); a named group on one side only ("Artsakh soldiers",
    "US deaths", "Buddhist pilgrims") is another quantity or a part of this one; another place
    or period ("in Kabul" / "in Herat", "on Monday" / "since March") another count."""
    if a.quantity is None or a.quantity != b.quantity or a.unit != b.unit:
        return False
    anyone = [n is None or families.get(n, ("", ""))[0] == "*" for n in (a.noun, b.noun)]
    if a.noun != b.noun and not all(anyone):
        return False
    return named(a) == named(b) and same_frame(a.frame, b.frame)


def named(fig: FigureSpan) -> frozenset[str]:
    """The capitalised words of what a figure counts: "Azerbaijani" of "Azerbaijani soldiers"."""
    words = (fig.what or "").split()
    return frozenset(w for w in words if w[:1].isupper())


def polled(fig: FigureSpan) -> bool:
    """A poll's result ("2 percent in the Monmouth poll"): polls differ by design, not dispute."""
    return fig.cue is not None and fig.cue.text.lower() == "in"


def is_part(fig: FigureSpan) -> bool:
    """ "225 of the dead", "over 100 of them": a share of a whole, not a count of it."""
    return fig.partitive or fig.part or fig.part_of is not None


def link_contests(
    figures: list[FigureSpan], doc: Doc, families: dict[str, tuple[str, str]]
) -> None:
    """Mark `total` and `composition` contests: figures at most NEARBY sentences apart (a rival
    claim is reported beside the one it disputes)."""
    who = source_key(doc)
    link_totals(figures, who, families)
    link_compositions(figures, who, families)


def source_key(doc: Doc) -> Callable[[FigureSpan], str | None]:
    """The entity (or lower-cased text) of a figure's source; None when the reporter states it."""
    from newsgraph.nlp import entity_at

    def who(fig: FigureSpan) -> str | None:
        if fig.source is None:
            return None
        if fig.source_name is not None:  # a quote's speaker: "he" as the one he stands for
            named = next((c for c in doc._.entities or () if c.name == fig.source_name), None)
            return named.key if named is not None else fig.source_name.lower()
        cluster = (
            entity_at(doc, fig.source.start_char, fig.source.end_char) if doc._.entities else None
        )
        return cluster.key if cluster is not None else fig.source.text.lower()

    return who


def link(members: list[int], figures: list[FigureSpan], kind: str, reason: str) -> None:
    for i in members:
        fig = figures[i]
        fig.contests.extend(j for j in members if j != i and j not in fig.contests)
        fig.contest, fig.reason = kind, reason


def link_totals(
    figures: list[FigureSpan],
    who: Callable[[FigureSpan], str | None],
    families: dict[str, tuple[str, str]],
) -> None:
    """Two wholes of one quantity from two sources whose hedged ranges do not meet."""
    for i, a in enumerate(figures):
        for j, b in enumerate(figures[:i]):
            if is_part(a) or is_part(b) or polled(a) or polled(b):
                continue
            if abs(a.sentence - b.sentence) > NEARBY:
                continue
            if who(a) is None or who(b) is None or who(a) == who(b):
                continue
            (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
            if (a_high >= b_low and b_high >= a_low) or not same_quantity(a, b, families):
                continue
            link([j, i], figures, "total", f"{b.span.text} and {a.span.text} cannot both hold")


def link_compositions(
    figures: list[FigureSpan],
    who: Callable[[FigureSpan], str | None],
    families: dict[str, tuple[str, str]],
) -> None:
    """A whole and the parts that follow it (of its pronoun, "of them", or of a group its
    quantity names, "of the dead"), their least values adding up past the whole's most."""
    for w, whole in enumerate(figures):
        if is_part(whole) or whole.value is None:
            continue
        parts = [
            p
            for p in range(w + 1, len(figures))
            if is_part(figures[p])
            and figures[p].value is not None
            and 0 <= figures[p].sentence - whole.sentence <= 1
            and part_of_whole(figures[p], whole, families)
        ]
        if len(parts) < 2 or len({who(figures[p]) for p in [w, *parts]}) < 2:
            continue
        lows = [bounds(figures[p])[0] for p in parts]
        most = bounds(whole)[1]
        if sum(lows) > most:
            shown = " + ".join(f"{low:g}" for low in lows)
            reason = f"parts {shown} > whole {whole.span.text}"
            link([w, *parts], figures, "composition", reason)


def part_of_whole(
    part: FigureSpan, whole: FigureSpan, families: dict[str, tuple[str, str]]
) -> bool:
    """The part counts out of the whole: "of them" right after it, or "of the dead" when the
    whole counts the dead."""
    if part.part:  # a pronoun: "of them", "of whom"
        return part.sentence == whole.sentence
    group = (part.part_of or "").split()
    family = {families.get(w.lower(), ("", ""))[0] for w in group} - {"", "*"}
    return whole.quantity is not None and whole.quantity in family
