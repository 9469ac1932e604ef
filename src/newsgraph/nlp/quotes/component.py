"""newsgraph_quotes: who said what. Writes `doc._.quotes`, a list of QuoteSpan in text order.

Runs after the parser (and after newsgraph_entities when present). Two sources of evidence meet:
quotation marks (`marks.find_stretches`) and attribution cues in the parse ("X said (that) ...",
"according to X, ...", "..., X warned", "a poll found ..."). A cue's content that touches a quoted
stretch grows to cover it; the letters inside and outside quotation marks decide the kind (direct,
indirect, mixed), as in the PolNeAR guidelines. Quoted stretches no cue claims are attributed to a
cue right after or before them, or continue the quote before them in the paragraph. Speakers are
resolved to entities by `speakers.Resolver`. Pull quotes (a paragraph repeating an earlier quote)
are linked with `duplicate_of`, not counted again. With a trained model (`learned.py`), every
quote gets a confidence and reported speech the rules miss (`candidates.py`) may join them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)
from newsgraph.nlp.quotes.candidates import propose, speech_stretches
from newsgraph.nlp.quotes.colons import colon_lines, colon_paragraphs
from newsgraph.nlp.quotes.cues import mention_span, relative_antecedent
from newsgraph.nlp.quotes.index import QuoteIndex
from newsgraph.nlp.quotes.kinds import is_title, kind_of
from newsgraph.nlp.quotes.learned import QuoteModel, keep
from newsgraph.nlp.quotes.names import SpeakerWords
from newsgraph.nlp.quotes.nearby import CueSearch
from newsgraph.nlp.quotes.pieces import (
    QuoteSpan,
    content_lead,
    continue_paragraphs,
    drop_nested,
    from_cue,
    join_quote_paragraphs,
    quote_right_after,
    quoted_tokens,
)
from newsgraph.nlp.quotes.pulls import pull_quotes
from newsgraph.nlp.quotes.speakers import Resolver, list_members
from newsgraph.nlp.readers import RESOURCES, load_synonyms, load_words


@dataclass(frozen=True, kw_only=True)
class QuotesFinder(CueSearch):
    """newsgraph_quotes: the word lists it was built with (lemmas, lower case) and its settings.

    `cues` attribute speech ("said"), `prep_cues` with their preposition ("called for"),
    `object_cues` through their object alone ("praised Y"); `content_object_cues` and
    `infinitive_cues` may take an object or an infinitive as content ("wants to win"),
    `naming_cues` name their object ("called it “vile”"); `uttered_cues`' quoted object is said,
    never a title; `colon_labels` start a "Label: ..." line without naming a speaker;
    `speaker_titles` maps a descriptor to the title words it may stand for.
    """

    cues: frozenset[str]
    prep_cues: frozenset[str]
    pronouns: frozenset[str]
    object_cues: frozenset[str] = frozenset()
    content_object_cues: frozenset[str] = frozenset()
    infinitive_cues: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    uttered_cues: frozenset[str] = frozenset()
    colon_labels: frozenset[str] = frozenset()
    speaker_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    speaker_words: SpeakerWords = field(default_factory=SpeakerWords.load)
    # ''…'' are quotation marks (news archives' plain text): True, False, or None to detect it
    # per article (uses_apostrophe_quotes)
    apostrophe_quotes: bool | None = None
    # the attribution model (learned.py): confidences, and reported speech the rules miss
    model: QuoteModel | None = None

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy joins it anew on each call: once per doc keeps this linear
        quotes = self.find(doc, text)
        if self.model is not None:
            quotes = self.scored(doc, text, quotes, self.model)
        quoted = [(s.start, s.end) for q in quotes for s in q.stretches]
        resolver = Resolver(doc, self.pronouns, self.speaker_titles, quoted, self.speaker_words)
        for quote in quotes:
            if quote.speaker is not None:
                antecedent = relative_antecedent(quote.speaker.root)
                mention = mention_span(antecedent) if antecedent is not None else quote.speaker
                found = resolver.resolve(mention)
                quote.name, quote.entity = found.name, found.entity
                quote.via, quote.speaker_confidence = found.via, found.confidence
                quote.members = found.members
                if not found.members:  # a group is no antecedent for "he" or "she"
                    resolver.spoke(quote.speaker, quote.name, quote.entity)
                elif antecedent is None and len(listed := list_members(mention.root)) > 1:
                    # the mention is the whole list, not its first name
                    quote.speaker = doc[listed[0].left_edge.i : listed[-1].i + 1]
        quotes.extend(pull_quotes(text, quotes))
        quotes.sort(key=lambda q: q.start)
        doc._.quotes = quotes
        return doc

    def find(self, doc: Doc, text: str | None = None) -> list[QuoteSpan]:
        """Attributions of one doc, without speakers resolved or pull quotes; `text`: doc.text."""
        text = doc.text if text is None else text
        stretches = speech_stretches(text, self.apostrophe_quotes)
        quoted = quoted_tokens(doc, stretches)
        cues = [c for t in doc if t.i not in quoted and (c := self.cue_at(t)) is not None]
        for cue in cues:  # "“We'll see,” when asked whether ...": a quote's word is no speaker
            if cue.speaker is not None and cue.speaker.root.i in quoted:
                cue.speaker = None
        cues.extend(colon_lines(doc, text, self.colon_labels))
        cues.extend(colon_paragraphs(doc, text))
        for cue in cues:
            after = quote_right_after(text, cue, stretches)
            if after is not None and (
                cue.content is None
                or cue.content[0] < cue.cue.start_char
                or cue.content[0] == after.start
            ):
                cue.content = (content_lead(text, cue, after), after.end)  # "X replied, “…”"
        quotes = [q for c in cues if c.content and (q := from_cue(c, stretches, text))]
        quotes = drop_nested(quotes, text)
        claimed = {id(s) for q in quotes for s in q.stretches}
        index = QuoteIndex(text, quotes)  # appends to `quotes`
        for stretch in stretches:
            if id(stretch) not in claimed:
                self.attach(doc, text, stretch, index)
        continue_paragraphs(stretches, quotes)
        join_quote_paragraphs(text, stretches, quotes)
        for quote in quotes:
            quote.kind = kind_of(text, quote.pieces, stretches)
        quotes = [
            q for q in quotes if not (q.kind == "direct" and is_title(text, q, self.uttered_cues))
        ]
        return sorted(quotes, key=lambda q: q.start)

    def scored(
        self, doc: Doc, text: str, quotes: list[QuoteSpan], model: QuoteModel
    ) -> list[QuoteSpan]:
        """The rule quotes and the wider candidates that `learned.keep` keeps, each with its
        confidence; a rule quote keeps its own span, cue and speaker."""
        stretches = speech_stretches(text, self.apostrophe_quotes)
        items = propose(doc, quotes, model.object_cues, self.cues, stretches)
        confidences = [model.confidence(item.features) for item in items]
        proposals = [item.proposal(c) for item, c in zip(items, confidences, strict=True)]
        kept = []
        for i in keep(proposals, model.drop, model.add):
            item = items[i]
            if item.index is not None:
                quote = quotes[item.index]
            else:
                quote = QuoteSpan(list(item.pieces), item.kind, item.cue, item.speaker)
                quote.stretches.extend(stretches.touching(quote.start, quote.end))
                if quote.kind == "direct" and is_title(text, quote, self.uttered_cues):
                    continue  # 'wrote “Peter Pan Returns”': a title, as the rules read it
            quote.confidence = round(confidences[i], 3)
            kept.append(quote)
        return kept


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.quotes"],
    default_config={
        "cues": "quote_cues.txt",
        "prep_cues": "quote_prep_cues.txt",
        "pronouns": "pronouns.txt",
        "object_cues": "quote_object_cues.txt",
        "content_object_cues": "quote_content_object_cues.txt",
        "infinitive_cues": "quote_infinitive_cues.txt",
        "naming_cues": "quote_naming_cues.txt",
        "uttered_cues": "quote_uttered_cues.txt",
        "colon_labels": "colon_labels.txt",
        "speaker_titles": "speaker_titles.txt",
        "apostrophe_quotes": None,
        "model": "quote_model.json",
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    cues: str,
    prep_cues: str,
    pronouns: str,
    object_cues: str,
    content_object_cues: str,
    infinitive_cues: str,
    naming_cues: str,
    uttered_cues: str,
    colon_labels: str,
    speaker_titles: str,
    apostrophe_quotes: bool | None,
    model: str | None,
) -> QuotesFinder:
    """Build newsgraph_quotes; each word list is a file name in `nlp/resources/` (or a path).

    `model`: the attribution model's weights, likewise (`newsgraph train quotes` writes one);
    None for the rules alone, whose quotes then have no confidence.
    """
    return QuotesFinder(
        cues=load_words(cues),
        prep_cues=load_words(prep_cues),
        pronouns=load_words(pronouns),
        object_cues=load_words(object_cues),
        content_object_cues=load_words(content_object_cues),
        infinitive_cues=load_words(infinitive_cues),
        naming_cues=load_words(naming_cues),
        uttered_cues=load_words(uttered_cues),
        colon_labels=load_words(colon_labels),
        speaker_titles=load_synonyms(speaker_titles),
        apostrophe_quotes=apostrophe_quotes,
        model=QuoteModel.load(RESOURCES / model) if model is not None else None,
    )
