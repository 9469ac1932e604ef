"""newsgraph_quotes: who said what. Writes `doc._.quotes`, a list of QuoteSpan in text order.

Runs after the parser (and after newsgraph_entities when present). Two sources of evidence meet:
quotation marks (`marks.find_stretches`) and attribution cues in the parse ("X said (that) ...",
"according to X, ...", "..., X warned", "a poll found ..."). A cue's content that touches a quoted
stretch grows to cover it; the letters inside and outside quotation marks decide the kind (direct,
indirect, mixed), as in the PolNeAR guidelines. Quoted stretches no cue claims are attributed to a
cue right after or before them, or continue the quote before them in the paragraph. Speakers are
resolved to entities by `speakers.resolve`. Pull quotes (a paragraph repeating an earlier quote)
are linked with `duplicate_of`, not counted again.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import newsgraph.nlp  # noqa: F401  (declares the Doc extensions)
from newsgraph.nlp import load_words
from newsgraph.nlp.cues import (
    EDGE_PUNCT,
    EMPTY_SUBJECTS,
    INFINITIVE_CUES,
    MODIFIERS,
    OBJECT_CUES,
    SUBJECTS,
    Cue,
    according,
    clause_end,
    colon_clause,
    colon_lines,
    colon_paragraphs,
    complement,
    content_of,
    cue_span,
    mention_span,
    named_colon,
    noun_run,
    relative_antecedent,
    signature,
    speaker_of,
    trim,
)
from newsgraph.nlp.marks import Stretch, find_stretches, quoted_letters, uses_apostrophe_quotes
from newsgraph.nlp.speakers import Resolver

# A cue this many tokens past a quote's closing mark still attributes it ("...,” the city
# council said in a statement"): tuned on polnear_train (rerun `newsgraph eval quotes`).
CUE_WINDOW_AFTER = 20
CUE_WINDOW_BEFORE = 12
MIN_PULL_WORDS = 6
# Verbs whose object is the words themselves, capitalised or not: "chanting “Dump Trump”".
UTTERED = frozenset({"say", "chant", "shout", "yell", "scream", "sing", "read", "exclaim", "cry"})
VERB_OBJECTS = ("dobj", "xcomp", "ccomp", "prep", "oprd", "attr", "dative")
WORD = re.compile(r"\w+")


@dataclass
class QuoteSpan:
    """One attribution found in a doc; character offsets into doc.text.

    `pieces` are the quoted or reported parts in order; `start`/`end` run from the first to the
    last. `cue` and `speaker` are the cue words and the attributing mention (None when absent);
    `name`/`entity` are what the speaker resolves to (None when it cannot be resolved).
    `repeats` is the quote a pull quote repeats (None for a statement of its own).
    """

    pieces: list[tuple[int, int]]
    kind: str
    cue: Span | None = None
    speaker: Span | None = None
    name: str | None = None
    entity: str | None = None
    repeats: QuoteSpan | None = None
    stretches: list[Stretch] = field(default_factory=list, repr=False)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class QuotesFinder:
    cues: frozenset[str]
    prep_cues: frozenset[str]
    pronouns: frozenset[str]
    object_cues: frozenset[str] = frozenset()
    # ''…'' are quotation marks (news archives' plain text): True, False, or None to detect it
    # per article (uses_apostrophe_quotes)
    apostrophe_quotes: bool | None = None

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.find(doc)
        quoted = [(s.start, s.end) for q in quotes for s in q.stretches]
        resolver = Resolver(doc, self.pronouns, quoted)
        for quote in quotes:
            if quote.speaker is not None:
                antecedent = relative_antecedent(quote.speaker.root)
                mention = mention_span(antecedent) if antecedent is not None else quote.speaker
                quote.name, quote.entity = resolver.resolve(mention)
                resolver.spoke(quote.speaker, quote.name, quote.entity)
        quotes.extend(pull_quotes(doc.text, quotes))
        quotes.sort(key=lambda q: q.start)
        doc._.quotes = quotes
        return doc

    def find(self, doc: Doc) -> list[QuoteSpan]:
        """Attributions of one doc, without speakers resolved or pull quotes."""
        text = doc.text
        apostrophes = self.apostrophe_quotes
        if apostrophes is None:
            apostrophes = uses_apostrophe_quotes(text)
        marked = find_stretches(text, apostrophes=apostrophes)
        stretches = [s for s in marked if _speech(text, s)]
        quoted = _quoted_tokens(doc, stretches)
        cues = [c for t in doc if t.i not in quoted and (c := self.cue_at(t)) is not None]
        for cue in cues:  # "“We'll see,” when asked whether ...": a quote's word is no speaker
            if cue.speaker is not None and cue.speaker.root.i in quoted:
                cue.speaker = None
        cues.extend(colon_lines(doc))
        cues.extend(colon_paragraphs(doc))
        for cue in cues:
            after = _quote_right_after(text, cue, stretches)
            if after is not None and (
                cue.content is None
                or cue.content[0] < cue.cue.start_char
                or cue.content[0] == after.start
            ):
                cue.content = (_lead(text, cue, after), after.end)  # "X replied, “…”"
        quotes = [q for c in cues if c.content and (q := _from_cue(c, stretches, text))]
        quotes = _drop_nested(quotes, text)
        claimed = {id(s) for q in quotes for s in q.stretches}
        for stretch in stretches:
            if id(stretch) not in claimed:
                self.attach(doc, stretch, quotes)
        _continue_paragraphs(stretches, quotes)
        _join_quote_paragraphs(text, stretches, quotes)
        for quote in quotes:
            quote.kind = kind_of(text, quote.pieces, stretches)
        quotes = [q for q in quotes if not (q.kind == "direct" and _title(text, q))]
        return sorted(quotes, key=lambda q: q.start)

    def is_cue(self, token: Token) -> bool:
        return token.lemma_.lower() in self.cues and token.pos_ in ("VERB", "AUX")

    def cue_at(self, token: Token) -> Cue | None:
        """The attribution whose cue is `token`, when it has content or a speaker."""
        if token.lower_ == "according":
            return according(token)
        if token.pos_ == "VERB" and (content := self.prep_content(token)) is not None:
            speaker = speaker_of(token)
            if speaker is None:
                return None
            prep = next(c for c in token.rights if c.dep_ == "prep")
            cue = token.doc[token.i : prep.i + 1] if prep.i <= token.i + 2 else cue_span(token)
            return Cue(cue=cue, speaker=speaker, content=content)
        if token.pos_ == "VERB" and token.lemma_.lower() in self.object_cues:
            return self.object_cue(token)
        if not self.is_cue(token):
            return None
        speaker = speaker_of(token)
        lemma = token.lemma_.lower()
        content = content_of(token, lemma in OBJECT_CUES, lemma in INFINITIVE_CUES)
        if speaker is None:
            return None
        return Cue(cue=cue_span(token), speaker=speaker, content=content)

    def object_cue(self, token: Token) -> Cue | None:
        """ "X praised Y", "X refused to Y": the object or infinitive alone is the content."""
        speaker = speaker_of(token)
        if speaker is None:
            return None
        for child in token.rights:
            if child.dep_ in ("dobj", "xcomp", "ccomp"):
                content = trim(token.doc, child.left_edge.i, child.right_edge.i + 1)
                return Cue(cue=cue_span(token), speaker=speaker, content=content)
        return None

    def prep_content(self, token: Token) -> tuple[int, int] | None:
        """ "X called for Y", "X talked about Y": the preposition's object is the content."""
        lemma = token.lemma_.lower()
        for child in token.rights:
            if child.dep_ == "prep" and f"{lemma} {child.lower_}" in self.prep_cues:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:  # "called on X to act": the rest of the clause goes with it
                    end = max(objects[0].right_edge.i + 1, clause_end(token))
                    return trim(token.doc, objects[0].left_edge.i, end)
        return None

    def attach(self, doc: Doc, stretch: Stretch, quotes: list[QuoteSpan]) -> None:
        """Attribute a quoted stretch that no cue's content covers."""
        text = doc.text
        paragraph = (text.rfind("\n", 0, stretch.start) + 1, _para_end(text, stretch.start))
        inner = doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
        if inner is None or not len(inner):
            return
        cue = (
            self.cue_above(inner)
            or self.cue_after(inner)
            or signature(doc, stretch.start, stretch.end)
            or self.cue_before(inner)
        )
        if cue is not None and (known := _quote_of_cue(quotes, cue)) is not None:
            if not known.stretches and stretch.end <= cue.cue.start_char <= known.start:
                # “A,” X said of B: the quote is what was said, B only what it was about
                known.pieces = [(stretch.start, stretch.end)]
            else:
                known.pieces.append((stretch.start, stretch.end))  # “A,” X said, “B.”: one
                known.pieces.sort()
            known.stretches.append(stretch)
            return
        before = [q for q in quotes if paragraph[0] <= q.start and q.end <= stretch.start]
        # a quote goes on from the last quoted one, over a reported clause in its speaker's
        # phrase ("“A,” said X, who has backed Y. “B.”")
        before = [q for q in before if q.stretches] or before
        last = max(before, key=lambda q: q.end) if before else None
        same_cue = cue is None or (
            last is not None and last.cue is not None and cue.cue.root == last.cue.root
        )
        if last is not None and same_cue and self.only_cue_between(doc, last, stretch):
            last.pieces.append((stretch.start, stretch.end))  # "“A,” he said. “B.”": one quote
            last.stretches.append(stretch)
        elif cue is not None:
            lo, hi = cue.content or (stretch.start, stretch.end)
            lo, hi = min(lo, stretch.start), max(hi, stretch.end)
            quotes.append(QuoteSpan([(lo, hi)], "direct", cue.cue, cue.speaker))
            quotes[-1].stretches.append(stretch)

    def only_cue_between(self, doc: Doc, last: QuoteSpan, stretch: Stretch) -> bool:
        """Nothing but the last quote's cue and speaker between it and the stretch."""
        gap = doc.char_span(last.end, stretch.start, alignment_mode="contract")
        if gap is None:
            return True
        owned = set()
        if last.speaker is not None:
            owned.update(t.i for t in last.speaker.root.subtree)
        if last.cue is not None:
            owned.update(t.i for t in last.cue.root.subtree)
        return all(t.i in owned or t.is_punct or t.is_space for t in gap)

    def speaking(self, token: Token) -> Cue | None:
        if self.is_cue(token) and (speaker := speaker_of(token)) is not None:
            return Cue(cue_span(token), speaker, None)
        if self.is_noun_cue(token):  # "“…,” Smith notes.": the tagger took the verb for a noun
            return Cue(token.doc[token.i : token.i + 1], mention_span(token.nbor(-1)), None)
        return None

    def is_noun_cue(self, token: Token) -> bool:
        return (
            token.pos_ == "NOUN"
            and token.tag_ == "NNS"
            and token.i > 0
            and token.lemma_.lower() in self.cues
            and token.nbor(-1).pos_ in ("PROPN", "PRON")
            and (token.i + 1 == len(token.doc) or token.nbor(1).is_punct)
        )

    def cue_above(self, inner: Span) -> Cue | None:
        """A cue verb governing the quoted words: thanking X for “firmly supporting Y”.

        The content is the cue's dependent that holds the quote ("called the plan “unhinged”" from
        the object on, as PolNeAR marks it); a preposition is left out ("for “...”").
        """
        roots = [t for t in inner if not t.is_punct and not (inner.start <= t.head.i < inner.end)]
        if not roots:
            return None
        below, token = roots[0], roots[0].head
        for _ in range(4):
            if token.i > inner.start:  # quotes before their cue are cue_after's
                break
            if (cue := self.speaking(token)) is not None:
                cue.content = complement(token, below, inner)
                return cue
            if token.head.i == token.i or token.is_sent_start:
                break
            below, token = token, token.head
        return self.any_verb_above(inner, roots[0])

    def any_verb_above(self, inner: Span, root: Token) -> Cue | None:
        """A partial quote in the object of any verb with a named or pronoun subject: "Doe
        credited Roe with holding “the party together”" (mixed, from the object on). Only for
        quotes that go on a sentence (a lower-case start) and when words outside the marks join
        them; a capitalised or bare quoted phrase is more often a title or a term used."""
        if not _lower_start(inner.doc.text, inner.start_char, inner.end_char):
            return None
        below, token = root, root.head
        for _ in range(3):
            if token.i > inner.start or token.i == below.i:
                return None
            if token.pos_ == "VERB" and below.dep_ in VERB_OBJECTS:
                speaker = speaker_of(token)
                if speaker is None or speaker.root.pos_ not in ("PROPN", "PRON"):
                    return None
                if speaker.root.lower_ in EMPTY_SUBJECTS:
                    return None
                content = complement(token, below, inner)
                if content is None or content == (inner.start_char, inner.end_char):
                    return None
                return Cue(cue_span(token), speaker, content)
            below, token = token, token.head
        return None

    def cue_after(self, inner: Span) -> Cue | None:
        """“…,” he said / “…,” said the ministry: a cue right after the closing mark."""
        doc = inner.doc
        window = doc[inner.end : inner.end + CUE_WINDOW_AFTER]
        for token in window:
            if (
                token.text[:1] in '“"\n'
                or token.text == "''"
                or (token.i > inner.end and token.is_sent_start)
            ):
                break
            cue = self.speaking(token) or self.fronted(inner, token)
            if cue is not None and cue.speaker is not None:
                if cue.speaker.root.i < inner.start <= cue.speaker.root.right_edge.i:
                    return None  # a title inside the speaker's phrase: star of “Scandal,” said
                allowed = {t.i for t in cue.speaker.root.subtree} | {
                    c.i for c in token.children if c.dep_ in MODIFIERS
                }
                for child in token.lefts:  # "“…,” Doe, after a long pause, said"
                    if _set_off(child):
                        allowed.update(t.i for t in child.subtree)
                between = doc[inner.end : token.i]
                if all(t.i in allowed or t.is_punct or t.is_space for t in between):
                    return cue
                return None
        return None

    def fronted(self, inner: Span, token: Token) -> Cue | None:
        """ "“…,” an aide, who asked not to be named, told reporters": the parser lost the cue's
        subject; the noun phrase right after the quote, alone or set off by commas, speaks."""
        if not self.is_cue(token) or any(c.dep_ in SUBJECTS for c in token.children):
            return None
        doc = inner.doc
        i = inner.end
        while i < token.i and (doc[i].is_punct or doc[i].is_space):
            i += 1
        speaker = noun_run(doc, i)
        if speaker is None or speaker.end > token.i:
            return None
        between = [t for t in doc[speaker.end : token.i] if t.dep_ not in MODIFIERS]
        if between and not (between[0].text == "," and between[-1].text == ","):
            return None
        return Cue(cue_span(token), speaker, None)

    def cue_before(self, inner: Span) -> Cue | None:
        """He said: “…” / He told reporters, “…”: a cue just before the opening mark."""
        doc = inner.doc
        i = inner.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or not (doc[i].text in (":", ",") or self.is_cue(doc[i])):
            return None
        for token in reversed(doc[max(0, i - CUE_WINDOW_BEFORE) : i + 1]):
            if token.text[-1:] in '”"' or (
                token.is_space and "\n" in token.text and doc[i].text != ":"
            ):
                break
            if (cue := self.speaking(token)) is not None:
                return cue
        return (colon_clause(doc, i) or named_colon(inner, i)) if doc[i].text == ":" else None


