"""The tense of the clause a time expression stands in, from nearby auxiliaries and verb forms.

"said on Friday" points back, "will arrive on Saturday" and "is expected to arrive on Saturday" point forward.
We look for the nearest tense marker in the same sentence, preferring markers before the expression (English
puts the governing verb first in news prose), without a parser: tense decides only the direction in which a
weekday or a bare month is resolved, and a cheap window is right far more often than not.

The nearest finite verb is not always the one that governs the date. A planned act sits under a verb of planning
("decided to admit ... in March", "planned a rally on Saturday"), a timetable reads as a present ("the envoys meet
Monday"), and a deferral points ahead even in a past clause ("postponed until Tuesday"): those are markers of their
own. An infinitive under an implicative word ("difficult for the firm to meet demand well into the summer") is as
real as its main clause, so it marks nothing.
"""

from __future__ import annotations

import re
from functools import cache

from truceline.timex.lexicon import lexicon

_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|be|being|am)\s+$")
# An -ed word right after a determiner is an adjective ("a still unspecified date"), not a past tense.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+(?:[a-z]+ly\s+|still\s+|yet\s+)?$"
)
# A scheduled-present verb is finite only when nothing before it makes it a noun, an infinitive or a negation.
_NOT_FINITE_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|this|that|to|not|never|did|does|do|of|on|for|in|will|would|could|"
    r"may|might|should|must|can)|n't)\s+$"
)
# "as previously planned", "later than planned": the plan is a yardstick for something that happened.
_YARDSTICK_BEFORE = re.compile(r"\b(?:as|than|originally|previously|initially|first|had)\s+$")
# A modal with a perfect ("would have taken effect in January", "may have left on Friday") looks back.
_PERFECT_AFTER = re.compile(r"\s+(?:not\s+)?have\b")
_NEGATION_AFTER = re.compile(r"(?:\s+not\b|n't\b)")
_NEGATIVE_SUBJECT = re.compile(r"\b(?:nor|neither|no\s+one|nobody|none)\b[^,;.]{0,40}$", re.I)
_MODALS = frozenset({"would", "could", "may", "might", "should", "must"})
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|beyond)\s+(?:on\s+|(?:early|late|mid)[\s-]+)?$", re.I)
# After the date, a conjunction or relative word opens another clause ("a rally on Saturday and were planning ...").
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|while|whereas|although|though|because|which|who|where)\b|[;:]")
# ... and when that marker shares the date's comma-free stretch, a comma closes it too ("who returns on Friday, denied").
_NEXT_CLAUSE_OR_COMMA = re.compile(_NEXT_CLAUSE.pattern + "|,")
# A subordinate clause opened between a verb and the date has its own verb: in "would hold only if the 2018 accord
# was carried out" the year belongs to "was carried out". Markers before the subordinator count only as a fallback.
_SUBORDINATOR = re.compile(r"\b(?:if|unless|because|although|though|whether|once)\b", re.I)
_OTHER_CLAUSE_PENALTY = 200.0
# A plan in the past perfect ("had hoped to meet them on Monday", "had been due to expire Friday") was overtaken:
# its date is behind us.
_HAD_BEFORE = re.compile(r"\bhad\s+(?:[a-z]+ly\s+)?(?:been\s+)?(?:[a-z]+ly\s+)?$")
_WINDOW = 160  # characters either side; a clause rarely reaches further
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_WORD_BEFORE_DOT = re.compile(r"(?:^|[\s(\"“])([A-Za-z]+)$")


def _alt(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def _markers() -> re.Pattern[str]:
    lex = lexicon()
    determiners = "the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|all|one|two"
    # Order matters where two alternatives start at the same word: "agreed to acquire" is a planned act before it
    # is a past tense; "expected to" must win over the -ed ending of "expected"; "planned" over the -ed too.
    return re.compile(
        rf"(?P<prospect>\b(?:{_alt(lex.prospective_governors)})(?:\s+[a-z]+ly)?\s+to\s+(?!(?:{determiners})\b)"
        rf"[a-z]{{2,}}\b)"
        rf"|(?P<future>\b(?:{_alt(lex.future_markers)})\b)"
        rf"|(?P<plan>\b(?:{_alt(lex.plan_markers)})\b)"
        rf"|(?P<past>\b(?:{_alt(lex.past_markers)})\b|\b(?!(?:{_alt(lex.not_past_ed)})\b)[a-z]{{3,}}ed\b)"
        rf"|(?P<sched>\b(?:{_alt(lex.scheduled_present)})\b)"
        rf"|(?P<present>\b(?:{_alt(lex.present_markers)})\b|\b[a-z]{{2,}}ing\b)"
    )


@cache
def _implicative_before() -> re.Pattern[str]:
    """An implicative word right before an infinitive, allowing "for <one or two words>" in between."""
    return re.compile(rf"\b(?:{_alt(lexicon().implicative_governors)})(?:\s+for\s+[\w.'’-]+(?:\s+[\w.'’-]+)?)?\s+$")


@cache
def _deferral() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(lexicon().deferral_verbs)})\b", re.I)


