"""`--format parquet`: the events as an Apache Parquet file with typed columns, for pandas, Polars, DuckDB or R.

One row per exported event (a report's mention with `events`, a canonical event with `timeline`), its columns
those of truceline/export/flat.py: strings, int64 (casualties, offsets, counts), float64 (confidence, latitude,
longitude), bool (flags), date32 (`date_start` / `date_end`, the first and last day the event's date allows, next
to `date` and `date_precision` as they are exported in JSON), and lists of strings (members of a compound actor,
PLOVER contexts, links to other events of the report). A missing value is null.

The file is written in row groups of `BATCH` rows, so a large export never holds more than that in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from truceline.errors import ConfigError
from truceline.export.flat import COLUMNS, flat_row
from truceline.export.formats import Exporter

BATCH = 10_000


def require_pyarrow() -> Any:
    """The pyarrow module, or a one-line error saying how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet  # the submodule is loaded on first use
    except ImportError:
        raise ConfigError(
            "the parquet format needs pyarrow, which is not installed: `pip install pyarrow==26.0.1` "
            "(or re-run `make setup`)"
        ) from None
    return pyarrow


def schema() -> Any:
    """The Parquet file's schema (a pyarrow.Schema), column by column as truceline/export/flat.py lists them."""
    pa = require_pyarrow()
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS])


class ParquetExporter(Exporter):
    """Typed columns in a binary file: give a path or a binary stream (never a terminal: the CLI refuses that)."""

    def __init__(self, sink: IO[bytes] | str | Path, batch: int = BATCH) -> None:
        self.sink = sink
        self.batch = batch
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def start(self) -> None:
        pa = require_pyarrow()
        self.pa = pa
        self.schema = schema()
        self.writer = pa.parquet.ParquetWriter(self.sink, self.schema, compression="zstd")

    def export_item(self, item: dict[str, object]) -> None:
        self.rows.append(flat_row(item))
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        columns = {name: [r[name] for r in self.rows] for name in self.schema.names}
        self.writer.write_table(self.pa.table(columns, schema=self.schema))
        self.count += len(self.rows)
        self.rows = []

    def finish(self) -> None:
        self._flush()
        self.writer.close()


__all__ = ["BATCH", "ParquetExporter", "require_pyarrow", "schema"]
