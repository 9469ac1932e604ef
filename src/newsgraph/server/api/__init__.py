"""The REST API under /api: a router per resource (articles, ingest, quotes, entities, events,
figures, graph); `server/app.py` mounts them beside the web pages."""
