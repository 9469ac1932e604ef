"""Numbers in a sentence: runs of number tokens, their value, whether they count, hedge and unit."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# Entity labels whose numbers are never counts: they name a date, a time, a rank or a thing.
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT",
              "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}  # fmt: skip
ANAPHORIC = {"the", "these", "those", "both", "their", "his", "her", "its", "our", "my", "your"}


CURRENCY = re.compile(r"^(us\$|usd|\$|€|£|¥)(?=\d)")  # "USD15", "US$22,900" as one token
RANGE = re.compile(r"^(\d[\d,.]*)[–-](\d[\d,.]*)$")  # "16–17" as one token


def clean(text: str) -> str:
    """A number token's text without thousands separators, a leading "~" or a glued currency."""
    return CURRENCY.sub("", text.lower().lstrip("~")).replace(",", "")


def parse_number(tokens: list[Token], words: dict[str, tuple[str, str]]) -> float | None:
    """The value of a number run ("3,200", "1.5 million", "two hundred", "two-thirds",
    "three-and-a-half million", "million-and-a-half"); None when vague. A range token ("16–17")
    gives its low end."""
    value: float | None = None
    before_and: float | None = None  # "three" of "three-and-a-half"
    scale = 1.0  # the last scale seen: "million-and-a-half" is a half of a million
    since_and: float | None = None
    for token in tokens:
        text = clean(token.lower_)
        kind, number = words.get(text, ("", ""))
        bounds = RANGE.match(text)
        if text == "-":
            continue
        if text == "and":
            before_and, since_and = value, None
            continue
        if bounds or re.fullmatch(r"\d+(\.\d+)?", text):
            amount = float((bounds.group(1) if bounds else text).replace(",", ""))
        elif kind == "number":
            amount = float(number)
        elif kind == "scale":
            scale = float(number)
            value = (value or 1) * scale
            continue
        elif kind == "fraction":
            share = (since_and if before_and is not None else value) or 1.0
            share /= float(number)
            if before_and is None:
                value = share
            else:  # "one and two thirds", "million-and-a-half"
                value = before_and + share * (scale if since_and == 1.0 else 1.0)
            continue
        else:
            return None  # vague ("thousands") or a modifier ("several hundred")
        value = (value or 0) + amount
        if before_and is not None:
            since_and = (since_and or 0) + amount
    return value


def is_numeric(token: Token, words: dict[str, tuple[str, str]]) -> bool:
    """A token of a number: digits, a number word, a scale or vague amount."""
    kind = words.get(token.lower_, ("", ""))[0]
    text = clean(token.text)
    if kind in ("vague", "scale"):
        return True
    if RANGE.match(text):
        return True
    return bool(token.like_num or re.fullmatch(r"\d[\d,.]*", text)) and (
        token.pos_ == "NUM" or bool(re.fullmatch(r"\d[\d,.]*", text))
    )


def glue(doc: Doc, i: int, end: int, words: dict[str, tuple[str, str]]) -> int:
    """How many tokens from doc[i] continue a number: "-thirds", " thirds", "-and-a-half",
    " and a half"; 0 when none."""
    texts = [t.lower_ for t in doc[i : min(end, i + 6)]]
    n = 1 if texts[:1] == ["-"] else 0
    if len(texts) > n and words.get(texts[n], ("", ""))[0] == "fraction":
        return n + 1
    tens = words.get(doc[i - 1].lower_, ("", ""))
    if texts[:1] == ["-"] and len(texts) > 1 and tens[0] == "number" and tens[1].endswith("0"):
        unit = words.get(texts[1], ("", ""))
        return 2 if unit[0] == "number" and len(unit[1]) == 1 else 0  # "twenty-three"
    if texts[:1] == ["of"] and len(texts) > 1 and words.get(texts[1], ("", ""))[0] == "vague":
        return 2 if words.get(doc[i - 1].lower_, ("", ""))[0] == "vague" else 0
    half = [t for t in texts if t != "-"][:3]
    if half == ["and", "a", "half"]:
        return texts.index("half") + 1
    return 0


