"""The data model at the centre of newsgraph: every stage passes these records, never dicts.

Offsets are Python string indices into `Article.text`; `article.text[x.prov.start:x.prov.end]`
is always the record's own text. `to_json`/`from_json` are the one serialiser: their output is
the public schema of `newsgraph extract` (extend it, never rename a key).
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

QUOTE_KINDS = ("direct", "indirect", "mixed")
# How a quote's speaker name was reached from its mention: the full name written, a surname
# joined to it, a title + name, a descriptor ("the minister") linked by role, a pronoun.
SPEAKER_VIAS = ("name", "surname", "title", "group", "descriptor", "document", "pronoun")
EVENT_STATUSES = ("happened", "ongoing", "planned")


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a record comes from: article id, sentence index (None if unknown) and char span."""

    article_id: str
    sentence: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article; `text` is the clean body that every offset points into.

    A fetched article (`newsgraph watch`, `ingest URL`) also records how it was read, so that
    anyone can check it against what the outlet served: `fetched_url` is the URL requested
    (`url` is where redirects ended), `fetched_at` when the response came (UTC), `http_status`
    its status, and its WARC record (`warc_record`, the WARC-Record-ID) lies at byte
    `warc_offset` of `warc_file`, a name in the WARC folder beside the database. All None for
    an article read from a file.
    """

    id: str
    text: str
    source: str  # the file, and the record within it: "feed.xml#entry-3"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    content_hash: str = ""
    fetched_url: str | None = None
    fetched_at: datetime | None = None
    http_status: int | None = None
    warc_file: str | None = None
    warc_record: str | None = None
    warc_offset: int | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True, slots=True, kw_only=True)
class Ref:
    """A pointer to the mention of an entity that fills a role (speaker, actor, place, source)."""

    name: str  # the resolved entity name, or the mention's text when unresolved
    entity: str | None  # entity id within the article; None when unresolved
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One mention of an entity: a name, surname, title, descriptor, pronoun or metonym."""

    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC ...
    kind: str  # "name" | "surname" | "title" | "descriptor" | "pronoun" | "metonym"
    prov: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A referent inside one article, with every mention of it."""

    id: str  # article-local: "e0", "e1", ...
    name: str  # the fullest clean name in the article ("Mara Vell" for "Governor [Mara] Vell")
    label: str
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2, for places and national actors
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """An attributed statement: direct, indirect (reported) or mixed."""

    id: str  # article-local: "q0", ...
    text: str
    kind: str  # one of QUOTE_KINDS
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # resolved entity name; None when it cannot be resolved
    speaker_start: int | None = None  # the attributing mention ("he", "the ministry")
    speaker_end: int | None = None
    speaker_entity: str | None = None  # entity id
    # a group speaker ("<A> and <B> said", `speaker_via` "group"): each one's entity id, in
    # the order named; `speaker_entity` is then None
    speaker_entities: tuple[str, ...] = ()
    # how `speaker` was resolved from the mention: one of SPEAKER_VIAS; None when unresolved
    speaker_via: str | None = None
    speaker_confidence: float | None = None  # 0-1, by `speaker_via` (see nlp/quotes/speakers.py)
    pieces: tuple[tuple[int, int], ...] = ()  # discontinuous parts when the cue splits the quote
    duplicate_of: str | None = None  # a pull quote: the id of the quote it repeats
    # probability (0-1) that this is an attribution as a person would mark it (calibrated on
    # PolNeAR); None when no model scored it (rules only)
    confidence: float | None = None
    prov: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A PLOVER event: who did what to whom, where and when."""

    id: str  # article-local: "v0", ...
    type: str  # PLOVER type: CONSULT, ASSAULT ...
    mode: str | None = None  # "visit", "meeting", "phone call", "airstrike" ...
    status: str = "happened"  # one of EVENT_STATUSES
    trigger: str | None = None
    source: tuple[Ref, ...] = ()
    target: tuple[Ref, ...] = ()
    place: Ref | None = None
    when: str | None = None  # the date expression as written ("later Tuesday")
    date: str | None = None  # ISO date, or "start/end" range; None when unresolved
    confidence: float | None = None  # 0..1: how far to trust it; None when not scored
    prov: Provenance


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number that counts something, with its hedge and the source it is attributed to."""

    id: str  # article-local: "f0", ...
    text: str
    value: float | None  # None for vague amounts ("thousands")
    hedge: str | None = None  # "at least", "approximately"; None when stated flat
    unit: str | None = None  # "percent", "USD", "people" ...
    what: str | None = None  # what it counts ("flood victims evacuated")
    source: Ref | None = None  # None when the reporter states it
    cue: str | None = None  # "according to", "insists"
    contests: tuple[str, ...] = ()  # ids of figures from other sources for the same quantity
    value_high: float | None = None  # a range's high end ("6% to 11%"); None for one number
    part_of: str | None = None  # the whole a share counts out of: "the dead" of "225 of the dead"
    contest: str | None = None  # "total" or "composition" when `contests` is not empty
    reason: str | None = None  # why the claims cannot all hold: "parts 100 + 225 > whole 280"
    counted: str | None = None  # the counted noun's lemma ("rocket", "dead"); None: none named
    # what is counted as a family of quantities.tsv ("dead", "injured") or the clause verb's lemma;
    # figures of two articles contest only when they count one quantity
    quantity: str | None = None
    place: str | None = None  # where it counts, as its sentence says ("Kabul"); None: not said
    period: str | None = None  # the time frame as written ("since Monday", "in 2020")
    period_date: str | None = None  # the period resolved: ISO date or "start/end"; None: not
    prov: Provenance


@dataclass(frozen=True)
class Frame:
    """Where and when a figure counts, as its sentence says; None where it says nothing."""

    place: str | None = None  # "Kabul"
    period: str | None = None  # "on Tuesday", "since October", "over the past week"
    period_date: str | None = None  # "2021-05-25", "2021-05-01/2021-05-31"; None unresolved


def same_frame(a: Frame, b: Frame) -> bool:
    """Nothing says the two figures count in different places or periods: where both give one,
    it is the same (periods by their resolved dates when both resolve)."""
    if a.place and b.place and a.place.casefold() != b.place.casefold():
        return False
    if a.period_date and b.period_date:
        return a.period_date == b.period_date
    return not (a.period and b.period and a.period.casefold() != b.period.casefold())


# How far a hedge stretches a figure (`claimed_range`): "approximately 280" is 252-308 (news
# rounds to the nearest ten or so); "at least 40" is the count confirmed so far, a rival above 60
# disputes it.
ROUNDING = 0.1
FLOOR = 1.5
LOWER_HEDGES = frozenset({"at least", "more than", "over", "no fewer than", "upwards of",
    "in excess of", "just over", "well over", "above", "beyond", "or more"})  # fmt: skip
UPPER_HEDGES = frozenset({"up to", "at most", "less than", "fewer than", "under", "no more than",
    "below", "as many as", "as much as", "as high as", "just under"})  # fmt: skip


def claimed_range(
    value: float | None, value_high: float | None, hedge: str | None
) -> tuple[float, float]:
    """The least and most a figure claims, from its value (a range's ends) and hedge."""
    if value is None:
        return 0.0, math.inf
    low, high = value, value_high if value_high is not None else value
    said = (hedge or "").lower()
    if said in LOWER_HEDGES:
        return low, high * FLOOR
    if said in UPPER_HEDGES:
        return 0.0, high
    if said:  # "about", "approximately", "an estimated", "~"
        return low * (1 - ROUNDING), high * (1 + ROUNDING)
    return low, high


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractedArticle:
    """Everything newsgraph knows about one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())  # char spans of sentences


def normalise_text(text: str) -> str:
    """NFKC, lower case, whitespace collapsed: two copies of one text normalise alike."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalised text: the key of an article everywhere."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


# --- the one serialiser -------------------------------------------------------------------------

_RECORDS: dict[str, type[Any]] = {
    "entities": Entity,
    "quotes": Quote,
    "events": Event,
    "figures": Figure,
}


# each record class's field names, looked up once (the serialiser runs for every listed record)
_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: Any) -> Any:
    if isinstance(value, Provenance):
        return {"sentence": value.sentence, "start": value.start, "end": value.end}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name in _field_names(type(value)):
            item = getattr(value, name)
            if name == "prov":
                out.update(_plain(item))  # provenance is flattened: "start", "end", "sentence"
            else:
                out[name] = _plain(item)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_json(extracted: ExtractedArticle) -> dict[str, Any]:
    """The public record of `newsgraph extract`: plain JSON types only."""
    out: dict[str, Any] = _plain(extracted)
    return out


