"""Numbers in a sentence: runs of number tokens, their value, whether they count, hedge and unit."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# Entity labels whose numbers are never counts: they name a date, a time, a rank or a thing.
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT",
              "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}  # fmt: skip
ANAPHORIC = {"the", "these", "those", "both", "their", "his", "her", "its", "our", "my", "your"}


def parse_number(tokens: list[Token], words: dict[str, tuple[str, str]]) -> float | None:
    """The value of a number run ("3,200", "1.5 million", "two hundred"); None when vague."""
    value: float | None = None
    for token in tokens:
        text = token.lower_.replace(",", "")
        kind, number = words.get(text, ("", ""))
        if re.fullmatch(r"\d+(\.\d+)?", text):
            value = (value or 0) + float(text)
        elif kind == "number":
            value = (value or 0) + float(number)
        elif kind == "scale":
            value = (value or 1) * float(number)
        elif kind in ("vague", "modifier"):
            return None
    return value


def number_runs(sent: Span, words: dict[str, tuple[str, str]]) -> list[list[Token]]:
    """Runs of number tokens in a sentence ("1.5 million", "a dozen", "thousands")."""
    runs: list[list[Token]] = []
    for token in sent:
        kind = words.get(token.lower_, ("", ""))[0]
        numeric = kind in ("vague", "scale") or (
            token.like_num and (token.pos_ == "NUM" or re.fullmatch(r"[\d,.]+", token.text))
        )
        if kind in ("number", "modifier") and token.i + 1 < sent.end and not token.like_num:
            # "a dozen", "several hundred": only before a scale word
            numeric = words.get(token.nbor().lower_, ("", ""))[0] in ("scale", "vague")
        if not numeric:
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def is_count(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """False for dates, times, ordinals, names, ages, identifiers and "the two men"."""
    first, last = run[0], run[-1]
    if any(t.ent_type_ in NOT_COUNTS for t in run):
        return False
    doc = first.doc
    after = doc[last.i + 1 : last.i + 4].text.lower().replace(" ", "")
    before = doc[max(first.i - 1, 0)].lower_
    if any(after.startswith(f"-{w}") or after.startswith(w) for w, (k, _) in words.items()
           if k == "age") or words.get(before, ("", ""))[0] == "age":  # fmt: skip
        return False
    if odds_or_fraction(run, words):
        return False
    if last.dep_ in ("nummod", "appos", "compound") and last.head.i < first.i:
        return False  # an identifier after its noun: "Resolution 242", "Flight 370"
    if first.lower_ == "one" and last.dep_ != "nummod":
        return False  # the pronoun "one": "one of the worst", "no one"
    noun = last.head if last.dep_ == "nummod" else None
    if noun is not None and any(
        c.lower_ in ANAPHORIC and c.i < first.i for c in noun.children if c.dep_ in ("det", "poss")
    ):
        return False  # "the two men": a reference, not a count
    return not (first.i > 0 and doc[first.i - 1].lower_ in ANAPHORIC and noun is not None)


def odds_or_fraction(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "three-in-five" (both numbers), "two-thirds": a share, not a count."""
    doc, first, last = run[0].doc, run[0], run[-1]
    after = [t.lower_ for t in doc[last.i + 1 : last.i + 3]]
    before = [t.lower_ for t in doc[max(first.i - 2, 0) : first.i]]
    share = len(after) == 2 and (after[1] == "in" or words.get(after[1], ("", ""))[0] == "fraction")
    return (after[:1] == ["-"] and share) or before == ["in", "-"]


def partitive_head(token: Token) -> Token | None:
    """The pobj of "N of the dead", "N of them", or None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def range_scale(run: list[Token], nxt: list[Token], words: dict[str, tuple[str, str]]) -> float:
    """The scale a range's first number borrows from its second: "$300 to 400 billion"."""
    doc = run[0].doc
    if nxt[0].i != run[-1].i + 2 or doc[run[-1].i + 1].lower_ not in ("to", "and", "-", "–"):
        return 1.0
    if any(words.get(t.lower_, ("", ""))[0] == "scale" for t in run):
        return 1.0
    scale = words.get(nxt[-1].lower_, ("", ""))
    return float(scale[1]) if scale[0] == "scale" and len(nxt) > 1 else 1.0


def find_hedge(run: list[Token], hedges: frozenset[str]) -> tuple[str | None, int]:
    """The longest hedge phrase right before the run, and the index of its first token."""
    first = run[0]
    doc = first.doc
    start = first.i - 1 if first.i > 0 and doc[first.i - 1].text in "$€£¥" else first.i
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        phrase = doc[start - width : start].text.lower()
        if phrase in hedges:
            return phrase, start - width
    return None, start  # "$1.5 billion": the currency belongs to the figure


def find_unit(run: list[Token], words: dict[str, tuple[str, str]]) -> str | None:
    """Currency before the number, or a unit word right after it."""
    doc = run[0].doc
    candidates = [doc[run[0].i - 1]] if run[0].i > 0 else []
    if run[-1].i + 1 < len(doc):
        candidates.append(doc[run[-1].i + 1])
    for token in candidates:
        kind, unit = words.get(token.lower_, ("", ""))
        if kind == "unit" and (token.lower_ != "per" or token.nbor().lower_ == "cent"):
            return unit
    return None
