"""--output table: every kind of record appears in the terminal view."""

from __future__ import annotations

import io

from rich.console import Console

from newsgraph.cli.table import render
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

TEXT = "Mayor Ana Ruiz said 300 homes flooded. Ruiz met the governor in Lyon."


def prov(start: int, end: int) -> Provenance:
    return Provenance(article_id="a1", sentence=0, start=start, end=end)


def shown(record: ExtractedArticle) -> str:
    screen = io.StringIO()
    Console(file=screen, width=200).print(*render([record]))
    return screen.getvalue()


def test_the_table_shows_header_entities_quotes_events_and_figures() -> None:
    ruiz = Ref(name="Ana Ruiz", entity="e0", start=6, end=14)
    record = ExtractedArticle(
        article=Article(id="a1", text=TEXT, source="s.txt", title="Flood", outlet="Gazette"),
        entities=(
            Entity(
                id="e0",
                name="Ana Ruiz",
                label="PERSON",
                roles=("mayor",),
                mentions=(Mention(text="Ana Ruiz", label="PERSON", kind="name", prov=prov(6, 14)),),
            ),
        ),
        quotes=(
            Quote(
                id="q0",
                text="300 homes flooded",
                kind="indirect",
                cue="said",
                speaker="Ana Ruiz",
                prov=prov(20, 37),
            ),
        ),
        events=(
            Event(
                id="v0",
                type="CONSULT",
                mode="meeting",
                source=(ruiz,),
                place=Ref(name="Lyon", entity=None, start=66, end=70),
                prov=prov(39, 71),
            ),
        ),
        figures=(
            Figure(id="f0", text="300 homes", value=300, what="homes flooded", prov=prov(20, 29)),
        ),
    )
    text = shown(record)
    for expected in (
        "Flood",
        "outlet: Gazette",
        "Entities (1)",
        "mayor",
        "Quotes (1)",
        "said",
        "CONSULT (meeting)",
        "Lyon",
        "Figures (1)",
        "homes flooded",
        "reporter",
    ):
        assert expected in text


def test_empty_lists_say_none() -> None:
    record = ExtractedArticle(article=Article(id="a2", text="Short.", source="s.txt"))
    text = shown(record)
    assert "Quotes: none" in text
    assert "a2" in text  # the id stands in for a missing title
