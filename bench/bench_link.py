"""Linking time per report as the corpus grows: `python bench/bench_link.py --sizes 1000 10000 100000`.

For each size N it writes N generated reports into a fresh SQLite file the way the pipeline stores them (article,
actor and place mentions, one strike with its death toll per report), without running the per-report stages (they
are what bench_pipeline.py measures), links the first N - 1000 of them with the same `link` call a user's run makes
(`link(store, until=...)`: the preload is linking, in its batches of reports per transaction, nothing cheaper), then
times the linking of the last 1000 into the corpus already linked: the incremental cost of a report at that size,
which blocking must keep flat (what a run does once whatever its size, loading the models and storing the known
agreements, is done before the timer). It prints the wall time per report and the CPU time of the process per report
(on a shared machine the wall time also measures the other jobs; the CPU time is the work).

Sizes timed one after the other are timed minutes apart, under whatever else the machine runs then. To compare them
side by side, `--keep DIR` keeps each size's database linked up to its last 1000 reports (DIR/link-N.db), and
`--sizes N --timed-from DIR/link-N.db` times the linking of those 1000 on a copy of it: start one such process per
size at the same moment.

The reports are written from templates for the benchmark: 40 conflicts in as many countries (each conflict's towns
and forces resolved to its country, as the gazetteer and the actor dictionaries would), each with its own towns,
forces and commanders, about 200 reports a day in all (so 100,000 reports span about 16 months, as a year of
conflict news does); each report tells of a new happening of its conflict or of one of its recent ones (its strike
dated to the day the text's weekday names), and one in ten is a light rewrite of an earlier report (a wire copy).
Every report uses the same sentences around its names, so linking puts most of them in one busy story with a few
very large event clusters and canonical events: a harder case for flat time than real news, whose reports spread
over many stories.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from truceline.link import link
from truceline.link.score import Scorer
from truceline.link.text import stop_words
from truceline.model import (
    Actor,
    Analysis,
    Article,
    CleanedText,
    Event,
    Place,
    PubDate,
    Quantity,
    RawDocument,
    Trigger,
)
from truceline.store import Store

PER_DAY = 200
TIMED = 1000
SYLLABLES = ["ka", "ru", "mi", "sa", "to", "na", "bel", "dor", "an", "zi", "qar", "lu", "he", "vo", "ta", "ris"]
ACTS = ["shelled", "struck", "attacked", "raided", "bombed"]
# the country of each conflict (ISO-3 codes, as the gazetteer gives them): where its towns are and whose forces fight
COUNTRIES = (
    "SYR", "YEM", "LBY", "SDN", "SSD", "MLI", "BFA", "NER", "NGA", "CMR", "CAF", "COD", "SOM", "ETH", "MOZ", "AFG",
    "PAK", "IRQ", "UKR", "ARM", "AZE", "MMR", "PHL", "COL", "MEX", "HTI", "LBN", "ISR", "PSE", "TCD", "BDI", "KEN",
    "IND", "THA", "GEO", "MDA", "TUR", "IRN", "EGY", "DZA",
)  # fmt: skip


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def conflicts(rng: random.Random, n: int = 40) -> list[dict[str, object]]:
    out = []
    for i in range(n):
        out.append(
            {
                "country": COUNTRIES[i % len(COUNTRIES)],
                "region": _name(rng, 2),
                "towns": [_name(rng) for _ in range(12)],
                "forces": [_name(rng, 2) + " Front", _name(rng, 2) + " Army"],
                "leader": _name(rng, 2) + " " + _name(rng, 3),
                "happenings": [],
            }
        )
    return out


def generate(n: int, seed: int = 11) -> list[Analysis]:
    rng = random.Random(seed)
    wars = conflicts(rng)
    start = date(2021, 1, 1)
    out: list[Analysis] = []
    texts: list[tuple[str, str, date]] = []  # (body, country, day of the happening) of each report so far
    for i in range(n):
        day = start + timedelta(days=i // PER_DAY)
        if texts and rng.random() < 0.1:
            body, country, when = rng.choice(texts[-500:])
            body = body.replace(" said", " told reporters", 1)
        else:
            war = rng.choice(wars)
            happenings = war["happenings"]  # type: ignore[assignment]
            if not happenings or rng.random() < 0.3 or (day - happenings[-1][0]).days > 2:  # type: ignore[index]
                happenings.append((day, rng.choice(war["towns"]), rng.randrange(2, 60), rng.choice(ACTS)))  # type: ignore[attr-defined,index]
            when, town, killed, act = rng.choice(happenings[-3:])  # type: ignore[index]
            force, other = rng.sample(war["forces"], 2)  # type: ignore[arg-type]
            body = (
                f"The {force} {act} {town} in {war['region']} province on {when:%A}, killing {killed} people, "
                f"officials said.\nThe {other} accused its rivals of breaking the truce around {town}.\n"
                f"{war['leader']} said the attacks would not stop talks on the {war['region']} ceasefire.\n"
                f"Aid groups said {rng.randrange(100, 5000)} families had fled toward {rng.choice(war['towns'])}."  # type: ignore[arg-type]
            )
            body = body.replace("\n", f" Report {i}.\n", 1)
            country = str(war["country"])
        texts.append((body, country, when))
        out.append(_analysis(f"b{i:07d}", body, day, country, when))
    return out


def _analysis(aid: str, body: str, day: date, country: str, when: date) -> Analysis:
    """A report as the per-report stages store it: its town and force resolved to its conflict's country, its
    strike dated to the day its weekday names (the happening's, not the report's)."""
    pub = PubDate(day.isoformat(), day, day, "day", (f"dateline: generated {day.isoformat()}",))
    art = Article(aid, f"{aid}.txt", body.split("\n", 1)[0][:60], None, None, pub, CleanedText(None, body))
    words = body.split()
    town = words[3]
    t_start = body.index(town)
    place = Place(t_start, t_start + len(town), town, name=town, country=country, precision=1, feature="city")
    actor = Actor(4, 4 + len(words[1]), words[1], name=words[1], country=country, sector="REB")
    k_at = body.find("killing")
    killed = Quantity(k_at, k_at + 15, body[k_at : k_at + 15], "killed", int(body[k_at:].split()[1]))
    sentence_end = body.index("\n")
    event = Event(
        aid, 0, "ASSAULT", None, 0, sentence_end, body[:sentence_end], Trigger(0, 5, words[2], words[2]),
        actor=actor, place=place, date=when.isoformat(), date_precision="day", killed=killed,
    )  # fmt: skip
    return Analysis(art, actors=[actor], places=[place], quantities=[killed], events=[event])


def run(size: int, keep: Path | None = None, timed_from: Path | None = None) -> dict[str, float]:
    """Build a corpus of `size` reports, link all but its last 1000, time the linking of those. With `keep`, the
    database linked up to its last 1000 is also copied there (before the timed linking), so later runs can time
    several sizes side by side from copies (`timed_from`, which skips the building)."""
    with tempfile.TemporaryDirectory(prefix="truceline-bench-link-") as tmp:
        db = Path(tmp) / "bench.db"
        if timed_from is not None:
            shutil.copyfile(timed_from, db)
            return _timed(db, size, 0.0, 0, 0.0)
        analyses = generate(size)
        with Store.open(db) as store:
            t0 = time.perf_counter()
            store.add_documents([RawDocument(a.article.id, "text", a.article.body, a.article.origin) for a in analyses])
            for a in analyses:
                store.save_analysis(a)
            stored = time.perf_counter() - t0
            head = analyses[-TIMED].article.published.earliest if size > TIMED else None
            del analyses[:]  # the store holds them now
            t1 = time.perf_counter()
            first = link(store, until=(head - timedelta(days=1)).isoformat()) if head else None
            build = time.perf_counter() - t1
            if first is None:  # the known agreements stored: what a run does once, whatever its size
                link(store, until="0001-01-01")
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(db, keep / f"link-{size}.db")
        return _timed(db, size, stored, first.linked if first else 0, build)


def _timed(db: Path, size: int, stored: float, linked_first: int, build: float) -> dict[str, float]:
    with Store.open(db) as store:
        # what a run does once, whatever its size, is not a report's cost: the models and the stop words loaded
        Scorer.packaged()
        stop_words()
        t2, c2 = time.perf_counter(), time.process_time()
        last = link(store)
        timed, cpu = time.perf_counter() - t2, time.process_time() - c2
    return {
        "size": size,
        "stored_s": stored,
        "linked_before": linked_first,
        "before_ms_per_report": 1000 * build / max(linked_first, 1),
        "timed_reports": last.linked,
        "ms_per_report": 1000 * timed / max(last.linked, 1),
        "cpu_ms_per_report": 1000 * cpu / max(last.linked, 1),
        "compared_per_report": last.compared / max(last.linked, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--keep", type=Path, help="also keep each size's database, linked up to its last 1000, here")
    parser.add_argument(
        "--timed-from", type=Path, help="time the last 1000 of this kept database (one size) instead of building it"
    )
    args = parser.parse_args()
    if args.timed_from is not None and len(args.sizes) != 1:
        parser.error("--timed-from takes the one size the kept database holds")
    rows = []
    for size in args.sizes:
        row = run(size, args.keep, args.timed_from)
        rows.append(row)
        print(
            f"{size:>7} reports: last {row['timed_reports']} linked at {row['ms_per_report']:.1f} ms/report "
            f"(CPU {row['cpu_ms_per_report']:.1f} ms) "
            f"({row['compared_per_report']:.1f} candidates scored each); the {row['linked_before']} before at "
            f"{row['before_ms_per_report']:.1f} ms/report; storing took {row['stored_s']:.0f} s",
            flush=True,
        )
    base = rows[0]["ms_per_report"]
    for row in rows[1:]:
        cpu = row["cpu_ms_per_report"] / rows[0]["cpu_ms_per_report"]
        print(f"ratio {row['size']} / {rows[0]['size']}: {row['ms_per_report'] / base:.2f}x (CPU {cpu:.2f}x)")


if __name__ == "__main__":
    main()
