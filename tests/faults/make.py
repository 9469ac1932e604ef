"""The reliability probe's hostile inputs (../shared/reviews/reliability-2026-12.md, part 1), made
on demand: each case writes one bad input into a folder beside two good articles.

`python tests/faults/make.py OUT` writes every case to OUT/<case>/ to try by hand. Each Case says
what a run over its folder must report: the reasons (any one of them), and how many articles it
keeps besides the two good ones. The quadratic-quote inputs (defect 2) are not here: their fix
and benchmark belong to the quote component.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WIKINEWS = [json.loads(line) for line in (EXAMPLES / "wikinews.jsonl").read_text().splitlines()]
SENTENCE = "The minister said the talks would continue. "


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], None]
    reasons: tuple[str, ...]  # what the bad input is reported as (one of them); () for nothing
    extra: int = 0  # articles kept besides the two good ones
    slow: bool = False  # takes seconds to write or read
    needs_user: bool = False  # chmod 000 only holds without root's CAP_DAC_OVERRIDE
    absent: str | None = None  # text that must appear nowhere in the output (a leaked file)


def good(folder: Path) -> None:
    """The two good articles every case sits between."""
    (folder / "a_good.txt").write_text(WIKINEWS[-1]["text"], encoding="utf-8")
    (folder / "z_good.txt").write_text(WIKINEWS[-2]["text"], encoding="utf-8")


def line(n: int, **extra: object) -> bytes:
    row = {"id": WIKINEWS[n]["id"], "text": WIKINEWS[n]["text"], **extra}
    return json.dumps(row).encode() + b"\n"


@functools.cache
def gzip_of(chunk: bytes, times: int) -> bytes:
    """gzip of `chunk` repeated `times` times, compressed as it goes (never whole in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(chunk) for _ in range(times)]
    return b"".join(parts) + packer.flush()


def warc() -> bytes:
    return gzip.decompress((EXAMPLES / "pages.warc.gz").read_bytes())


def record_starts(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]


def first_records(n: int) -> bytes:
    """The first n records (warcinfo, then responses) of the example WARC."""
    data = warc()
    return data[: record_starts(data)[n]]


def with_length(value: bytes) -> Callable[[Path], None]:
    """A WARC whose second response has a wrong Content-Length, with intact records after it."""

    def write(folder: Path) -> None:
        data = first_records(5)
        start = record_starts(data)[2]
        head = re.compile(rb"Content-Length: \d+", re.IGNORECASE)
        (folder / "bad.warc").write_bytes(
            data[:start] + head.sub(b"Content-Length: " + value, data[start:], count=1)
        )

    return write


def garbage_warc(folder: Path) -> None:
    data = first_records(5)
    start = record_starts(data)[2]
    (folder / "bad.warc").write_bytes(data[:start] + b"GARBAGE\r\n" + data[start:])


