"""Byte streams for ingest, bounded: lines of at most a given size (a longer one is counted and dropped, never held
in memory), and a stream with its first bytes put back after sniffing (stdin cannot seek).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

CHUNK = 1 << 20  # bytes read at a time
SNIFF_BYTES = 8192  # the first bytes of an over-long line kept, to tell binary from text


class Prefixed:
    """A byte stream with some bytes already read put back in front (for sniffing stdin, which cannot seek)."""

    def __init__(self, prefix: bytes, stream: Readable) -> None:
        self._prefix = prefix
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size < 0:
                head, self._prefix = self._prefix, b""
                return head + self._stream.read()
            head, self._prefix = self._prefix[:size], self._prefix[size:]
            return head if len(head) == size else head + self._stream.read(size - len(head))
        return self._stream.read(size)

    def read1(self, size: int = -1, /) -> bytes:
        """The put-back bytes first, then what the stream has ready (one decompression step of a gzip stream)."""
        if self._prefix:
            return self.read(min(size, len(self._prefix)) if size >= 0 else len(self._prefix))
        return read1(self._stream)(size)

    def seek(self, offset: int, whence: int = 0, /) -> int:
        raise io.UnsupportedOperation("stdin is read once, from the start")


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def read1(stream: Readable) -> Callable[[int], bytes]:
    """What returns the bytes available now (one decompression step of a gzip stream) rather than waiting for a whole
    chunk, so the lines before a damaged part of a gzip file are still read."""
    return getattr(stream, "read1", stream.read)


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line longer than the limit: its size (counted while it was discarded) and its first bytes, for sniffing."""

    size: int
    head: bytes


def bounded_lines(read: Callable[[int], bytes], limit: int) -> Iterator[bytes | LongLine]:
    """The lines of a stream (without their "\\n"; the last one even when empty, so joining them with "\\n" gives the
    stream back), each at most `limit` bytes: a longer line is a LongLine, read on in chunks and dropped."""
    pieces: list[bytes] = []
    size = 0
    long_head: bytes | None = None  # set while an over-long line is being discarded
    while True:
        chunk = read(CHUNK)
        if not chunk:
            break
        start = 0
        while True:
            newline = chunk.find(b"\n", start)
            end = len(chunk) if newline < 0 else newline
            if long_head is None:
                pieces.append(chunk[start:end])
            size += end - start
            if long_head is None and size > limit:
                long_head = b"".join(pieces)[:SNIFF_BYTES]
                pieces = []
            if newline < 0:
                break
            yield LongLine(size, long_head) if long_head is not None else b"".join(pieces)
            pieces, size, long_head = [], 0, None
            start = newline + 1
    yield LongLine(size, long_head) if long_head is not None else b"".join(pieces)
