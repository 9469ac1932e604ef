"""Web pages: reader, search, speakers, events timeline, meeting graph, contested figures.

Handlers gather records through the Store and `server.views`; templates only loop and branch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from newsgraph.extract import confident
from newsgraph.server.deps import StoreDep
from newsgraph.server.filters import given
from newsgraph.server.paging import MAX_OFFSET
from newsgraph.server.schemas import BylineOut, EventHit, QuoteHit, brief_summary
from newsgraph.server.views import (
    contested_page,
    entity_profile,
    event_hits,
    meeting_graph,
    quote_hits,
)
from newsgraph.server.web.chart import line_chart
from newsgraph.server.web.highlight import highlight
from newsgraph.server.web.lists import MONTH, facet_links, pager
from newsgraph.server.web.segments import (
    LOW_CONFIDENCE,
    paragraphs,
    quote_cards,
    speaker_colours,
)
from newsgraph.store.base import Page

HERE = Path(__file__).parent
# Article text is untrusted: autoescape everything, never `|safe` (see segments.py).
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
env.filters["path"] = lambda text: url_quote(str(text), safe="")
env.globals["low_confidence"] = LOW_CONFIDENCE
IRREGULAR = {"entity": "entities", "more report": "more reports", "person": "people"}


def plural(noun: str, n: int) -> str:
    """`noun` as written after the number `n`: "1 quote", "2 quotes", "1 entity", "0 entities"."""
    return noun if n == 1 else IRREGULAR.get(noun, noun + "s")


env.filters["plural"] = plural
env.filters["counted"] = lambda n, noun: f"{n} {plural(noun, n)}"
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
EVENTS_SHOWN = 50  # a page of the timeline; the pager reaches the rest
ARTICLES_SHOWN = 50
SPEAKERS_SHOWN = 200
QUOTES_SHOWN = 50  # on a speaker's page and in search results
FIGURES_SHOWN = 100  # contested figures, the latest

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


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """The icon, for clients that ask for it without reading the page's `<link rel="icon">`."""
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/")
def home(request: Request, store: StoreDep) -> HTMLResponse:
    latest = store.page("articles", limit=20)
    return render(
        request,
        "index.html",
        counts=store.counts(),
        articles=[brief_summary(b) for b in latest.items],
        total=latest.total,
        speakers=store.speakers(limit=12),
    )


