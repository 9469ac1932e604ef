"""Security headers on every response: pages, JSON, static files, /docs, errors and 500s alike.

The pages set their own Content-Security-Policy (web/pages.py); everything else gets the
strictest one, which a JSON body or a stylesheet does not need loosened. /docs (Swagger UI)
runs one inline script, allowed by its hash alone (`docs_policy`).
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",  # an article's `original` link tells its site nothing
    b"x-frame-options": b"DENY",  # frame-ancestors 'none' for browsers without CSP 2
}
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def with_security(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`headers` with the security headers added where they are not set already."""
    present = {name.lower() for name, _ in headers}
    added = [(name, value) for name, value in HEADERS.items() if name not in present]
    if b"content-security-policy" not in present:
        added.append((b"content-security-policy", DEFAULT_CSP))
    return [*headers, *added]


class SecurityHeaders:
    """ASGI middleware adding HEADERS (and DEFAULT_CSP where none is set) to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security(list(message.get("headers", [])))
            await send(message)

        await self.app(scope, receive, secured)


def docs_policy(html: str) -> str:
    """The CSP of the Swagger UI page: its own files, and its inline scripts by hash."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
