"""Hand-made ExtractedArticle records for the store tests (no extraction involved)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsgraph.model import (
    Article,
    Entity,
    Event,
    ExtractedArticle,
    Figure,
    Mention,
    Provenance,
    Quote,
    Ref,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
REFERENCE = SHARED / "fixtures" / "medialine_blinken.txt"
SRC = Path(__file__).resolve().parents[2] / "src"


def find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def person(
    article_id: str, text: str, key: str, name: str, mentions: tuple[str, ...] = ()
) -> Entity:
    """A PERSON entity whose mentions are the first occurrences of the given strings."""
    spans = []
    for written in mentions or (name,):
        start, end = find(text, written)
        kind = "name" if " " in written else "surname"
        prov = Provenance(article_id=article_id, sentence=0, start=start, end=end)
        spans.append(Mention(text=written, label="PERSON", kind=kind, prov=prov))
    return Entity(id=key, name=name, label="PERSON", mentions=tuple(spans))


def quote(article_id: str, text: str, key: str, said: str, speaker: Entity) -> Quote:
    start, end = find(text, said)
    return Quote(
        id=key,
        text=said,
        kind="direct",
        cue="said",
        speaker=speaker.name,
        speaker_entity=speaker.id,
        prov=Provenance(article_id=article_id, sentence=0, start=start, end=end),
    )


def meeting(
    article_id: str, text: str, key: str, trigger: str, who: Entity, whom: Entity, day: str
) -> Event:
    start, end = find(text, trigger)
    refs = [
        Ref(name=e.name, entity=e.id, start=e.mentions[0].prov.start, end=e.mentions[0].prov.end)
        for e in (who, whom)
    ]
    return Event(
        id=key,
        type="CONSULT",
        mode="meeting",
        trigger=trigger,
        source=(refs[0],),
        target=(refs[1],),
        date=day,
        prov=Provenance(article_id=article_id, sentence=0, start=start, end=end),
    )


def figure(
    article_id: str, text: str, key: str, written: str, value: float, contests: tuple[str, ...] = ()
) -> Figure:
    start, end = find(text, written)
    return Figure(
        id=key,
        text=written,
        value=value,
        unit="people",
        what="people killed",
        contests=contests,
        prov=Provenance(article_id=article_id, sentence=0, start=start, end=end),
    )


def article(
    article_id: str, text: str, *, published: date | None = date(2023, 3, 14), **records: tuple
) -> ExtractedArticle:
    return ExtractedArticle(
        article=Article(
            id=article_id,
            text=text,
            source=f"{article_id}.txt",
            outlet="Example Wire",
            title=f"Title of {article_id}",
            published=published,
            language="en",
        ),
        sentences=((0, len(text)),),
        **records,
    )


STORY = (
    "Trade Commissioner Marit Voss met Prime Minister Alexander Tarkhanov in Strelsau on "
    "Tuesday to shore up the truce that ended eleven days of strikes at the northern ports. "
    "\u201cWe are determined to rebuild what was lost,\u201d Voss said after the talks, adding "
    "that the commission would rally support for reconstruction. Port officials in Zenda "
    "said at least 248 people were injured during the dispute, while the Ruritanian police put "
    "the number of rioters arrested at about 200. Tarkhanov warned that any blockade would be met "
    "with a very powerful response, and the two leaders discussed the tariff talks in Geneva."
)


def story(article_id: str = "story-1", text: str = STORY, **kwargs: object) -> ExtractedArticle:
    """A news story with two people, a quote, a meeting and two contested figures."""
    voss = person(article_id, text, "e0", "Marit Voss", ("Marit Voss", "Voss"))
    tarkhanov = person(
        article_id, text, "e1", "Alexander Tarkhanov", ("Alexander Tarkhanov", "Tarkhanov")
    )
    said = "\u201cWe are determined to rebuild what was lost,\u201d"
    return article(
        article_id,
        text,
        entities=(voss, tarkhanov),
        quotes=(quote(article_id, text, "q0", said, voss),),
        events=(meeting(article_id, text, "v0", "met", voss, tarkhanov, "2023-03-14"),),
        figures=(
            figure(article_id, text, "f0", "at least 248 people", 248.0, ("f1",)),
            figure(article_id, text, "f1", "about 200", 200.0, ("f0",)),
        ),
        **kwargs,  # type: ignore[arg-type]
    )


def write_corpus(folder: Path, articles: int) -> Path:
    """A folder holding the reference article, `articles` Wikinews articles (shortest first)
    and one broken JSON line, as an ingest reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = (SHARED / "samples" / "wikinews_en.jsonl").read_text(encoding="utf-8").splitlines()
    rows = sorted((json.loads(line) for line in lines), key=lambda r: (len(r["text"]), r["id"]))
    body = "\n".join(json.dumps(r) for r in rows[:articles])
    (folder / "wikinews.jsonl").write_text(body + '\n{"id": "broken", "te\n', encoding="utf-8")
    (folder / "reference.txt").write_bytes(REFERENCE.read_bytes())
    return folder