@cache
def _weak() -> frozenset[str]:
    return lexicon().weak_future_markers


@cache
def _past_words() -> frozenset[str]:
    return frozenset(lexicon().past_markers)


def _ends_clause(text: str, m: re.Match[str]) -> bool:
    """False for a full stop after a title, "vs." or an initial ("Roe vs. Wade", "Gen. Smith", "George W. Bush")."""
    if not m.group().startswith("."):
        return True
    w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 12), m.start())
    if w is None:
        return True
    word = w.group(1)
    return not (word.lower() in lexicon().clause_abbreviations or (len(word) == 1 and word.isupper()))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (clipped to a window) around [start, end)."""
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        if _ends_clause(text, m):
            left = m.end()
    right = hi
    for m2 in _SENTENCE_END.finditer(text, end, hi):
        if _ends_clause(text, m2):
            right = m2.start() + 1
            break
    return left, right


def _kind(text: str, m: re.Match[str], left: int, before: bool) -> str | None:
    """The tense one marker stands for, or None when in this position it marks nothing."""
    kind = m.lastgroup or "past"
    word = m.group()
    if (
        kind in ("prospect", "future")
        and word not in _MODALS
        and _HAD_BEFORE.search(text, max(left, m.start() - 24), m.start())
    ):
        return "past"
    if kind == "prospect":
        # Before the date, the date belongs to the planned act; after it ("On Friday they agreed to talk"), the
        # date belongs to the governing verb itself.
        governor = word.split()[0]
        if before:
            return "future"
        if _DETERMINER_BEFORE.search(text, max(left, m.start() - 24), m.start()):
            # "held talks on Monday on a deal to formalise a truce": a noun's infinitive says what the deal is
            # for, not when the clause's verb happens
            return None
        return "past" if governor.endswith("ed") or governor in _past_words() else "future"
    if kind == "plan":
        if _YARDSTICK_BEFORE.search(text, max(left, m.start() - 14), m.start()):
            return None
        return "future" if before or not word.endswith("ed") else "past"
    if kind == "sched":
        return None if _NOT_FINITE_BEFORE.search(text, max(left, m.start() - 12), m.start()) else "future"
    if kind == "future" and word in _MODALS and _PERFECT_AFTER.match(text, m.end()):
        return "past"  # "would have taken effect in January": a counterfactual past
    if word == "could" and (
        _NEGATION_AFTER.match(text, m.end()) or _NEGATIVE_SUBJECT.search(text, max(left, m.start() - 48), m.start())
    ):
        return "past"  # "could not be reached on Friday", "nobody could find him": a failed attempt, so a past one
    if (
        kind == "future"
        and word.startswith("to ")
        and _implicative_before().search(text, max(left, m.start() - 48), m.start())
    ):
        return None  # "hard for the firm to meet demand": the infinitive shares its main clause's time
    if kind == "present" and word.endswith("ing") and word not in ("is", "are"):
        # A bare -ing form only counts as present next to "is/are" ("is meeting"); otherwise it is noise.
        return None
    if kind == "past":
        if _AUXILIARY_BEFORE.search(text, max(left, m.start() - 10), m.start()):
            return None  # "will be named", "is heard": a passive participle, not a past tense
        if _DETERMINER_BEFORE.search(text, max(left, m.start() - 24), m.start()):
            return None  # "a still unspecified date", "the agreed timetable": an adjective
    return kind


def tense_at(text: str, start: int, end: int) -> str:
    """ "past", "future" or "present" for the clause around text[start:end]; "none" when nothing says (callers read it as the past for weekdays)."""
    if text.startswith(("'s", "’s"), end):
        return "past"  # "Wednesday's ruling", "Friday's close": a possessive day is one that has happened
    left, right = clause_bounds(text, start, end)
    if _UNTIL_BEFORE.search(text, max(left, start - 16), start) and _deferral().search(text, left, start):
        return "future"  # "postponed the vote until Tuesday", "extend the pause beyond Monday": ahead even in a past
        # clause
    best: tuple[float, str] | None = None
    sub_start = max((m.start() for m in _SUBORDINATOR.finditer(text, left, start)), default=-1)
    last_before = -1  # end of the last marker before the date: markers past a clause break after it belong elsewhere
    after_limit: int | None = None
    for m in _markers().finditer(text, left, right):
        if start <= m.start() < end:
            continue
        before = m.end() <= start
        if not before and last_before >= 0:
            if after_limit is None:
                breaks = _NEXT_CLAUSE if "," in text[last_before:start] else _NEXT_CLAUSE_OR_COMMA
                brk = breaks.search(text, end, right)
                after_limit = brk.start() if brk else right
            if m.start() >= after_limit:
                break
        kind = _kind(text, m, left, before)
        if kind is None:
            continue
        if before:
            last_before = m.end()
        distance = float(start - m.end()) if before else (m.start() - end) * 2.0 + 10
        if before and m.end() <= sub_start:
            distance += _OTHER_CLAUSE_PENALTY
        if kind == "future" and m.group() in _weak():
            distance = distance * 2 + 10
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else "none"
