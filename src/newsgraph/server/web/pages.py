"""Web pages: reader, search, speakers, events timeline, meeting graph, contested figures.

Handlers gather records through the Store and `server.views`; templates only loop and branch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote as url_quote

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from newsgraph.extract import confident
from newsgraph.model import ExtractedArticle
from newsgraph.server.deps import StoreDep
from newsgraph.server.schemas import BylineOut, EventHit, QuoteHit, summary
from newsgraph.server.views import (
    contested_groups,
    entity_profile,
    event_hits,
    meeting_graph,
    quote_hits,
)
from newsgraph.server.web.segments import (
    LOW_CONFIDENCE,
    paragraphs,
    quote_cards,
    speaker_colours,
)
from newsgraph.store.base import Store

HERE = Path(__file__).parent
# Article text is untrusted: autoescape everything, never `|safe` (see segments.py).
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
env.filters["path"] = lambda text: url_quote(str(text), safe="")
env.globals["low_confidence"] = LOW_CONFIDENCE
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
EVENTS_SHOWN = 200  # a timeline page; filters narrow it

# Scripts and styles come from /static only: a script that slipped into a page would not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def error_page(request: Request, status_code: int, detail: str) -> HTMLResponse:
    return render(request, "error.html", status_code, status_code=status_code, detail=detail)


def install(app: FastAPI) -> None:
    """Add the pages and their static files to the app."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def safe_link(url: str | None) -> str | None:
    """An article's URL as a link only when it is http(s): never `javascript:` from a feed."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def parse_date(text: str | None) -> date | None:
    """A YYYY-MM-DD filter from a form; anything else is no filter."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


def by_day(hits: list[Any], day: Any, *, newest_first: bool = True) -> list[tuple[str, list[Any]]]:
    """Hits grouped under their day (an ISO string from `day(hit)`); undated ones last."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for h in hits:
        groups[day(h) or "undated"].append(h)
    undated = groups.pop("undated", None)
    ordered = sorted(groups.items(), reverse=newest_first)
    return [*ordered, ("undated", undated)] if undated else ordered


def published(h: QuoteHit | EventHit) -> str | None:
    return h.article.published.isoformat() if h.article.published else None


def event_day(h: EventHit) -> str | None:
    return (h.date or "").split("/")[0] or published(h)


@dataclass
class Articles:
    """Article lookups for one page: each article is read from the store at most once."""

    store: Store
    seen: dict[str, ExtractedArticle | None] = field(default_factory=dict)

    def get(self, article_id: str) -> ExtractedArticle | None:
        if article_id not in self.seen:
            self.seen[article_id] = self.store.article(article_id)
        return self.seen[article_id]


def sentence_of(articles: Articles, article_id: str, start: int) -> str | None:
    """The sentence holding a character offset: context for an event or a figure."""
    extracted = articles.get(article_id)
    if extracted is None:
        return None
    for s_start, s_end in extracted.sentences:
        if s_start <= start < s_end:
            return extracted.article.text[s_start:s_end].strip()
    return None


@router.get("/")
def home(request: Request, store: StoreDep) -> HTMLResponse:
    articles = [summary(a) for a in store.articles(limit=20)]
    return render(
        request,
        "index.html",
        counts=store.counts(),
        articles=articles,
        speakers=store.speakers(limit=12),
    )


@router.get("/articles/{article_id:path}")
def reader(
    request: Request,
    article_id: str,
    store: StoreDep,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> HTMLResponse:
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    extracted = confident(found, min_confidence)
    colours = speaker_colours(extracted.quotes)
    entities = sorted(extracted.entities, key=lambda e: (-len(e.mentions), e.name))
    return render(
        request,
        "article.html",
        article=extracted.article,
        link=safe_link(extracted.article.url),
        paragraphs=paragraphs(extracted),
        quotes=quote_cards(extracted),
        legend=[(name, colour) for name, colour in colours.items() if name is not None],
        entities=entities,
        figures=extracted.figures,
        events=extracted.events,
        min_confidence=min_confidence,
        hidden=len(found.quotes) - len(extracted.quotes),
    )


@router.get("/search")
def search(
    request: Request, store: StoreDep, q: Annotated[str | None, Query()] = None
) -> HTMLResponse:
    q = clean(q)
    quotes = quote_hits(store.cited_quotes(search=q, limit=100)) if q else []
    articles = [summary(a) for a in store.articles(search=q, limit=50)] if q else []
    speakers = (
        [(n, c) for n, c in store.speakers(limit=1000) if q.lower() in n.lower()] if q else []
    )
    return render(
        request, "search.html", q=q, quotes=quotes, articles=articles, speakers=speakers[:20]
    )


@router.get("/speakers")
def speakers(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "speakers.html", speakers=store.speakers(limit=200))


@router.get("/speakers/{name:path}")
def speaker(request: Request, name: str, store: StoreDep) -> HTMLResponse:
    profile = entity_profile(store, name)
    if profile is None:
        raise HTTPException(404, f"nobody called {name!r} in the database")
    outlets = Counter(h.article.outlet or "unknown" for h in profile.quotes)
    return render(
        request,
        "speaker.html",
        profile=profile,
        days=by_day(profile.quotes, published),
        outlets=outlets.most_common(),
        events=by_day(profile.events, event_day),
    )


@router.get("/events")
def events(
    request: Request,
    store: StoreDep,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002  (PLOVER's word)
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    filters = {"actor": clean(actor), "type": clean(type), "place": clean(place)}
    dates = {"since": parse_date(since), "until": parse_date(until)}
    hits = event_hits(store.cited_events(**filters, **dates, limit=EVENTS_SHOWN))  # type: ignore[arg-type]
    articles = Articles(store)
    context = {(h.article_id, h.id): sentence_of(articles, h.article_id, h.start) for h in hits}
    types = store.event_types()
    return render(
        request,
        "events.html",
        days=by_day(hits, event_day),
        context=context,
        filters=filters,
        since=since or "",
        until=until or "",
        types=types,
        total=len(hits),
        limit=EVENTS_SHOWN,
    )


@router.get("/graph")
def graph(request: Request, store: StoreDep, actor: str | None = None) -> HTMLResponse:
    network = meeting_graph(store, actor=clean(actor))
    strongest = sorted(network.edges, key=lambda e: -e.events)[:15]
    return render(request, "graph.html", network=network, strongest=strongest, actor=actor or "")


@router.get("/figures")
def figures(request: Request, store: StoreDep) -> HTMLResponse:
    groups = contested_groups(store)
    articles = Articles(store)
    context = {
        (f.article_id, f.id): sentence_of(articles, f.article_id, f.start)
        for g in groups
        for f in g.figures
    }
    return render(request, "figures.html", groups=groups, context=context)


@router.get("/sources")
def sources(request: Request, store: StoreDep) -> HTMLResponse:
    """The feeds and sites `newsgraph watch` follows, with what each gave and what it refused."""
    found = store.sources()
    problems = {s.url: store.source_problems(s.url) for s in found}
    return render(request, "sources.html", sources=found, problems=problems)


def article_label(byline: BylineOut) -> str:
    return byline.title or byline.id


env.globals["article_label"] = article_label
