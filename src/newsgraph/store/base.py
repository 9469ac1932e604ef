"""The Store protocol: everything the CLI, API and batch loader need from a database.

Keys are content hashes, so writes are upserts and running again changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from newsgraph.errors import ReadError
from newsgraph.model import Event, ExtractedArticle, Figure, Quote


class Store(Protocol):
    def put(self, extracted: ExtractedArticle) -> bool:
        """Store one article with all its records in one transaction; False if already stored."""
        ...

    def put_error(self, error: ReadError) -> None: ...

    def errors(self) -> list[ReadError]: ...

    def article(self, article_id: str) -> ExtractedArticle | None: ...

    def articles(
        self, *, search: str | None = None, since: date | None = None, limit: int = 100
    ) -> list[ExtractedArticle]: ...

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        limit: int = 100,
    ) -> list[Quote]: ...

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002  (PLOVER's word, and the CLI option's name)
        since: date | None = None,
        until: date | None = None,
        place: str | None = None,
        limit: int = 100,
    ) -> list[Event]: ...

    def figures(self, *, contested: bool = False, limit: int = 100) -> list[Figure]: ...

    def entity(self, name: str) -> dict[str, Any] | None:
        """A merged entity: name, label, aliases, roles, quotes, events (meetings)."""
        ...

    def counts(self) -> dict[str, int]:
        """Row count per table."""
        ...

    def close(self) -> None: ...
