"""Exactly once under kill -9: real `truceline process --workers 2` runs (the pool, and linking in the writer window by
window as the reports are stored) and cluster runs with their `load` (which links) are killed (SIGKILL) at random
moments and resumed; after every kill the
database is intact and holds only whole reports, and every completed run holds exactly the rows, stories and
canonical events of an uninterrupted run: no report lost, none stored or linked twice.

The kill moments are drawn uniformly over the length of an uninterrupted run (measured first, on this machine), so
they fall in start-up, between batches, inside transactions and in the cross-report stage alike. The generator is seeded: the seed is printed
(pytest shows it on failure; `-s` always) and TRUCELINE_KILL_SEED replays a run; TRUCELINE_KILL_POINTS sets how many
kills per mode: 20 by default, 6 in CI (where $CI is set) to keep its time down. The reports are tiny, so a run is
mostly start-up and the test stays short; every command has a time limit (RUN_TIMEOUT) and the cluster its start-up
limit, so nothing can hang the suite, and where Dask cannot start a LocalCluster the cluster test is skipped.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from truceline import api
from truceline.store import Store

psutil = pytest.importorskip("psutil", reason="psutil (the 'cluster' extra) watches the worker processes")

TRUCELINE = str(Path(sys.executable).with_name("truceline"))
KILL_POINTS = int(os.environ.get("TRUCELINE_KILL_POINTS", "6" if os.environ.get("CI") else "20"))
SEED = int(os.environ.get("TRUCELINE_KILL_SEED", "1913"))
RUN_TIMEOUT = 300  # seconds: an uninterrupted run here takes well under a minute
REPORTS = 300
WINDOW = 48  # every run here links in windows of this many reports (truceline.yaml's link_window)

PLACES = ["Idlib", "Saraqib", "Aleppo", "Hama", "Ariha", "Homs"]
SIDES = [("Turkey", "Turkish"), ("Russia", "Russian"), ("Syria", "Syrian"), ("Iran", "Iranian")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
CHROME_PAGE = '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav><script>var page={i};</script></body></html>'


def _report(rng: random.Random, i: int) -> dict[str, str]:
    """A tiny report of our own: dated by metadata, dated only to a day and month (its year open, for linking to
    settle from its story, however the run was cut), or undated."""
    (a, adj), (b, _) = rng.sample(SIDES, 2)
    place, month, day, n = rng.choice(PLACES), rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2, 30)
    first = rng.choice(
        [
            f"{adj} forces shelled villages near {place}, killing {n} civilians.",
            f"{a} accused {b} of breaking the truce around {place}.",
            f"{a} and {b} agreed to extend the ceasefire in {place} by {n} days.",
        ]
    )
    record = {"id": f"r{i:04d}", "title": f"Clashes near {place}, report {i}"}
    kind = rng.random()
    if kind < 0.4:
        record["published"] = f"{rng.choice([2019, 2020])}-{MONTHS.index(month) + 1:02d}-{day:02d}"
        record["text"] = f"{first} {b} denied it in statement {i}."
    elif kind < 0.75:
        record["text"] = f"{first} The talks on {month} {day} ended without a deal, said source {i}."
    else:
        record["text"] = f"{first} Residents said night {i} was calm."
    return record


@pytest.fixture(scope="module", autouse=True)
def windowed_linking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every command here reads a settings file that links in windows of WINDOW reports as they are stored, so kills
    fall inside a window's linking, between windows and in the per-report stages while a window is linked, and a
    resumed run must link the very windows an uninterrupted one links."""
    settings = tmp_path_factory.mktemp("settings") / "truceline.yaml"
    settings.write_text(f"link_window: {WINDOW}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRUCELINE_SETTINGS", str(settings))
        yield


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the generated reports ingested and nothing processed."""
    folder = tmp_path_factory.mktemp("kill")
    corpus = folder / "corpus"
    corpus.mkdir()
    rng = random.Random(SEED)
    with (corpus / "reports.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(REPORTS):
            handle.write(json.dumps(_report(rng, i)) + "\n")
    for i in range(4):  # pages with no article text: skipped at processing, each skip recorded exactly once
        (corpus / f"menu{i}.html").write_text(CHROME_PAGE.replace("{i}", str(i)), encoding="utf-8")
    db = folder / "base.db"
    with Store.open(db) as store:
        api.ingest(store, [str(corpus)])
        assert store.count_pending() == REPORTS + 4
    return db


def copy_db(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copy(source, target)
    return target


def start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as err:
        return subprocess.Popen([TRUCELINE, *args], stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)


def finish(args: list[str], log: Path) -> float:
    """Run to the end; return how long it took."""
    t0 = time.monotonic()
    proc = start(args, log)
    try:
        code = proc.wait(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: the command and its workers
        proc.wait()
        pytest.fail(f"`truceline {' '.join(args)}` ran past {RUN_TIMEOUT} s: {log.read_text(errors='replace')[-2000:]}")
    assert code == 0, log.read_text(errors="replace")[-3000:]
    return time.monotonic() - t0


def kill_at(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL `proc` after `delay` seconds unless it ended first; True if it was killed. Its worker processes
    must end with it: a killed writer never leaves workers behind."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        pass
    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    _, alive = psutil.wait_procs(children, timeout=60)
    for p in alive:
        p.kill()
    assert not alive, f"worker processes outlived the killed run: {alive}"
    return True


def whole_reports_only(db: Path) -> None:
    """The store after a kill: intact, and every report either stored whole with its status or still pending."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        processed = {r[0] for r in conn.execute("SELECT id FROM documents WHERE status = 'processed'")}
        articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert sorted(articles) == sorted(processed), "an article without its status, or a status without its rows"
        skipped = conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'skipped'").fetchone()[0]
        skips = conn.execute("SELECT COUNT(*) FROM skips WHERE stage != 'ingest'").fetchone()[0]
        assert skips == skipped, f"{skips} skip records for {skipped} skipped reports"
        linked = [r[0] for r in conn.execute("SELECT article_id FROM link_reports")]
        assert set(linked) <= set(processed), "a report linked that is not stored"
        mentioned = conn.execute(
            "SELECT COUNT(*) FROM link_mentions m LEFT JOIN link_reports r ON r.article_id = m.article_id"
            " WHERE r.article_id IS NULL"
        ).fetchone()[0]
        assert mentioned == 0, "canonical event mentions of a report that is not linked (half a report linked)"
    finally:
        conn.close()


