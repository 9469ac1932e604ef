"""Build the sample corpus in examples/ from the shared Wikinews sample and the reference article.

    python tools/make_examples.py [--samples ../shared/samples/wikinews_en.jsonl]
        [--reference ../shared/fixtures/medialine_blinken.txt] [--out examples]

Picks 20 Wikinews articles with quotations, spread over 2019-2020, and writes each of them in every
format newsgraph reads: JSONL, HTML pages with site boilerplate, an RSS feed and a WARC.gz of the
pages; plus the reference article as plain text and LICENSE.md with the attribution of each.
The output is deterministic: running it again changes nothing.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import re
import shutil
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType

ROOT = Path(__file__).resolve().parent.parent
QUOTATION = re.compile(r"[\"“][^\"”]{10,}[\"”]")
COUNT = 20
MAX_CHARS = 3500  # keeps examples/ small (< 1 MB in all)
SECTIONS = ("Politics", "Crime and law", "Disasters", "Economy", "Science", "Sports")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - Wikinews, the free news source</title>
<meta name="description" content="{description}">
<meta name="author" content="Wikinews contributors">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Wikinews">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}T12:00:00Z">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="https://en.wikinews.org/wiki/Main_Page">Wikinews</a>
  <nav class="main-nav"><ul>
    {nav}
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search Wikinews"></form>
</header>
<main>
<article class="story">
  <h1>{title}</h1>
  {paragraphs}
</article>
<aside class="related">
  <h2>Related news</h2>
  <ul>
    {related}
  </ul>
</aside>
<section class="comments" id="comments">
  <h2>Comments</h2>
  <div class="comment"><p class="comment-author">Reader123</p>
  <p>Thanks for the report, keep it up! Where can I read more about this?</p></div>
</section>
</main>
<footer class="site-footer">
  <p>All text is available under the Creative Commons Attribution 2.5 licence.</p>
  <ul><li><a href="/wiki/Privacy">Privacy policy</a></li><li><a href="/wiki/About">About
  Wikinews</a></li><li><a href="/wiki/Disclaimer">Disclaimers</a></li></ul>
</footer>
</body>
</html>
"""


