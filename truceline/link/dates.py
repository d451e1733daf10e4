"""Stories feed dates back: a report that leaves its year open takes it from the dated reports of its own story
(its own event cluster's first, when it was placed there confidently and some are dated), never from the most common
year of a batch that mixes stories.

Once a report's story is chosen, and again once its cluster is, when its publication date is unknown or an
interval across years, and its cluster or story has dated reports, the publication date is inferred again with that
period as a hint (truceline/timex/pubdate.py reasons inside it when the text allows, within 45 days of it otherwise). A
narrower date is stored with ``story: ...`` first in its evidence, the report's time expressions are resolved
again against it, and its events re-dated: those dated by the publication take the new date, those dated by a
time expression its new value. Dated from its story before its cluster is chosen (when that gives its day or
week), a report is placed among the happenings of its own days (truceline.link.cluster.Linker.place).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from truceline.link.features import DATE_SPAN_MAX, Report
from truceline.model import PubDate
from truceline.serialize import time_json
from truceline.store.link import Group, LinkTables

BETWEEN_MAX_DAYS = 400  # as the pipeline: a report dated to a span up to this long resolves against both ends
ANCHOR_MAX_DAYS = 31
# before its cluster is chosen, an undated report takes a date from its story only when it is this narrow: its day
# or its week (a dateline's "Feb 3" in the story's year), never a span of weeks, which would stretch the days of
# the cluster it joins
PLACE_SPAN_MAX = 7
# Reports of one story come out together: of the few periods a report's text leaves inside its story's span ("Feb 3"
# of either of its years), the one within NEAR_DAYS of the story's other happenings (a cluster of it beginning then)
# is the report's, when only one is. Tried on ECB+ with each report's year withheld inside its topic's years (the
# other reports' true days as the story's): that one period was the true one 16 times of 17 on the tune part, 12 of
# 12 on the check part; within 30 days it chose less often and wrongly once on check.
NEAR_DAYS = 14


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


def _width(lo: date | None, hi: date | None) -> int:
    return (hi - lo).days if lo and hi else 10**6


def hint_for(cluster: Group | None, story: Group) -> tuple[PubDate, str, Group] | None:
    """The period a report of this cluster (given when it was placed there confidently) and story is from, where
    that comes from, and the group that gave it."""
    for group, what in ((cluster, "event cluster"), (story, "story")):
        if group is None or not group.date_lo or not group.date_hi:
            continue
        lo, hi = date.fromisoformat(group.date_lo), date.fromisoformat(group.date_hi)
        if what == "event cluster":
            lo, hi = lo - timedelta(days=14), hi + timedelta(days=14)
        why = f"story: the dated reports of its {what} ({group.id}) are from {group.date_lo} to {group.date_hi}"
        return PubDate(f"{lo.isoformat()}/{hi.isoformat()}", lo, hi, "unknown", (why,)), why, group
    return None


def feed_back(
    tables: LinkTables,
    rep: Report,
    article: dict[str, Any],
    cluster: Group | None,
    story: Group,
    confident: bool,
    *,
    narrow_only: bool = False,
    periods: list[tuple[date, date]] | None = None,
) -> bool:
    """Re-date a report that leaves its year open from its cluster (when `confident` it belongs there) or its
    story (see the module docstring); True when its date changed. With `narrow_only`, only a date of at most
    PLACE_SPAN_MAX days is stored: before its cluster is chosen, a report is dated from its story only when that
    gives its day or week, and otherwise waits for its cluster's hint. When the hint leaves several periods ("Feb 3"
    of each of the story's years) and nothing is stored, they are added to `periods`, for choosing its cluster."""
    lo, hi = _day(article.get("published_earliest")), _day(article.get("published_latest"))
    if _width(lo, hi) <= DATE_SPAN_MAX or (lo and hi and lo.year == hi.year):
        return False  # dated, or its year is known: the story has nothing to add
    found = hint_for(cluster if confident else None, story)
    raw = tables.document(rep.id)
    if found is None or raw is None:
        return False
    hint, why, source = found
    from truceline.stages import clean, dates

    cleaned = clean.clean(raw)
    new = dates.infer_publication_date(raw, cleaned, story_hint=hint)
    if source is story and len(new.periods) > 1:
        near = [p for p in new.periods if _happening_near(tables, story.id, p)]
        if len(near) == 1:
            first, last = near[0][0] - timedelta(days=NEAR_DAYS), near[0][1] + timedelta(days=NEAR_DAYS)
            why = (
                f"story: of the periods its text leaves, only {near[0][0].isoformat()} is within {NEAR_DAYS} days of"
                f" the happenings of its story ({story.id})"
            )
            hint = PubDate(f"{first.isoformat()}/{last.isoformat()}", first, last, "unknown", (why,))
            new = dates.infer_publication_date(raw, cleaned, story_hint=hint)
    if new.earliest is None or new.latest is None or _width(new.earliest, new.latest) >= _width(lo, hi):
        return False
    if narrow_only and _width(new.earliest, new.latest) > PLACE_SPAN_MAX:
        if periods is not None:
            periods.extend(new.periods)
        return False
    evidence = (why, *new.evidence)
    tables.redate(
        rep.id,
        {
            "published": new.value,
            "published_earliest": new.earliest.isoformat(),
            "published_latest": new.latest.isoformat(),
            "published_precision": new.precision,
            "published_evidence": list(evidence),
        },
        _times(rep.body, new),
        _events(tables, rep.id, new, rep.body),
    )
    return True


