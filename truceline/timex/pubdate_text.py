"""Dating a report from its own words when no metadata does: the reasoning half of the publication date.

Each clue the text gives becomes a set of candidate intervals (truceline.timex.reasoning); clues are applied most
trusted first and a clue that contradicts the trusted ones is skipped (and said so). Clues, in order:
  a dateline without its year ("ANKARA, June 13 (Reuters)": that day or the next, in some year); captions with a
  full date (photos are taken on or shortly before publication) or a month (a lower bound only: archive photos);
  the latest full date the body recounts (the report is not older than what it recounts); a month-day written
  with its weekday ("Wednesday (March 11th)" admits only years where that holds; announced ahead, it bounds the
  report from above); then what the report names
  (truceline.timex.pubdate_anchors): durations and months tied to a known war or agreement ("the eight-year-old
  civil war", "agreed last September" about the 2018 Sochi deal) and known days ("the Oct. 7 attack"); office
  holders (a title given as current dates the report to the terms, one recalled or "former" bounds it from below,
  truceline.timex.offices); names that exist only from a date ("Covid-19", "the euro", "Twitter",
  truceline.timex.eras) and known events it names ("the embassy bombings in Nairobi and Dar es Salaam"); the years it tells as past, ahead or by their distance from it ("since 1997", "will be
  delivered in 2014", "last year's 2018 elections", truceline.timex.pubdate_years); then the latest full date when
  it falls on a weekday the report uses; the one weekday the report names choosing the year of a month-day it tells
  in the past, once at most three years are open (truceline.timex.pubdate_bounds); month-days told in the past
  without their year, once few years are open; the days the report tells as its own once at most two years are
  open ("today, Monday 4 May", "yesterday, 10 March", a date on the one weekday it names:
  truceline.timex.pubdate_days); days, months and dates announced ahead or set as deadlines ("must withdraw by the
  end of February", "a deadline of March 5": truceline.timex.pubdate_bounds), which bound the report from above. Among what it names: a known war's age ("Syria's eight-year war", "now in its ninth
  year"), an anniversary of a known happening, and UN Security Council resolutions by number.
When several periods remain the answer is the span holding them all (the list is in the evidence): nothing in a
text makes the first of them likelier. A month-day is never paired with a weekday named elsewhere in the report
(which year's weekday fits is a coincidence one time in seven), nor is a year-less dateline's day: the weekdays a
report tells of include its own day in only 78 of the 126 reports of the TBAQ, MEANTIME and ECB+ tune parts that
name one (the day before it in 31 more, other days in 17: `python -m truceline.eval.pubdate_text DIR --weekdays`), so
keeping the years where the dateline's day is such a weekday drops the true year four times in ten. Dates in clauses that speak ahead ("the 2024
race", "will be extended until April 30") never place the report after them. Other reports of the same story
(truceline.timex.pubdate, story_hint) come last, once a cross-report stage supplies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from truceline.timex.context import Candidate
from truceline.timex.intervals import Span, hull, intersect
from truceline.timex.known import matching
from truceline.timex.lexicon import lexicon
from truceline.timex.pubdate_anchors import (
    era_names,
    known_anchors,
    known_events,
    mentioned_years,
    office_holders,
    un_resolutions,
    war_ages,
)
from truceline.timex.pubdate_bounds import YEAR_OMITTED_FOR, deadline_ahead, deadlines_ahead, weekday_years
from truceline.timex.pubdate_days import _FULL_DAY, _MONTH_DAY, _PAIR_GAP, _WEEKDAY_VALUE, _WEEKDAY_WORD, day_cues
from truceline.timex.pubdate_years import YEAR_OF_SOMETHING_AHEAD
from truceline.timex.reasoning import WEEKDAY_NAMES, Reasoning, c_text, safe_date, sentence_of, tense_of
from truceline.timex.tagger import find_candidates, find_candidates_in_lines
from truceline.timex.tense import clause_bounds

__all__ = ["WEEKDAY_NAMES", "Reasoning", "reason_over_text"]

_MONTH_ONLY = re.compile(r"^XXXX-(\d{2})$")


def _years(r: Reasoning) -> range:
    lo, hi = hull(r.spans)
    return range(lo.year - 1, hi.year + 1)


def _weekday_in(text: str) -> int | None:
    m = _WEEKDAY_WORD.search(text)
    return lexicon().weekdays[m.group(1).lower()] if m else None


def reason_over_text(
    lines: Sequence[str], captions: list[str], spans: list[Span], dateline: str | None = None
) -> Reasoning:
    """Narrow `spans` (the candidates so far) with what the dateline, captions and text (its title, standfirst and
    body, one line each) say."""
    r = Reasoning(spans)
    if dateline:
        _dateline_day(dateline, r)
    tagged = [(c, "caption", find_candidates(c, None)) for c in captions]
    body, body_cands = find_candidates_in_lines(lines, None)
    tagged.append((body, "body", body_cands))
    for t, where, cands in tagged:
        for c in cands:
            if where == "caption" and (m := re.match(r"^(\d{4})-(\d{2})$", c.value)):
                # "..., February 2020. (Photo: ...)": a photo is not from after the report; it may be from the archive
                first = safe_date(int(m[1]), int(m[2]), 1)
                if first and first <= hull(r.spans)[1]:
                    r.apply(
                        [(first, hull(r.spans)[1])], f"caption dated {c_text(t, c)!r}: published that month or later"
                    )
            if where == "caption" and (m := _FULL_DAY.match(c.value)):
                d = safe_date(int(m[1]), int(m[2]), int(m[3]))
                if d and r.apply(
                    [(d, d + timedelta(days=7))],
                    f"caption dated {d.isoformat()} ('{c_text(t, c)}'): published on or within a week after",
                ):
                    r.news_days.append(d)
    _explicit_body_dates(body, tagged[-1][2], r)
    for t, _, cands in tagged:
        _weekday_pairs(t, cands, r)
        for c in cands:
            if (
                (w := _WEEKDAY_VALUE.match(c.value))
                and c.tense in ("past", "present", "none")
                and not _is_relative(t, c)
            ):
                r.weekdays.add(int(w[1]))
    for t, _, cands in tagged:
        known_anchors(t, cands, r)
    war_ages(body, r)
    office_holders(body, r)
    era_names(body, r)
    known_events(body, r)
    un_resolutions(body, r)
    mentioned_years(body, tagged[-1][2], r)
    _latest_date_on_a_used_weekday(r)
    body_cands = tagged[-1][2]
    weekday_years(body, body_cands, lambda c: _told_past(body, c), r)
    _past_month_days(body, body_cands, r)
    _told_days(body, body_cands, r)
    deadlines_ahead(body, body_cands, lambda c: _names_a_day(body, c), r)
    return r


# Days and months without their year bound a report only once its years are few: while more than this many days
# are open they would only carve a sliver out of every year (and the answer would stay "unknown").
_YEARS_OPEN = 3 * 366
# "through April 30", "until March 5", "from October 31", "after Jan. 1, 1990": a day that closes or opens a period
# may lie ahead.
_CLOSING_BOUND = re.compile(
    r"(?i)\b(?:until|till|through|thru|by|before|to|from|after|starting|beginning|effective|as\s+of)\s+(?:the\s+)?"
    r"(?:end\s+of\s+)?$"
)
# Words of a clause that speaks of what is ahead, whatever the nearest verb ("Will Cost Trump in 2024", "expected to
# persist until April 2024"): a date there does not show the report was written after it.
_AHEAD = re.compile(
    r"(?i)\b(?:will|won't|shall|'ll|(?-i:may)|might|expected|expects|due|slated|scheduled|set\s+to|set\s+for|plans?\s+to|"
    r"planned|until|till|next|upcoming|coming|forecasts?|projected|target)\b"
)


def _speaks_ahead(text: str, c: Candidate) -> bool:
    """The clause of `c` speaks of what is ahead: its tense is the future, a word of the clause looks ahead, or the
    year names a contest or goal ("the 2024 race")."""
    if _is_future_clause(text, c) or YEAR_OF_SOMETHING_AHEAD.match(text, c.end):
        return True
    left, right = clause_bounds(text, c.start, c.end)
    return bool(_AHEAD.search(text, left, right))


def speaks_ahead_at(text: str, c: Candidate) -> bool:
    """`c` names a time the report does not tell as past: its clause speaks ahead, or it opens or closes a period."""
    return _speaks_ahead(text, c) or bool(_CLOSING_BOUND.search(text, max(0, c.start - 20), c.start))


def _names_a_day(text: str, c: Candidate) -> bool:
    """ "after the Oct. 7 attack": a month-day naming a known event (known_dates.yaml) is that event's day, however
    long ago, so it says nothing of the report's year; the known anchors use it instead."""
    return bool(matching(sentence_of(text, c), ("named-day",)))


