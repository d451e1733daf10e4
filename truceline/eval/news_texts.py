"""Real news reports with a known creation day, read from the gold sets' own layouts as plain text.

Used by `truceline eval pubdate-text DIR` to measure publication dates of news given as text alone. Each reader
returns the report as a user would paste it (title and body), with every line that states the creation day
withheld, and the gold day beside it:

| layout | files | text given | withheld | gold day |
|---|---|---|---|---|
| TimeML (TBAQ, SemEval-2015 track A) | `*.tml` | `<TITLE>` and `<TEXT>`, tags removed | `<DOCID>`, `<DCT>`, `<EXTRAINFO>` | the DCT's value |
| CAT XML (MEANTIME, SemEval-2015 track B) | `*.xml` with tokens | every sentence, detokenised, one a line | the date line under the title | the DCT's value, else that date line |
| ECB+ | `*ecbplus.xml` | every sentence, detokenised, one a line | the URL (sentence 0) and every date line of the header | the header's first full date that is not an update |

ECB+ has no creation time: its `ecbplus` pages keep the URL they were found at and the page's own date line
("May 03 , 2013", "Published on Friday , 27 September 2013", "Updated : July 7 , 2012 , 10 : 04 PM ET"). That
line is the publication date the page printed, so it is usable gold when it is a full date: a month named or an
ISO date, its day and its year. The first such line among the header (the sentences before the first long prose
sentence) is the gold day; a line saying "updated" or "modified" gives a later day and is only withheld, and
all-numeric dates such as "05 / 02 / 2013", which may be month-first or day-first, are gold only when one reading
is impossible ("27 / 09 / 2013"). Pages with no such line (the original `ecb` pages have none) are skipped with
that reason. A dateline inside the text ("Mumbai , Nov 11 -", "WASHINGTON - April 27 -") is part of the report
and stays, as it stays in TBAQ's wire copy.

The SemEval-2015 timeline corpora are 90 Wikinews articles that MEANTIME's 120 already hold (same article ids),
so they add no report of their own; their layouts are read all the same.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from truceline.errors import EvalError


@dataclass(frozen=True, slots=True)
class NewsReport:
    key: str  # the file name: the split key
    text: str
    gold: date
    story: str = ""  # ECB+: the topic (a story), which decides the part so that no story is seen in both


@dataclass(slots=True)
class NewsSet:
    layout: str
    reports: list[NewsReport] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def read_news(path: Path) -> NewsSet | None:
    """The reports of a folder in one of the news layouts above, or None when it holds none of them."""
    if not path.is_dir():
        return None
    tml = sorted(path.rglob("*.tml"))
    if tml:
        out = NewsSet("timeml")
        for f in tml:
            _add(out, f.name, _read_tml(f))
        return out
    xml = sorted(path.rglob("*.xml"))
    ecb = [f for f in xml if f.name.endswith("ecbplus.xml") or f.name.endswith("ecb.xml")]
    if ecb:
        out = NewsSet("ecbplus")
        for f in ecb:
            _add(out, f.name, _read_ecbplus(f), story=f.parent.name)
        return out
    cat = [f for f in xml if b"<token " in f.read_bytes()[:4000]]
    if cat:
        out = NewsSet("cat")
        seen: set[str] = set()
        for f in cat:
            if f.name in seen:  # MEANTIME holds each article in two annotation folders
                continue
            seen.add(f.name)
            _add(out, f.name, _read_cat(f))
        return out
    return None


def _add(out: NewsSet, key: str, read: tuple[str, date] | str, story: str = "") -> None:
    if isinstance(read, str):
        out.skipped[read] += 1
    else:
        out.reports.append(NewsReport(key, read[0], read[1], story))


# --- TimeML ---------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_VALUE = re.compile(r'value="([^"]*)"')


def _read_tml(path: Path) -> tuple[str, date] | str:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc}); pass a folder of TimeML .tml files") from exc
    dct = _DCT.search(raw)
    gold = _iso_day(m.group(1)) if dct and (m := _VALUE.search(dct.group())) else None
    if gold is None:
        return "no readable creation time"
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    parts = [html.unescape(_TAG.sub("", m.group(1))).strip() for m in (title, body) if m]
    text = "\n\n".join(p for p in parts if p)
    return (text, gold) if text else "no text"


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


# --- CAT XML (MEANTIME, ECB+) ---------------------------------------------------------------------------------

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"") | {"'s", "n't", "'re", "'ve", "'ll", "'d", "''", "'"}


def _cat_sentences(path: Path) -> tuple[list[str], object]:
    from xml.etree import ElementTree

    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise EvalError(f"{path}: not readable CAT XML ({exc})") from exc
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence") or 0), []).append(tok.text or "")
    return [_detokenise(sentences[k]) for k in sorted(sentences)], root


def _detokenise(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and not (w in _NO_SPACE_BEFORE or out[-1] in "([{$"):
            out += " "
        out += w
    return out


def _read_cat(path: Path) -> tuple[str, date] | str:
    sentences, root = _cat_sentences(path)
    gold = None
    for timex in root.iter("TIMEX3"):  # type: ignore[attr-defined]
        if timex.get("functionInDocument") == "CREATION_TIME":
            gold = _iso_day(timex.get("value") or "")
    date_lines = _date_lines(sentences, 3)
    if gold is None and date_lines:
        gold = date_lines[0][1]  # the date line the creation time is read from (three MEANTIME files lack one)
    if gold is None:
        return "no readable creation time"
    withheld = {i for i, _ in date_lines}
    return "\n".join(s for i, s in enumerate(sentences) if i not in withheld), gold


# --- ECB+ -------------------------------------------------------------------------------------------------------

_MONTH_NAMES = "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|oct october|nov november novemer|dec december"
_MONTHS = {m: i + 1 for i, names in enumerate(_MONTH_NAMES.split("|")) for m in names.split()}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WRITTEN = [
    re.compile(rf"(?i)\b{_MONTH}\s*{_DAY}\s*,?\s*{_YEAR}\b"),
    re.compile(rf"(?i)\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\s*-\s*(?P<month>[01]?\d)\s*-\s*(?P<day>[0-3]?\d)\b"),
]
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)\s*/\s*(?P<b>[0-3]?\d)\s*/\s*(?P<year>(?:19|20)?\d\d)\b")
_UPDATE = re.compile(r"(?i)\b(?:updated?|modified|edited)\b")
_PROSE_WORDS = 16  # a date line is shorter than this
_HEADER = 8  # date lines are looked for among the first sentences


def _full_date(sentence: str) -> date | None:
    """The full date a header line states (a month named, or unambiguous digits), else None."""
    for pattern in _WRITTEN:
        if m := pattern.search(sentence):
            month = m["month"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            return _safe(int(m["year"]), month_number, int(m["day"]))
    if m := _NUMERIC.search(sentence):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        year += 2000 if year < 100 else 0
        if a > 12 >= b:
            return _safe(year, b, a)
        if b > 12 >= a:
            return _safe(year, a, b)
        if a == b:
            return _safe(year, a, b)
    return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _date_lines(sentences: list[str], within: int) -> list[tuple[int, date]]:
    """The short lines among the first `within` sentences (after the first) that state a full date: the page's
    date, time and byline lines ("May 03 , 2013", "Published on Friday , 27 September 2013")."""
    return [
        (i, d)
        for i, s in enumerate(sentences[:within])
        if i > 0 and len(s.split()) < _PROSE_WORDS and (d := _full_date(s)) is not None
    ]


def _read_ecbplus(path: Path) -> tuple[str, date] | str:
    if not path.name.endswith("ecbplus.xml"):
        return "an ECB page: no URL, no date line"
    sentences, _ = _cat_sentences(path)
    gold = None
    withheld = {0}  # the URL the page was found at
    for i, d in _date_lines(sentences, _HEADER):
        withheld.add(i)
        if gold is None and not _UPDATE.search(sentences[i]):
            gold = d
    if gold is None:
        return "no full publication date in the header"
    return "\n".join(s for i, s in enumerate(sentences) if i not in withheld), gold
