"""The publication date cascade: given metadata, HTML metadata, URL, dateline, then reasoning over the text.

The first source that names a day wins (each later one is only consulted when the earlier ones are silent);
reasoning over the text returns a day only when the report pins one, else the honest interval it allows.
"""

from __future__ import annotations

from datetime import date, timedelta

from truceline.model import CleanedText, Precision, PubDate, RawDocument
from truceline.timex.calendar import value_interval
from truceline.timex.intervals import Span, days, hull, intersect
from truceline.timex.parse import parse_metadata_date, url_date
from truceline.timex.pubdate_days import gives_day, share_text
from truceline.timex.pubdate_text import WEEKDAY_NAMES, Reasoning, reason_over_text

EARLIEST = date(1990, 1, 1)
PLAUSIBLE_FROM = date(1800, 1, 1)  # given metadata may name old reports, never ones before newspapers like these


def _day(d: date, why: str, before: tuple[str, ...] = ()) -> PubDate:
    return PubDate(d.isoformat(), d, d, "day", (why, *before))


def infer(raw: RawDocument, cleaned: CleanedText, *, story_hint: PubDate | None = None) -> PubDate:
    evidence: list[str] = []
    if raw.published:
        d = parse_metadata_date(raw.published)
        if d and PLAUSIBLE_FROM <= d <= date.today() + timedelta(days=1):
            return _day(d, f"metadata: published {raw.published!r}")
        why = (
            "is not a date we read (an ISO 8601 date of 1900-2099, RFC 2822, or a written date with its year)"
            if d is None
            else "is no plausible publication date (before 1800 or in the future)"
        )
        evidence.append(f"metadata date {raw.published!r} {why}; ignored")
    spans: list[Span] = [(EARLIEST, date.today())]
    year_only: date | None = None
    if cleaned.html_date:
        d = parse_metadata_date(cleaned.html_date)
        if d and (d.month, d.day) == (1, 1) and not cleaned.html_date_why:
            # htmldate falls back to 1 January when a page shows only a year (often a copyright line, which may be
            # later than the report): the last resort, after everything below
            year_only = d
            evidence.append(f"HTML metadata (htmldate) gives {cleaned.html_date}, 1 January: a year at most")
        elif d and cleaned.html_date_why:
            return _day(d, f"HTML metadata: {cleaned.html_date}, {cleaned.html_date_why}", tuple(evidence))
        elif d:
            return _day(d, f"HTML metadata (htmldate): {cleaned.html_date}", tuple(evidence))
        else:
            evidence.append(f"HTML date {cleaned.html_date!r} is not a date; ignored")
    if raw.url and (u := url_date(raw.url)):
        lo, hi, how = u
        if how == "day":
            return _day(lo, f"URL path: {raw.url}")
        spans = intersect(spans, [(lo, hi)]) or spans
        evidence.append(f"URL path names the month: {raw.url}")
    dateline = cleaned.dateline or _standfirst_dateline(cleaned)
    if dateline and (d := parse_metadata_date(dateline)):
        return _day(d, f"dateline: {dateline!r}", tuple(evidence))
    captions = [c.text for c in cleaned.captions]
    lines = [t for t in (cleaned.title, cleaned.standfirst, cleaned.body) if t]
    r = reason_over_text(lines, captions, spans, dateline)
    evidence.extend(r.evidence)
    found = _conclude(r, evidence, story_hint)
    lo, hi = hull(r.spans)
    if (
        days((lo, hi)) > 366
        and found.earliest is not None
        and found.latest is not None
        and found.earliest.year == found.latest.year
        and days((found.earliest, found.latest)) > 1
    ):
        # The story gave the year the text left open: reason again inside it, since what the text tells in the
        # past ("since the ceasefire took hold on March 6") bounds the day only once the year is known.
        r2 = reason_over_text(lines, captions, [(found.earliest, found.latest)], dateline)
        inside = _conclude(r2, [*found.evidence, *(e for e in r2.evidence if e not in found.evidence)], None)
        if inside.earliest and inside.latest and found.earliest <= inside.earliest <= inside.latest <= found.latest:
            found = inside
    if year_only and (found.earliest is None or found.latest is None or days((found.earliest, found.latest)) > 366):
        # Nothing finer than the page's year: reason again inside that year ("since mid-March" then narrows it)
        end = date(year_only.year, 12, 31)
        why = f"nothing finer: kept the HTML year {year_only.year}"
        r2 = reason_over_text(lines, captions, [(year_only, end)], dateline)
        inside = _conclude(r2, [*evidence, why, *r2.evidence], None)
        if inside.earliest and inside.latest and year_only <= inside.earliest <= inside.latest <= end:
            return inside
        return PubDate(str(year_only.year), year_only, end, "year", (*evidence, why))
    return found


