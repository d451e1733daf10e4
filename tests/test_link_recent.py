"""The latest mentions a canonical event is recomputed from are kept in memory as linking writes them
(truceline/link/recent.py): what the cache serves is, at every refresh, what the store gives back, and a corpus
linked, partly linked again (its reports' mentions forgotten and written anew) with a cache of one event ends with
the rows it ends with under the default cache.

The corpus is test_link_bounded's: reports written from templates of our own, a fifth of them wire copies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_link_bounded import _reports, _store

from truceline.link import link
from truceline.link.recent import RecentMentions


def _relink_a_third(store: Any) -> None:
    for aid in [f"r{i:05d}" for i in range(0, 96, 3)]:  # processed again: unlinked and linked again
        store.conn.execute("UPDATE articles SET processed_at = 'again' WHERE id = ?", (aid,))


def test_the_mentions_served_are_those_stored_at_every_refresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served = {"calls": 0, "held": 0}
    latest = RecentMentions.latest

    def checked(self: RecentMentions, canonical_id: str) -> list[dict[str, Any]]:
        held = canonical_id in self._windows
        out = latest(self, canonical_id)
        assert out == self.tables.canonical_mentions(canonical_id, self.limit)
        assert len(self._held) == sum(len(w) for w in self._windows.values()) and len(self._windows) <= self.events
        served["calls"] += 1
        served["held"] += held
        return out

    monkeypatch.setattr(RecentMentions, "latest", checked)
    monkeypatch.setattr("truceline.link.canonical.AGGREGATE_MENTIONS", 4)  # windows fill and slide
    with _store(tmp_path / "r.db", _reports(96)) as store:
        assert link(store).linked == 96
        _relink_a_third(store)
        assert link(store).linked == 32
    # most refreshes were served from memory (the check above held for each of them)
    assert served["calls"] > 96 and served["held"] > served["calls"] / 2


def test_a_cache_of_one_event_links_as_the_default_cache_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    contents = []
    for events in (None, 1):
        if events is not None:
            monkeypatch.setattr("truceline.link.recent.EVENTS", events)
        with _store(tmp_path / f"e{events}.db", _reports(96)) as store:
            link(store, until="2022-05-06")
            assert link(store).linked > 40
            _relink_a_third(store)
            assert link(store).linked == 32
            contents.append(store.content())
    assert contents[0] == contents[1]
