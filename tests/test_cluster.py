"""`process --cluster` on a real two-worker Dask LocalCluster: Parquet partitioned by publication month, `load`
into the store, and the same rows as `process --workers 1`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline import api
from truceline.cli import cli
from truceline.sample import REPORTS_DIR
from truceline.store import Store

pytest.importorskip("distributed", reason="the 'cluster' extra (dask distributed) is not installed")
pyarrow_dataset = pytest.importorskip("pyarrow.dataset", reason="the 'cluster' extra (pyarrow) is not installed")


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    from truceline.scale.cluster import local_cluster

    with local_cluster(2, memory_limit="1.5GiB") as cluster:
        yield cluster.scheduler_address


def _ingested(path: Path) -> Path:
    with Store.open(path) as store:
        api.ingest(store, [str(REPORTS_DIR)])
    return path


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(path) as store:
        return store.content()


@pytest.mark.slow
def test_cluster_run_and_load_store_what_one_process_stores(cluster_address: str, tmp_path: Path) -> None:
    # batches of 8, so the cluster runs several at once and each must get the story hint of the ones before it
    one = _ingested(tmp_path / "one.db")
    with Store.open(one) as store:
        api.process(store, workers=1, batch_size=8)
    on_cluster = _ingested(tmp_path / "cluster.db")
    out = tmp_path / "out"
    with Store.open(on_cluster) as store:
        report = api.process(store, cluster=cluster_address, output=out, batch_size=8)
        assert report.processed == 34 and store.count_pending() == 34, "a cluster run writes Parquet, not the store"
        loaded = api.load(store, out)
        assert (loaded.loaded, loaded.already) == (34, 0)
        again = api.load(store, out)
        assert (again.loaded, again.already) == (0, 34)
        assert store.integrity_check() == "ok"
    expected, got = _content(one), _content(on_cluster)
    for table in expected:
        assert got[table] == expected[table], f"{table} differ between the cluster run + load and one process"
    # any Parquet reader sees one hive-partitioned dataset, one row per report, filed by publication month
    dataset = pyarrow_dataset.dataset(out, format="parquet", partitioning="hive")
    table = dataset.to_table(columns=["doc_id", "status", "year", "month", "article", "events"])
    assert table.num_rows == 34
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
    ran = runner.invoke(cli, ["process", "--db", db, "--cluster", cluster_address, "--output", out])
    assert ran.exit_code == 0, ran.output
    assert "(on the cluster)" in ran.stderr and f"truceline load {out}" in ran.stderr
    loaded = runner.invoke(cli, ["load", out, "--db", db])
    assert loaded.exit_code == 0 and "loaded 34 of 34 report(s)" in loaded.stderr
    twice = runner.invoke(cli, ["load", out, "--db", db])
    assert "loaded 0 of 34 report(s)" in twice.stderr
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
