"""Stage 2, dates: the publication date (with precision and evidence) and every time expression in the body."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from truceline.model import CleanedText, PubDate, RawDocument, TimeRef
from truceline.timex.pubdate import infer as _infer
from truceline.timex.pubdate import interval_precision, interval_value
from truceline.timex.tagger import tag as _tag


def infer_publication_date(raw: RawDocument, cleaned: CleanedText, *, story_hint: PubDate | None = None) -> PubDate:
    """Publication date from metadata, HTML, URL, datelines, captions, then reasoning over the text."""
    return _infer(raw, cleaned, story_hint=story_hint)


def tag_times(text: str, anchor: date | None) -> list[TimeRef]:
    """Every time expression in `text`, normalised TIMEX3-style and resolved against `anchor` when relative."""
    return _tag(text, anchor)


def tag_times_between(text: str, earliest: date, latest: date) -> list[TimeRef]:
    """Every time expression in `text` when the report is known only to lie between two days: a relative
    expression keeps its value when it resolves alike against both ends ("last September" in a report from March to
    September 2019 is September 2018, wherever in between it was written), and is left unresolved otherwise (an
    X value, as with no anchor). Resolution moves one way as the anchor moves, so agreeing ends mean agreement
    everywhere between them, and ends that disagree bound every reading between them: "on Saturday" ahead, in a
    report from January 12 to February 7, is a Saturday from January 18 to February 8, and its value says so as an
    ISO interval ("2020-01-18/2020-02-08", as a publication span is written) rather than naming one of them."""
    if earliest >= latest:
        return _tag(text, latest)
    early = {(r.start, r.end): r for r in _tag(text, earliest)}
    loose: dict[tuple[int, int], TimeRef] | None = None  # the unanchored reading, made only when an end disagrees
    out: list[TimeRef] = []
    for ref in _tag(text, latest):
        other = early.get((ref.start, ref.end))
        if other is not None and (other.value, other.earliest, other.latest) == (ref.value, ref.earliest, ref.latest):
            out.append(ref)
            continue
        if (spanned := _spanned(other, ref, earliest, latest)) is not None:
            out.append(spanned)
            continue
        if loose is None:
            loose = {(r.start, r.end): r for r in _tag(text, None)}
        if (key := (ref.start, ref.end)) in loose:
            out.append(loose[key])
    return out


def _spanned(early: TimeRef | None, late: TimeRef | None, first: date, last: date) -> TimeRef | None:
    """The reading of a date that moved between the two ends of a report's span (`first` to `last`): from the
    earliest day the first end gives to the latest the second gives (None when either end left it unresolved, or it
    is no date). A reading that says no more than the report's own date stays unresolved: one that only trails the
    span by up to a week ("on Monday", "earlier this week" move with the report and are no more than "by the time of
    the report"), whereas "June 13" or "on Saturday" ahead of it say more; so does one wider than the span by more
    than a week (its readings jumped a year rather than moved with the report). A bound
    ("since December") that names the same month from both ends is that month, running to the later end; one whose
    month moved is left unresolved (its start is the point, and no interval holds it)."""
    if early is None or late is None or late.type not in _DATED or early.type not in _DATED:
        return None
    if early.value.startswith("X") or late.value.startswith("X") or not early.value[:4].isdigit():
        return None
    if late.modifier in _BOUNDS or early.modifier in _BOUNDS:
        return late if early.value == late.value else None
    lo, hi = early.earliest, late.latest
    if lo is None or hi is None or hi < lo or hi - lo > last - first + _WEEK:
        return None  # wider than the span itself: the readings jumped a year, not moved with the report
    if first - _WEEK <= lo and hi <= last:
        return None
    value = interval_value(lo, hi)  # days: "the night of June 13" keeps its night in its text, not in a span
    return replace(late, type="DATE", value=value, earliest=lo, latest=hi, precision=interval_precision(lo, hi))


_BOUNDS = ("since", "until", "before", "after")
_DATED = ("DATE", "TIME")
_WEEK = timedelta(days=7)


FILED_WITHIN_DAYS = 3


def filing_day(body: str, times: list[TimeRef], published: PubDate) -> date | None:
    """The day a wire report's copy was filed, when its dateline names a day that is the publication day or up to
    FILED_WITHIN_DAYS days before it ("PORT SUDAN, Sept 1 (AP) -" on a page of September 2); else None. The copy's
    "yesterday", "overnight" and "on Monday" are told from that day, and an act it tells with no time was by then."""
    from truceline.geo.cues import DATELINE

    found = DATELINE.match(body)
    if found is None or not found.group("date") or published.latest is None or published.precision != "day":
        return None
    start, end = found.span("date")
    for time in times:
        if time.start < start or time.end > end or time.precision != "day" or time.earliest is None:
            continue
        if 0 < (published.latest - time.earliest).days <= FILED_WITHIN_DAYS:
            return time.earliest
    return None
