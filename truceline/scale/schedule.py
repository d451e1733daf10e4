"""The order-keeping loop shared by the process pool and the Dask cluster.

Batches are sent a few ahead (each is one task, independent of the others) and finished (written to the store, or
counted) strictly in batch order, so the store always holds a whole prefix of the run: a kill at any point loses at
most the batches in flight, and the resumed run cuts what is left afresh, from how much is left (`batches`). A
report's rows come from itself alone, not from the batch that holds it, so however a run is cut it stores the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from truceline.model import RawDocument
from truceline.scale import timeline


class Pending(Protocol):
    """What both concurrent.futures.Future and distributed.Future offer."""

    def result(self) -> Any: ...


@dataclass(slots=True)
class Batch:
    index: int  # position in the run, from 0
    raws: list[RawDocument]
    done: bool = False  # finished already (a cluster batch written by an earlier, killed run): not sent again


TAIL_SPLIT = 4  # in a run's last stretch a batch holds a quarter of what is left to send (see `batches`)
TAIL_FLOOR = 8  # ... and never fewer reports than the batch size over this (a batch's own cost stays small)


def batches(docs: Iterable[RawDocument], size: int, total: int | None = None) -> Iterator[Batch]:
    """`docs` in order, cut into batches of `size`. Given `total` (how many documents `docs` holds), the run's last
    stretch is cut finer: a batch holds at most a quarter of what is left to send (TAIL_SPLIT), and at least
    `size` // TAIL_FLOOR documents, so the workers finish together (with batches of a whole `size` to the end, one
    worker runs the last batch while the others idle). The cuts follow from `size` and `total` alone: a run cuts
    what it has to do the same way whatever the number of workers, and a killed run resumed cuts its own pending
    documents afresh."""
    floor = max(1, size // TAIL_FLOOR)
    chunk: list[RawDocument] = []
    index = 0
    left = total
    want = size if left is None else max(floor, min(size, -(-left // TAIL_SPLIT)))
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= want:
            yield Batch(index, chunk)
            index += 1
            chunk = []
            if left is not None:
                left -= want
                want = max(floor, min(size, -(-left // TAIL_SPLIT)))
    if chunk:
        yield Batch(index, chunk)


def run_in_order(
    items: Iterable[Batch],
    *,
    submit: Callable[[Batch], Pending],
    finish: Callable[[Batch, Any], None],
    ahead: int,
) -> None:
    """Keep up to `ahead` batches in flight (`submit` starts one), and `finish` each in batch order with its
    result. A batch already `done` is not submitted and is finished with None, in its place."""
    source = iter(items)
    more = True
    flight: deque[tuple[Batch, Pending | None]] = deque()
    while True:
        # up to `ahead` tasks, and a bounded number of batches (done ones included) held in memory
        while more and len(flight) < 4 * ahead and sum(1 for _, job in flight if job is not None) < ahead:
            batch = next(source, None)
            if batch is None:
                more = False
                break
            flight.append((batch, None if batch.done else submit(batch)))
        if not flight:
            return
        batch, job = flight.popleft()
        with timeline.span("writer", "wait", str(batch.index)):
            result = None if job is None else job.result()  # waits for the batch's task
        finish(batch, result)
