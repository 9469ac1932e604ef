"""`Store.put_many` (what `newsgraph load` writes with): the rows of one `put` per article."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from newsgraph.model import ExtractedArticle
from newsgraph.store import bulk, open_store
from newsgraph.store.schema import articles

from .make import STORY, article, person, quote, story
from .test_ingest import contents

OTHER = (
    "Voss told reporters in Zenda that the talks would go on. “Nothing is settled yet,” Voss "
    "said, before leaving for the capital with Olga Tarkhanov, the minister's sister."
)


def other(article_id: str, text: str) -> ExtractedArticle:
    voss = person(article_id, text, "e0", "Voss", ("Voss",))
    olga = person(article_id, text, "e1", "Olga Tarkhanov", ("Olga Tarkhanov",))
    said = quote(article_id, text, "q0", "“Nothing is settled yet,”", voss)
    return article(article_id, text, entities=(voss, olga), quotes=(said,))


def records() -> list[ExtractedArticle]:
    """The same people as the stored story (a surname alone, a new given name), a wire copy of
    an article of the same batch, copies of the stored story, and a repeat."""
    return [
        other("other", OTHER),
        other("other-copy", OTHER + " Talks go on."),
        story("copy", STORY.replace("Tuesday", "Wednesday") + " More talks follow."),
        other("other", OTHER),
        story("apart", STORY.replace("eleven days", "two weeks of unrest and")),
    ]


def test_a_batch_stores_the_rows_of_one_put_per_article(
    new_store_url: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "IN_CHUNK", 3)  # each lookup asked in several parts
    one, many = new_store_url(), new_store_url()
    for url in (one, many):
        with open_store(url) as store:
            store.put(story())  # stored before: an original, and entities to merge with
            store.split_entity("Alexander Tarkhanov")  # an override the merge must respect
    with open_store(one) as store:
        stored = [store.put(x) for x in records()]
    with open_store(many) as store:
        first = store.put_many(records()[:2])
        rest = store.put_many(records()[2:])
        again = store.put_many(records())
    assert stored == [True, True, True, False, True]
    assert (first, rest, again) == (2, 2, 0)
    assert contents(many) == contents(one)
    with open_store(many) as store, store.engine.connect() as conn:
        copies = dict(conn.execute(select(articles.c.id, articles.c.copy_of)).all())
    assert {i for i, original in copies.items() if original} == {"other-copy", "copy", "apart"}
