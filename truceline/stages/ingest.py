"""Stage 0, ingest: read files, folders, gzip and stdin into RawDocuments (owner: ingest/clean work)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO

from truceline.errors import Skip
from truceline.model import RawDocument


def iter_documents(paths: Sequence[str], stdin: IO[bytes] | None = None) -> Iterator[RawDocument | Skip]:
    """Yield every report under `paths` (files and folders, recursively; "-" = stdin) or a Skip with its reason.

    Raises InputError only when a named path does not exist at all.
    """
    raise NotImplementedError
