"""Clues from what a report names: known wars, agreements and days, office holders, and years.

"the eight-year-old civil war", "agreed last September" (about the 2018 Sochi deal), "after the Oct. 7 attack"
(truceline/data/known_dates.yaml, truceline.timex.known); "Defence Minister Hulusi Akar said"
(truceline.timex.offices); "since 1997", "will be delivered in 2014" (truceline.timex.pubdate_years); "Syria's
eight-year war", "the fifth anniversary of the July 15 coup attempt"; "Security Council resolution 2254"
(truceline/data/timex/un_resolutions.yaml).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from importlib import resources

import yaml

from truceline.errors import ModelError
from truceline.timex.calendar import add_months, add_years, last_day
from truceline.timex.context import Candidate
from truceline.timex.eras import era_mentions
from truceline.timex.known import KnownDate, matching
from truceline.timex.lexicon import lexicon
from truceline.timex.offices import office_clues
from truceline.timex.pubdate_days import _MONTH_DAY
from truceline.timex.pubdate_years import year_bounds
from truceline.timex.reasoning import Reasoning, c_text, sentence_of, tense_of

_MONTH_ONLY = re.compile(r"^XXXX-(\d{2})$")
_AGE = re.compile(r"^P(\d+)([YM])$")
# "Syria's eight-year war", "the nine-year conflict": an age told without "-old" is the war's, when the word after it
# names the war.
_WAR_WORD_AFTER = re.compile(r"(?i)\s+(?:[\w'’-]+\s+)?(?:war|conflict|insurgency|crisis|fighting)\b")
# "the war, now in its ninth year", "the tenth anniversary of the Syrian war"
_IN_ITS_YEAR = re.compile(r"(?i)\bin\s+its\s+(\w+)\s+year\b")
_ANNIVERSARY_OF = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)\s+anniversary\b|\b(\w+)\s+anniversary\b")
# Writers round a war's age, and count it from different days (Yemen's from the Houthis' takeover of Sanaa in
# September 2014 or from the coalition's intervention in March 2015): "the eight-year war" is said from half a year
# before its eighth year to some months after it.
_AGE_GRACE_BEFORE = timedelta(days=183)
_AGE_GRACE = timedelta(days=92)
_ANNIVERSARY_GRACE = timedelta(days=45)


def war_ages(text: str, r: Reasoning) -> None:
    """ "the war, now in its ninth year" of a known war (known_dates.yaml, kind war) named in the same sentence: the
    report is from that year of the war (with some months' grace either side); "the tenth anniversary of the Syrian
    war", "the fifth anniversary of the July 15 coup attempt", of any known happening the sentence names: from
    around the anniversary."""
    ordinals = lexicon().ordinals
    for sentence in _SENTENCE_END.split(text):
        ages: list[tuple[str, int, int]] = []  # (words, years from the war's start to the period's start, its years)
        for m in _IN_ITS_YEAR.finditer(sentence):
            if n := ordinals.get(m[1].lower(), 0):
                ages.append((m[0], n - 1, 1))
        for m in _ANNIVERSARY_OF.finditer(sentence):
            n = int(m[1]) if m[1] else ordinals.get(m[2].lower(), 0)
            if n and not re.search(r"\b(?:1[89]|20)\d\d\b", sentence[m.end() : m.end() + 60]):
                ages.append((m[0], n, 0))  # a year after it is pubdate_years' ("the 20th anniversary of the 2003 ...")
        for said, n, length in ages:
            # a year of a war is the war's; an anniversary may be of any known happening the sentence names, when
            # they all share its day ("the fifth anniversary of the July 15 coup attempt")
            rows = matching(sentence, ("war",) if length else ("war", "event", "named-day", "agreement"))
            if not length and len({k.date for k in rows}) > 1:
                continue
            for k in rows:
                start = add_years(k.date, n)
                if length:
                    lo, hi = start - _AGE_GRACE_BEFORE, add_years(start, length) + _AGE_GRACE
                else:
                    lo, hi = start - _ANNIVERSARY_GRACE, start + _ANNIVERSARY_GRACE
                r.apply([(lo, hi)], f"{said!r} of {k.what} ({k.date.isoformat()}; {k.source}): published {lo}..{hi}")


def known_anchors(text: str, cands: list[Candidate], r: Reasoning) -> None:
    """Known wars, agreements and days (known_dates.yaml): "the eight-year-old civil war", "Syria's nine-year war",
    "agreed last September", "the Oct. 7 attack"."""
    for c in cands:
        sentence = sentence_of(text, c)
        surface = c_text(text, c)
        if (
            c.type == "DURATION"
            and (m := _AGE.match(c.value))
            and m[2] == "Y"
            and not surface.lower().endswith("-old")
            and re.fullmatch(r"(?i)[\w-]+-year", surface)
            and _WAR_WORD_AFTER.match(text, c.end)
        ):
            n = int(m[1])
            for k in matching(sentence, ("war",)):
                lo, hi = add_years(k.date, n) - _AGE_GRACE_BEFORE, add_years(k.date, n + 1) + _AGE_GRACE
                r.apply(
                    [(lo, hi)],
                    f"'{surface}' {k.what} ({k.date.isoformat()}; {k.source}): published {lo.isoformat()}..{hi.isoformat()}",
                )
        elif c.type == "DURATION" and (m := _AGE.match(c.value)) and surface.lower().endswith("-old"):
            n, unit = int(m[1]), m[2]
            for k in matching(sentence, ("war",)):
                lo = add_years(k.date, n) if unit == "Y" else add_months(k.date, n)
                hi = (add_years(lo, 1) if unit == "Y" else add_months(lo, 1)) - timedelta(days=1)
                r.apply(
                    [(lo, hi)],
                    f"'{surface}' {k.what} ({k.date.isoformat()}; {k.source}): published {lo.isoformat()}..{hi.isoformat()}",
                )
        elif mo := _MONTH_ONLY.match(c.value):
            month = int(mo[1])
            for k in matching(sentence, ("agreement",)):
                if k.date.month != month:
                    continue
                start = (
                    date(k.date.year, month, 1)
                    if not surface.lower().startswith("last")
                    else last_day(k.date.year, month) + timedelta(days=1)
                )
                end = last_day(k.date.year + 1, month)
                r.apply(
                    [(start, end)],
                    f"'{surface}' refers to a known agreement: {k.what} ({k.date.isoformat()}; {k.source}); a report saying so is from {start.isoformat()}..{end.isoformat()}",
                )
        elif (md := _MONTH_DAY.match(c.value)) and (
            named := [
                k for k in matching(sentence, ("named-day",)) if (k.date.month, k.date.day) == (int(md[1]), int(md[2]))
            ]
        ):
            k = named[0]
            r.apply(
                [(k.date, date.max)],
                f"'{surface}' names a known day: {k.what} ({k.date.isoformat()}; {k.source}): published after it",
            )
        elif md := _MONTH_DAY.match(c.value):
            for k in matching(sentence, ("agreement",)):
                if (k.date.month, k.date.day) == (int(md[1]), int(md[2])):
                    end = add_years(k.date, 1)
                    r.apply(
                        [(k.date, end)],
                        f"'{surface}' is the date of a known agreement: {k.what} ({k.source}); published within the year after",
                    )


def office_holders(body: str, r: Reasoning) -> None:
    """ "Defence Minister Hulusi Akar said": written while he held that office; "under President Barack Obama":
    written after that office was first his; "former Prime Minister Tony Blair": after it ended
    (truceline.timex.offices)."""
    seen: set[tuple[str, str]] = set()
    for clue in office_clues(body):
        if (clue.office, clue.how) in seen:
            continue
        seen.add((clue.office, clue.how))
        if clue.how == "current":
            held = "; ".join(f"{a.isoformat()}..{'' if b.year > 9000 else b.isoformat()}" for a, b in clue.spans)
            why = f"{clue.said!r}: written while {clue.office} held the office ({held}, with a few days' grace)"
        elif clue.how == "titled":
            why = f"{clue.said!r}: written after {clue.office} first took the office ({clue.spans[0][0].isoformat()})"
        else:
            why = f"{clue.said!r}: written after {clue.office} left the office ({clue.spans[0][0].isoformat()})"
        r.apply(list(clue.spans), why, periods_stated=True)


# A sentence ends at a stop before a capital ("U.S. embassies" goes on) or at a line break; not at the stop of
# initials before a name ("the U.S. Embassy in Tanzania", "the U.N. Security Council").
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.[A-Z]\.)\s+(?=[A-Z\"'“‘])|\n+")


def known_events(body: str, r: Reasoning) -> None:
    """ "the bombings of the U.S. embassies in Nairobi and Dar es Salaam": a sentence that names a known event
    (known_dates.yaml, kind event: every cue group in one sentence) puts the report on or after its day. The
    latest such day is the bound; when it contradicts stronger clues, the next latest is tried."""
    found: dict[str, KnownDate] = {}
    for sentence in _SENTENCE_END.split(body):
        for k in matching(sentence, ("event",)):
            found.setdefault(k.id, k)
    for k in sorted(found.values(), key=lambda k: k.date, reverse=True):
        why = f"the report names a known event: {k.what} ({k.date.isoformat()}; {k.source}): published on or after it"
        if r.apply([(k.date, date.max)], why):
            return


def era_names(body: str, r: Reasoning) -> None:
    """ "the coronavirus pandemic", "posted on Twitter", "prices in euros": a name that exists only from a date
    (truceline.timex.eras) puts the report on or after that date. The latest such date is the bound; when it
    contradicts stronger clues, the next latest is tried."""
    for said, era in sorted(era_mentions(body), key=lambda m: m[1].since, reverse=True):
        why = (
            f"the report uses the name {said!r}: {era.what} ({era.since.isoformat()}; {era.source}): "
            "published on or after it"
        )
        if r.apply([(era.since, date.max)], why):
            return


def mentioned_years(body: str, cands: list[Candidate], r: Reasoning) -> None:
    """The years the report names (truceline.timex.pubdate_years): the latest one told as past is a lower bound,
    the earliest one told as ahead an upper bound, and a year told by its distance from the report bounds both ways."""
    bounds = year_bounds(body, cands, tense_of)
    lows = [b for b in bounds if b.lo is not None and b.hi is None]
    highs = [b for b in bounds if b.hi is not None and b.lo is None]
    if lows:
        low = max(lows, key=lambda b: b.lo or date.min)
        assert low.lo is not None
        r.apply(
            [(low.lo, date.max)],
            f"the report mentions {low.surface!r} ({low.how}): published in {low.lo.year} or later",
        )
    for both in (b for b in bounds if b.lo is not None and b.hi is not None):
        assert both.lo is not None and both.hi is not None
        r.apply(
            [(both.lo, both.hi)],
            f"the report mentions {both.surface!r} ({both.how}): published {both.lo.isoformat()}..{both.hi.isoformat()}",
        )
    if highs:
        high = min(highs, key=lambda b: b.hi or date.max)
        assert high.hi is not None
        r.apply(
            [(date.min, high.hi)],
            f"the report tells {high.surface!r} as ahead: published before {high.hi.isoformat()}",
        )


_RESOLUTION = re.compile(r"(?i)\bresolutions?\s+(?:no\.\s*)?(\d{3,4})\b((?:\s*(?:,|and)\s*\d{3,4}\b)*)")
_UN = re.compile(r"(?i:\bsecurity\s+council\b|\bunited\s+nations\b|\bunsc\b)|\bU\.?N\.?(?!\w)")
_LAST_RESOLUTION = 3000  # beyond any number adopted so far: not a Security Council resolution


@cache
def _resolutions() -> tuple[tuple[int, date, str], ...]:
    try:
        text = resources.files("truceline.data").joinpath("timex/un_resolutions.yaml").read_text(encoding="utf-8")
        rows = yaml.safe_load(text)
        return tuple(
            sorted(
                (
                    int(r["number"]),
                    r["adopted"] if isinstance(r["adopted"], date) else date.fromisoformat(str(r["adopted"])),
                    str(r["what"]),
                )
                for r in rows
            )
        )
    except (FileNotFoundError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"truceline/data/timex/un_resolutions.yaml is unreadable ({exc}); restore it from git"
        ) from exc


def un_resolutions(body: str, r: Reasoning) -> None:
    """ "Security Council resolution 2254": the numbers of the UN Security Council's resolutions are given in order
    of adoption, so a report that names one is from on or after the day of the latest landmark resolution
    (truceline/data/timex/un_resolutions.yaml) whose number is not above it."""
    highest = 0
    for sentence in _SENTENCE_END.split(body):
        if not _UN.search(sentence):
            continue
        for m in _RESOLUTION.finditer(sentence):
            numbers = [int(m[1]), *(int(n) for n in re.findall(r"\d{3,4}", m[2] or ""))]
            highest = max([highest, *(n for n in numbers if n <= _LAST_RESOLUTION)])
    landmarks = [row for row in _resolutions() if row[0] <= highest]
    if landmarks:
        number, adopted, what = landmarks[-1]
        r.apply(
            [(adopted, date.max)],
            f"the report names UN Security Council resolution {highest}: resolution {number} ({what}) was adopted "
            f"on {adopted.isoformat()} and numbers are given in order, so published on or after it",
        )