def content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db) as store:
        return store.content()


def kill_and_resume(
    name: str,
    base: Path,
    folder: Path,
    reference: dict[str, list[tuple[object, ...]]],
    run_length: float,
    command: Callable[[Path], list[str]],
    after_kill: Callable[[Path], None],
    complete: Callable[[Path], None],
) -> None:
    """Kill runs of `command` KILL_POINTS times at random moments, resuming after each; each time a run gets to the
    end, check the result against `reference` and start again from the unprocessed database."""
    rng = random.Random(SEED)
    print(f"{name}: kill test seed {SEED} (TRUCELINE_KILL_SEED), {KILL_POINTS} kill points, run {run_length:.1f} s")
    log = folder / f"{name}.log"
    kills = rounds = 0
    db = copy_db(base, folder / f"{name}-{rounds}.db")
    while kills < KILL_POINTS:
        delay = rng.uniform(0.0, run_length)
        if kill_at(start(command(db), log), delay):
            kills += 1
            after_kill(db)
            continue
        complete(db)
        got = content(db)
        for table in reference:
            assert got[table] == reference[table], f"{name} (seed {SEED}): {table} differ after {kills} kill(s)"
        rounds += 1
        db = copy_db(base, folder / f"{name}-{rounds}.db")
    finish(command(db), log)  # the last kill's run, resumed to the end
    complete(db)
    got = content(db)
    for table in reference:
        assert got[table] == reference[table], f"{name} (seed {SEED}): {table} differ after the last kill"
    print(f"{name}: {kills} kills over {rounds + 1} run(s) to the end: every report stored once, rows identical")


