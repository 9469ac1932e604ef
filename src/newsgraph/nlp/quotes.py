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
from newsgraph.nlp.marks import Stretch, find_stretches, quoted_letters
from newsgraph.nlp.speakers import Resolver

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp",)
# Cues whose content may be an infinitive ("X wants to win") or an object ("a poll shows Y ahead").
OBJECT_CUES = frozenset({"want", "expect", "plan", "hope", "show", "find", "reveal"})
# "..., he said, adding that ...", "X warned, after thanking Y for ...": the governing verb's
# subject speaks
# "told Megyn not to worry", "urged voters to turn out": the infinitive is the content.
INFINITIVE_CUES = frozenset(
    {"tell", "ask", "urge", "advise", "promise", "pledge", "vow", "threaten"}
)
INHERITS_SUBJECT = ("conj", "advcl", "xcomp", "acl", "pcomp", "prep")
MODIFIERS = ("aux", "advmod", "neg", "npadvmod")  # "he also said", "she said Tuesday"
EDGE_PUNCT = ",.;:—–-()[] \n"
# A cue this many tokens past a quote's closing mark still attributes it ("...,” the foreign
# ministry said in a statement"): tuned on polnear_train (rerun `newsgraph eval quotes`).
CUE_WINDOW_AFTER = 20
CUE_WINDOW_BEFORE = 12
# Verbs that name what their object is: "called Trump “unhinged”" (content from the object on).
NAMING = frozenset({"call", "describe", "dub", "label", "brand", "term", "name", "accuse"})
MIN_PULL_WORDS = 6
COLON_SPEAKER_WORDS = 4
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


@dataclass
class Cue:
    """An attribution cue in the parse, before quotation marks are considered."""

    cue: Span
    speaker: Span | None
    content: tuple[int, int] | None  # char span of the reported content, trimmed


@dataclass(frozen=True)
class QuotesFinder:
    cues: frozenset[str]
    prep_cues: frozenset[str]
    pronouns: frozenset[str]

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.find(doc)
        resolver = Resolver(doc, self.pronouns)
        for quote in quotes:
            if quote.speaker is not None:
                quote.name, quote.entity = resolver.resolve(quote.speaker)
                resolver.spoke(quote.speaker, quote.name, quote.entity)
        quotes.extend(pull_quotes(doc.text, quotes))
        quotes.sort(key=lambda q: q.start)
        doc._.quotes = quotes
        return doc

    def find(self, doc: Doc) -> list[QuoteSpan]:
        """Attributions of one doc, without speakers resolved or pull quotes."""
        text = doc.text
        stretches = [s for s in find_stretches(text) if _speech(text, s)]
        quoted = _quoted_tokens(doc, stretches)
        cues = [c for t in doc if t.i not in quoted and (c := self.cue_at(t)) is not None]
        cues.extend(colon_lines(doc))
        quotes = [q for c in cues if c.content and (q := _from_cue(c, stretches, text))]
        quotes = _drop_nested(quotes)
        claimed = {id(s) for q in quotes for s in q.stretches}
        for stretch in stretches:
            if id(stretch) not in claimed:
                self.attach(doc, stretch, quotes)
        _continue_paragraphs(stretches, quotes)
        for quote in quotes:
            quote.kind = kind_of(text, quote.pieces, stretches)
        return sorted(quotes, key=lambda q: q.start)

    def is_cue(self, token: Token) -> bool:
        return token.lemma_.lower() in self.cues and token.pos_ in ("VERB", "AUX")

    def cue_at(self, token: Token) -> Cue | None:
        """The attribution whose cue is `token`, when it has content or a speaker."""
        if token.lower_ == "according":
            return _according(token)
        if token.pos_ == "VERB" and (content := self.prep_content(token)) is not None:
            speaker = speaker_of(token)
            if speaker is None:
                return None
            prep = next(c for c in token.rights if c.dep_ == "prep")
            cue = token.doc[token.i : prep.i + 1] if prep.i <= token.i + 2 else cue_span(token)
            return Cue(cue=cue, speaker=speaker, content=content)
        if not self.is_cue(token):
            return None
        speaker = speaker_of(token)
        lemma = token.lemma_.lower()
        content = content_of(token, lemma in OBJECT_CUES, lemma in INFINITIVE_CUES)
        if speaker is None:
            return None
        return Cue(cue=cue_span(token), speaker=speaker, content=content)

    def prep_content(self, token: Token) -> tuple[int, int] | None:
        """ "X called for Y", "X talked about Y": the preposition's object is the content."""
        lemma = token.lemma_.lower()
        for child in token.rights:
            if child.dep_ == "prep" and f"{lemma} {child.lower_}" in self.prep_cues:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:  # "called on X to act": the rest of the clause goes with it
                    end = max(objects[0].right_edge.i + 1, _clause_end(token))
                    return trim(token.doc, objects[0].left_edge.i, end)
        return None

    def attach(self, doc: Doc, stretch: Stretch, quotes: list[QuoteSpan]) -> None:
        """Attribute a quoted stretch that no cue's content covers."""
        text = doc.text
        paragraph = (text.rfind("\n", 0, stretch.start) + 1, _para_end(text, stretch.start))
        inner = doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
        if inner is None or not len(inner):
            return
        cue = self.cue_above(inner) or self.cue_after(inner) or self.cue_before(inner)
        before = [q for q in quotes if paragraph[0] <= q.start and q.end <= stretch.start]
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

        The content is the cue's dependent that holds the quote ("called Trump “unhinged”" from
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
                cue.content = _complement(token, below, inner)
                return cue
            if token.head is token or token.is_sent_start:
                break
            below, token = token, token.head
        return None

    def cue_after(self, inner: Span) -> Cue | None:
        """“…,” he said / “…,” said the ministry: a cue right after the closing mark."""
        doc = inner.doc
        window = doc[inner.end : inner.end + CUE_WINDOW_AFTER]
        for token in window:
            if token.text[:1] in '“"\n' or (token.is_sent_start and token.i > inner.end):
                break
            cue = self.speaking(token)
            if cue is not None and cue.speaker is not None:
                if cue.speaker.root.left_edge.i <= inner.start <= cue.speaker.root.right_edge.i:
                    return None  # a title inside the speaker's phrase: star of “Scandal,” said
                allowed = {t.i for t in cue.speaker.root.subtree} | {
                    c.i for c in token.children if c.dep_ in MODIFIERS
                }
                between = doc[inner.end : token.i]
                if all(t.i in allowed or t.is_punct or t.is_space for t in between):
                    return cue
                return None
        return None

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
        return None


