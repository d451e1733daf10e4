"""The Parquet output of a cluster run: one row per report, partitioned by publication month.

    DIR/year=2020/month=03/part-00000012-1f3a9c0d2b4e.parquet   reports published in March 2020 (batch 12)
    DIR/year=2020/month=undated/part-...                          dated to 2020 but to no single month
    DIR/year=undated/month=undated/part-...                       undated, skipped or failed reports
    DIR/_batches/00000012-1f3a9c0d2b4e.json                       batch 12 is complete (its files, counts, years)

A row holds the report's id, origin, status (processed, skipped, failed) and reason, its batch and place in the
batch, and, when processed, `article` (a struct of the store's article columns) and the lists `mentions`, `events` and `links` (structs of the store's
columns; each event's exported JSON object is its `data` field). Any Parquet reader sees the folder as one
hive-partitioned dataset (pyarrow.dataset, DuckDB, Spark): files and folders starting with '.' or '_' are not data.

Every file is written to a temporary name beside its place and renamed into it, so a reader never sees half a file,
and the batch's marker is written the same way after all its files: a killed run leaves whole files or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from truceline.errors import InputError
from truceline.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    LINK_COLUMNS,
    MENTION_COLUMNS,
    ArticleRows,
    DocResult,
    time_window,
)

MARKERS = "_batches"
_INT_COLUMNS = {"start", "end", "idx", "killed", "injured"}
_FLOAT_COLUMNS = {"confidence"}


def _pa() -> Any:
    try:
        import pyarrow

        return pyarrow
    except ImportError:
        raise InputError(
            "Parquet needs pyarrow, one of Truceline's dependencies: `pip install truceline` (`make setup` installs it)"
        ) from None


def _struct(columns: Sequence[str]) -> Any:
    pa = _pa()
    fields = []
    for name in columns:
        kind = pa.int64() if name in _INT_COLUMNS else pa.float64() if name in _FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(name, kind))
    return pa.struct(fields)


def schema() -> Any:
    pa = _pa()
    return pa.schema(
        [
            pa.field("doc_id", pa.string(), nullable=False),
            pa.field("origin", pa.string(), nullable=False),
            pa.field("status", pa.string(), nullable=False),
            pa.field("reason", pa.string()),
            pa.field("batch", pa.int64(), nullable=False),
            pa.field("seq", pa.int32(), nullable=False),
            pa.field("article", _struct(ARTICLE_COLUMNS)),
            pa.field("mentions", pa.list_(_struct(MENTION_COLUMNS))),
            pa.field("events", pa.list_(_struct(EVENT_COLUMNS))),
            pa.field("links", pa.list_(_struct(LINK_COLUMNS))),
        ]
    )


def batch_key(plan: str, doc_ids: Sequence[str]) -> str:
    """Names a batch by what it holds and the run it belongs to, so a resumed run finds the batches already done."""
    digest = hashlib.sha256(plan.encode())
    for doc_id in doc_ids:
        digest.update(b"\0" + doc_id.encode())
    return digest.hexdigest()[:12]


def _record(result: DocResult, batch: int, seq: int) -> dict[str, Any]:
    rows = result.rows
    return {
        "doc_id": result.doc_id,
        "origin": result.origin,
        "status": result.status,
        "reason": result.reason,
        "batch": batch,
        "seq": seq,
        "article": dict(zip(ARTICLE_COLUMNS, rows.article, strict=True)) if rows else None,
        "mentions": [dict(zip(MENTION_COLUMNS, m, strict=True)) for m in rows.mentions] if rows else [],
        "events": [dict(zip(EVENT_COLUMNS, e, strict=True)) for e in rows.events] if rows else [],
        "links": [dict(zip(LINK_COLUMNS, k, strict=True)) for k in rows.links] if rows else [],
    }


def _result(record: dict[str, Any]) -> DocResult:
    article = record["article"]
    rows = None
    if article is not None:
        rows = ArticleRows(
            tuple(article[c] for c in ARTICLE_COLUMNS),
            tuple(tuple(m[c] for c in MENTION_COLUMNS) for m in record["mentions"]),
            tuple(tuple(e[c] for c in EVENT_COLUMNS) for e in record["events"]),
            tuple(tuple(k[c] for c in LINK_COLUMNS) for k in record["links"]),
        )
    return DocResult(record["doc_id"], record["origin"], record["status"], record["reason"], rows)


def write_batch(output: Path, batch: int, key: str, results: Sequence[DocResult]) -> list[str]:
    """Write one batch's results, one file per (year, month) partition; return the files, relative to `output`."""
    pa = _pa()
    import pyarrow.parquet as pq

    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for seq, result in enumerate(results):
        groups.setdefault(time_window(result.rows), []).append(_record(result, batch, seq))
    written = []
    for (year, month), records in sorted(groups.items()):
        relative = f"year={year}/month={month}/part-{batch:08d}-{key}.parquet"
        table = pa.Table.from_pylist(records, schema=schema())
        _atomically(output / relative, lambda tmp, table=table: pq.write_table(table, tmp, compression="zstd"))
        written.append(relative)
    return written


def write_marker(output: Path, batch: int, key: str, summary: dict[str, Any]) -> None:
    data = json.dumps(summary, ensure_ascii=False, sort_keys=True).encode()
    _atomically(output / MARKERS / f"{batch:08d}-{key}.json", lambda tmp: Path(tmp).write_bytes(data))


def read_markers(output: Path) -> dict[tuple[int, str], dict[str, Any]]:
    """The batches a run (or an earlier, killed one) completed, by (batch, key)."""
    found: dict[tuple[int, str], dict[str, Any]] = {}
    folder = output / MARKERS
    if not folder.is_dir():
        return found
    for path in folder.glob("*.json"):
        index, _, key = path.stem.partition("-")
        try:
            found[(int(index), key)] = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue  # not one of ours; the batch is simply done again
    return found


def data_files(folder: Path) -> list[Path]:
    """The Parquet files of a run's output, in batch order (temporary and marker files left out)."""
    if not folder.is_dir():
        raise InputError(f"no folder {folder}: give the --output DIR of a `truceline process --cluster` run")
    files = [
        p
        for p in folder.rglob("*.parquet")
        if not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
    ]
    return sorted(files, key=lambda p: (p.name, str(p)))


def read_file(path: Path) -> list[DocResult]:
    """One file's results, in their order in the run."""
    _pa()
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path).read()
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise InputError(f"cannot read {path} as Parquet: {exc}") from None
    missing = [name for name in schema().names if name not in table.schema.names]
    if missing:
        raise InputError(f"{path} is not Truceline output: it lacks the column(s) {', '.join(missing)}")
    records = sorted(table.to_pylist(), key=lambda r: (r["batch"], r["seq"]))
    return [_result(r) for r in records]


def iter_results(folder: Path) -> Iterator[tuple[Path, list[DocResult]]]:
    for path in data_files(folder):
        yield path, read_file(path)


def _atomically(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
