"""Language identifiers compared: English kept, other languages found, speed, size.

    pip install py3langid lingua-language-detector pycld2   # those not installed are skipped
    python benchmarks/language_id.py

English: the documents of ../shared/data/conll2003_dev.jsonl (Reuters wire copy: headlines in
capitals, sports results, market tables), the kind the old stopword test called not English.
Other languages: tests/read/other_languages.jsonl, short news paragraphs written for the tests
(French, German, Spanish, Italian, one Portuguese, one Dutch; a results table in each of the
four). Every identifier sees the same text as the reader gives it (the first 20,000
characters); texts under 25 words are left out, since the reader does not guess on them.
Printed per identifier: English documents called English, other texts called their own
language and called anything but English, milliseconds per text, the load time, the resident
memory the loaded model adds, and the installed size of the package.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONLL = ROOT.parent / "shared" / "data" / "conll2003_dev.jsonl"
OTHERS = ROOT / "tests" / "read" / "other_languages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.read.language import (  # noqa: E402  (after the path)
    MAX_CHARS,
    MIN_WORDS,
    WORD,
    guess_language,
    identifier,
)

Identify = Callable[[str], str]

# The stopword test that newsgraph used before (its words and threshold), for the comparison.
OLD_STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by for from had has have he her his
    i if in into is it its more not of on or our said she that the their them there they this to
    was we were which who will with would you""".split()  # noqa: SIM905 -- a word list
)


def stopwords() -> Identify:
    def identify(text: str) -> str:
        words = WORD.findall(text.lower())
        share = sum(1 for w in words if w in OLD_STOPWORDS) / len(words)
        return "en" if share >= 0.15 else "und"

    return identify


def py3langid() -> Identify:
    import py3langid as langid

    return lambda text: str(langid.classify(text)[0])


def lingua(low_accuracy: bool) -> Callable[[], Identify]:
    def load() -> Identify:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
        detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

        def identify(text: str) -> str:
            found = detector.detect_language_of(text)
            return "und" if found is None else found.iso_code_639_1.name.lower()

        return identify

    return load


def pycld2() -> Identify:
    import pycld2 as cld2

    def identify(text: str) -> str:
        # CLD2 refuses C1 control characters and lone surrogates as "invalid UTF-8"
        clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", " ", text)
        code = cld2.detect(clean)[2][0][1]
        return "und" if code == "un" else str(code)

    return identify


def newsgraph() -> Identify:
    identifier()  # loaded on first use in the reader; here before the clock starts
    return lambda text: guess_language(text) or "und"


IDENTIFIERS: dict[str, tuple[str | None, Callable[[], Identify]]] = {
    "stopword share (old)": (None, stopwords),
    "py3langid 0.4": ("py3langid", py3langid),
    "newsgraph: py3langid, p(en) >= floor": ("py3langid", newsgraph),
    "lingua, high accuracy": ("lingua", lingua(False)),
    "lingua, low accuracy": ("lingua", lingua(True)),
    "pycld2": ("pycld2", pycld2),
}


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def installed_mib(module: str | None) -> float:
    spec = importlib.util.find_spec(module) if module else None
    if spec is None or not spec.submodule_search_locations:
        return 0.0
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def texts(path: Path) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if len(WORD.findall(r["text"][:MAX_CHARS])) >= MIN_WORDS]


def measure(name: str) -> str:
    """One table row: run in a process of its own, so that load time and memory are its own."""
    module, load = IDENTIFIERS[name]
    if module and importlib.util.find_spec(module) is None:
        return f"{name} | not installed"
    english, others = texts(CONLL), texts(OTHERS)
    before, start = resident_mib(), time.perf_counter()
    identify = load()
    identify("a warm-up text for the identifier, in English, so that the model is loaded")
    loaded, model = time.perf_counter() - start, resident_mib() - before
    start = time.perf_counter()
    said_en = [identify(r["text"][:MAX_CHARS]) for r in english]
    said_other = [identify(r["text"][:MAX_CHARS]) for r in others]
    each = (time.perf_counter() - start) / (len(english) + len(others)) * 1000
    kept = sum(code == "en" for code in said_en)
    right = sum(code == r["language"] for code, r in zip(said_other, others, strict=True))
    not_en = sum(code != "en" for code in said_other)
    missed = sorted({code for code in said_en if code != "en"})
    wrong = [f"{r['language']} as {code}" for code, r in zip(said_other, others, strict=True)]
    wrong = [w for w in wrong if w.split(" as ")[0] != w.split(" as ")[1]]
    return (
        f"{name} | {kept}/{len(english)} | {right}/{len(others)} | {not_en}/{len(others)}"
        f" | {each:.2f} | {loaded:.2f} | {model:.0f} | {installed_mib(module):.1f}"
        + (f" | English called {', '.join(missed)}" if missed else "")
        + (f" | others: {', '.join(wrong[:3])}" if wrong else "")
        + (f" and {len(wrong) - 3} more" if len(wrong) > 3 else "")
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        print(measure(sys.argv[2]))
        return
    print(f"{len(texts(CONLL))} English documents, {len(texts(OTHERS))} in other languages")
    print(
        "identifier | English kept | others right | others not English | ms/text | load s"
        " | model MiB (resident) | package MiB"
    )
    for name in IDENTIFIERS:
        subprocess.run([sys.executable, __file__, "--only", name], check=True)


if __name__ == "__main__":
    main()
