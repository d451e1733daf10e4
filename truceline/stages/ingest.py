"""Stage 0, ingest: read files, folders, gzip and stdin into RawDocuments, or Skips that say why not.

Folders are walked lazily in sorted order (a folder of 5,000 files is never listed into memory twice nor read
ahead), JSONL is streamed line by line, and every bad input becomes a Skip with its origin so a batch goes on.
Only a path that does not exist at all raises InputError, before anything is yielded.

Ids are content hashes of the normalised text (NFC, whitespace runs collapsed), so the same report read twice,
from another path or with other line endings, gets the same id and re-ingesting it is a no-op for the store.

No input can make reading unbounded: a report larger than `Limits.max_report_bytes` (a file, after
decompression; one JSON line; what stdin holds) is a Skip that gives its size and the limit. Files are read, and
gzip is decompressed, at most one byte past the limit (a gzip bomb stops there), and JSON lines are read in chunks,
so one 50 MB line costs a chunk of memory, not the line, before it is skipped.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Literal

from truceline.errors import InputError, Skip
from truceline.model import RawDocument
from truceline.settings import Limits
from truceline.stages.ingest_streams import LongLine, Prefixed, Readable, bounded_lines, read1

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN_ORIGIN = "<stdin>"
_SNIFF_BYTES = 8192
_META_FIELDS = ("title", "url", "published", "source")
_HTML_START = ("<!doctype", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta", "<!--", "<section")


def iter_documents(
    paths: Sequence[str], stdin: IO[bytes] | None = None, *, limits: Limits | None = None
) -> Iterator[RawDocument | Skip]:
    """Yield every report under `paths` (files and folders, recursively; "-" = stdin) or a Skip with its reason.

    Raises InputError only when a named path does not exist at all (checked for every path before reading any).
    """
    for name in paths:
        if name != "-" and not os.path.lexists(name):
            raise InputError(f"{name}: no such file or folder; check the path (use '-' to read from stdin)")
    return _iter_all(paths, stdin, limits or Limits())


def _iter_all(paths: Sequence[str], stdin: IO[bytes] | None, limits: Limits) -> Iterator[RawDocument | Skip]:
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin, limits.max_report_bytes)
        elif os.path.isdir(name):
            for file in _walk(name):
                if isinstance(file, Skip):
                    yield file
                else:
                    yield from read_file(file, limits=limits)
        else:
            yield from read_file(name, limits=limits)


def too_large(limit: int, what: str = "report", size: int | None = None) -> str:
    """The reason given for a report over the size limit (the same at ingest and in processing); `size` when known
    (reading stops one byte past the limit, so a decompressed report's or stdin's full size is not)."""
    of = f" of {size:,} bytes" if size is not None else ""
    return (
        f"{what}{of} is larger than max_report_bytes ({limit:,} bytes); split it into smaller reports, "
        "or raise max_report_bytes in truceline.yaml"
    )


def _walk(folder: str, seen: set[str] | None = None) -> Iterator[str | Skip]:
    """Files under `folder`, depth first, sorted by name; hidden entries (".git", ".DS_Store") are not reports.

    Symlinked folders are followed once (a second way into a folder, or a link back up the tree, is a Skip, not
    a second read or an endless walk); a sub-folder that cannot be listed is a Skip, not silently passed over.
    """
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        yield Skip("folder already read through another path (a symbolic link points to it)", folder)
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        reason = "permission denied" if isinstance(err, PermissionError) else (err.strerror or str(err))
        yield Skip(f"cannot list the folder: {reason}", folder)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        else:
            yield entry.path


def file_kind(path: str) -> tuple[str | None, bool, str]:
    """(kind or None, gzipped?, the suffix that decided it) for a file name: "x.jsonl.gz" -> ("jsonl", True, ...)."""
    lower = path.lower()
    gzipped = lower.endswith(".gz")
    stem = lower[:-3] if gzipped else lower
    suffix = os.path.splitext(stem)[1]
    if not suffix:
        suffix = ".gz" if gzipped else "(none)"
    return TEXT_SUFFIXES.get(suffix), gzipped, suffix


def read_file(path: str, *, limits: Limits | None = None) -> Iterator[RawDocument | Skip]:
    """The reports in one file, or the Skip that explains why there are none."""
    limit = (limits or Limits()).max_report_bytes
    kind, gzipped, suffix = file_kind(path)
    if kind is None:
        yield Skip(f"unsupported file type {suffix} (expected .txt, .html, .htm, .jsonl, optionally .gz)", path)
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(path, gzipped, limit)
        return
    try:
        data = _read_bytes(path, gzipped, limit)
        text, note = decode_text(data)
    except Skip as skip:
        skip.origin = path
        yield skip
        return
    yield _document("html" if kind == "html" else "text", text, path + note)


def _read_bytes(path: str, gzipped: bool, limit: int) -> bytes:
    """The file's bytes (decompressed), reading at most one byte past `limit`: a Skip says when there are more."""
    try:
        with open(path, "rb") as handle:
            if not gzipped:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    raise Skip(too_large(limit, size=size), path)
                data = handle.read(limit + 1)
            else:
                try:
                    data = gzip.GzipFile(fileobj=handle, mode="rb").read(limit + 1)
                except (EOFError, OSError, zlib.error) as err:
                    raise Skip(f"truncated or corrupt gzip file ({err}); re-download or re-compress it", path) from None
                if len(data) > limit:
                    raise Skip(too_large(limit, "report (decompressed)"), path)
    except PermissionError:
        raise Skip("cannot read the file: permission denied", path) from None
    except OSError as err:
        raise Skip(f"cannot read the file: {err.strerror or err}", path) from None
    if len(data) > limit:  # the file grew while it was read
        raise Skip(too_large(limit), path)
    return data