def _standfirst_dateline(cleaned: CleanedText) -> str | None:
    """ "WASHINGTON, August 8 (Xinhua) --" on a line of its own above the text: the cleaner takes a lone first
    paragraph under the title for the standfirst, but it is the dateline."""
    from truceline.clean.captions import lead_dateline

    # the pattern wants the text after the dash; a line of its own ends there
    return lead_dateline(cleaned.standfirst.rstrip() + " ") if cleaned.standfirst else None


def _conclude(r: Reasoning, evidence: list[str], story_hint: PubDate | None) -> PubDate:
    spans = r.spans
    if (
        story_hint is not None
        and story_hint.earliest
        and story_hint.latest
        and (len(spans) > 1 or days(hull(spans)) > 366)
    ):
        spans = _apply_story_hint(spans, story_hint, evidence)
    lo, hi = hull(spans)
    if len(spans) > 1:
        # Nothing in the text chooses between them (the latest year a report mentions says nothing about how long
        # after it the report was written): the honest answer is the span that holds them all.
        listed = ", ".join(f"{a.isoformat()}..{b.isoformat()}" for a, b in spans[:8])
        more = f" and {len(spans) - 8} more" if len(spans) > 8 else ""
        evidence.append(
            f"several periods fit and the text does not choose: {listed}{more}; dated to the span holding them"
        )
    stated = _stated_lower_bound(r, (lo, hi))
    if lo < EARLIEST + timedelta(days=366) and (stated is None or stated[0] <= lo):
        # Within a year of EARLIEST, and no clue of the text puts the lower end there: it is EARLIEST's doing (a clue
        # that carves every year, "'Sept. 30' told in the past", keeps only its first sliver after it). The text's
        # own lower bound, when it tells only of older times ("joined Provigo in 1985", "Chancellor Helmut Kohl"
        # in office since 1982), is the honest lower end. Else the text bounds the report from below not at all:
        # EARLIEST is only where the reasoning starts counting years (a third of the TimeML news is 1989 copy), so
        # the interval opens at PLAUSIBLE_FROM, and it ends where a clue of the text itself ends it, else today
        # (the last of the slivers of every year, "payable Nov. 21" announced ahead, is the reasoning's, not the
        # text's). Such an interval says only "published before"; it is true, and nothing is dated by it (events
        # read an interval of more than three years as no date, linking as an undated report).
        if stated is not None:
            lo = stated[0]
            evidence.append(f"{stated[1]} (the lower end the text itself gives)")
        else:
            lo = PLAUSIBLE_FROM
            if not _states_upper_bound(r, hi):
                hi = max(hi, date.today())
            evidence.append(f"nothing in the text bounds it from below: published by {hi.isoformat()}")
        return PubDate(interval_value(lo, hi), lo, hi, interval_precision(lo, hi), tuple(evidence))
    if len(told := sorted({d for d in r.told_days if lo <= d <= hi})) == 1:
        return PubDate(told[0].isoformat(), told[0], told[0], "day", tuple(evidence))
    on_dateline = [d for d in r.dateline_days if lo <= d <= hi]
    if len(on_dateline) == 1:
        filed = on_dateline[0]
        evidence.append(f"the dateline's day falls in that period: published {filed.isoformat()}")
        return PubDate(filed.isoformat(), filed, filed, "day", tuple(evidence))
    if days((lo, hi)) <= 8 and (day := _news_day(r, lo, hi)) is not None:
        # A news report names the day it tells of by its weekday: the day it is published, or the day before.
        # Measured on the tune parts, neither is right often enough to give one of them (pubdate_days.CUE_DAY_SHARE).
        named = f"the report names {day.isoformat()} by its weekday ({WEEKDAY_NAMES[day.isoweekday()]}) and by date"
        if gives_day("weekday"):
            evidence.append(f"{named}: published that day ({share_text('weekday')})")
            return PubDate(day.isoformat(), day, day, "day", tuple(evidence))
        lo, hi = max(lo, day), min(hi, day + timedelta(days=1))
        evidence.append(f"{named}: published that day or the next ({share_text('weekday')})")
    periods = tuple((a, b) for a, b in spans if a <= hi and b >= lo)
    return PubDate(
        interval_value(lo, hi),
        lo,
        hi,
        interval_precision(lo, hi),
        tuple(evidence),
        periods=periods if len(periods) > 1 else (),
    )


