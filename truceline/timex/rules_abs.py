"""Rules for dates that name their calendar position: "June 13, 2019", "13 June", "2019-06-13", "the 1990s".

A month and day without a year ("June 13") take the year from the anchor and the clause's tense.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from truceline.timex.calendar import resolve_month, resolve_month_day, week_value
from truceline.timex.context import Candidate, Context
from truceline.timex.lexicon import lexicon
from truceline.timex.patterns import (
    DAY,
    HOLIDAYS,
    MEASURE_NEXT,
    MOD_PREFIX,
    MON,
    POD,
    T_MONTH,
    T_YEAR,
    WD_PREFIX,
    YEAR,
    YEAR_SUFFIX,
    mod_code,
)

# (pattern, handler, priority, trigger): the trigger is a cheap regex for a word the pattern cannot match without;
# the full pattern only runs in windows around trigger hits, which keeps the tagger linear and fast.
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], list[Candidate]], int, str | None]

_PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
# Month names that are also common words: alone they must follow a word that makes them a date.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sun", "dec", "aug", "sept"}
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|last|next|this|early|late|mid|"
    r"between|and|or|on|for|each|every|until|throughout)\s+|mid-)$",
    re.I,
)


# Month words that are also first names ("Jan Kavan", "May Brown", "April Ryan"): right before a capitalised word
# in the same clause, after a cue that also takes a person ("and", "to", "for"), they are a name, not a month.
_NAME_MONTHS = {"jan", "may", "june", "april", "august"}
_PERSON_CUE = re.compile(r"\b(?:and|or|of|to|from|for|with|by|between)\s+$", re.I)
_CAPITALISED_NEXT = re.compile(r" (?P<word>[A-Z][a-z]+)\b")
# A year that is part of a name: "the Russell 2000 index", "a venture called Orion 1980".
_NAME_YEAR_NEXT = re.compile(r"\s+(?i:index)\b")
# A verb right after the number makes it the end of a phrase, not a count of things: "the war that began in 2011
# goes on", "the year 2019 was", unlike "2011 goes" ... nothing counts goes. (MEASURE_NEXT takes any -s word.)
_VERB_NEXT = re.compile(
    r"\s+(?:is|was|has|goes|remains|continues|comes|seems|marks|sees|brings|means|makes|looks|follows|proves|"
    r"stays|stands|appears|does|gets|begins|ends|holds|keeps|takes|gives|turns)\b"
)
_NAME_YEAR_BEFORE = re.compile(r"\b(?:called|named|dubbed)\s+(?:[A-Z][\w&'-]*\s+){1,3}$")
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|through)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)


def _month(name: str) -> int:
    return lexicon().months[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _year_of(m: re.Match[str], ctx: Context, month: int, day: int | None) -> tuple[str, bool]:
    """The year as text, and whether it came from the anchor."""
    if m.group("year"):
        return m.group("year"), False
    if ctx.anchor is None:
        return "XXXX", False
    tense = ctx.tense(m.start(), m.end())
    if day is None:
        return f"{resolve_month(ctx.anchor, month, tense):04d}", True
    return f"{resolve_month_day(ctx.anchor, month, day, tense):04d}", True


def _full_date(m: re.Match[str], ctx: Context) -> list[Candidate]:
    month = _month(m.group("mon"))
    day = _day(m.group("day"))
    year, anchored = _year_of(m, ctx, month, day)
    if year != "XXXX":
        try:
            date(int(year), month, day)
        except ValueError:
            return []
    elif day > 31:
        return []
    value = f"{year}-{month:02d}-{day:02d}"
    typ = "DATE"
    pod = m.groupdict().get("pod")
    if pod:
        value += _PART_OF_DAY[pod.lower()]
        typ = "TIME"
    if m.groupdict().get("midnight"):
        value += "T24:00"
        typ = "TIME"
    tense = ctx.tense(m.start(), m.end()) if not m.group("year") else None
    return [Candidate(m.start(), m.end(), typ, value, anchored=anchored, tense=tense, priority=3)]


def _numeric_date(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """2019-06-13, 6/13/2019, and 13/06/2019: slashes are read month first (US style) unless the first number
    cannot be a month; an ambiguous 05/06/2019 stays 6 May."""
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if month > 12 and "/" in m.group():
        month, day = day, month
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        d = date(year, month, day)
    except ValueError:
        return []
    return [Candidate(m.start(), m.end(), "DATE", d.isoformat(), priority=3)]


def _month_year(m: re.Match[str], ctx: Context) -> list[Candidate]:
    month = _month(m.group("mon"))
    value = f"{m.group('year')}-{month:02d}"
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod_code(m.group("mod")), priority=2)]


def _month_rel_year(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "January this year", "June last year", "early October next year"."""
    month = _month(m.group("mon"))
    offset = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", mod=mod_code(m.group("mod")))]
    value = f"{ctx.anchor.year + offset:04d}-{month:02d}"
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod_code(m.group("mod")), anchored=True, priority=2)]


