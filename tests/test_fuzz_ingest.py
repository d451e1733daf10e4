"""Property tests (hypothesis) on the ingesters: whatever the bytes, and however they are fed (a file of each kind,
gzipped or not, a corrupt .gz, stdin, JSON lines), ingest yields reports or skips with a reason, never an exception,
keeps every good JSON line, reads valid text back unchanged and honours the size limit.

The coverage-guided fuzzer over the same entry points (and the whole pipeline) is bench/fuzz_ingest.py (atheris).
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.errors import Skip
from truceline.model import RawDocument
from truceline.settings import Limits
from truceline.stages.ingest import iter_documents

WAYS = ("a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.html.gz", "a.jsonl.gz", "raw.txt.gz", "-", "-gz")
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def feed(way: str, payload: bytes, limits: Limits | None = None) -> list[RawDocument | Skip]:
    if way in ("-", "-gz"):
        data = gzip.compress(payload) if way == "-gz" else payload
        return list(iter_documents(["-"], io.BytesIO(data), limits=limits))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / way
        path.write_bytes(gzip.compress(payload) if way.endswith(".gz") and way != "raw.txt.gz" else payload)
        return list(iter_documents([str(path)], limits=limits))


def well_formed(items: list[RawDocument | Skip]) -> None:
    for item in items:
        assert isinstance(item, RawDocument | Skip)
        if isinstance(item, RawDocument):
            assert item.content.strip() and len(item.id) == 16 and item.origin
        else:
            assert item.reason and item.origin and "\n" not in item.reason


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(WAYS))
def test_any_bytes_any_way_give_reports_or_skips(payload: bytes, way: str) -> None:
    well_formed(feed(way, payload))


@FUZZ
@given(st.text(max_size=2000).filter(lambda t: t.strip()), st.sampled_from(("a.txt", "a.txt.gz", "-", "-gz")))
def test_valid_text_is_read_back_unchanged(text: str, way: str) -> None:
    items = feed(way, text.encode("utf-8"))
    well_formed(items)
    for item in items:
        if isinstance(item, RawDocument) and ":" not in item.origin.replace("<stdin>", ""):
            assert item.content == text.removeprefix("\ufeff")


_LINE = st.one_of(
    st.builds(lambda t, i: json.dumps({"text": t, "id": i}), st.text(max_size=200), st.integers()),
    st.builds(json.dumps, st.dictionaries(st.text(max_size=5), st.text(max_size=20), max_size=3)),
    st.text(max_size=80).filter(lambda t: "\n" not in t and "\r" not in t),
)


@FUZZ
@given(st.lists(_LINE, max_size=15), st.sampled_from(("a.jsonl", "a.jsonl.gz", "-", "-gz")))
def test_every_json_line_is_a_report_or_a_numbered_skip(lines: list[str], way: str) -> None:
    items = feed(way, "\n".join(lines).encode("utf-8"))
    well_formed(items)
    if way.startswith("-") and not any(_is_report_line(line) for line in lines[:1] if line.strip()):
        return  # stdin is read as one plain report unless its first line is a JSON report
    wanted = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not wanted or "binary" in " ".join(s.reason for s in items if isinstance(s, Skip)):
        return
    numbers = sorted(int(item.origin.split(":")[-1].split(" ")[0]) for item in items if ":" in item.origin)
    assert numbers == wanted
    good = [json.loads(line)["text"] for line in lines if _is_report_line(line)]
    assert [d.content for d in items if isinstance(d, RawDocument)] == good


def _is_report_line(line: str) -> bool:
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text"), str) and bool(obj["text"].strip())


@FUZZ
@given(st.binary(min_size=1, max_size=3000), st.integers(1000, 3000), st.sampled_from(("a.txt", "a.txt.gz", "-gz")))
def test_nothing_larger_than_the_limit_is_read(payload: bytes, limit: int, way: str) -> None:
    items = feed(way, payload, Limits(max_report_bytes=limit))
    well_formed(items)
    if len(payload) > limit:
        assert not any(isinstance(d, RawDocument) for d in items)
        assert any("larger than max_report_bytes" in d.reason for d in items if isinstance(d, Skip))
