"""The cost of one report as its length grows, per kB, relative to a 10 kB report, in the same run.

    .venv/bin/python bench/bench_length.py [--sizes 1k,10k,100k,1M,10M] [--seed 7] [--stages]

Each report is a scraper's concatenation of reports generated from the templates of bench_pipeline.py (titles,
paragraphs, dates, actors, places, figures), cut to the size wanted at a line break. Each one goes through the real
path: written to a file, `api.ingest` into a fresh SQLite file, `api.process` (every stage, every write), one
process. Printed per size: seconds, seconds per kB, that cost relative to the 10 kB report's, the number of parts
the report was processed in (see `max_part_chars` in truceline/settings.py), events found and the peak resident
memory so far; with --stages, the share of each stage. The gazetteer, dictionaries and spaCy are loaded before
timing starts, so what is measured is the report's own cost; reports up to 100 kB are timed three times (--repeat)
and the fastest run kept, since a shared machine only ever adds time.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import StageClock, make_report

SIZES = {"k": 1_000, "M": 1_000_000}


def parse_size(text: str) -> int:
    text = text.strip()
    if text[-1] in SIZES:
        return int(float(text[:-1]) * SIZES[text[-1]])
    return int(text)


def long_report(rng: random.Random, size: int) -> str:
    """Generated reports one after another (as a scraper concatenates them) until `size` characters, cut at a line."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        part = make_report(rng, i)
        parts.append(part)
        total += len(part) + 1
        i += 1
    text = "\n".join(parts)[:size]
    cut = text.rfind("\n")
    return text[: cut if cut > size // 2 else size].rstrip() + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1k,10k,100k,1M,10M", help="comma-separated sizes (k = 1,000, M = 1,000,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stages", action="store_true", help="print the share of each stage for every size")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each report up to 100 kB (the fastest is kept)")
    args = ap.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    if 10_000 not in sizes:
        sizes.insert(0, 10_000)  # the reference

    from truceline import api, pipeline
    from truceline.nlp import load_nlp
    from truceline.pipeline import part_spans
    from truceline.settings import load_settings
    from truceline.stages import places
    from truceline.stages.actors import ActorDictionary
    from truceline.store import Store

    limits = load_settings().limits
    print(f"limits: {limits.describe()}")
    ActorDictionary.load()
    places.find_places("Warm-up near Idlib.")
    nlp = load_nlp()
    list(nlp.pipe(["Warm-up sentence for the model."]))
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="truceline-length-"))
    warm = tmp / "warm-up.txt"
    warm.write_text(long_report(random.Random(args.seed + 1), 5_000), encoding="utf-8")
    with Store.open(tmp / "warm-up.db") as store:  # every lazy load (rules, lexicons, models) happens here
        api.ingest(store, [str(warm)], limits=limits)
        api.process(store, limits=limits)

    clock = StageClock()
    for owner, attr, label in (
        (pipeline.clean, "clean", "clean"),
        (pipeline.dates, "infer_publication_date", "pubdate"),
        (pipeline, "split_sentences", "sentences"),
        (pipeline.dates, "tag_times", "times"),
        (pipeline.dates, "tag_times_between", "times"),
        (pipeline.quantities, "find_quantities", "quantities"),
        (pipeline.events, "select_sentences", "select"),
        (pipeline.places, "find_places", "places"),
        (pipeline.events, "extract_events", "events"),
        (pipeline.confidence, "annotate", "confidence"),
    ):
        clock.wrap(owner, attr, label)
    clock.wrap(ActorDictionary, "find", "actors")
    read_all = api.iter_documents
    api.iter_documents = lambda *a, **k: iter(list(read_all(*a, **k)))  # type: ignore[assignment]
    clock.wrap(api, "iter_documents", "ingest")  # reading, decoding and hashing, made eager so it can be timed
    clock.wrap(Store, "save_analysis", "store")

    class TimedNlp:
        """spaCy's share: the time spent producing each parsed sentence (the pipeline consumes them lazily)."""

        def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
            docs = nlp.pipe(texts, **kwargs)
            while True:
                t0 = time.perf_counter()
                doc = next(docs, None)
                clock.seconds["spacy"] += time.perf_counter() - t0
                if doc is None:
                    return
                yield doc

    timed_nlp = TimedNlp()
    pipeline.load_nlp = lambda: timed_nlp  # type: ignore[attr-defined]

    def measure(text: str, name: str) -> tuple[float, int, int, str, dict[str, float]]:
        path = tmp / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        clock.seconds.clear()
        t0 = time.perf_counter()
        with Store.open(tmp / f"{name}.db") as store:
            ingested = api.ingest(store, [str(path)], limits=limits)
            report = api.process(store, limits=limits)
            seconds = time.perf_counter() - t0
            stored = store.articles()
        parts = len(part_spans(str(stored[0]["body"]), limits.max_part_chars)) if stored else 0
        status = "ok" if report.processed else ("skipped" if (report.skipped or ingested.skipped) else "failed")
        shares = {k: v / seconds for k, v in clock.seconds.items()}
        return seconds, parts, report.events, status, shares

    rows: list[tuple[int, float, int, int, str, float, dict[str, float]]] = []
    for n, size in enumerate(sizes):
        text = long_report(rng, size)
        # small reports are timed args.repeat times and the fastest run kept: a shared machine only adds time
        runs = [measure(text, f"r{n}-{k}") for k in range(args.repeat if size <= 100_000 else 1)]
        seconds, parts, evs, status, shares = min(runs, key=lambda r: r[0])
        rows.append((len(text), seconds, parts, evs, status, peak_rss_mb(), shares))
        print(f"  {len(text):>10,} chars  {seconds:8.2f} s  {status}", file=sys.stderr)

    base = next(r for r in rows if r[0] >= 9_000)
    base_per_kb = base[1] / (base[0] / 1000)
    print(f"{'size':>12}  {'seconds':>8}  {'ms/kB':>7}  {'vs 10 kB':>8}  {'parts':>5}  {'events':>7}  peak RSS")
    for size, seconds, parts, evs, status, rss, shares in rows:
        per_kb = seconds / (size / 1000)
        note = "" if status == "ok" else f"  ({status})"
        print(
            f"{size:>12,}  {seconds:8.2f}  {per_kb * 1000:7.1f}  {per_kb / base_per_kb:7.2f}x  {parts:>5}  {evs:>7}"
            f"  {rss:5.0f} MB{note}"
        )
        if args.stages:
            top = sorted(shares.items(), key=lambda kv: -kv[1])
            print("              " + "  ".join(f"{k} {v * 100:.0f}%" for k, v in top if v >= 0.005))


if __name__ == "__main__":
    main()
