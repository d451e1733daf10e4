"""Photo captions, credits, bylines and datelines: lines that belong to the page, not to the article's prose.

Captions are kept apart from the body (their dates still count as evidence for the dates stage) instead of being
dropped. The shapes recognised here are the ones wire photos carry everywhere: a trailing "[Name/Agency]" credit,
"TOPSHOT - ... / AFP / NAME", "FILE PHOTO: ...", "(Photo by Name/Agency)", "Photo: Agency" credit lines and
"This picture taken on ... shows ..." descriptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from truceline.clean.rules import ChromeRules, load_rules
from truceline.model import Caption


def _words(text: str) -> list[str]:
    return text.split()


_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
# Words a standalone date/time line may hold besides the date itself ("Updated: Friday 14 June 2019, 10:32 GMT").
_DATE_LINE_WORDS = frozenset(
    _MONTHS
    + _WEEKDAYS
    + _words(
        "published updated posted last modified first date on at am pm a.m p.m gmt utc est edt cet cest eet eest "
        "bst local time st nd rd th of the"
    )
)
_CREDIT_PREFIX = re.compile(
    r"^(?:(?:file )?(?:photo|photograph|image|picture|pic)s?|credit)\s*(?:credit|by|courtesy(?: of)?)?\s*[:\-–—]?\s*",
    re.I,
)
_BYLINE_PARTS = re.compile(r"\s*[|·•–—]\s*|\s+-\s+|,\s+(?=\d)")
_CLOSERS = ("]", ")", "].", ").")
_TAIL = 90  # credits are short: only a line's last characters are searched for one
_NOT_NAMES = frozenset([*_MONTHS, *_WEEKDAYS, "the", "then", "now", "late", "early", "mid", "noon", "nightfall"])
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Patterns:
    trailing_credit: re.Pattern[str]
    slash_credit: re.Pattern[str]
    photo_by: re.Pattern[str]
    outlet_credit: re.Pattern[str]
    credit_suffix: re.Pattern[str]
    prefix: re.Pattern[str]
    credit_line: re.Pattern[str]
    describes_photo: re.Pattern[str]
    byline: re.Pattern[str]
    staff_byline: re.Pattern[str]
    credits_trailer: re.Pattern[str]
    lead_dateline: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    agency = load_rules().agency_pattern
    months = "|".join(_MONTHS)
    # a date or time as bylines append it: "05.05.2019", "14 June 2019", "10:32 GMT"
    stamp = rf"\d{{1,4}}(?:[./:-]\d{{1,4}}){{0,2}}(?:\s+(?i:{months}|gmt|utc|am|pm)\.?)?(?:\s+\d{{2,4}})?(?:\s+\d{{1,2}}:\d{{2}})?"
    city = r"[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3}"  # "ANKARA", "NUR-SULTAN", "ABU DHABI"
    source = r"[A-Z][\w .&'’\-]{1,40}"  # "(Reuters)", "(Levant Wire)"
    name = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|al|bin|ibn|de|del|van|von|el|da|di|le|la)){0,4}"
    return _Patterns(
        # "... text. [Aaref Watad/AFP]", "... (Name / Reuters)", "[AFP]", "(Photo: Name)"
        trailing_credit=re.compile(
            r"(?P<text>.+?)\s*(?:\[(?P<sq>[^\[\]]{1,80})\]|\((?P<par>(?:photo|image|picture|credit|file)\b[^()]{0,80})\))"
            r"\s*\.?$",
            re.IGNORECASE,
        ),
        # "... text.  / AFP / Omar NAME", "... text. AFP PHOTO / NAME", "... 2018. Jane Roe AP Photo.":
        # searched in the line's tail only.
        slash_credit=re.compile(
            rf"(?:^|\s)(?P<credit>/\s*{agency}\s*(?:/\s*[^/]{{2,60}})?|{agency} PHOTO\s*/\s*[^/]{{2,60}}"
            rf"|(?<=[.!?] )(?:[A-Z][\w'’.\-]+\s+){{1,4}}{agency}\s+(?i:photo|images?))\.?$"
        ),
        # "... (Photo by NAME/AFP via Getty Images)"
        photo_by=re.compile(
            r"(?P<text>.+?)\s*\((?P<credit>(?:photo|image|picture)s?\s+(?:by|credit|courtesy)[^()]{2,100})\)\s*\.?$",
            re.I,
        ),
        # "... , May 2019. (Valley Daily Monitor)": a short capitalised name in brackets after a full stop
        outlet_credit=re.compile(r"(?P<text>.+[.!?])\s*\((?P<credit>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4})\)\s*"),
        # "... text. Photo: Name / Outlet", "... text. Credit: Agency"
        credit_suffix=re.compile(
            r"(?P<text>.+[.!?])\s+(?:(?:file )?(?:photo|photograph|image|picture)s?(?: by| credit)?|credit)\s*:\s*"
            r"(?P<credit>[^.]{2,80})",
            re.IGNORECASE,
        ),
        # "TOPSHOT - ...", "FILE PHOTO: ...", "FILE - ...": capitals only, so a sentence starting "File" stays.
        prefix=re.compile(
            r"(?:TOPSHOT|FILE PHOTO|FILE PICTURE|FILE PIC|FILE|PHOTO|PICTURE|IMAGE|IN PICTURES)\s*[-:–—]\s*\S"
        ),
        # "Photo: Reuters", "Image credit: Name/AFP", "Photograph by Name"
        credit_line=re.compile(
            r"(?:photo|photograph|image|picture|pic|credit)s?\s*(?:credit|by|courtesy(?: of)?)?\s*[:\-–—]?\s*(?P<credit>.{2,80})",
            re.IGNORECASE,
        ),
        # "This picture taken on ... shows ...", "In this photo released by ...", "A handout image provided by ..."
        describes_photo=re.compile(
            r"(?:(?:this|the|a|an|in this|in the)\s+)(?:[\w-]+\s+){0,3}(?:photo|photograph|picture|image|handout|still|"
            r"frame grab|screen ?grab|video grab)s?\b.{0,200}?\b(?:shows?|showing|taken|released|provided|"
            r"obtained|made available|distributed|made|posted)\b.*",
            re.IGNORECASE,
        ),
        # "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE | Correspondent"
        byline=re.compile(
            rf"(?i:by|written by|words by|story by|author\s*:)\s+(?P<first>{name})(?:\s*(?:,|and|&)\s*{name})*"
            rf"(?:\s*[,|·•–—-]\s*(?:{name}|{stamp}))*"
        ),
        # "Valley Post staff", "Our Correspondent", "Staff Reporter"
        staff_byline=re.compile(
            rf"(?:{name}\s+)?(?i:staff(?: writer| reporter)?|correspondents?|reporters?|news desk|desk|bureau)"
            rf"(?:\s*[,|·•–—-]\s*(?:{name}|{stamp}))*"
        ),
        # "Reporting by ...; Editing by ..." trailers
        credits_trailer=re.compile(r"\(?(?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b.{0,300}", re.I),
        # "ANKARA (AA) - ", "BEIRUT, June 14 (Reuters) -", "(Reuters) —", "Idlib, Syria (AP) —"
        lead_dateline=re.compile(
            rf"(?P<dateline>(?:{city}(?:,\s*[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){{0,2}})?"
            rf"(?:,?\s*(?i:{months})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?(?:\s*\({source}\))?"
            rf"|(?:[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){{0,2}},\s*)?\((?:{agency})\))\s*[-–—:]+)\s",
        ),
    )


def find_caption(line: str, rules: ChromeRules | None = None) -> Caption | None:
    """The line as a Caption when it is a photo caption or a credit line, else None."""
    rules = rules or load_rules()
    pats = _patterns()
    if line.endswith(_CLOSERS):
        m = pats.trailing_credit.fullmatch(line)
        if m:
            credit = (m.group("sq") or m.group("par") or "").strip()
            if m.group("par") is not None or "/" in credit or rules.is_agency(credit) or _is_credit_word(credit):
                return Caption(m.group("text").strip(), _credit(credit))
        m = pats.photo_by.fullmatch(line)
        if m:
            return Caption(m.group("text").strip(), _credit(m.group("credit")))
        m = pats.outlet_credit.fullmatch(line) if len(line) <= 400 else None
        # "(More)" or "(Continued)" closes a teaser, not a caption: a credit is a name of two words or an agency
        if m and (" " in m.group("credit") or rules.is_agency(m.group("credit"))):
            return Caption(m.group("text").strip(), m.group("credit"))
    elif "/" in line[-_TAIL:] or " PHOTO" in line[-_TAIL:].upper() or " IMAGE" in line[-_TAIL:].upper():
        tail_start = max(0, len(line) - _TAIL)
        m = pats.slash_credit.search(line, tail_start)
        if m and m.start() > 0:
            return Caption(line[: m.start()].strip(), m.group("credit").strip(" /."))
    tail = line[-_TAIL:].casefold()
    if ("photo" in tail or "credit" in tail or "image" in tail or "picture" in tail) and (
        m := pats.credit_suffix.fullmatch(line)
    ):
        return Caption(m.group("text").strip(), m.group("credit").strip())
    if pats.prefix.match(line):
        return Caption(line, None)
    if len(line) <= 90:
        m = pats.credit_line.fullmatch(line)
        if m and (
            rules.is_agency(m.group("credit")) or "/" in m.group("credit") or (line[:1].isalpha() and ":" in line)
        ):
            return Caption("", m.group("credit").strip())
    if len(line) <= 400 and pats.describes_photo.match(line):
        return Caption(line, None)
    return None


def _credit(text: str) -> str:
    """ "Photo: Jane Doe/AFP" -> "Jane Doe/AFP"; "Photo by Jane Doe" -> "Jane Doe"."""
    return _CREDIT_PREFIX.sub("", text.strip()).strip() or text.strip()


def _is_credit_word(text: str) -> bool:
    return text.casefold().startswith(("photo", "image", "picture", "credit", "file"))


def is_byline(line: str) -> bool:
    """ "By Jane Doe" lines and "Reporting by ..." trailers; "By Friday, ..." is prose, not a byline."""
    if len(line) > 320:
        return False
    pats = _patterns()
    if pats.credits_trailer.fullmatch(line):
        return True
    if len(line) > 120:
        return False
    m = pats.byline.fullmatch(line)
    if m is not None:
        return m.group("first").split()[0].casefold() not in _NOT_NAMES
    return len(line) <= 60 and pats.staff_byline.fullmatch(line) is not None


def split_byline_date(byline: str) -> tuple[str, str | None]:
    """ "By Jane Doe | 05.05.2019" -> ("By Jane Doe", "05.05.2019"): the date is the page's, the name the writer's."""
    parts = _BYLINE_PARTS.split(byline)
    if len(parts) < 2 or not is_date_line(parts[-1]):
        return byline, None
    return byline[: byline.rindex(parts[-1])].rstrip(" ,|·•–—-"), parts[-1]


def is_date_line(line: str) -> bool:
    """A line that is only a date or time stamp, e.g. "Updated: Fri 14 Jun 2019 10:32 GMT" or "14.06.2019"."""
    if len(line) > 80 or not _HAS_DIGIT.search(line):
        return False
    return all(w.casefold() in _DATE_LINE_WORDS for w in _WORD.findall(line))


def lead_dateline(paragraph: str) -> str | None:
    """The "CITY, Date (Agency) -" lead of a first paragraph, without its dash; the paragraph keeps it."""
    m = _patterns().lead_dateline.match(paragraph)
    if not m:
        return None
    return m.group("dateline").rstrip(" -–—:")
