"""What linking knows about one report: its words, names, dates, outlet and the actors and places the per-report
stages found in it. Built from the stored article and its mentions; pure."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from truceline.link import relations, text

THEATRE_KEYS = True
DATE_SPAN_MAX = 40  # a report dated to a wider interval than this many days counts as undated for linking
# The kinds of publication-date evidence linking trusts to tell happenings apart by their days: what the page or
# the feed states. A date reasoned from the text ("the body recounts 'Dec. 7'") bounds the date but is not it.
STATED_DATE_EVIDENCE = ("dateline", "url", "metadata", "html metadata", "caption", "story:")


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    processed_at: str
    title: str | None
    body: str
    source: str | None
    date_lo: date | None
    date_hi: date | None
    terms: dict[str, float]  # sublinear term counts (text.terms_and_names), names and places folded in
    names: dict[str, float]
    lead: frozenset[str]
    published_precision: str = "unknown"
    latest: date | None = None  # the last day the report can be from, however loosely it is dated
    earliest: date | None = None  # ... and the first (its text's bounds when it states no date)
    # the periods its text leaves inside its story's span when it states no date and they are several (a dateline's
    # "Feb 3" of each of the story's years): it is from one of them, not from the days between
    periods: tuple[tuple[date, date], ...] = ()
    # what kinds of happening its headline and first paragraph tell as done around its own days (`lead_kinds`)
    kinds: frozenset[str] = frozenset()

    @property
    def bucket(self) -> int:
        """The report's month (months since year 0), -1 when undated: the unit of the story index."""
        return month_bucket(self.date_lo)


def month_bucket(day: date | None) -> int:
    return day.year * 12 + day.month - 1 if day else -1


