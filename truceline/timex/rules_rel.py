"""Rules for expressions that need the anchor: weekdays, "yesterday", "last week", "earlier this month",
"the third quarter", "this summer", "two days ago", clock times.

Without an anchor they still get found, with X placeholders in their values (UNRESOLVED), so the publication-
date reasoning can read them too.
"""

from __future__ import annotations

import re
from datetime import timedelta

from truceline.timex.calendar import (
    quarter_of,
    resolve_season,
    resolve_weekday,
    shift,
    value_at,
    week_value,
)
from truceline.timex.context import UNRESOLVED, Candidate, Context
from truceline.timex.lexicon import lexicon, parse_number
from truceline.timex.patterns import NUMW, POD, T_WEEKDAY, WD, mod_code, quoted_title
from truceline.timex.rules_abs import Rule

_POD = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI", "tonight": "TNI"}
# One decade or century as TIMEX3 writes it (years, not a DE/CE letter).
_ONE_UNIT = {"DE": "P10Y", "CE": "P100Y"}
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}


_DEADLINE = re.compile(r"\b(?:until|till|by|as\s+soon\s+as|as\s+early\s+as)\s+(?:on\s+)?$", re.I)


def _weekday(name: str) -> int:
    return lexicon().weekdays[name.rstrip(".").lower()]


def _weekday_rule(m: re.Match[str], ctx: Context) -> list[Candidate]:
    wd = _weekday(m.group("wd"))
    rel = (m.group("rel") or "").lower()
    pod = (m.group("pod") or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("mod") or "").lower())
    suffix = _POD.get(pod, "")
    typ = "TIME" if suffix else "DATE"
    tense = {"last": "past", "past": "past", "next": "future", "coming": "future", "this": "present"}.get(rel)
    clause_tense = ctx.tense(m.start(), m.end())
    if _DEADLINE.search(ctx.text, max(0, m.start() - 16), m.start()):
        # "until Friday", "as soon as Tuesday": a day ahead; one set in a past clause is the nearest such day.
        clause_tense = "future" if clause_tense != "past" else "present"
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), typ, f"XXXX-WXX-{wd}{suffix}", mod=mod, tense=tense or clause_tense)]
    if rel == "last":
        d = resolve_weekday(ctx.anchor - timedelta(days=1), wd, "past")
    elif rel == "next":
        d = resolve_weekday(ctx.anchor + timedelta(days=1), wd, "future")
    else:
        d = resolve_weekday(ctx.anchor, wd, tense or clause_tense)
    return [
        Candidate(m.start(), m.end(), typ, d.isoformat() + suffix, mod=mod, anchored=True, tense=tense or clause_tense)
    ]


def _weekday_plural(m: re.Match[str], ctx: Context) -> list[Candidate]:
    wd = _weekday(m.group("wd"))
    pod = _POD.get((m.group("pod") or "").lower(), "")
    return [Candidate(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}{pod}", priority=2)]


def _relative_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    word = " ".join(m.group("word").lower().split())
    offset = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
        "last night": -1,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
    }[word]
    pod = (m.group("pod") or "").lower() or word.split()[-1]
    suffix = _POD.get(pod, "")
    typ = "TIME" if suffix else "DATE"
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("mod") or "").lower())
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), typ, UNRESOLVED["D"] + suffix, mod=mod)]
    d = ctx.anchor + timedelta(days=offset)
    return [Candidate(m.start(), m.end(), typ, d.isoformat() + suffix, mod=mod, anchored=True)]


def _unit_value(ctx: Context, unit: str, offset: int) -> tuple[str, bool]:
    if ctx.anchor is None:
        return UNRESOLVED.get(unit, "XXXX"), False
    return value_at(shift(ctx.anchor, offset, unit), unit), True