def _past_month_days(text: str, cands: list[Candidate], r: Reasoning) -> None:
    """A month-day the report tells in the past without its year ("since the ceasefire took hold on March 6") is
    the latest such day before the report, or last year's while still recent ("Dec. 1" in a February report):
    so the report is from that day to the end of its year (or a hundred days on, for a late day), in some year.
    Whatever the year, that excludes the months before the day; once the year is known it is a lower bound."""
    lo, hi = hull(r.spans)
    if (hi - lo).days > _YEARS_OPEN:
        return
    for c in cands:
        md = _MONTH_DAY.match(c.value)
        if not md or not _told_past(text, c):
            continue
        month, day = int(md[1]), int(md[2])
        clue = [
            (d, max(date(y, 12, 31), d + YEAR_OMITTED_FOR))
            for y in range(lo.year - 1, hi.year + 1)
            if (d := safe_date(y, month, day))
        ]
        r.apply(
            clue,
            f"{c_text(text, c)!r} is told in the past without its year: published on or after that day, "
            "later the same year or within about three months of it",
        )


def _told_past(text: str, c: Candidate) -> bool:
    """A month-day or date told in the past, not as a bound of a period nor as a known happening's day."""
    return (
        c.tense == "past"
        and not _CLOSING_BOUND.search(text, max(0, c.start - 20), c.start)
        and not _speaks_ahead(text, c)
        and not _names_a_day(text, c)
        and not deadline_ahead(text, c)
    )


