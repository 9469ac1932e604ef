"""schemathesis against the OpenAPI spec: generated requests to every endpoint, no server error.

Driven through schemathesis' Python API (`from_asgi`, `APIOperation.as_strategy`) under plain
hypothesis, not its pytest plugin: the plugin reads private pytest attributes, and pytest 9.2
removed one (`Function._nodeid`), which failed this test on every fresh install.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

# Bounded: 30 examples an operation keeps the whole run well under a minute on two cores.
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def test_no_request_makes_a_server_error(fuzz_schema, token: str) -> None:  # type: ignore[no-untyped-def]
    """With the write token, so that generated articles go through extraction and storage too."""
    headers = {"Authorization": f"Bearer {token}"}
    failures: dict[str, str] = {}
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    assert len(operations) > 10  # the spec was read: every route is an operation

    for operation in operations:

        @FUZZ
        @given(case=operation.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        try:
            check()
        except Exception as exc:  # one operation's failure is reported beside the others'
            failures[operation.label] = f"{type(exc).__name__}: {exc}"[:2000]
    assert not failures, "\n\n".join(f"{label}\n{why}" for label, why in failures.items())
