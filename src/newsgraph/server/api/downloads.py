"""GET /api/{listing}.{csv,json,jsonl}: every row of a filtered listing as a streamed file.

The filters are the listing's own (`server/filters.py`), so a download holds exactly the rows
its page or list endpoint pages through; rows are flat (quotes carry their article's title,
outlet, URL and date, and the speaker's merged entity id).
"""

# No `from __future__ import annotations`: FastAPI reads each route's `Depends(filters)`
# from its annotations, and `filters` is local to `_route`.
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import (
    article_filters,
    event_filters,
    figure_filters,
    given,
    quote_filters,
    speaker_filters,
)
from newsgraph.server.paging import FORMATS, download
from newsgraph.server.views import download_rows

router = APIRouter(tags=["downloads"])
Format = Literal["csv", "json", "jsonl"]
FILTERS: dict[str, Callable[..., dict[str, Any]]] = {
    "articles": article_filters,
    "quotes": quote_filters,
    "events": event_filters,
    "figures": figure_filters,
    "speakers": speaker_filters,
}
FILE_TYPES = {"content": {media.split(";")[0]: {} for media in FORMATS.values()}}


def _route(kind: str, filters: Callable[..., dict[str, Any]]) -> None:
    def download_listing(
        store: StoreDep, fmt: Format, chosen: Annotated[dict[str, Any], Depends(filters)]
    ) -> StreamingResponse:
        return download(download_rows(store, kind, given(chosen)), fmt, kind)

    download_listing.__doc__ = f"Every {kind[:-1]} the filters select, as CSV, JSON or JSON Lines."
    router.add_api_route(
        f"/api/{kind}.{{fmt}}",
        download_listing,
        methods=["GET"],
        name=f"download_{kind}",
        response_class=StreamingResponse,
        responses={200: FILE_TYPES},
    )


for _kind, _filters in FILTERS.items():
    _route(_kind, _filters)