TITLE_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with"}
)


def _set_off(token: Token) -> bool:
    """A phrase between commas: ", after a long pause,"."""
    doc, lo, hi = token.doc, token.left_edge.i, token.right_edge.i
    return lo > 0 and hi + 1 < len(doc) and doc[lo - 1].text == "," == doc[hi + 1].text


def _title(text: str, quote: QuoteSpan) -> bool:
    """ "“Fox and Friends,”", "“Daily Show” host": a few capitalised words and no sentence
    punctuation name a show, book or group; one word ("“Absolutely,”") may still be an answer.
    Words chanted, shouted or read out ("chanting “Dump Trump”") are said, whatever their case.
    """
    if quote.cue is not None and quote.cue.root.lemma_.lower() in UTTERED:
        return False
    quoted = text[quote.start : quote.end]
    words = quoted.strip('“”"‘’,. ').split()
    if not 2 <= len(words) <= 6 or any(c in quoted for c in "!?;:"):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in TITLE_WORDS for w in words
    )


def _quoted_tokens(doc: Doc, stretches: list[Stretch]) -> set[int]:
    """Indices of tokens inside quotation marks: a cue there is the speaker's own word."""
    inside: set[int] = set()
    for s in stretches:
        span = doc.char_span(s.start, s.end, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _continue_paragraphs(stretches: list[Stretch], quotes: list[QuoteSpan]) -> None:
    """A quote left open at a paragraph's end goes on in the next: one quote in pieces."""
    owner = {id(s): q for q in quotes for s in q.stretches}
    for first, second in itertools.pairwise(stretches):
        if first.closed:
            continue
        a, b = owner.get(id(first)), owner.get(id(second))
        if (a is None) == (b is None):
            continue
        known = a or b
        stretch = second if a is not None else first
        if known is not None:  # one quote in pieces, one a paragraph
            known.pieces.append((stretch.start, stretch.end))
            known.pieces.sort()
            known.stretches.append(stretch)
            owner[id(stretch)] = known


def _quote_right_after(text: str, cue: Cue, stretches: list[Stretch]) -> Stretch | None:
    """The quoted stretch opening right after the cue word ("said, “…”", "yelled “…”")."""
    if cue.speaker is None or cue.speaker.start_char > cue.cue.start_char:
        return None
    at = cue.cue.end_char
    at += len(text[at:]) - len(text[at:].lstrip(" ,:"))
    return next((s for s in stretches if s.start == at), None)


def _lower_start(text: str, start: int, end: int) -> bool:
    """Whether the quoted words begin in lower case: they go on a sentence begun outside them."""
    first = next((c for c in text[start:end] if c.isalpha()), "")
    return first.islower()


def _lead(text: str, cue: Cue, stretch: Stretch) -> int:
    """Where the content of "X said, “…”" starts: at the quote, unless the quote goes on a
    sentence begun before its speaker ("Particularly in the poorest towns, he said, “we don't
    know ...”"), which then starts the content."""
    if not _lower_start(text, stretch.start, stretch.end) or cue.speaker is None:
        return stretch.start
    begun = cue.cue.root.sent.start_char
    lead = text[begun : cue.speaker.start_char]
    if not lead.rstrip().endswith(",") or any(c in lead for c in '“”"'):
        return stretch.start
    if len(WORD.findall(lead)) < 3:  # "But, he noted, “while …”": a connective, not a clause
        return stretch.start
    return begun + len(lead) - len(lead.lstrip())


def _quote_of_cue(quotes: list[QuoteSpan], cue: Cue) -> QuoteSpan | None:
    """The quote already found for the same cue word, if any."""
    for quote in quotes:
        if quote.cue is not None and quote.cue.root.i == cue.cue.root.i:
            return quote
    return None


def _join_quote_paragraphs(text: str, stretches: list[Stretch], quotes: list[QuoteSpan]) -> None:
    """A paragraph that is nothing but an unattributed quote goes on the quote of the paragraph
    before it ("“A,” X said.¶“B.”": one quote, as PolNeAR marks it), or, when that paragraph has
    none, on a quote opening the next paragraph.
    """
    owner = {id(s): q for q in quotes for s in q.stretches}
    for i, stretch in enumerate(stretches):
        if id(stretch) in owner or not _whole_paragraph(text, stretch):
            continue
        para_start = text.rfind("\n", 0, stretch.start) + 1
        prev_end = _rstrip(text, 0, para_start)
        prev_start = text.rfind("\n", 0, prev_end) + 1
        known = None
        before = [q for q in quotes if prev_start <= q.end <= prev_end and q.stretches]
        if before and para_start > 0:
            known = max(before, key=lambda q: q.end)
        elif i + 1 < len(stretches):
            nxt = stretches[i + 1]
            nxt_para = text.rfind("\n", 0, nxt.start) + 1
            following = owner.get(id(nxt))
            if (
                following is not None
                and nxt.start == _lstrip(text, nxt_para)
                and text[stretch.end : nxt_para].strip() == ""
            ):
                known = following
        if known is not None:
            known.pieces.append((stretch.start, stretch.end))
            known.pieces.sort()
            known.stretches.append(stretch)
            owner[id(stretch)] = known


def _whole_paragraph(text: str, stretch: Stretch) -> bool:
    para_start = text.rfind("\n", 0, stretch.start) + 1
    return stretch.start == _lstrip(text, para_start) and stretch.end == _rstrip(
        text, stretch.start, _para_end(text, stretch.start)
    )


def _lstrip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _speech(text: str, stretch: Stretch) -> bool:
    """Not markup (`author="..."`) and holding a word."""
    if stretch.start and text[stretch.start - 1] == "=":
        return False
    return any(c.isalpha() for c in text[stretch.start : stretch.end])


def _para_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _from_cue(cue: Cue, stretches: list[Stretch], text: str) -> QuoteSpan | None:
    """A cue's content, grown over every quoted stretch it touches."""
    if cue.content is None:
        return None
    start, end = cue.content
    # the parse may run over a paragraph break; the content stays in the cue's paragraph
    if text[cue.cue.end_char : start].strip() != ":":  # unless it is the block after "X said:"
        start = max(start, text.rfind("\n", 0, cue.cue.start_char) + 1)
        end = min(end, _para_end(text, cue.cue.end_char))
    if end <= start:
        return None
    touched = [s for s in stretches if s.start < end and start < s.end]
    for s in touched:
        start, end = min(start, s.start), max(end, s.end)
    if touched and start == touched[0].start and re.search(r"\bthat,?\s+$", text[:start]):
        start = text.rindex("that", 0, start)  # "X said that “…”": mixed, as annotated in PolNeAR
    if len(WORD.findall(text[start:end])) < 2:
        return None
    quote = QuoteSpan(_around(text, start, end, cue.cue.root), "indirect", cue.cue, cue.speaker)
    quote.stretches.extend(touched)
    return quote


def _around(text: str, start: int, end: int, cue: Token) -> list[tuple[int, int]]:
    """Pieces of [start, end) around the cue's own clause when it sits inside ("A, X said, B")."""
    lo = cue.left_edge.idx
    hi = cue.right_edge.idx + len(cue.right_edge.text)
    if not start < lo or not hi < end:
        return [(start, end)]
    left = len(text[start:lo].rstrip(EDGE_PUNCT))
    right = len(text[hi:end]) - len(text[hi:end].lstrip(EDGE_PUNCT))
    pieces = [(start, start + left), (hi + right, end)]
    return [p for p in pieces if p[0] < p[1]] or [(start, end)]


def _drop_nested(quotes: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """Drop an attribution whose cue lies inside another's content ("X said Y wants ...").

    A coordinated one ("X said A, and Y said B"; "X did A and called for B") cuts the other's
    content short instead, and both stay.
    """
    out = []
    for q in quotes:
        at = q.cue.start_char if q.cue is not None else q.start
        outer = [o for o in quotes if o is not q and o.start <= at < o.end]
        if _coordinated(q, outer):
            cut = q.speaker.start_char
            if cut > min(o.start for o in outer) and all(_cut_before(o, cut, text) for o in outer):
                outer = []
        if not outer:
            out.append(q)
    return out


def _coordinated(quote: QuoteSpan, outer: list[QuoteSpan]) -> bool:
    """ "X said A, and Y said B": a conjoined cue with a named speaker of its own."""
    if not outer or quote.cue is None or quote.speaker is None:
        return False
    if quote.cue.root.dep_ != "conj" or quote.speaker.root.pos_ == "PRON":
        return False
    return all(o.cue is not None and o.cue.root.pos_ == "VERB" for o in outer)


COORDINATORS = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|while|whereas|as)\b)*$", re.IGNORECASE)


