"""The HTTP shells: `app.py` composes the REST API (`api/`, a router per resource) and the web UI
(`web/`, Jinja2 templates and static files) into one FastAPI app; `deps.py`, `schemas.py` and
`views.py` are what both faces share.
"""

from newsgraph.server.app import create_app, serve

__all__ = ["create_app", "serve"]
