"""One way for every reader to build an Article: the id, the source label, metadata clean-up."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePath

from newsgraph.errors import ReadError
from newsgraph.model import Article, content_hash
from newsgraph.read.language import article_language

# The size limit for one document (a file, a JSON line, a WARC record): see read_file.
MAX_BYTES = 20 * 1024 * 1024
# The length limit of one article's text, in characters: spaCy's own `nlp.max_length` default,
# past which `nlp.make_doc` raises E088 (and the parser needs about 1 GB per 100,000 words).
MAX_CHARS = 1_000_000


def source_of(source: str, record: str | None) -> str:
    """`Article.source`: the file, and the record within it ("feed.xml#entry 3")."""
    return f"{source}#{record}" if record else source


def split_source(source: str) -> tuple[str, str | None]:
    """Inverse of `source_of`."""
    file, _, record = source.partition("#")
    return file, record or None


def make_id(source: str, text: str) -> str:
    """A stable id for an article without one: the file's stem and the start of its content hash."""
    stem = PurePath(split_source(source)[0]).name.split(".")[0] or "article"
    return f"{re.sub(r'[^A-Za-z0-9_-]+', '-', stem)}-{content_hash(text)[:10]}"


def parse_date(value: object) -> date | None:
    """A date from an ISO date or datetime string, or a date; None when absent or unparseable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def clean(value: object) -> str | None:
    """A metadata string stripped of surrounding space; None (never "") when there is none."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def unstorable(article: Article, *, max_chars: int = MAX_CHARS) -> ReadError | None:
    """Why an article cannot go on to the pipeline and the store, or None when it can.

    `too-large`: a text over `max_chars` characters. `binary`: a NUL character (U+0000, from a
    JSON `\\u0000` or past a file's first 8 KB) in the text or metadata, which PostgreSQL text
    cannot hold; refused on every backend alike.
    """
    file, record = split_source(article.source)
    if len(article.text) > max_chars:
        detail = f"{len(article.text)} characters, over {max_chars}"
        return ReadError(file, record, "too-large", detail)
    fields = (article.text, article.id, article.title, article.outlet, article.author, article.url)
    if any(value and "\x00" in value for value in fields):
        return ReadError(file, record, "binary", "a NUL character (U+0000)")
    return None


def make_article(
    text: str,
    *,
    source: str,
    id: str | None = None,  # noqa: A002 -- the Article field's name
    outlet: object = None,
    url: object = None,
    title: object = None,
    author: object = None,
    published: object = None,
    language: object = None,
) -> Article:
    """An Article with cleaned metadata; the id defaults to `make_id`, the language to a guess."""
    return Article(
        id=id or make_id(source, text),
        text=text,
        source=source,
        outlet=clean(outlet),
        url=clean(url),
        title=clean(title),
        author=clean(author),
        published=parse_date(published),
        language=article_language(text, clean(language)),
    )
