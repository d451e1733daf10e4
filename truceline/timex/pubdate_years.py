"""Years a report names, as bounds on when it was written.

A year told as past is a lower bound: the report was written in it or later. It is told as past when
- its clause is in the past tense and nothing before it in the clause looks ahead ("first flew in April 2005 and is
  expected to enter service" keeps 2005: the forward words come after it);
- it follows "since" ("the lowest level since 1997", "has not been in recession since 2001");
- it names a past happening ("the 1996 Olympic bombing", "its 1990 invasion of Kuwait", "her June 2012 car accident
  case"), whatever the tense around it;
Never a lower bound: a year after a word of deadline or period ("by 2012", "until 1994", "due March 1, 2011",
"through 1990", "after Jan. 1, 1990"), a year under a modal ("would have been delivered by 2011", "can be tested in
2010"), a year naming something ahead or a model ("the 2024 race", "the 2011 version"), unless the contest is
told as over ("ended the 2008 season", "won the 2016 election").

A year told ahead is an upper bound: "the first jets will be delivered in 2014", "will be delayed until October
2007" were written before that year (month) ended. Only a year that times the future verb counts (after in, by,
until, through, during, before, from, or due), not one inside a noun phrase ("will spotlight his vote against the
1994 crime bill"), and not in a clause that also tells the past ("who were invited in July 1997, will join").

A year also told by its distance from the report dates it: "last year's 2018 elections" (2019), "in 2014, five
years ago" (2019 or 2020), "two years after the 2003 invasion" (2005 or later). A fiscal year told as past ("in
fiscal 1989") bounds from the February before it, as it may be named for the year it ends in.
A decade told as past ("in the 1990s") bounds from its first year; "the Nth anniversary of the 2003 invasion" is
written from the year before that anniversary on (and, told in the present, within the anniversary's year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from truceline.timex.calendar import value_interval
from truceline.timex.context import Candidate
from truceline.timex.tense import clause_bounds

_YEARISH = re.compile(r"^(\d{4})(?:$|-)")
_DECADE = re.compile(r"^(\d{3})$")
# Words of a deadline or a period that may lie ahead: a year after them is no sign the report is later.
_PERIOD_OF = (
    r"\s+(?:(?:the\s+)?(?:end|start|beginning|middle|close|first|second|third|fourth|last|final)\s+"
    r"(?:half\s+|quarter\s+|months?\s+|weeks?\s+|days?\s+)?of\s+|(?:a\s+)?(?:good\s+|large\s+)?(?:part|most|much|all|"
    r"rest|remainder)\s+of\s+)?(?:(?:early|mid|late)[\s-]+)?$"
)
_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:(?:by|until|till|through|thru|before|due|into)"
    + _PERIOD_OF
    + r"|(?:a\s+)?(?:good\s+|large\s+)?(?:part|most|much|rest|remainder)\s+of\s+$)"
)
# In a clause with no past tense, a year that opens or closes a period may lie ahead too ("after Jan. 1, 1990").
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:after|from|to|for|starting|beginning)" + _PERIOD_OF)
# A finite verb of the future: "will be delivered", "is expected to start", "are due to". Infinitives ("to be
# released"), modals and verbs of planning in the past ("were prepared to") are not: a plan told in the past may
# have been for a year long gone.
_FINITE_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are|am)\s+(?:not\s+|now\s+|also\s+|still\s+)?(?:expected|due|scheduled|set|"
    r"slated|planned|projected|forecast)\b|(?:is|are|am)\s+(?:now\s+|also\s+|still\s+)?(?:going|preparing|planning|"
    r"poised|hoping|aiming)\s+to|(?:plans|intends|aims|hopes|expects)\s+to)\b"
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|said|told|added|announced)\b")
# A year that opens its clause ("In 2024, the right ... will become"): what follows is said of that year.
_FRONTED = re.compile(r"(?i)(?:^|[.;:\n“\"]\s*)(?:in|by|from|during|until)\s+(?:(?:early|mid|late)[\s-]+)?$")
# Words before a year, in its clause, that look ahead (case matters for "may": the month is not the modal).
_AHEAD_BEFORE = re.compile(
    r"\b(?:[Ww]ill|[Ww]on't|[Ss]hall|'ll|[Ww]ould|[Ss]hould|[Cc]ould|[Cc]an|may|might|must|[Ee]xpect(?:s|ed)?|"
    r"[Dd]ue|[Ss]lated|[Ss]cheduled|set\s+to|set\s+for|[Pp]lans?\s+to|[Pp]lanned|[Hh]ope[sd]?|[Uu]pcoming|"
    r"[Ff]orthcoming|[Cc]oming|[Nn]ext|[Ff]orecast\w*|[Pp]roject(?:ed|ing|ions?)|[Pp]redict\w*|[Ee]stimat\w*|"
    r"[Aa]nticipat\w*|[Tt]arget|[Ii]ntends?|[Aa]ims?\s+to|to\s+be)\b"
)
# A year that names a contest, a goal or a model ("the 2024 race", "its 2030 target", "the 2011 version").
YEAR_OF_SOMETHING_AHEAD = re.compile(
    r"(?i)\s+(?:[A-Z]{2,5}\s+|presidential\s+|general\s+|parliamentary\s+|model\s+)?(?:race|election|elections|"
    r"campaign|bid|nominee|nomination|vote|polls|primary|primaries|budget|target|goal|deadline|olympics|games|"
    r"world\s+cup|season|version|versions|model|models|edition|release|lineup|line-up|plan|plans|forecast|outlook)\b"
)
# A year right before the name of a happening, a few words in between at most: "the 1996 Olympic bombing".
_HAPPENING_AFTER = re.compile(
    r"(?i)^(?:\s+[\w'’-]+){0,3}?\s+(?:attacks?|bombings?|blasts?|explosions?|assassination|invasion|war|uprising|"
    r"revolution|coup|massacre|shootings?|killings?|murders?|rampage|fire|crash|accident|earthquake|quake|tsunami|"
    r"hurricane|floods?|crisis|collapse|genocide|siege|offensive|occupation|annexation|intervention|riots?|"
    r"protests?|deal|agreement|accord|treaty|ceasefire|cease-fire|truce|referendum|disaster|scandal|recession|"
    r"bankruptcy|merger|takeover|acquisition|arrest|conviction|sentencing|trial|verdict|ruling|incident|raid)\b"
)
# A verb or preposition that puts a contest behind: "ended the 2008 season", "during the 2016 campaign".
_OVER_BEFORE = re.compile(
    r"(?i)\b(?:won|lost|ended|finished|concluded|completed|during|after|following|since)\s+(?:the\s+|its\s+|their\s+|"
    r"his\s+|her\s+)?$"
)
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?$")
# What times a verb: a year after one of these belongs to the verb, not to a noun.
_ADJUNCT_BEFORE = re.compile(
    r"(?i)\b(?:in|by|until|till|through|thru|during|before|from|due|for)\s+(?:(?:the\s+)?(?:end|start|beginning|"
    r"middle|close|first|second|third|fourth|last)\s+(?:half\s+|quarter\s+)?of\s+)?(?:(?:early|mid|late)[\s-]+)?$"
)
_ANNIVERSARY = re.compile(
    r"(?i)\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$"
)
_WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100,
}  # fmt: skip
_WORD_ANNIVERSARY = re.compile(
    r"(?i)\b(" + "|".join(_WORD_ORDINALS) + r")\s+anniversary\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$"
)


_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a": 1, "one-and-a-half": 1,
}  # fmt: skip
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
# "two years after the 2003 invasion", "five years since 2014": the report is from that many years on, at least.
_YEARS_AFTER = re.compile(r"(?i)\b" + _NUMBER + r"[\s-]+years?\s+(?:after|since)\s+(?:the\s+|its\s+|their\s+)?$")
# "in 2014, five years ago", "five years ago, in 2014": the report is from that many years on.
_YEARS_AGO_AFTER = re.compile(
    r"(?i)^,?\s+(?:some\s+|about\s+|nearly\s+|almost\s+)?" + _NUMBER + r"[\s-]+years?\s+ago\b"
)
_YEARS_AGO_BEFORE = re.compile(r"(?i)\b" + _NUMBER + r"[\s-]+years?\s+ago,?\s+(?:in\s+)?$")
# "last year's 2018 elections", "in 2018, last year,": the year named relative to the report's own.
_RELATIVE_BEFORE = re.compile(r"(?i)\b(last|this|next)\s+year['’]s\s+$")
_RELATIVE_POSSESSIVE = re.compile(r"(?i)\b(last|this|next)\s+year['’]s\s+((?:19|20)\d\d)\b")
_RELATIVE_AFTER = re.compile(r"(?i)^,?\s+(last|this|next)\s+year\b(?!['’]s)")
_RELATIVE_SHIFT = {"last": 1, "this": 0, "next": -1}
_FISCAL_BEFORE = re.compile(r"(?i)\b(?:fiscal|FY)\s*(?:year\s+)?$")


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


@dataclass(frozen=True, slots=True)
class YearBound:
    lo: date | None
    hi: date | None
    surface: str
    how: str


def year_bounds(text: str, cands: list[Candidate], tense_of: Callable[[str, Candidate], str]) -> list[YearBound]:
    """The bounds the years and decades of `text` put on when it was written (see the module's docstring).
    `tense_of(text, candidate)` gives the tense of a candidate's clause."""
    out: list[YearBound] = []
    for rel in _RELATIVE_POSSESSIVE.finditer(text):
        # "last year's 2018 elections": the tagger reads "last year" and leaves the year, so it is read here
        y = int(rel[2]) + _RELATIVE_SHIFT[rel[1].lower()]
        out.append(YearBound(date(y, 1, 1), date(y, 12, 31), rel.group(), f"{rel[1].lower()} year is {rel[2]}"))
    for c in cands:
        if c.type != "DATE":
            continue
        surface = text[c.start : c.end]
        if decade := _DECADE.match(c.value):
            if _told_past(text, c, tense_of(text, c)):
                out.append(YearBound(date(int(decade[1]) * 10, 1, 1), None, surface, "a decade told as past"))
            continue
        m = _YEARISH.match(c.value)
        if not m or c.value.startswith("X"):
            continue
        year = int(m[1])
        tense = tense_of(text, c)
        if (told := _year_told_from_now(text, c, year)) is not None:
            if tense != "future" or told.hi is not None:
                out.append(YearBound(told.lo, told.hi, surface, told.how))
            continue
        if anniversary := _anniversary(text, c):
            n = anniversary
            hi = date(year + n, 12, 31) if tense in ("present", "future", "none") else None
            out.append(YearBound(date(year + n - 1, 1, 1), hi, surface, f"the {n}th anniversary of {year}"))
            continue
        ahead = _finite_future(text, c)
        if not ahead and _told_past(text, c, tense):
            if _FISCAL_BEFORE.search(text, max(0, c.start - 14), c.start) or surface.lower().startswith("fiscal"):
                # a fiscal year named for the year it ends in may begin in the year before
                out.append(YearBound(date(year - 1, 2, 1), None, surface, "a fiscal year told as past"))
            else:
                out.append(YearBound(date(year, 1, 1), None, surface, "told as past"))
        elif ahead:
            try:
                end = value_interval(c.value)[1]
            except (ValueError, KeyError, TypeError):
                continue
            if end is not None:
                out.append(YearBound(None, end, surface, "told as ahead"))
    return out


def _year_told_from_now(text: str, c: Candidate, year: int) -> YearBound | None:
    """A year the text also tells by its distance from the report: "last year's 2018 elections" (written in 2019),
    "in 2014, five years ago" (2019 or the year after), "two years after the 2003 invasion" (2005 or later)."""
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 40]
    m = _RELATIVE_BEFORE.search(before) or _RELATIVE_AFTER.match(after)
    if m:
        y = year + _RELATIVE_SHIFT[m[1].lower()]
        return YearBound(date(y, 1, 1), date(y, 12, 31), "", f"{m[1].lower()} year is {year}")
    m = _YEARS_AGO_AFTER.match(after) or _YEARS_AGO_BEFORE.search(before)
    if m and (n := _number(m[1])) is not None:
        return YearBound(date(year + n, 1, 1), date(year + n + 1, 12, 31), "", f"{year} was {n} years ago")
    m = _YEARS_AFTER.search(before)
    if m and (n := _number(m[1])) is not None:
        return YearBound(date(year + n, 1, 1), None, "", f"{n} years after {year}")
    return None


