"""Two clues of a report given as text alone that bound it by the days it names without their year.

- `weekday_years`: a month-day told in the past without its year ("shelling on the night of June 13") in a report
  that names one weekday in the past or present ("said on Thursday"): of the day's readings in the years still
  open, the weekday keeps those that fall on it (June 13 is a Thursday in 2019, not in 2018 or 2020), and the report
  is from such a reading on, within the months a writer leaves the year out for; when several are kept the answer
  is their list (their span when it is reported), never the first. Only once the other clues leave at most three
  years: over more, the weekday's choice is chance more often than not (WEEKDAY_CHOOSES_WITHIN).
- `deadlines_ahead`: a month-day, month or full date the report announces ahead ("must withdraw by the end of
  February", "a deadline of March 5", "the truce is due to expire on March 5", "will begin on March 6") bounds it
  from above: the report precedes that day. The grammar that says the day lies ahead is the future tense, or a
  word of deadline or plan before the date ("deadline", "due", "set to", "expires on", "until"; "by" only with a future
  verb) in a clause that does not tell the past ("had withdrawn by March 5", "the deadline of March 5 passed" bound nothing).

How often each holds on the tune parts is printed by `python -m truceline.eval.pubdate_text DIR --audit`; the
figures are in the README.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from truceline.timex.calendar import last_day
from truceline.timex.context import Candidate
from truceline.timex.intervals import hull, intersect
from truceline.timex.pubdate_days import _FULL_DAY, _MONTH_DAY
from truceline.timex.reasoning import WEEKDAY_NAMES, Reasoning, c_text, safe_date, sentence_of, tense_of
from truceline.timex.tense import clause_bounds

_MONTH_ONLY = re.compile(r"^XXXX-(\d{2})$")
# A day told without its year may be last year's while it is recent: "Dec. 1" in a February report.
YEAR_OMITTED_FOR = timedelta(days=100)
# A day or month announced ahead without its year is within the coming months: "by the end of February". (On the
# tune parts this held 12 times of 13; the miss named "December" ahead in early March, some 300 days before its end.
# A window of a year or more would join every year's to the next and bound nothing.)
AHEAD_WITHOUT_YEAR = timedelta(days=300)
# Verbs that report what is said, and words of a clause that tell the past besides them.
_REPORTING = re.compile(
    r"(?i)\b(?:said|told|added|announced|stated|reported|noted|warned|wrote|according\s+to|confirmed|insisted)\b"
)
_PAST_WORD = re.compile(r"(?i)\b(?:was|were|had|did|met|passed|expired|missed|lapsed|ran\s+out|\w{3,}ed)\b")
# A day after these opens a time rather than closing one: the report need not precede it.
_OPENS_AFTER = re.compile(
    r"(?i)\b(?:after|since|following|from|starting|beginning)\s+(?:the\s+)?(?:(?:end|middle|start)\s+of\s+)?$"
)
# A month or month-day that qualifies the noun after it names what the noun is of, not a day ahead: "August
# unemployment data" (due in September), "the film's March 23 opening" (told in the past); "the March 6 deadline"
# stays one. The words after a date that do not make it a noun's qualifier: function words, a year, punctuation.
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:and|or|but|to|when|if|as|at|for|with|while|unless|after|before|until|in|on|of|from|so|than|that|"
    r"which|who|this|next|last|the|a|an|is|are|was|were|will|would|could|should|may|might|deadline|midnight|noon|"
    r"local|time|or|nor|because|since|through|via|per|under|over|against|between|into|onto|is|be|has|have|had)\b)"
    r"[a-z][a-z-]+\b"
)
# The weekday chooses a year only among few: a month-day named away from the weekday is mostly an older day than
# the one the weekday names ("the Aug. 7 bombings" in a report of Thursday, Aug. 13), and among many years one of its
# readings falls on that weekday by chance (over all the years from 1990 on, the choice held 3 times and excluded the
# true day 7 times on the tune parts; `python -m truceline.eval.pubdate_text DIR --audit`).
WEEKDAY_CHOOSES_WITHIN = 3 * 366
# Words right before a date that make it a deadline or the start or end of a plan: "by (the end of)", "a deadline
# of", "due (to expire) on", "is set to begin on", "expires on", "until", "starting".
_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:by|before|deadline(?:\s+(?:of|for|on|is))?|due(?:\s+to\s+\w+)?(?:\s+(?:on|by|in))?|"
    r"set\s+to\s+\w+(?:\s+(?:on|by|in))?|expires?(?:\s+(?:on|at|in))?|until|till)\s+"
    r"(?:(?:midnight|noon|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+(?:on\s+)?)?(?:the\s+)?(?:(?:end|middle|start)\s+of\s+)?$"
)


def weekday_years(text: str, cands: Sequence[Candidate], told_past: Callable[[Candidate], bool], r: Reasoning) -> None:
    """The one weekday a report names chooses among the readings of each month-day it tells in the past without
    its year (`told_past(c)` true for those); see the module's docstring."""
    if len(r.weekdays) != 1:
        return  # a report that names several weekdays tells of several days: a date may be on any of them
    lo, hi = hull(r.spans)
    if (hi - lo).days > WEEKDAY_CHOOSES_WITHIN:
        return
    (weekday,) = r.weekdays
    for c in cands:
        md = _MONTH_DAY.match(c.value)
        if not (md and told_past(c)):
            continue
        lo, hi = hull(r.spans)
        readings = [
            (d, max(date(d.year, 12, 31), d + YEAR_OMITTED_FOR))
            for y in range(lo.year - 1, hi.year + 1)
            if (d := safe_date(y, int(md[1]), int(md[2])))
        ]
        readings = [(d, end) for d, end in readings if intersect(r.spans, [(d, end)])]
        kept = [(d, end) for d, end in readings if d.isoweekday() == weekday]
        if not kept or len(kept) == len(readings):
            continue
        years = ", ".join(str(d.year) for d, _ in kept)
        name = WEEKDAY_NAMES[weekday]
        r.apply(
            kept,
            f"{c_text(text, c)!r} is told in the past without its year and the report tells of {name}: it is a "
            f"{name} only in {years} of the years open; published on or after it, within months of it",
        )


