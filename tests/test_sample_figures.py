"""Contests over the 200-article Wikinews sample (../shared/samples): no contest between
unrelated quantities, within an article or across the stored archive.

Reviewed by hand (issue 16): the sample holds one real contest, the Taliban's claim of 190 dead
against the provincial governor's spokesman's twelve killed in one car-bomb attack; no two of its
articles report rival tolls of one story, so the archive adds none."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from newsgraph.model import Frame, claimed_range, same_frame
from newsgraph.store import open_store
from newsgraph.store.stories import contest_groups

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("samples")]

REVIEWED = 1  # contest groups read by hand and found real (the module docstring)


def within_article_groups(sample_extracted):  # type: ignore[no-untyped-def]
    """[(article id, [Figure, ...])] per contest group of each article."""
    groups = []
    for extracted in sample_extracted:
        by_id = {f.id: f for f in extracted.figures}
        seen: set[str] = set()
        for figure in extracted.figures:
            if figure.contests and figure.id not in seen:
                members = [figure, *(by_id[i] for i in figure.contests)]
                seen.update(f.id for f in members)
                groups.append((extracted.article.id, members))
    return groups


def frame(figure) -> Frame:  # type: ignore[no-untyped-def]
    return Frame(figure.place, figure.period, figure.period_date)


def test_every_contest_counts_one_quantity_from_rival_sources(sample_extracted) -> None:  # type: ignore[no-untyped-def]
    groups = within_article_groups(sample_extracted)
    assert len(groups) <= REVIEWED, [(a, [f.text for f in g]) for a, g in groups]
    for article_id, members in groups:
        kinds = {f.contest for f in members}
        assert kinds == {"total"}, (article_id, kinds)  # no composition claim in the sample
        assert len({f.quantity for f in members}) == 1, (article_id, [f.what for f in members])
        assert len({f.source.name if f.source else None for f in members}) == len(members)
        assert all(f.source is not None for f in members), article_id
        assert all(same_frame(frame(a), frame(b)) for a in members for b in members)
        ranges = sorted(claimed_range(f.value, f.value_high, f.hedge) for f in members)
        assert all(low_b > high_a for (_, high_a), (low_b, _) in pairwise(ranges))
        assert all(f.reason for f in members)


def test_the_stored_sample_adds_no_contest_across_articles(  # type: ignore[no-untyped-def]
    sample_extracted, tmp_path: Path
) -> None:
    with open_store(f"sqlite:///{tmp_path / 'samples.db'}") as store:
        store.put_many(sample_extracted)
        contested = store.cited_figures(contested=True, limit=1000)
    groups = contest_groups(contested)
    across = [g for g in groups if len({c.article.id for c in g}) > 1]
    assert across == []
    assert len(groups) == len(within_article_groups(sample_extracted))
