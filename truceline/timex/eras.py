"""Names that exist only from a date (truceline/data/timex/eras.yaml): "Covid-19", "the euro", "Twitter", "the former
Soviet Union". A report that uses one was written on or after the day the name came into use, whatever it says of
the thing: a plan or a prophecy can only use a name that already exists. That is a lower bound and nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from truceline.errors import ModelError


@dataclass(frozen=True, slots=True)
class EraName:
    id: str
    since: date
    what: str
    source: str
    pattern: re.Pattern[str]
    keys: frozenset[str] = frozenset()  # one word of each term (lower case): a text without any cannot use the name


def _term_pattern(term: str) -> str:
    """A term as a whole word: no letter, digit or slash may touch an end that is itself a letter or digit
    ("9/11" is not "19/11/2003", "covid" is in "Covid-19" but "euro" is not in "eurobond")."""
    body = re.escape(term).replace(r"\ ", r"\s+")
    left = r"(?<![\w/])" if term[0].isalnum() else ""
    right = r"(?![\w/])" if term[-1].isalnum() else ""
    return left + body + right


_WORD = re.compile(r"\w+")


def _keys(terms: list[str]) -> frozenset[str]:
    """The longest word of each term: every word of a term is a whole word of any text the term's pattern matches
    (the pattern's ends are word boundaries), so a text whose words hold none of an era's keys cannot use it."""
    return frozenset(max(_WORD.findall(term.lower()), key=len) for term in terms if _WORD.search(term))


def _compile(terms: list[str], exact_case: bool) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        p = _term_pattern(term)
        parts.append(p if exact_case or term != term.lower() else f"(?i:{p})")
    return re.compile("|".join(parts))


@cache
def era_names() -> tuple[EraName, ...]:
    try:
        text = resources.files("truceline.data").joinpath("timex/eras.yaml").read_text(encoding="utf-8")
        rows = yaml.safe_load(text)
        return tuple(
            EraName(
                id=str(r["id"]),
                since=r["since"] if isinstance(r["since"], date) else date.fromisoformat(str(r["since"])),
                what=str(r["what"]),
                source=str(r["source"]),
                pattern=_compile([str(t) for t in r["terms"]], bool(r.get("exact_case", False))),
                keys=_keys([str(t) for t in r["terms"]]),
            )
            for r in rows
        )
    except (FileNotFoundError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise ModelError(f"truceline/data/timex/eras.yaml is unreadable ({exc}); restore it from git") from exc


def era_mentions(text: str) -> Iterator[tuple[str, EraName]]:
    """(the words of `text` that use the name, the name) for every name of the list `text` uses, once each. Only
    the names one of whose key words the text holds are searched (one pass over the text's words, not one regex
    search of the whole text per name)."""
    words = set(_WORD.findall(text.lower()))
    for era in era_names():
        if era.keys and era.keys.isdisjoint(words):
            continue
        if m := era.pattern.search(text):
            yield m.group(), era
