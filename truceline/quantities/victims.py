"""Victims counted through noun phrases: "a 4-year-old girl was shot and killed", "Marcus, 19, died", "killing himself".

Reports of single incidents count their victims with noun phrases as often as with figures. In one sentence:
1. Every victim phrase is found: a determiner or number, up to three modifiers and a person noun ("a young
   Dayton man", "two others", "the 3-year-old"), a name with an age ("Marcus, 19,", "23-year-old Ann Lee") or a
   title ("Deputy Jason Hagen"), a name the report has already introduced, a pronoun, "one of the victims".
2. Its state comes from a status phrase after it ("was shot and killed", "is in critical condition", "died") or
   before it ("killing his wife", "shot a 5-year-old", "the shooting death of"). A verb with no auxiliary and an
   object after it makes the phrase the shooter, not a victim ("a man shot his wife": only the wife counts).
3. Phrases joined by "and" or commas share the state of the first (before) or the last (after) of them:
   "killed his girlfriend and her daughter", "a man and two girls were shot to death".
4. Reflexive phrases count the subject ("shot himself", "turning the gun on herself"); "a double homicide",
   "a triple shooting" and "murder-suicide" carry their own counts; "four were shot, one fatally" adds a death
   within the four.

States are "killed", "injured" and "shot" (hit, fate left open: a later "died" makes the victim killed, else the
victim is injured). The vocabulary is truceline/data/victims.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml

from truceline.errors import ModelError
from truceline.quantities.numbers import number_patterns, parse_number
from truceline.quantities.vocab import phrase_alternation

STATES = ("killed", "injured", "shot")
# Verbs that take an object: with no auxiliary before them and an object after, the phrase before is the agent.
_ACTIVE = frozenset({"shot", "killed", "wounded", "injured", "hurt", "murdered", "struck", "hit", "grazed"})
_FUNCTION_WORDS = [
    "outside",
    "inside",
    "since",
    "amid",
    "following",
    "overnight",
    "early",
    "late",
    "along",
    "behind",
    "across",
    "around",
    "through",
    "until",
    "then",
    "this",
    "these",
    "of",
    "in",
    "at",
    "on",
    "for",
    "with",
    "by",
    "to",
    "from",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "after",
    "before",
    "during",
    "near",
    "over",
    "into",
    "as",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "police",
    "says",
    "said",
    "say",
    "who",
    "that",
    "when",
    "while",
    "where",
    "his",
    "her",
    "their",
    "its",
]
_POSSESSED = re.compile(
    r"['’]s\s+(?:(?:accidental|apparent|fatal|tragic|untimely|alleged|reported)\s+)?"
    r"(?:shooting\s+death|death|killing|murder|slaying|(shooting)(?!\s+(?:of|at|range|spree)\b))(?![\w-])",
    re.IGNORECASE,
)
_THEN_DIED = re.compile(
    r"[^.;]{0,80}?(?:\band|,)\s+(?:later\s+|then\s+)?(?:died|dying|was\s+pronounced\s+dead|did\s+not\s+survive)\b",
    re.IGNORECASE,
)
_OTHER = re.compile(r"\b(?:others?|another)\b", re.IGNORECASE)
_VICTIMS = re.compile(r"(?:\b(\w+)\s+)?\bvictims?\b", re.IGNORECASE)
_APPOSITION = re.compile(r"\s*,\s*")
_NEEDS_AUX = frozenset({"hit", "struck", "hit in", "struck in"})  # "a car hit ...": only "was hit" is a victim
# "it could have killed her", "he tried to shoot his wife", "nearly killed": no victim
_UNREAL = re.compile(
    r"\b(?:could|would|might|may|should|must)(?:\s+(?:easily|have|'ve|not|never|also|be|been)){0,3}\s*\Z|"
    r"\b(?:almost|nearly|tried\s+to|trying\s+to|tries\s+to|attempted\s+to|attempting\s+to|threatened\s+to|"
    r"threatening\s+to|wanted\s+to|going\s+to|planned\s+to|plotting\s+to|intended\s+to|intent\s+to|"
    r"attempt\s+to|not)\s+\Z|\b(?:could|would|might|should)\b",
    re.IGNORECASE,
)
_ATTEMPTED = re.compile(r"\battempted\s+\Z", re.IGNORECASE)
_MORE = re.compile(r"\b(?:others?|another|more|additional|second|third|also)\b", re.IGNORECASE)
# "no one was hurt", "neither the driver nor the other passenger was injured", "no other person"
_NEGATED = re.compile(
    r"(?<![\w-])(?:(?:no|not|nor|none\s+of)\s+(?:(?:other|the|of|the\s+other)\s+)?|neither\b[^.;,]{0,40}?(?:\s|\Z))\Z",
    re.IGNORECASE,
)
_SPEAKS = re.compile(r"\s+(?:said|says|say|told|tells|reported|added|adds|stated|confirmed|according|recalled)\b", re.I)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|got|gets|get|remains?|remained|listed|found)\b", re.I)
# "the boy who was shot Tuesday has died": the relative clause says hit, the main verb says dead
_MAIN_DEATH = re.compile(
    r"[^.;]{0,90}?\b(?:has|have|had)\s+(?:since\s+)?died\b|[^.;]{0,90}?\b(?:is|are)\s+(?:now\s+)?dead\b", re.I
)
_SURVIVED_BY = re.compile(r"\s+by\b", re.I)
# "was shot at" with nothing hit after it: fired on ("shot at several times", "shot at by police")
_SHOT_AT = re.compile(r"\s+at(?:\s*[,.;:]|\s*\Z|\s+(?:by|but|and|multiple|several|\w+\s+times)\b)", re.I)


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
    title_stop = {w.lower() for w in _FUNCTION_WORDS} | {
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
            (state, re.compile(expression, re.IGNORECASE))
            for state in ("killed", "shot")
            for expression in (data.get("hints") or {}).get(state, [])
        ),
        not_names=frozenset(str(w) for w in data["not_names"]),
        singular=frozenset(w.lower() for w in persons["singular"]),
        multiple_counts={str(k).lower(): int(v) for k, v in multiples["counts"].items()},
        multiple_killed=frozenset(" ".join(w.lower().split()) for w in multiples["killed"]),
        pronouns=pronouns,
        raw=data,
    )


# A state carried by the phrase itself: "a deceased white male", "the slain officer", "the wounded teen".
_OWN_STATE = re.compile(r"\b(deceased|dead|slain|murdered|wounded|injured)\s+(?!\w+\s+(?:of|from)\b)", re.I)
_DEAD_WORDS = frozenset({"deceased", "dead", "slain", "murdered"})


@dataclass(slots=True)
class _Phrase:
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


def _count(m: re.Match[str], g: Grammar) -> tuple[int | None, bool]:
    """(how many people the phrase names, is it definite)."""
    if m.group("partitive"):
        return parse_number(m.group("pnum"))[0], True
    if m.group("named") or m.group("aname") or m.group("tname"):
        return 1, False
    if m.group("bare"):
        return 1, True  # a name alone: the person was most likely introduced before
    if m.group("refl"):
        return 1, False
    if m.group("obj"):
        return 1, True
    if m.group("another"):
        return 1, False
    if m.group("pron"):
        return g.pronouns.get(m.group("pron").lower(), 1), True
    if m.group("they"):
        return None, True
    if m.group("numonly"):
        return parse_number(m.group("numonly"))[0], False
    text = m.group(0).lower()
    first = text.split()[0]
    for group in ("num", "allnum", "thenum", "posnum"):
        if m.group(group):
            return parse_number(m.group(group))[0], group == "thenum"
    if first == "both":
        return 2, True
    noun = " ".join(m.group("noun").lower().split())
    plural = noun not in g.singular and not re.search(r"old$", noun)
    if plural or first in {"these", "those", "several", "multiple", "other"}:
        return None, first in {"the", "these", "those"}
    # "his wife", "her son": possessives name someone new as often as someone named before; only "the" and
    # "this" point back for sure
    return 1, first in {"the", "this", "that"}


def _name_ok(m: re.Match[str], g: Grammar) -> bool:
    for group in ("named", "aname", "tname", "bare"):
        value = m.group(group)
        if value:
            return value.split()[0].rstrip(",.") not in g.not_names
    return True


def _phrases(text: str, start: int, end: int, g: Grammar) -> list[_Phrase]:
    out: list[_Phrase] = []
    for m in g.phrase.finditer(text, start, end):
        if not _name_ok(m, g) or _NEGATED.search(text, max(start, m.start() - 50), m.start()):
            continue
        if _SPEAKS.match(text, m.end(), end):
            continue  # "..., a police officer said": the source, not a victim
        count, definite = _count(m, g)
        if count == 0:
            continue
        who = " ".join(m.group(0).split())
        out.append(_Phrase(m.start(), m.end(), count, who, definite, False, bool(m.group("pron") or m.group("obj"))))
        out[-1].reflexive = bool(m.group("refl"))
        out[-1].object_only = bool(m.group("obj"))
        out[-1].numeric = bool(m.group("numonly"))
        out[-1].named = bool(m.group("named") or m.group("aname") or m.group("tname") or m.group("bare"))
        if m.group("partitive"):
            out[-1].subset = True
    return out


def _state_of(m: re.Match[str], side: str) -> tuple[str, str] | None:
    for state in STATES:
        value = m.group(f"{side}_{state}")
        if value:
            return state, " ".join(value.lower().split())
    return None


def _read_after(text: str, p: _Phrase, end: int, g: Grammar) -> None:
    owned = _POSSESSED.match(text, p.end, end)
    if owned:  # "the girl's shooting death", "Child's Shooting Death", "the boy's shooting"
        p.state, p.cue, p.status_end = ("shot" if owned.group(1) else "killed"), "after", owned.end()
        return
    m = g.after.match(text, p.end, end)
    if not m or _UNREAL.search(m.group("aux")):
        return
    found = _state_of(m, "after")
    if not found:
        return
    state, verb = found
    aux = m.group("aux").strip()
    auxiliary = bool(_AUXILIARY.search(aux))
    if not auxiliary and verb in _NEEDS_AUX:
        return
    rest = text[m.end() : end]
    if verb in {"shot", "hit", "struck"} and _SHOT_AT.match(rest):
        return  # "was shot at": fired on, not hit
    if verb == "survived" and _SURVIVED_BY.match(rest):
        return  # "he is survived by his wife": an obituary, not a victim who lived
    perfect = aux.lower().split()[-1:] in (["have"], ["has"], ["had"])  # "is believed to have shot Kevin"
    if (perfect or not auxiliary) and verb.split()[-1] in _ACTIVE and g.object_start.match(text, m.end(), end):
        p.active = True  # "a man shot his wife": he is the shooter
        return
    p.state, p.cue, p.status_end = state, "after", m.end()
    if state != "killed" and re.search(r"\b(?:who|that)\b", aux, re.I):
        death = _MAIN_DEATH.match(text, m.end(), end)
        if death:
            p.state, p.status_end, p.later = "killed", death.end(), True
            return
    p.later = state == "killed" and bool(
        g.later_death.search(text, m.start(), min(end, m.end() + 40)) or m.group("moved")
    )


def _read_before(text: str, p: _Phrase, start: int, g: Grammar) -> None:
    m = g.before.search(text, max(start, p.start - 70), p.start)
    if not m or _UNREAL.search(text, max(start, m.start() - 40), m.start()):
        return
    found = _state_of(m, "before")
    if found:
        p.state, p.cue = found[0], "before"


def _chain(text: str, phrases: list[_Phrase], g: Grammar) -> None:
    """Phrases joined by "and"/commas share the state of the first (before) or the last (after); a name after a
    comma is the same person as the phrase before it ("the victim, Ezra Jackson, 16, ...": one victim)."""
    for left, right in pairwise(phrases):
        between = text[left.end : right.start]
        if _APPOSITION.fullmatch(between) and (left.named or right.named) and not left.status_end:
            if right.state is None:
                right.state, right.cue = left.state, left.cue
            left.state, left.alias = None, True
    for left, right in pairwise(phrases):
        between_start = max(left.end, left.status_end if left.cue == "after" else left.end)
        if left.cue == "after" or not g.coordinator.match(text, between_start, right.start):
            continue
        if right.object_only or left.alias:
            continue
        if left.state and left.cue in {"before", "chain_before"} and right.state is None and not right.active:
            right.state, right.cue = left.state, "chain_before"
    for left, right in reversed(list(pairwise(phrases))):
        if left.cue == "after" or left.alias or not g.coordinator.match(text, left.end, right.start):
            continue
        if right.state and right.cue in {"after", "chain_after"} and left.state is None and not left.active:
            left.state, left.cue = right.state, "chain_after"


def _subset(text: str, p: _Phrase, start: int, end: int, g: Grammar) -> bool:
    return bool(g.subset_before.search(text, max(start, p.start - 30), p.start)) or bool(
        g.among_after.match(text, p.end, end)
    )


def find_victims(text: str, start: int, end: int) -> list[Victim]:
    """The victims named in the sentence text[start:end], in text order."""
    g = grammar()
    if not g.gate.search(text, start, end):
        return []
    phrases = _phrases(text, start, end, g)
    for p in phrases:
        if p.reflexive:
            continue
        if not p.object_only:
            _read_after(text, p, end, g)
        if p.state is None and not p.active:
            _read_before(text, p, start, g)
        if p.state is None and not p.active:
            own = _OWN_STATE.search(p.who)
            if own:
                p.state, p.cue = ("killed" if own.group(1).lower() in _DEAD_WORDS else "injured"), "modifier"
        if _subset(text, p, start, end, g):
            p.subset = True
    _chain(text, phrases, g)
    out: list[Victim] = []
    consumed = -1
    for n, p in enumerate(phrases):
        if (
            p.state == "killed"
            and p.cue == "after"
            and p.count is None
            and p.definite
            and p.start >= consumed
            and (not _OTHER.search(p.who))
        ):
            # "the wife and the children died", "they both died": every victim named before is dead
            out.append(Victim(p.start, max(p.end, p.status_end), "killed", 2, p.who, True, False, "all"))
            continue
        if p.state is None or p.count is None or p.start < consumed or p.alias:
            continue
        stop = max(p.end, p.status_end)
        # "another" after another person of the same sentence contrasts the two ("a teen surrendered after
        # another teen was hurt"); at the head of its sentence it adds to the victims counted before
        additive = n == 0 and bool(_MORE.search(text, p.start, stop))
        if p.cue == "after":
            consumed = max(consumed, stop)  # "the boy was taken to a hospital, where he died": one victim
        group = next((v for v in reversed(out) if v.state == "shot" and not v.subset), None)
        if p.numeric and p.state != "shot" and group is not None and p.count <= group.count:
            p.subset = True  # "three people were shot, and two are in critical condition": two of the three
        out.append(Victim(p.start, stop, p.state, p.count, p.who, p.definite, p.subset, p.cue, p.later, additive))
        fatal = g.fatally.match(text, stop, end) if p.state in {"shot", "injured"} and p.count > 1 else None
        if fatal:
            value = parse_number(fatal.group("f"))[0]
            if 0 < value <= p.count:
                out.append(Victim(fatal.start(), fatal.end(), "killed", value, p.who, True, True, "fatally"))
                consumed = fatal.end()  # "5 shot, 2 dead": the two are among the five
    out.extend(_reflexives(text, start, end, phrases, g))
    out.extend(_multiples(text, start, end, g))
    out.extend(_hints(text, start, end, phrases, g))
    out = _totals_restated(text, start, sorted(out, key=lambda v: v.start))
    if any(v.cue == "murder_suicide" for v in out):
        # "mother shot husband, infant son, then herself; deaths ruled murder-suicide": all of them died
        out = [replace(v, state="killed") if v.state == "shot" and v.cue != "hint" else v for v in out]
    return sorted(out, key=lambda v: v.start)


SUMMING = re.compile(r"\b(?:leaving|left|in\s+all|in\s+total|altogether|a\s+total\s+of|all\s+told)\s+\Z", re.I)


def _totals_restated(text: str, start: int, victims: list[Victim]) -> list[Victim]:
    """ "... killed his wife and their three children before shooting himself, leaving five dead": the five are the
    victims already listed, a total that restates them (cue "total"), not five more."""
    out = []
    for n, v in enumerate(victims):
        before = sum(
            w.count for w in victims[:n] if not w.subset and w.cue not in {"hint", "multiple", "murder_suicide"}
        )
        if before and v.count > 1 and before <= v.count and SUMMING.search(text, max(start, v.start - 20), v.start):
            v = replace(v, cue="total")
        out.append(v)
    return out


def _hints(text: str, start: int, end: int, phrases: list[_Phrase], g: Grammar) -> list[Victim]:
    """At least one victim where no victim is named: "charged in the fatal shooting", "the four victims"."""
    out = []
    for state, pattern in g.hints:
        m = pattern.search(text, start, end)
        if m and not _UNREAL.search(text, max(start, m.start() - 30), m.start()):
            out.append(Victim(m.start(), m.end(), state, 1, m.group(0), True, False, "hint"))
    for p in phrases:  # "the four victims", "two of the four victims": as many hit, whatever their fate
        victims = _VICTIMS.search(p.who)
        if p.state is None and victims and not p.alias and not _OTHER.search(p.who):
            count = p.count if not p.subset else (parse_number(victims.group(1))[0] if victims.group(1) else None)
            if count:
                out.append(Victim(p.start, p.end, "shot", count, p.who, True, False, "hint"))
    return out


def _reflexives(text: str, start: int, end: int, phrases: list[_Phrase], g: Grammar) -> list[Victim]:
    out: list[Victim] = []
    subjects: set[str] = set()
    for m in g.reflexive.finditer(text, start, end):
        state = "killed" if m.group("r_killed") else "shot"
        before = [p for p in phrases if p.end <= m.start() and not p.reflexive and not p.alias]
        # the subject is the nearest person who can be "himself"/"herself" ("her dad's gun" is not "herself")
        subject = next((p for p in reversed(before) if _same_gender(p.who, m.group(0))), None)
        if subject is not None and (subject.pronoun or subject.definite or subject.active):
            # "the boy is stable after he shot himself": the pronoun is the victim named before it
            victim = next((p for p in reversed(before) if p.state and p.cue == "after" and not p.subset), None)
            if victim is not None and _same_gender(victim.who, m.group(0)):
                continue
        if subject is not None and subject.state and subject.cue == "after" and _same_gender(subject.who, m.group(0)):
            continue  # "Harewood, 35, was found dead ... from a self-inflicted gunshot wound": one person
        key = "f" if _FEMALE.search(m.group(0)) else "m" if _MALE.search(m.group(0)) else "?"
        if key in subjects:
            continue  # "he shot himself with his mother's gun, injuring himself": one person
        subjects.add(key)
        if "self-inflicted" in m.group(0).lower() and g.dead_nearby.search(text, start, end):
            state = "killed"
        if _THEN_DIED.match(text, m.end(), end):
            state = "killed"  # "shot himself accidentally ... and died as a result"
        out.append(Victim(m.start(), m.end(), state, 1, "self", False, False, "reflexive"))
    return out


_FEMALE = re.compile(
    r"\b(?:woman|women|girl|mother|mom|wife|daughter|sister|she|her|herself|grandmother|grandma|aunt|niece|"
    r"girlfriend|female|fiancee|stepmother|stepdaughter)\b",
    re.I,
)
_MALE = re.compile(
    r"\b(?:man|men|boy|father|dad|husband|son|brother|he|his|himself|grandfather|grandpa|uncle|nephew|boyfriend|"
    r"male|fiance|stepfather|stepson)\b",
    re.I,
)


def _same_gender(a: str, b: str) -> bool:
    """False only when one phrase is plainly female and the other plainly male."""
    return not ((_FEMALE.search(a) and _MALE.search(b)) or (_MALE.search(a) and _FEMALE.search(b)))


def _multiples(text: str, start: int, end: int, g: Grammar) -> list[Victim]:
    out = []
    murder_suicide = g.murder_suicide.search(text, start, end)
    if murder_suicide and _ATTEMPTED.search(text, max(start, murder_suicide.start() - 12), murder_suicide.start()):
        murder_suicide = None  # "an attempted murder-suicide": the victim lived
    for m in g.multiple.finditer(text, start, end):
        noun = " ".join(m.group("mn").lower().split())
        count = g.multiple_counts[m.group("m").lower()]
        if g.murder_suicide.fullmatch(m.group("mn")):
            count += 1  # "a double murder-suicide": two victims and the attacker
        state = "killed" if noun in g.multiple_killed else "shot"
        out.append(Victim(m.start(), m.end(), state, count, m.group(0), True, False, "multiple"))
    if murder_suicide and not out:
        out.append(
            Victim(
                murder_suicide.start(),
                murder_suicide.end(),
                "killed",
                2,
                "murder-suicide",
                True,
                False,
                "murder_suicide",
            )
        )
    return out