def pick(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """20 articles with two or more quotations and at most MAX_CHARS, spread over the sample."""
    quoted = [
        row
        for row in rows
        if len(QUOTATION.findall(row["text"])) >= 2 and len(row["text"]) <= MAX_CHARS
    ]
    step = max(1, len(quoted) // COUNT)
    return quoted[::step][:COUNT]


def slug(row: dict[str, str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", row["title"].lower()).strip("-")[:60]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def page(row: dict[str, str], others: list[dict[str, str]]) -> str:
    """A realistic news page: navigation, the <article>, related links, comments, footer."""
    first = paragraphs(row["text"])[0]
    return PAGE.format(
        title=escape(row["title"]),
        description=escape(first.split(". ")[0]),
        url=escape(row["url"]),
        published=row["published"],
        nav="\n    ".join(
            f'<li><a href="/wiki/{s.replace(" ", "_")}">{escape(s)}</a></li>' for s in SECTIONS
        ),
        paragraphs="\n  ".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs(row["text"])),
        related="\n    ".join(
            f'<li><a href="{escape(o["url"])}">{escape(o["title"])}</a></li>' for o in others
        ),
    )


def rss(rows: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed with the full text of each article in content:encoded."""
    items = []
    for row in rows:
        published = datetime.fromisoformat(row["published"]).replace(hour=12, tzinfo=UTC)
        body = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs(row["text"]))
        items.append(
            f"""  <item>
    <title>{escape(row["title"])}</title>
    <link>{escape(row["url"])}</link>
    <guid isPermaLink="true">{escape(row["url"])}</guid>
    <pubDate>{email.utils.format_datetime(published)}</pubDate>
    <dc:creator>Wikinews contributors</dc:creator>
    <description>{escape(paragraphs(row["text"])[0])}</description>
    <content:encoded><![CDATA[{body}]]></content:encoded>
  </item>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Wikinews</title>
  <link>https://en.wikinews.org/wiki/Main_Page</link>
  <description>Sample of English Wikinews articles (CC BY 2.5)</description>
  <language>en</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def warc_record(kind: WarcRecordType, uri: str | None, when: str, block: bytes) -> WarcRecord:
    record = WarcRecord()
    urn = hashlib.sha1(f"{kind}{uri}{when}".encode()).hexdigest()
    record.init_headers(kind, record_urn=f"uuid:{urn[:8]}-{urn[8:12]}-{urn[12:16]}".encode())
    record.headers["WARC-Date"] = when
    if uri:
        record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = (
        "application/http; msgtype=response"
        if kind == WarcRecordType.response
        else "application/warc-fields"
    )
    record.set_bytes_content(block)
    return record


def write_warc(path: Path, pages: list[tuple[dict[str, str], str]]) -> None:
    """A WARC.gz as CC-News has it: a warcinfo record, then one gzip member per response."""
    with path.open("wb") as out:
        gzip = GzipWriter(out)
        records = [
            warc_record(
                WarcRecordType.warcinfo,
                None,
                "2021-03-01T00:00:00Z",
                b"software: newsgraph tools/make_examples.py\r\nformat: WARC File Format 1.1\r\n",
            )
        ]
        for row, html in pages:
            body = html.encode("utf-8")
            http = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            when = f"{row['published']}T12:00:00Z"
            records.append(warc_record(WarcRecordType.response, row["url"], when, http))
        for record in records:
            record.write(gzip, checksum_data=True)
            gzip.finish()  # one gzip member per record, so readers can seek to any record
        gzip.close()


def licence(rows: list[dict[str, str]], reference: str) -> str:
    lines = "\n".join(f"- {row['title']}: {row['attribution']}" for row in rows)
    return f"""# Licence of the sample corpus

`medialine_blinken.txt` is the reference article of newsgraph's tests ({reference}), as scraped.

Everything else here contains {len(rows)} articles from English Wikinews (https://en.wikinews.org),
by Wikinews contributors, licensed under the Creative Commons Attribution 2.5 Generic licence
(CC BY 2.5, https://creativecommons.org/licenses/by/2.5/). Changes were made: the text was
extracted from the article pages; image and gallery captions, datelines, pull-quote attributions
and list lead-ins were removed (see the upstream notes in the newsgraph repository's shared
samples). The HTML pages, the RSS feed and the WARC file wrap the same text in generated page
markup (navigation, related links, a sample comment, footer) that is not from Wikinews.

The same {len(rows)} articles appear in every format (`wikinews.jsonl`, `html/`, `feed.xml`,
`pages.warc.gz`): reading the whole folder reports the repeats as `duplicate`.

Articles (title: attribution):

{lines}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--samples", type=Path, default=ROOT.parent / "shared/samples/wikinews_en.jsonl"
    )
    parser.add_argument(
        "--reference", type=Path, default=ROOT.parent / "shared/fixtures/medialine_blinken.txt"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "examples")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.samples.read_text(encoding="utf-8").splitlines()]
    chosen = pick(rows)
    out: Path = args.out
    if (out / "html").exists():
        shutil.rmtree(out / "html")
    (out / "html").mkdir(parents=True)
    shutil.copyfile(args.reference, out / args.reference.name)
    keys = ("id", "title", "url", "published", "outlet", "text")
    with (out / "wikinews.jsonl").open("w", encoding="utf-8") as jsonl:
        for row in chosen:
            jsonl.write(json.dumps({k: row[k] for k in keys}, ensure_ascii=False) + "\n")
    pages = []
    for i, row in enumerate(chosen):
        others = [chosen[(i + k) % len(chosen)] for k in (1, 2, 3)]
        html = page(row, others)
        (out / "html" / f"{slug(row)}.html").write_text(html, encoding="utf-8")
        pages.append((row, html))
    (out / "feed.xml").write_text(rss(chosen), encoding="utf-8")
    write_warc(out / "pages.warc.gz", pages)
    (out / "LICENSE.md").write_text(licence(chosen, args.reference.name), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {len(chosen)} articles in every format to {out} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
