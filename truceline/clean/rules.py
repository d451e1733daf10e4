"""Site-chrome rules, loaded once from truceline/data/chrome.yaml and compiled into a few regexes.

Rules are data (so a new site's furniture is a YAML edit, not a code change); this module only turns them into
fast matchers. All rules of the same length limit are joined into one alternation with a named group per reason,
so classifying a line costs one regex call per length bucket instead of one per pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from truceline.errors import ConfigError

# Breadcrumb separators: "Iraq News - Local News - Site", "World | Middle East", "Home > News".
_BREADCRUMB_SPLIT = re.compile(r"\s+(?:-|\||>|»|›|/|–|—|·|•)\s+")
_SENTENCE_END = re.compile(r"""[.!?:;,]["'”’)\]]*$""")
_LETTER = re.compile(r"[^\W\d_]")
_LABEL_MAX = 90  # a section label or breadcrumb is never longer
_QUOTES = frozenset("\"'“”‘’«»")


@dataclass(frozen=True, slots=True)
class _Bucket:
    max_chars: int
    regex: re.Pattern[str]
    reasons: dict[str, str]  # group name -> reason
    requires: tuple[str, ...] = ()  # casefolded substrings, one of which the line must hold


def _compile_bucket(limit: int, entries: list[tuple[str, str]], requires: tuple[str, ...] = ()) -> _Bucket:
    reasons = {f"r{i}": reason for i, (reason, _) in enumerate(entries)}
    alternation = "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(entries))
    return _Bucket(limit, re.compile(alternation, re.IGNORECASE), reasons, requires)


class ChromeRules:
    """Compiled chrome rules: `reason(line)` says why a line is site chrome, or returns None."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self._tiers, self._gated = self._compile_rules(data["rules"])
            self.section_words = frozenset(_fold(w) for w in data["section_words"])
            self.agencies: tuple[str, ...] = tuple(str(a) for a in data["agencies"])
            markers = "|".join(re.escape(str(m)) for m in data["lede_markers"])
            self.lede_marker = re.compile(rf"\b(?:{markers})\b", re.IGNORECASE)
        except (KeyError, TypeError, re.error) as err:
            raise ConfigError(f"chrome rules are invalid ({err}); check truceline/data/chrome.yaml") from err
        agency_alt = "|".join(re.escape(a) for a in sorted(self.agencies, key=len, reverse=True))
        self.agency_pattern = f"(?:{agency_alt})"
        self._agency_only = re.compile(rf"[(\[]?{self.agency_pattern}[)\]]?", re.IGNORECASE)

    @staticmethod
    def _compile_rules(rules: list[dict[str, Any]]) -> tuple[list[_Bucket], list[_Bucket]]:
        """(length tiers, gated rules). Tier k holds every ungated pattern whose limit admits lines of its length,
        so a line costs one regex call for the ungated rules; each gated rule keeps its own keyword gate."""
        ungated: list[tuple[int, str, str]] = []
        gated: list[_Bucket] = []
        for rule in rules:
            limit, reason = int(rule.get("max_chars", 160)), str(rule["reason"])
            requires = tuple(str(r).casefold() for r in rule.get("requires") or ())
            patterns = [str(p) for p in rule["patterns"]]
            if requires:
                gated.append(_compile_bucket(limit, [(reason, p) for p in patterns], requires))
            else:
                ungated.extend((limit, reason, p) for p in patterns)
        tiers = [
            _compile_bucket(limit, [(reason, p) for lim, reason, p in ungated if lim >= limit])
            for limit in sorted({lim for lim, _, _ in ungated})
        ]
        return tiers, gated

    def reason(self, line: str, *, in_body: bool = False) -> str | None:
        """Why `line` (whitespace already collapsed) is chrome, or None when it may be article text.

        `in_body` says an article paragraph has already been seen: from there on a short line in capitals is a
        subheading ("UP NEXT"), not a section label, which sits above the text.
        """
        if _LETTER.search(line) is None:
            # "+", "***", "1/3": nothing a reader would miss (digit-only counters included).
            return "chrome:symbol"
        size = len(line)
        for tier in self._tiers:
            if size <= tier.max_chars:
                m = tier.regex.fullmatch(line)
                if m is not None and m.lastgroup is not None:
                    return tier.reasons[m.lastgroup]
                break
        folded: str | None = None
        for bucket in self._gated:
            if size > bucket.max_chars:
                continue
            folded = folded if folded is not None else line.casefold()
            if any(needle in folded for needle in bucket.requires):
                m = bucket.regex.fullmatch(line)
                if m is not None and m.lastgroup is not None:
                    return bucket.reasons[m.lastgroup]
        if size <= _LABEL_MAX and self.is_section_label(line, in_body=in_body):
            return "chrome:section-label"
        return None

    def is_agency(self, text: str) -> bool:
        return self._agency_only.fullmatch(text.strip()) is not None

    def is_section_label(self, line: str, *, in_body: bool = False) -> bool:
        """Section labels and breadcrumbs: short, unpunctuated, made of section words or set in capitals.

        A quoted or punctuated short line ("'Indiscriminate attacks'") is a subheading of the article, kept.
        """
        if len(line) > _LABEL_MAX or _SENTENCE_END.search(line) or any(ch in _QUOTES for ch in line):
            return False
        segments = breadcrumb_segments(line)
        if len(segments) > 1:
            if any(len(s.split()) > 4 or not _capitalised(s) for s in segments):
                return False
            return len(segments) >= 3 or any(self._is_section_phrase(s) for s in segments)
        words = line.split()
        if len(words) > 4:
            return False
        if self._is_section_phrase(line):
            return True
        if in_body or "," in line:
            return False  # "UP NEXT" inside the text is a subheading; "BAAR, SWITZERLAND" a dateline
        letters = [ch for ch in line if ch.isalpha()]
        # "MIDDLE EAST", "WORLD" above the text: a short line set in capitals is a label, not a heading.
        return len(letters) >= 3 and all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in line)

    def _is_section_phrase(self, text: str) -> bool:
        folded = _fold(text)
        if folded in self.section_words:
            return True
        # "Iraq News", "Syria World News": a place or outlet word or two, then a section word.
        words = text.split()
        if not 1 < len(words) <= 4 or not _capitalised(text):
            return False
        return any(len(words) > cut and _fold(" ".join(words[-cut:])) in self.section_words for cut in (1, 2))


def breadcrumb_segments(line: str) -> list[str]:
    """ "World | Middle East | Friday 10 May 2019" -> its three parts."""
    return [s for s in _BREADCRUMB_SPLIT.split(line) if s]


def _fold(text: str) -> str:
    # casefold, and undo the Turkish dotted capital I ("MİDDLE") that lower() turns into "i" + combining dot.
    return text.casefold().replace("i̇", "i").strip()


def _capitalised(text: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or not w[0].isalpha() for w in text.split() if len(w) > 3)


@lru_cache(maxsize=1)
def load_rules() -> ChromeRules:
    """The packaged rules, parsed and compiled once per process."""
    try:
        text = resources.files("truceline").joinpath("data", "chrome.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"cannot load truceline/data/chrome.yaml ({err}); reinstall the package") from err
    if not isinstance(data, dict):
        raise ConfigError("truceline/data/chrome.yaml must be a mapping with rules, section_words and agencies")
    return ChromeRules(data)