def _relative_unit(m: re.Match[str], ctx: Context) -> list[Candidate]:
    if quoted_title(ctx.text, m.start(), m.end()):
        return []  # ABC's "This Week": a programme's name, not a week
    rel = " ".join(m.group("rel").lower().split())
    unit_word = m.group("unit").lower()
    mod = mod_code(m.group("mod") or m.group("mod2")) or {"earlier": "START", "later": "END"}.get(
        (m.group("when") or "").lower()
    )
    if unit_word == "weekend":
        return _weekend(m, ctx, rel)
    if unit_word in lexicon().seasons:
        return _season(m, ctx, rel, unit_word, mod)
    unit = _UNIT_CODE[unit_word]
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    if rel == "the latest":
        # "the latest fiscal year": the last one completed; "the latest week" likewise
        offset = -1
    fiscal = re.match(r"\s+(?:ended|ending|to\s+date|through)\b", ctx.text[m.end() : m.end() + 16])
    ref_shift: tuple[int, str] | None = None
    if rel in ("the previous", "the following") and unit in ("Y", "M", "W", "D"):
        offset = -1 if rel == "the previous" else 1
        ref_shift = (offset, unit)  # counts from the date the text last named, not from the anchor
    elif rel in ("the past", "the last") and unit == "Y" and not fiscal:
        offset = -1  # TimeBank's convention: "over the past year" names the year before the anchor
    elif rel in ("the past", "the last", "the next", "the coming", "the first") or (rel == "the" and fiscal):
        return [Candidate(m.start(), m.end(), "DURATION", _ONE_UNIT.get(unit, f"P1{unit}"), mod=mod)]
    value, anchored = _unit_value(ctx, unit, offset)
    if ref_shift:
        return [Candidate(m.start(), m.end(), "DATE", value, mod=mod, anchored=anchored, ref_shift=ref_shift)]
    if unit == "Q" and value != "XXXX-QX" and rel in ("last", "past", "previous"):
        value, anchored = _unit_value(ctx, "Q", -1)
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod, anchored=anchored)]


def _weekend(m: re.Match[str], ctx: Context, rel: str) -> list[Candidate]:
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-WXX-WE")]
    tense = ctx.tense(m.start(), m.end())
    if rel in ("next", "coming") or (rel in ("this", "the") and tense == "future"):
        d = resolve_weekday(ctx.anchor, 6, "future")
    else:
        d = resolve_weekday(ctx.anchor, 6, "past")
        if rel == "last" and ctx.anchor.isoweekday() >= 6:
            d -= timedelta(days=7)
    return [Candidate(m.start(), m.end(), "DATE", week_value(d) + "-WE", anchored=True)]


def _season(m: re.Match[str], ctx: Context, rel: str, word: str, mod: str | None) -> list[Candidate]:
    code = lexicon().seasons[word]
    if m.group("year"):
        return [Candidate(m.start(), m.end(), "DATE", f"{m.group('year')}-{code}", mod=mod)]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", f"XXXX-{code}", mod=mod)]
    if rel in ("last", "past", "previous"):
        year = resolve_season(ctx.anchor, code, "past", strict=True)
    elif rel in ("next", "coming"):
        year = resolve_season(ctx.anchor, code, "future", strict=True)
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = resolve_season(ctx.anchor, code, ctx.tense(m.start(), m.end()))
    return [Candidate(m.start(), m.end(), "DATE", f"{year:04d}-{code}", mod=mod, anchored=True)]


_ORDINAL_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(m: re.Match[str], ctx: Context) -> list[Candidate]:
    word = (m.group("qord") or "").lower()
    year = m.group("year")
    qyear = (m.groupdict().get("qyear") or m.groupdict().get("relyear") or "").lower()
    if qyear in ("this", "last", "next"):
        qyear = {"this": "this year's", "last": "last year's", "next": "next year's"}[qyear]
    if qyear and word in _ORDINAL_Q:
        if qyear[:1].isdigit():
            year = qyear
        elif ctx.anchor is not None:
            back = {"this": 0, "last": 1, "next": -1}.get(qyear.split()[0], 1)
            year = f"{ctx.anchor.year - back:04d}"
    if word in _ORDINAL_Q:
        q = _ORDINAL_Q[word]
        if year:
            return [Candidate(m.start(), m.end(), "DATE", f"{year}-Q{q}")]
        if ctx.anchor is None:
            return [Candidate(m.start(), m.end(), "DATE", f"XXXX-Q{q}")]
        y = ctx.anchor.year
        if q > quarter_of(ctx.anchor) and ctx.tense(m.start(), m.end()) == "past":
            y -= 1  # a quarter still ahead this year is last year's only when the clause looks back
        return [Candidate(m.start(), m.end(), "DATE", f"{y:04d}-Q{q}", anchored=True)]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-QX")]
    if word == "current":
        return [Candidate(m.start(), m.end(), "DATE", value_at(ctx.anchor, "Q"), anchored=True)]
    last = shift(ctx.anchor, -1, "Q")
    back = 0
    if word in ("year-earlier", "year-ago", "year earlier", "year ago"):
        last, back = shift(last, -1, "Y"), 1
    # "the latest quarter", "the year-ago quarter": the quarter the report last named (or the one before the
    # anchor's), that many years back
    return [
        Candidate(m.start(), m.end(), "DATE", value_at(last, "Q"), anchored=True, year_back_of="Q", years_back=back)
    ]


