"""Build resources/cameo_verbs.tsv from PETRARCH2's CAMEO dictionary (MIT); agent_nouns.txt,
which newsgraph_events reads too, comes from tools/build_petrarch.py.

    python tools/convert_cameo.py ../shared/resources/petrarch2/CAMEO.2.0.txt

Each verb of a CAMEO synonym block becomes a `lemma V TYPE - CODE` line with its block's (or own)
CAMEO code mapped to a PLOVER type (the PLOVER manual's table, in CAMEO_TO_PLOVER); a pattern that
is the verb plus one literal word ("- * FIRE [190]" under OPEN) becomes a two-lemma line when the
verb has no code of its own. Codes of root 01 (public statements) code no event and are left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/newsgraph/nlp/resources/cameo_verbs.tsv"
# CAMEO root (or a longer code, which wins) -> PLOVER type: the PLOVER manual's table.
CAMEO_TO_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "036": "CONSULT", "04": "CONSULT", "05": "SUPPORT",
    "057": "AGREE", "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "084": "RETREAT",
    "087": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]*)?\]")
WORD = re.compile(r"^[A-Z][A-Z'-]*$")
NOTICE = """\
# CAMEO verbs as PLOVER triggers, read by newsgraph_events (made by tools/convert_cameo.py).
# lemma(s) <TAB> pos <TAB> PLOVER type <TAB> mode <TAB> CAMEO code
# Derived from CAMEO.2.0.txt of openeventdata/petrarch2 (commit 676801cd, 2019-03-18):
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance. See LICENSE-petrarch2.
"""


def plover(code: str) -> str | None:
    for size in (3, 2):
        if code[:size] in CAMEO_TO_PLOVER:
            return CAMEO_TO_PLOVER[code[:size]]
    return None


def convert(lines: list[str]) -> list[tuple[str, str, str]]:
    """(lemmas, PLOVER type, CAMEO code) rows, first seen kept."""
    rows: dict[str, tuple[str, str, str]] = {}
    block: str | None = None
    verbs: list[tuple[str, str | None]] = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        header = HEADER.match(line)
        if header:
            block, verbs = (header.group(2)[:3] if header.group(2)[:1].isdigit() else None), []
        elif line.startswith("- *") and verbs:
            rest, code = line[3:].strip(), CODE.search(line)
            word = rest.split("[")[0].strip()
            if code and WORD.match(word) and plover(code.group(1)):
                for verb, kind in verbs:
                    if kind is None:  # a verb with a type of its own keeps it: compact
                        key = f"{verb} {word.lower()}"
                        rows.setdefault(key, (key, plover(code.group(1)) or "", code.group(1)))
        elif line and line[0].isalpha() and line[0].isupper():
            first = line.split()[0]
            code = CODE.search(line)
            own = code.group(1) if code else block
            lemma = first.lower().replace("_", " ").strip()
            kind = plover(own) if own else None
            if not WORD.match(first.replace("_", "")) or first.endswith("_"):
                continue
            verbs.append((lemma, kind))
            if kind is not None and own is not None:
                rows.setdefault(lemma, (lemma, kind, own))
    return list(rows.values())


def main(path: str) -> None:
    rows = convert(Path(path).read_text(encoding="utf-8").splitlines())
    body = "".join(f"{lemmas}\tV\t{kind}\t-\t{code}\n" for lemmas, kind, code in sorted(rows))
    OUT.write_text(NOTICE + body, encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
