"""The web UI: Jinja2 pages and static files, served by the API app (`newsgraph serve`)."""
