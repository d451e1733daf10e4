"""Reading a date out of a metadata string, a URL or a dateline."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-]([01]?\d)[/_.-]([0-3]?\d)(?=[/_.-]|$|\D)")
_URL_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)([01]\d)([0-3]\d)(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/")


def _safe(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_metadata_date(text: str) -> date | None:
    """ISO 8601, RFC 2822 or a written date with a year ("June 13, 2019"); None when none is there."""
    text = text.strip()
    if not text:
        return None
    m = _ISO.search(text)
    if m:
        return _safe(*m.groups())
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    from truceline.timex.tagger import find_candidates

    for cand in find_candidates(text, None):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cand.value[:10]) and not cand.value.startswith("X"):
            return _safe(*cand.value[:10].split("-"))
    return None


def url_date(url: str) -> tuple[date, date, str] | None:
    """(earliest, latest, how) for a date in a URL path: /2019/06/13/, 20190613, or /2019/06/ for a month."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern, how in ((_URL_DAY, "day"), (_URL_COMPACT, "day")):
        for m in pattern.finditer(path):
            d = _safe(*m.groups())
            if d and 1990 <= d.year <= date.today().year:
                return d, d, how
    m2 = _URL_MONTH.search(path)
    if m2 and 1 <= int(m2.group(2)) <= 12:
        from truceline.timex.calendar import last_day

        y, mo = int(m2.group(1)), int(m2.group(2))
        return date(y, mo, 1), last_day(y, mo), "month"
    return None
