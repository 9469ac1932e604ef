"""A news site on 127.0.0.1 for the fetcher's tests, built from examples/html, and what it saw.

`NewsSite` serves a front page linking to an RSS feed, a robots.txt (disallowing /private/ and
naming a news sitemap index), the index and its sitemap, the 20 example pages under /news/, and
the troublemakers: a page behind a 429 with Retry-After, a redirect loop, a slow page, a 100 MB
page, a JSON "article", a disallowed page. Feeds and sitemaps answer conditional requests with
304. Every request is recorded (path, headers, when), and every wait on the server's side is
bounded, so a test can neither hang nor reach past loopback.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HUGE = 100 * 1024 * 1024  # the size the huge page claims to stream
CHUNK = b"<p>" + b"filler " * 9000 + b"</p>\n"  # ~63 KiB, sent again and again
LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)
RETRY_AFTER = 1  # seconds: the 429's Retry-After, small to keep the test short
SLOW = 4.0  # seconds the slow page waits before its body (the tests' timeout is shorter)


@dataclass(frozen=True, slots=True)
class Seen:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic()


@dataclass(slots=True)
class Reply:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = False  # answers If-None-Match / If-Modified-Since with 304
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None  # writes the body itself


def pages() -> list[Path]:
    return sorted((EXAMPLES / "html").glob("*.html"))


def rss(base: str, title: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{escape(Path(link).stem)}</title><link>{escape(link)}</link></item>"
        for link in links
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link><language>en</language>{items}</channel></rss>"
    ).encode()


def urlset(links: list[str]) -> bytes:
    news = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    entries = "".join(
        f"<url><loc>{escape(link)}</loc><news:news><news:title>{Path(link).stem}</news:title>"
        "</news:news></url>"
        for link in links
    )
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {news}>'
        f"{entries}</urlset>"
    ).encode()


class NewsSite:
    """The site, on a free port of 127.0.0.1; `forbidden_port` is another local server (a
    machine's own service) that no source names: whatever reaches it is recorded in `hits`."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.hits: list[str] = []  # requests that reached the forbidden server
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self.busy_tries = 0
        self.huge_sent = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.forbidden = ThreadingHTTPServer(("127.0.0.1", 0), self._forbidden_handler())
        self.forbidden.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.routes = self._routes()

    # --- content --------------------------------------------------------------------------------

    def page_urls(self) -> list[str]:
        return [f"{self.base}/news/{p.stem}.html" for p in pages()]

    def bad_urls(self) -> dict[str, str]:
        """Entries of the world feed that must be reported, by the reason expected."""
        port = self.forbidden.server_address[1]
        return {
            "robots": f"{self.base}/private/leak.html",
            "redirect-loop": f"{self.base}/loop/a",
            "timeout": f"{self.base}/slow.html",
            "too-large": f"{self.base}/huge.html",
            "not-html": f"{self.base}/data/table",
            "refused-address": f"http://127.0.0.1:{port}/admin",
            "refused-private": "http://10.20.30.40/intranet/story.html",
        }

    def _routes(self) -> dict[str, Reply]:
        urls = self.page_urls()
        feed_links, sitemap_links = urls[:10], urls[10:19]  # the last page is /busy.html's
        bad = self.bad_urls()
        world = [urls[0], f"{self.base}/busy.html", *bad.values()]
        routes = {f"/news/{p.stem}.html": Reply(body=p.read_bytes()) for p in pages()}
        front = (
            '<!doctype html><html lang="en"><head><title>Example News</title>'
            '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
            "<body><h1>Example News</h1></body></html>"
        )
        xml = "application/xml"
        routes |= {
            "/": Reply(body=front.encode(), conditional=True),
            "/robots.txt": Reply(
                content_type="text/plain",
                body=(
                    f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.base}/news-sitemap.xml\n"
                ).encode(),
            ),
            "/feed.xml": Reply(
                content_type="application/rss+xml",
                body=rss(self.base, "Example News", feed_links),
                conditional=True,
            ),
            "/world.xml": Reply(
                content_type="application/rss+xml",
                body=rss(self.base, "Example News: world", world),
                conditional=True,
            ),
            "/news-sitemap.xml": Reply(
                content_type=xml,
                body=(
                    '<?xml version="1.0"?><sitemapindex '
                    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{self.base}/sitemap-1.xml</loc></sitemap></sitemapindex>"
                ).encode(),
                conditional=True,
            ),
            "/sitemap-1.xml": Reply(content_type=xml, body=urlset(sitemap_links), conditional=True),
            "/private/leak.html": Reply(body=pages()[0].read_bytes()),
            "/loop/a": Reply(status=302, headers={"Location": "/loop/b"}),
            "/loop/b": Reply(status=302, headers={"Location": "/loop/a"}),
            "/slow.html": Reply(stream=self._slow),
            "/huge.html": Reply(stream=self._huge),
            "/data/table": Reply(content_type="application/json", body=b'{"rows": [1, 2, 3]}'),
            "/busy.html": Reply(stream=self._busy),
            "/declared.html": Reply(stream=self._declared),
            "/down.html": Reply(status=503, content_type="text/plain", body=b"down"),
            "/to-private": Reply(
                status=302, headers={"Location": self.bad_urls()["refused-address"]}
            ),
        }
        return routes

    # --- the special pages ---------------------------------------------------------------------

    def _slow(self, handler: BaseHTTPRequestHandler) -> None:
        self.closing.wait(SLOW)  # bounded: the server waits at most SLOW seconds
        self._send(handler, Reply(body=pages()[0].read_bytes()))

    def _huge(self, handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: the body runs until the connection closes
        try:
            handler.wfile.write(b"<!doctype html><html><body>")
            while self.huge_sent < HUGE and not self.closing.is_set():
                handler.wfile.write(CHUNK)
                self.huge_sent += len(CHUNK)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client cut it off at its size limit

    def _declared(self, handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(HUGE))
        handler.end_headers()  # and no body at all: a client that trusts the header stops here

    def _busy(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.busy_tries += 1
            first = self.busy_tries % 2 == 1
        if first:
            reply = Reply(status=429, headers={"Retry-After": str(RETRY_AFTER)}, body=b"slow down")
            self._send(handler, reply)
        else:
            self._send(handler, Reply(body=pages()[-1].read_bytes()))

    # --- serving --------------------------------------------------------------------------------

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(reply.body)  # the client may have given up (the slow page)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                with site.lock:
                    site.seen.append(Seen(self.path, dict(self.headers.items()), time.monotonic()))
                reply = site.routes.get(self.path.split("?")[0])
                if reply is None:
                    site._send(self, Reply(status=404, content_type="text/plain", body=b"none"))
                elif reply.stream is not None:
                    reply.stream(self)
                elif reply.conditional:
                    site._conditional(self, reply)
                else:
                    site._send(self, reply)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: the tests read `seen`

        return Handler

    def _conditional(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        etag = '"' + hashlib.sha256(reply.body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        asked = handler.headers.get("If-None-Match")
        since = handler.headers.get("If-Modified-Since")
        if asked == etag or (asked is None and since == LAST_MODIFIED):
            handler.send_response(304)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            return
        self._send(handler, Reply(reply.status, reply.content_type, reply.body, headers))

    def _forbidden_handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Forbidden(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits.append(self.path)
                site._send(self, Reply(body=pages()[0].read_bytes()))

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Forbidden

    def paths(self) -> list[str]:
        with self.lock:
            return [s.path for s in self.seen]

    def __enter__(self) -> NewsSite:
        for server in (self.server, self.forbidden):
            threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self.closing.set()
        for server in (self.server, self.forbidden):
            server.shutdown()
            server.server_close()


def requests_for(site: NewsSite, path: str) -> Iterator[Seen]:
    with site.lock:
        yield from (s for s in site.seen if s.path == path)
