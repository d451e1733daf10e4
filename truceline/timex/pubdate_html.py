"""The date signals an HTML page states about itself, read from its parsed tree (offline, nothing fetched).

htmldate reads these too, but hands back one day; here each signal is kept with where it came from, so the date
cascade can weigh them against htmldate's pick: JSON-LD ``datePublished`` / ``dateCreated`` / ``dateModified``,
``<meta>`` tags naming a publication or modification time (``article:published_time``, ``og:``, Dublin Core,
``pubdate``...), ``itemprop`` attributes, and ``<time datetime>`` elements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lxml.html import HtmlElement

# What a signal says of its date: the day the page was first published, or a later change
PUBLISHED, MODIFIED, OTHER = "published", "modified", "other"

_ISO = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_COMPACT = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:\D|$)")

# <meta name|property|itemprop> values that name the first publication (lower-cased)
_META_PUBLISHED = {
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "published_time",
    "publishdate",
    "publish_date",
    "publish-date",
    "publication_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "datepublished",
    "datecreated",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "displaydate",
    "created",
}
_META_MODIFIED = {
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "article:modified",
    "lastmod",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
    "datemodified",
    "modified",
    "revised",
    "updated",
}


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str  # PUBLISHED, MODIFIED or OTHER
    day: date
    where: str  # e.g. "meta article:published_time"
    raw: str


def iso_day(value: str) -> date | None:
    """The calendar day an ISO-like timestamp names, as the page wrote it (its own local day, never shifted)."""
    value = value.strip()
    m = _ISO.search(value[:40]) or _COMPACT.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def signals(tree: HtmlElement) -> list[Signal]:
    """Every dated signal the page's markup carries, in document order (duplicates of one kind and day dropped)."""
    found: list[Signal] = []
    seen: set[tuple[str, date, str]] = set()
    for s in (*_json_ld(tree), *_meta(tree), *_itemprop(tree), *_time_elements(tree)):
        key = (s.kind, s.day, s.where)
        if key not in seen:
            seen.add(key)
            found.append(s)
    return found


def _json_ld(tree: HtmlElement) -> Iterator[Signal]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        yield from _walk_ld(data, 0)


def _walk_ld(data: object, depth: int) -> Iterator[Signal]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key in ("datePublished", "dateCreated", "dateModified", "uploadDate"):
                if (day := iso_day(value)) is not None:
                    kind = MODIFIED if key == "dateModified" else PUBLISHED
                    yield Signal(kind, day, f"JSON-LD {key}", value)
            elif isinstance(value, dict | list) and key not in ("comment", "review", "itemListElement"):
                yield from _walk_ld(value, depth + 1)


def _meta(tree: HtmlElement) -> Iterator[Signal]:
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content") or ""
        if not name or not content:
            continue
        if name in _META_PUBLISHED:
            kind = PUBLISHED
        elif name in _META_MODIFIED:
            kind = MODIFIED
        else:
            continue
        if (day := iso_day(content)) is not None:
            yield Signal(kind, day, f"meta {name}", content)


def _itemprop(tree: HtmlElement) -> Iterator[Signal]:
    for element in tree.xpath("//*[@itemprop][not(self::meta)]"):
        prop = (element.get("itemprop") or "").strip()
        if prop not in ("datePublished", "dateCreated", "dateModified"):
            continue
        value = element.get("datetime") or element.get("content") or ""
        if (day := iso_day(value)) is not None:
            yield Signal(MODIFIED if prop == "dateModified" else PUBLISHED, day, f"itemprop {prop}", value)


def _time_elements(tree: HtmlElement) -> Iterator[Signal]:
    for element in tree.iter("time"):
        value = element.get("datetime") or ""
        if (day := iso_day(value)) is None:
            continue
        marks = " ".join(
            (element.get("class") or "", element.get("itemprop") or "", element.get("pubdate") or "")
        ).lower()
        kind = MODIFIED if "modif" in marks or "updat" in marks else OTHER
        yield Signal(kind, day, "time datetime", value)


_STATED = re.compile(
    r"^\s*(?:19|20)\d\d-?[01]\d-?[0-3]\dT?\s*(\d\d):?(\d\d)(?::?\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?\s*$"
)


def in_utc(s: Signal) -> bool:
    """Whether a timestamp is written in UTC ("Z", "+00:00")."""
    m = _STATED.match(s.raw.replace(" ", "T", 1) if "T" not in s.raw else s.raw)
    return bool(m and m.group(3) and (m.group(3) == "Z" or m.group(3).replace(":", "")[1:] == "0000"))