def _ref(raw: dict[str, Any] | None) -> Ref | None:
    return None if raw is None else Ref(**raw)


def _record(cls: type[Any], raw: dict[str, Any], article_id: str) -> Any:
    raw = dict(raw)
    if cls is Entity:  # an entity has no span of its own: its mentions do
        raw["mentions"] = tuple(_record(Mention, m, article_id) for m in raw.get("mentions", ()))
        raw["roles"] = tuple(raw.get("roles", ()))
        raw["aliases"] = tuple(raw.get("aliases", ()))
        return Entity(**raw)
    prov = Provenance(
        article_id=article_id,
        sentence=raw.pop("sentence", None),
        start=raw.pop("start"),
        end=raw.pop("end"),
    )
    if cls is Quote:
        raw["pieces"] = tuple(tuple(p) for p in raw.get("pieces", ()))
        raw["speaker_entities"] = tuple(raw.get("speaker_entities", ()))
    elif cls is Event:
        raw["source"] = tuple(Ref(**r) for r in raw.get("source", ()))
        raw["target"] = tuple(Ref(**r) for r in raw.get("target", ()))
        raw["place"] = _ref(raw.get("place"))
    elif cls is Figure:
        raw["source"] = _ref(raw.get("source"))
        raw["contests"] = tuple(raw.get("contests", ()))
    return cls(prov=prov, **raw)


def from_json(raw: dict[str, Any]) -> ExtractedArticle:
    """Inverse of `to_json`: `from_json(to_json(x)) == x`."""
    fields = dict(raw["article"])
    published = fields.get("published")
    fields["published"] = date.fromisoformat(published) if published else None
    fetched_at = fields.get("fetched_at")
    fields["fetched_at"] = datetime.fromisoformat(fetched_at) if fetched_at else None
    article = Article(**fields)
    lists = {
        key: tuple(_record(cls, r, article.id) for r in raw.get(key, ()))
        for key, cls in _RECORDS.items()
    }
    return ExtractedArticle(
        article=article,
        entities=lists["entities"],
        quotes=lists["quotes"],
        events=lists["events"],
        figures=lists["figures"],
        sentences=tuple((s[0], s[1]) for s in raw.get("sentences", ())),
    )


def record_to_json(record: Entity | Quote | Event | Figure | Article) -> dict[str, Any]:
    """One record in the public schema, as it appears inside `to_json` (provenance flattened)."""
    out: dict[str, Any] = _plain(record)
    return out