def _told_days(text: str, cands: list[Candidate], r: Reasoning) -> None:
    """The day cues of truceline.timex.pubdate_days, once the other clues leave at most two years open: "today,
    Monday 4 May" is the publication day and "yesterday, 10 March" the day before it; a date told in the past on a
    weekday the report names ("said on Thursday" ... "on the night of June 13", a Thursday in only one of the open
    years) is that day or the next. A cue that leaves several days open says nothing."""
    lo, hi = hull(r.spans)
    if (hi - lo).days > 2 * 366:
        return
    ahead = [speaks_ahead_at(text, c) or _names_a_day(text, c) for c in cands]
    cues = day_cues(text, cands, range(lo.year - 1, hi.year + 1), r.weekdays, ahead)
    told = {
        (q.day + timedelta(days=1) if q.kind == "yesterday" else q.day, q.said)
        for q in cues
        if q.kind in ("today", "yesterday")
    }
    told = {(d, said) for d, said in told if intersect(r.spans, [(d, d)])}
    if len({d for d, _ in told}) == 1:
        d, said = min(told)
        if r.apply([(d, d)], f"the report tells its own day, {said!r}: published {d.isoformat()}"):
            r.told_days.append(d)
        return
    on_weekday = {(q.day, q.said) for q in cues if q.kind == "weekday" and intersect(r.spans, [(q.day, q.day + _DAY)])}
    # a report that names several weekdays tells of several days: a date on one of them may be any of them, or
    # background ("the Aug. 7 bombings" in a report of Thursday and Friday); only one weekday makes the pair
    if len(r.weekdays) == 1 and len({d for d, _ in on_weekday}) == 1:
        d, said = min(on_weekday)
        why = (
            f"{said!r} is a {WEEKDAY_NAMES[d.isoweekday()]} only on {d.isoformat()} of the days left, and the report "
            f"tells of {WEEKDAY_NAMES[d.isoweekday()]}: published that day or the next"
        )
        if r.apply([(d, d + _DAY)], why):
            r.news_days.append(d)


_DAY = timedelta(days=1)


