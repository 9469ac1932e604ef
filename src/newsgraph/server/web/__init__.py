"""The web UI: Jinja2 pages and static files, mounted by `server/app.py` (`newsgraph serve`)."""
