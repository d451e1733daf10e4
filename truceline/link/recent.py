"""The latest mentions of the canonical events a linking run touches, kept in memory as they are written.

A canonical event is recomputed (canonical.Merger.refresh) from its latest ``limit`` mentions every time a report
adds one, and reading them back from the store (a query and a dict per mention) was a quarter of that. Every write to
the mentions goes through the Merger, which tells this cache: a saved mention is appended to its event's window (as
the store would give it back: JSON-decoded, after ``event_id``, ``article_id`` and ``score``), the events of a
forgotten report are read again. What it serves is what `LinkTables.canonical_mentions(id, limit)` returns, in the
same order; at most ``EVENTS`` events are held (the least recently used are dropped).
"""

from __future__ import annotations

import json
from typing import Any

from truceline.store.link import LinkTables

EVENTS = 64  # canonical events whose windows are held: at most 64 x 60 mentions of about 4 kB, 16 MB


class RecentMentions:
    def __init__(self, tables: LinkTables, limit: int, events: int | None = None) -> None:
        self.tables = tables
        self.limit = limit
        self.events = EVENTS if events is None else events
        self._windows: dict[str, list[dict[str, Any]]] = {}
        self._held: dict[str, str] = {}  # event id -> the canonical event whose held window has it

    def latest(self, canonical_id: str) -> list[dict[str, Any]]:
        """The canonical event's latest mentions, oldest first (callers must not change them)."""
        window = self._windows.pop(canonical_id, None)
        if window is None:
            window = self.tables.canonical_mentions(canonical_id, self.limit)
            while len(self._windows) >= self.events:
                self._drop(next(iter(self._windows)))
            for m in window:
                self._held[str(m["event_id"])] = canonical_id
        self._windows[canonical_id] = window  # the most recently used last
        return window

    def save(self, event_id: str, canonical_id: str, article_id: str, score: float, data: dict[str, Any]) -> None:
        """Store a mention (LinkTables.save_mention) and append it to its event's window when held."""
        previous = self._held.get(event_id)
        if previous is not None:  # the mention moves (the store deletes its old row): read that window again
            self._drop(previous)
        self.tables.save_mention(event_id, canonical_id, article_id, score, data)
        window = self._windows.get(canonical_id)
        if window is None:
            return
        window.append({"event_id": event_id, "article_id": article_id, "score": score, **json.loads(json.dumps(data))})
        self._held[event_id] = canonical_id
        if len(window) > self.limit:
            self._held.pop(str(window.pop(0)["event_id"]), None)

    def forget(self, canonical_ids: list[str]) -> None:
        """These events lost mentions: their windows are read again when next asked for."""
        for canonical_id in canonical_ids:
            self._drop(canonical_id)

    def _drop(self, canonical_id: str) -> None:
        for m in self._windows.pop(canonical_id, []):
            if self._held.get(str(m["event_id"])) == canonical_id:
                del self._held[str(m["event_id"])]
