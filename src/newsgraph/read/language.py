"""The language of an article: a language identifier's verdict, and the metadata where it is unsure.

Text the identifier finds English is English whatever the page declares (templates often declare
one language for a whole multilingual site); otherwise the declared language, if any, is believed,
else the identifier's likeliest language. Under 25 words we do not guess (language None).

The identifier is py3langid (a naive Bayes model over byte n-grams, 140 languages, its model in
the package: 4.4 MiB, about 75 MiB loaded, 2-4 ms an article). Its likeliest language is not
what decides "English": a Reuters results table ("1. Michelle Freeman ( Jamaica ) 12.71") comes
out Nigerian Pidgin or Croatian with English second. A text is English when the identifier gives
English a probability of at least ENGLISH_FLOOR: on ../shared/data/conll2003_dev.jsonl the
lowest English probability was 0.036 (that results table), on the 200 Wikinews samples, PolNeAR
and the PLOVER sentences 0.93; on our own French, German, Spanish, Italian, Portuguese and Dutch
news paragraphs (tests/read/other_languages.jsonl, results tables included) at most 1e-4. The
floor sits between the two, a decade from each; `python benchmarks/language_id.py` measures again.
"""

from __future__ import annotations

import functools
import re
from typing import Any

WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 25
MAX_CHARS = 20_000  # the start of a long text is enough to tell
ENGLISH_FLOOR = 0.002


@functools.cache
def identifier() -> Any:
    """py3langid's model with probabilities normalised over its languages, loaded once."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise_language(tag: str | None) -> str | None:
    """ISO 639 code of a language tag ("en-GB" -> "en"); None when empty or not a language
    ("x-default", "und", "*")."""
    if not tag or not tag.strip():
        return None
    code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) and code not in ("und", "mul", "zxx") else None


def guess_language(text: str) -> str | None:
    """ "en" for English text, else the ISO 639 code of the likeliest language ("fr"), None
    when too short to tell (under MIN_WORDS words)."""
    start = text[:MAX_CHARS]
    if len(WORD.findall(start)) < MIN_WORDS:
        return None
    ranked: list[tuple[str, float]] = identifier().rank(start)
    if dict(ranked).get("en", 0.0) >= ENGLISH_FLOOR:
        return "en"
    return ranked[0][0]


def article_language(text: str, declared: str | None) -> str | None:
    """ "en" for text the identifier finds English, else the declared language, else the guess."""
    guess = guess_language(text)
    return "en" if guess == "en" else normalise_language(declared) or guess
