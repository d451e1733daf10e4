"""Run every rule over a text and keep the longest non-overlapping expressions, with their intervals.

Each rule is one precompiled regex scanned over the whole text (linear); overlaps are settled once at the end by
preferring the longest span, then the more specific rule. "since"/"until" before an expression are not part of
its span (TimeML leaves signals out) but set its modifier and stretch its interval to the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache, lru_cache

from truceline.model import Precision, TimeRef
from truceline.timex import rules_abs, rules_abs2, rules_clock, rules_dur, rules_fin, rules_ref, rules_rel
from truceline.timex.calendar import Tense, narrow, shift, value_interval
from truceline.timex.context import Candidate, Context
from truceline.timex.known import known_month_override
from truceline.timex.reference import resolve_reference_times
from truceline.timex.rules_abs import Rule

Handler = Callable[[re.Match[str], Context], list[Candidate]]

_SIGNAL_BEFORE = re.compile(r"\b(since|until|till|through|from|before|after|by)\s+(?:the\s+)?$", re.I)
_RANGE_END_AFTER = re.compile(r"\s*(?:to|until|till|through|and|[-–—])\s*(?=\w)", re.I)
_SIGNAL_MOD = {
    "since": "since",
    "from": "since",
    "after": "after",
    "until": "until",
    "till": "until",
    "through": "until",
    "before": "before",
    "by": "before",
}


@cache
def _rules() -> tuple[Rule, ...]:
    return (
        *rules_abs.RULES,
        *rules_abs2.RULES,
        *rules_rel.RULES,
        *rules_fin.RULES,
        *rules_ref.RULES,
        *rules_clock.RULES,
        *rules_dur.RULES,
    )


_BEFORE, _AFTER = 60, 36  # how far an expression reaches before and after its trigger word
_DIGITS = re.compile(r"\d+")
_YEARS = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")


@cache
def _roots() -> dict[str, str]:
    """Each trigger word mapped to the shortest trigger word it starts with ("fridays" -> "friday", "january" ->
    "jan"): hits are found by prefix, so only roots need scanning for."""
    words = sorted({w for *_, t in _rules() if t for w in t.split() if not w.startswith("#")}, key=len)
    roots: dict[str, str] = {}
    for w in words:
        roots[w] = next((r for r in words[: words.index(w)] if w.startswith(r)), w)
    return roots


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], Handler, int, frozenset[str] | None], ...]:
    roots = _roots()
    return tuple(
        (p, h, prio, frozenset(roots.get(w, w) for w in t.split()) if t else None) for p, h, prio, t in _rules()
    )


@cache
def _trigger_words() -> tuple[str, ...]:
    return tuple(sorted(set(_roots().values())))


def _token_classes(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger word starts a word (str.find in C, one pass per word), plus numbers and years."""
    lower = text.lower()
    index: dict[str, list[tuple[int, int]]] = {}
    for word in _trigger_words():
        pos = lower.find(word)
        while pos >= 0:
            if pos == 0 or not lower[pos - 1].isalpha():
                index.setdefault(word, []).append((pos, pos + len(word)))
            pos = lower.find(word, pos + 1)
    index["#digit"] = [m.span() for m in _DIGITS.finditer(text)]
    index["#year"] = [m.span() for m in _YEARS.finditer(text)]
    return index


