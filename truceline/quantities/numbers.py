"""Numbers as news reports write them: "1,300", "3.6 million", "seven", "twenty-one", "half a million", "dozens".

One regex (built from the vocabulary) finds a number mention with its qualifier ("more than", "at least", "some")
and an optional range ("10 to 15", "between 10 and 15"); `parse_number` turns the words into an int. Vague
plurals carry the qualifier their meaning implies: "dozens" is at least 24.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from truceline.quantities.vocab import Vocabulary, phrase_alternation, vocabulary

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True, slots=True)
class NumberPatterns:
    core: str  # one number, no qualifier, no groups
    qualifier: str  # alternation of qualifier phrases
    mention: re.Pattern[str]  # qualifier? number (range)? with named groups qual, num, num2, lo, hi


@cache
def number_patterns() -> NumberPatterns:
    """The number regexes, built once from the vocabulary."""
    vocab = vocabulary()
    units = phrase_alternation(list(vocab.units))
    tens = phrase_alternation(list(vocab.tens))
    scales = phrase_alternation(list(vocab.scales))
    word = rf"(?:{tens}(?:[-\s]{units})?|{units})"
    word_seq = rf"{word}(?:\s+{scales}(?:\s+(?:and\s+)?{word}(?![-\w]))?)*"
    digit_seq = rf"(?:{_DIGITS})(?:\s*-?\s*{scales})?"
    fixed = phrase_alternation(list(vocab.phrases))
    core = rf"(?:{fixed}|{digit_seq}|{word_seq})(?![\w])(?![.,:]\d)"  # not "7:30", a time
    qualifier = phrase_alternation(list(vocab.qualifiers))
    mention = re.compile(
        rf"(?<![\w.,/$€£-])(?:(?P<qual>{qualifier})\s+)?"
        rf"(?:between\s+(?P<lo>{core})\s+and\s+(?P<hi>{core})"
        rf"|(?P<num>{core})(?:\s*(?:-|–|to|or)\s*(?P<num2>{core}))?)",
        re.IGNORECASE,
    )
    return NumberPatterns(core=core, qualifier=qualifier, mention=mention)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def parse_number(text: str, vocab: Vocabulary | None = None) -> tuple[int, str | None]:
    """The value of a number mention and the qualifier its words imply ("dozens" -> (24, "at_least")).

    Returns (value, None) when the words carry no qualifier of their own. Unknown words count as zero, which
    the mention regex never lets through.
    """
    vocab = vocab or vocabulary()
    normal = " ".join(text.lower().split())
    if normal in vocab.phrases:
        value, qualifier = vocab.phrases[normal]
        return value, None if qualifier == "exact" else qualifier
    digits = re.match(rf"({_DIGITS})\s*-?\s*([a-z]*)$", normal)
    if digits:
        amount = float(digits.group(1).replace(",", ""))
        scale = vocab.scales.get(digits.group(2), 1)
        return round(amount * scale), None
    total = 0
    current = 0
    for token in _norm(text).split():
        if token in vocab.units:
            current += vocab.units[token]
        elif token in vocab.tens:
            current += vocab.tens[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in vocab.scales:
            total += max(current, 1) * vocab.scales[token]
            current = 0
    return total + current, None


def qualifier_name(text: str | None, vocab: Vocabulary | None = None) -> str | None:
    """The model's qualifier name for a qualifier phrase ("more than" -> "more_than")."""
    if not text:
        return None
    vocab = vocab or vocabulary()
    return vocab.qualifiers.get(" ".join(text.lower().split()))
