"""The quotes found so far, indexed by cue word and by paragraph, for attributing the quoted
stretches no cue's content covers (`nearby.CueSearch.attach`) without a scan over all of them."""

from __future__ import annotations

from newsgraph.nlp.quotes.cues import Cue
from newsgraph.nlp.quotes.pieces import QuoteSpan


class QuoteIndex:
    """The quotes found so far (the list itself, appended to), looked up by cue word and by
    paragraph, so that attributing each unclaimed stretch costs no scan over every quote.

    A quote whose first piece moves is filed again (`moved`); look-ups check the live offsets.
    """

    def __init__(self, text: str, quotes: list[QuoteSpan]) -> None:
        self.text = text
        self.quotes = quotes
        self.rank: dict[int, int] = {}
        self.by_cue: dict[int, QuoteSpan] = {}
        self.by_paragraph: dict[int, dict[int, QuoteSpan]] = {}
        for rank, quote in enumerate(quotes):
            self.file(quote, rank)

    def file(self, quote: QuoteSpan, rank: int) -> None:
        self.rank[id(quote)] = rank
        if quote.cue is not None:
            self.by_cue.setdefault(quote.cue.root.i, quote)
        self.moved(quote)

    def append(self, quote: QuoteSpan) -> None:
        self.quotes.append(quote)
        self.file(quote, len(self.quotes) - 1)

    def moved(self, quote: QuoteSpan) -> None:
        """File a quote under the paragraph its start now lies in."""
        paragraph = self.text.rfind("\n", 0, quote.start) + 1
        self.by_paragraph.setdefault(paragraph, {})[id(quote)] = quote

    def of_cue(self, cue: Cue) -> QuoteSpan | None:
        """The first quote found for the same cue word, if any."""
        return self.by_cue.get(cue.cue.root.i)

    def last_within(self, paragraph: int, end: int) -> QuoteSpan | None:
        """Of the quotes from `paragraph` (a paragraph's first offset) to `end`, the one that
        ends last (the first found of those ending together), one with quoted stretches first."""
        best, best_key = None, (False, -1, 0)
        for quote in self.by_paragraph.get(paragraph, {}).values():
            if paragraph <= quote.start and quote.end <= end:
                key = (bool(quote.stretches), quote.end, -self.rank[id(quote)])
                if best is None or key > best_key:
                    best, best_key = quote, key
        return best