def _cut_before(quote: QuoteSpan, cut: int, text: str) -> bool:
    """End `quote` before `cut` (and the ", and" before it); False when too little is left."""
    end = cut - len(COORDINATORS.search(text[:cut]).group())
    pieces = [(lo, min(hi, end)) for lo, hi in quote.pieces if lo < end]
    if not pieces or len(WORD.findall(text[pieces[0][0] : pieces[-1][1]])) < 2:
        return False
    if any(s.start < cut < s.end for s in quote.stretches):
        return False  # never inside quotation marks
    quote.pieces = pieces
    return True


def kind_of(text: str, pieces: list[tuple[int, int]], stretches: list[Stretch]) -> str:
    """direct when every letter is inside quotation marks, indirect when none is, else mixed."""
    inside = outside = 0
    for start, end in pieces:
        i, o = quoted_letters(text, start, end, stretches)
        inside, outside = inside + i, outside + o
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def pull_quotes(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs outside every quote that repeat an earlier direct quote's words (layout)."""
    said = [
        (i, " ".join(WORD.findall(text[q.start : q.end].lower()))) for i, q in enumerate(quotes)
    ]
    found = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        if any(q.start < end and start < q.end for q in quotes):
            continue
        words = WORD.findall(match.group().lower())
        if len(words) < MIN_PULL_WORDS:
            continue
        needle = " ".join(words)
        for i, haystack in said:
            if quotes[i].end <= start and needle in haystack:
                lo = start + len(match.group()) - len(match.group().lstrip())
                hi = start + len(match.group().rstrip())
                q = quotes[i]
                found.append(
                    QuoteSpan([(lo, hi)], "direct", None, q.speaker, q.name, q.entity, repeats=q)
                )
                break
    return found


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.quotes"],
    default_config={
        "cues": "quote_cues.txt",
        "prep_cues": "quote_prep_cues.txt",
        "pronouns": "pronouns.txt",
        "object_cues": "quote_object_cues.txt",
        "apostrophe_quotes": None,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    cues: str,
    prep_cues: str,
    pronouns: str,
    object_cues: str,
    apostrophe_quotes: bool | None,
) -> QuotesFinder:
    return QuotesFinder(
        cues=load_words(cues),
        prep_cues=load_words(prep_cues),
        pronouns=load_words(pronouns),
        object_cues=load_words(object_cues),
        apostrophe_quotes=apostrophe_quotes,
    )
