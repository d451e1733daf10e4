"""MinHash signatures and LSH bands, in numpy: near-duplicate reports (wire copies, light rewrites) in time
independent of the corpus size.

Why our own and not `datasketch`: datasketch pulls in scipy (tens of megabytes) for what is here forty lines, and
our signatures must be byte-stable across runs and machines because they are stored in the database and compared
with those of reports linked months later. Each shingle is hashed with BLAKE2b (no process-seeded `hash()`), then
through ``NUM_PERM`` fixed universal hash functions ``(a * x + b) mod (2**61 - 1)`` drawn once from a seeded
generator; the signature keeps each function's minimum.

The probability two reports share one band (``ROWS`` rows) is ``J ** ROWS`` for a shingle Jaccard similarity
``J``; with ``BANDS`` bands, a pair at ``J = 0.5`` becomes a candidate with probability about 0.87, one at
``J = 0.2`` with about 0.05. Candidates are then kept only when the signatures agree on ``COPY_JACCARD`` of their
positions (the estimated Jaccard similarity).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
COPY_JACCARD = 0.5
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


@cache
def _params() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260611)
    # a < 2**31 and x < 2**32 keep a * x + b below 2**64, so the uint64 arithmetic never wraps
    a = rng.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    return a, b


def _hash32(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=4).digest(), "little")


def signature(items: Iterable[str]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a set of strings; all-max for an empty set."""
    values = np.fromiter((_hash32(x) for x in set(items)), dtype=np.uint64)
    if values.size == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    a, b = _params()
    hashed = ((np.outer(values, a) + b) % _PRIME) & _MASK32
    return np.asarray(hashed.min(axis=0), dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def bands(sig: np.ndarray) -> list[int]:
    """One 63-bit bucket key per band (a BLAKE2b digest of the band's rows), for an indexed lookup."""
    raw = np.asarray(sig, dtype="<u4")
    out = []
    for i in range(BANDS):
        digest = hashlib.blake2b(raw[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little") >> 1)  # fits SQLite's signed 64-bit INTEGER
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the two sets the signatures stand for."""
    return float(np.mean(a == b))
