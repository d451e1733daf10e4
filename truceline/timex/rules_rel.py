"""Rules for expressions that need the anchor: weekdays, "yesterday", "last week", "earlier this month",
"the third quarter", "this summer", "two days ago", clock times.

Without an anchor they still get found, with X placeholders in their values (UNRESOLVED), so the publication-
date reasoning can read them too.
"""

from __future__ import annotations

import re
from datetime import timedelta

from truceline.timex.calendar import (
    resolve_season,
    resolve_weekday,
    week_value,
)
from truceline.timex.context import UNRESOLVED, Candidate, Context
from truceline.timex.context import unit_value as _unit_value
from truceline.timex.lexicon import lexicon, parse_number, weekday_number
from truceline.timex.patterns import NUMW, POD, T_WEEKDAY, WD, mod_code, quoted_title
from truceline.timex.rules_abs import Rule
from truceline.timex.rules_fin import finance_context

_POD = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI", "tonight": "TNI"}
# One decade or century as TIMEX3 writes it (years, not a DE/CE letter).
_ONE_UNIT = {"DE": "P10Y", "CE": "P100Y"}
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}


_DEADLINE = re.compile(r"\b(?:until|till|by|as\s+soon\s+as|as\s+early\s+as)\s+(?:on\s+)?$", re.I)


_FEAST_BEFORE = re.compile(r"\b(?:good|holy|maundy|palm)\s+$", re.I)


def _weekday_rule(m: re.Match[str], ctx: Context) -> list[Candidate]:
    if _FEAST_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        # "Good Friday", "Palm Sunday": a feast (rules_abs2), or a name built on one ("the Good Friday Agreement")
        return []
    wd = weekday_number(m.group("wd"))
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
    wd = weekday_number(m.group("wd"))
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
    if unit == "Y" and m.group("year") and rel in ("the", "this", "that"):
        return [Candidate(m.start(), m.end(), "DATE", m.group("year"), mod=mod)]  # "the year 2019": that year
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


