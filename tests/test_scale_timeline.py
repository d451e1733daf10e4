"""The optional timeline of a run (truceline.scale.timeline): off by default, and when a file is named, one span per
worker load, batch, wait, store and linked window, from every process of the run, that add up to what ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline import api
from truceline.sample import REPORTS_DIR
from truceline.scale import timeline
from truceline.store import Store


def test_off_unless_a_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(timeline.ENV, raising=False)
    with timeline.span("writer", "store", "x"):
        pass
    timeline.since("writer", "setup", 0.0, 0.0)
    assert not timeline.enabled() and list(tmp_path.iterdir()) == []
    log = tmp_path / "t.tsv"
    monkeypatch.setenv(timeline.ENV, str(log))
    with timeline.span("writer", "link", "512"):
        sum(range(10_000))
    log.write_text(log.read_text() + "writer\t1\tcut sh", encoding="utf-8")  # a line a kill cut short
    (only,) = timeline.read(log)
    assert (only.role, only.phase, only.detail) == ("writer", "link", "512")
    assert only.end >= only.start and only.cpu >= 0


@pytest.mark.slow
def test_a_pool_run_logs_every_process_and_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "run.tsv"
    monkeypatch.setenv(timeline.ENV, str(log))
    with Store.open(tmp_path / "t.db") as store:
        api.ingest(store, [str(REPORTS_DIR)])
        pending = store.count_pending()
        report = api.process(store, workers=2, batch_size=8, link_window=16)
        assert report.workers == 2 and report.processed + len(report.skipped) + len(report.failed) == pending
    spans = timeline.read(log)
    writer = {s.pid for s in spans if s.role == "writer"}
    workers = {s.pid for s in spans if s.role == "worker"}
    assert len(writer) == 1 and len(workers) == 2 and not writer & workers
    # one worker loads the pipeline itself while the writer loads and warms it up; the other is forked from it ready
    (load,) = [s for s in spans if s.phase == "load"]
    (warm,) = [s for s in spans if s.phase == "warm"]
    assert load.pid in workers and warm.pid in writer
    batches = [s for s in spans if s.phase == "batch"]
    assert {s.pid for s in batches} == workers, "a worker got no batch"
    forked = min(s.start for s in batches if s.pid != load.pid)
    assert forked >= warm.end, "the second worker started before the writer's pipeline was ready"
    stores = [s for s in spans if s.phase == "store"]
    assert sum(int(s.detail) for s in batches) == pending, "every report in one logged batch"
    assert len(stores) == len(batches) == len([s for s in spans if s.phase == "wait"])
    assert sum(int(s.detail) for s in stores) == pending
    # a batch is stored after a worker finished it; windows are linked as the run goes, then the rest at the end
    assert max(s.end for s in batches) <= max(s.end for s in stores)
    links = [s for s in spans if s.phase == "link"]
    (final,) = [s for s in spans if s.phase == "final"]
    assert links and all(s.end <= final.start for s in links)
    assert [int(s.detail) for s in links] == sorted(int(s.detail) for s in links)
    assert all(s.cpu >= 0 and s.end >= s.start for s in spans)
