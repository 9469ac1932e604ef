"""Doc -> ExtractedArticle: the only place where spaCy spans become model records.

One function per stage turns what its component wrote on `doc._` into records; each component's
intermediate objects are defined in its own package or module under `newsgraph.nlp`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

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
from newsgraph.nlp import entity_at


def sentence_index(doc: Doc, char: int) -> int | None:
    """Index of the sentence holding the character offset, or None when outside every sentence."""
    for i, sent in enumerate(doc.sents):
        if sent.start_char <= char < sent.end_char:
            return i
    return None


def provenance(doc: Doc, start: int, end: int) -> Provenance:
    """Provenance of a char span of `doc`, whose text is the article text."""
    return Provenance(
        article_id=doc._.article_id, sentence=sentence_index(doc, start), start=start, end=end
    )


def entities_from(doc: Doc) -> tuple[Entity, ...]:
    """doc._.entities (EntityCluster) -> Entity records."""
    return tuple(
        Entity(
            id=cluster.key,
            name=cluster.name,
            label=cluster.label,
            roles=tuple(cluster.roles),
            aliases=tuple(cluster.aliases),
            mentions=tuple(
                Mention(
                    text=m.span.text,
                    label=m.span.label_ or cluster.label,
                    kind=m.kind,
                    prov=provenance(doc, m.span.start_char, m.span.end_char),
                )
                for m in cluster.mentions
            ),
            country=cluster.country,
            latitude=cluster.latitude,
            longitude=cluster.longitude,
        )
        for cluster in doc._.entities or ()
    )


def quotes_from(doc: Doc) -> tuple[Quote, ...]:
    """doc._.quotes (QuoteSpan) -> Quote records with ids "q0", "q1" ... in text order."""
    spans = doc._.quotes or []
    ids = {id(q): f"q{i}" for i, q in enumerate(spans)}
    return tuple(
        Quote(
            id=ids[id(q)],
            text=doc.text[q.start : q.end],
            kind=q.kind,
            cue=q.cue.text if q.cue is not None else None,
            cue_start=q.cue.start_char if q.cue is not None else None,
            cue_end=q.cue.end_char if q.cue is not None else None,
            speaker=q.name,
            speaker_start=q.speaker.start_char if q.speaker is not None else None,
            speaker_end=q.speaker.end_char if q.speaker is not None else None,
            speaker_entity=q.entity,
            speaker_entities=q.members,
            speaker_via=q.via,
            speaker_confidence=q.speaker_confidence,
            pieces=tuple(q.pieces) if len(q.pieces) > 1 else (),
            duplicate_of=ids.get(id(q.repeats)) if q.repeats is not None else None,
            confidence=q.confidence,
            prov=provenance(doc, q.start, q.end),
        )
        for q in spans
    )


def ref_from(doc: Doc, span: Span, name: str | None = None) -> Ref:
    """A Ref to the entity a span mentions; its own text (and no id) when no entity holds it.

    `name` overrides what the span is taken to name ("Moscow" acting for "Russia"): the Ref points
    to the entity of that name when the article has one.
    """
    clusters = doc._.entities or ()
    cluster = next((c for c in clusters if name is not None and c.name == name), None)
    if cluster is None and name is None and clusters:
        # the entity whose mention holds the phrase's head: "a <city> car bombing" is no city
        head = span.root
        cluster = entity_at(doc, head.idx, head.idx + len(head.text))
    return Ref(
        name=name or (cluster.name if cluster is not None else span.text),
        entity=cluster.key if cluster is not None else None,
        start=span.start_char,
        end=span.end_char,
    )


def events_from(doc: Doc) -> tuple[Event, ...]:
    """doc._.events -> Event records ("v0", ...); prov is the trigger's span."""
    return tuple(
        Event(
            id=f"v{i}",
            type=event.type,
            mode=event.mode,
            status=event.status,
            trigger=event.trigger.text,
            source=tuple(ref_from(doc, s, event.names.get((s.start, s.end))) for s in event.source),
            target=tuple(ref_from(doc, t, event.names.get((t.start, t.end))) for t in event.target),
            place=(
                ref_from(doc, event.place, event.names.get((event.place.start, event.place.end)))
                if event.place is not None
                else None
            ),
            when=event.date.span.text if event.date is not None else None,
            date=event.date.iso if event.date is not None else None,
            confidence=event.confidence,
            prov=provenance(doc, event.trigger.start_char, event.trigger.end_char),
        )
        for i, event in enumerate(doc._.events or ())
    )


def figures_from(doc: Doc) -> tuple[Figure, ...]:
    """doc._.figures -> Figure records ("f0", ...); prov covers hedge and number."""
    return tuple(
        Figure(
            id=f"f{i}",
            text=figure.span.text,
            value=figure.value,
            hedge=figure.hedge,
            unit=figure.unit,
            what=figure.what,
            source=(
                ref_from(doc, figure.source, figure.source_name)
                if figure.source is not None
                else None
            ),
            cue=figure.cue.text if figure.cue is not None else None,
            contests=tuple(f"f{j}" for j in figure.contests),
            value_high=figure.value_high,
            part_of=figure.part_of,
            contest=figure.contest,
            reason=figure.reason,
            counted=None if figure.part else figure.noun,  # "30 of them": no noun of its own
            quantity=figure.quantity,
            place=figure.frame.place,
            period=figure.frame.period,
            period_date=figure.frame.period_date,
            prov=provenance(doc, figure.span.start_char, figure.span.end_char),
        )
        for i, figure in enumerate(doc._.figures or ())
    )


def extracted_from(article: Article, doc: Doc) -> ExtractedArticle:
    """All records of one processed doc."""
    return ExtractedArticle(
        article=article,
        entities=entities_from(doc),
        quotes=quotes_from(doc),
        events=events_from(doc),
        figures=figures_from(doc),
        sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
    )


def confident(extracted: ExtractedArticle, min_confidence: float | None) -> ExtractedArticle:
    """The record without the quotes whose confidence is below `min_confidence` (None keeps all;
    quotes no model scored stay). A pull quote has its source's confidence: they go together."""
    if min_confidence is None:
        return extracted
    quotes = tuple(
        q for q in extracted.quotes if q.confidence is None or q.confidence >= min_confidence
    )
    return dataclasses.replace(extracted, quotes=quotes)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised doc carrying the article's id and publication date for the components."""
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.published = article.published
    return doc


def extract_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 16
) -> Iterator[ExtractedArticle]:
    """Run the pipeline over articles, streaming: one ExtractedArticle per input article."""
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        extracted = extracted_from(pending.pop(0), doc)
        release(doc)
        yield extracted


def release(doc: Doc) -> None:
    """Drop the spans that the components keep on the doc: they point back at it, and a doc in such
    a cycle waits for the cyclic garbage collector, so memory would rise with the batch count."""
    doc.user_data.clear()


def extract_article(article: Article, nlp: Language) -> ExtractedArticle:
    """One article through the pipeline."""
    doc = nlp(make_doc(nlp, article))
    extracted = extracted_from(article, doc)
    release(doc)
    return extracted
