"""The composition root of the HTTP shells: one FastAPI app with the REST API (`server/api/`,
under /api) and the web pages (`server/web/`, under /), over one store per app.

`server/api` and `server/web` never import each other; both import the shared `deps`, `schemas`
and `views` of this package, and only this module puts them together.
"""

from __future__ import annotations

import gc
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from spacy.language import Language
from starlette.exceptions import HTTPException

from newsgraph.errors import NewsgraphError
from newsgraph.server.api import (
    articles,
    downloads,
    entities,
    events,
    figures,
    graph,
    ingest,
    quotes,
    timeline,
)
from newsgraph.server.deps import MAX_BODY_BYTES, BodyLimit
from newsgraph.server.headers import SecurityHeaders, docs_policy, with_security
from newsgraph.server.web import pages
from newsgraph.store import open_store
from newsgraph.store.filters import BadFilter

DESCRIPTION = """Who said what, who met whom, and which figure comes from whom, in the news.

Every record points back to its article and character span (`start`, `end` index `article.text`).
Reads are open. Writes (`POST /api/articles`) need `Authorization: Bearer $NEWSGRAPH_TOKEN`;
with no token set on the server, writes are disabled. Bodies over 10 MB are refused with 413.
Errors have one shape: `{"detail": ...}`.
"""


def create_app(store_url: str, *, nlp: Language | None = None) -> FastAPI:
    """The API and web UI over the database at `store_url`; `nlp` saves loading a pipeline."""
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with store:
            yield

    app = FastAPI(
        title="newsgraph",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from server/web/static/vendor below: no CDN
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    app.state.store = store
    app.state.nlp = nlp
    for module in (downloads, articles, ingest, quotes, entities, events, figures, graph, timeline):
        app.include_router(module.router)

    pages.install(app)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-favicon.png",
        )
        page.headers["Content-Security-Policy"] = docs_policy(bytes(page.body).decode())
        return page

    @app.exception_handler(HTTPException)
    async def error_page(request: Request, exc: HTTPException) -> Response:
        """JSON `{"detail": ...}` for the API; a page for a person in a browser."""
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get(
            "accept", ""
        ):
            return await http_exception_handler(request, exc)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter) -> Response:
        """A filter value no backend can match (NUL, over the length limit): 422."""
        return await error_page(request, HTTPException(422, str(exc)))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        """A bug: `{"detail": ...}` with the security headers (it is logged with its traceback)."""
        body = JSONResponse({"detail": "internal server error"}, status_code=500)
        body.raw_headers[:] = with_security(list(body.raw_headers))
        return body

    return app


def serve(
    store_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    nlp: Language | None = None,
    on_ready: Callable[[str], None] = lambda address: None,
) -> None:
    """Serve the API and UI until interrupted; `on_ready(address)` once the port is listening.

    The socket is bound before uvicorn starts, so a client that reads the address can connect at
    once, and `port=0` picks a free port.
    """
    app = create_app(store_url, nlp=nlp)
    # What start-up made (modules, the schema, compiled queries, a pipeline) lives as long as
    # the server: kept out of the collector's walks, which had taken half of a list request's
    # time (/api/quotes on 10,017 articles: 0.91 s -> 0.43 s for ten under cProfile).
    gc.freeze()
    try:
        sock = _listen(host, port)
    except OSError as exc:
        raise NewsgraphError(f"cannot listen on {host}:{port} ({exc}); try --port N") from exc
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    on_ready(f"http://{shown}:{bound_port}/")
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket that says it is TCP: asyncio turns on TCP_NODELAY only for
    sockets whose protocol is IPPROTO_TCP (`socket.create_server`'s is 0), and without it a
    small answer on a kept-alive connection waited for the client's delayed ACK (40 ms: 45 ms
    for /api/speakers over httpx against 3.5 ms with a fresh connection each time)."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET
