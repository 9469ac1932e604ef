"""What every handler depends on: the store and, for writes, the token."""

from __future__ import annotations

import json
import os
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.store.base import Store

TOKEN_ENV = "NEWSGRAPH_TOKEN"
# An article is at most a few hundred kB; 10 MB leaves room for a long HTML page with markup.
MAX_BODY_BYTES = 10 * 1024 * 1024


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]

bearer = HTTPBearer(auto_error=False, description=f"The token in ${TOKEN_ENV} on the server.")


def require_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Writes need `Authorization: Bearer $NEWSGRAPH_TOKEN`; with no token set, writes are off."""
    expected = os.environ.get(TOKEN_ENV)
    if not expected:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, f"writes are disabled: set {TOKEN_ENV} on the server"
        )
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "a write needs the header Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


TokenDep = Depends(require_token)


class BodyLimit:
    """ASGI middleware: refuse request bodies over `limit` bytes with 413 `{"detail": ...}`.

    A declared Content-Length over the limit is answered at once; a streamed body is counted as
    it is read, and the read raises HTTPException(413), which the app's handler turns into JSON.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            body = json.dumps({"detail": self.detail}).encode()
            headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
            await send({"type": "http.response.start", "status": 413, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, self.detail)
            return message

        await self.app(scope, counted, send)

    @property
    def detail(self) -> str:
        return f"the request body is over the limit of {self.limit} bytes"
