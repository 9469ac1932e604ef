"""The REST API (FastAPI), a router per resource; `create_app(store_url)` also serves the UI."""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