def _clause(text: str, c: Candidate) -> tuple[int, int]:
    return clause_bounds(text, c.start, c.end)


def _told_past(text: str, c: Candidate, tense: str) -> bool:
    left, _ = _clause(text, c)
    before = text[max(left, c.start - 40) : c.start]
    if _SINCE_BEFORE.search(before):
        return True
    if YEAR_OF_SOMETHING_AHEAD.match(text, c.end):
        # "ended the 2008 season", "won the 2016 election": a contest that is over; else it may lie ahead
        return tense == "past" and bool(_OVER_BEFORE.search(before))
    if _HAPPENING_AFTER.match(text[c.end : c.end + 60]) and tense != "future":
        return True
    if _DEADLINE_BEFORE.search(before) or (tense != "past" and _PERIOD_BEFORE.search(before)):
        return False
    if _AHEAD_BEFORE.search(text, left, c.start):
        return False
    return tense == "past"


def _finite_future(text: str, c: Candidate) -> bool:
    """The year times a finite future verb of its clause: it follows a preposition of time, ends its phrase, and
    the verb comes before it with no past verb between ("will be delayed until October 2007"), or it opens the
    clause and the verb follows ("In 2024, the right ... will become")."""
    left, right = _clause(text, c)
    before = text[max(left, c.start - 40) : c.start]
    if not _ADJUNCT_BEFORE.search(before):
        return False
    if _HAPPENING_AFTER.match(text[c.end : c.end + 60]) or YEAR_OF_SOMETHING_AHEAD.match(text, c.end):
        return False
    after = text[c.end : c.end + 2]
    if after[:1] == " " and after[1:2].isalpha() and after[1:2].isupper():
        return False  # "in 2010 Kraft Foods ...": the year starts a name
    verbs = list(_FINITE_FUTURE.finditer(text, left, c.start))
    if verbs:
        return not _PAST_VERB.search(text, verbs[-1].end(), c.start)
    if _FRONTED.search(text, max(0, c.start - 30), c.start) and text.startswith(",", c.end):
        follow = _FINITE_FUTURE.search(text, c.end, right)
        return follow is not None and not _PAST_VERB.search(text, c.end, follow.start())
    return False


def _anniversary(text: str, c: Candidate) -> int | None:
    before = text[max(0, c.start - 50) : c.start]
    if m := _ANNIVERSARY.search(before):
        return int(m[1]) or None
    if m := _WORD_ANNIVERSARY.search(before):
        return _WORD_ORDINALS[m[1].lower()]
    return None
