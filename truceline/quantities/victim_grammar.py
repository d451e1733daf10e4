"""The victim grammar: the compiled patterns and the types the victim reader (truceline/quantities/victims.py)
and its other cues (truceline/quantities/victim_cues.py) share.

Every pattern is built once per process from truceline/data/victims.yaml, so a person noun, a status phrase or a
title is a data change. A victim phrase is a determiner or number, up to three modifiers and a person noun; a name
with an age, an age before a name or a title before a name; a name before "was"; a pronoun; a partitive ("one of
the victims"). A status phrase after it (`after`) or before it (`before`) gives its state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from truceline.errors import ModelError
from truceline.quantities.numbers import number_patterns
from truceline.quantities.vocab import phrase_alternation

STATES = ("killed", "injured", "shot")
# "it could have killed her", "he tried to shoot his wife", "nearly killed": no victim
UNREAL = re.compile(
    r"\b(?:could|would|might|may|should|must)(?:\s+(?:easily|have|'ve|not|never|also|be|been)){0,3}\s*\Z|"
    r"\b(?:almost|nearly|tried\s+to|trying\s+to|tries\s+to|attempted\s+to|attempting\s+to|threatened\s+to|"
    r"threatening\s+to|wanted\s+to|going\s+to|planned\s+to|plotting\s+to|intended\s+to|intent\s+to|"
    r"attempt\s+to|not)\s+\Z|\b(?:could|would|might|should)\b",
    re.IGNORECASE,
)
OTHER = re.compile(r"\b(?:others?|another)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Victim:
    """Victims named by one phrase in one sentence, with their state; offsets into the report's text."""

    start: int
    end: int
    state: str  # killed | injured | shot
    count: int
    who: str
    definite: bool  # "the boy", "he", a name seen before: may be a victim counted already
    subset: bool  # "including a girl", "one of the victims": part of a group counted already
    cue: str  # after | before | reflexive | multiple | fatally | murder_suicide | hint | total | all (all died)
    later: bool = False  # "later died": a victim hurt earlier in the report, now dead
    additive: bool = False  # "another man was also shot", "two others were hurt": more than counted before


@dataclass(slots=True)
class Phrase:
    """A person phrase of one sentence while its state is being read."""

    start: int
    end: int
    count: int | None
    who: str
    definite: bool
    subset: bool
    pronoun: bool
    state: str | None = None
    cue: str = ""
    status_end: int = 0
    later: bool = False
    active: bool = False  # the phrase is the agent of an active verb
    reflexive: bool = False  # "himself" in a list ("kills wife, himself"): takes its state from the list only
    object_only: bool = False  # "him", "her": a victim only as the object of a verb before it
    named: bool = False  # a person's name ("Marcus, 19,", "Deputy Jason Hagen", "Rosewell")
    numeric: bool = False  # a number and no noun ("two were killed")
    alias: bool = False  # the same person as the name in apposition after it


@dataclass(frozen=True, slots=True)
class Grammar:
    phrase: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    reflexive: re.Pattern[str]
    multiple: re.Pattern[str]
    murder_suicide: re.Pattern[str]
    fatally: re.Pattern[str]
    coordinator: re.Pattern[str]
    object_start: re.Pattern[str]
    subset_before: re.Pattern[str]
    among_after: re.Pattern[str]
    later_death: re.Pattern[str]
    gate: re.Pattern[str]
    dead_nearby: re.Pattern[str]
    hints: tuple[tuple[str, re.Pattern[str]], ...]
    before_last: frozenset[str]  # the last words of the `before` phrases: only these can end one
    not_names: frozenset[str]
    singular: frozenset[str]
    multiple_counts: dict[str, int]
    multiple_killed: frozenset[str]
    pronouns: dict[str, int]
    raw: dict[str, Any]


