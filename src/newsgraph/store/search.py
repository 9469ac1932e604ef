"""Full-text search over quotes and articles: the only dialect-specific SQL of the store.

SQLite: external-content FTS5 tables (`quotes_fts` over `quotes.text`, `articles_fts` over
`articles.title` and `.text`, porter stemming), keyed by their table's rowid and kept by triggers
on it, so every write path fills them and Datasette finds them
(`migrations/versions/0012_external_content_fts.py`). PostgreSQL: GIN indexes on
`to_tsvector('english', ...)` expressions, which the queries below repeat verbatim so the
planner uses them (`migrations/versions/0001_initial_schema.py`).
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, TextClause, false, literal_column, text

# The search syntax people type (as Media Cloud and web search take it): words (all must occur),
# "a phrase", `OR` between two terms, `-word` (must not occur) and `prefix*`. Anything else is
# read as words: FTS5's own operators and column filters (NEAR, ^, :, parentheses) never reach
# MATCH, so no input is an FTS5 syntax error.
# a word may hold hyphens and apostrophes ("worst-case", "don't": all its parts must occur); a
# leading "-" negates the whole term
TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\w[\w\'-]*)(\*?)|(\S)')


def _terms(words: str) -> list[tuple[str, bool]]:
    """(FTS5 term, negated) per term of the user's text, `OR` as ("OR", False)."""
    found: list[tuple[str, bool]] = []
    for m in TERM.finditer(words):
        neg_phrase, phrase, neg_word, word, star, _other = m.groups()
        if phrase is not None:
            tokens = re.findall(r"\w+", phrase)
            if tokens:
                found.append(('"' + " ".join(tokens) + '"', bool(neg_phrase)))
        elif word is not None:
            if word == "OR" and not neg_word:
                found.append(("OR", False))
                continue
            for n, token in enumerate(re.findall(r"\w+", word)):  # "worst-case": "worst" "case"
                found.append((f'"{token}"' + ("*" if star and n == 0 else ""), bool(neg_word)))
    return found


def sought_words(words: str) -> list[tuple[str, bool]]:
    """The words a search looks for, lower case, each with whether it is a prefix (`sanct*`);
    negated terms are left out (a result never holds them)."""
    found: list[tuple[str, bool]] = []
    for term, negated in _terms(words):
        if negated or term == "OR":
            continue
        prefix = term.endswith("*")
        found.extend((token.lower(), prefix) for token in term.rstrip("*").strip('"').split())
    return found


def fts5_query(words: str) -> str | None:
    """User text as a safe FTS5 query: every term must occur (terms joined by OR form one
    group), `-term` must not; None when nothing positive is left to match."""
    groups: list[list[str]] = []
    negated: list[str] = []
    joining = False
    for term, neg in _terms(words):
        if term == "OR":
            joining = bool(groups)
            continue
        if neg:
            negated.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if not groups:
        return None
    query = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return query + "".join(f" NOT {t}" for t in negated)


def quotes_matching(dialect: str, words: str) -> ColumnElement[bool] | TextClause:
    """A WHERE clause on `quotes` selecting the quotes that match the search (PostgreSQL:
    websearch_to_tsquery, the same syntax without `prefix*`)."""
    if dialect == "postgresql":  # the index's expression, literally, or the planner ignores it
        return text(
            "to_tsvector('english', quotes.text) @@ websearch_to_tsquery('english', :quote_words)"
        ).bindparams(quote_words=words)
    query = fts5_query(words)
    if query is None:
        return false()
    rowids = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :q").bindparams(q=query)
    return literal_column("quotes.rowid").in_(rowids.columns(literal_column("rowid")))


def articles_matching(dialect: str, words: str) -> ColumnElement[bool] | TextClause:
    """A WHERE clause on `articles` selecting the articles whose title or text has every word."""
    if dialect == "postgresql":
        return text(
            "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text)"
            " @@ websearch_to_tsquery('english', :article_words)"
        ).bindparams(article_words=words)
    query = fts5_query(words)
    if query is None:
        return false()
    rowids = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=query)
    # `+`: the hits are a set to test, not the rows to start from, so SQLite walks the articles
    # by date and a page stops after its last one (a common word matches most articles: read
    # one by one and sorted, 8,586 hits took 24 ms, the walk 3 ms; no hit costs a walk of the
    # date index alone)
    return literal_column("+articles.rowid").in_(rowids.columns(literal_column("rowid")))
