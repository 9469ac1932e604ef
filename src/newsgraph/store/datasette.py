"""A Datasette `metadata.json` for a newsgraph SQLite file: what each table holds, the internal
tables hidden, full-text search on quotes and articles, and canned queries for the questions
researchers ask first (`newsgraph export --format datasette`).

Datasette finds the search tables by itself (external-content FTS5, migration 0012); the
metadata names them too (`fts_table`, `fts_pk`), so a search box shows whichever it reads.
"""

from __future__ import annotations

from typing import Any

DESCRIPTIONS = {
    "articles": "One row per article: text, title, outlet, URL, publication date; `copy_of` "
    "names the earlier article a wire copy repeats.",
    "quotes": "Who said what: each quote with its speaker as written, kind (direct, indirect, "
    "mixed), cue, confidence and character span (`start`, `end` index the article's text). "
    "`speaker_entity` is the article-local entity id: join `article_entities` for the merged one.",
    "entities": "People, organisations and places merged across articles.",
    "aliases": "Every name a merged entity goes by.",
    "article_entities": "An entity as one article saw it, with its roles and the merged "
    "`entity_id` it belongs to.",
    "mentions": "Each mention of an entity in an article, with its span.",
    "events": "PLOVER events merged across articles: type, mode, status, date, place.",
    "event_sources": "One article's report of an event, with its actors as JSON and its span.",
    "event_actors": "Who took part in each reported event (source or target), by name and "
    "merged entity.",
    "figures": "Numbers with hedge, unit, what they count, their source and span; `contests` "
    "lists the figures of the same quantity they disagree with.",
    "errors": "Input records that could not be read, with the reason.",
    "merges": "Manual overrides of the entity merge (`newsgraph entities merge|split`).",
    "sources": "Feeds and sites `newsgraph watch` follows, and how their last poll went.",
    "visits": "Every URL the fetcher requested, with its last outcome.",
}
HIDDEN = ("alembic_version", "article_bands")  # bookkeeping: migrations, near-duplicate buckets
SEARCH = {"quotes": "quotes_fts", "articles": "articles_fts"}

QUERIES: dict[str, dict[str, str]] = {
    "quotes_by_speaker": {
        "title": "Quotes by speaker",
        "description": "Every quote of one person (any of their names), with its article, "
        "newest first.",
        "sql": """select a.published, a.outlet, a.title, a.url, q.kind, q.text, q.cue,
  coalesce(e.name, q.speaker) as speaker, e.id as entity_id, q.confidence, q.start, q."end"
from quotes q
join articles a on a.hash = q.article_hash
left join article_entities ae on ae.article_hash = q.article_hash and ae.id = q.speaker_entity
left join entities e on e.id = ae.entity_id
where q.copy_of is null and (
  e.id in (select entity_id from aliases where alias = :speaker collate nocase)
  or q.speaker = :speaker collate nocase)
order by a.published desc, q.seq""",
    },
    "contested_figures": {
        "title": "Contested figures",
        "description": "Figures another figure of the same quantity disagrees with, side by "
        "side with their sources.",
        "sql": """select a.published, a.outlet, a.title, f.quantity, f.text, f.value, f.hedge,
  f.unit, f.what, f.source_name, f.contest, f.reason, f.contests, f.start, f."end"
from figures f
join articles a on a.hash = f.article_hash
where f.contests != '[]' and f.copy_of is null
order by a.published desc, f.article_hash, f.seq""",
    },
    "meetings_by_month": {
        "title": "Meetings by month",
        "description": "CONSULT events (meetings, visits, calls) per month, with who met whom.",
        "sql": """select substr(e.date, 1, 7) as month, count(distinct e.id) as meetings,
  group_concat(distinct ea.name) as actors
from events e
join event_sources s on s.event_id = e.id
left join event_actors ea on ea.article_hash = s.article_hash and ea.event = s.id
where e.type = 'CONSULT' and e.date is not null
group by month
order by month""",
    },
}


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata for the SQLite file whose name (without `.db`) is `database`."""
    tables: dict[str, dict[str, Any]] = {
        name: {"description": text} for name, text in DESCRIPTIONS.items()
    }
    for table, fts in SEARCH.items():
        tables[table] |= {"fts_table": fts, "fts_pk": "rowid"}
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    return {
        "title": "newsgraph",
        "description": "Who said what, who met whom, and whose numbers, from the news: every "
        "record points back to its article and character span.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }
