"""newsgraph_paragraphs: a line break starts a sentence.

spaCy's parser runs a sentence on over a blank line, so a paragraph's first clause would hang on the
last one's (a quote paragraph, then "Doe said the plan ..."). Added before the parser, which keeps
sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark the token after each line break as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
