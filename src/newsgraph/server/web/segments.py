"""The reader's article text, cut into plain segments, each carrying its marks (quote, entity...).

The text is never turned into markup here: templates print each segment's text, escaped, inside a
span whose classes and title come from the records. Newlines break paragraphs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote as url_quote

from newsgraph.model import ExtractedArticle, Quote

# Speaker colours cycle through this many CSS classes (.sp-0 ... .sp-7); .sp-x is "unattributed".
PALETTE = 8
# a quote the model scores below this is shown as uncertain (dashed) and a filter hides it; at
# 0.5 it is as likely wrong as right (the confidences are calibrated: README, model card)
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    classes: str
    title: str
    quote: str | None = None  # the quote id a click on this mark opens


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str  # CSS classes, "" when unmarked
    title: str | None  # hover text
    quote: str | None  # quote id, for the click that opens the quote's card


@dataclass(frozen=True, slots=True)
class QuoteCard:
    id: str
    text: str
    kind: str
    speaker: str | None
    members: tuple[str, ...]  # a group speaker's names, each its own speaker page
    cue: str | None
    mention: str | None  # the attributing mention as written ("he", "the ministry")
    colour: str
    duplicate_of: str | None
    confidence: float | None  # None: no model scored it
    low: bool  # below LOW_CONFIDENCE
    start: int  # character offsets of the quote in `article.text`
    end: int
    fragment: str  # a text fragment (`#:~:text=...`) that finds the quote in the original page


def speaker_colours(quotes: Iterable[Quote]) -> dict[str | None, str]:
    """A colour class per speaker, in order of first quote; None (unattributed) is grey."""
    colours: dict[str | None, str] = {None: "sp-x"}
    for quote in quotes:
        if quote.speaker not in colours:
            colours[quote.speaker] = f"sp-{(len(colours) - 1) % PALETTE}"
    return colours


def is_low(quote: Quote) -> bool:
    """Scored below LOW_CONFIDENCE by the model."""
    return quote.confidence is not None and quote.confidence < LOW_CONFIDENCE


def quote_cards(extracted: ExtractedArticle) -> list[QuoteCard]:
    text = extracted.article.text
    colours = speaker_colours(extracted.quotes)
    names = {e.id: e.name for e in extracted.entities}
    return [
        QuoteCard(
            id=q.id,
            text=q.text,
            kind=q.kind,
            speaker=q.speaker,
            members=tuple(names[e] for e in q.speaker_entities if e in names),
            cue=q.cue,
            mention=(
                text[q.speaker_start : q.speaker_end]
                if q.speaker_start is not None and q.speaker_end is not None
                else None
            ),
            colour=colours[q.speaker],
            duplicate_of=q.duplicate_of,
            confidence=q.confidence,
            low=is_low(q),
            start=q.prov.start,
            end=q.prov.end,
            fragment=text_fragment(q.text),
        )
        for q in extracted.quotes
    ]


def _fragment_part(words: list[str]) -> str:
    # a text directive's own delimiters ("-", ",", "&") must be percent-encoded in its terms
    return url_quote(" ".join(words), safe="").replace("-", "%2D")


def text_fragment(text: str, *, words: int = 5) -> str:
    """`:~:text=` that a browser scrolls to in the original page: the whole quote when short,
    else its first and last words (`text=start,end`), as the URL fragment text directive has it."""
    found = text.split()
    if len(found) <= 2 * words:
        return ":~:text=" + _fragment_part(found)
    return f":~:text={_fragment_part(found[:words])},{_fragment_part(found[-words:])}"


def marks(extracted: ExtractedArticle) -> list[Mark]:
    """Every highlighted span of the article: quotes, their cues and speakers, entities, figures."""
    colours = speaker_colours(extracted.quotes)
    found: list[Mark] = []
    for q in extracted.quotes:
        title = f"{q.speaker or 'unattributed'}" + (f" · {q.cue}" if q.cue else "")
        for start, end in q.pieces or ((q.prov.start, q.prov.end),):
            low = " q-low" if is_low(q) else ""
            found.append(Mark(start, end, f"q q-{q.kind}{low} {colours[q.speaker]}", title, q.id))
        if q.cue_start is not None and q.cue_end is not None:
            found.append(Mark(q.cue_start, q.cue_end, "cue", f"cue of {q.id}", q.id))
        if q.speaker_start is not None and q.speaker_end is not None:
            found.append(Mark(q.speaker_start, q.speaker_end, "said-by", title, q.id))
    for entity in extracted.entities:
        for m in entity.mentions:
            found.append(
                Mark(m.prov.start, m.prov.end, f"ent ent-{entity.label.lower()}", entity.name)
            )
    for f in extracted.figures:
        source = f" · according to {f.source.name}" if f.source else ""
        found.append(Mark(f.prov.start, f.prov.end, "fig", f"{f.what or 'figure'}{source}"))
    return found


def _segment(text: str, active: list[Mark]) -> Segment:
    classes = " ".join(dict.fromkeys(c for m in active for c in m.classes.split()))
    titles = " | ".join(dict.fromkeys(m.title for m in active)) or None
    quote = next((m.quote for m in active if m.quote), None)
    return Segment(text=text, classes=classes, title=titles, quote=quote)


def paragraphs(extracted: ExtractedArticle) -> list[list[Segment]]:
    """The article text as paragraphs of segments; joined, the segments give back the text."""
    text = extracted.article.text
    spans = [m for m in marks(extracted) if 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)}
    for m in spans:
        cuts.update((m.start, m.end))
    for i, char in enumerate(text):
        if char == "\n":
            cuts.update((i, i + 1))
    out: list[list[Segment]] = [[]]
    bounds = sorted(cuts)
    for start, end in itertools.pairwise(bounds):
        piece = text[start:end]
        if piece == "\n":
            if out[-1]:
                out.append([])
            continue
        out[-1].append(_segment(piece, [m for m in spans if m.start <= start < m.end]))
    return [p for p in out if p]
