"""Sentence-level cues: is a figure a period or war-long total, since when, and how it relates to the lead's.

A casualty figure in a sentence that says "since late April", "so far" or "the war has killed" is a total over a
period, not one incident's toll. The cues are regular expressions in the data file; this module compiles them once
and reads the start of the period ("since March 2011" -> "2011-03", "since late April" -> "XXXX-04").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from truceline.quantities.vocab import phrase_alternation, vocabulary

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_ABBREVIATIONS |= {"oct": 10, "nov": 11, "dec": 12}
_MONTH_NUMBER = _MONTHS | _ABBREVIATIONS
# Full names, or abbreviations with an optional full stop ("Jan. 12", "Sept 3"); never a bare "may" or "mar".
_MONTH = rf"(?:{'|'.join(_MONTHS)}|(?:{'|'.join(sorted(_ABBREVIATIONS, key=len, reverse=True))})\.?)(?![\w])"
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\w])"
_YEAR_NUMBER = r"(?:19|20)\d\d(?![\w])"
_SINCE_VALUE = re.compile(
    rf"\bsince\s+(?:(?:early|mid|late|the\s+(?:end|start|beginning|middle)\s+of)[-\s]+)?"
    rf"(?:(?:(?:the\s+)?(?P<day0>{_DAY})\s+(?:of\s+)?)?(?P<month>{_MONTH})(?:\s*(?P<day>{_DAY}))?"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_NUMBER}))?"
    rf"|(?P<year_only>{_YEAR_NUMBER})"
    rf"|(?:it|the\s+(?:war|conflict|uprising|revolt|revolution|crisis|fighting|insurgency))\s+"
    rf"(?:started|began|erupted|broke\s+out)\s+in\s+(?:(?P<month2>{_MONTH})\s+)?(?P<year2>{_YEAR_NUMBER}))",
    re.IGNORECASE,
)
# War-long, as opposed to a short period ("so far" in a day of clashes): wars, years, hosting refugees.
_WAR_LONG = re.compile(
    r"\b(?:war|conflict|uprising|insurgency|revolution|years?|decades?|hosts?|hosting|is\s+home\s+to|"
    r"since\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PeriodCues:
    cumulative: re.Pattern[str]
    comparison_since: re.Pattern[str]
    other_incident: re.Pattern[str]
    additive: re.Pattern[str]
    update: re.Pattern[str]
    subset_before: re.Pattern[str]

    def read(self, clause: str) -> tuple[bool, str | None]:
        """(is the clause's figure a period total, the TIMEX3-style start of the period or None)."""
        return _read(self, clause)

    def war_long(self, sentence: str) -> bool:
        """True when the sentence's period is the war's (or years), not a few days of one flare-up."""
        return bool(_WAR_LONG.search(sentence))


def _read(cues: PeriodCues, sentence: str) -> tuple[bool, str | None]:
    cumulative = False
    for m in cues.cumulative.finditer(sentence):
        if m.group().lower().startswith("since") and cues.comparison_since.search(
            sentence, max(0, m.start() - 45), m.start()
        ):
            continue  # "the deadliest attack since 2019" compares, it does not total
        cumulative = True
        break
    if not cumulative:
        return False, None
    return True, since_value(sentence)


def since_value(sentence: str) -> str | None:
    """The start of the period a "since ..." phrase names, as far as it can be read without an anchor date.

    TIMEX3 values with unknown parts as X: "since late April" -> "XXXX-04" (the "late" stays in the text),
    "since March 2011" -> "2011-03", "since Jan. 12" -> "XXXX-01-12", "since 2011" -> "2011". Phrases that need
    the publication date or world knowledge ("since Monday", "since the start of the war") give None.
    """
    m = _SINCE_VALUE.search(sentence)
    if not m:
        return None
    month = m.group("month") or m.group("month2")
    year = m.group("year") or m.group("year_only") or m.group("year2")
    if not month:
        return year
    value = f"{year or 'XXXX'}-{_MONTH_NUMBER[month.lower().rstrip('.')]:02d}"
    day = m.group("day") or m.group("day0")
    return f"{value}-{int(day.rstrip('stndrh')):02d}" if day else value


@cache
def period_cues() -> PeriodCues:
    """The sentence cues from the data file, compiled once."""
    vocab = vocabulary()

    def joined(expressions: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{e})" for e in expressions) or "(?!)", re.IGNORECASE)

    return PeriodCues(
        cumulative=joined(vocab.cumulative_cues),
        comparison_since=re.compile(rf"\b{phrase_alternation(vocab.since_comparisons)}\b[^,;.]*\Z", re.IGNORECASE),
        other_incident=joined(vocab.other_incident_cues),
        additive=joined(vocab.additive_cues),
        update=joined(vocab.update_cues),
        subset_before=re.compile(rf"\b{phrase_alternation(vocab.subset_cues)}[\s:,]+\Z", re.IGNORECASE),
    )