def number_runs(sent: Span, words: dict[str, tuple[str, str]]) -> list[list[Token]]:
    """Runs of number tokens in a sentence ("1.5 million", "a dozen", "thousands", "two-thirds",
    "more than half of")."""
    runs: list[list[Token]] = []
    doc, i = sent.doc, sent.start
    while i < sent.end:
        token = doc[i]
        kind = words.get(token.lower_, ("", ""))[0]
        numeric = is_numeric(token, words)
        if kind in ("number", "modifier") and token.i + 1 < sent.end and not token.like_num:
            # "a dozen", "several hundred", "a third of": only before a scale word or share
            after = doc[token.i + 1 : token.i + 3]
            nxt = words.get(after[0].lower_, ("", ""))[0]
            numeric = nxt in ("scale", "vague") or (
                nxt == "fraction" and len(after) == 2 and after[1].lower_ == "of"
            )
        if kind == "scale" and len(token.text) <= 2 and runs and runs[-1][-1].i == token.i - 1:
            numeric = currency_before(runs[-1][0], words)  # "$5 m" million, "23 m" metres
        if kind == "fraction" and token.lower_ == "half" and i + 1 < sent.end:
            numeric = doc[i + 1].lower_ == "of"  # "more than half of the seats"
        if not numeric:
            i += 1
            continue
        bare = re.fullmatch(r"\d[\d,.]*", token.text) is not None
        if (
            runs
            and runs[-1][-1].i == token.i - 1
            and not (bare and runs[-1][-1].text[:1].isdigit())
        ):
            runs[-1].append(token)  # "400 737 Max jets": two numbers, the second a name
        else:
            runs.append([token])
        i += 1
        extra = glue(doc, i, sent.end, words) if kind != "fraction" else 0
        runs[-1].extend(doc[i : i + extra])
        i += extra
    return runs