def _month_alone(m: re.Match[str], ctx: Context) -> list[Candidate]:
    name = m.group("mon")
    rel = (m.group("rel") or "").lower()
    mod = m.group("mod")
    ambiguous = name.rstrip(".").lower() in _AMBIGUOUS_MONTHS and not rel and not mod
    if ambiguous and not _MONTH_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return []
    if _first_name(m, ctx):
        return []
    month = _month(name)
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", mod=mod_code(mod), priority=1)]
    if rel in ("last", "past", "previous"):
        year = resolve_month(ctx.anchor, month, "past", strict=True)
        tense = "past"
    elif rel in ("next", "coming"):
        year = resolve_month(ctx.anchor, month, "future", strict=True)
        tense = "future"
    elif rel == "this":
        year = ctx.anchor.year
        tense = "present"
    else:
        tense = ctx.tense(m.start(), m.end())
        if _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
            # "until mid-November", "by May": a deadline ahead; one set in a past clause ("gave them until
            # January") is still the nearest such month, not necessarily a past one.
            tense = "future" if tense != "past" else "none"
        year = resolve_month(ctx.anchor, month, tense)
    value = f"{year:04d}-{month:02d}"
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod_code(mod), anchored=True, tense=tense, priority=1)]


def _first_name(m: re.Match[str], ctx: Context) -> bool:
    """A bare month word that reads as a first name: "and Jan Kavan", but not "in May Congress voted"."""
    name = m.group("mon")
    if m.group("rel") or m.group("mod") or name.lower() not in _NAME_MONTHS:
        return False
    after = _CAPITALISED_NEXT.match(ctx.text, m.end())
    if (
        not after
        or after.group("word").lower() in lexicon().months
        or after.group("word").lower() in lexicon().weekdays
    ):
        return False
    return m.start() == 0 or bool(_PERSON_CUE.search(ctx.text, max(0, m.start() - 10), m.start()))


def _year_alone(m: re.Match[str], ctx: Context) -> list[Candidate]:
    following = ctx.text[m.end() : m.end() + 24]
    if MEASURE_NEXT.match(following) and not m.group("mod") and not _VERB_NEXT.match(following):
        return []
    prefix = ctx.text[max(0, m.start() - 2) : m.start()]
    if prefix.endswith(("$", "#", "No", "No.")):
        return []
    if _NAME_YEAR_NEXT.match(following) or _NAME_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return []
    value = m.group("year")
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod_code(m.group("mod")), priority=1)]


def _fiscal_year(m: re.Match[str], ctx: Context) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "DATE", m.group("year"), priority=2)]


def _floating(name: str, year: int) -> tuple[int, int]:
    month, weekday, nth = lexicon().floating_holidays[name]
    first = date(year, month, 1)
    return month, 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1)


