"""The pieces of a quote: QuoteSpan, and how quoted stretches join, nest and split.

A cue's content grows over the quoted stretches it touches (`from_cue`); a stretch left open at a
paragraph's end, or a paragraph that is only a quote, goes on the quote before it; an attribution
inside another's content is dropped, or, when coordinated, cuts the other short. Offsets are
characters into doc.text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.quotes.cues import EDGE_PUNCT, Cue
from newsgraph.nlp.quotes.marks import Stretch, Stretches

WORD = re.compile(r"\w+")


@dataclass
class QuoteSpan:
    """One attribution found in a doc; character offsets into doc.text.

    `pieces` are the quoted or reported parts in order; `start`/`end` run from the first to the
    last. `cue` and `speaker` are the cue words and the attributing mention (None when absent);
    `name`/`entity` are what the speaker resolves to (None when it cannot be resolved), `via`
    and `speaker_confidence` how.
    `repeats` is the quote a pull quote repeats (None for a statement of its own).
    `confidence` is the model's probability that the quote is right (None: rules only).
    """

    pieces: list[tuple[int, int]]
    kind: str
    cue: Span | None = None
    speaker: Span | None = None
    name: str | None = None
    entity: str | None = None
    via: str | None = None  # how `name` was reached: one of model.SPEAKER_VIAS
    speaker_confidence: float | None = None
    members: tuple[str, ...] = ()  # a group speaker's entity ids ("<A> and <B> said")
    repeats: QuoteSpan | None = None
    confidence: float | None = None
    stretches: list[Stretch] = field(default_factory=list, repr=False)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def quoted_tokens(doc: Doc, stretches: list[Stretch]) -> set[int]:
    """Indices of tokens inside quotation marks: a cue there is the speaker's own word."""
    inside: set[int] = set()
    for s in stretches:
        span = doc.char_span(s.start, s.end, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def continue_paragraphs(stretches: list[Stretch], quotes: list[QuoteSpan]) -> None:
    """A quote left open at a paragraph's end goes on in the next: one quote in pieces."""
    owner = {id(s): q for q in quotes for s in q.stretches}
    for first, second in itertools.pairwise(stretches):
        if first.closed:
            continue
        a, b = owner.get(id(first)), owner.get(id(second))
        if (a is None) == (b is None):
            continue
        known = a or b
        stretch = second if a is not None else first
        if known is not None:  # one quote in pieces, one a paragraph
            known.pieces.append((stretch.start, stretch.end))
            known.pieces.sort()
            known.stretches.append(stretch)
            owner[id(stretch)] = known


def quote_right_after(text: str, cue: Cue, stretches: list[Stretch]) -> Stretch | None:
    """The quoted stretch opening right after the cue word ("said, “…”", "yelled “…”")."""
    if cue.speaker is None or cue.speaker.start_char > cue.cue.start_char:
        return None
    at = cue.cue.end_char
    while at < len(text) and text[at] in " ,:":
        at += 1
    if isinstance(stretches, Stretches):
        return stretches.opening_at(at)
    return next((s for s in stretches if s.start == at), None)


def lower_start(text: str, start: int, end: int) -> bool:
    """Whether the quoted words begin in lower case: they go on a sentence begun outside them."""
    first = next((c for c in text[start:end] if c.isalpha()), "")
    return first.islower()


def content_lead(text: str, cue: Cue, stretch: Stretch) -> int:
    """Where the content of "X said, “…”" starts: at the quote, unless the quote goes on a
    sentence begun before its speaker ("Particularly in the poorest towns, he said, “we don't
    know ...”"), which then starts the content."""
    if not lower_start(text, stretch.start, stretch.end) or cue.speaker is None:
        return stretch.start
    # the lead is text[begun:until], read in place: the sentence may be the whole of a text
    # without full stops, and copying or scanning all of it per cue made such texts quadratic
    begun, until = cue.cue.root.sent.start_char, cue.speaker.start_char
    last = until
    while last > begun and text[last - 1].isspace():
        last -= 1
    if last <= begun or text[last - 1] != ",":
        return stretch.start
    if any(text.find(mark, begun, until) >= 0 for mark in '“”"'):
        return stretch.start
    # "But, he noted, “while …”": a connective, not a clause
    if sum(1 for _ in itertools.islice(WORD.finditer(text, begun, until), 3)) < 3:
        return stretch.start
    while begun < until and text[begun].isspace():
        begun += 1
    return begun


def join_quote_paragraphs(text: str, stretches: list[Stretch], quotes: list[QuoteSpan]) -> None:
    """A paragraph that is nothing but an unattributed quote goes on the quote of the paragraph
    before it ("“A,” X said.¶“B.”": one quote, as PolNeAR marks it), or, when that paragraph has
    none, on a quote opening the next paragraph.
    """
    owner = {id(s): q for q in quotes for s in q.stretches}
    for i, stretch in enumerate(stretches):
        if id(stretch) in owner or not _whole_paragraph(text, stretch):
            continue
        para_start = text.rfind("\n", 0, stretch.start) + 1
        prev_end = _rstrip(text, 0, para_start)
        prev_start = text.rfind("\n", 0, prev_end) + 1
        known = None
        before = [q for q in quotes if prev_start <= q.end <= prev_end and q.stretches]
        if before and para_start > 0:
            known = max(before, key=lambda q: q.end)
        elif i + 1 < len(stretches):
            nxt = stretches[i + 1]
            nxt_para = text.rfind("\n", 0, nxt.start) + 1
            following = owner.get(id(nxt))
            if (
                following is not None
                and nxt.start == _lstrip(text, nxt_para)
                and text[stretch.end : nxt_para].strip() == ""
            ):
                known = following
        if known is not None:
            known.pieces.append((stretch.start, stretch.end))
            known.pieces.sort()
            known.stretches.append(stretch)
            owner[id(stretch)] = known


def _whole_paragraph(text: str, stretch: Stretch) -> bool:
    para_start = text.rfind("\n", 0, stretch.start) + 1
    return stretch.start == _lstrip(text, para_start) and stretch.end == _rstrip(
        text, stretch.start, para_end(text, stretch.start)
    )


def _lstrip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def is_speech(text: str, stretch: Stretch) -> bool:
    """Not markup (`author="..."`) and holding a word."""
    if stretch.start and text[stretch.start - 1] == "=":
        return False
    return any(c.isalpha() for c in text[stretch.start : stretch.end])


def para_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def from_cue(cue: Cue, stretches: list[Stretch], text: str) -> QuoteSpan | None:
    """A cue's content, grown over every quoted stretch it touches."""
    if cue.content is None:
        return None
    start, end = cue.content
    # the parse may run over a paragraph break; the content stays in the cue's paragraph
    if text[cue.cue.end_char : start].strip() != ":":  # unless it is the block after "X said:"
        start = max(start, text.rfind("\n", 0, cue.cue.start_char) + 1)
        end = min(end, para_end(text, cue.cue.end_char))
    if end <= start:
        return None
    if isinstance(stretches, Stretches):
        touched = stretches.touching(start, end)
    else:
        touched = [s for s in stretches if s.start < end and start < s.end]
    for s in touched:
        start, end = min(start, s.start), max(end, s.end)
    if touched and start == touched[0].start and _that_before(text, start):
        start = text.rindex("that", 0, start)  # "X said that “…”": mixed, as annotated in PolNeAR
    if len(WORD.findall(text[start:end])) < 2:
        return None
    quote = QuoteSpan(_around(text, start, end, cue.cue.root), "indirect", cue.cue, cue.speaker)
    quote.stretches.extend(touched)
    return quote


THAT_BEFORE = re.compile(r"\bthat,?\s+$")


def _that_before(text: str, at: int) -> bool:
    """Whether text[:at] ends in "that" (or "that,") and white space: searched in the last few
    characters only, not the whole text before (the same answer, in constant time)."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return THAT_BEFORE.search(text, max(0, end - 6), at) is not None


def _around(text: str, start: int, end: int, cue: Token) -> list[tuple[int, int]]:
    """Pieces of [start, end) around the cue's own clause when it sits inside ("A, X said, B")."""
    lo = cue.left_edge.idx
    hi = cue.right_edge.idx + len(cue.right_edge.text)
    if not start < lo or not hi < end:
        return [(start, end)]
    left = len(text[start:lo].rstrip(EDGE_PUNCT))
    right = len(text[hi:end]) - len(text[hi:end].lstrip(EDGE_PUNCT))
    pieces = [(start, start + left), (hi + right, end)]
    return [p for p in pieces if p[0] < p[1]] or [(start, end)]


def drop_nested(quotes: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """Drop an attribution whose cue lies inside another's content ("X said Y wants ...").

    A coordinated one ("X said A, and Y said B"; "X did A and called for B") cuts the other's
    content short instead, and both stay.
    """
    # the quotes around a point are looked for among those starting at most `longest` before
    # it, by bisection (no scan of every quote per quote: issue 18). Cutting a quote short keeps
    # its start and only moves its end back, so the bound holds while quotes are cut below.
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    starts = [quotes[i].start for i in order]
    longest = max((q.end - q.start for q in quotes), default=0)
    out = []
    for q in quotes:
        at = q.cue.start_char if q.cue is not None else q.start
        near = order[bisect_left(starts, at - longest) : bisect_right(starts, at)]
        outer = [quotes[i] for i in sorted(near)]
        outer = [o for o in outer if o is not q and o.start <= at < o.end]
        if _coordinated(q, outer):
            cut = q.speaker.start_char
            if cut > min(o.start for o in outer) and all(_cut_before(o, cut, text) for o in outer):
                outer = []
        if not outer:
            out.append(q)
    return out


def _coordinated(quote: QuoteSpan, outer: list[QuoteSpan]) -> bool:
    """ "X said A, and Y said B": a conjoined cue with a named speaker of its own."""
    if not outer or quote.cue is None or quote.speaker is None:
        return False
    if quote.cue.root.dep_ != "conj" or quote.speaker.root.pos_ == "PRON":
        return False
    return all(o.cue is not None and o.cue.root.pos_ == "VERB" for o in outer)


COORDINATORS = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|while|whereas|as)\b)*$", re.IGNORECASE)


def _coordinators_before(text: str, cut: int) -> int:
    """Length of the ", and" (COORDINATORS) that text[:cut] ends in.

    A match holds only spaces, letters and ",;:—–-", so it is searched from where the last run
    of those begins (the same answer as searching text[:cut], in time bounded by the run).
    """
    start = cut
    while start > 0 and (
        text[start - 1].isalpha() or text[start - 1].isspace() or text[start - 1] in ",;:—–-"
    ):
        start -= 1
    match = COORDINATORS.search(text, start, cut)
    return 0 if match is None else len(match.group())


def _cut_before(quote: QuoteSpan, cut: int, text: str) -> bool:
    """End `quote` before `cut` (and the ", and" before it); False when too little is left."""
    end = cut - _coordinators_before(text, cut)
    pieces = [(lo, min(hi, end)) for lo, hi in quote.pieces if lo < end]
    if not pieces or len(WORD.findall(text[pieces[0][0] : pieces[-1][1]])) < 2:
        return False
    if any(s.start < cut < s.end for s in quote.stretches):
        return False  # never inside quotation marks
    quote.pieces = pieces
    return True
