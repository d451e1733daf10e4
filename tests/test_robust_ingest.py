"""Ingest under hostile input: every report is read within bounded time and memory, or skipped with its reason.

The wall-clock guard (`deadline`) only turns a stall into a failure; it asserts nothing about speed.
"""

from __future__ import annotations

import gzip
import io
import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from truceline.cli import cli
from truceline.errors import Skip
from truceline.model import RawDocument
from truceline.settings import Limits
from truceline.stages.ingest import iter_documents

REPORT = "Ceasefire holds in the valley\n\nNegotiators met again on Monday after a week of shelling.\n"
SMALL = Limits(max_report_bytes=1_000_000)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a stall becomes a TimeoutError after a generous `seconds`."""

    def stalled(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result after {seconds} s: the input stalled the run")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read(*paths: Path | str, stdin: bytes | None = None, limits: Limits | None = None) -> list[RawDocument | Skip]:
    source = io.BytesIO(stdin) if stdin is not None else None
    with deadline(120):
        return list(iter_documents([str(p) for p in paths], source, limits=limits))


def docs(items: list[RawDocument | Skip]) -> list[RawDocument]:
    return [d for d in items if isinstance(d, RawDocument)]


def skips(items: list[RawDocument | Skip]) -> list[Skip]:
    return [d for d in items if isinstance(d, Skip)]


def gzip_bomb(expanded_mib: int) -> bytes:
    """A small gzip stream that expands to `expanded_mib` MiB of one repeated byte: one member of 64 MiB compressed
    once, repeated (a gzip stream may hold several members, read one after the other)."""
    member = gzip.compress(b"A" * (min(64, expanded_mib) << 20), compresslevel=9)
    return member * max(1, expanded_mib // 64)


@pytest.mark.slow
def test_a_50_mb_line_is_skipped_with_its_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(b"Shelling was reported near the town again " * 24_000)
    (tmp_path / "ok.txt").write_text(REPORT)
    out = read(tmp_path)
    assert [Path(d.origin).name for d in docs(out)] == ["ok.txt"]
    (skip,) = skips(out)
    assert Path(skip.origin).name == "one-line.txt"
    assert "50,400,000 bytes" in skip.reason and "max_report_bytes (20,000,000 bytes)" in skip.reason


def test_the_limit_is_a_setting_and_a_report_at_it_is_kept(tmp_path: Path) -> None:
    body = REPORT.encode()
    (tmp_path / "exact.txt").write_bytes(body)
    (tmp_path / "over.txt").write_bytes(body + b"x")
    out = read(tmp_path, limits=Limits(max_report_bytes=len(body)))
    assert [Path(d.origin).name for d in docs(out)] == ["exact.txt"]
    assert "over.txt" in skips(out)[0].origin and "larger than max_report_bytes" in skips(out)[0].reason


@pytest.mark.slow
def test_gzip_bombs_stop_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip_bomb(4096))  # 4 GiB from about 4 MB
    (tmp_path / "bomb.html.gz").write_bytes(gzip_bomb(256))
    assert (tmp_path / "bomb.txt.gz").stat().st_size < 8_000_000
    out = read(tmp_path, limits=SMALL)
    assert not docs(out)
    assert len(skips(out)) == 2
    assert all("(decompressed) is larger than max_report_bytes" in s.reason for s in skips(out))


@pytest.mark.slow
def test_a_gzip_bomb_in_a_jsonl_dump_costs_one_skipped_line(tmp_path: Path) -> None:
    good = json.dumps({"text": "The truce held overnight, monitors said."}).encode()
    path = tmp_path / "dump.jsonl.gz"
    last = good.replace(b"overnight", b"again")
    # a line of 128 MiB between two good ones
    path.write_bytes(gzip.compress(good + b"\n") + gzip_bomb(128) + gzip.compress(b"\n" + last + b"\n"))
    out = read(path, limits=SMALL)
    assert [d.content for d in docs(out)] == [
        "The truce held overnight, monitors said.",
        "The truce held again, monitors said.",
    ]
    (skip,) = skips(out)
    assert skip.origin.endswith(":2") and "JSON line of 134,217,728 bytes" in skip.reason


def test_a_gzip_bomb_on_stdin_stops_at_the_limit() -> None:
    (skip,) = read("-", stdin=gzip_bomb(1024), limits=SMALL)
    assert isinstance(skip, Skip) and "report on stdin is larger than max_report_bytes" in skip.reason


def test_stdin_is_sniffed_within_the_limit() -> None:
    huge_first = json.dumps({"text": "Talks. " * 300_000}).encode()
    rest = json.dumps({"text": "The truce held."}).encode()
    out = read("-", stdin=huge_first + b"\n" + rest + b"\n", limits=SMALL)
    assert [d.content for d in docs(out)] == ["The truce held."]
    assert skips(out)[0].origin == "<stdin>:1" and "JSON line of" in skips(out)[0].reason
    (text,) = docs(read("-", stdin=b"{not json, a report that starts with a brace", limits=SMALL))
    assert text.kind == "text"


def test_a_jsonl_dump_with_a_huge_line_loads_the_others(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "a", "text": "First report: talks resumed in the capital."}),
        json.dumps({"id": "b", "text": "Shelling resumed. " * 200_000}),  # 3.6 MB of text on one line
        json.dumps({"id": "c", "text": "Third report: the truce was extended."}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(rows) + "\n")
    out = read(path, limits=SMALL)
    assert [d.origin.rsplit("=", 1)[-1] for d in docs(out)] == ["a)", "c)"]
    (skip,) = skips(out)
    assert skip.origin == f"{path}:2" and "JSON line of 3,600,0" in skip.reason
    # the same dump on stdin, streamed the same way
    piped = read("-", stdin=path.read_bytes(), limits=SMALL)
    assert len(docs(piped)) == 2 and skips(piped)[0].origin == "<stdin>:2"


@pytest.mark.slow
def test_a_jsonl_dump_with_a_30_mb_line_under_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "scrape.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"text": "A short report on the ceasefire."}) + "\n")
        out.write(json.dumps({"text": "The army shelled the town. " * 1_120_000}) + "\n")
        out.write(json.dumps({"text": "Another short report on the truce."}) + "\n")
    out = read(path)
    assert len(docs(out)) == 2
    (skip,) = skips(out)
    assert "JSON line of 30,240,0" in skip.reason and skip.origin.endswith(":2")


def test_a_file_mixing_utf8_and_cp1252_keeps_both(tmp_path: Path) -> None:
    utf8 = "Talks in Gen\u00e8ve \u2013 \u201cprogress\u201d, said the envoy.\n".encode()
    cp1252 = "Later in Z\u00fcrich \u2013 \u201cno deal\u201d, said the minister.\n".encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(b"Two reports pasted together\n\n" + utf8 + cp1252)
    (doc,) = docs(read(tmp_path))
    assert "Gen\u00e8ve \u2013 \u201cprogress\u201d" in doc.content
    assert "Z\u00fcrich \u2013 \u201cno deal\u201d" in doc.content
    assert "mixed encodings" in doc.origin


def test_nul_bytes_early_are_binary_later_they_are_read(tmp_path: Path) -> None:
    (tmp_path / "early.txt").write_bytes(b"Report\x00\x00 with nul bytes at the start.\n")
    (tmp_path / "late.txt").write_bytes(REPORT.encode() * 200 + b"\x00\x00tail of the text.\n")
    out = read(tmp_path)
    assert "binary" in skips(out)[0].reason and skips(out)[0].origin.endswith("early.txt")
    (late,) = docs(out)
    assert late.content.endswith("\x00\x00tail of the text.\n")


def test_entity_expansion_and_deep_nesting_are_read_as_text(tmp_path: Path) -> None:
    """Ingest reads bytes and never parses markup: a "billion laughs" page is a few hundred bytes of text."""
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    page = f'<?xml version="1.0"?><!DOCTYPE h [<!ENTITY l0 "lol">{lol}]><html><body><p>&l9;</p></body></html>'
    (tmp_path / "laughs.html").write_text(page)
    (tmp_path / "nested.html").write_text("<html><body>" + "<div>" * 200_000 + "deep" + "</div>" * 200_000)
    out = read(tmp_path)
    assert sorted(len(d.content) for d in docs(out)) == [len(page), 12 + 11 * 200_000 + 4]


def test_the_cli_reports_oversized_input_as_a_skip_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "truceline.yaml").write_text("max_report_bytes: 1000\n")
    (tmp_path / "big.txt").write_text("The convoy moved north. " * 100)
    (tmp_path / "ok.txt").write_text(REPORT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_SETTINGS", raising=False)
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "big.txt", "ok.txt"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "big.txt: report of 2,400 bytes is larger than max_report_bytes (1,000 bytes)" in result.output
    assert "1 skipped" in result.output
    status = runner.invoke(cli, ["status"])
    assert "larger than max_report_bytes" in status.output
