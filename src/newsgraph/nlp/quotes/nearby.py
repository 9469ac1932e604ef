"""The cue a quoted stretch no cue's content covers finds near it: above, after or before it.

"thanking X for “firmly supporting Y”" (a cue verb governing the quoted words), "“…,” he said"
(after the closing mark), "He said: “…”" (before the opening mark), "“…” ― Jane Doe" (signed);
else the stretch goes on the last quote of its paragraph. `CueSearch` holds the methods that read
the finder's cue words; `QuotesFinder` is one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.quotes.colons import colon_clause, named_colon, signature
from newsgraph.nlp.quotes.cues import (
    EMPTY_SUBJECTS,
    MODIFIERS,
    SUBJECTS,
    Cue,
    according,
    clause_end,
    complement,
    content_of,
    cue_span,
    mention_span,
    noun_run,
    speaker_of,
    trim,
)
from newsgraph.nlp.quotes.index import QuoteIndex
from newsgraph.nlp.quotes.marks import Stretch
from newsgraph.nlp.quotes.pieces import QuoteSpan, lower_start, para_end

# A cue this many tokens past a quote's closing mark still attributes it ("...,” the city
# council said in a statement"): tuned on polnear_train (rerun `newsgraph eval quotes`).
CUE_WINDOW_AFTER = 20
CUE_WINDOW_BEFORE = 12
VERB_OBJECTS = ("dobj", "xcomp", "ccomp", "prep", "oprd", "attr", "dative")


def _set_off(token: Token) -> bool:
    """A phrase between commas: ", after a long pause,"."""
    doc, lo, hi = token.doc, token.left_edge.i, token.right_edge.i
    return lo > 0 and hi + 1 < len(doc) and doc[lo - 1].text == "," == doc[hi + 1].text


class CueSearch:
    """Finding cues with the finder's word lists (lemmas, lower case)."""

    cues: frozenset[str]
    prep_cues: frozenset[str]
    object_cues: frozenset[str]
    content_object_cues: frozenset[str]
    infinitive_cues: frozenset[str]
    naming_cues: frozenset[str]

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
        content = content_of(
            token, lemma in self.content_object_cues, lemma in self.infinitive_cues
        )
        if speaker is None:
            return None
        return Cue(cue=cue_span(token), speaker=speaker, content=content)

    def object_cue(self, token: Token) -> Cue | None:
        """ "X praised Y", "X refused to Y": the object or infinitive alone is the content."""
        speaker = speaker_of(token)
        if speaker is None:
            return None
        # what follows it, else a clause before it ("<clause>, the union announced", as "said")
        for child in (*token.rights, *token.lefts):
            after = child.i > token.i
            if child.dep_ in (("dobj", "xcomp", "ccomp") if after else ("ccomp",)):
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

    def attach(self, doc: Doc, text: str, stretch: Stretch, quotes: QuoteIndex) -> None:
        """Attribute a quoted stretch that no cue's content covers; `text` is doc.text.

        (spaCy joins doc.text anew on every call: read once per doc, it keeps this linear.)
        """
        paragraph = (text.rfind("\n", 0, stretch.start) + 1, para_end(text, stretch.start))
        inner = doc.char_span(stretch.start, stretch.end, alignment_mode="expand")
        if inner is None or not len(inner):
            return
        cue = (
            self.cue_above(inner)
            or self.cue_after(inner)
            or signature(doc, text, stretch.start, stretch.end)
            or self.cue_before(inner)
        )
        if cue is not None and (known := quotes.of_cue(cue)) is not None:
            if not known.stretches and stretch.end <= cue.cue.start_char <= known.start:
                # “A,” X said of B: the quote is what was said, B only what it was about
                known.pieces = [(stretch.start, stretch.end)]
            else:
                known.pieces.append((stretch.start, stretch.end))  # “A,” X said, “B.”: one
                known.pieces.sort()
            known.stretches.append(stretch)
            quotes.moved(known)
            return
        # a quote goes on from the last quoted one, over a reported clause in its speaker's
        # phrase ("“A,” said X, who has backed Y. “B.”")
        last = quotes.last_within(paragraph[0], stretch.start)
        same_cue = cue is None or (
            last is not None and last.cue is not None and cue.cue.root == last.cue.root
        )
        if last is not None and same_cue and self.only_cue_between(doc, last, stretch):
            last.pieces.append((stretch.start, stretch.end))  # "“A,” he said. “B.”": one quote
            last.stretches.append(stretch)
        elif cue is not None:
            lo, hi = cue.content or (stretch.start, stretch.end)
            lo, hi = min(lo, stretch.start), max(hi, stretch.end)
            quote = QuoteSpan([(lo, hi)], "direct", cue.cue, cue.speaker)
            quote.stretches.append(stretch)
            quotes.append(quote)

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
                cue.content = complement(token, below, inner, self.naming_cues)
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
        if not lower_start(inner.text, 0, len(inner.text)):  # inner.text: not the whole doc's
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
                content = complement(token, below, inner, self.naming_cues)
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