def _complement(cue: Token, child: Token, inner: Span) -> tuple[int, int] | None:
    """Char span of the cue's dependent `child` (holding the quote `inner`), trimmed."""
    start, end = child.left_edge.i, child.right_edge.i + 1
    if child.dep_ in ("prep", "agent") and start == child.i:
        start = child.i + 1
    elif cue.lemma_.lower() in NAMING and child.i > cue.i:
        objects = [c for c in cue.rights if c.dep_ in ("dobj", "nsubj") and c.i < child.i]
        if objects:
            start = objects[0].left_edge.i
    start, end = min(start, inner.start), max(end, inner.end)
    return trim(cue.doc, start, end)


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


def _speech(text: str, stretch: Stretch) -> bool:
    """Not markup (`author="..."`) and holding a word."""
    if stretch.start and text[stretch.start - 1] == "=":
        return False
    return any(c.isalpha() for c in text[stretch.start : stretch.end])


def _para_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _whole_paragraph(text: str, stretch: Stretch, paragraph: tuple[int, int]) -> bool:
    return not text[paragraph[0] : stretch.start].strip()


def _previous_paragraph_ends(text: str, quote: QuoteSpan, paragraph_start: int) -> bool:
    """The quote lies in the paragraph just before `paragraph_start`."""
    return (
        not text[quote.end : paragraph_start].strip(EDGE_PUNCT + '”"')
        or "\n" not in text[quote.end : paragraph_start].strip()
    )


def _from_cue(cue: Cue, stretches: list[Stretch], text: str) -> QuoteSpan | None:
    """A cue's content, grown over every quoted stretch it touches."""
    if cue.content is None:
        return None
    start, end = cue.content
    # the parse may run over a paragraph break; the content stays in the cue's paragraph
    start = max(start, text.rfind("\n", 0, cue.cue.start_char) + 1)
    end = min(end, _para_end(text, cue.cue.end_char))
    if end <= start:
        return None
    touched = [s for s in stretches if s.start < end and start < s.end]
    for s in touched:
        start, end = min(start, s.start), max(end, s.end)
    if touched and start == touched[0].start and re.search(r"\bthat\s+$", text[:start]):
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