def _read_stdin(stdin: IO[bytes] | None, limit: int) -> Iterator[RawDocument | Skip]:
    """JSON lines (one report each, streamed) or one report, sniffed from the first non-empty line; gzip accepted."""
    if stdin is None:
        yield Skip("'-' was given but no stdin is available", STDIN_ORIGIN)
        return
    magic = stdin.read(2)
    prefixed = Prefixed(magic, stdin)
    # gzip magic: `zcat` was not used, accept it anyway
    source: Readable = gzip.GzipFile(fileobj=prefixed, mode="rb") if magic == b"\x1f\x8b" else prefixed
    try:
        # At most one byte past the limit is read before deciding: one report larger than that is refused here,
        # however much more stdin holds (a gzip bomb included); JSON lines are streamed on from where this stops.
        data = source.read(limit + 1)
        lines = data.split(b"\n", 50)
        at = next((i for i, line in enumerate(lines[:50]) if line.strip()), None)
        first = lines[at] if at is not None else b""
        complete = at is not None and (at < len(lines) - 1 or len(data) <= limit)  # its end was read
        if _is_jsonl_line(first) if complete else first.lstrip().startswith(b"{"):
            stream = bounded_lines(read1(Prefixed(data, source)), limit)
            yield from _read_jsonl_lines(stream, STDIN_ORIGIN, limit)
            return
    except (EOFError, OSError, zlib.error) as err:
        yield Skip(f"truncated or corrupt gzip data on stdin ({err})", STDIN_ORIGIN)
        return
    if len(data) > limit:
        yield Skip(too_large(limit, "report on stdin"), STDIN_ORIGIN)
        return
    try:
        text, note = decode_text(data)
    except Skip as skip:
        skip.origin = STDIN_ORIGIN
        yield skip
        return
    yield _document("html" if looks_like_html(text) else "text", text, STDIN_ORIGIN + note)


def _is_jsonl_line(line: bytes) -> bool:
    stripped = line.strip()
    if not stripped.startswith(b"{"):
        return False
    try:
        obj = json.loads(stripped)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj


def _read_jsonl_file(path: str, gzipped: bool, limit: int) -> Iterator[RawDocument | Skip]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below, after the error handling)
    except OSError as err:
        reason = "permission denied" if isinstance(err, PermissionError) else (err.strerror or str(err))
        yield Skip(f"cannot read the file: {reason}", path)
        return
    with handle:
        stream: Readable = gzip.GzipFile(fileobj=handle, mode="rb") if gzipped else handle
        try:
            yield from _read_jsonl_lines(bounded_lines(read1(stream), limit), path, limit)
        except PermissionError:
            yield Skip("cannot read the file: permission denied", path)
        except (EOFError, OSError, zlib.error) as err:
            # Lines read before the damage have been yielded; say where it stopped.
            yield Skip(f"truncated or corrupt gzip file ({err}); the lines before the damage were read", path)


