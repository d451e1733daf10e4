"""Near-copies: wire stories reprinted by many outlets, and their light rewrites, are one group that counts once.

A report's shingles (runs of five words of its title and body) get a MinHash signature; its LSH band buckets
find earlier reports sharing a band in one indexed lookup per band, each reading only the ``RECENT_PER_BUCKET`` latest
reports of its bucket (a bucket that boilerplate fills grows with the corpus; wire copies and rewrites follow their
original within days, so they are among the latest); the earlier report whose signature agrees most, at
``minhash.COPY_JACCARD`` or more, is its original. A copy joins its original's group (``copy_of``, the first
report of the group), story and cluster. Reports too short to judge (fewer than ``MIN_SHINGLES`` shingles) are never
called copies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from truceline.link import minhash
from truceline.link.features import Report
from truceline.link.text import shingles
from truceline.store.link import LinkTables

MIN_SHINGLES = 20
RECENT_PER_BUCKET = 64  # the latest reports of a band bucket a lookup reads (a bucket holding fewer is read whole)


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray
    buckets: tuple[int, ...]
    usable: bool

    @classmethod
    def of(cls, rep: Report) -> Signature:
        found = shingles(f"{rep.title or ''}\n{rep.body}")
        values = minhash.signature(found)
        return cls(values, tuple(minhash.bands(values)), len(found) >= MIN_SHINGLES)

    @property
    def blob(self) -> bytes:
        return minhash.to_bytes(self.values)


@dataclass(frozen=True, slots=True)
class Copy:
    copy_of: str  # the first report of the group
    similarity: float  # estimated Jaccard similarity to the closest earlier member
    story_id: str | None
    cluster_id: str | None


def find_copy(tables: LinkTables, sig: Signature, article_id: str) -> Copy | None:
    """The group an earlier, near-identical report belongs to, if there is one."""
    if not sig.usable:
        return None
    best: tuple[float, str] | None = None
    found = [
        (o, b)
        for o, _, b in tables.lsh_candidates(sig.buckets, recent=RECENT_PER_BUCKET)
        if o != article_id and b is not None
    ]
    # every candidate's agreement with the signature at once (minhash.similarity's values: shares of equal rows)
    signatures = minhash.from_bytes(b"".join(b for _, b in found)).reshape(len(found), len(sig.values))
    shares = (signatures == sig.values).mean(axis=1).tolist() if found else []
    for (other, _), sim in zip(found, shares, strict=True):
        if sim >= minhash.COPY_JACCARD and (best is None or sim > best[0]):
            best = (sim, other)
    if best is None:
        return None
    row = tables.linked_report(best[1])
    if row is None:
        return None
    return Copy(str(row["copy_of"]), round(best[0], 4), row.get("story_id"), row.get("cluster_id"))


def index(tables: LinkTables, article_id: str, sig: Signature, seq: int) -> None:
    """File a report under its band buckets, with its link order (`seq`: a bucket is read newest first)."""
    if sig.usable:
        tables.add_lsh(article_id, sig.buckets, seq)