def _stated_lower_bound(r: Reasoning, held: Span) -> tuple[date, str] | None:
    """The latest lower bound a clue of the text states by itself, with its reason: the first period the report's
    candidates meet of a clue of one period, open ("published in 1985 or later") or closed ("while Helmut Kohl was
    chancellor"), or of a few periods the text names ("President Bush": either presidency); an upper bound alone
    ("published before 2011-03-01") states none."""
    stated = [
        (met[0][0], why)
        for why, clue in r.stated
        if (met := [(a, b) for a, b in clue if a <= held[1] and b >= held[0]]) and met[0][0] > PLAUSIBLE_FROM
    ]
    return max(stated) if stated else None


def _states_upper_bound(r: Reasoning, hi: date) -> bool:
    """Some clue of the text ends the report's candidates by itself, as one period ("due March 1, 2011", a term
    of office) or a few it names (either of two presidencies), not as the last of a sliver in every year."""
    return any(clue[-1][1] <= hi for _, clue in r.stated)


def _apply_story_hint(spans: list[Span], hint: PubDate, evidence: list[str]) -> list[Span]:
    """Reports of one story come out together: inside the period the other reports are dated in when the text
    allows it, else within 45 days of it (a story running over New Year), else the hint is ignored."""
    if hint.earliest is None or hint.latest is None:
        return spans
    why = "; ".join(hint.evidence) or f"other reports of the same story are dated {hint.value}"
    # A day-dated hint is one other report: this one may have come out days later, so only a period is binding.
    inside = intersect(spans, [(hint.earliest, hint.latest)]) if days((hint.earliest, hint.latest)) >= 28 else []
    if inside:
        evidence.append(f"the report leaves its year open; the year comes from the same story ({why}): {hint.value}")
        return inside
    near = intersect(spans, [(hint.earliest - timedelta(days=45), hint.latest + timedelta(days=45))])
    if near:
        evidence.append(f"another report of the same story is dated {hint.value} ({why}): within 45 days of it")
        return near
    evidence.append(f"the story's date {hint.value} contradicts the report's own clues; ignored")
    return spans


def _news_day(r: Reasoning, lo: date, hi: date) -> date | None:
    candidates = sorted(d for d in r.news_days if lo <= d <= hi and d.isoweekday() in r.weekdays)
    return candidates[0] if candidates else None


def interval_precision(lo: date, hi: date) -> Precision:
    if lo == hi:
        return "day"
    if (hi - lo).days < 7:
        return "week"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return "month"
    if lo.year == hi.year:
        return "year"
    return "unknown" if (hi - lo).days > 3 * 366 else "year"


def interval_value(lo: date, hi: date) -> str:
    """A TIMEX3 value when the interval is exactly a calendar unit, else an ISO 8601 interval."""
    for value in (f"{lo.year:04d}-{lo.month:02d}", f"{lo.year:04d}"):
        if value_interval(value)[:2] == (lo, hi):
            return value
    iso_week = lo.isocalendar()
    week = f"{iso_week[0]}-W{iso_week[1]:02d}"
    if value_interval(week)[:2] == (lo, hi):
        return week
    return f"{lo.isoformat()}/{hi.isoformat()}"
