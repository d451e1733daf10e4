"""The order-keeping loop shared by the process pool and the Dask cluster.

Batches are dated a few ahead (the cheap first task), analysed as soon as the years of every earlier batch are
known, and finished (written to the store, or counted) strictly in batch order, so the store always holds a whole
prefix of the run: a kill at any point loses at most the batches in flight, and the resumed run cuts the rest into
the same batches again.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from truceline.model import RawDocument

R = TypeVar("R")


class Pending(Protocol):
    """What both concurrent.futures.Future and distributed.Future offer."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


@dataclass(slots=True)
class Batch:
    index: int  # position in the run, from 0
    raws: list[RawDocument]
    years: list[int] | None = None  # known already (a cluster batch finished by an earlier, killed run)


@dataclass(slots=True)
class _Dating:
    batch: Batch
    years: Pending | None  # None when batch.years is known


@dataclass(slots=True)
class _Analysing(Generic[R]):
    batch: Batch
    result: Pending | None  # None for a batch already done


def batches(docs: Iterable[RawDocument], size: int) -> Iterator[Batch]:
    chunk: list[RawDocument] = []
    index = 0
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield Batch(index, chunk)
            index += 1
            chunk = []
    if chunk:
        yield Batch(index, chunk)


def run_in_order(
    items: Iterable[Batch],
    *,
    known_years: Sequence[int],
    date: Callable[[Batch], Pending],
    years_of: Callable[[Any], list[int]],
    analyse: Callable[[Batch, Any, Counter[int]], Pending],
    finish: Callable[[Batch, Any], None],
    wait_any: Callable[[list[Pending]], None],
    ahead: int,
) -> None:
    """Date up to `ahead` batches ahead, keep up to `ahead` analyses in flight, finish each batch in order.

    `date(batch)` starts the first task, whose result `years_of` reads; `analyse(batch, that result, the years of all
    earlier batches)` starts the second. A batch whose `years` are known already (done by an earlier run) is not
    analysed and is finished with None.
    """
    source = iter(items)
    more = True
    dating: deque[_Dating] = deque()
    analysing: deque[_Analysing[Any]] = deque()
    years_so_far: Counter[int] = Counter(known_years)
    while True:
        while more and len(dating) < ahead:
            batch = next(source, None)
            if batch is None:
                more = False
                break
            dating.append(_Dating(batch, None if batch.years is not None else date(batch)))
        head = dating[0] if dating else None
        if head is not None and (head.years is None or head.years.done()) and len(analysing) < ahead:
            dating.popleft()
            if head.years is None:
                years, job = head.batch.years or [], None
            else:
                dated = head.years.result()
                years = years_of(dated)
                # the batch sees the years of every batch before it, in order (a copy: later batches add to the count)
                job = analyse(head.batch, dated, Counter(years_so_far))
            years_so_far.update(years)
            analysing.append(_Analysing(head.batch, job))
            continue
        first = analysing[0] if analysing else None
        if first is not None and (first.result is None or first.result.done()):
            analysing.popleft()
            finish(first.batch, None if first.result is None else first.result.result())
            continue
        if first is None and head is None and not more:
            return
        waitables: list[Pending] = []
        if head is not None and head.years is not None and len(analysing) < ahead:
            waitables.append(head.years)
        if first is not None and first.result is not None:
            waitables.append(first.result)
        if waitables:
            wait_any(waitables)
