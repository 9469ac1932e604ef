"""Quotation marks: finds the quoted stretches of a text, character by character.

Used by `newsgraph_quotes` before any parse is looked at. Pairs curly and straight double quotes,
British single quotes where a text uses them for speech, and quotes running over several paragraphs
(an opening mark left open at a paragraph's end that reopens the next one). An unbalanced mark
never raises: the candidate it opened is dropped and scanning goes on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
APOSTROPHES = "''"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
PARAGRAPH = re.compile(r"[^\n]+")
# ''…'' used as quotation marks: a pair that opens before a word (not after a letter, as in a
# possessive "the Joneses''") and closes after one, within a paragraph.
APOSTROPHE_PAIR = re.compile(r"(?<![\w'])''(?=[^\s'])[^\n]*?(?<=[^\s'])''(?![\w'])")
OTHER_DOUBLE = re.compile(f"[{DOUBLE_OPEN}{DOUBLE_CLOSE}{STRAIGHT}]")
# A single quote only reads as speech when it holds this many words; shorter ones are
# scare quotes or titles ('Big Bad'), not statements.
MIN_SINGLE_WORDS = 4


@dataclass(frozen=True)
class Stretch:
    """A quoted stretch: `start` is the opening mark, `end` is just past the closing mark.

    `closed` is False for a paragraph of a multi-paragraph quote whose mark stays open at the
    paragraph's end (the next paragraph reopens it).
    """

    start: int
    end: int
    closed: bool = True


class Stretches(list[Stretch]):
    """Quoted stretches in text order, with their offsets kept for bisection: `touching` and
    `opening_at` take log time where the stretches lie apart (as `find_stretches` gives them), so
    a long article's quotes cost no scan over all of them each (issue 18). Not to be changed
    once built."""

    def __init__(self, stretches: Iterable[Stretch] = ()) -> None:
        super().__init__(stretches)
        self.starts = [s.start for s in self]
        self.ends = [s.end for s in self]
        self.apart = all(a.end <= b.start for a, b in pairwise(self))

    def touching(self, start: int, end: int) -> list[Stretch]:
        """The stretches overlapping [start, end), in order."""
        if not self.apart:
            return [s for s in self if s.start < end and start < s.end]
        return self[bisect_right(self.ends, start) : bisect_left(self.starts, end)]

    def opening_at(self, at: int) -> Stretch | None:
        """The first stretch whose opening mark is at `at`."""
        if not self.apart:
            return next((s for s in self if s.start == at), None)
        i = bisect_left(self.starts, at)
        return self[i] if i < len(self) and self.starts[i] == at else None


def uses_apostrophe_quotes(text: str) -> bool:
    """Whether `text` writes its quotation marks as two apostrophes (''like this'').

    True when at least one pair of '' stands around words and no other double quotation mark
    competes with them: an article that has “…” or "…" uses those, and its '' are typos.
    """
    return OTHER_DOUBLE.search(text) is None and APOSTROPHE_PAIR.search(text) is not None


def find_stretches(text: str, *, apostrophes: bool = False) -> list[Stretch]:
    """Every quoted stretch of `text`, in order, never overlapping.

    With `apostrophes`, two apostrophes stand for a straight double mark (''like this''), as in
    news archives' plain text (LexisNexis, the New York Times' archive).
    """
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    out: list[Stretch] = []
    for i, (start, end) in enumerate(paragraphs):
        stretches, open_at = _scan_double(text, start, end, apostrophes)
        if open_at is not None and i + 1 < len(paragraphs):
            nxt = text[paragraphs[i + 1][0] : paragraphs[i + 1][1]].lstrip()
            opens = nxt[:1] in DOUBLE_OPEN + STRAIGHT or (apostrophes and nxt[:2] == APOSTROPHES)
            if opens:  # the quote goes on in the next paragraph
                stretches.append(Stretch(open_at, _rstrip(text, open_at, end), closed=False))
        out.extend(stretches)
        if not stretches:
            out.extend(_scan_single(text, start, end))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _scan_double(
    text: str, start: int, end: int, apostrophes: bool = False
) -> tuple[list[Stretch], int | None]:
    """Pairs of double marks in one paragraph, and where a mark was left open (or None)."""
    found: list[Stretch] = []
    open_at: int | None = None
    paired = -1  # the second apostrophe of a pair, read with the first
    for i in range(start, end):
        char, width = text[i], 1
        if i == paired:
            continue
        if apostrophes and text[i : i + 2] == APOSTROPHES:
            char, width, paired = STRAIGHT, 2, i + 1
        if char in DOUBLE_OPEN:
            open_at = i  # an earlier unclosed mark is dropped: its candidate is lost, not the run
        elif char in DOUBLE_CLOSE:
            if open_at is not None:
                found.append(Stretch(open_at, i + 1))
                open_at = None
        elif char == STRAIGHT:
            if open_at is None:
                open_at = i
            else:
                found.append(Stretch(open_at, i + width))
                open_at = None
    return found, open_at


def _scan_single(text: str, start: int, end: int) -> list[Stretch]:
    """British-style ‘…’ pairs of a paragraph that has no double marks.

    ’ doubles as the apostrophe, so it closes only when no letter follows it ("France’s" is not a
    close) and the stretch holds at least MIN_SINGLE_WORDS words.
    """
    found: list[Stretch] = []
    open_at: int | None = None
    for i in range(start, end):
        char = text[i]
        if char == SINGLE_OPEN and (i == start or not text[i - 1].isalnum()):
            open_at = i
        elif char == SINGLE_CLOSE and open_at is not None:
            after = text[i + 1] if i + 1 < end else " "
            if after.isalpha():
                continue
            if len(text[open_at:i].split()) >= MIN_SINGLE_WORDS:
                found.append(Stretch(open_at, i + 1))
            open_at = None
    return found


def quoted_letters(
    text: str, start: int, end: int, stretches: Sequence[Stretch]
) -> tuple[int, int]:
    """Letters of text[start:end] inside and outside quoted stretches: (inside, outside)."""
    inside = 0
    total = sum(1 for c in text[start:end] if c.isalnum())
    near = stretches.touching(start, end) if isinstance(stretches, Stretches) else stretches
    for s in near:
        lo, hi = max(s.start, start), min(s.end, end)
        if lo < hi:
            inside += sum(1 for c in text[lo:hi] if c.isalnum())
    return inside, total - inside
