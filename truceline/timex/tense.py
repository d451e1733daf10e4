"""The tense of the clause a time expression stands in, from nearby auxiliaries and verb forms.

"said on Friday" points back, "will arrive on Saturday" and "is expected to arrive on Saturday" point forward.
We look for the nearest tense marker in the same sentence, preferring markers before the expression (English
puts the governing verb first in news prose), without a parser: tense decides only the direction in which a
weekday or a bare month is resolved, and a cheap window is right far more often than not.
"""

from __future__ import annotations

import re
from functools import cache

from truceline.timex.lexicon import lexicon

_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|be|being|am)\s+$")
_WINDOW = 160  # characters either side; a clause rarely reaches further
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


@cache
def _markers() -> re.Pattern[str]:
    lex = lexicon()

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    # Future first: "expected to" must win over the -ed ending of "expected".
    return re.compile(
        rf"(?P<future>\b(?:{alt(lex.future_markers)})\b)"
        rf"|(?P<past>\b(?:{alt(lex.past_markers)})\b|\b[a-z]{{3,}}ed\b)"
        rf"|(?P<present>\b(?:{alt(lex.present_markers)})\b|\b[a-z]{{2,}}ing\b)"
    )


@cache
def _weak() -> frozenset[str]:
    return lexicon().weak_future_markers


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (clipped to a window) around [start, end)."""
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    m2 = _SENTENCE_END.search(text, end, hi)
    right = m2.start() + 1 if m2 else hi
    return left, right


def tense_at(text: str, start: int, end: int) -> str:
    """ "past", "future" or "present" for the clause around text[start:end]; "none" when nothing says (callers read it as the past for weekdays)."""
    if text.startswith(("'s", "’s"), end):
        return "past"  # "Wednesday's ruling", "Friday's close": a possessive day is one that has happened
    left, right = clause_bounds(text, start, end)
    best: tuple[float, str] | None = None
    pattern = _markers()
    for m in pattern.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        kind = m.lastgroup or "past"
        word = m.group()
        if kind == "present" and word.endswith("ing") and word not in ("is", "are"):
            # A bare -ing form only counts as present next to "is/are" ("is meeting"); otherwise it is noise.
            continue
        distance = float(start - m.end()) if m.end() <= start else (m.start() - end) * 2.0 + 10
        if kind == "past" and _AUXILIARY_BEFORE.search(text, max(left, m.start() - 10), m.start()):
            continue  # "will be named", "is heard": a passive participle, not a past tense
        if kind == "future" and word in _weak():
            distance = distance * 2 + 10
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else "none"