def _drop_nested(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop an attribution whose cue lies inside another's content ("X said Y wants ...")."""
    out = []
    for q in quotes:
        at = q.cue.start_char if q.cue is not None else q.start
        inside = any(o is not q and o.start <= at < o.end for o in quotes)
        if not inside:
            out.append(q)
    return out


def kind_of(text: str, pieces: list[tuple[int, int]], stretches: list[Stretch]) -> str:
    """direct when every letter is inside quotation marks, indirect when none is, else mixed."""
    inside = outside = 0
    for start, end in pieces:
        i, o = quoted_letters(text, start, end, stretches)
        inside, outside = inside + i, outside + o
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def cue_span(token: Token) -> Span:
    """The cue word with its particle or preposition ("called for", "pointed to")."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return token.doc[token.i : end]


def speaker_of(cue: Token) -> Span | None:
    """The attributing mention of a cue verb: its subject, or its governing verb's."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None  # "as the deal was called": a passive cue names no speaker
    token = cue
    for _ in range(3):
        for child in token.children:
            if child.dep_ in SUBJECTS and child.dep_ != "nsubjpass":
                return mention_span(child)
        if token.dep_ == "relcl":  # "X, who said ...": the noun the clause modifies
            return mention_span(token.head)
        if token.dep_ not in INHERITS_SUBJECT or token.head is token:
            return None
        token = token.head
    return None


def mention_span(token: Token) -> Span:
    """The noun phrase of a head token: its left dependents and the head ("Stein spokeswoman X")."""
    if (
        token.dep_ == "nsubj"
        and token.lower_ in ("who", "that", "which")
        and token.head.dep_ == "relcl"
    ):
        token = token.head.head
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:  # "a reporter for USA Today", "officials in Washington"
        if child.dep_ in ("prep", "compound", "appos") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    doc = token.doc
    while start < token.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def content_of(cue: Token, objects: bool, infinitive: bool = False) -> tuple[int, int] | None:
    """Char span of what the cue attributes: its clausal complement, trimmed."""
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS or ((objects or infinitive) and child.dep_ == "xcomp"):
            return trim(cue.doc, child.left_edge.i, _coordinated_end(cue, child))
    own_subject = any(c.dep_ in SUBJECTS for c in cue.children)
    left = cue.left_edge.i
    after_clause = cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i < cue.i
    if after_clause and own_subject and left > 0:
        # "The US will consult closely, he promised" / "In his state, X said, offenders are ...":
        # the clause around the cue is the content, the cue's own clause is left out
        head, doc = cue.head, cue.doc
        if doc[left - 1].is_punct and head.left_edge.i < left:
            return trim(doc, head.left_edge.i, max(left, head.right_edge.i + 1))
    if objects:
        rights = [c for c in cue.rights if c.dep_ in ("dobj", "attr", "prep", "advcl")]
        if rights:
            return trim(cue.doc, rights[0].left_edge.i, cue.right_edge.i + 1)
    return None


def colon_lines(doc: Doc) -> list[Cue]:
    """Paragraphs of the form "Speaker: what they said", as in headlines and transcripts.

    The part before the colon is a short name ("Issa:", "JOEL BENENSON:", "Q:"): at most
    COLON_SPEAKER_WORDS words, each capitalised; the rest of the paragraph is the content.
    """
    found = []
    for match in re.finditer(r"[^\n]+", doc.text):
        line = match.group()
        colon = line.find(":")
        words = line[:colon].split()
        if not 0 < len(words) <= COLON_SPEAKER_WORDS or not all(w[:1].isupper() for w in words):
            continue
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


def _coordinated_end(cue: Token, content: Token) -> int:
    """End of the content before ", and <verb>" when that verb goes with the cue, not the content:
    "X said the warning was telling, and accused Y of ..." (the parser hangs it on the content).
    """
    end = _clause_end(content)
    for token in cue.doc[content.i + 1 : end]:
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.tag_ == cue.tag_:
            cut = token.left_edge.i
            while cut > content.i and cue.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return cut
    return end


def _clause_end(head: Token) -> int:
    """End token of a content clause, before a trailing ", verb-ing ..." clause.

    "voters say they would consider X, putting them ahead": PolNeAR stops at the comma.
    """
    end = head.right_edge.i + 1
    for child in head.rights:
        before = head.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        after_comma = before is not None and before.text in (",", "—", ";")
        if child.dep_ == "advcl" and after_comma and child.tag_ == "VBG":
            return min(end, child.left_edge.i)
    return end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Char span of tokens [start, end) without edge punctuation or a leading "that"."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].lower_ == "that"):
        if doc[start].lower_ == "that" and doc[start].dep_ != "mark":
            break
        start += 1
    while end > start and doc[end - 1].text.strip() in EDGE_PUNCT.strip() + "":
        if not doc[end - 1].text.strip():
            end -= 1
            continue
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _according(token: Token) -> Cue | None:
    """ "according to X, CLAUSE" or "CLAUSE, according to X"."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = (token.left_edge.i, max(token.right_edge.i, to.right_edge.i) + 1)
    sent = token.sent
    if phrase[0] <= sent.start + 1:
        content = trim(doc, phrase[1], sent.end)
    else:
        content = trim(doc, sent.start, phrase[0])
    return Cue(cue=doc[token.i : token.i + 2], speaker=mention_span(source), content=content)


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
    },
)
def make_quotes(nlp: Language, name: str, cues: str, prep_cues: str, pronouns: str) -> QuotesFinder:
    return QuotesFinder(
        cues=load_words(cues), prep_cues=load_words(prep_cues), pronouns=load_words(pronouns)
    )
