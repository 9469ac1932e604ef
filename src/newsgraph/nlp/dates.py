"""newsgraph_dates: spaCy's DATE spans resolved against the publication date, aware of tense.

Writes `doc._.dates`: one DateSpan per DATE entity. A weekday in a past clause is that weekday on
or before publication ("arrived on Tuesday" in a Tuesday article is that Tuesday); in a future or
planned clause it is the next such weekday after publication ("will fly home on Friday"). Ranges
cover "last week", "earlier this month", "March". dateparser reads only absolute dates that name
their year. Without a publication date every relative expression stays unresolved (None).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.readers import load_pairs, load_words

Range = tuple[date, date]


@dataclass
class DateSpan:
    """A DATE span and what it resolves to: `start == end` for one day, both None if unresolved."""

    span: Span
    start: date | None
    end: date | None
    tense: str  # "past", "future" or "present": the tense of the clause it sits in
    duration: bool = False  # "nearly two weeks", "the 11 days": a length of time, not a date

    @property
    def iso(self) -> str | None:
        """ISO date, "start/end" for a range, None when unresolved."""
        if self.start is None or self.end is None:
            return None
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def load_date_words(name: str = "date_words.tsv") -> dict[str, tuple[str, str]]:
    """word -> (kind, value) from a TSV of date words (see the file's header)."""
    return load_pairs(name)


# --- tense ----------------------------------------------------------------------------------------


def is_duration(text: str, words: dict[str, tuple[str, str]]) -> bool:
    """A length of time ("two weeks", "the 11 days"): a unit with no word that places it."""
    tokens = re.findall(r"[a-z]+|\d+", text.lower())
    kinds = {(words.get(t) or words.get(t.removesuffix("s"), ("", "")))[0] for t in tokens}
    placing = {"day", "weekday", "month", "past", "future", "near"}
    return "unit" in kinds and not kinds & placing and "ago" not in tokens


def clause_verb(token: Token) -> Token | None:
    """The nearest verb governing the token (itself if a verb), or None."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def tense_of(verb: Token | None, future_cues: frozenset[str]) -> str:
    """ "future" for "will travel" / "plans to visit", "past" for "arrived", else "present"."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in future_cues for c in verb.children):
            return "future"
        if verb.tag_ in ("VBD", "VBN"):
            return "past"
        if any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
            return "past"  # "did meet", "was meeting"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in future_cues:
            return "future"  # "plans to visit", "is due to arrive"
        # a participle or gerund ("after meeting ... later Tuesday") takes its clause's tense
        if verb.tag_ in ("VBG", "VB") and verb.head != verb and verb.dep_ != "ROOT":
            verb = clause_verb(verb.head)
            continue
        return "present"
    return "present"


# --- the resolver: a pure function of text, publication date and tense ---------------------------


def resolve(
    text: str, published: date | None, tense: str, words: dict[str, tuple[str, str]]
) -> Range | None:
    """The day or range a date expression names, or None. Never raises.

    `tense` is the clause's: "past", "future" or "present" (read as past: news reports events).
    """
    try:
        return _resolve(text, published, tense, words)
    except (OverflowError, ValueError):
        return None  # a date beyond the calendar's ends (year 1, year 9999)


def _resolve(
    text: str, published: date | None, tense: str, words: dict[str, tuple[str, str]]
) -> Range | None:
    tokens = [t for t in re.findall(r"[a-z]+|\d+", text.lower()) if t not in ("on", "the", "of")]
    entries = [words.get(t) or words.get(t.removesuffix("s"), ("", "")) for t in tokens]
    kinds = {kind for kind, _ in entries}
    absolute = _absolute(tokens, entries, published, tense)
    if absolute is not None or published is None or not tokens:
        return absolute
    shift = -1 if "past" in kinds else 1 if "future" in kinds else 0
    near = {value or "this" for kind, value in entries if kind == "near"}
    for kind, value in entries:
        if kind == "day" and not any(t.isdigit() for t in tokens):
            day = published + timedelta(days=int(value))
            return day, day
        if kind == "weekday":
            return _weekday(int(value), published, tense, shift, near)
    units = [value for kind, value in entries if kind == "unit"]
    numbers = [int(t) for t in tokens if t.isdigit()]
    numbers += [int(value) for kind, value in entries if kind == "number"]
    if "ago" in tokens and units and numbers:
        return _ago(published, numbers[0], units[0])
    if not units or numbers:
        return None  # a duration ("two weeks", "the 11 days") names no date
    if not (near or shift or units[0] == "weekend"):
        return None  # a bare "weeks", "days": no period is named
    whole = _period(published, units[0], shift)
    if whole is None or shift:
        return whole
    if not near and tense != "future" and whole[0] > published:
        return _period(published, units[0], -1)  # "at the weekend", written on a Tuesday
    start, end = whole
    if "past" in near or (near and tense != "future"):
        return start, max(start, min(end, published))  # "earlier this month": up to publication
    if near:
        return min(end, max(start, published)), end  # "later this week", "this year" (planned)
    return whole


def _weekday(weekday: int, published: date, tense: str, shift: int, near: set[str]) -> Range:
    """A weekday by tense: past -> on or before publication; future -> after it."""
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if shift < 0:
        day = published - timedelta(days=back or 7)  # "last Tuesday" in a Tuesday article
    elif shift > 0:
        day = published + timedelta(days=forward or 7)  # "next Tuesday"
    elif tense == "future" and "past" not in near:
        # "will fly home on Friday": the next one; "later Friday" may be the same day
        day = published + timedelta(days=forward or (0 if near else 7))
    else:
        day = published - timedelta(days=back)  # "arrived on Tuesday": that day or before
    return day, day


def _period(published: date, unit: str, shift: int) -> Range | None:
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return _month(year, month + 1)
    if unit == "year":
        year = published.year + shift
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "day" and shift == 0:
        return published, published  # "earlier in the day", "later today"
    return None


def _ago(published: date, count: int, unit: str) -> Range | None:
    try:
        if unit == "day":
            day = published - timedelta(days=count)
        elif unit in ("week", "weekend"):
            day = published - timedelta(weeks=count)
        elif unit == "month":
            year, month = divmod(published.year * 12 + published.month - 1 - count, 12)
            return _month(year, month + 1)
        elif unit == "year" and published.year - count >= 1:
            return date(published.year - count, 1, 1), date(published.year - count, 12, 31)
        else:
            return None
    except (OverflowError, ValueError):
        return None
    return day, day


def _month(year: int, month: int) -> Range | None:
    if not 1 <= year <= 9999:
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _absolute(
    tokens: list[str], entries: list[tuple[str, str]], published: date | None, tense: str
) -> Range | None:
    """ "May 12", "12 May 2027", "March", "2026": named months and years."""
    months = [int(value) for kind, value in entries if kind == "month"]
    kinds = {kind for kind, _ in entries}
    numbers = [int(t) for t in tokens if t.isdigit()]
    years = [n for n in numbers if 1000 <= n <= 9999]
    days = [n for n in numbers if 1 <= n <= 31]
    if not months:
        if years and len(tokens) == 1:
            return date(years[0], 1, 1), date(years[0], 12, 31)
        if years and tokens[-1] == "s" and years[0] % 10 == 0:  # "the 1990s"
            return date(years[0], 1, 1), date(years[0] + 9, 12, 31)
        if years and len(tokens) == 3 and all(t.isdigit() for t in tokens):
            return _numeric(tokens)  # "2027-05-12", "12/05/2027"
        return None
    month = months[0]
    if years:
        year = years[0]
    elif published is not None and "unit" not in kinds:
        year = _year_of(month, days[0] if days else 1, published, tense)
    else:
        return None
    if not days:
        return _month(year, month)
    try:
        day = date(year, month, days[0])
    except ValueError:
        return None
    return day, day


def _year_of(month: int, day: int, published: date, tense: str) -> int:
    """The year of a month and day named without one: the nearest in the clause's direction."""
    later = (month, day) > (published.month, published.day)
    if tense == "future":
        return published.year + (1 if (month, day) < (published.month, published.day) else 0)
    if later and month - published.month > 2:
        return published.year - 1  # "in November", written in May about the past
    return published.year


def _numeric(tokens: list[str]) -> Range | None:
    """A numeric date with its year ("2027 05 12"), read by dateparser: no relative base needed."""
    import dateparser

    parsed = dateparser.parse(
        " ".join(tokens),
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        return None
    return parsed.date(), parsed.date()


def is_clock_time(ent: Span, words: dict[str, tuple[str, str]]) -> bool:
    """ "1639 UTC", "0800 hours": a 24-hour time that the model tagged DATE, not a year."""
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    text = ent.text.strip()
    return (
        len(text) == 4
        and text.isdigit()
        and int(text[:2]) < 24
        and int(text[2:]) < 60
        and words.get(after, ("", ""))[0] == "clock"
    )


# --- the component -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatesFinder:
    words: dict[str, tuple[str, str]]
    future_cues: frozenset[str]

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if isinstance(published, datetime):
            published = published.date()  # a timestamp: its day is the anchor
        doc._.dates = [self.find(ent, published) for ent in doc.ents if ent.label_ == "DATE"]
        return doc

    def find(self, ent: Span, published: date | None) -> DateSpan:
        tense = tense_of(clause_verb(ent.root), self.future_cues)
        resolved = (
            None
            if is_clock_time(ent, self.words)
            else resolve(ent.text, published, tense, self.words)
        )
        start, end = resolved if resolved else (None, None)
        duration = is_duration(ent.text, self.words)
        return DateSpan(span=ent, start=start, end=end, tense=tense, duration=duration)


@Language.factory(
    "newsgraph_dates",
    assigns=["doc._.dates"],
    default_config={"words": "date_words.tsv", "future_cues": "future_cues.txt"},
)
def make_dates(nlp: Language, name: str, words: str, future_cues: str) -> DatesFinder:
    return DatesFinder(words=load_date_words(words), future_cues=load_words(future_cues))