def deadline_ahead(text: str, c: Candidate) -> bool:
    """A word of deadline or plan stands right before `c`, and its clause does not tell the past. A clause read as
    past only for the verb that reports it ("face a deadline of March 5 ..., officials said") still looks ahead
    after a word of deadline or plan, not after "by" or "before" ("had withdrawn by March 5")."""
    left, right = clause_bounds(text, c.start, c.end)
    m = _DEADLINE_BEFORE.search(text, max(left, c.start - 60), c.start)
    if not m:
        return False
    if re.match(r"(?i)by|before", m.group(0)):
        return False  # "where by 25 September ... had reported": "by" alone looks ahead only with a future verb
    if tense_of(text, c) != "past":
        return True
    rest = _REPORTING.sub(" ", text[left:right])
    return not _PAST_WORD.search(rest)


def deadlines_ahead(
    text: str, cands: Sequence[Candidate], names_a_day: Callable[[Candidate], bool], r: Reasoning
) -> None:
    """Month-days, months and full dates the report announces ahead bound it from above (see the module's
    docstring); `names_a_day(c)` is true for a candidate that names a known happening's day ("the Oct. 7 attack"),
    which is no deadline."""
    for c in cands:
        md = _MONTH_DAY.match(c.value)
        mo = None if md else _MONTH_ONLY.match(c.value)
        full = None if (md or mo) else _FULL_DAY.match(c.value)
        if not (md or mo or full):
            continue
        if _OPENS_AFTER.search(text, max(0, c.start - 25), c.start):
            continue  # "back to work after New Year's Day", "will be shut from March 5": no end of the report's time
        if _ATTRIBUTIVE.match(text, c.end):
            continue  # "an announcement of August unemployment data", "the film's March 23 opening": not a plan's day
        future = tense_of(text, c) == "future"
        if not (future or deadline_ahead(text, c)) or names_a_day(c):
            continue
        if full:
            d = safe_date(int(full[1]), int(full[2]), int(full[3]))
            if d is None or future:
                continue  # a full date timing a future verb is pubdate_years' (mentioned_years)
            r.apply([(date.min, d)], f"{c_text(text, c)!r} is a deadline or plan still ahead: published before it")
            continue
        if re.search(r"\b(?:1[89]|20)\d\d\b", sentence_of(text, c)):
            continue  # "by October 2019 ... planned for early November": ahead of a time long past
        lo, hi = hull(r.spans)
        if md:
            ends = [d for y in range(lo.year, hi.year + 2) if (d := safe_date(y, int(md[1]), int(md[2])))]
        else:
            assert mo is not None
            ends = [last_day(y, int(mo[1])) for y in range(lo.year, hi.year + 2)]
        how = "announced ahead" if future else "a deadline or plan still ahead"
        r.apply(
            [(d - AHEAD_WITHOUT_YEAR, d) for d in ends],
            f"{c_text(text, c)!r} is {how} without its year: published before it, within months of it",
        )