def _half(m: re.Match[str], ctx: Context) -> list[Candidate]:
    h = 1 if m.group("h").lower() == "first" else 2  # "second" and "last" both name the second half
    year = m.group("year") or (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")
    return [Candidate(m.start(), m.end(), "DATE", f"{year}-H{h}", anchored=not m.group("year"))]


def _ago(m: re.Match[str], ctx: Context) -> list[Candidate]:
    n = parse_number(m.group("num") or "a")
    unit = _UNIT_CODE.get(m.group("unit").lower().rstrip("s"), "D")
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1
    if n is None or n != int(n):
        if m.group("dir").lower() == "ago":
            return [Candidate(m.start(), m.end(), "DATE", "PAST_REF", anchored=ctx.anchor is not None)]
        letter = {"DE": "Y", "Q": "M"}.get(unit, unit)
        return [Candidate(m.start(), m.end(), "DURATION", f"PX{letter}")]
    if unit == "Y" and int(n) == 1 and m.group("dir").lower() != "from now" and _finance_context(ctx, m.start()):
        # Earnings reports compare with "a year earlier": the same quarter of the previous year (the quarter the
        # report last named, when it named one: fiscal quarters do not follow the calendar).
        value, anchored = _unit_value(ctx, "Q", -5)
        return [Candidate(m.start(), m.end(), "DATE", value, anchored=anchored, priority=2, year_back_of="Q")]
    if unit == "DE":  # "a decade ago" names a year ten years back, not a whole decade
        unit, n = "Y", n * 10
    if unit == "W" and n == 1 and m.group("dir").lower() in ("ago", "from now"):
        # "a week ago" points at a day (the same weekday, seven days back); "two weeks ago" and more at a week
        unit, n = "D", 7
    value, anchored = _unit_value(ctx, unit, direction * int(n))
    # "two days later" counts from the day being narrated; "two days ago" and "from now" from the anchor.
    ref_shift = (direction * int(n), unit) if m.group("dir").lower() in ("later", "earlier") else None
    return [
        Candidate(
            m.start(),
            m.end(),
            "DATE",
            value,
            anchored=anchored,
            mod=mod_code(m.group("approx")),
            priority=2,
            ref_shift=ref_shift,
        )
    ]


_FINANCE = re.compile(r"\b(?:quarter|quarterly|net income|net loss|earned|per share|a share|revenue|profit)\b", re.I)


def _finance_context(ctx: Context, pos: int) -> bool:
    return _FINANCE.search(ctx.text, max(0, pos - 300), pos + 100) is not None


def _finance_period(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "the quarter", "the latest period", "the year-earlier quarter" in an earnings report: the last quarter
    reported (the one before the anchor's), a year back for year-earlier comparisons."""
    if not _finance_context(ctx, m.start()):
        return []
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "DATE", "XXXX-QX")]
    back = -5 if m.group("ago") or m.group("ago2") or m.group("ago3") else -1
    value, anchored = _unit_value(ctx, "Q", back)
    if m.group("fy"):
        # "the 1988 quarter": the quarter being reported on, in the year named
        return [Candidate(m.start(), m.end(), "DATE", m.group("fy") + value[4:], anchored=False, sets_reference=False)]
    # The quarter reported on is the one the report last named, if any; else the one before the anchor's.
    return [
        Candidate(
            m.start(), m.end(), "DATE", value, anchored=anchored, year_back_of="Q", years_back=1 if back == -5 else 0
        )
    ]


_REL_WORDS = (
    r"(?P<rel>last|next|this|past|previous|coming|following|current|the\s+past|the\s+last|the\s+next|the\s+coming|"
    r"the\s+previous|the\s+following|the\s+first|the\s+latest|the)"
    # "the early summer", "the late spring": the modifier may follow the article
    r"(?:\s+(?P<mod2>early|mid|late)(?=[\s-]+(?:spring|summer|fall|autumn|winter)\b))?"
)
_YEAR_OPT = r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?"

RULES: list[Rule] = [
    (
        re.compile(
            r"\b(?:(?P<mod>late|early|earlier|later)\s+in\s+)?the\s+(?:same\s+)?day\b"
            r"(?!\s+(?:(?:before|after)\s+(?!\w+ing\b)|of|when)\b|[-'’])",
            re.I,
        ),
        lambda m, c: _the_day(m, c),
        0,
        "day",
    ),
    (
        re.compile(r"\b(?:year[\s-]end|year['’]s\s+end|the\s+end\s+of\s+the\s+year)\b", re.I),
        lambda m, c: _year_end(m, c),
        1,
        "year years end",
    ),
    (
        re.compile(r"\b(?:year[\s-]earlier|year[\s-]ago)\b(?!\s+(?:quarter|period))", re.I),
        lambda m, c: _year_earlier(m, c),
        0,
        "year",
    ),
    (
        re.compile(
            r"\b(?:(?:the|this|that)\s+(?:(?:latest|last|same|comparable|corresponding|recent)\s+)?"
            r"(?:(?P<ago>year[\s-]earlier|year[\s-]ago|prior[\s-]year)\s+|(?P<fy>(?:19|20)\d\d)\s+)?"
            r"|(?P<ago3>last\s+year['’]s)\s+)"
            r"(?:quarter|period)\b(?!s)"
            # "the same period last year", "the quarter a year ago": one expression, a year before the last quarter
            r"(?P<ago2>\s+(?:of\s+)?(?:last\s+year|the\s+(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier)))?"
            r"(?![\s-]+(?:ago|earlier)\b)",
            re.I,
        ),
        _finance_period,
        0,
        "quarter period",
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>early|late|mid)(?:[\s-]+on)?[\s-]+|(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{WD})"
            rf"(?:\s+(?P<pod>{POD}))?\b",
            re.I,
        ),
        _weekday_rule,
        1,
        T_WEEKDAY,
    ),
    (re.compile(rf"\b(?P<wd>{WD})s(?:\s+(?P<pod>{POD})s?)?\b"), _weekday_plural, 2, T_WEEKDAY),
    (
        re.compile(
            r"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            rf"yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)"
            rf"(?:\s+(?P<pod>{POD}))?\b",
            re.I,
        ),
        _relative_day,
        2,
        "yesterday today tonight tomorrow night morning afternoon evening",
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of)[\s-]+|(?P<when>earlier|later)\s+)?"
            rf"{_REL_WORDS}\s+(?:fiscal\s+)?(?P<unit>week|month|year|decade|century|weekend|spring|summer|fall|autumn|winter)\b{_YEAR_OPT}(?!\s+of\b)(?![\s-](?:earlier|ago|end|long|old)\b)",
            re.I,
        ),
        _relative_unit,
        1,
        "week month year decade century weekend spring summer fall autumn winter",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<qyear>(?:19|20)\d\d|year[\s-]earlier|year[\s-]ago|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?"
            r"(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|year[\s-]earlier|year[\s-]ago)[\s-]+)"
            r"(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)|\s+of\s+(?P<relyear>this|last|next)\s+year)?",
            re.I,
        ),
        _quarter,
        2,
        "quarter",
    ),
    (
        re.compile(r"\bthe\s+fiscal\s+(?P<qord>first|second|third|fourth)\s+quarter\b(?P<year>)", re.I),
        _quarter,
        2,
        "quarter",
    ),
    (
        re.compile(r"\bthe\s+(?P<h>first|second|last)\s+half\b(?:\s+of\s+(?P<year>(?:19|20)\d\d))?", re.I),
        _half,
        2,
        "half",
    ),
    (
        re.compile(
            rf"\b(?:(?P<approx>about|around|nearly|almost|some|roughly|more\s+than|less\s+than|over|just\s+over)\s+)?"
            rf"(?P<num>\d+|{NUMW}|an?|one|a\s+few|few|several|many|some)[\s-]+(?P<unit>day|week|month|year|decade|quarter)s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now)\b",
            re.I,
        ),
        _ago,
        3,
        "ago earlier later now",
    ),
    (
        re.compile(r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<word>overnight)\b(?P<pod>)", re.I),
        lambda m, c: _overnight(m, c),
        1,
        "overnight",
    ),
]