def _dateline_day(dateline: str, r: Reasoning) -> None:
    """ "ANKARA, June 13 (Reuters)": a dateline without a year still names the day of publication (or the day
    before, for reports filed late); the year comes from the other clues."""
    for c in find_candidates(dateline, None):
        if md := _MONTH_DAY.match(c.value):
            days = [d for y in _years(r) if (d := safe_date(y, int(md[1]), int(md[2])))]
            if r.apply(
                [(d, d + timedelta(days=1)) for d in days], f"dateline {dateline!r} names {c_text(dateline, c)}"
            ):
                r.dateline_days.extend(days)
            return


def _is_relative(text: str, c: Candidate) -> bool:
    return bool(re.match(r"(?i)(last|next|this|coming|past)\b", c_text(text, c)))


def _explicit_body_dates(body: str, cands: list[Candidate], r: Reasoning) -> None:
    best: tuple[date, str] | None = None
    for c in cands:
        m = _FULL_DAY.match(c.value)
        if m and not _speaks_ahead(body, c) and not _CLOSING_BOUND.search(body, max(0, c.start - 20), c.start):
            d = safe_date(int(m[1]), int(m[2]), int(m[3]))
            if d and (best is None or d > best[0]):
                best = (d, c_text(body, c))
    if best:
        r.latest_explicit = best[0]
        hi = hull(r.spans)[1]
        if best[0] <= hi:
            r.apply([(best[0], hi)], f"the body recounts {best[1]!r} ({best[0].isoformat()}): published on or after it")


def _is_future_clause(text: str, c: Candidate) -> bool:
    return tense_of(text, c) == "future"


def _weekday_pairs(text: str, cands: list[Candidate], r: Reasoning) -> None:
    """ "Wednesday (March 11th)" / "Wednesday, March 11": the years where that day is that weekday."""
    for i, c in enumerate(cands):
        md = _MONTH_DAY.match(c.value)
        if not md:
            continue
        weekday = _weekday_in(c_text(text, c))
        w = _WEEKDAY_VALUE.match(cands[i - 1].value) if i > 0 else None
        if weekday is None and w and _PAIR_GAP.match(text[cands[i - 1].end : c.start]):
            weekday = int(w[1])
        if weekday is None:
            continue
        month, day = int(md[1]), int(md[2])
        days = [d for y in _years(r) if (d := safe_date(y, month, day)) and d.isoweekday() == weekday]
        ahead = _speaks_ahead(text, c) or (i > 0 and w is not None and _speaks_ahead(text, cands[i - 1]))
        # a day announced ahead ("from 4am Saturday 3 October you will need to ...") is after the report, within
        # the year a date without its year can look ahead; a day told in the past is the news of the week before it,
        # or of the next day in copy a news service sends out the day before ("said in an editorial on Monday,
        # Oct. 26", sent on the Sunday: one pair of the nine on the tune parts)
        clue = [(d - timedelta(days=365), d) if ahead else (d - timedelta(days=1), d + timedelta(days=7)) for d in days]
        years = ", ".join(str(d.year) for d, span in zip(days, clue, strict=True) if intersect(r.spans, [span]))
        why = f"'{c_text(text, c)}' with {WEEKDAY_NAMES[weekday]}: that day is a {WEEKDAY_NAMES[weekday]} only in {years or 'no candidate year'}"
        why += ", and the report announces it ahead: published before it" if ahead else ""
        if r.apply(clue, why) and not ahead:
            r.news_days.extend(d for d in days if intersect(r.spans, [(d, d)]))


def _latest_date_on_a_used_weekday(r: Reasoning) -> None:
    """The latest full date the report gives falls on a weekday it names ("on Wednesday" ... "29 April 2020", a
    Wednesday): that is the news the report tells, so it is from the week after. A month-day without its year is
    not paired this way: which year's weekday fits a weekday named elsewhere is a coincidence one time in seven."""
    d0 = r.latest_explicit
    if d0 is None or d0.isoweekday() not in r.weekdays or not intersect(r.spans, [(d0, d0 + timedelta(days=6))]):
        return
    why = (
        f"the latest date the report gives, {d0.isoformat()}, is a {WEEKDAY_NAMES[d0.isoweekday()]}, a weekday it uses"
    )
    if r.apply([(d0, d0 + timedelta(days=6))], why + ": published within the week after"):
        r.news_days.append(d0)
