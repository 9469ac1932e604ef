"""The suite's own parallel run (scripts/test.sh: `pytest -n auto --dist loadgroup`) keeps each
xdist_group on one worker, so a group's session fixtures run once (see conftest's
pytest_collection_modifyitems for why that needs help under pytest 9.2)."""

from __future__ import annotations

import pytest


@pytest.mark.xdist_group("lone")
def test_a_grouped_test_carries_its_group_in_its_id(request: pytest.FixtureRequest) -> None:
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not an xdist worker under --dist loadgroup")
    assert request.node.nodeid.endswith("@lone")
