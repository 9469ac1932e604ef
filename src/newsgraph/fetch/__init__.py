"""Live news: the polite fetcher behind `newsgraph watch` and `newsgraph ingest URL...`.

`address` decides which URLs may be requested, `robots` reads robots.txt, `client` is the HTTP
client (politeness, retries, limits), `warc` archives every response, `discover` finds article
URLs in feeds, pages and sitemaps, `pages` turns responses into Articles through the HTML reader,
`sources` reads the SOURCES file and `watch` runs the rounds.
"""
