"""Coverage-guided fuzzing of everything a user's bytes reach: the ingesters, the cleaner and the per-article stages.

    .venv/bin/pip install --require-hashes -r bench/fuzz-requirements.txt   # atheris, pinned (not in the lock)
    .venv/bin/python bench/fuzz_ingest.py -runs=10000 -timeout=20 [-max_len=4096] [CORPUS_DIR]

Each input is one byte choosing how it is fed (a .txt, .html or .jsonl file, plain or gzipped by the harness or raw
bytes under a .gz name, stdin plain or gzipped, or the text field of a JSON line), then the payload. Every report
read goes through the whole pipeline (cleaning, dates, actors, figures, places, spaCy on the sentences chosen,
events, confidence). What counts as a crash: any exception from ingest other than the documented ones (there are
none: a bad input is a Skip), a report the pipeline records as *failed* (a bug, where bad input must be a skip), or
an offset that does not index the text it names. A hang: libFuzzer's -timeout (seconds per input). The seeds are the
bundled sample reports and the ingest test fixtures, in every way of feeding them.

At the end (and every 1,000 inputs) it prints the inputs run, reports read, skips, reports processed, crashes and
the slowest input.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
import time
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["truceline"]):
    from truceline.errors import Skip
    from truceline.model import Analysis, RawDocument
    from truceline.pipeline import Pipeline
    from truceline.settings import Limits
    from truceline.stages.ingest import iter_documents

REPO = Path(__file__).resolve().parents[1]
KINDS = ("a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.html.gz", "a.jsonl.gz", "raw.txt.gz", "-", "-gz", "jsonl-text")
LIMITS = Limits(max_report_bytes=1_000_000, max_part_chars=2_000)  # small parts: the splitting is fuzzed too
PIPELINE = Pipeline(limits=LIMITS)
WORK = Path(tempfile.mkdtemp(prefix="truceline-fuzz-"))
STATS = {"inputs": 0, "reports": 0, "skips": 0, "processed": 0, "skipped in processing": 0}
SLOWEST = [0.0, ""]
SLOW_SECONDS = 5.0


def feed(kind: str, payload: bytes) -> list[RawDocument | Skip]:
    """The payload fed to ingest the way `kind` says."""
    if kind in ("-", "-gz"):
        data = gzip.compress(payload, mtime=0) if kind == "-gz" else payload
        return list(iter_documents(["-"], io.BytesIO(data), limits=LIMITS))
    if kind == "jsonl-text":
        kind, payload = "a.jsonl", json.dumps({"text": payload.decode("utf-8", "replace"), "id": 1}).encode()
    path = WORK / kind
    path.write_bytes(gzip.compress(payload, mtime=0) if kind.endswith(".gz") and kind != "raw.txt.gz" else payload)
    return list(iter_documents([str(path)], limits=LIMITS))


def check(an: Analysis) -> None:
    body = an.article.body
    for layer in (an.times, an.actors, an.places, an.quantities):
        for m in layer:
            if not (0 <= m.start <= m.end <= len(body)) or body[m.start : m.end] != m.text:
                raise AssertionError(f"mention {m.text!r} at {m.start}-{m.end} does not index the body")
    for ev in an.events:
        if body[ev.sentence_start : ev.sentence_end] != ev.sentence:
            raise AssertionError(f"event {ev.index}: its sentence does not index the body")
        if body[ev.trigger.start : ev.trigger.end] != ev.trigger.text:
            raise AssertionError(f"event {ev.index}: its trigger does not index the body")


def one_input(data: bytes) -> None:
    t0 = time.perf_counter()
    kind = KINDS[data[0] % len(KINDS)] if data else "a.txt"
    items = feed(kind, data[1:])
    for item in items:
        if isinstance(item, Skip):
            if not item.reason or not item.origin:
                raise AssertionError(f"a skip without its reason or origin: {item!r}")
            STATS["skips"] += 1
            continue
        if not isinstance(item, RawDocument) or not item.content.strip():
            raise AssertionError(f"ingest yielded {item!r}")
        STATS["reports"] += 1
    for out in PIPELINE.run([d for d in items if isinstance(d, RawDocument)]):
        if out.failure:
            raise AssertionError(f"processing failed (a bug, not bad input): {out.failure}")
        if out.analysis is not None:
            check(out.analysis)
            STATS["processed"] += 1
        else:
            STATS["skipped in processing"] += 1
    seconds = time.perf_counter() - t0
    if seconds > SLOWEST[0]:
        SLOWEST[:] = [seconds, f"{kind}, {len(data)} bytes"]
    if seconds > SLOW_SECONDS:  # kept to be replayed: a slow input is a hang in the making
        slow = WORK / "slow"
        slow.mkdir(exist_ok=True)
        (slow / f"{seconds:.1f}s-{STATS['inputs']}").write_bytes(data)
        print(f"\n[fuzz] slow input ({seconds:.1f} s) saved in {slow}", file=sys.stderr)
    STATS["inputs"] += 1
    if STATS["inputs"] % 1000 == 0 or STATS["inputs"] == RUNS:
        report()


def report() -> None:
    figures = ", ".join(f"{v:,} {k}" for k, v in STATS.items())
    # atheris stops at the first crash (an uncaught exception), so every input counted here ran clean
    print(f"\n[fuzz] {figures}; slowest input {SLOWEST[0]:.2f} s ({SLOWEST[1]})", file=sys.stderr)


def seeds() -> Path:
    """The sample reports and ingest fixtures in every way of feeding them, as the starting corpus."""
    corpus = WORK / "seeds"
    corpus.mkdir(exist_ok=True)
    files = sorted((REPO / "truceline/data/sample/reports").glob("*.txt"))[:6]
    files += sorted((REPO / "tests/fixtures/ingest").iterdir())
    for n, path in enumerate(files):
        data = path.read_bytes()[:4000]
        for k in range(len(KINDS)):
            (corpus / f"{n:02d}-{k}").write_bytes(bytes([k]) + data)
    return corpus


def main() -> None:
    # spaCy, the gazetteer and the dictionaries load once, before the first input is timed
    list(PIPELINE.run([RawDocument("warm-up", "text", "Warm up.\n\nTurkish forces shelled Idlib on Monday.", "s")]))
    has_corpus = any(not a.startswith("-") for a in sys.argv[1:])
    atheris.Setup(sys.argv if has_corpus else [*sys.argv, str(seeds())], one_input)
    atheris.Fuzz()  # returns only by exiting: at the first crash, or after -runs inputs


RUNS = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("-runs=")), 0)

if __name__ == "__main__":
    main()