def cut_warc_gz(folder: Path) -> None:
    packed = gzip.compress(first_records(5))
    (folder / "cut.warc.gz").write_bytes(packed[: len(packed) * 2 // 3])


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def unreadable(folder: Path) -> None:
    path = folder / "locked.txt"
    path.write_text(WIKINEWS[-5]["text"])
    path.chmod(0)


def loops(folder: Path) -> None:
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "one.txt").symlink_to("two.txt")
    (folder / "two.txt").symlink_to("one.txt")


def feed(body: str, doctype: str = "") -> bytes:
    item = f"<item><title>Talks</title><description>{body}</description></item>"
    return (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel>{item}</channel></rss>'.encode()
    )


LAUGHS = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
ARTICLE = WIKINEWS[-6]["text"].replace("&", "and").replace("<", " ")


def put(name: str, content: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_bytes(content() if callable(content) else content)

    return write


def sparse(name: str, size: int) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        with (folder / name).open("wb") as out:
            out.truncate(size)

    return write


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

CASES = [
    Case("empty", put("empty.txt", b""), ("empty",)),
    Case("whitespace", put("blank.txt", b" \n\t\n"), ("empty",)),
    Case("png", put("image.png", PNG), ("binary",)),
    Case("png-named-txt", put("image.txt", PNG), ("binary",)),
    Case("pdf", put("doc.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4), ("binary",)),
    Case("elf", put("program", b"\x7fELF\x02\x01\x01" + bytes(1000)), ("binary",)),
    Case("zip", put("archive.zip", b"PK\x03\x04" + bytes(range(256)) * 4), ("binary",)),
    Case("nul-bytes", put("nul.txt", b"The minister\x00 said\x00" * 20), ("binary",)),
    Case(
        "nul-past-the-head", put("late.txt", (SENTENCE * 400).encode() + b"\x00 end"), ("binary",)
    ),
    Case(
        "invalid-utf8",
        put("bad.txt", SENTENCE.encode() + b"\xff\xfe\xfa" + b" more"),
        ("encoding",),
    ),
    Case("utf16-bom", put("wide.txt", ARTICLE.encode("utf-16")), (), extra=1),
    Case("utf16-no-bom", put("wide.txt", ARTICLE.encode("utf-16-le")), ("binary", "encoding")),
    Case(
        "cp1252", put("smart.txt", "He said \u201cyes\u201d today.".encode("cp1252")), ("encoding",)
    ),
    Case("crlf", put("crlf.txt", ARTICLE.replace(". ", ".\r\n").encode()), (), extra=1),
    Case("over-max-mb", sparse("huge.txt", 21 * 1024 * 1024), ("too-large",)),
    Case(
        "jsonl-line-over-max-mb",
        put(
            "dump.jsonl",
            lambda: line(-3) + b'{"id":"big","text":"' + b"a " * (11 << 20) + b'"}\n' + line(-4),
        ),
        ("too-large",),
        extra=2,
        slow=True,
    ),
    Case(
        "html-deep",
        put("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"</body></html>"),
        ("no-text", "too-complex"),
    ),
    Case(
        "html-million-elements",
        put(
            "big.html",
            lambda: (
                b"<html><body><article><p>"
                + (SENTENCE * 50).encode()
                + b"</p>"
                + b"<i>x</i>" * 1_000_000
                + b"</article></body></html>"
            ),
        ),
        ("too-complex",),
        slow=True,
    ),
    Case(
        "billion-laughs",
        put("laughs.rss", feed(ARTICLE + " &lol9;", f"<!DOCTYPE rss [{LAUGHS}]>")),
        (),
        extra=1,
        absent="root:x:0:0",
    ),
    Case(
        "xxe",
        put(
            "xxe.rss",
            feed(ARTICLE + " &x;", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        ),
        (),
        extra=1,
        absent="root:x:0:0",
    ),
    Case(
        "gzip-one-huge-line",
        put("one.jsonl.gz", lambda: gzip_of(b"a" * (1 << 20), 256)),
        ("too-large",),
        slow=True,
    ),
    Case(
        "gzip-bomb-of-newlines",
        put("bomb.jsonl.gz", lambda: gzip_of(b"\n" * (1 << 20), 1024)),
        ("too-large",),
        slow=True,
    ),
    Case(
        "html-gz-bomb",
        put("page.html.gz", lambda: gzip_of(b" " * (1 << 20), 256)),
        ("too-large",),
        slow=True,
    ),
    Case("warc-gz-cut", cut_warc_gz, ("truncated",), extra=2),
    Case("warc-length-too-big", with_length(b"5000000"), ("truncated", "malformed"), extra=1),
    Case("warc-length-too-small", with_length(b"300"), ("malformed", "no-text"), extra=3),
    Case("warc-length-negative", with_length(b"-5"), ("malformed",), extra=3),
    Case("warc-length-not-a-number", with_length(b"x9z"), ("malformed",), extra=3),
    Case("warc-garbage-between-records", garbage_warc, ("malformed",), extra=4),
    Case(
        "jsonl-bad-lines",
        put(
            "rows.jsonl",
            b'{"id": 1}\n[1, 2]\nnull\n"text"\n{"id": "x", "text": 5}\n{"id": "t", "tex\n'
            + line(-3),
        ),
        ("malformed",),
        extra=1,
    ),
    Case(
        "jsonl-deep",
        put(
            "deep.jsonl",
            line(-3)
            + b'{"id":"x","text":"t","x":'
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}\n"
            + line(-4),
        ),
        ("too-complex",),
        extra=2,
    ),
    Case(
        "jsonl-surrogate",
        put(
            "sur.jsonl",
            line(-3)
            + b'{"id":"s","text":"'
            + (SENTENCE * 3).encode()
            + b'\\ud800 on Monday."}\n'
            + line(-4),
        ),
        ("encoding",),
        extra=2,
    ),
    Case(
        "jsonl-nul-escape",
        put(
            "nul.jsonl",
            line(-3)
            + b'{"id":"n","text":"'
            + (SENTENCE * 3).encode()
            + b'\\u0000 on Monday."}\n'
            + line(-4),
        ),
        ("binary",),
        extra=2,
    ),
    Case(
        "jsonl-raw-nul",
        put("raw.jsonl", line(-3) + b'{"id":"n","text":"a\x00b"}\n'),
        ("malformed",),
        extra=1,
    ),
    Case(
        "jsonl-invalid-utf8",
        put("bad.jsonl", line(-3) + b'{"id":"e","text":"\xff\xfe"}\n'),
        ("encoding",),
        extra=1,
    ),
    Case("symlink-loops", loops, ()),
    Case("unreadable", unreadable, ("unreadable",), needs_user=True),
    Case("fifo-in-a-walk", fifo, ()),
    Case("long-line-no-spaces", put("line.txt", b"x" * (10 << 20)), ("too-large",), slow=True),
    Case("over-spacy-max-length", put("long.txt", (SENTENCE * 25_000).encode()), ("too-large",)),
    Case(
        "emoji",
        put(
            "emoji.txt",
            (ARTICLE + " \U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f1eb\U0001f1f7").encode(),
        ),
        (),
        extra=1,
    ),
    Case(
        "not-english",
        put(
            "fr.txt",
            ("Le ministre a déclaré que les négociations continueraient demain. " * 20).encode(),
        ),
        ("not-english",),
    ),
]
BY_NAME = {case.name: case for case in CASES}


def make(case: Case, folder: Path) -> Path:
    """The case's folder: its bad input between the two good articles."""
    folder.mkdir(parents=True, exist_ok=True)
    good(folder)
    case.write(folder)
    return folder


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for case in CASES:
        make(case, out / case.name)
        print(out / case.name)
