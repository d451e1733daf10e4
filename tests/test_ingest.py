"""Ingest: every kind of input, every kind of bad input (a Skip with a reason, never a traceback), stable ids."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from truceline.errors import InputError, Skip
from truceline.model import RawDocument
from truceline.stages.ingest import content_id, iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
REPORT = "Ceasefire talks resume in the valley\n\nNegotiators met again on Monday after a week of shelling.\n"


def docs(items: list[RawDocument | Skip]) -> list[RawDocument]:
    return [d for d in items if isinstance(d, RawDocument)]


def skips(items: list[RawDocument | Skip]) -> list[Skip]:
    return [d for d in items if isinstance(d, Skip)]


def run(*paths: str | Path, stdin: bytes | None = None) -> list[RawDocument | Skip]:
    return list(iter_documents([str(p) for p in paths], io.BytesIO(stdin) if stdin is not None else None))


def test_text_html_and_jsonl_fixtures_load_with_kinds() -> None:
    out = run(FIXTURES)
    assert not skips(out)
    by_name = {Path(d.origin.split(":")[0]).name: d for d in docs(out)}
    assert by_name["report.txt"].kind == "text"
    assert by_name["page.html"].kind == "html"
    jsonl = [d for d in docs(out) if ".jsonl" in d.origin]
    assert [d.title for d in jsonl] == ["Truce extended", None]
    assert jsonl[0].url == "https://example.org/truce" and jsonl[0].source == "Valley Herald"
    assert jsonl[0].origin.endswith("articles.jsonl:1 (id=vh-17)")
    assert jsonl[1].kind == "html"  # its text is markup


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "a/z.txt", "a/c/1.txt", "0.txt", ".hidden/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"Title {rel}\n\nBody of {rel}.\n")
    origins = [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs(run(tmp_path))]
    assert origins == ["0.txt", "a/c/1.txt", "a/z.txt", "b/2.txt"]


def test_symlinked_folders_are_followed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "r.txt").write_text(REPORT)
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "via-link").symlink_to(tmp_path / "other", target_is_directory=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "o.txt").write_text("Another report\n\nWith its own body.\n")
    out = run(tmp_path)
    assert [Path(d.origin).name for d in docs(out)] == ["o.txt", "r.txt"]
    assert sorted(Path(s.origin).name for s in skips(out)) == ["loop", "via-link"]
    assert all("already read" in s.reason for s in skips(out))


def test_ids_are_content_hashes_stable_across_paths_and_line_endings(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(REPORT)
    (tmp_path / "two.txt").write_bytes(REPORT.replace("\n", "\r\n").encode())
    with gzip.open(tmp_path / "three.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(REPORT)
    first = docs(run(tmp_path))
    again = docs(run(tmp_path))
    assert len(first) == 3
    assert len({d.id for d in first}) == 1
    assert [d.id for d in first] == [d.id for d in again]
    assert first[0].id == content_id(REPORT) and len(first[0].id) == 16
    assert content_id("another report entirely") != first[0].id


def test_jsonl_user_id_does_not_replace_the_content_hash(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x1", "text": REPORT}) + "\n")
    (tmp_path / "b.txt").write_text(REPORT)
    a, b = docs(run(tmp_path))
    assert a.id == b.id
    assert "(id=x1)" in a.origin


def test_gzip_of_each_kind(tmp_path: Path) -> None:
    for name, payload in [
        ("r.txt.gz", REPORT),
        ("p.html.gz", "<html><body><p>Shelling stopped at dawn.</p></body></html>"),
        ("d.jsonl.gz", json.dumps({"text": REPORT}) + "\n" + json.dumps({"text": "Second report body."}) + "\n"),
    ]:
        (tmp_path / name).write_bytes(gzip.compress(payload.encode()))
    out = run(tmp_path)
    assert not skips(out)
    assert sorted(d.kind for d in docs(out)) == ["html", "text", "text", "text"]


def test_truncated_and_fake_gzip_are_skipped_with_reason(tmp_path: Path) -> None:
    whole = gzip.compress((REPORT * 50).encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "fake.txt.gz").write_bytes(b"this was never compressed")
    out = run(tmp_path)
    assert not docs(out)
    assert len(skips(out)) == 2
    assert all("gzip" in s.reason for s in skips(out))


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Report number {i} about the truce."}) + "\n" for i in range(400))
    whole = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 3 // 4])
    out = run(tmp_path)
    assert len(docs(out)) > 10
    assert "gzip" in skips(out)[-1].reason


def test_empty_binary_and_whitespace_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "blob.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    out = run(tmp_path)
    assert not docs(out)
    reasons = {Path(s.origin).name: s.reason for s in skips(out)}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "binary" in reasons["blob.jsonl"]


def test_invalid_utf8_is_skipped_but_clean_cp1252_is_kept_and_noted(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Talks in Gen\u00e8ve \u2013 \u201cprogress\u201d reported.\n".encode("cp1252")
    )
    # 0x81 is undefined in cp1252 and invalid in UTF-8: no encoding we trust reads it.
    (tmp_path / "broken.txt").write_bytes(b"Talks resumed \x81\x8d\x90 in the north.\n")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + REPORT.encode())
    out = run(tmp_path)
    by_name = {Path(d.origin.split(" [")[0]).name: d for d in docs(out)}
    assert "Gen\u00e8ve" in by_name["latin.txt"].content
    assert "cp1252" in by_name["latin.txt"].origin
    assert by_name["bom.txt"].content == REPORT  # the byte-order mark is not text
    (skip,) = skips(out)
    assert Path(skip.origin).name == "broken.txt"
    assert "UTF-8" in skip.reason


def test_malformed_jsonl_lines_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": "First good report about the ceasefire."}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Second good report.", "published": 2019}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(rows) + "\n")
    out = run(tmp_path)
    good = docs(out)
    assert [d.content for d in good] == ["First good report about the ceasefire.", "Second good report."]
    assert good[1].published == "2019"
    assert [s.origin.rsplit(":", 1)[1] for s in skips(out)] == ["2", "3", "5", "6"]
    assert "malformed JSON" in skips(out)[0].reason
    assert '"text"' in skips(out)[1].reason


def test_unknown_extension_is_skipped_with_its_suffix(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes").write_text("no suffix")
    out = run(tmp_path)
    reasons = sorted(s.reason for s in skips(out))
    assert reasons[1].startswith("unsupported file type .pdf")
    assert reasons[0].startswith("unsupported file type (none)")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions are not enforced for root")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(REPORT)
    locked.chmod(0)
    try:
        out = run(locked)
    finally:
        locked.chmod(0o644)
    (skip,) = skips(out)
    assert "permission denied" in skip.reason


def test_permission_error_is_a_skip_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # root reads chmod-0 files, so the refusal is simulated where ingest opens files.
    from truceline.stages import ingest

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    for name in ("a.txt", "b.jsonl"):
        (tmp_path / name).write_text(REPORT)
    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    out = run(tmp_path)
    assert len(skips(out)) == 2 and all("permission denied" in s.reason for s in skips(out))


def test_missing_path_raises_input_error_before_reading_anything(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(REPORT)
    with pytest.raises(InputError, match="no such file"):
        iter_documents([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt")])


def test_stdin_sniffs_jsonl_html_and_text() -> None:
    jsonl = (json.dumps({"text": "One."}) + "\n\n" + json.dumps({"text": "Two."}) + "\n").encode()
    out = run("-", stdin=jsonl)
    assert [d.content for d in docs(out)] == ["One.", "Two."]
    assert docs(out)[1].origin == "<stdin>:3"
    (page,) = docs(run("-", stdin=b"  <!DOCTYPE html><html><body><p>Hi</p></body></html>"))
    assert page.kind == "html"
    (text,) = docs(run("-", stdin=REPORT.encode()))
    assert text.kind == "text" and text.origin == "<stdin>"
    (empty,) = skips(run("-", stdin=b""))
    assert empty.reason == "empty file"


def test_folder_is_streamed_not_read_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truceline.stages import ingest

    for i in range(200):
        (tmp_path / f"r{i:03d}.txt").write_text(f"Report {i}\n\nBody {i}.\n")
    reads: list[str] = []
    real_read = ingest._read_bytes

    def counting_read(path: str, gzipped: bool, limit: int) -> bytes:
        reads.append(path)
        return real_read(path, gzipped, limit)

    monkeypatch.setattr(ingest, "_read_bytes", counting_read)
    stream = iter_documents([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, RawDocument) and first.origin.endswith("r000.txt")
    assert len(reads) == 1
    assert sum(1 for _ in stream) == 199


@pytest.mark.slow
def test_folder_of_5000_files(tmp_path: Path) -> None:
    for i in range(5000):
        (tmp_path / f"r{i:05d}.txt").write_text(f"Report {i}\n\nBody {i}.\n")
    ids = {d.id for d in docs(run(tmp_path))}
    assert len(ids) == 5000


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.jsonl.gz", "-"]))
def test_arbitrary_bytes_never_raise(data: bytes, name: str) -> None:
    if name == "-":
        out = run("-", stdin=data)
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            out = run(path)
    for item in out:
        assert isinstance(item, RawDocument | Skip)
        if isinstance(item, RawDocument):
            assert item.content.strip() and len(item.id) == 16
        else:
            assert item.reason and item.origin