def utc_day(s: Signal) -> date | None:
    """The UTC day of a timestamp that states a zone other than UTC ("2020-12-25T01:59:50+02:00" -> 2020-12-24);
    None when it states none, states UTC, or has no time of day."""
    m = _STATED.match(s.raw.replace(" ", "T", 1) if "T" not in s.raw else s.raw)
    if not m or m.group(3) is None or m.group(3) == "Z":
        return None
    zone = m.group(3).replace(":", "")
    offset = (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 60 + int(zone[3:5]))
    if offset == 0:
        return None
    minutes = int(m.group(1)) * 60 + int(m.group(2)) - offset
    return s.day + timedelta(days=minutes // (24 * 60))


def overrule(htmldate_day: date, found: list[Signal]) -> tuple[date, str] | None:
    """The page's local day of its publication, when htmldate gave the UTC day of that same instant.

    A page that states its publication time in its own zone ("2020-12-25T01:59:50+02:00") and elsewhere in UTC
    ("2020-12-24T23:59:50+00:00") was published on its local day; htmldate may take the UTC rendering. Only
    statements of first publication count, and only when htmldate's day is the UTC day of one of them and none of
    them names htmldate's day in a zone of its own (then the page itself gives that day locally)."""
    stated = [s for s in found if s.kind == PUBLISHED]
    if any(s.day == htmldate_day and not in_utc(s) for s in stated):
        return None
    local = {s.day for s in stated if utc_day(s) == htmldate_day}
    if len(local) != 1:
        return None
    first = next(s for s in stated if s.day in local)
    return first.day, f"{first.where} {first.raw!r}: the page's local day (htmldate gave the UTC day)"


# An element whose class or id names a date, a time, a publication or the article's meta line (byline, dateline)
_DATED_MARK = re.compile(r"date|datum|fecha|time|publish|posted|byline|meta", re.I)
# ... unless it or a container of it is a list of other articles, comments, or the site's header with today's date
_ELSEWHERE = re.compile(
    r"comment|related|teaser|sidebar|footer|widget|recent|popular|nav|menu|top.?date|top.?bar|today|breadcrumb",
    re.I,
)
_NOT_SHOWN = {"script", "style", "meta", "head", "title", "noscript", "link"}


@lru_cache(maxsize=1)
def _month_pattern() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    from importlib import resources

    import yaml

    from truceline.errors import ModelError

    try:
        text = resources.files("truceline.data").joinpath("timex/page_months.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        months = {str(name).lower(): int(month) for month, names in data.items() for name in names}
    except (FileNotFoundError, ValueError, TypeError, AttributeError, yaml.YAMLError) as exc:
        raise ModelError(f"truceline/data/timex/page_months.yaml is unreadable ({exc}); restore it from git") from exc
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day_month = re.compile(
        rf"(?<![\w.])(\d\d?)(?!\d)\s*\.?\s*(?:de\s+)?({names})\.?\s*(?:de\s+)?,?\s*((?:19|20)\d\d)(?!\d)", re.I
    )
    month_day = re.compile(rf"(?<![\w])({names})\.?\s*(\d\d?)(?!\d)(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)(?!\d)", re.I)
    return months, day_month, month_day


_YMD = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*[-/.年]\s*(\d\d?)\s*[-/.月]\s*(\d\d?)(?!\d)")
_DMY = re.compile(r"(?<![\d.])(\d\d?)\s*\.\s*(\d\d?)\s*\.\s*((?:19|20)\d\d)(?!\d)")


def shown_date(text: str) -> date | None:
    """The first full date in a short line of page text: year-month-day, day.month.year, or a month named in one of
    the languages of data/timex/page_months.yaml with its day and year. Slashed day/month orders other than
    year-first are ambiguous (05/02/2020) and not read."""
    months, day_month, month_day = _month_pattern()
    found: list[tuple[int, date]] = []
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy"), (day_month, "dMy"), (month_day, "Mdy")):
        m = pattern.search(text)
        if m is None:
            continue
        a, b, c = m.groups()
        try:
            if order == "ymd":
                d = date(int(a), int(b), int(c))
            elif order == "dmy":
                d = date(int(c), int(b), int(a))
            elif order == "dMy":
                d = date(int(c), months[b.lower()], int(a))
            else:
                d = date(int(c), months[a.lower()], int(b))
        except (ValueError, KeyError):
            continue
        found.append((m.start(), d))
    return min(found)[1] if found else None


def visible_date(tree: HtmlElement) -> tuple[date, str] | None:
    """The first date the page shows in an element marked as a date, time or meta line (in document order), outside
    lists of other articles, comments and the site's header: the date a reader sees under the title."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _DATED_MARK.search(marks) or _ELSEWHERE.search(marks):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        if not text or len(text) > 150:
            continue
        if (day := shown_date(text)) is None:
            continue
        if any(_ELSEWHERE.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors()):
            continue
        return day, f"shown on the page: <{element.tag} class={marks.strip()[:40]!r}> {text[:60]!r}"
    return None
