"""What every handler depends on: the store and, for writes, the token."""

from __future__ import annotations

import os
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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
