"""Merging across articles: one entity per referent, one event per happening, copies not recounted.

Entities: an article's entity joins the stored entity that shares a folded name with it, or whose
name is similar enough in context (same label group, same surname with compatible first names,
no conflicting country); otherwise it founds a new one. Articles: a MinHash signature over word
shingles, bucketed in LSH bands stored in the database, finds an earlier near-duplicate (a wire
copy republished with small edits); the copy's quotes and figures point at the original's.
Everything here runs inside the transaction that stores the article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz
from sqlalchemy import Connection, bindparam, func, or_, select

from newsgraph.model import Entity, Event, normalise_text
from newsgraph.store.rows import merged_entity_row
from newsgraph.store.schema import aliases, article_bands, article_entities, entities, merges
from newsgraph.store.schema import articles as articles_table

if TYPE_CHECKING:  # datasketch imports scipy (a second per process): only a write needs it
    from datasketch import MinHash

# Words that name a position, not the person: "Prime Minister Yevgeny Tarkhanov" and
# "Mr. Tarkhanov" are the same key as "Yevgeny Tarkhanov".
TITLES = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "general",
        "gen",
        "col",
        "colonel",
        "lt",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "foreign",
        "defense",
        "defence",
        "state",
        "deputy",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "of",
        "the",
        "former",
        "acting",
        "interim",
        "pope",
        "rabbi",
        "imam",
        "rev",
        "reverend",
        "father",
        "cardinal",
        "bishop",
        "minister's",
        "premier",
        "crown",
    )
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that begin a surname of several words ("de Blasio", "De La Fuente", "bin Salman", "van
# der Berg"), written with a capital or not.
PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van", "von", "bin",
     "ibn", "al", "el", "ter", "ten"}
)  # fmt: skip
# Particles that are never a given name ("Al", "Van", "Del", "Di" are).
SURNAME_ONLY = frozenset(
    {"de", "della", "der", "den", "dos", "du", "la", "von", "bin", "ibn", "ter"}
)
# Label groups whose members can be one referent: spaCy calls a country GPE or LOC by context.
LABEL_GROUPS = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

# Thresholds: first names at least this similar (rapidfuzz ratio, 0-100) are one person's
# ("Aleksandr"/"Alexander" = 77.8, "Joe"/"Joseph" by prefix); other names need FUZZY_NAME overall.
FIRST_NAME = 75.0
FUZZY_NAME = 92.0

# Near-duplicates: 128 permutations in 32 bands of 4 rows catch pairs above Jaccard ~0.42,
# which are then kept only above NEAR_DUPLICATE (a lightly edited copy scores > 0.8; two
# different stories on one topic < 0.3 on the sample corpus). Rerun tests/store/test_merge.py.
PERMUTATIONS = 128
BANDS = 32
NEAR_DUPLICATE = 0.7
SHINGLE = 3  # words per shingle
SCHEME = "affine32"  # datasketch's 32-bit hash values: 4 bytes each when stored
CANDIDATES = 16


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", bare.lower()).split())


def name_key(name: str, label: str = "PERSON") -> str:
    """The folded name without a leading "the" (and for people, titles): what lookups use."""
    folded = fold(name).removeprefix("the ")
    if label != "PERSON":
        return folded
    return " ".join(t for t in folded.split() if t not in TITLES) or folded


DOUBLED = re.compile(r"(\w)\1+")


def surname(key: str) -> str | None:
    """The last name token of a person's key, skipping "Jr."-like suffixes, with doubled letters
    written once: transliterations differ there ("Zelenskyy"/"Zelensky", "Kadyrov"/"Kaddyrov"),
    accents are already folded ("Erdoğan"/"Erdogan")."""
    tokens = [t for t in key.split() if t not in SUFFIXES]
    return DOUBLED.sub(r"\1", tokens[-1]) if tokens else None


def given_names(key: str) -> str:
    """A person's key without its surname (and suffixes): "joseph r quillfeather" -> "joseph r";
    a particle before the surname is the surname's ("bill de blasio" -> "bill", "de la fuente"
    -> "")."""
    tokens = [t for t in key.split() if t not in SUFFIXES][:-1]
    while len(tokens) > 1 and tokens[-1] in PARTICLES:
        tokens.pop()
    if tokens and tokens[0] in SURNAME_ONLY:  # "de quill"; "al gore" keeps its given name
        tokens.pop()
    return " ".join(tokens)


def label_group(label: str) -> str:
    return LABEL_GROUPS.get(label, label)


def entity_id(label: str, name: str, salt: str = "") -> str:
    """A merged entity's id: from its founding name, so reruns give the same id."""
    key = name_key(name, label)
    digest = hashlib.sha1(f"{label_group(label)}|{key}|{salt}".encode()).hexdigest()
    return "E" + digest[:20]


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    label: str
    country: str | None
    keys: frozenset[str]


def _first_names_agree(a: str, b: str) -> bool:
    """Given names of two people with one surname: absent, equal, initials, or spelled alike."""
    if not a or not b:
        return True  # "Tarkhanov" and "Yevgeny Tarkhanov"
    if a.startswith(b) or b.startswith(a):
        return True  # "J" / "Joe" / "Joseph"; "Joe Quillfeather" / "Joseph R Quillfeather"
    return fuzz.ratio(a, b) >= FIRST_NAME or fuzz.ratio(a.split()[0], b.split()[0]) >= FIRST_NAME


def _person_score(keys: frozenset[str], other: frozenset[str]) -> float:
    """Two people with a surname in common: their full names decide when both have one."""
    # a full name has a given name: "de quill" alone is a surname, as "quill" is
    if any(map(given_names, keys)) and any(map(given_names, other)):
        # "Olga Tarkhanov" is not "Yevgeny Tarkhanov"
        return 95.0 if _full_names_agree(keys, other) else 0.0
    surnames = {surname(k) for k in keys} & {surname(k) for k in other}
    return 85.0 if surnames - {None} else 0.0  # "Tarkhanov" alone and "Yevgeny Tarkhanov"


def person_readings(entity: Entity, keys: frozenset[str]) -> frozenset[str]:
    """The person names a name the model did not tag PERSON may be: the last two and three words
    of each key ("Vermont Bernie Sanders" ORG -> "bernie sanders"). None for a person, for a
    place the gazetteer placed, and for a one-word name (a surname alone may be a company's)."""
    if entity.label == "PERSON" or entity.latitude is not None:
        return frozenset()
    found: set[str] = set()
    for key in keys:
        words = key.split()
        found.update(" ".join(words[-n:]) for n in (2, 3) if len(words) >= n)
    return frozenset(found)


def lookup_surnames(entity: Entity, keys: frozenset[str]) -> set[str]:
    """The surnames to look stored people up by: a person's own, or those of its readings."""
    names = keys if entity.label == "PERSON" else person_readings(entity, keys)
    return {s for k in names if (s := surname(k))}


def _full_names_agree(keys: frozenset[str], other: frozenset[str]) -> bool:
    """Some full name (a given name and a surname) of each with one surname and agreeing given
    names."""
    return any(
        (sa := surname(a)) is not None
        and sa == surname(b)
        and _first_names_agree(given_names(a), given_names(b))
        for a in keys
        if given_names(a)
        for b in other
        if given_names(b)
    )


def score(entity: Entity, keys: frozenset[str], candidate: Candidate, split: bool) -> float:
    """How surely an article's entity is the candidate (0: not it; 100: same folded name).

    A label is the model's guess and does not veto a person's full name: an ORG or GPE that
    reads as a stored person's full name (`person_readings`) is that person (90)."""
    if label_group(entity.label) != label_group(candidate.label):
        readings = person_readings(entity, keys) if candidate.label == "PERSON" else frozenset()
        return 90.0 if readings and _full_names_agree(readings, candidate.keys) else 0.0
    if entity.country and candidate.country and entity.country != candidate.country:
        return 0.0
    shared = keys & candidate.keys
    if shared and (split or entity.label != "PERSON" or any(" " in k for k in shared)):
        return 100.0  # a single shared word names a person only together with the context
    if split:
        return 0.0  # a split name joins only an entity that holds its very name
    if entity.label == "PERSON":
        return _person_score(keys, candidate.keys)
    best = max(fuzz.token_sort_ratio(a, b) for a in keys for b in candidate.keys)
    return best if best >= FUZZY_NAME else 0.0