def _year_end(m: re.Match[str], ctx: Context) -> list[Candidate]:
    value, anchored = _unit_value(ctx, "Y", 0)
    return [Candidate(m.start(), m.end(), "DATE", value, mod="END", anchored=anchored)]


def _year_earlier(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "year-earlier results": in an earnings report, the same quarter a year before."""
    unit, back = ("Q", -5) if _finance_context(ctx, m.start()) else ("Y", -1)
    value, anchored = _unit_value(ctx, unit, back)
    return [Candidate(m.start(), m.end(), "DATE", value, anchored=anchored, year_back_of="Q" if unit == "Q" else None)]


def _the_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "late in the day", "to end the day", "the same day": the day being narrated (the reference time)."""
    mod = {"late": "END", "later": "END", "early": "START", "earlier": "START"}.get((m.group("mod") or "").lower())
    value, anchored = _unit_value(ctx, "D", 0)
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod, anchored=anchored, ref_shift=(0, "D"))]


def _overnight(m: re.Match[str], ctx: Context) -> list[Candidate]:
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "TIME", UNRESOLVED["D"] + "TNI")]
    d = ctx.anchor - timedelta(days=1) if ctx.tense(m.start(), m.end()) != "future" else ctx.anchor
    return [Candidate(m.start(), m.end(), "TIME", d.isoformat() + "TNI", anchored=True)]
