"""Attribution cues in the parse, for newsgraph_quotes: the cue, its speaker and its content.

"X said (that) ...", "according to X, ...", "..., X warned", "a poll found ...", "X called for ...",
and the spans they need (speaker, mention, content trimmed); attributions without a verb are in
`colons`. Pure functions over spaCy tokens; quotation marks are not looked at
here (`pieces.from_cue` grows a cue's content over the quoted stretches it touches).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp",)
# "..., he said, adding that ...", "X warned, after thanking Y for ...": the governing verb's
# subject speaks.
INHERITS_SUBJECT = ("conj", "advcl", "xcomp", "acl", "pcomp", "prep")
MODIFIERS = ("aux", "advmod", "neg", "npadvmod")  # "he also said", "she said Tuesday"
EDGE_PUNCT = ",.;:—–-()[] \n"
CLAUSE_BREAKS = (",", "—", ";")  # what sets off a trailing ", verb-ing ..." clause
RELATIVES = frozenset({"who", "that", "which"})
DANGLING = frozenset({"and", "but", "or", "nor"})
QUOTE_MARKS = frozenset({"“", "”", '"', "„", "«", "»", "''", "``"})  # spaCy reads '' as one


@dataclass
class Cue:
    """An attribution cue in the parse, before quotation marks are considered."""

    cue: Span
    speaker: Span | None
    content: tuple[int, int] | None  # char span of the reported content, trimmed


def complement(
    cue: Token, child: Token, inner: Span, naming: frozenset[str]
) -> tuple[int, int] | None:
    """Char span of the cue's dependent `child` (holding the quote `inner`), trimmed.

    `naming`: verbs that name what their object is ("called the plan “unhinged”"), whose content
    runs from the object on.
    """
    start, end = child.left_edge.i, child.right_edge.i + 1
    if cue.lemma_.lower() in naming and child.i > cue.i:
        # "called X “crazy”", "described X as “good”", "declaring it “a win”": from the object on
        objects = [c for c in cue.rights if not c.is_punct and c.dep_ not in MODIFIERS]
        if objects and objects[0].i < child.i:
            start = min(start, objects[0].left_edge.i)
        # "a clip that X called “vile”", "what X calls “a hoax”": the thing named goes with it
        relatives = [c for c in cue.lefts if c.lower_ in RELATIVES | {"what"}]
        if cue.dep_ == "relcl" and relatives:
            start = min(start, cue.head.left_edge.i)
        elif relatives and relatives[0].lower_ == "what":
            start = min(start, relatives[0].i)
    elif child.dep_ in ("prep", "agent") and start == child.i:
        start = child.i + 1
    start, end = min(start, inner.start), max(end, inner.end)
    return trim(cue.doc, start, end)


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
        subjects = [c for c in token.children if c.dep_ in SUBJECTS and c.dep_ != "nsubjpass"]
        if subjects:  # the nearest: the parser may take a quote's last word for a second one
            subject = min(subjects, key=lambda c: abs(c.i - token.i))
            return mention_span(past_according(subject), relative=True)
        if token.i == cue.i and (inverted := inverted_speaker(cue)) is not None:
            return inverted
        if token.i == cue.i and (done := object_of_gerund(cue)) is not None:
            return mention_span(done)  # "accused <A> of saying ...", "thanked <A> for saying"
        if token.i == cue.i and (outer := outer_cue(cue)) is not None:
            token = outer  # "X said Y would lose, and asked ...": X asked, not Y
            continue
        if token.dep_ == "relcl":  # "X, who said ...": the noun the clause modifies
            return mention_span(token.head)
        if token.dep_ == "acl" and token.head.dep_ == "dobj":  # "X issued a statement saying"
            token = token.head.head
            continue
        if token.dep_ not in INHERITS_SUBJECT or token.head.i == token.i:
            return None
        token = token.head
    return None


def object_of_gerund(token: Token) -> Token | None:
    """The object of the verb a gerund hangs on through "of"/"for" ("accused <A> of saying
    ...", "praised <A> for warning that ..."): who said what the gerund's clause reports. None
    for any other token, and for a gerund with no clause ("accused <A> of ignoring “facts”":
    the words quoted are the accuser's)."""
    if token.dep_ != "pcomp" or token.tag_ != "VBG" or token.head.lower_ not in ("of", "for"):
        return None
    if not any(c.dep_ in CONTENT_DEPS for c in token.children):
        return None
    verb = token.head.head
    if verb.pos_ != "VERB" or token.head.dep_ != "prep":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)


def past_according(subject: Token) -> Token:
    """The subject itself, or the speaker set after it when the parser took the source of an
    "According to <source>, <speaker> said ..." for the verb's subject and hung the speaker on it
    in apposition."""
    doc, left = subject.doc, subject.left_edge.i
    while left > 0 and (doc[left - 1].pos_ in NOUN_RUN or doc[left - 1].text == "-"):
        left -= 1  # "according to state news agency <name>": the parse may split the phrase
    if left < 2 or doc[left - 1].lower_ != "to" or doc[left - 2].lower_ != "according":
        return subject
    apposed = [
        c for c in subject.rights if c.dep_ == "appos" and doc[c.left_edge.i - 1].text == ","
    ]
    return apposed[-1] if apposed else subject  # the last: "<source>, the <title>, <name>,"


def outer_cue(cue: Token) -> Token | None:
    """The earlier verb whose content clause the parser hung a following cue on, where the
    content ends before it (`coordinated_end`, `clause_end`): "X predicted Y would lose, and
    asked ..." (a verb of the cue's tense joined to the content's verb), "X said Y must go,
    adding ..." (a ", verb-ing" clause). None when the cue hangs where it belongs."""
    joined = cue.dep_ == "conj" and cue.pos_ == "VERB"
    left = cue.left_edge.i
    trailing = (
        cue.dep_ == "advcl"
        and cue.tag_ == "VBG"
        and left > 0
        and cue.doc[left - 1].text in CLAUSE_BREAKS
    )
    if not (joined or trailing):
        return None
    clause = cue.head
    for _ in range(3):
        if clause.dep_ == "ccomp":
            outer = clause.head
            if outer.i < cue.i and (trailing or outer.tag_ == cue.tag_):
                return outer
            return None
        if clause.dep_ != "conj" or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def inverted_speaker(cue: Token) -> Span | None:
    """ "“…,” added Doe": a name right after a cue that follows a closing quotation mark, which
    the parser may take for the verb's object."""
    doc = cue.doc
    if cue.i < 2 or not (doc[cue.i - 1].text in QUOTE_MARKS or doc[cue.i - 2].text in QUOTE_MARKS):
        return None
    for child in cue.rights:
        if (
            child.dep_ in ("dobj", "attr")
            and child.pos_ == "PROPN"
            and child.left_edge.i == cue.i + 1
        ):
            return mention_span(child)
    if doc[cue.i - 1].text in QUOTE_MARKS:  # "said the woman, who ...": the parse lost it
        return noun_run(doc, cue.i + 1)
    return None


NOUN_RUN = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def noun_run(doc: Doc, start: int) -> Span | None:
    """The noun phrase a run of determiners, adjectives and nouns from `start` makes ("the
    woman", "Texas delegate Jane Doe"), when the parse does not give it a verb."""
    end = start
    while end < len(doc) and doc[end].pos_ in NOUN_RUN and "\n" not in doc[end].text:
        end += 1
    if end == start or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[start:end]


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("Doe, who said ...": Doe), else None."""
    if token.dep_ == "nsubj" and token.lower_ in RELATIVES and token.head.dep_ == "relcl":
        return token.head.head
    return None


def mention_span(token: Token, *, relative: bool = False) -> Span:
    """The noun phrase of a head token: its left dependents and the head ("aide Jane Doe").

    A relative pronoun stands for its noun unless `relative` (PolNeAR marks "who" itself as
    the attributing mention of "X, who said ...").
    """
    if (antecedent := relative_antecedent(token)) is not None:
        if relative:
            return token.doc[token.i : token.i + 1]
        token = antecedent
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:  # "a reporter for the paper", "officials in Washington"
        if child.dep_ in ("prep", "compound", "appos") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    doc = token.doc
    for i in range(token.i - 1, start - 1, -1):  # the parser may hang a quote on its speaker
        if doc[i].text in QUOTE_MARKS or "\n" in doc[i].text:  # or a dateline on a subject
            start = i + 1
            break
    while start < token.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def content_of(cue: Token, objects: bool, infinitive: bool = False) -> tuple[int, int] | None:
    """Char span of what the cue attributes: its clausal complement, trimmed."""
    for child in cue.children:
        if across_semicolon(cue, child):
            continue  # "X said A; Y reported B": Y's content is B, never X's words
        if child.dep_ in CONTENT_DEPS or ((objects or infinitive) and child.dep_ == "xcomp"):
            return trim(cue.doc, child.left_edge.i, coordinated_end(cue, child))
    own_subject = any(c.dep_ in SUBJECTS for c in cue.children)
    left = cue.left_edge.i
    after_clause = cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i < cue.i
    if after_clause and own_subject and left > 0:
        # "The US will consult closely, he promised" / "In his state, X said, offenders are ...":
        # the clause around the cue is the content, the cue's own clause is left out
        head, doc = cue.head, cue.doc
        if doc[left - 1].is_punct and doc[left - 1].text != ";" and head.left_edge.i < left:
            return trim(doc, head.left_edge.i, max(left, head.right_edge.i + 1))
    if objects and cue.tag_ != "VB":
        # "a poll found Doe ahead", not "could find a way", "to show the way"
        rights = [c for c in cue.rights if c.dep_ in ("dobj", "attr", "prep", "advcl")]
        if rights:
            return trim(cue.doc, rights[0].left_edge.i, cue.right_edge.i + 1)
    return None


def across_semicolon(cue: Token, child: Token) -> bool:
    """Whether a semicolon stands between a cue and a clause the parser hung on it from the
    left: clauses a semicolon joins stand on their own."""
    if child.i > cue.i:
        return False
    return any(t.text == ";" for t in cue.doc[child.right_edge.i + 1 : cue.i])


EMPTY_SUBJECTS = frozenset({"here", "there", "it", "this", "that", "what", "which"})


def coordinated_end(cue: Token, content: Token) -> int:
    """End of the content before ", and <verb>" when that verb goes with the cue, not the content:
    "X said the warning was telling, and accused Y of ..." (the parser hangs it on the content).
    """
    end = clause_end(content)
    for token in cue.doc[content.i + 1 : end]:
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.tag_ == cue.tag_:
            cut = token.left_edge.i
            while cut > content.i and cue.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return cut
    return end


def clause_end(head: Token) -> int:
    """End token of a content clause, before a trailing ", verb-ing ..." clause.

    "voters say they would consider X, putting them ahead": PolNeAR stops at the comma.
    """
    end = head.right_edge.i + 1
    for child in head.rights:
        before = head.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        after_comma = before is not None and before.text in CLAUSE_BREAKS
        if child.dep_ == "advcl" and after_comma and child.tag_ == "VBG":
            return min(end, child.left_edge.i)
    return end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Char span of tokens [start, end) without edge punctuation or a leading "that"."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].lower_ == "that"):
        if doc[start].lower_ == "that" and doc[start].dep_ != "mark":
            break
        start += 1
    while end > start and (
        doc[end - 1].text.strip() in EDGE_PUNCT.strip() or doc[end - 1].lower_ in DANGLING
    ):
        end -= 1  # edge punctuation, or a conjunction the parse left hanging ("X, and")
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def according(token: Token) -> Cue | None:
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