def _happening_near(tables: LinkTables, story_id: str, period: tuple[date, date]) -> bool:
    """Whether a cluster of the story began within NEAR_DAYS of `period`."""
    lo, hi = period[0] - timedelta(days=NEAR_DAYS + 1), period[1] + timedelta(days=NEAR_DAYS)
    return tables.clusters_between(story_id, lo.isoformat(), hi.isoformat(), "", cap=1) > 0


def _times(body: str, pub: PubDate) -> list[tuple[int, int, str, str, dict[str, Any]]]:
    from truceline.stages import dates

    assert pub.earliest is not None and pub.latest is not None
    span = (pub.latest - pub.earliest).days
    if 0 < span <= BETWEEN_MAX_DAYS:
        refs = dates.tag_times_between(body, pub.earliest, pub.latest)
    else:
        refs = dates.tag_times(body, pub.anchor if span <= ANCHOR_MAX_DAYS else None)
    return [(t.start, t.end, t.text, t.value, time_json(t)) for t in refs]


def _events(
    tables: LinkTables, article_id: str, pub: PubDate, body: str
) -> list[tuple[str, str | None, str | None, dict[str, Any]]]:
    """The events re-dated: by the new publication date, or by the new value of their own time expression."""
    times = {(t[2], t[0]): t for t in _times(body, pub)}
    out = []
    fallback = pub.anchor.isoformat() if pub.anchor else None
    for event in tables.article_events(article_id):
        data = dict(event)
        if data.get("date_from_publication"):
            data["date"] = pub.value
        elif data.get("date_text"):
            start, end = int(data.get("start_char") or 0), int(data.get("end_char") or 0)
            match = next((t for (text, s), t in times.items() if text == data["date_text"] and start <= s < end), None)
            if match is not None and not match[3].startswith("X"):
                data["date"] = match[3]
                if data.get("date_precision") in (None, "unknown"):
                    # the act's own time, left unresolved while the report's year was open: its precision is now
                    # the time's ("on Sunday" a day, "in January" a month)
                    data["date_precision"] = match[4].get("precision") or "unknown"
            elif match is not None:
                # unresolved against the new date, as the per-report stages would leave it: "on Saturday" read
                # against a year-wide date was a Saturday of that year, against a span of weeks it says no more
                # than the report's own days, so the act is dated by them, as a report processed with this date is
                data.update(date=pub.value, date_precision="reported by", date_from_publication=True)
        value = data.get("date")
        sort = value if isinstance(value, str) and value[:4].isdigit() else fallback
        out.append((str(data["id"]), value, sort, data))
    return out
