"""Reported speech the rules leave out, as candidates for the learned model (`learned.py`), and
the features of every attribution, the rules' own and the candidates.

`wider_candidates` proposes every verb with a clausal complement, an infinitive or (for verbs that
attribute in the training data) an object ("X warned that ...", "..., the ministry announced",
"was reported by X", "accused X of ..."); `features` describes one attribution by its cue lemma,
how it was found, kind, speaker, length and position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.quotes.cues import (
    SUBJECTS,
    coordinated_end,
    cue_span,
    mention_span,
    speaker_of,
    trim,
)
from newsgraph.nlp.quotes.kinds import kind_of
from newsgraph.nlp.quotes.learned import Proposal
from newsgraph.nlp.quotes.marks import Stretch, Stretches, find_stretches, uses_apostrophe_quotes
from newsgraph.nlp.quotes.pieces import is_speech, quoted_tokens

# Dependents of a verb that may hold what it attributes, and the name of each way of finding it.
COMPLEMENTS = {"ccomp": "ccomp", "xcomp": "xcomp", "dobj": "object", "prep": "prep"}
LENGTHS = (1, 2, 3, 5, 8, 13, 21, 34, 55)  # content length buckets, in tokens
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who", "that", "which"})
LEADS = ("that", "whether", "if", "to", "how", "what", "why")  # first words of content


@dataclass(frozen=True)
class Candidate:
    """A reported-speech candidate from the parse: char pieces, cue, speaker, how found."""

    pieces: list[tuple[int, int]]
    cue: Span
    speaker: Span | None
    origin: str


def speech_stretches(text: str, apostrophes: bool | None = None) -> Stretches:
    """Quoted stretches holding a word, not markup, as newsgraph_quotes reads them;
    `apostrophes` None detects ''…'' per article."""
    if apostrophes is None:
        apostrophes = uses_apostrophe_quotes(text)
    return Stretches(s for s in find_stretches(text, apostrophes=apostrophes) if is_speech(text, s))


def wider_candidates(
    doc: Doc, object_cues: frozenset[str], quoted: set[int], taken: set[int]
) -> Iterator[Candidate]:
    """Every verb outside quotation marks (and not a cue in `taken`) with a complement that may be
    reported content: a clause, an infinitive, or, for `object_cues`, an object or prepositional
    phrase ("accused X of ...")."""
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.i in quoted or token.i in taken:
            continue
        speaker = speaker_of(token) or _agent(token)
        if speaker is not None and _borrowed(token, speaker):
            continue
        lemma = token.lemma_.lower()
        for child in token.children:
            origin = COMPLEMENTS.get(child.dep_)
            if origin is None or (origin in ("object", "prep") and lemma not in object_cues):
                continue
            end = coordinated_end(token, child) if origin == "ccomp" else child.right_edge.i + 1
            start = child.left_edge.i + (origin == "prep")  # "accused X of lying": not "of"
            if child.i < token.i:
                end = min(end, token.left_edge.i)  # "..., the ministry announced"
            span = trim(doc, start, end) if start < end else None
            if span is not None:
                yield Candidate([span], cue_span(token), speaker, origin)
        if token.dep_ == "parataxis" and token.head.i < token.i and speaker is not None:
            # "The talks will go on, he said": the clause around the cue
            span = trim(doc, token.head.left_edge.i, token.left_edge.i)
            if span is not None:
                yield Candidate([span], cue_span(token), speaker, "parataxis")


def _borrowed(token: Token, speaker: Span) -> bool:
    """A subject the verb shares with the verb it hangs on ("Demonstrating how great the gap is,
    X insisted ..."): the writer's framing more often than X's words. On train (out of fold),
    such candidates' speakers were right for 0.63 of the right spans, against 0.86 for a verb's
    own subject; "X, who warned ..." (the clause's noun) is the verb's own."""
    return speaker.root.head.i != token.i and token.dep_ != "relcl"


def _agent(token: Token) -> Span | None:
    """ "was reported by X": the passive's agent speaks."""
    for child in token.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return mention_span(pobj)
    return None


def _bucket(n: int, edges: tuple[int, ...] = LENGTHS) -> str:
    return str(next((e for e in edges if n <= e), f">{edges[-1]}"))


def features(
    doc: Doc,
    text: str,
    pieces: list[tuple[int, int]],
    kind: str,
    cue: Span | None,
    speaker: Span | None,
    origin: str,
    cues: frozenset[str],
) -> list[str]:
    """String features of one attribution, for QuoteModel.confidence; `text` is doc.text."""
    start, end = pieces[0][0], pieces[-1][1]
    content = doc.char_span(start, end, alignment_mode="expand")
    n = len(content) if content is not None else 0
    out = [f"origin={origin}", f"kind={kind}", f"origin+kind={origin}+{kind}", f"len={_bucket(n)}"]
    out += [f"kind+len={kind}+{_bucket(n)}", f"pieces={min(len(pieces), 3)}"]
    out += _cue_features(doc, cue, start, end, kind, origin, cues)
    out += _speaker_features(speaker, origin)
    if speaker is not None and cue is not None:
        # the cue's own subject, or one it shares with the verb it hangs on (rule quotes only:
        # such candidates are not proposed, `_borrowed`)
        own = speaker.root.head.i == cue.root.i
        out.append(f"speaker_of_cue={own}+{origin}")
    if content is not None and n:
        out += _content_features(text, content, start)
    out.append(f"sentence={min(_sentence_number(doc, start), 3)}")
    return out


def _cue_features(
    doc: Doc, cue: Span | None, start: int, end: int, kind: str, origin: str, cues: frozenset[str]
) -> list[str]:
    if cue is None:
        return ["cue=none"]
    root = cue.root
    lemma = root.lemma_.lower() if root.pos_ in ("VERB", "AUX", "NOUN") else root.lower_
    side = "before" if cue.end_char <= start else "after" if cue.start_char >= end else "in"
    out = [f"lemma={lemma}", f"lemma+origin={lemma}+{origin}", f"lemma+kind={lemma}+{kind}"]
    out += [f"cue_list={lemma in cues}", f"tag={root.tag_}", f"dep={root.dep_}"]
    out.append(f"dep+tag={root.dep_}+{root.tag_}")  # "Demonstrating ..., X insisted": advcl+VBG
    out += [f"side={side}", f"side+kind={side}+{kind}", f"origin+dep={origin}+{root.dep_}"]
    children = {c.dep_ for c in root.children}
    if "neg" in children:
        out.append("negated")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
        out.append("modal")
    if "auxpass" in children or "nsubjpass" in children:
        out.append("passive")
    if root.dep_ in ("relcl", "acl", "amod", "pcomp"):
        out.append(f"embedded+origin={origin}")
    if root.sent.start == root.i or (root.i and doc[root.i - 1].is_punct):
        out.append("cue_after_punct")
    return out


def _speaker_features(speaker: Span | None, origin: str) -> list[str]:
    if speaker is None:
        return ["speaker=none", f"speaker+origin=none+{origin}"]
    root = speaker.root
    word = root.lower_ if root.lower_ in PRONOUNS else root.pos_
    out = [f"speaker={word}", f"speaker+origin={word}+{origin}"]
    out.append(f"speaker_ent={root.ent_type_ or 'none'}")
    if len(speaker) > 1:
        out.append("speaker_phrase")
    return out


def _content_features(text: str, content: Span, start: int) -> list[str]:
    out = [f"sents={min(len({t.sent.start for t in content}), 3)}"]
    heads = [t for t in content if t.head.i < content.start or t.head.i >= content.end]
    head = heads[0] if heads else content.root
    out.append(f"head={head.pos_}")
    if any(c.dep_ in SUBJECTS for c in head.children):
        out.append("head_subject")
    if content[0].lower_ in LEADS:
        out.append(f"first={content[0].lower_}")
    if start > 0 and text[max(0, start - 12) : start].rstrip().endswith(("that", "whether")):
        out.append("after_that")
    out.append(f"ends_sentence={content[-1].i + 1 >= content[-1].sent.end - 1}")
    return out


def _sentence_number(doc: Doc, char: int) -> int:
    """The sentence `char` is in, counted up to 4."""
    for i, sent in enumerate(doc.sents):
        if sent.end_char > char or i > 3:
            return i
    return 0


@dataclass(frozen=True)
class Item:
    """A rule quote (`origin` "rule", `index` into the rule quotes) or a wider candidate, with
    its kind and features."""

    pieces: list[tuple[int, int]]
    kind: str
    cue: Span | None
    speaker: Span | None
    origin: str
    index: int | None
    features: list[str]

    def proposal(self, confidence: float) -> Proposal:
        root = self.cue.root.i if self.cue is not None else None
        start, end = self.pieces[0][0], self.pieces[-1][1]
        return Proposal(start, end, root, self.kind, self.origin == "rule", confidence)


def propose(
    doc: Doc,
    quotes: list[Any],
    object_cues: frozenset[str],
    cues: frozenset[str],
    stretches: list[Stretch],
) -> list[Item]:
    """The rule quotes (QuoteSpan: pieces, kind, cue, speaker) and the wider candidates whose
    cue no rule quote has, each with its features."""
    items = [Item(q.pieces, q.kind, q.cue, q.speaker, "rule", i, []) for i, q in enumerate(quotes)]
    taken = {q.cue.root.i for q in quotes if q.cue is not None}
    quoted = quoted_tokens(doc, stretches)
    text = doc.text  # spaCy joins it anew on each call: once per doc keeps this linear
    for c in wider_candidates(doc, object_cues, quoted, taken):
        kind = kind_of(text, c.pieces, stretches)
        items.append(Item(c.pieces, kind, c.cue, c.speaker, c.origin, None, []))
    for item in items:
        item.features.extend(
            features(doc, text, item.pieces, item.kind, item.cue, item.speaker, item.origin, cues)
        )
    return items