@router.get("/articles")
def article_index(
    request: Request,
    store: StoreDep,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    has_quotes: str | None = None,
    search: str | None = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    """Every article, newest first, filtered by outlet, dates, language and quotes, paged."""
    quoted = {"yes": True, "no": False}.get(has_quotes or "")
    filters = {
        "outlet": clean(outlet),
        "since": parse_date(since),
        "until": parse_date(until),
        "language": clean(language),
        "has_quotes": quoted,
        "search": clean(search),
    }
    page = store.page("articles", offset=offset, limit=ARTICLES_SHOWN, **given(filters))
    links = MONTH | {"outlet": lambda v: {"outlet": v}, "language": lambda v: {"language": v}}
    return render(
        request,
        "articles.html",
        facets=facet_links(request, store.facets("articles", **given(filters)), links),
        chart=line_chart(
            {"articles": store.timeline(count="articles", interval="month", **given(filters))}
        ),
        articles=[brief_summary(b) for b in page.items],
        pager=pager(request, page, ARTICLES_SHOWN, "articles", filters),
        filters=filters,
        since=since or "",
        until=until or "",
        has_quotes=has_quotes or "",
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
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query()] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    q = clean(q)
    if not q:
        return render(request, "search.html", q=q)
    found = store.page("quotes", search=q, offset=offset, limit=QUOTES_SHOWN)
    articles = store.page("articles", search=q, limit=20)
    speakers = store.page("speakers", search=q, limit=20)
    hits = quote_hits(found.items)
    speaker_page = {"speaker": lambda v: f"/speakers/{url_quote(v, safe='')}"}
    facets = facet_links(request, store.facets("quotes", search=q), speaker_page)
    listed = [brief_summary(b) for b in articles.items]
    return render(
        request,
        "search.html",
        q=q,
        quotes=hits,
        quote_marks=[highlight(h.text, q) for h in hits],
        facets=facets,
        chart=line_chart(
            {
                "quotes": store.timeline(count="quotes", interval="month", search=q),
                "articles": store.timeline(count="articles", interval="month", search=q),
            }
        ),
        title_marks=[highlight(a.title or a.id, q) for a in listed],
        pager=pager(request, found, QUOTES_SHOWN, "quotes", {"search": q}),
        articles=listed,
        articles_total=articles.total,
        speakers=list(speakers.items),
        speakers_total=speakers.total,
    )


@router.get("/speakers")
def speakers(
    request: Request,
    store: StoreDep,
    search: str | None = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    filters = {"search": clean(search)}
    page = store.page("speakers", offset=offset, limit=SPEAKERS_SHOWN, **given(filters))
    return render(
        request,
        "speakers.html",
        speakers=list(page.items),
        pager=pager(request, page, SPEAKERS_SHOWN, "speakers", filters),
        search=search or "",
    )


INTERVALS = ("day", "week", "month")


@router.get("/speakers/{name:path}")
def speaker(
    request: Request,
    name: str,
    store: StoreDep,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    interval: str = "month",
    compare: str | None = None,
) -> HTMLResponse:
    """A person's quotes and events (a page of each), with their quotes over time; `compare`
    draws another speaker's on the same chart."""
    profile = entity_profile(store, name, limit=QUOTES_SHOWN, offset=offset)
    if profile is None:
        raise HTTPException(404, f"nobody called {name!r} in the database")
    interval = interval if interval in INTERVALS else "month"
    compare = clean(compare)
    names = [profile.name, *([compare] if compare else [])]
    quoted = Page(items=tuple(profile.quotes), total=profile.quotes_total, offset=offset)
    counted = {
        shown: store.timeline(count="quotes", interval=interval, speaker=asked)
        for shown, asked in zip(names, [name, *names[1:]], strict=True)
    }
    outlets = Counter(h.article.outlet or "unknown" for h in profile.quotes)
    return render(
        request,
        "speaker.html",
        profile=profile,
        days=by_day(profile.quotes, published),
        outlets=outlets.most_common(),
        events=by_day(profile.events, event_day),
        pager=pager(request, quoted, QUOTES_SHOWN, "quotes", {"speaker": name}),
        chart=line_chart(counted),
        interval=interval,
        compare=compare or "",
        timeline_csv=f"/api/timeline?{urlencode({'speaker': name, 'interval': interval})}"
        "&format=csv",
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
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    filters = {"actor": clean(actor), "type": clean(type), "place": clean(place)}
    dates = {"since": parse_date(since), "until": parse_date(until)}
    page = store.page("events", offset=offset, limit=EVENTS_SHOWN, **given(filters | dates))
    hits = event_hits(page.items)
    sentences = store.sentences_at([(h.article_id, h.start) for h in hits])
    context = {(h.article_id, h.id): sentences[(h.article_id, h.start)] for h in hits}
    types = store.event_types()
    counted = store.facets("events", **given(filters | dates))
    return render(
        request,
        "events.html",
        facets=facet_links(request, counted, MONTH | {"type": lambda v: {"type": v}}),
        chart=line_chart(
            {"events": store.timeline(count="events", interval="month", **given(filters | dates))}
        ),
        days=by_day(hits, event_day),
        context=context,
        filters=filters,
        since=since or "",
        until=until or "",
        types=types,
        pager=pager(request, page, EVENTS_SHOWN, "events", filters | dates),
    )


@router.get("/graph")
def graph(request: Request, store: StoreDep, actor: str | None = None) -> HTMLResponse:
    network = meeting_graph(store, actor=clean(actor))
    strongest = sorted(network.edges, key=lambda e: -e.events)[:15]
    return render(request, "graph.html", network=network, strongest=strongest, actor=actor or "")


@router.get("/figures")
def figures(
    request: Request,
    store: StoreDep,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    """Contested figures in their groups, a page of figures at a time, with their downloads."""
    groups, page = contested_page(store, limit=FIGURES_SHOWN, offset=offset)
    shown = [(f.article_id, f.start) for g in groups for f in g.figures]
    sentences = store.sentences_at(shown)
    context = {
        (f.article_id, f.id): sentences[(f.article_id, f.start)] for g in groups for f in g.figures
    }
    return render(
        request,
        "figures.html",
        groups=groups,
        context=context,
        pager=pager(request, page, FIGURES_SHOWN, "figures", {"contested": True}),
    )


@router.get("/sources")
def sources(request: Request, store: StoreDep) -> HTMLResponse:
    """The feeds and sites `newsgraph watch` follows, with what each gave and what it refused."""
    found = store.sources()
    problems = {s.url: store.source_problems(s.url) for s in found}
    return render(request, "sources.html", sources=found, problems=problems)


def article_label(byline: BylineOut) -> str:
    return byline.title or byline.id


env.globals["article_label"] = article_label