def _read_jsonl_lines(lines: Iterable[bytes | LongLine], path: str, limit: int) -> Iterator[RawDocument | Skip]:
    """One report per JSON line; each bad line is skipped with its line number, the good ones still load."""
    seen_content = False
    for number, raw_line in enumerate(lines, start=1):
        sniff = raw_line.head if isinstance(raw_line, LongLine) else raw_line[:_SNIFF_BYTES]
        if not sniff.strip():
            continue
        origin = f"{path}:{number}"
        if not seen_content and (b"\x00" in sniff or _control_ratio(sniff) > 0.05):
            yield Skip("binary file, not JSON lines", path)
            return
        seen_content = True
        if isinstance(raw_line, LongLine):
            yield Skip(f"line {number}: {too_large(limit, 'JSON line', raw_line.size)}", origin)
            continue
        try:
            obj = json.loads(raw_line.decode("utf-8-sig") if number == 1 else raw_line.decode("utf-8"))
        except UnicodeDecodeError:
            yield Skip(f"line {number}: not valid UTF-8; re-save the file as UTF-8", origin)
            continue
        except ValueError as err:
            yield Skip(f"line {number}: malformed JSON ({err})", origin)
            continue
        if not isinstance(obj, dict):
            yield Skip(f'line {number}: expected a JSON object with a "text" field', origin)
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Skip(f'line {number}: no "text" field (or it is empty)', origin)
            continue
        meta = {key: _meta_value(obj.get(key)) for key in _META_FIELDS}
        user_id = _meta_value(obj.get("id"))
        if user_id:
            origin = f"{origin} (id={user_id})"
        kind: Literal["text", "html"] = "html" if looks_like_html(text) else "text"
        yield RawDocument(
            id=content_id(text),
            kind=kind,
            content=text,
            origin=origin,
            title=meta["title"],
            url=meta["url"],
            published=meta["published"],
            source=meta["source"],
        )
    if not seen_content:
        yield Skip("empty file", path)


def _meta_value(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    return None


def _document(kind: Literal["text", "html"], text: str, origin: str) -> RawDocument:
    return RawDocument(id=content_id(text), kind=kind, content=text, origin=origin)


def content_id(text: str) -> str:
    """First 16 hex digits of the sha256 of the normalised text: same report, same id, wherever it came from."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(_HTML_START) or (head.startswith("<") and "</" in text[:5000].lower())


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, note) from raw bytes; note is "" or says which fallback encoding was used. Raises Skip when the
    bytes are empty, binary, or not text in UTF-8, UTF-16 (with BOM) or a clean cp1252."""
    text, note = _decode(data)
    if not text.strip():  # a byte-order mark alone, or Unicode spaces only
        raise Skip("empty file")
    return text, note


def _decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise Skip("empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), " [decoded as UTF-16]"
        except UnicodeDecodeError:
            raise Skip("not valid UTF-16 text despite its byte-order mark; re-save the file as UTF-8") from None
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise Skip("binary file, not text")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as err:
        utf8_error = err
    mixed = _UTF8_SEQUENCE.search(data) is not None
    try:
        # Old Windows exports are common and decode cleanly; a file pasted together from both (a scraper's
        # concatenation) keeps its UTF-8 and reads only the bytes that are not UTF-8 as cp1252.
        text = data.decode("utf-8-sig", errors=_CP1252_FALLBACK) if mixed else data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_like_text(text):
        note = " [mixed encodings: UTF-8, and cp1252 where not UTF-8]" if mixed else " [decoded as cp1252, not UTF-8]"
        return text, note
    raise Skip(
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}); re-save the file as UTF-8"
    )


# A well-formed multi-byte UTF-8 sequence (a lead byte and its continuation bytes).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_FALLBACK = "truceline-cp1252-fallback"


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as cp1252 (raising, so the file is refused, where cp1252 has no character)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start : err.end].decode("cp1252"), err.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _control_ratio(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample))


def _looks_like_text(text: str) -> bool:
    """Mostly letters, digits, spaces and punctuation (a binary blob decoded as cp1252 is mostly symbols)."""
    sample = text[:_SNIFF_BYTES]
    plain = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or ch in ".,;:!?'\"()-")
    return plain / max(1, len(sample)) > 0.85