def is_count(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """False for dates, times, ordinals, names, ages, identifiers and "the two men"."""
    first, last = run[0], run[-1]
    share = words.get(last.lower_, ("", ""))[0] == "fraction"  # "a third of": no ordinal
    named = [
        t for t in run if t.ent_type_ in NOT_COUNTS and not (share and t.ent_type_ == "ORDINAL")
    ]
    if named and not dated_count(run, words):
        return False
    doc = first.doc
    after = doc[last.i + 1 : last.i + 4].text.lower().replace(" ", "")
    before = doc[max(first.i - 1, 0)].lower_
    if any(after.startswith(f"-{w}") or after.startswith(w) for w, (k, _) in words.items()
           if k == "age") or words.get(before, ("", ""))[0] == "age":  # fmt: skip
        return False
    if odds_or_fraction(run, words) or identifier(run, words) or duration_or_time(run, words):
        return False
    if first.lower_ == "one" and len(run) == 1 and not counted_one(last, words):
        return False  # "one of the worst", "One MP told", "in one place": a someone, not a count
    return not anaphoric(run, words)


def unit_after(token: Token, words: dict[str, tuple[str, str]]) -> bool:
    """A unit word right after the token: "15 percent", "2000 km"."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and (words.get(nxt.lower_, ("", ""))[0] == "unit" or nxt.lower_ == "m")


def dated_count(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """A four-digit number the model tags DATE that counts: "2000 km", "1000 megawatt", "1500
    troops" (a plural noun it numbers), but never "in 2019" or "2019 elections"."""
    token = run[0]
    if len(run) != 1 or not re.fullmatch(r"\d{4}", token.text) or token.ent_type_ != "DATE":
        return False
    if unit_after(token, words):
        return True
    return token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i == token.i + 1


def identifier(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "Resolution 242", "Flight 370" (a number after its noun), "(1)" (a list item), a number
    right after a date ("September 25–27")."""
    first, last = run[0], run[-1]
    doc = first.doc
    if model_name(run):
        return True
    if (
        last.dep_ in ("nummod", "appos", "compound")
        and last.head.i < first.i
        and last.head.pos_ in ("NOUN", "PROPN")
        and (last.head.text[:1].isupper() or not noun_after(last))  # "week 22 of", "Flight 370";
        # "at one point 300 people" is a parse slip: the number counts the noun after it
        and not is_numeric(last.head, words)
    ):
        return True
    around = doc[max(first.i - 1, 0) : last.i + 2]
    if len(around) == len(run) + 2 and around[0].text in "({[" and around[-1].text in ")]}":
        return not unit_after(last, words) and len(run) == 1 and first.text.isdigit()
    return first.i > 0 and doc[first.i - 1].ent_type_ == "DATE" and first.ent_type_ != "DATE"


MODEL = re.compile(r"\d{3,}-\d+|\d+-\d{3,}")  # "787-9", "747-400", "A320-200"


def model_name(run: list[Token]) -> bool:
    """A product or model number: "787-9" (digits glued by a hyphen), or a number right after
    another ("400 737 Max jets")."""
    first, last = run[0], run[-1]
    doc = first.doc
    text, low, high = doc.text, first.idx, last.idx + len(last.text)
    while low > 0 and (text[low - 1].isdigit() or text[low - 1] == "-"):
        low -= 1
    while high < len(text) and (text[high].isdigit() or text[high] == "-"):
        high += 1
    if MODEL.fullmatch(text[low:high].strip("-")):
        return True
    return first.i > 0 and re.fullmatch(r"\d[\d,.]*", doc[first.i - 1].text) is not None


def noun_after(token: Token) -> bool:
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN")


def duration_or_time(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "less than thirteen hours", "1000 UTC", "no two people": a span of time, a clock time or
    a denial, not a count."""
    first, last = run[0], run[-1]
    doc = first.doc
    nxt = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    if words.get(nxt, ("", ""))[0] in ("duration", "clock"):
        return True
    return first.i > 0 and doc[first.i - 1].lower_ == "no"


def anaphoric(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "the two men", "the 36 must face": a reference to people already counted. A unit after
    the number makes it a measure ("the 15 percent threshold"); a hedge between the article and
    the number a count ("the over 200,000 deaths")."""
    first, last = run[0], run[-1]
    doc = first.doc
    if first.i == 0 or unit_after(last, words):
        return False
    if words.get(last.lower_, ("", ""))[0] == "vague":
        return False  # "by the hundreds" counts
    noun = last.head if last.dep_ == "nummod" else None
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss")] if noun else []
    return doc[first.i - 1].lower_ in ANAPHORIC or any(
        c.lower_ in ANAPHORIC
        and c.i < first.i
        and all(t.pos_ == "ADJ" for t in doc[c.i + 1 : first.i])
        for c in determiners
    )  # "the other three treatments"


def odds_or_fraction(run: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """ "three-in-five" (both numbers): odds, not a count."""
    doc, first, last = run[0].doc, run[0], run[-1]
    after = [t.lower_ for t in doc[last.i + 1 : last.i + 3]]
    before = [t.lower_ for t in doc[max(first.i - 2, 0) : first.i]]
    return (after[:1] == ["-"] and len(after) == 2 and after[1] == "in") or before == ["in", "-"]


def counted_one(token: Token, words: dict[str, tuple[str, str]]) -> bool:
    """ "one" counts when it numbers an object ("arrested one person", "failed by one vote");
    as a subject or in a place or time phrase it picks out an individual ("One MP told",
    "in one house", "on one occasion")."""
    if unit_after(token, words):
        return True  # "one percent"
    if token.dep_ != "nummod":
        return False
    noun = token.head
    if noun.dep_ in ("dobj", "attr", "conj"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("by", "to", "for", "of", "than")


def partitive_head(token: Token) -> Token | None:
    """The pobj of "N of the dead", "N of them", or None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


RANGE_WORDS = ("to", "-", "–", "and")


def range_end(run: list[Token], nxt: list[Token], words: dict[str, tuple[str, str]]) -> bool:
    """True when `nxt` is the high end of a range that starts at `run`: "6% to 11%", "$5 and $7
    billion" after "between", "one-to-two hundred". A falling pair is a score or a split
    ("49.6 percent to 43.3 percent", "a 6–3 majority"), not a range: the caller compares values."""
    doc = run[0].doc
    gap = list(doc[run[-1].i + 1 : nxt[0].i])
    if gap and currency_before(nxt[0], words):
        gap = gap[:-1]
    texts = [t.lower_ for t in gap if words.get(t.lower_, ("", ""))[0] != "unit"]
    joins = [t for t in texts if t not in ("-", "–")] or texts[:1]
    if len(gap) > 3 or len(joins) != 1 or joins[0] not in RANGE_WORDS:
        return False
    start = run[0].i - (2 if currency_before(run[0], words) else 1)
    return joins[0] != "and" or (start >= 0 and doc[start].lower_ == "between")


def range_scale(run: list[Token], nxt: list[Token], words: dict[str, tuple[str, str]]) -> float:
    """The scale a range's first number borrows from its second: "$300 to 400 billion"."""
    if any(words.get(t.lower_, ("", ""))[0] == "scale" for t in run):
        return 1.0
    scale = words.get(nxt[-1].lower_, ("", ""))
    return float(scale[1]) if scale[0] == "scale" and len(nxt) > 1 else 1.0


def range_high(run: list[Token]) -> float | None:
    """The high end of a range written as one token ("16–17"), or None."""
    bounds = RANGE.match(clean(run[0].text)) if len(run) == 1 else None
    if bounds is None:
        return None
    low, high = (float(b.replace(",", "")) for b in bounds.groups())
    return high if high > low else None  # "a 6–3 majority" is a split, not a range


def currency_before(token: Token, words: dict[str, tuple[str, str]]) -> bool:
    """A currency sign or code right before the token ("$", "US$", "€", "USD")."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    kind, unit = words.get(prev.lower_, ("", ""))
    return kind == "unit" and len(unit) == 3 and unit.isupper() and not prev.is_alpha


def find_hedge(
    run: list[Token], hedges: frozenset[str], words: dict[str, tuple[str, str]]
) -> tuple[str | None, int]:
    """The longest hedge phrase right before the run, as written ("About", "at least"), and the
    index of its first token; a "~" glued to the number ("~23 m") is a hedge of its own."""
    first = run[0]
    doc = first.doc
    start = first.i - 1 if currency_before(first, words) else first.i
    for width in (3, 2, 1):
        if start - width < 0:
            continue
        phrase = doc[start - width : start]
        if phrase.text.lower() in hedges:
            return phrase.text, start - width
    if first.text.startswith("~"):
        return "~", start
    return None, start  # "$1.5 billion": the currency belongs to the figure


def find_unit(run: list[Token], words: dict[str, tuple[str, str]]) -> str | None:
    """Currency before the number, or a unit word right after it."""
    doc = run[0].doc
    candidates = [doc[run[0].i - 1]] if run[0].i > 0 else []
    if run[-1].i + 1 < len(doc):
        candidates.append(doc[run[-1].i + 1])
    glued = CURRENCY.match(run[0].lower_)
    if glued:  # "USD15"
        return words.get(glued.group(1), ("", ""))[1] or None
    for token in candidates:
        if token.lower_ == "m" and not currency_before(run[0], words):
            return "m"  # "~23 m": metres; "$5 m" is a scale
        kind, unit = words.get(token.lower_, ("", ""))
        if kind == "unit" and (token.lower_ != "per" or token.nbor().lower_ == "cent"):
            return unit
    return None