def _floating_holiday(m: re.Match[str], ctx: Context, name: str) -> list[Candidate]:
    """Thanksgiving and other n-th-weekday holidays: the last one before the anchor unless the clause is future."""
    if m.group("year"):
        month, day = _floating(name, int(m.group("year")))
        return [Candidate(m.start(), m.end(), "DATE", f"{m.group('year')}-{month:02d}-{day:02d}")]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-XX-XX")]
    year = ctx.anchor.year
    month, day = _floating(name, year)
    future = ctx.tense(m.start(), m.end()) == "future"
    if not future and date(year, month, day) > ctx.anchor:
        year -= 1
    elif future and date(year, month, day) < ctx.anchor:
        year += 1
    month, day = _floating(name, year)
    return [Candidate(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", anchored=True)]


def _holiday(m: re.Match[str], ctx: Context) -> list[Candidate]:
    name = " ".join(m.group("name").lower().split()).replace("’", "'")
    if name in lexicon().floating_holidays:
        return _floating_holiday(m, ctx, name)
    month, day = lexicon().holidays[name]
    if m.group("year"):
        year = m.group("year")
    elif ctx.anchor is None:
        year = "XXXX"
    else:
        year = f"{resolve_month_day(ctx.anchor, month, day, ctx.tense(m.start(), m.end())):04d}"
    return [Candidate(m.start(), m.end(), "DATE", f"{year}-{month:02d}-{day:02d}", anchored=year != "XXXX")]


def _week_of_date(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the week of March 6": the ISO week holding that day."""
    found = _full_date(m, ctx)
    if not found or found[0].value.startswith("X"):
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-WXX", priority=3)] if found else []
    d = date.fromisoformat(found[0].value[:10])
    return [Candidate(m.start(), m.end(), "DATE", week_value(d), anchored=found[0].anchored, priority=3)]


def _nth_week(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the last week of March", "the first week of 2009": a week belongs to the month (or year) holding its
    Thursday, the rule ISO 8601 uses to give weeks to years, so the first week is the one with the month's first
    Thursday and the last the one with its last (the last week of March 2009 is W13, 23-29 March, not W14, which
    is mostly April)."""
    word = m.group("ord").lower()
    n = -1 if word in ("last", "final") else lexicon().ordinals.get(word, 0)
    if not n or n > 5:
        return []
    month = _month(m.group("mon")) if m.group("mon") else None
    year_text = m.group("year") or m.group("year2")
    if year_text:
        year = int(year_text)
    elif month is None or ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-WXX", priority=2)]
    else:
        year = resolve_month(ctx.anchor, month, ctx.tense(m.start(), m.end()))
    first = date(year, month or 1, 1)
    after = date(year + 1, 1, 1) if month in (None, 12) else date(year, month + 1, 1)
    if n < 0:  # the Thursday before the first day after the period
        thursday = after - timedelta(days=(after.isoweekday() - 5) % 7 + 1)
    else:
        thursday = first + timedelta(days=(4 - first.isoweekday()) % 7, weeks=n - 1)
        if thursday >= after:
            return []
    return [Candidate(m.start(), m.end(), "DATE", week_value(thursday), anchored=not year_text, priority=2)]


_HALF_QUARTERS = {"first": "H1", "last": "H2", "final": "H2", "second": "H2", "latter": "H2"}


def _quarter_of(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the final quarter of 2009" (Q4) and "the first two quarters of 1990" (H1, the half they make up)."""
    rel = {"this": 0, "last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    year = m.group("year") or (f"{ctx.anchor.year + rel:04d}" if ctx.anchor else "XXXX")
    part = _HALF_QUARTERS[m.group("ord2").lower()] if m.group("ord2") else "Q4"
    return [Candidate(m.start(), m.end(), "DATE", f"{year}-{part}", anchored=not m.group("year"), priority=3)]


# "the nineties" (not "the twenties": 1920s, 2020s or an age); the decade rule's lookahead skips most words cheaply.
_DECADE_WORDS = {f"{w}ties": str(i) for i, w in enumerate(("thir", "for", "fif", "six", "seven", "eigh", "nine"), 3)}


# the second of two decades: "the 70s and 80s", "the 1970s and 80s" (not "in her 70s and 80s", ages)
_DECADE_BEFORE = re.compile(r"(?:\bthe\s+['’]?\d0|\d{3}0)['’]?s\s+(?:and|or|to|through)\s+\Z", re.I)


def _decade_fix(m: re.Match[str], ctx: Context) -> list[Candidate]:
    if (m.group("decw") or m.group("dec3")) and not (
        m.group("the") or _DECADE_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    ):
        return []  # "in their nineties", "in her 70s" are ages; "the nineties", "the 70s and 80s" decades
    digits = m.group("dec") or m.group("dec2") or m.group("dec3") or f"{_DECADE_WORDS[m.group('decw').lower()]}0"
    century = ""
    if len(digits) == 2:
        century = "19" if int(digits) >= 30 else "20"
    value = (century + digits)[:3]
    # "the last half of the '80s" is the decade, its later part (rules_rel's "the last half" alone is a year's)
    half = (m.group("half") or "").lower()
    mod = mod_code(m.group("mod")) or (("START" if "first" in half else "END") if half else None)
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod, priority=2)]


_POD_PREFIX = rf"(?:(?:the\s+)?(?P<pod>{POD})\s+of\s+|(?P<midnight>midnight)\s+(?:on\s+)?)?"
_OF_YEAR = rf"\s+of\s+(?:(?P<year>{YEAR})\b|(?P<rel>(?i:this|last|next))\s+year\b)"

RULES: list[Rule] = [
    *(  # "the week of March 6", "the week of 6 March"
        (re.compile(rf"\b(?i:the\s+week\s+of)\s+{WD_PREFIX}{day}\b(?!:\d|\d){YEAR_SUFFIX}"), _week_of_date, 3, "week")
        for day in (rf"(?P<mon>{MON})\s+(?P<day>{DAY})", rf"(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MON})")
    ),
    (
        re.compile(
            rf"\b(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final)\s+week\s+of)\s+"
            rf"(?:(?P<mon>{MON})(?:,?\s+(?P<year>{YEAR}))?|(?P<year2>{YEAR}))\b"
        ),
        lambda m, c: _nth_week(m, c),
        2,
        "week",
    ),
    (
        re.compile(
            rf"\b(?i:(?:the\s+)?(?:(?P<ord>final|last)\s+quarter|(?P<ord2>first|last|final)\s+two\s+quarters)){_OF_YEAR}"
        ),
        _quarter_of,
        3,
        "quarter quarters",
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>{MOD_PREFIX})[\s-]+)?(?P<mon>{MON})\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+year\b"
        ),
        _month_rel_year,
        2,
        T_MONTH,
    ),
    (
        re.compile(rf"\b{_POD_PREFIX}{WD_PREFIX}(?P<mon>{MON})\s+(?P<day>{DAY})\b(?!:\d|\d){YEAR_SUFFIX}", re.I),
        _full_date,
        3,
        T_MONTH,
    ),
    (
        re.compile(
            rf"\b{_POD_PREFIX}{WD_PREFIX}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MON})\b(?!\s+\d{{1,2}}\b){YEAR_SUFFIX}"
        ),
        _full_date,
        3,
        T_MONTH,
    ),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _numeric_date, 3, T_YEAR),
    (re.compile(r"\b(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)\b"), _numeric_date, 3, "#digit"),
    # Dotted dates are written day first wherever they are used ("05.08.2019" is 5 August 2019)
    (
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)"),
        _numeric_date,
        3,
        "#digit",
    ),
    (
        re.compile(rf"\b(?:(?P<mod>{MOD_PREFIX})[\s-]+)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<year>{YEAR})\b"),
        _month_year,
        2,
        T_MONTH,
    ),
    (
        re.compile(
            rf"(?:\b(?P<rel>(?i:last|next|this|past|previous|coming))\s+|\b(?P<mod>{MOD_PREFIX})[\s-]+|\b)(?P<mon>{MON})\b"
            r"(?!\.?\s*\d)"
        ),
        _month_alone,
        1,
        T_MONTH,
    ),
    (
        re.compile(rf"(?<![\d$.,/-])\b(?:(?P<mod>{MOD_PREFIX})[\s-]+)?(?P<year>{YEAR})\b(?![\d%]|,\d|\.\d|-\d|s\b|'s)"),
        _year_alone,
        1,
        T_YEAR,
    ),
    (re.compile(rf"\bfiscal(?:\s+year)?\s+(?P<year>{YEAR})\b", re.I), _fiscal_year, 2, "fiscal"),
    (
        re.compile(
            r"\b(?=[tTeEmMlLfFsSnN'’1-9])(?:(?P<half>the\s+(?:first|second|last|latter)\s+half\s+of)\s+)?(?P<the>the\s+)?"
            r"(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?:(?P<dec>1\d\d0|20\d0)|['’](?P<dec2>\d0)|(?P<dec3>[2-9]0))['’]?s|"
            rf"(?P<decw>(?i:{'|'.join(_DECADE_WORDS)})))\b"
        ),
        _decade_fix,
        2,
        "#digit " + " ".join(_DECADE_WORDS),
    ),
    (
        re.compile(rf"\b(?P<name>{HOLIDAYS})\b(?:\s+(?P<year>{YEAR})\b)?", re.I),
        _holiday,
        2,
        "christmas orthodox new valentine valentines independence halloween veterans armistice may labour thanksgiving",
    ),
]
