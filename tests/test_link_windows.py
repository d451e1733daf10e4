"""`process` links a run window by window; the stretch after its last full window is linked in quarter windows, so
little linking is left once the per-report stages end (truceline.api._Windows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline import api
from truceline.link import LinkReport
from truceline.model import RawDocument
from truceline.store import Store


@pytest.mark.parametrize(("size", "last"), [(512, 2000), (20, 50), (48, 100), (20, 20), (7, 3), (1, 5)])
def test_window_ends_are_whole_windows_then_quarters(size: int, last: int) -> None:
    ends = api._window_ends(size, last)
    assert ends == sorted(set(ends)) and all(0 < e <= last for e in ends)
    full = [e for e in ends if e % size == 0 and e <= last // size * size]
    assert full == list(range(size, last // size * size + 1, size))
    tail = ends[len(full) :]
    part = max(1, size // api.TAIL_PARTS)
    assert all(b - a == part for a, b in zip([*full[-1:], *tail], tail, strict=False))
    if full:  # nothing past the last end is a quarter window or more
        assert last + 1 - ends[-1] <= part


def test_the_tail_of_a_run_is_linked_in_quarter_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    # whole windows of 20 (positions below 20, below 40), then windows of 5, then the rest at the end
    assert calls == [20, 40, 45, 50, None]
