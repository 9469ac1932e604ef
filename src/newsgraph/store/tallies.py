"""Whole-database answers (totals, speaker tallies, timelines, the meeting graph) counted once per
data version and kept in the process, so a busy server does not count them once per request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from newsgraph.store.schema import aliases, articles, entities, merges

V = TypeVar("V")

# Whole-database answers kept per data version: at most this many.
TALLIES_KEPT = 512
# what a data version counts (`Tallies.version`)
VERSIONED = (articles, merges, entities, aliases)


class Tallies:
    """Answers kept under a key until the data version changes; thread-safe."""

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[Any, ...], tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._counting: dict[tuple[Any, ...], threading.Lock] = {}

    @staticmethod
    def version(conn: Connection) -> tuple[int, ...]:
        """What changes whenever the data a tally reads changes, in any process: the articles
        stored (articles are only ever added), the merged entities, their names and the manual
        merges and splits. (A write through the store also forgets every tally at once.)"""
        counted = [select(func.count()).select_from(t).scalar_subquery() for t in VERSIONED]
        return tuple(int(n) for n in conn.execute(select(*counted)).one())  # one round trip

    def forget(self) -> None:
        """Drop every kept tally: the data changed."""
        with self._lock:
            self._kept.clear()

    def get(self, conn: Connection, key: tuple[Any, ...], compute: Callable[[], V]) -> V:
        """`compute()`, remembered under `key` until the data version changes: a total or a
        tally over the whole database is counted once, not once per request (and requests
        asking for the same one at the same time wait for the first to count it)."""
        version = self.version(conn)
        with self._lock:
            counting = self._counting.setdefault(key, threading.Lock())
        with counting:
            with self._lock:
                kept = self._kept.get(key)
                if kept is not None and kept[0] == version:
                    self._kept.move_to_end(key)
                    return kept[1]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                self._kept[key] = (version, value)
                self._kept.move_to_end(key)
                while len(self._kept) > TALLIES_KEPT:
                    dropped, _ = self._kept.popitem(last=False)
                    self._counting.pop(dropped, None)
        return value
