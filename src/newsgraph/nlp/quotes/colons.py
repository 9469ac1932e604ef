"""Attributions without a verb: "Speaker: words" lines, a clause ending in a colon, a signature.

"JANE DOE: ..." (transcripts, headlines), "She went on:\n\n<paragraph>" (a block quote),
"Pollster Jane Doe: “…”", and "“…” ― Jane Doe" (a quote signed by a dash and a name).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsgraph.nlp.quotes.cues import EMPTY_SUBJECTS, Cue, cue_span, mention_span, speaker_of, trim

COLON_SPEAKER_WORDS = 4  # "JANE DOE:", "Former Gov. Doe:"; longer prefixes are prose


def colon_lines(doc: Doc, text: str, labels: frozenset[str]) -> list[Cue]:
    """Paragraphs of the form "Speaker: what they said", as in headlines and transcripts.

    The part before the colon is a short name ("Doe:", "JANE DOE:", "Q:"): at most
    COLON_SPEAKER_WORDS words, each capitalised; the rest of the paragraph is the content.
    """
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        colon = line.find(":")
        words = line[:colon].split()
        if not 0 < len(words) <= COLON_SPEAKER_WORDS or not all(w[:1].isupper() for w in words):
            continue
        label = " ".join(words).lower()
        if label in labels or words[-1].lower() in labels:
            continue  # "Breaking:", "Contributing: Jane Doe"
        if line[colon + 1 : colon + 2] not in (" ", "“", '"', "‘"):
            continue  # "5:45 p.m.", "http://"
        start, at = match.start(), match.start() + colon
        speaker = doc.char_span(start, at, alignment_mode="expand")
        cue = doc.char_span(at, at + 1, alignment_mode="expand")
        content = doc.char_span(at + 1, match.end(), alignment_mode="expand")
        if speaker is None or cue is None or content is None or len(content) < 3:
            continue
        found.append(Cue(cue, speaker, trim(doc, content.start, content.end)))
    return found


def colon_paragraphs(doc: Doc, text: str) -> list[Cue]:
    """ "Caddell continued:\n\n<paragraph>": a paragraph whose last clause ends in a colon
    introduces the next paragraph, quoted or not (a block quote), as its speaker's words."""
    found = []
    for match in re.finditer(r":[ \t\xa0]*\n\s*([^\n]+)", text):
        colon = doc.char_span(match.start(), match.start() + 1)
        content = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if colon is None or content is None or len(content) < 3:
            continue
        cue = colon_clause(doc, colon.start)
        if cue is not None:
            cue.content = trim(doc, content.start, content.end)
            found.append(cue)
    return found


def colon_clause(doc: Doc, colon: int) -> Cue | None:
    """ "She went on: “…”", "The board was blunt in its findings: “…”": a clause that ends in a
    colon introduces the quote after it, whatever its verb; its subject speaks."""
    if colon < 1:
        return None
    root = doc[colon - 1]
    while root.head.i != root.i and root.head.i < colon:  # the parse may hang it on the quote
        root = root.head
    if root.pos_ not in ("VERB", "AUX") or "\n" in doc[root.i : colon].text:
        return None
    speaker = speaker_of(root)
    if speaker is None or speaker.root.lower_ in EMPTY_SUBJECTS or speaker.end > root.i:
        return None
    return Cue(cue_span(root), speaker, None)


def named_colon(inner: Span, colon: int) -> Cue | None:
    """ "Pollster Jane Doe: “…”", "More from the report: “…”": a quote right after a colon that
    follows a name (or a noun with its determiner) names its speaker without a verb."""
    doc = inner.doc
    if colon < 1:
        return None
    j = colon - 1
    if doc[j].text == ")":  # "Rep. Jane Doe (R-S.C.):"
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    head = doc[j]
    named = head.pos_ == "PROPN" or (
        head.pos_ == "NOUN" and any(c.dep_ == "det" for c in head.children)
    )
    if not named or "\n" in doc[head.left_edge.i : j + 1].text:
        return None
    speaker = mention_span(head)
    if speaker.end != j + 1:
        return None
    return Cue(doc[colon : colon + 1], speaker, (inner.start_char, inner.end_char))


# "“…” ― Jane Doe", "“…”\n\n- Sen. Doe, speaking in Iowa": a quote signed by a dash and a name
# (reader comments, fact-check lists, embedded posts). The name is a run of capitalised words
# that ends its line or stops at a comma, a full stop or a bracket.
SIGNATURE = re.compile(
    r"[ \t\xa0]*(?:\n[ \t\xa0]*){0,2}(?P<dash>―|—|–|--?)[ \t\xa0]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,5})"
    r"[ \t\xa0]*(?:$|[,(]|\.[ \t\xa0]*$)",
    re.MULTILINE,
)


def signature(doc: Doc, text: str, start: int, end: int) -> Cue | None:
    """A dash and a name right after the closing mark (at `end`) sign the quote from `start` to
    `end`: the name speaks. `text` is doc.text, read once by the caller."""
    match = SIGNATURE.match(text, end)
    if match is None:
        return None
    name_end = match.end("name") - (1 if match.group("name").endswith(".") else 0)
    speaker = doc.char_span(match.start("name"), name_end, alignment_mode="contract")
    dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
    if speaker is None or dash is None or not any(t.pos_ == "PROPN" for t in speaker):
        return None
    return Cue(dash, speaker, (start, end))