def outlet(source: str | None, url: str | None) -> str | None:
    """Who published a report: its `source` metadata, else its URL's host without 'www.'."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None


def _day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def build_report(
    article: Mapping[str, Any], mentions: Sequence[Mapping[str, Any]] = (), events: Sequence[Mapping[str, Any]] = ()
) -> Report:
    """A Report from an article dict (Store.articles), its mentions (Store.mentions) and its event rows."""
    title = article.get("title")
    body = str(article.get("body") or "")
    terms, names, lead = text.terms_and_names(title, body)
    # The per-report stages know names the capital-letter rule misses (lower-case demonyms, aliases): a resolved
    # place adds its gazetteer name, an actor its country, so "Syria's army" and "Damascus" share something. They
    # are kept apart from words too, marked: "%name" a town or site (a place more precise than a province),
    # "^iso" the country a place is in, "&iso" the country of a town, site or province that is not a capital
    # (capitals often stand for governments: "Ankara said"), "@iso" an actor's country.
    extra: dict[str, float] = {}
    lead_end = _lead_end(body)
    lead_places: set[str] = set()
    for m in mentions:
        data = m.get("data") or {}
        keys: list[str] = []
        if m.get("layer") == "place" and data.get("name"):
            keys.append(str(data["name"]).lower())
            if int(data.get("precision") or 4) <= 2:
                keys.append("%" + str(data["name"]).lower())
                if int(m.get("start") or 0) < lead_end:
                    lead_places.add("%" + str(data["name"]).lower())
            if data.get("country"):
                keys.append("^" + str(data["country"]).lower())
                if (
                    THEATRE_KEYS
                    and data.get("feature") not in ("country", "capital")
                    and int(data.get("precision") or 4) <= 3
                ):
                    keys.append("&" + str(data["country"]).lower())  # where things happen, not who speaks
        elif m.get("layer") == "actor" and data.get("country"):
            keys.append("@" + str(data["country"]).lower())
        for key in keys:
            extra[key] = extra.get(key, 0.0) + 1.0
    lead = lead | frozenset(lead_places)
    for key, count in extra.items():
        weight = round(1.0 + math.log(count), 4)
        names[key] = max(names.get(key, 0.0), weight)
        terms[key] = max(terms.get(key, 0.0), weight)
    lo, hi = _day(article.get("published_earliest")), _day(article.get("published_latest"))
    if lo is None and hi is None:
        lo = hi = _day(article.get("published"))
    earliest, latest = lo, hi
    evidence = article.get("published_evidence") or []
    stated = bool(evidence) and str(evidence[0]).lower().startswith(STATED_DATE_EVIDENCE)
    if lo is None or hi is None or (hi - lo).days > DATE_SPAN_MAX or not stated:
        lo = hi = None
    return Report(
        id=str(article["id"]),
        processed_at=str(article.get("processed_at") or ""),
        title=title,
        body=body,
        source=outlet(article.get("source"), article.get("url")),
        date_lo=lo,
        date_hi=hi,
        terms=terms,
        names=names,
        lead=lead,
        published_precision=str(article.get("published_precision") or "unknown"),
        latest=latest,
        earliest=earliest,
        kinds=lead_kinds(title, body, events, earliest),
    )


# The kinds of happening a report's headline and first paragraph tell (`lead_kinds`): a truce made, in force or
# extended, an attack. Reports of one quiet story read alike whatever they tell (the truce signed, its first
# violations three days on, its extension a week later), and their days are close; what their leads tell is what
# sets them apart
LEAD_KIND_DAYS = 3  # an act told in the lead is the report's happening when dated this near its first day, or after
# a truce in force, told in the past ("took effect on Monday", "appeared to be holding") or, in a headline, in the
# present ("Truce takes hold", "ceasefire holding")
_TRUCE = r"\b(?:truce|ceasefire|cease-fire|pause|cessation of hostilities)s?\b"
_TOOK_HOLD = re.compile(
    r"\b(?:took|taken) (?:effect|hold)\b|\bcame into (?:force|effect)\b|\bwent into effect\b|"
    + _TRUCE
    + r".{0,60}?\b(?:(?:is|was|were|appeared to be|appears to be|seemed to be) holding|(?:has|had) held|held "
    r"(?:through|overnight|for))\b",
    re.I,
)
_TAKES_HOLD = re.compile(
    _TRUCE + r".{0,40}?\b(?:takes? (?:effect|hold)|comes? into (?:force|effect)|goes into effect|begins|starts|"
    r"holds|holding)\b",
    re.I,
)
# a truce extended, told in words no row of its own holds ("a truce that mediators said had been prolonged"), not
# one that may be ("can be extended")
_EXTENDED = re.compile(
    _TRUCE + r"[^.;]{0,60}?(?<!can be )(?<!could be )(?<!may be )(?<!might be )(?<!will be )(?<!would be )"
    r"(?<!to be )\b(?:extended|prolonged)\b|\b(?:extends?|extended|prolongs?|prolonged) (?:the |its |their |a )?"
    r"(?:\S+ ){0,3}?" + _TRUCE,
    re.I,
)
# an agreement row whose sentence names a truce, dated in its own words to the report's days: a truce made, though
# the row is not coded as one ("agreed to strictly observe the ceasefire", "approved a deal for a four-day pause")
_NAMES_TRUCE = re.compile(_TRUCE, re.I)


def lead_kinds(title: str | None, body: str, events: Sequence[Mapping[str, Any]], first: date | None) -> frozenset[str]:
    """The kinds of happening the report's headline and first paragraph tell as done (asserted or claimed, not
    denied, planned or negated) on its days or LEAD_KIND_DAYS before: "made" (a truce agreed or declared),
    "extended" (a truce extended), "attack" (an assault, a breach of a truce or an accusation of one), and "in
    force" (a truce taking effect, which is no row of its own). Background told in the lead ("a truce agreed last
    month") is not the report's happening, nor is an act without a day."""
    end = _first_paragraph_end(title, body)
    out: set[str] = set()
    for e in events:
        if int(e.get("start_char") or 0) >= end or e.get("stance") not in ("asserted", "claimed"):
            continue
        own_day = not e.get("date_from_publication")
        if own_day:
            day = _day(e.get("date"))  # a day, not a month or a week
            if day is None or (first is not None and (first - day).days > LEAD_KIND_DAYS):
                continue
        cease = e.get("ceasefire")
        if cease == "extended":
            out.add("extended")
        elif cease in ("agreed", "declared") or (
            own_day and e.get("type") == "AGREE" and _NAMES_TRUCE.search(str(e.get("sentence") or ""))
        ):
            out.add("made")
        elif e.get("type") == "ASSAULT" or (
            e.get("type") == "ACCUSE" and relations.VIOLATION.search(str(e.get("sentence") or ""))
        ):
            out.add("attack")  # an attack, or an accusation of breaching a truce ("trading accusations of breaches")
    headline, lead = title or body[: _lead_end(body, 1)], body[:end]
    if _told(_TOOK_HOLD, lead) or _TAKES_HOLD.search(headline):
        out.add("in force")
    if _told(_EXTENDED, lead) or _EXTENDED.search(headline):
        out.add("extended")
    return frozenset(out)


# a clause of time before what a lead tells: "hours before the truce took effect", "since the ceasefire came into
# force" tell when something else happened, not that the truce did
_WHEN_BEFORE = re.compile(r"\b(?:before|until|since|after|when|once)\s+(?:\S+\s+){0,4}$", re.I)


def _told(pattern: re.Pattern[str], lead: str) -> bool:
    """Whether the lead tells what `pattern` finds as its own news, not in a clause of time."""
    return any(not _WHEN_BEFORE.search(lead[max(0, m.start() - 60) : m.start()]) for m in pattern.finditer(lead))


def _first_paragraph_end(title: str | None, body: str) -> int:
    """Where the body's first paragraph ends, past the headline when the body repeats it."""
    first = _lead_end(body, 1)
    repeated = bool(title) and body[:first].strip() == str(title).strip()
    return _lead_end(body, 2) if repeated else first


def _lead_end(body: str, lines: int = text.LEAD_LINES) -> int:
    """Where the lead (the first `lines` non-blank lines) ends in the body."""
    seen = 0
    pos = 0
    for line in body.split("\n"):
        pos += len(line) + 1
        if line.strip():
            seen += 1
            if seen >= lines:
                return pos
    return len(body)


def gap_days(lo1: date | None, hi1: date | None, lo2: date | None, hi2: date | None) -> int | None:
    """Days between two date ranges (0 when they overlap); None when either is unknown."""
    if lo1 is None or hi1 is None or lo2 is None or hi2 is None:
        return None
    return max((lo1 - hi2).days, (lo2 - hi1).days, 0)