NAMING = ("name", "surname")  # the mention kinds that are names of the entity (not "he")


def names_of(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases, *(m.text for m in entity.mentions if m.kind in NAMING))


def entity_keys(entity: Entity) -> frozenset[str]:
    return frozenset(k for k in (name_key(n, entity.label) for n in names_of(entity)) if k)


# The statements `put` runs for every entity, built once: a statement built per call is keyed
# and its values bound anew each time, which was a third of `put`'s CPU time (cProfile of
# benchmarks/batch.py's writer, 200 samples). Parameters: `keys`, `surnames`, `ids` lists,
# `entity` an id, `to` a name.
CANDIDATES_QUERY = (
    select(entities, aliases.c.key)
    .join(aliases, aliases.c.entity_id == entities.c.id)
    .where(
        entities.c.id.in_(
            select(aliases.c.entity_id).where(
                or_(
                    aliases.c.key.in_(bindparam("keys", expanding=True)),
                    aliases.c.surname.in_(bindparam("surnames", expanding=True)),
                )
            )
        )
    )
    .order_by(entities.c.id)
)
LINKS_QUERY = (
    select(article_entities.c.entity_id, func.count())
    .where(article_entities.c.entity_id.in_(bindparam("ids", expanding=True)))
    .group_by(article_entities.c.entity_id)
)
ENTITY_TAKEN = select(entities.c.id).where(entities.c.id == bindparam("entity"))
RENAME = entities.update().where(entities.c.id == bindparam("entity")).values(name=bindparam("to"))
INSERT_ENTITY = entities.insert()
INSERT_ALIASES = aliases.insert()


def candidates(conn: Connection, entity: Entity, keys: frozenset[str]) -> list[Candidate]:
    """Stored entities sharing a key, or (for people) a surname, with the article's entity."""
    surnames = lookup_surnames(entity, keys)
    rows = conn.execute(
        CANDIDATES_QUERY, {"keys": sorted(keys), "surnames": sorted(surnames)}
    ).all()
    found: dict[str, Candidate] = {}
    for row in rows:
        old = found.get(row.id)
        old_keys = old.keys if old else frozenset()
        found[row.id] = Candidate(
            row.id, row.name, row.label, row.country, old_keys | frozenset([row.key])
        )
    return list(found.values())


def split_keys(conn: Connection) -> frozenset[str]:
    """The name keys a user split apart (`newsgraph entity --split`): never merged by name."""
    query = select(merges.c.key).where(merges.c.action == "split")
    return frozenset(conn.execute(query).scalars())


def links(conn: Connection, entity_ids: Sequence[str]) -> dict[str, int]:
    """How many article entities each merged entity gathers: the tie-break between candidates."""
    rows = conn.execute(LINKS_QUERY, {"ids": list(entity_ids)}).all()
    return {row[0]: int(row[1]) for row in rows}


def resolve_entity(conn: Connection, entity: Entity, split_keys: frozenset[str]) -> str:
    """The merged entity an article's entity belongs to, created or enriched as needed;
    `split_keys`: `split_keys(conn)`, read once per article."""
    keys = entity_keys(entity) or frozenset([fold(entity.name) or entity.name])
    split = bool(keys & split_keys)
    scored = [(score(entity, keys, c, split), c) for c in candidates(conn, entity, keys)]
    scored = [(s, c) for s, c in scored if s > 0]
    if scored:
        counts = links(conn, [c.id for _, c in scored])
        _, best = max(scored, key=lambda sc: (sc[0], counts.get(sc[1].id, 0), sc[1].id))
        chosen, known = best.id, best.keys
        if renames(entity, best.name, best.label):
            # the fullest name wins: "Tarkhanov" first, "Yevgeny Tarkhanov" later
            conn.execute(RENAME, {"entity": chosen, "to": entity.name})
    else:
        chosen, known = free_id(conn, entity, "split" if split else ""), frozenset()
        conn.execute(INSERT_ENTITY, merged_entity_row(entity, chosen))
    add_aliases(conn, chosen, entity, known)
    return chosen


def renames(entity: Entity, name: str, label: str) -> bool:
    """Whether the article's entity gives the stored one (`name`, `label`) a fuller name: only
    within one label group ("Vermont Bernie Sanders" ORG does not rename the person)."""
    if label_group(entity.label) != label_group(label):
        return False
    return len(name_key(entity.name, entity.label)) > len(name_key(name, label))


