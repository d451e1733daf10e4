"""`process --cluster` on a real two-worker Dask LocalCluster: Parquet partitioned by publication month, `load`
into the store and linking there, and the same rows, stories and canonical events as `process --workers 1`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

import truceline
from truceline import api
from truceline.cli import cli
from truceline.errors import WorkerError
from truceline.sample import REPORTS_DIR
from truceline.settings import Limits
from truceline.store import Store

pytest.importorskip("distributed", reason="the 'cluster' extra (dask distributed) is not installed")
pyarrow_dataset = pytest.importorskip("pyarrow.dataset", reason="pyarrow is not installed")


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    from truceline.scale.cluster import local_cluster

    try:
        cluster = local_cluster(2, memory_limit="1.5GiB", start_timeout=120)
    except WorkerError as exc:
        pytest.skip(f"Dask cannot start a LocalCluster on this machine: {exc}")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close(timeout=60)


def _ingested(path: Path) -> int:
    with Store.open(path) as store:
        api.ingest(store, [str(REPORTS_DIR)])
        return store.count_pending()


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(path) as store:
        return store.content()


@pytest.mark.slow
def test_cluster_run_and_load_store_what_one_process_stores(cluster_address: str, tmp_path: Path) -> None:
    # batches of 8, so the cluster runs several at once and they come back in any order; linked in windows of 20
    # reports (ending inside a batch), which `load` must cut as `process` does
    one, on_cluster = tmp_path / "one.db", tmp_path / "cluster.db"
    n = _ingested(one)
    with Store.open(one) as store:
        api.process(store, workers=1, batch_size=8, link_window=20)
    assert _ingested(on_cluster) == n
    out = tmp_path / "out"
    with Store.open(on_cluster) as store:
        report = api.process(store, cluster=cluster_address, output=out, batch_size=8)
        assert report.processed == n and store.count_pending() == n, "a cluster run writes Parquet, not the store"
        assert report.link is None and store.link.count_pending() == 0, "a cluster run links nothing"
        loaded = api.load(store, out, link_window=20)
        assert (loaded.loaded, loaded.already) == (n, 0)
        assert loaded.link is not None and loaded.link.linked == n and loaded.link.new_stories >= 2
        again = api.load(store, out)
        assert (again.loaded, again.already) == (0, n)
        assert again.link is not None and again.link.linked == 0
        assert store.integrity_check() == "ok"
    expected, got = _content(one), _content(on_cluster)
    for table in expected:
        assert got[table] == expected[table], f"{table} differ between the cluster run + load and one process"
    # any Parquet reader sees one hive-partitioned dataset, one row per report, filed by publication month
    dataset = pyarrow_dataset.dataset(out, format="parquet", partitioning="hive")
    table = dataset.to_table(columns=["doc_id", "status", "year", "month", "article", "events"])
    assert table.num_rows == n
    rows = table.to_pylist()
    for row in rows:
        earliest = row["article"]["published_earliest"]
        if row["month"] != "undated":
            assert earliest[:4] == str(row["year"]) and earliest[5:7] == f"{int(row['month']):02d}"
    assert sum(len(r["events"]) for r in rows) == len(expected["events"])
    assert any(r["year"] == "undated" for r in rows) or all(r["article"]["published_earliest"] for r in rows)


@pytest.mark.slow
def test_cli_cluster_run_then_load(cluster_address: str, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    out = str(tmp_path / "out")
    assert runner.invoke(cli, ["ingest", str(REPORTS_DIR), "--db", db]).exit_code == 0
    with Store.open(db) as store:
        n = store.count_pending()
    ran = runner.invoke(cli, ["process", "--db", db, "--cluster", cluster_address, "--output", out])
    assert ran.exit_code == 0, ran.output
    assert "(on the cluster)" in ran.stderr and f"truceline load {out}" in ran.stderr
    assert "linked" not in ran.stderr
    loaded = runner.invoke(cli, ["load", out, "--db", db])
    assert loaded.exit_code == 0 and f"loaded {n} of {n} report(s)" in loaded.stderr
    assert f"linked {n} report(s)" in loaded.stderr
    twice = runner.invoke(cli, ["load", out, "--db", db])
    assert f"loaded 0 of {n} report(s)" in twice.stderr and "linked 0 report(s)" in twice.stderr
    assert runner.invoke(cli, ["process", "--db", db]).stderr.startswith("nothing to process")


def test_cluster_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["ingest", str(REPORTS_DIR), "--db", db]).exit_code == 0
    no_output = runner.invoke(cli, ["process", "--db", db, "--cluster", "tcp://127.0.0.1:9"])
    assert no_output.exit_code == 2 and "--output" in no_output.stderr
    unreachable = runner.invoke(
        cli, ["process", "--db", db, "--cluster", "tcp://127.0.0.1:9", "--output", str(tmp_path / "out")]
    )
    assert unreachable.exit_code == 2, unreachable.output
    assert "cannot reach the Dask scheduler" in unreachable.stderr and "Traceback" not in unreachable.output
    missing = runner.invoke(cli, ["load", str(tmp_path / "nowhere"), "--db", db])
    assert missing.exit_code == 2 and "no folder" in missing.stderr
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "x.parquet").write_bytes(b"not parquet")
    junk = runner.invoke(cli, ["load", str(tmp_path / "junk"), "--db", db])
    assert junk.exit_code == 2 and "cannot read" in junk.stderr


@pytest.mark.slow
def test_cluster_workers_get_the_part_size_and_event_model_of_the_client(cluster_address: str, tmp_path: Path) -> None:
    # the longest corpus reports, cut into parts of 2,000 characters and typed by a model with its weights negated
    # (sent to the workers as contents): workers that ignored either would store other rows than the one process
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(REPORTS_DIR.iterdir(), key=lambda p: -p.stat().st_size)[:6]:
        shutil.copy(path, corpus / path.name)
    model = tmp_path / "negated.npz"
    with np.load(Path(truceline.__file__).parent / "data" / "models" / "events.npz") as packaged:
        arrays = {k: packaged[k] for k in packaged.files}
    np.savez(model, **{k: -v if k.endswith("weights") else v for k, v in arrays.items()})
    options: dict[str, Any] = {"limits": Limits(max_part_chars=2_000), "event_model": model, "batch_size": 2}
    contents = {}
    for name in ("default", "one", "cluster"):
        with Store.open(tmp_path / f"{name}.db") as store:
            api.ingest(store, [str(corpus)])
            if name == "default":
                api.process(store, workers=1, batch_size=2)
            elif name == "one":
                api.process(store, workers=1, **options)
            else:
                api.process(store, cluster=cluster_address, output=tmp_path / "out", **options)
                api.load(store, tmp_path / "out")
            contents[name] = store.content()
    assert contents["one"]["events"] != contents["default"]["events"], "the settings changed nothing here"
    for table in contents["one"]:
        assert contents["cluster"][table] == contents["one"][table], f"{table} differ between cluster and one process"
