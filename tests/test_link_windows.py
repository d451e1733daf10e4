"""`process` links a run window by window; the stretch after its last full window is linked in windows that shrink
toward the store's end (a quarter of what is left, at most a quarter window, down to a floor), so little linking is
left once the per-report stages end (truceline.api._Windows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline import api
from truceline.link import LinkReport
from truceline.model import RawDocument
from truceline.store import Store


@pytest.mark.parametrize(("size", "last"), [(512, 2000), (20, 50), (48, 100), (20, 20), (7, 3), (1, 5)])
def test_window_ends_are_whole_windows_then_shrinking_ones(size: int, last: int) -> None:
    ends = api._window_ends(size, last)
    assert ends == sorted(set(ends)) and all(0 < e <= last for e in ends)
    full = [e for e in ends if e % size == 0 and e <= last // size * size]
    assert full == list(range(size, last // size * size + 1, size))
    tail = ends[len(full) :]
    part = max(1, size // api.TAIL_PARTS)
    floor = max(1, size // api.TAIL_FLOOR)
    steps = [b - a for a, b in zip([*full[-1:], *tail], tail, strict=False)]
    assert all(floor <= s <= part for s in steps) and steps == sorted(steps, reverse=True)
    for a, s in zip([*full[-1:], *tail], steps, strict=False):  # each a quarter of what is left, or the floor
        assert s == max(floor, -(-(last + 1 - a) // api.TAIL_PARTS))
    if full:  # what is left past the last end (linked once the run is stored) is at most the floor
        assert last + 1 - ends[-1] <= floor


def test_the_tail_of_a_run_is_linked_in_shrinking_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int | None] = []

    def fake_link(store: Any, *, agreements: Any = (), before: int | None = None) -> LinkReport:
        calls.append(before)
        return LinkReport()

    monkeypatch.setattr(api, "link", fake_link)
    ids = [f"d{i:03d}" for i in range(1, 51)]
    with Store.open(tmp_path / "w.db") as store:
        store.add_documents([RawDocument(i, "text", f"Report {i} of the test run.", f"{i}.txt") for i in ids])
        windows = api._Windows(store, 20, ())
        windows.start(1)
        for k in range(0, 50, 5):  # batches of five stored in position order
            windows.stored(ids[k : k + 5])
        windows.finish()
    # whole windows of 20 (positions below 20, below 40), then shrinking ones as each is stored, then the rest
    assert calls == [20, 40, 43, 45, 47, 48, 49, 50, None]