@pytest.fixture(scope="module")
def reference(base_db: Path) -> tuple[dict[str, list[tuple[object, ...]]], float]:
    """The rows of an uninterrupted `process --workers 2` (linked window by window), and how long that run took."""
    ref_db = copy_db(base_db, base_db.with_name("reference.db"))
    run_length = finish(["process", "--db", str(ref_db), "--workers", "2"], base_db.with_name("reference.log"))
    rows = content(ref_db)
    assert len(rows["articles"]) == REPORTS and len(rows["skips"]) == 4
    assert len(rows["link_reports"]) == REPORTS and rows["link_stories"] and rows["link_canonical"]
    conn = sqlite3.connect(f"file:{ref_db}?mode=ro", uri=True)
    try:
        order = conn.execute(
            "SELECT d.rowid FROM link_reports l JOIN documents d ON d.id = l.article_id ORDER BY l.seq"
        ).fetchall()
    finally:
        conn.close()
    windows = [int(r[0]) // WINDOW for r in order]
    assert len(set(windows)) >= 5 and windows == sorted(windows), "the run was not linked window by window"
    return rows, run_length


@pytest.mark.slow
def test_process_with_two_workers_is_exactly_once_under_kill_9(
    base_db: Path, reference: tuple[dict[str, list[tuple[object, ...]]], float], tmp_path: Path
) -> None:
    rows, run_length = reference
    kill_and_resume(
        "process --workers 2",
        base_db,
        tmp_path,
        rows,
        run_length,
        lambda db: ["process", "--db", str(db), "--workers", "2"],
        whole_reports_only,
        whole_reports_only,
    )


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    """A two-worker Dask LocalCluster (processes, one thread and 1.5 GiB each), shared by the module."""
    pytest.importorskip("distributed", reason="the 'cluster' extra (dask distributed) is not installed")
    from truceline.errors import WorkerError
    from truceline.scale.cluster import local_cluster

    try:
        cluster = local_cluster(2, memory_limit="1.5GiB", start_timeout=120)
    except WorkerError as exc:
        pytest.skip(f"Dask cannot start a LocalCluster on this machine: {exc}")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close(timeout=60)


def parquet_whole(out: Path) -> None:
    """After a killed client: every data file and marker there is whole (written under a temporary name first)."""
    from truceline.scale import parquet

    if not out.exists():
        return
    for path in parquet.data_files(out):
        parquet.read_file(path)
    for summary in parquet.read_markers(out).values():
        for name in summary["files"]:
            assert (out / name).is_file(), f"a batch marked complete lacks its file {name}"


@pytest.mark.slow
def test_cluster_run_and_load_are_exactly_once_under_kill_9(
    base_db: Path, reference: tuple[dict[str, list[tuple[object, ...]]], float], cluster_address: str, tmp_path: Path
) -> None:
    rows, _ = reference
    log = tmp_path / "cluster.log"

    def command(db: Path) -> list[str]:
        return ["process", "--db", str(db), "--cluster", cluster_address, "--output", str(db.with_suffix(".out"))]

    def load(db: Path) -> list[str]:
        return ["load", str(db.with_suffix(".out")), "--db", str(db)]

    rng = random.Random(SEED + 1)

    def complete(db: Path) -> None:
        parquet_whole(db.with_suffix(".out"))
        # the load is killed once at a random moment too, then run to the end, then run again: nothing is new
        if kill_at(start(load(db), log), rng.uniform(0.0, 3.0)):
            whole_reports_only(db)
        finish(load(db), log)
        before = content(db)
        finish(load(db), log)
        assert content(db) == before, "a second load changed the store"
        whole_reports_only(db)

    first = copy_db(base_db, tmp_path / "uninterrupted.db")
    finish(command(first), log)  # the workers load the pipeline on their first batch: this run starts them cold
    complete(first)
    got = content(first)
    for table in rows:
        assert got[table] == rows[table], f"cluster run + load: {table} differ from `process --workers 2`"
    run_length = finish(command(copy_db(base_db, tmp_path / "warm.db")), log)  # what the runs below take
    kill_and_resume(
        "process --cluster",
        base_db,
        tmp_path,
        rows,
        run_length,
        command,
        lambda db: parquet_whole(db.with_suffix(".out")),
        complete,
    )