def free_id(conn: Connection, entity: Entity, salt: str) -> str:
    """The founding-name id, or (when a different entity has that name: another country, a
    name with no letters) the first free numbered variant of it."""
    for n in range(1_000_000):
        chosen = entity_id(entity.label, entity.name, f"{salt}#{n}" if n else salt)
        if conn.execute(ENTITY_TAKEN, {"entity": chosen}).first() is None:
            return chosen
    raise RuntimeError("no free entity id")  # a million entities with one name: a bug


def add_aliases(conn: Connection, chosen: str, entity: Entity, known: frozenset[str]) -> None:
    seen, new = set(known), []
    for name in names_of(entity):
        key = name_key(name, entity.label)
        if not key or key in seen:
            continue
        seen.add(key)
        person = entity.label == "PERSON"
        new.append(
            {
                "entity_id": chosen,
                "key": key,
                "alias": name,
                "surname": surname(key) if person else None,
            }
        )
    if new:
        conn.execute(INSERT_ALIASES, new)


# --- events -------------------------------------------------------------------------------------


def event_id(event: Event, actor_ids: Sequence[str | None], article_hash: str) -> str:
    """One id for every report of the same happening: type, merged actors and date.

    An event whose actors are not all resolved, or that has no date, stays its article's own.
    """
    if not actor_ids or None in actor_ids or not event.date:
        basis = f"{article_hash}|{event.id}"
    else:
        basis = f"{event.type}|{','.join(sorted(set(map(str, actor_ids))))}|{event.date}"
    return "V" + hashlib.sha1(basis.encode()).hexdigest()[:20]


# --- near-duplicate articles --------------------------------------------------------------------


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    words = normalise_text(text).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype="<u4").tobytes())


def buckets(minhash: MinHash) -> list[tuple[int, str]]:
    rows = PERMUTATIONS // BANDS
    raw = np.asarray(minhash.hashvalues, dtype="<u4")
    digests = (hashlib.sha1(raw[b * rows : (b + 1) * rows].tobytes()) for b in range(BANDS))
    # the band is part of the bucket, so one bucket never spans two bands
    return [(band, f"{band}:{d.hexdigest()[:32]}") for band, d in enumerate(digests)]


def find_original(conn: Connection, minhash: MinHash) -> str | None:
    """The hash of the stored original this text nearly duplicates, or None.

    Only the CANDIDATES articles sharing the most LSH buckets are compared, so a story with
    thousands of stored copies costs no more than one with a few.
    """
    pairs = buckets(minhash)
    shared = func.count().label("shared")
    matches = (
        select(article_bands.c.article_hash, shared)
        .where(article_bands.c.bucket.in_([h for _, h in pairs]))
        .group_by(article_bands.c.article_hash)
        .order_by(shared.desc(), article_bands.c.article_hash)
        .limit(CANDIDATES)
        .subquery()
    )
    rows = conn.execute(
        select(articles_table.c.hash, articles_table.c.copy_of, articles_table.c.minhash)
        .join(matches, matches.c.article_hash == articles_table.c.hash)
        .order_by(articles_table.c.hash)
    ).all()
    mine = np.asarray(minhash.hashvalues, dtype="<u4")
    best: tuple[float, str] | None = None
    for row in rows:
        # the share of equal MinHash values estimates the Jaccard similarity of the shingles
        similarity = float(np.mean(np.frombuffer(row.minhash, dtype="<u4") == mine))
        if similarity >= NEAR_DUPLICATE and (best is None or similarity > best[0]):
            best = (similarity, row.copy_of or row.hash)
    return best[1] if best else None


def store_buckets(conn: Connection, article_hash: str, minhash: MinHash) -> None:
    conn.execute(
        article_bands.insert(),
        [{"band": b, "bucket": h, "article_hash": article_hash} for b, h in buckets(minhash)],
    )


def same_text(a: str, b: str) -> bool:
    """Two quotes or figures are one when their texts match after light edits."""
    return fuzz.ratio(normalise_text(a), normalise_text(b)) >= FUZZY_NAME
