"""Run every rule over a text and keep the longest non-overlapping expressions, with their intervals.

Each rule is one precompiled regex scanned over the whole text (linear); overlaps are settled once at the end by
preferring the longest span, then the more specific rule. "since"/"until" before an expression are not part of
its span (TimeML leaves signals out) but set its modifier and stretch its interval to the anchor.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from truceline.model import Precision, TimeRef
from truceline.timex import rules_abs, rules_dur, rules_rel
from truceline.timex.calendar import narrow, value_interval
from truceline.timex.context import Candidate, Context
from truceline.timex.known import known_month_override
from truceline.timex.rules_abs import Rule

_SIGNAL_BEFORE = re.compile(r"\b(since|until|till|through|from|before|after|by)\s+(?:the\s+)?$", re.I)
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
    return (*rules_abs.RULES, *rules_rel.RULES, *rules_dur.RULES)


def find_candidates(text: str, anchor: date | None) -> list[Candidate]:
    """All non-overlapping candidates, sorted by position."""
    ctx = Context(text, anchor)
    found: list[Candidate] = []
    for pattern, handler, priority in _rules():
        for m in pattern.finditer(text):
            for cand in handler(m, ctx):
                if cand.end > cand.start:
                    cand.priority = max(cand.priority, priority)
                    found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for cand in found:
        if any(cand.start < e and s < cand.end for s, e in occupied):
            continue
        taken.append(cand)
        occupied.append((cand.start, cand.end))
    taken.sort(key=lambda c: c.start)
    return taken


def _to_ref(text: str, cand: Candidate, anchor: date | None) -> TimeRef:
    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "unknown"
    mod = cand.mod
    if cand.type in ("DATE", "TIME"):
        earliest, latest, precision = value_interval(cand.value)
        if earliest and latest:
            earliest, latest = narrow(earliest, latest, mod)
        elif anchor is not None and cand.value == "PRESENT_REF":
            earliest, latest, precision = anchor, anchor, "day"
        elif anchor is not None and cand.value == "PAST_REF":
            latest = anchor
        elif anchor is not None and cand.value == "FUTURE_REF":
            earliest = anchor
    signal = _SIGNAL_BEFORE.search(text, max(0, cand.start - 12), cand.start)
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


def tag(text: str, anchor: date | None) -> list[TimeRef]:
    """Every time expression in `text`: offsets into `text`, sorted, non-overlapping."""
    cands = find_candidates(text, anchor)
    if anchor is not None:
        for cand in cands:
            override = known_month_override(text, cand, anchor)
            if override:
                cand.value = override
    return [_to_ref(text, c, anchor) for c in cands]
