"""newsgraph_quotes, by idea: who said what, and in which words.

marks.py      quotation marks in the text: the quoted stretches
cues.py       attribution cues in the parse: cue, speaker, content ("X said ...")
colons.py     attributions without a verb ("Doe: ...", "She went on:", "― Jane Doe")
nearby.py     the cue a quoted stretch finds above, after or before it
pieces.py     QuoteSpan and its pieces: paragraphs, nesting, coordination
kinds.py      direct, indirect or mixed; quoted titles that are no statement
pulls.py      pull quotes that repeat an earlier quote
speakers.py   from an attributing mention to an entity's name
component.py  the component (QuotesFinder) and its factory, make_quotes
"""

from __future__ import annotations

from newsgraph.nlp.quotes.component import QuotesFinder, make_quotes
from newsgraph.nlp.quotes.kinds import kind_of
from newsgraph.nlp.quotes.pieces import QuoteSpan
from newsgraph.nlp.quotes.pulls import pull_quotes

__all__ = ["QuoteSpan", "QuotesFinder", "kind_of", "make_quotes", "pull_quotes"]
