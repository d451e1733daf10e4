"""`process --workers N`: the same rows, stories and canonical events as one process, written by one writer in
whole batches and linked by it once they are stored.

The bundled corpus goes through one process and through a pool of two, in batches of 8 so that the pool really
interleaves several batches, then both are linked: every table (the link stage's included) must be equal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

import truceline
from truceline import api
from truceline.cli import cli
from truceline.errors import ConfigError, StoreError
from truceline.model import RawDocument
from truceline.sample import REPORTS_DIR
from truceline.settings import Limits
from truceline.store import Store
from truceline.store.rows import DocResult

SMALL_BATCH = 8
Content = dict[str, list[tuple[object, ...]]]


def _processed(tmp_path: Path, name: str, **options: Any) -> tuple[api.ProcessReport, Content]:
    with Store.open(tmp_path / f"{name}.db") as store:
        api.ingest(store, [str(REPORTS_DIR)])
        report = api.process(store, batch_size=SMALL_BATCH, **options)
        assert store.integrity_check() == "ok"
        return report, store.content()


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.ProcessReport, Content]:
    return _processed(tmp_path_factory.mktemp("one"), "one", workers=1)


@pytest.mark.slow
def test_two_workers_store_and_link_exactly_what_one_process_does(
    tmp_path: Path, one_process: tuple[api.ProcessReport, Content]
) -> None:
    one_report, one = one_process
    two_report, two = _processed(tmp_path, "two", workers=2)
    assert one_report.workers == 1 and two_report.workers == 2
    assert (two_report.processed, two_report.events) == (one_report.processed, one_report.events)
    reports = len(one["documents"])
    assert one_report.processed == reports > 50 and one_report.events > 200
    assert one_report.link is not None and two_report.link is not None
    assert two_report.link.linked == one_report.link.linked == reports
    # linking found stories and canonical events, so comparing its tables compares something
    assert one_report.link.new_stories >= 2 and one["link_canonical"] and one["link_mentions"]
    assert set(two) == set(one)
    for table in one:
        assert two[table] == one[table], f"{table} differ between --workers 1 and --workers 2"


WINDOW = 20  # reports per link window: not a multiple of the batch, so a window ends inside a batch


@pytest.mark.slow
def test_windows_are_linked_in_order_as_the_run_goes_and_whatever_the_workers(
    tmp_path: Path, one_process: tuple[api.ProcessReport, Content]
) -> None:
    one_report, one = _processed(tmp_path, "one", workers=1, link_window=WINDOW)
    two_report, two = _processed(tmp_path, "two", workers=2, link_window=WINDOW)
    assert one_report.link is not None and two_report.link is not None
    assert one_report.link.linked == two_report.link.linked == one_report.processed
    for table in one:
        assert two[table] == one[table], f"{table} differ between --workers 1 and --workers 2 linked in windows"
    with Store.open(tmp_path / "one.db") as store:
        rows = store.conn.execute(
            "SELECT d.rowid, l.seq FROM link_reports l JOIN documents d ON d.id = l.article_id ORDER BY l.seq"
        ).fetchall()
    windows = [int(r[0]) // WINDOW for r in rows]
    assert len(set(windows)) >= 3, "the corpus no longer spans several windows: this test no longer tests them"
    assert windows == sorted(windows), "a report was linked before one of an earlier window"
    # within a window the order is by publication, not by position: linking at the end orders the whole run so
    whole = one_process[1]["link_reports"]
    assert one["link_reports"] != whole, "windows changed nothing: the corpus no longer tests them"


@pytest.mark.slow
def test_workers_get_the_part_size_and_event_model_of_the_one_process_path(
    tmp_path: Path, one_process: tuple[api.ProcessReport, Content]
) -> None:
    # parts this small cut the longer corpus reports, and a model with its weights negated types other events:
    # workers that ignored either would store other rows than the one process given both
    model = tmp_path / "negated.npz"
    with np.load(Path(truceline.__file__).parent / "data" / "models" / "events.npz") as packaged:
        arrays = {k: packaged[k] for k in packaged.files}
    np.savez(model, **{k: -v if k.endswith("weights") else v for k, v in arrays.items()})
    options: dict[str, Any] = {"limits": Limits(max_part_chars=2_000), "event_model": model, "link_after": False}
    _, one = _processed(tmp_path, "one", workers=1, **options)
    two_report, two = _processed(tmp_path, "two", workers=2, **options)
    assert two_report.workers == 2 and two_report.link is None
    default = one_process[1]
    assert one["events"] != default["events"], "the settings changed nothing: this test no longer tests them"
    for table in ("documents", "articles", "mentions", "events", "event_links", "skips"):
        assert two[table] == one[table], f"{table} differ between --workers 1 and --workers 2 with these settings"


def test_workers_get_the_size_limit_of_the_one_process_path(tmp_path: Path) -> None:
    # reports over 1,000 bytes are skipped by processing too (stored under a higher limit): most of the corpus
    limits = Limits(max_report_bytes=1_000)
    _, one = _processed(tmp_path, "one", workers=1, limits=limits, link_after=False)
    report, two = _processed(tmp_path, "two", workers=2, limits=limits, link_after=False)
    assert report.workers == 2 and len(report.skipped) > len(two["documents"]) // 2
    assert all("max_report_bytes (1,000 bytes)" in line for line in report.skipped), report.skipped[:2]
    assert two == one


def test_a_batch_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        docs = [RawDocument(f"d{i}", "text", f"Report {i}\n\nText {i}.", f"d{i}.txt") for i in range(3)]
        store.add_documents(docs)
        good = DocResult("d0", "d0.txt", "skipped", "no article text after cleaning")
        bad = DocResult("d1", "d1.txt", "lost", "a status the store does not know")
        with pytest.raises(StoreError):
            store.save_results([good, bad])
        assert store.count_pending() == 3, "half a batch was written"
        assert store.skips() == []
        store.save_results([good, DocResult("d1", "d1.txt", "failed", "events: ValueError: x")])
        assert store.count_pending() == 1
        assert [s["stage"] for s in store.skips()] == ["process"]


def test_loading_the_same_results_twice_writes_them_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([RawDocument("d0", "text", "Report\n\nText.", "d0.txt")])
        result = DocResult("d0", "d0.txt", "skipped", "no article text after cleaning")
        assert store.load_results([result]) == [result]
        assert store.load_results([result]) == []
        assert store.load_results([DocResult("elsewhere", "x.txt", "skipped", "x")]) == []
        assert len(store.skips()) == 1


def test_workers_option_and_setting_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    db = str(tmp_path / "t.db")
    bad = runner.invoke(cli, ["process", "--db", db, "--workers", "0"])
    assert bad.exit_code == 2 and "--workers" in bad.output
    stray = runner.invoke(cli, ["process", "--db", db, "--output", str(tmp_path / "out")])
    assert stray.exit_code == 2 and "--cluster" in stray.output and "Traceback" not in stray.output
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    (tmp_path / "truceline.yaml").write_text("workers: 3\n")
    assert api.default_workers() == 3
    (tmp_path / "truceline.yaml").write_text("workers: none\n")
    with pytest.raises(ConfigError, match="'workers' must be a whole number"):
        api.default_workers()
    with Store.open(tmp_path / "u.db") as store, pytest.raises(ConfigError, match="--workers"):
        api.process(store, workers=0)


def test_a_small_run_stays_in_one_process(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_documents([RawDocument("d0", "text", "Truce holds\n\nThe truce held in Idlib on Monday.", "d0.txt")])
        report = api.process(store, workers=4)
        assert report.workers == 1 and report.processed == 1
