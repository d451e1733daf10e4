"""Throughput and memory of `truceline process` on one worker, two workers and a two-worker Dask LocalCluster.

    .venv/bin/python bench/bench_scale.py [--reports 2000] [--seed 7] [--workers 2] [--timeline DIR] [--quick]

Generates reports with bench/bench_pipeline.py's generator, ingests them once, then times the real command on a
copy of that database for each mode, in the same run:
  * `process --workers 1`   (one process, no pool; linking in the same process, window by window)
  * `process --workers N`   (a pool of N worker processes, the caller the one writer; linking in the caller, window
                             by window as the reports are stored, while the workers go on: `link_window`, 512)
  * `process --workers 1 --no-link` and `process --workers N --no-link` (the per-report stages alone: what a
    cluster run does, and the part the workers share)
  * `process --cluster ADDR --output DIR` on a LocalCluster of N worker processes (one thread each, with
    truceline.scale.cluster.WORKER_CONFIG unless --dask-defaults: then marked *) started beforehand (its start-up
    is not timed; each worker loads the pipeline on its first batch, which is): the per-report stages only, then
    `load DIR` timed apart (the rows into the store, then linking); so the like-for-like comparison with the pool
    is "cluster run + load", and the cluster run alone compares with the pool's per-report stages only;
printing articles per second (start-up included: models load in every run), the ratios against the one-worker
run, and the peak resident memory of the whole process tree (the command and every process under it; for the
cluster, the client plus the cluster's scheduler, nannies and workers), sampled every 0.1 s. Resident sizes add up
pages forked workers still share, so the tree's sum overstates what the machine gives: the peak proportional set
size (PSS: a page shared by k processes counts 1/k in each) is printed above each line, sampled each second. Finally it checks that the
three modes stored the same rows, stories and canonical events.

With --timeline DIR, the two `process` runs (1 and N workers) log their timelines (truceline.scale.timeline) into
DIR, and each is summed up under its line: the idle core-seconds by phase of the run (start-up until every worker
is on its first batch, the steady part, the workers' last batches ending apart, the tail after the last batch),
from the run's CPU sampled every 0.1 s (on a shared machine what other programs take counts as idle there), then
the CPU seconds of each kind of span (loading, batches, waiting for rows, storing, linking windows, the final
link) and what the writer did alone after the last batch. --quick runs those two modes only.
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import make_report  # the generator the pipeline benchmark uses

from truceline.scale import timeline

TRUCELINE = str(Path(sys.executable).with_name("truceline"))
CLUSTER = """
import sys
from truceline.scale.cluster import local_cluster
with local_cluster(int(sys.argv[1]), memory_limit="2GiB", dask_defaults=sys.argv[2] == "yes") as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
"""


def _tree(pids: list[int]) -> list[psutil.Process]:
    """The processes rooted at `pids` (each with its children), those that still exist."""
    procs: list[psutil.Process] = []
    for pid in pids:
        try:
            root = psutil.Process(pid)
            procs += [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
    return procs


def tree_rss(pids: list[int]) -> int:
    total = 0
    for p in _tree(pids):
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def tree_pss(pids: list[int]) -> int:
    """Proportional set size of the trees (bytes): a page shared by k processes counts 1/k in each, so the sum is
    what the processes hold together (Linux; 0 elsewhere)."""
    total = 0
    for p in _tree(pids):
        try:
            with open(f"/proc/{p.pid}/smaps_rollup", encoding="ascii") as fh:
                total += next((int(line.split()[1]) * 1024 for line in fh if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return total


def tree_cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) used so far by the live processes of these trees."""
    total = 0.0
    for p in _tree(pids):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            continue
    return total


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(args: list[str], also: list[int], trace: Path | None = None) -> tuple[float, float, float]:
    """Run `truceline ARGS`; return its seconds, the peak RSS (MB) of its tree plus the trees of `also`, and the CPU
    seconds all of them used meanwhile (the command's waited-for processes, and what `also` used in the run).
    With `trace` (a file), the run logs its timeline there (truceline.scale.timeline) and a summary is printed."""
    peak = 0
    cpu0 = children_cpu() + tree_cpu(also)
    env = dict(os.environ)
    if trace is not None:
        trace.unlink(missing_ok=True)
        env[timeline.ENV] = str(trace)
    samples: list[tuple[float, float]] = []  # (monotonic time, CPU seconds of the command's processes so far)
    t0 = time.perf_counter()
    start = time.monotonic()
    proc = subprocess.Popen([TRUCELINE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    done = threading.Event()

    pss = 0

    def sample() -> None:
        nonlocal peak, pss
        seen: dict[int, float] = {}  # every process's CPU as last seen (a worker that exited keeps its last figure)
        tick = 0
        while not done.is_set():
            peak = max(peak, tree_rss([proc.pid, *also]))
            if tick % 10 == 0:  # the kernel walks every page to sum them: once a second
                pss = max(pss, tree_pss([proc.pid, *also]))
            tick += 1
            if trace is not None:
                seen.update(tree_cpu_by_pid(proc.pid))
                samples.append((time.monotonic(), sum(seen.values())))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    end = time.monotonic()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"truceline {' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    cpu = children_cpu() + tree_cpu(also) - cpu0
    if pss:
        print(
            f"    peak PSS {pss / 2**20:.0f} MB (sampled each second; pages shared by forked processes split among them)"
        )
    if trace is not None:
        summarise(timeline.read(trace), start, end, [(start, 0.0), *samples, (end, cpu)])
    return seconds, peak / 2**20, cpu


def tree_cpu_by_pid(pid: int) -> dict[int, float]:
    out: dict[int, float] = {}
    for p in _tree([pid]):
        try:
            t = p.cpu_times()
            out[p.pid] = t.user + t.system
        except psutil.NoSuchProcess:
            continue
    return out


def cpu_at(curve: list[tuple[float, float]], t: float) -> float:
    """The run's CPU seconds at time `t`, read off the sampled curve (linear between samples)."""
    i = bisect.bisect_right([x for x, _ in curve], t)
    if i == 0:
        return curve[0][1]
    if i >= len(curve):
        return curve[-1][1]
    (ta, ca), (tb, cb) = curve[i - 1], curve[i]
    return ca if tb <= ta else ca + (cb - ca) * (t - ta) / (tb - ta)


def summarise(spans: list[timeline.Span], start: float, end: float, curve: list[tuple[float, float]]) -> None:
    """Idle core-seconds by phase of the run (cores x the phase's wall - the CPU the run's processes used in it;
    on a shared machine, what other programs took counts as idle here), then the CPU of each kind of span."""
    cores = psutil.cpu_count() or 1
    curve = sorted(curve)
    batches = [s for s in spans if s.phase == "batch"]
    if not batches:
        print("    timeline: no batch logged")
        return
    by_pid: dict[int, list[timeline.Span]] = {}
    for s in batches:
        by_pid.setdefault(s.pid, []).append(s)
    first = max(min(s.start for s in b) for b in by_pid.values())  # every worker on its first batch
    first_done = min(max(s.end for s in b) for b in by_pid.values())  # a worker's last batch ends
    last = max(s.end for s in batches)
    # the tail's CPU: per process, for a fair picture of what runs alone after the last batch
    phases = [
        ("start-up (until every worker is on its first batch)", start, first),
        ("steady", first, first_done),
        ("workers ending (first to last worker's last batch)", first_done, last),
        ("tail (after the last batch: storing, linking, exit)", last, end),
    ]
    total_idle = 0.0
    print(
        f"    timeline, idle core-seconds by phase ({cores} cores; wall {end - start:.1f} s, CPU {curve[-1][1]:.1f} s):"
    )
    for name, a, b in phases:
        if b < a:
            b = a
        cpu = cpu_at(curve, b) - cpu_at(curve, a)
        idle = max(0.0, cores * (b - a) - cpu)
        total_idle += idle
        print(f"      {name:55s} wall {b - a:6.1f} s  CPU {cpu:6.1f} s  idle {idle:5.1f} core-s")
    print(f"      {'all':55s} wall {end - start:6.1f} s  CPU {curve[-1][1]:6.1f} s  idle {total_idle:5.1f} core-s")
    kinds: dict[tuple[str, str], list[timeline.Span]] = {}
    for s in spans:
        kinds.setdefault((s.role, s.phase), []).append(s)
    parts = []
    for (role, phase), group in sorted(kinds.items()):
        parts.append(f"{role} {phase} {sum(s.cpu for s in group):.1f}")
    print("      CPU seconds by span: " + ", ".join(parts))
    alone = [s for s in spans if s.role == "writer" and s.phase in ("link", "final", "store", "wait") and s.end > last]
    print(
        f"      after the last batch: the writer spent {sum(s.cpu for s in alone):.1f} CPU s in "
        + ", ".join(f"{s.phase} {s.detail} {s.cpu:.1f}".replace("  ", " ") for s in alone if s.cpu >= 0.05)
    )


def copy_db(base: Path, target: Path) -> str:
    shutil.copy(base, target)
    return str(target)


def content(db: str) -> dict[str, list[tuple[object, ...]]]:
    from truceline.store import Store

    with Store.open(db) as store:
        return store.content()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2, help="workers of the pool and of the LocalCluster")
    ap.add_argument(
        "--dask-defaults",
        action="store_true",
        help="run the LocalCluster with Dask's default worker settings instead of truceline.scale.cluster.WORKER_CONFIG",
    )
    ap.add_argument(
        "--timeline",
        type=Path,
        metavar="DIR",
        help="log each `process` run's timeline (truceline.scale.timeline) into DIR (process-1.tsv, process-N.tsv) "
        "and print its idle core-seconds by phase and CPU seconds by kind of span",
    )
    ap.add_argument(
        "--quick",
        action="store_true",
        help="only `process` with 1 worker and with N (no --no-link runs, no cluster): for iterating",
    )
    args = ap.parse_args()

    rng = random.Random(args.seed)
    texts = [make_report(rng, i) for i in range(args.reports)]
    words = sum(len(t.split()) for t in texts)
    tmp = Path(tempfile.mkdtemp(prefix="truceline-bench-scale-"))
    corpus = tmp / "reports"
    corpus.mkdir()
    for i, text in enumerate(texts):
        (corpus / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
    base = tmp / "base.db"
    subprocess.run([TRUCELINE, "ingest", str(corpus), "--db", str(base)], check=True, capture_output=True)
    print(
        f"{args.reports} generated reports, {words} words ({words / args.reports:.0f} per report); "
        f"{psutil.cpu_count()} cores, load average {psutil.getloadavg()[0]:.1f} at start"
    )

    n = args.workers
    one_db = copy_db(base, tmp / "one.db")
    if args.timeline:
        args.timeline.mkdir(parents=True, exist_ok=True)
    one_s, one_mb, one_cpu = measured(
        ["process", "--db", one_db, "--workers", "1"], [], args.timeline and args.timeline / "process-1.tsv"
    )
    one_rate = args.reports / one_s
    print(
        f"1 worker (one process):          {one_rate:7.1f} articles/s  ({one_s:6.1f} s)  peak RSS {one_mb:6.0f} MB"
        f"  CPU {one_cpu:6.1f} s"
    )

    pool_db = copy_db(base, tmp / "pool.db")
    pool_s, pool_mb, pool_cpu = measured(
        ["process", "--db", pool_db, "--workers", str(n)], [], args.timeline and args.timeline / f"process-{n}.tsv"
    )
    pool_rate = args.reports / pool_s
    print(
        f"{n} workers (process pool):       {pool_rate:7.1f} articles/s  ({pool_s:6.1f} s)  peak RSS {pool_mb:6.0f} MB"
        f"  CPU {pool_cpu:6.1f} s  ratio {pool_rate / one_rate:.2f}x one worker"
    )

    if args.quick:
        same = content(pool_db) == content(one_db)
        print(f"same rows, stories and canonical events with 1 and {n} workers: {'yes' if same else 'NO'}")
        print(f"CPU seconds against one worker: pool {pool_cpu / one_cpu:.2f}x")
        print(f"load average {psutil.getloadavg()[0]:.1f} at the end (a busy machine makes every figure noisy)")
        shutil.rmtree(tmp, ignore_errors=True)
        sys.exit(0 if same else 1)

    # the per-report stages alone (`--no-link`), what the cluster run does: the pool against one process, and the
    # like-for-like for the cluster
    stages: dict[int, tuple[float, float]] = {}
    for workers in (1, n):
        db = copy_db(base, tmp / f"stages{workers}.db")
        secs, mb, cpu = measured(["process", "--db", db, "--workers", str(workers), "--no-link"], [])
        stages[workers] = (secs, cpu)
        print(
            f"  per-report stages only, {workers} worker{'s' if workers > 1 else ' '}:"
            f" {args.reports / secs:7.1f} articles/s  ({secs:6.1f} s)  peak RSS {mb:6.0f} MB  CPU {cpu:6.1f} s"
            + (f"  ratio {stages[1][0] / secs:.2f}x one worker" if workers > 1 else "")
        )
    stage_rate = args.reports / stages[n][0]

    cluster = subprocess.Popen(
        [sys.executable, "-c", CLUSTER, str(n), "yes" if args.dask_defaults else "no"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert cluster.stdout is not None and cluster.stdin is not None
        address = cluster.stdout.readline().strip()
        cluster_db = copy_db(base, tmp / "cluster.db")
        out = tmp / "parquet"
        run = ["process", "--db", cluster_db, "--cluster", address, "--output", str(out)]
        cl_s, cl_mb, cl_cpu = measured(run, [cluster.pid])
        cl_rate = args.reports / cl_s
        load_s, load_mb, _ = measured(["load", str(out), "--db", cluster_db], [])
        print(
            f"LocalCluster, {n} workers{'*' if args.dask_defaults else ' '}:       {cl_rate:7.1f} articles/s  ({cl_s:6.1f} s)  peak RSS {cl_mb:6.0f} MB"
            f"  CPU {cl_cpu:6.1f} s  ratio {cl_rate / stage_rate:.2f}x the pool's per-report stages only"
        )
        both = args.reports / (cl_s + load_s)
        print(
            f"  then `truceline load`:          {load_s:6.1f} s  peak RSS {load_mb:6.0f} MB  "
            f"(cluster run + load: {both:.1f} articles/s, {both / pool_rate:.2f}x the pool)"
        )
    finally:
        if cluster.stdin:
            cluster.stdin.close()
        cluster.wait(timeout=120)

    reference = content(one_db)
    same = all(content(db) == reference for db in (pool_db, cluster_db))
    print(f"same rows, stories and canonical events in all three modes: {'yes' if same else 'NO'}")
    print(
        f"CPU seconds against one worker: pool {pool_cpu / one_cpu:.2f}x, cluster {cl_cpu / one_cpu:.2f}x (on an idle "
        f"machine the pool's speed-up is at most {n} x {one_cpu / pool_cpu:.2f} = {n * one_cpu / pool_cpu:.2f}x)"
    )
    print(f"load average {psutil.getloadavg()[0]:.1f} at the end (a busy machine makes every figure noisy)")
    shutil.rmtree(tmp, ignore_errors=True)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
