"""The tagger's vocabulary, read once from truceline/data/timex/lexicon.yaml.

Keeping words in data lets a reader see (and extend) what the tagger knows without reading regexes; the
regex fragments built here are compiled once per process by the rule modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from truceline.errors import ModelError


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]  # lower-cased full names and abbreviations -> 1..12
    weekdays: dict[str, int]  # lower-cased -> ISO weekday 1..7
    numbers: dict[str, float]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int]]
    future_markers: tuple[str, ...]
    past_markers: tuple[str, ...]
    not_past_ed: frozenset[str]
    present_markers: tuple[str, ...]
    aged_things: frozenset[str]
    weak_future_markers: frozenset[str]
    # The governing verb of a clause (truceline/timex/tense.py): planned acts, timetables, deferrals.
    prospective_governors: tuple[str, ...] = ()
    plan_markers: tuple[str, ...] = ()
    scheduled_present: tuple[str, ...] = ()
    implicative_governors: tuple[str, ...] = ()
    deferral_verbs: tuple[str, ...] = ()
    clause_abbreviations: frozenset[str] = frozenset()
    # Verbs that report what someone says (truceline/timex/offices.py: a titled office holder speaking in the news).
    speech_verbs: frozenset[str] = frozenset()


def _load_yaml() -> dict[str, Any]:
    try:
        text = resources.files("truceline.data").joinpath("timex/lexicon.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise ModelError("truceline/data/timex/lexicon.yaml is missing; reinstall the package") from exc
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ModelError("truceline/data/timex/lexicon.yaml is not a mapping; restore it from git")
    return data


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards."""
    d = _load_yaml()
    months = {k.lower(): int(v) for k, v in {**d["months"], **d["month_abbreviations"]}.items()}
    weekdays = {k.lower(): int(v) for k, v in {**d["weekdays"], **d["weekday_abbreviations"]}.items()}
    return Lexicon(
        months=months,
        weekdays=weekdays,
        numbers={str(k).lower(): float(v) for k, v in d["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in d["ordinals"].items()},
        units={str(k): str(v) for k, v in d["units"].items()},
        seasons={str(k): str(v) for k, v in d["seasons"].items()},
        parts_of_day={str(k): str(v) for k, v in d["parts_of_day"].items()},
        holidays={str(k): (int(v[0]), int(v[1])) for k, v in d["holidays"].items()},
        floating_holidays={
            str(k): (int(v[0]), int(v[1]), int(v[2])) for k, v in d.get("floating_holidays", {}).items()
        },
        future_markers=tuple(str(x) for x in d["future_markers"]),
        past_markers=tuple(str(x) for x in d["past_markers"]),
        not_past_ed=frozenset(str(x) for x in d.get("not_past_ed", ())),
        present_markers=tuple(str(x) for x in d["present_markers"]),
        aged_things=frozenset(str(x) for x in d.get("aged_things", ())),
        weak_future_markers=frozenset(str(x) for x in d.get("weak_future_markers", ())),
        prospective_governors=_words(d, "prospective_governors"),
        plan_markers=_words(d, "plan_markers"),
        scheduled_present=_words(d, "scheduled_present"),
        implicative_governors=_words(d, "implicative_governors"),
        deferral_verbs=_words(d, "deferral_verbs"),
        clause_abbreviations=frozenset(_words(d, "clause_abbreviations")),
        speech_verbs=frozenset(_words(d, "speech_verbs")),
    )


def _words(d: dict[str, Any], key: str) -> tuple[str, ...]:
    """An optional word list, lower-cased (the tense patterns match lower-case prose)."""
    return tuple(str(x).lower() for x in d.get(key, ()))


def alternation(words: list[str] | tuple[str, ...] | set[str], *, dotted: bool = False) -> str:
    """A regex alternation of `words`, longest first so "Sept" wins over "Sep"; optional trailing dot."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered)
    return f"(?:{body})\\.?" if dotted else f"(?:{body})"


def month_pattern() -> str:
    """Capitalised month names and abbreviations ("June", "Jan.", "Sept."); case matters so "may" is a verb."""
    lex = lexicon()
    full = [k.capitalize() for k, v in lex.months.items() if len(k) > 4 or k in ("may", "june", "july")]
    abbr = [k.capitalize() for k in lex.months if k not in {f.lower() for f in full}]
    upper = [k.upper() for k in lex.months if len(k) > 3]
    return f"(?:{alternation(full)}|{alternation(abbr)}\\.?|{alternation(upper)})"


def weekday_pattern() -> str:
    lex = lexicon()
    full = [k for k in lex.weekdays if k.endswith("day")]
    names = [w.capitalize() for w in full] + [w.upper() for w in full] + full
    abbr = [k.capitalize() for k in lex.weekdays if not k.endswith("day")]
    return f"(?:{alternation(names)}|{alternation(abbr)}\\.(?=\\s))"


def number_word_pattern() -> str:
    """Number words, including compounds like "twenty four" / "twenty-four"."""
    lex = lexicon()
    words = [w for w in lex.numbers if w not in ("a", "an", "half", "couple", "dozen")]
    alt = alternation(words)
    return f"(?:{alt}(?:[\\s-]{alt})?)"


def weekday_number(name: str) -> int:
    """The ISO weekday (Monday 1) of a weekday name or abbreviation as the rules match it ("Tue.", "friday")."""
    return lexicon().weekdays[name.rstrip(".").lower()]


def parse_number(text: str) -> float | None:
    """'twenty four' -> 24, '3' -> 3, 'a' -> 1, '1,000' -> 1000; None when not a number."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    lex = lexicon()
    total = 0.0
    for part in re.split(r"[\s-]+", t):
        if part in ("of",):
            continue
        if part not in lex.numbers:
            return None
        value = lex.numbers[part]
        total = total * value if value == 100 and total else total + value
    return total
