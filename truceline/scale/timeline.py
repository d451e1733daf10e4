"""An optional timeline of a run: what each process (the writer, each worker) did when, and the CPU it spent.

Off unless the environment names a file: `TRUCELINE_TIMELINE=/tmp/run.tsv truceline process ...`. Every process of
the run (forked workers inherit the setting) then appends one line per finished span to that file:

    role  pid  phase  start  end  cpu_start  cpu_end  detail

`start`/`end` are time.monotonic() seconds (one clock for every process of the machine), `cpu_*` the process's own
CPU seconds (user + system, time.process_time()) at both ends, `detail` a short note (a batch's index and size, a
window's end position). Phases: a worker's `load` (the pipeline loaded) and `batch`; the writer's `setup` (from
its start to the per-report stages' first batch sent), `wait` (for a batch's rows: unpickling them is in its CPU),
`store` (a batch written), `link` (one window linked), `final` (linking what is left once every batch is stored),
and `batch` when it runs the per-report stages itself (one worker). bench/bench_scale.py --timeline reads it.
Each line is one write to a file opened for appending, so lines of several processes never interleave.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

ENV = "TRUCELINE_TIMELINE"


def enabled() -> bool:
    return bool(os.environ.get(ENV))


@contextmanager
def span(role: str, phase: str, detail: str = "") -> Iterator[None]:
    """Log the block as one span of this process (nothing at all when the timeline is off)."""
    path = os.environ.get(ENV)
    if not path:
        yield
        return
    t0, c0 = time.monotonic(), time.process_time()
    try:
        yield
    finally:
        record(path, role, phase, t0, c0, detail)


def since(role: str, phase: str, t0: float, c0: float, detail: str = "") -> None:
    """Log a span that began at monotonic `t0`, process CPU `c0` and ends now."""
    path = os.environ.get(ENV)
    if path:
        record(path, role, phase, t0, c0, detail)


def record(path: str, role: str, phase: str, t0: float, c0: float, detail: str = "") -> None:
    line = f"{role}\t{os.getpid()}\t{phase}\t{t0:.4f}\t{time.monotonic():.4f}\t{c0:.4f}\t{time.process_time():.4f}\t{detail}\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Span:
    role: str
    pid: int
    phase: str
    start: float
    end: float
    cpu_start: float
    cpu_end: float
    detail: str

    @property
    def cpu(self) -> float:
        return self.cpu_end - self.cpu_start


def read(path: str | os.PathLike[str]) -> list[Span]:
    """The spans a run logged, by start time (a line cut short by a kill is left out)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 8:
                continue
            role, pid, phase, t0, t1, c0, c1, detail = parts
            out.append(Span(role, int(pid), phase, float(t0), float(t1), float(c0), float(c1), detail))
    return sorted(out, key=lambda s: s.start)
