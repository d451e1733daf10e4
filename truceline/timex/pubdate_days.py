"""Days a report tells as its news: the cues that say which day a report given as text alone came out.

A report names the days of what it tells, and news tells what happened on the day it is published or the day before.
Four cues name such a day (`day_cues`):
- "pair": a month-day written with its weekday, told in the past or present ("urged Russia on Wednesday (March
  11th)", "said on Friday, Dec. 6"); the weekday must be that day's in the year read;
- "today" / "yesterday": a month-day right after the word ("today, Monday 4 May": published that day; "yesterday,
  10 March": published the day after);
- "weekday": a date the report tells in the past that falls on the one weekday it names in the past or present
  ("said on Thursday" ... "on the night of June 13", a Thursday that year); which year's weekday fits is a
  coincidence one time in seven, so this cue counts only once the year is known from other clues, and a report
  naming several weekdays tells of several days (truceline.timex.pubdate_text._told_days).
A day announced ahead ("the vote is set for Friday, Dec. 6") is no cue: the report is from before it.

How often each cue's day is the publication day (and the day after) was measured on the tune parts of the gold sets
(`python -m truceline.eval.pubdate_text DIR --days`); `CUE_DAY_SHARE` keeps those figures, and a day is given from
a cue only when its share is at least `GIVE_DAY_FROM` (truceline.timex.pubdate decides; the interval the cue allows
stays in the evidence). The figures are in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from truceline.timex.context import Candidate
from truceline.timex.lexicon import lexicon
from truceline.timex.reasoning import c_text, safe_date

_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})")
_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-(\d)")
_PAIR_GAP = re.compile(r"^[\s,(]{1,4}(?:the\s+)?$")
_REL_GAP = re.compile(r"^[\s,(]{1,4}(?:on\s+)?$")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(sorted(lexicon().weekdays, key=len, reverse=True)) + r")\b", re.I)


# How often the day a cue gives was the publication day, the day after it, or another day, on the tune parts of
# TBAQ, MEANTIME, ECB+ and the htmldate pages and on the five seeds: (that day, the day after, other).
# "weekday": the rule of truceline.timex.pubdate._conclude (a day named by weekday and date, a pair or a caption's
# date on a weekday the report uses, once the other clues leave a week at most), as it fired when it still gave
# the day: right for the seeds 001, 002 (with this module's weekday cue), 003 and two English pages, the day after
# for one TBAQ report (filed after midnight) and one MEANTIME report (Wikinews, the day after the unveiling).
# "yesterday": the day after the one named, one ECB+ report, right. The raw cues, whatever the rest of the report
# says (`python -m truceline.eval.pubdate_text DIR --days`, in the true year): pairs 3 that day, 2 the day after,
# 3 other; a date on the one weekday the report names 2, 0, 0.
# A day is given only from a cue right at least GIVE_DAY_FROM of the time: news tells the day it is published and
# the day before alike, so "weekday" gives "that day or the next".
CUE_DAY_SHARE: dict[str, tuple[int, int, int]] = {"weekday": (5, 2, 0), "yesterday": (1, 0, 0), "today": (0, 0, 0)}
GIVE_DAY_FROM = 0.8


def gives_day(kind: str) -> bool:
    """Whether a cue of this kind names the publication day often enough, on the tune parts, to give it as the day.
    "today" and "yesterday" with a date tell the day outright: they give it, whatever their few tune cases say."""
    if kind in ("today", "yesterday"):
        return True
    same, *rest = CUE_DAY_SHARE.get(kind, (0, 0, 1))
    return same / max(1, same + sum(rest)) >= GIVE_DAY_FROM


def share_text(kind: str) -> str:
    same, after, other = CUE_DAY_SHARE.get(kind, (0, 0, 0))
    n = same + after + other
    return f"on the tune parts and seeds that day {same} of {n}, the day after {after}"


@dataclass(frozen=True, slots=True)
class DayCue:
    kind: str  # pair, today, yesterday, weekday
    day: date  # the day the cue names (for "yesterday", the day before the report)
    said: str  # the words, for the evidence


def _weekday_in(text: str) -> int | None:
    m = _WEEKDAY_WORD.search(text)
    return lexicon().weekdays[m.group(1).lower()] if m else None


def _days(c: Candidate, years: range) -> list[date]:
    if m := _FULL_DAY.match(c.value):
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return [d] if d else []
    if m := _MONTH_DAY.match(c.value):
        return [d for y in years if (d := safe_date(y, int(m[1]), int(m[2])))]
    return []


def day_cues(text: str, cands: list[Candidate], years: range, weekdays: set[int], ahead: list[bool]) -> list[DayCue]:
    """The day cues of one text (its candidates in order, `ahead[i]` true when candidate i speaks of what is ahead),
    for month-days without a year in each of `years`; `weekdays` are the weekdays the report names in the past or
    present."""
    out: list[DayCue] = []
    for i, c in enumerate(cands):
        if ahead[i] or c.tense == "future":
            continue
        days = _days(c, years)
        if not days:
            continue
        said = c_text(text, c)
        prev = cands[i - 1] if i > 0 else None
        gap = text[prev.end : c.start] if prev is not None else ""
        prev_text = c_text(text, prev).lower() if prev is not None else ""
        weekday = _weekday_in(said)
        if weekday is None and prev is not None and (w := _WEEKDAY_VALUE.match(prev.value)) and _PAIR_GAP.match(gap):
            if ahead[i - 1]:
                continue
            weekday = int(w[1])
            said = f"{c_text(text, prev)}{gap}{said}"
        if prev is not None and prev_text in ("today", "yesterday") and _REL_GAP.match(gap):
            kind = prev_text
            for d in days:
                if weekday is None or d.isoweekday() == weekday:
                    out.append(DayCue(kind, d, f"{c_text(text, prev)}{gap}{c_text(text, c)}"))
            continue
        if weekday is not None:
            out.extend(DayCue("pair", d, said) for d in days if d.isoweekday() == weekday)
            continue
        out.extend(DayCue("weekday", d, said) for d in days if d.isoweekday() in weekdays)
    return out
