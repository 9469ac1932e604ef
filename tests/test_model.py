"""The data model: the serialiser round-trips, offsets slice back, hashes ignore layout."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

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
    content_hash,
    from_json,
    to_json,
)

TEXT = "Officials said 12 people met in Paris on Tuesday. “We agree,” she said."


def sample() -> ExtractedArticle:
    prov = Provenance(article_id="a1", sentence=0, start=15, end=17)
    place = Ref(name="Paris", entity="e1", start=35, end=40)
    return ExtractedArticle(
        article=Article(id="a1", text=TEXT, source="x.txt", published=date(2027, 5, 25)),
        entities=(
            Entity(
                id="e1",
                name="Paris",
                label="GPE",
                mentions=(Mention(text="Paris", label="GPE", kind="name", prov=prov),),
                country="FR",
            ),
        ),
        quotes=(
            Quote(
                id="q0",
                text="“We agree,”",
                kind="direct",
                cue="said",
                pieces=((50, 61),),
                prov=Provenance(article_id="a1", sentence=1, start=50, end=61),
            ),
        ),
        events=(Event(id="v0", type="CONSULT", place=place, source=(place,), prov=prov),),
        figures=(Figure(id="f0", text="12", value=12.0, source=place, prov=prov),),
        sentences=((0, 49), (50, 72)),
    )


def test_round_trip_returns_the_input() -> None:
    record = sample()
    assert from_json(to_json(record)) == record


def test_public_schema_flattens_provenance() -> None:
    quote = to_json(sample())["quotes"][0]
    assert (quote["start"], quote["end"]) == (50, 61)
    assert "prov" not in quote
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]


def test_article_gets_its_content_hash() -> None:
    assert sample().article.content_hash == content_hash(TEXT)


@given(st.text(), st.sampled_from([" ", "\n", "\t", "  \n "]))
def test_hash_ignores_whitespace_layout(text: str, gap: str) -> None:
    words = text.split()
    assert content_hash(" ".join(words)) == content_hash(gap.join(words))