def _windows(
    length: int, index: dict[str, list[tuple[int, int]]], trigger: frozenset[str] | None
) -> list[tuple[int, int]]:
    """Merged character windows around the trigger words (the whole text when the rule has no trigger)."""
    if trigger is None:
        return [(0, length)]
    hits = sorted(span for word in trigger for span in index.get(word, ()))
    out: list[tuple[int, int]] = []
    for start, end in hits:
        lo, hi = max(0, start - _BEFORE), min(length, end + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


Scan = tuple[tuple[tuple[re.Match[str], Handler, int], ...], dict[tuple[int, int], Tense]]


@lru_cache(maxsize=512)
def _scan(text: str) -> Scan:
    """Every rule's matches in `text`, and a tense cache for it: neither depends on the anchor, so the
    publication-date reasoning and the later tagging of the same body share one scan. The pipeline dates a whole
    batch (64 reports, each a title, standfirst, body and captions) before it tags any, so the cache holds 512."""
    index = _token_classes(text)
    windows: dict[frozenset[str] | None, list[tuple[int, int]]] = {}  # rules sharing trigger words share windows
    matches: list[tuple[re.Match[str], Handler, int]] = []
    for pattern, handler, priority, trigger in _compiled():
        if trigger not in windows:
            windows[trigger] = _windows(len(text), index, trigger)
        for lo, hi in windows[trigger]:
            matches.extend((m, handler, priority) for m in pattern.finditer(text, lo, hi))
    return tuple(matches), {}


def find_candidates(text: str, anchor: date | None) -> list[Candidate]:
    """All non-overlapping candidates, sorted by position."""
    matches, tenses = _scan(text)
    ctx = Context(text, anchor, tenses)
    found: list[Candidate] = []
    for m, handler, priority in matches:
        for cand in handler(m, ctx):
            if cand.end > cand.start:
                cand.priority = max(cand.priority, priority)
                found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[Candidate] = []
    # One byte per character, set once taken: an overlap test costs the candidate's length, not the number taken
    occupied = bytearray(max((c.end for c in found), default=0))
    for cand in found:
        if occupied.find(1, cand.start, cand.end) >= 0:
            continue
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    taken.sort(key=lambda c: c.start)
    return taken


def find_candidates_in_lines(parts: Sequence[str], anchor: date | None) -> tuple[str, list[Candidate]]:
    """The parts joined by newlines (a title, a standfirst, a body), and their candidates with offsets into the
    joined text. A newline ends every clause and no expression should run from a title into a body, so each part
    is scanned on its own, and the body's scan is the one the tagging of that body reuses."""
    out: list[Candidate] = []
    offset = 0
    for part in parts:
        for cand in find_candidates(part, anchor):
            cand.start += offset
            cand.end += offset
            out.append(cand)
        offset += len(part) + 1
    return "\n".join(parts), out


def _to_ref(text: str, cand: Candidate, anchor: date | None) -> TimeRef:
    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "unknown"
    mod = cand.mod
    if cand.type in ("DATE", "TIME"):
        earliest, latest, precision = value_interval(cand.value)
        if earliest and latest and cand.earliest and cand.latest:
            earliest, latest = cand.earliest, cand.latest  # a rule that knows better ("Eid al-Fitr", a day or so)
        if earliest and latest:
            earliest, latest = narrow(earliest, latest, mod)
        elif anchor is not None and cand.value == "PRESENT_REF":
            earliest, latest, precision = anchor, anchor, "day"
        elif anchor is not None and cand.value == "PAST_REF":
            latest = anchor
        elif anchor is not None and cand.value == "FUTURE_REF":
            earliest = anchor
    signal = _SIGNAL_BEFORE.search(text, max(0, cand.start - 12), cand.start)
    if signal and signal.group(1).lower() == "from" and _RANGE_END_AFTER.match(text, cand.end):
        signal = None  # "from March 3 to March 10": the range's start, not "since March 3" (up to the anchor)
    if signal and text.startswith(("'s ", "’s "), cand.end):
        signal = None  # "the toll from Saturday's strike", "after Monday's talks": the day of the thing it owns
    if signal and cand.type in ("DATE", "TIME"):
        mod = _SIGNAL_MOD[signal.group(1).lower()]
        if mod == "since" and anchor is not None and earliest is not None and latest is not None:
            latest = max(latest, anchor)
    return TimeRef(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        type=cand.type,  # type: ignore[arg-type]
        value=cand.value,
        earliest=earliest,
        latest=latest,
        precision=precision,
        modifier=mod,
        anchored=cand.anchored,
    )


_SANE_ANCHOR = (date(100, 1, 1), date(9899, 12, 31))
_DAY_BEFORE_AFTER = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.I)
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _day_next_to_date(text: str, cands: list[Candidate]) -> None:
    """ "the day before last Tuesday's hearing", "the day after March 3": one expression, a day off the date."""
    for cand in cands:
        if not _FULL_DAY.match(cand.value):
            continue
        before = _DAY_BEFORE_AFTER.search(text, max(0, cand.start - 20), cand.start)
        day = value_interval(cand.value)[0]
        if before is None or day is None:
            continue
        day = shift(day, -1 if before.group(1).lower() == "before" else 1, "D")
        cand.start, cand.value = before.start(), day.isoformat()


def tag(text: str, anchor: date | None) -> list[TimeRef]:
    """Every time expression in `text`: offsets into `text`, sorted, non-overlapping."""
    if isinstance(anchor, datetime):
        anchor = anchor.date()  # a datetime would leak its clock time into every resolved value
    if anchor is not None and not _SANE_ANCHOR[0] <= anchor <= _SANE_ANCHOR[1]:
        anchor = None  # a metadata date like 9999-12-31 cannot anchor anything; resolve as if none were given
    cands = find_candidates(text, anchor)
    if anchor is not None:
        for cand in cands:
            override = known_month_override(text, cand, anchor)
            if override:
                cand.value = override
    _day_next_to_date(text, cands)
    resolve_reference_times(cands, anchor, text)
    return [_to_ref(text, c, anchor) for c in cands]
