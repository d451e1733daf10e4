"""Where an export goes: the file `--output` names, else standard output; a binary format never to a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from truceline.errors import InputError

BINARY_FORMATS = frozenset({"parquet"})


@contextmanager
def open_output(fmt: str, output: Path | None) -> Iterator[Any]:
    """A stream for an export in `fmt`: text (UTF-8, newlines as written) or, for a binary format, bytes. Without
    `output`, standard output, which a binary format refuses when it is a terminal."""
    binary = fmt in BINARY_FORMATS
    if output is None:
        if binary and sys.stdout.isatty():
            raise InputError(f"{fmt} is a binary format: give --output FILE (or redirect standard output to a file)")
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if not output.parent.exists():
        raise InputError(f"cannot write {output}: folder {output.parent} does not exist")
    try:
        handle = output.open("wb") if binary else output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    with handle:
        yield handle
