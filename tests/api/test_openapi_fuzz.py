"""schemathesis against the OpenAPI spec: generated requests to every endpoint, no server error."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

schema = schemathesis.pytest.from_fixture("fuzz_schema")


# Bounded: 30 examples an operation keeps the whole run well under a minute on two cores.
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case, token: str) -> None:  # type: ignore[no-untyped-def]
    """With the write token, so that generated articles go through extraction and storage too."""
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
    )
