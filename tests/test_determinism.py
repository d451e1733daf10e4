"""The same input gives the same output whatever PYTHONHASHSEED is.

Python salts the hash of every str per process, so iterating a set of strings (or a dict built from one) runs in
a different order in each process. A tie broken by that order makes a place's country, an actor or an event flip
between runs; within one process everything looks stable, so the only honest check is two processes with
different seeds. The bundled corpus goes through the whole pipeline in each and every extraction is compared as
JSON: articles, events, actors, places, times and quantities.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "truceline" / "data" / "sample" / "reports"

# Run in a fresh interpreter: one JSON line per article with everything the per-article stages found.
_DUMP = """
import json, sys
from truceline.pipeline import analyse_paths
from truceline.serialize import article_json, event_json, place_json, quantity_json, time_json

for a in sorted(analyse_paths([sys.argv[1]]), key=lambda a: a.article.id):
    row = {
        "article": article_json(a.article),
        "events": [event_json(e, a.events) for e in a.events],
        "actors": [x.as_json() for x in a.actors],
        "places": [place_json(p) for p in a.places],
        "times": [time_json(t) for t in a.times],
        "quantities": [quantity_json(q) for q in a.quantities],
    }
    print(json.dumps(row, ensure_ascii=False, sort_keys=True))
"""

# Seeds 1 and 3 order the strings of the bundled corpus differently enough to have flipped an unknown
# village's country (a focus tie broken by set order) before that tie got a reasoned order.
SEEDS = ("1", "3")


def _start(seed: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-c", _DUMP, str(CORPUS)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rows(seed: str, process: subprocess.Popen[str]) -> list[dict[str, object]]:
    out, err = process.communicate(timeout=900)
    assert process.returncode == 0, f"the pipeline failed under PYTHONHASHSEED={seed}:\n{err[-2000:]}"
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _first_difference(a: object, b: object, path: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = _first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


@pytest.mark.slow
def test_the_bundled_corpus_gives_the_same_json_under_two_hash_seeds() -> None:
    running = [(seed, _start(seed)) for seed in SEEDS]  # both at once: half the wall time on two cores
    first, second = (_rows(seed, process) for seed, process in running)
    assert len(first) == len(second) > 0
    assert sum(len(row["events"]) for row in first) > 0  # type: ignore[arg-type]
    for one, other in zip(first, second, strict=True):
        where = one["article"]["id"]  # type: ignore[index]
        assert one == other, f"article {where} differs between seeds: {_first_difference(one, other)}"