def _bare_season(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "in spring", "during late summer 2019", "since winter": a season after a preposition, without an article."""
    found = _season(m, ctx, "", m.group("unit").lower(), mod_code(m.group("mod")))
    for cand in found:
        cand.start = m.start("mod") if m.group("mod") else m.start("unit")
    return found


_IN_BEFORE = re.compile(r"\bin\s+(?:\w+\s+){0,3}$")


def _ago(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "two days ago", "a week earlier", "three months later", "a year from now", "in two weeks' time"."""
    if m.group("time"):
        if not _IN_BEFORE.search(ctx.text[max(0, m.start() - 24) : m.start()] + " "):
            return []  # "two weeks' time" only counts ahead after "in" ("in two weeks' time")
        m_dir = "from now"
    else:
        m_dir = m.group("dir").lower()
    n = parse_number(m.group("num") or "a")
    unit = _UNIT_CODE.get(m.group("unit").lower().rstrip("s"), "D")
    if m.group("unit").lower().startswith("fortnight"):
        unit, n = "W", None if n is None else n * 2
    direction = -1 if m_dir in ("ago", "earlier", "before") else 1
    if n is None or n != int(n):
        if m_dir == "ago":
            return [Candidate(m.start(), m.end(), "DATE", "PAST_REF", anchored=ctx.anchor is not None)]
        letter = {"DE": "Y", "Q": "M"}.get(unit, unit)
        return [Candidate(m.start(), m.end(), "DURATION", f"PX{letter}")]
    if unit == "Y" and int(n) == 1 and m_dir != "from now" and finance_context(ctx, m.start()):
        # Earnings reports compare with "a year earlier": the same quarter of the previous year (the quarter the
        # report last named, when it named one: fiscal quarters do not follow the calendar).
        value, anchored = _unit_value(ctx, "Q", -5)
        return [Candidate(m.start(), m.end(), "DATE", value, anchored=anchored, priority=2, year_back_of="Q")]
    if unit == "DE":  # "a decade ago" names a year ten years back, not a whole decade
        unit, n = "Y", n * 10
    if unit == "W" and n == 1 and m_dir in ("ago", "from now"):
        # "a week ago" points at a day (the same weekday, seven days back); "two weeks ago" and more at a week
        unit, n = "D", 7
    value, anchored = _unit_value(ctx, unit, direction * int(n))
    # "two days later" counts from the day being narrated; "two days ago" and "from now" from the anchor.
    ref_shift = (direction * int(n), unit) if m_dir in ("later", "earlier") else None
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
            rf"\b(?:(?P<approx>about|around|nearly|almost|some|roughly|more\s+than|less\s+than|over|just\s+over)\s+)?"
            rf"(?P<num>\d+|{NUMW}|an?|one|a\s+few|few|several|many|some)[\s-]+(?P<unit>day|week|fortnight|month|year|decade|quarter)s?(?:\s+or\s+so)?(?:\s+(?P<dir>ago|earlier|later|from\s+now)|['’]s?\s+(?P<time>time))\b",
            re.I,
        ),
        _ago,
        3,
        "ago earlier later now time",
    ),
    (
        # "fall" only with an article ("in the fall"): "in fall" is rare, and "fall" is mostly a verb or a noun
        re.compile(
            r"\b(?:in|during|since|until|till|through|throughout|over|by|before|after)\s+"
            r"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<unit>spring|summer|autumn|winter)\b"
            r"(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
            # a clause goes on after it ("in winter, when ..."), not a noun it modifies ("in spring water")
            r"(?=\s*(?:[,.;:)!?\"”]|$)|\s+(?:and|or|but|when|as|while|before|after|until|the|a|an|this|that|it|its|"
            r"they|he|she|we|to|with|for|in|on|at|is|was|were|are|has|had|have|will|would)\b)",
            re.I,
        ),
        _bare_season,
        1,
        "spring summer autumn winter",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<word>overnight)\b(?P<pod>)"
            rf"(?:\s+(?:(?P<into>into|to)\s+|on\s+)?(?P<wd>{WD})\b)?",
            re.I,
        ),
        lambda m, c: _overnight(m, c),
        1,
        "overnight",
    ),
]


def _year_end(m: re.Match[str], ctx: Context) -> list[Candidate]:
    value, anchored = _unit_value(ctx, "Y", 0)
    return [Candidate(m.start(), m.end(), "DATE", value, mod="END", anchored=anchored)]


def _the_day(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "late in the day", "to end the day", "the same day": the day being narrated (the reference time)."""
    mod = {"late": "END", "later": "END", "early": "START", "earlier": "START"}.get((m.group("mod") or "").lower())
    value, anchored = _unit_value(ctx, "D", 0)
    return [Candidate(m.start(), m.end(), "DATE", value, mod=mod, anchored=anchored, ref_shift=(0, "D"))]


def _overnight(m: re.Match[str], ctx: Context) -> list[Candidate]:
    """ "overnight": last night (tonight in a future clause); "overnight Saturday" that night; "overnight into
    Sunday" the night before Sunday."""
    if m.group("wd"):
        wd = weekday_number(m.group("wd"))
        if ctx.anchor is None:
            return [Candidate(m.start(), m.end(), "TIME", f"XXXX-WXX-{(wd - 2) % 7 + 1 if m.group('into') else wd}TNI")]
        day = resolve_weekday(ctx.anchor, wd, ctx.tense(m.start(), m.end()))
        night = day - timedelta(days=1) if m.group("into") else day
        return [Candidate(m.start(), m.end(), "TIME", night.isoformat() + "TNI", anchored=True, priority=2)]
    if ctx.anchor is None:
        return [Candidate(m.start(), m.end(), "TIME", UNRESOLVED["D"] + "TNI")]
    d = ctx.anchor - timedelta(days=1) if ctx.tense(m.start(), m.end()) != "future" else ctx.anchor
    return [Candidate(m.start(), m.end(), "TIME", d.isoformat() + "TNI", anchored=True)]
