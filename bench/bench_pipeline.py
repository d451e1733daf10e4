"""End-to-end throughput of Truceline against bare spaCy on the same generated reports, in the same run.

    .venv/bin/python bench/bench_pipeline.py [--reports 2000] [--seed 7] [--rounds 3]

Prints articles per second for:
  * bare spaCy: `nlp.pipe` over every report's full text (same model, one process), nothing stored;
  * Truceline: ingest into a fresh SQLite file + every stage + writes (one process);
and the ratio between them, the share of Truceline's time spent in each stage, and the peak resident memory after
each. The two take turns (`--rounds`, a share of the reports each turn) so that a slow spell of a shared machine
weighs on both. Each is warmed up first (spaCy on a sentence, Truceline on one report outside the measured set,
which reads its rules and models); those one-off load times are printed apart. The reports are generated from
templates written for this benchmark.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ACTORS = [
    ("Turkey", "Turkish"),
    ("Russia", "Russian"),
    ("Syria", "Syrian"),
    ("Iran", "Iranian"),
    ("France", "French"),
    ("Ukraine", "Ukrainian"),
]
PLACES = ["Idlib", "Saraqib", "Aleppo", "Hama", "Kafranbel", "Maarat al-Numan", "Ariha", "Jisr al-Shughur"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

EVENT_SENTENCES = [
    "{A} forces shelled villages near {P} on {W}, killing {n} civilians, according to a monitoring group.",
    "{D} officials accused {B} of violating the ceasefire around {P}.",
    "The {a} defence ministry said its aircraft struck {n} militant positions in {P} late on {W}.",
    "{A} and {B} agreed on {W} to extend the truce for another {n} days.",
    "{D} denied that its troops had fired on the observation post outside {P}.",
    "A spokesman for {A} warned that further attacks would be met with force.",
    "Delegations from {A} and {B} met in the capital on {W} to discuss the situation in {P}.",
    "At least {n} people were injured when rockets hit a market in {P} on {M} {d}.",
    "{A} urged {B} to rein in its allies and respect the agreement signed in {M}.",
]
BACKGROUND_SENTENCES = [
    "The region has been contested for years and its roads remain dangerous for aid convoys.",
    "Residents describe long queues for bread and fuel as winter approaches.",
    "Analysts say the local economy depends on cross-border trade that has slowed sharply.",
    "Schools in the district reopened last month after a long closure.",
    "The province is home to several million people, many of them displaced from elsewhere.",
    "Weather forecasts predict heavy rain across the north during the coming week.",
    "Local councils have struggled to pay salaries since the currency lost much of its value.",
    "Hospitals report shortages of medicine and staff.",
]


def make_report(rng: random.Random, i: int) -> str:
    a, b = rng.sample(ACTORS, 2)
    fill = {
        "A": a[0],
        "a": a[1],
        "B": b[0],
        "D": rng.choice([a, b])[0],
        "P": rng.choice(PLACES),
        "W": rng.choice(WEEKDAYS),
        "M": rng.choice(MONTHS),
        "d": rng.randint(1, 28),
        "n": rng.randint(2, 60),
    }
    title = f"Report {i}: tension rises around {fill['P']}"
    sentences = []
    for _ in range(rng.randint(10, 16)):
        pool = EVENT_SENTENCES if rng.random() < 0.35 else BACKGROUND_SENTENCES
        template = rng.choice(pool)
        fill["P"] = rng.choice(PLACES)
        fill["n"] = rng.randint(2, 60)
        sentences.append(template.format(**fill))
    paragraphs = [" ".join(sentences[k : k + 2]) for k in range(0, len(sentences), 2)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageClock:
    """Accumulates the time spent inside chosen functions by wrapping them where the pipeline looks them up."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, attr: str, label: str) -> None:
        fn: Callable[..., Any] = getattr(owner, attr)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - t0

        setattr(owner, attr, timed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--rounds", type=int, default=3, help="alternate bare spaCy and Truceline this many times, on a share each"
    )
    args = ap.parse_args()

    rng = random.Random(args.seed)
    texts = [make_report(rng, i) for i in range(args.reports)]
    words = sum(len(t.split()) for t in texts)
    tmp = Path(tempfile.mkdtemp(prefix="truceline-bench-"))
    rounds = max(1, min(args.rounds, len(texts)))
    shares = [texts[k::rounds] for k in range(rounds)]
    folders = []
    for k, share in enumerate(shares):
        folder = tmp / f"reports-{k}"
        folder.mkdir()
        for i, text in enumerate(share):
            (folder / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
        folders.append(folder)
    print(f"{args.reports} generated reports, {words} words ({words / args.reports:.0f} per report)")

    import spacy

    from truceline.nlp import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)  # the bare model: none of Truceline's parse repairs (truceline/repairs.py)
    nlp.pipe(["Warm-up sentence for the model."])  # loading is not what we measure
    list(nlp.pipe(["Warm-up sentence for the model."]))
    # spaCy's first turn runs before Truceline loads anything, so its peak memory is its own
    t0 = time.perf_counter()
    for _ in nlp.pipe(shares[0], batch_size=64):
        pass
    spacy_s = time.perf_counter() - t0
    spacy_rss = peak_rss_mb()

    from truceline import api, pipeline
    from truceline.stages.actors import ActorDictionary
    from truceline.store import Store

    ActorDictionary.load()  # dictionaries and gazetteer are loaded once per run; their load time is reported apart
    t_load = time.perf_counter()
    from truceline.stages import places

    places.find_places("Warm-up near Idlib.")
    load_s = time.perf_counter() - t_load
    # The rules, word lists and models each stage reads on first use (YAML files, compiled patterns, the event
    # classifier) are loaded once per process too: one report outside the measured set loads them, as the warm-up
    # sentence above does for spaCy, and its time is reported apart.
    from truceline.model import RawDocument

    warm = RawDocument(id="warm-up", kind="text", content=make_report(random.Random(-1), 0), origin="warm-up")
    t_first = time.perf_counter()
    list(pipeline.Pipeline().run([warm]))
    first_s = time.perf_counter() - t_first

    clock = StageClock()
    clock.wrap(pipeline.dates, "infer_publication_date", "dates")
    clock.wrap(pipeline.dates, "tag_times", "dates")
    clock.wrap(pipeline.dates, "tag_times_between", "dates")
    clock.wrap(pipeline.places, "find_places", "places")
    clock.wrap(pipeline.events, "extract_events", "events")
    clock.wrap(pipeline.quantities, "find_quantities", "quantities")
    clock.wrap(pipeline.clean, "clean", "clean")
    clock.wrap(pipeline.confidence, "annotate", "confidence")
    # The two are timed in turns, a share of the reports each time, so a slower spell of a shared machine falls on
    # both rather than on whichever ran during it.
    ours_s = 0.0
    processed = found = 0
    failed: list[str] = []
    with Store.open(tmp / "bench.db") as store:
        for k, (share, folder) in enumerate(zip(shares, folders, strict=True)):
            if k:
                t0 = time.perf_counter()
                for _ in nlp.pipe(share, batch_size=64):
                    pass
                spacy_s += time.perf_counter() - t0
            t0 = time.perf_counter()
            api.ingest(store, [str(folder)])
            # one process: the stage clocks wrap functions in this one
            report = api.process(store, link_after=False, workers=1)
            ours_s += time.perf_counter() - t0
            processed += report.processed
            found += report.events
            failed += report.failed
        t_link = time.perf_counter()
        api.link(store)  # the cross-report stage, timed apart (what `truceline process` runs after the stages)
        link_s = time.perf_counter() - t_link
    spacy_rate = args.reports / spacy_s
    print(
        f"bare spaCy nlp.pipe (1 process):     {spacy_rate:8.1f} articles/s   ({spacy_s:.1f} s)  peak RSS {spacy_rss:.0f} MB"
    )
    ours_rate = processed / ours_s
    print(
        f"Truceline per-report stages (1 proc): {ours_rate:8.1f} articles/s   ({ours_s:.1f} s)  peak RSS "
        f"{peak_rss_mb():.0f} MB  [{processed} processed, {found} events, {len(failed)} failed]"
    )
    print(f"ratio Truceline / bare spaCy:         {ours_rate / spacy_rate:8.2f}x")
    whole = processed / (ours_s + link_s)
    print(f"then linking across reports:          {link_s:8.1f} s  (end to end {whole:.1f} articles/s, "
          f"{whole / spacy_rate:.2f}x bare spaCy)")  # fmt: skip
    print(f"gazetteer load (once per run):        {load_s:8.2f} s")
    print(f"rules and models read on first use:   {first_s:8.2f} s  (one warm-up report, once per process)")
    for label in ("clean", "dates", "places", "quantities", "events", "confidence"):
        share = clock.seconds[label] / ours_s * 100
        print(f"  share of Truceline time in {label:<10} {share:5.1f}%")
    if failed:
        print("failures:", *failed[:5], sep="\n  ", file=sys.stderr)


if __name__ == "__main__":
    main()