def _load() -> dict[str, Any]:
    try:
        text = resources.files("truceline").joinpath("data/victims.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"packaged data file victims.yaml is missing ({exc}); reinstall truceline") from exc
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ModelError("victims.yaml is not a mapping; reinstall truceline")
    return data


def _alt(words: list[str]) -> str:
    return phrase_alternation([str(w) for w in words])


@cache
def grammar() -> Grammar:
    """The victim patterns, compiled once per process."""
    data = _load()
    core = number_patterns().core
    persons = data["persons"]
    nouns = _alt(persons["singular"] + persons["plural"])
    age = rf"(?:\d{{1,3}}|{core})(?:\s*-\s*|\s+)(?:year|yr|month|week|day)s?(?:\s*-\s*|\s+)olds?"
    mods = _alt(data["modifiers"])
    status = data["status"]
    # a capitalised word is a modifier ("a Dayton man") unless it is a function word or a status word of a
    # headline in title case ("Shooting Death Of Teen")
    title_stop = {str(w).lower() for w in data["function_words"]} | {
        word.lower()
        for state in STATES
        for side in ("after", "before")
        for p in status[state][side]
        for word in p.split()
    }
    capital = rf"(?!(?i:{_alt(sorted(title_stop))})(?![\w'’-]))[A-Z][\w'’.]*(?:-[\w'’]+)*"
    modifier = rf"(?:{age}|(?i:{mods})|{capital}|(?i:[a-z]+-(?:[a-z]+-)*[a-z]+))"
    ordinal = r"(?:second|third|fourth|fifth|sixth|other)"
    count = rf"(?:{core})(?!\s*-?\s*(?:year|yr|month|week|day)s?[\s-]*old)"  # "15 year-old" is an age
    det = (
        rf"(?i:(?P<num>{count})(?:\s+(?:other|more|additional))?|both|all\s+(?P<allnum>{count})|the\s+(?P<thenum>{count})"
        rf"|(?:his|her|their|its|my|our)\s+(?P<posnum>{count})"
        rf"|(?:a|the)\s+{ordinal}|another|an?|the|his|her|their|its|my|our|this|that|these|those|each|one\s+more"
        rf"|several|multiple|other)"
    )
    name_word = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|Mc[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+|D[ae][A-Z][a-z]+)"
    not_name = phrase_alternation(sorted({str(w) for w in data["not_names"]}))
    name = (
        rf"(?:(?!{not_name}(?![\w'’-])){name_word}(?:\s+(?:[A-Z]\.|{name_word}|[A-Z][a-z]?[A-Z][a-z]+)){{0,3}}"
        rf"(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?)"
    )
    titles = _alt(data["titles"])
    pronouns = {str(k).lower(): int(v) for k, v in data["pronouns"].items()}
    phrase = re.compile(
        rf"(?<![\w'’-])(?:"
        rf"(?P<partitive>(?i:(?P<pnum>{core})\s+of\s+(?:them|whom|(?:the|those|these)(?:\s+(?:{core})(?![\w-]))?"
        rf"(?:\s+(?:{mods}))?\s+(?:{nouns}|shot|wounded|injured|hurt|killed|dead)|(?:the|those|these)\s+(?:{core}))"
        rf"(?:\s+(?:who\s+were\s+)?(?:shot|wounded|injured|hurt))?))"
        rf"|(?P<named>{name})\s*,\s*(?i:age\s+)?(?P<nage>\d{{1,3}})\s*,"
        rf"|(?P<aged>(?i:{age}))\s+(?P<aname>{name})"
        rf"|(?:(?P<title>{titles})\s+)(?P<tname>{name})"
        rf"|(?:{det}\s+)?(?P<mods>(?:{modifier}\s+){{0,3}})(?P<noun>(?i:{nouns})|(?i:{age}))"
        rf"|(?P<numonly>(?i:{count}))(?=\s+(?i:were|was|are|have|had|killed|dead|died|shot|wounded|injured|hurt|"
        rf"hospitalized|hospitalised|others?|more|fatally|critically|seriously|in\s+critical|people))"
        rf"|(?P<another>(?i:another|one\s+other|a\s+(?:second|third|fourth|fifth)))(?=\s+(?i:was|is|were|has|had|died|later))"
        rf"|(?P<pron>(?i:{'|'.join(re.escape(p) for p in pronouns)}))"
        rf"|(?P<they>(?i:all\s+of\s+them))"
        rf"|(?P<bare>{name})(?=\s+(?:was|were|is|has|had)\s)"
        rf"|(?P<refl>(?i:himself|herself))"
        rf"|(?P<obj>(?i:him|her))(?!\s+(?:(?i:{core})\s+)?(?:{modifier}\s+){{0,3}}(?i:{nouns}))"
        rf")(?![\w-])"
    )

    def states(side: str) -> str:
        return "|".join(f"(?P<{side}_{s}>{_alt(status[s][side])})" for s in STATES)

    aux_words = (
        r"was|were|is|are|has|have|had|been|being|be|got|gets|get|later|also|reportedly|allegedly|apparently|"
        r"both|all|each|accidentally|unintentionally|eventually|ultimately|subsequently|initially|still|now|just|"
        r"tragically|remains|remained|remain|critically|seriously|listed|believed\s+to\s+(?:be|have(?:\s+been)?)|"
        r"said\s+to\s+(?:be|have(?:\s+been)?)|confirmed|reported|found|left|being|currently|who|that"
    )
    aside = (
        r"(?:\s*,\s*(?:\d{1,3}|age\s+\d{1,3}|(?:who|which)\s+[^,;]{1,80}?|of\s+[^,;]{1,60}?|(?:including|among\s+(?:them|whom))\s+[^,;]{1,60}?|"
        r"identified\s+as\s+[^,;]{1,60}?|[^,;\d]{1,50}?)\s*,|\s*\([^()]{1,40}\)|\s+(?:of|from)\s+[^,;.]{1,40}?,)?"
    )
    # "was taken to Ozarks Medical Center and later died", "was rushed to a hospital, where he died"
    transport = (
        r"(?P<moved>\s+(?:taken|transported|rushed|flown|airlifted|driven|brought)\s+(?:by\s+[^,;.]{1,30}?\s+)?to\s+[^;.]{1,80}?"
        r"(?:,?\s+(?:and|but|where)(?:\s+(?:he|she|they))?)(?:\s+(?:was|were|is|later|then|eventually|also))*)?"
    )
    pp_word = (
        r"(?!(?:was|were|is|are|had|has|have|told|said|says|saw|heard|called|who|that|when|after|and|but)\b)[\w'’.-]+"
    )
    pp = rf"(?:\s+(?:in|inside|at|on|near|outside|from|behind|along)\s+(?:{pp_word}\s+){{0,3}}?{pp_word})?"
    after = re.compile(
        rf"{aside}{pp}(?P<aux>(?:\s+(?:{aux_words}))*){transport}\s+(?:{states('after')})(?![\w-])",
        re.IGNORECASE,
    )
    adverb = r"(?:(?:accidentally|allegedly|reportedly|then|also|critically|seriously|unintentionally)\s+)?"
    before = re.compile(
        rf"(?<![\w-]){adverb}(?:{states('before')})\s+\Z",
        re.IGNORECASE,
    )
    reflexive = data["reflexive"]
    multiples = data["multiples"]
    mult_nouns = _alt([*multiples["killed"], *multiples["shot"]])
    return Grammar(
        phrase=phrase,
        after=after,
        before=before,
        reflexive=re.compile(
            rf"(?<![\w-])(?:(?P<r_killed>{_alt(reflexive['killed'])})|(?P<r_shot>{_alt(reflexive['shot'])}))(?![\w-])",
            re.IGNORECASE,
        ),
        multiple=re.compile(
            rf"(?<![\w-])(?P<m>{_alt(list(multiples['counts']))})[\s-]+(?P<mn>{mult_nouns})(?![\w-])", re.IGNORECASE
        ),
        murder_suicide=re.compile(rf"(?<![\w-]){_alt(data['murder_suicide'])}(?![\w-])", re.IGNORECASE),
        fatally=re.compile(
            rf"\s*[,–—-]?\s*(?:and\s+)?(?P<f>{core})\s+(?:of\s+(?:them|whom)\s+)?(?:fatally|died|dead|killed)\b",
            re.IGNORECASE,
        ),
        coordinator=re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&|as\s+well\s+as|plus)\s+|,?\s+and\s+)\Z"),
        object_start=re.compile(
            rf"\s+(?:(?i:an?|the|his|her|their|its|my|our|two|three|four|five|\d+|him|them|himself|herself|self|"
            rf"one|another|someone|somebody|both)\b|(?!{not_name}(?![\w'’-])){capital}(?:\s|,)"
            rf"|(?i:(?:{age}\s+)?(?:{nouns}))(?![\w-]))"
        ),
        subset_before=re.compile(rf"(?<![\w-]){_alt(data['subset_before'])}[\s:,]+\Z", re.IGNORECASE),
        among_after=re.compile(r"\s+(?:(?:was|were|is|are)\s+)?among\b", re.IGNORECASE),
        later_death=re.compile("|".join(data["later_death"]), re.IGNORECASE),
        gate=re.compile(
            r"shot|shoot|kill|dead|death|die|wound|injur|hurt|murder|slain|slay|fatal|gunshot|bullet|suicide|"
            r"hospital|condition|homicide|struck|hit\b|graz|surviv|recover|body|bodies|passed away|succumb",
            re.IGNORECASE,
        ),
        dead_nearby=re.compile(r"\b(?:died|dies|dead|fatal|fatally|killed|death)\b", re.IGNORECASE),
        hints=tuple(
            (state, re.compile("|".join(f"(?:{e})" for e in (data.get("hints") or {}).get(state, [])) or "(?!)", re.I))
            for state in ("killed", "shot")
        ),
        before_last=frozenset(phrase.split()[-1].lower() for state in STATES for phrase in status[state]["before"]),
        not_names=frozenset(str(w) for w in data["not_names"]),
        singular=frozenset(w.lower() for w in persons["singular"]),
        multiple_counts={str(k).lower(): int(v) for k, v in multiples["counts"].items()},
        multiple_killed=frozenset(" ".join(w.lower().split()) for w in multiples["killed"]),
        pronouns=pronouns,
        raw=data,
    )
