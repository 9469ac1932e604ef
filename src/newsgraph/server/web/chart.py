"""A line chart drawn on the server as SVG coordinates (no script, no CDN, no dependency):
counts per bucket for one or more series on shared axes. The template only draws the shapes."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.store.base import Bucket

COLOURS = ("#1f6feb", "#d1242f", "#1a7f37", "#8250df")
WIDTH, HEIGHT, PAD = 640, 180, 28


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    start: str
    count: int


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    points: tuple[Point, ...]

    @property
    def line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    top: int  # the count at the top of the y axis
    series: tuple[Series, ...]
    labels: tuple[tuple[float, str], ...]  # x and text of a few bucket starts


def line_chart(counted: dict[str, list[Bucket]]) -> Chart | None:
    """One series per name, on the union of their buckets (a bucket one lacks counts 0)."""
    starts = sorted({b.start for buckets in counted.values() for b in buckets})
    if not starts:
        return None
    top = max(b.count for buckets in counted.values() for b in buckets) or 1
    step = (WIDTH - 2 * PAD) / max(1, len(starts) - 1)

    def x(i: int) -> float:
        return PAD + i * step if len(starts) > 1 else WIDTH / 2

    def y(n: int) -> float:
        return HEIGHT - PAD - n / top * (HEIGHT - 2 * PAD)

    series = []
    for (name, buckets), colour in zip(counted.items(), COLOURS, strict=False):
        by_start = {b.start: b.count for b in buckets}
        points = tuple(
            Point(x=x(i), y=y(by_start.get(s, 0)), start=s, count=by_start.get(s, 0))
            for i, s in enumerate(starts)
        )
        series.append(Series(name=name, colour=colour, points=points))
    every = max(1, len(starts) // 6)
    labels = tuple((x(i), s) for i, s in enumerate(starts) if i % every == 0)
    return Chart(width=WIDTH, height=HEIGHT, top=top, series=tuple(series), labels=labels)
