"""Victims counted by cues other than a person phrase and its verb, in one sentence (see victims.py).

- Reflexives count the subject unless the subject is a victim already named in the sentence ("the boy is stable
  after he shot himself" is one victim; "a man shot his wife and then himself" is two).
- "A double homicide", "a triple shooting", "a murder-suicide" carry their own counts (which restate, never add).
- Hints: "charged in the fatal shooting", "a shooting victim", "the four victims" say at least so many were hit or
  killed where no victim is named.
- A summing total after the victims it sums ("..., leaving five dead") restates them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from truceline.quantities.numbers import parse_number
from truceline.quantities.victim_grammar import OTHER, UNREAL, Grammar, Phrase, Victim

_THEN_DIED = re.compile(
    r"[^.;]{0,80}?(?:\band|,)\s+(?:later\s+|then\s+)?(?:died|dying|was\s+pronounced\s+dead|did\s+not\s+survive)\b",
    re.IGNORECASE,
)
_VICTIMS = re.compile(r"(?:\b(\w+)\s+)?\bvictims?\b", re.IGNORECASE)
# "a car hit ...": only "was hit" is a victim
_ATTEMPTED = re.compile(r"\battempted\s+\Z", re.IGNORECASE)


SUMMING = re.compile(r"\b(?:leaving|left|in\s+all|in\s+total|altogether|a\s+total\s+of|all\s+told)\s+\Z", re.I)


def totals_restated(text: str, start: int, victims: list[Victim]) -> list[Victim]:
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


def hints(text: str, start: int, end: int, phrases: list[Phrase], g: Grammar) -> list[Victim]:
    """At least one victim where no victim is named: "charged in the fatal shooting", "the four victims"."""
    out = []
    for state, pattern in g.hints:
        m = pattern.search(text, start, end)
        if m and not UNREAL.search(text, max(start, m.start() - 30), m.start()):
            out.append(Victim(m.start(), m.end(), state, 1, m.group(0), True, False, "hint"))
    for p in phrases:  # "the four victims", "two of the four victims": as many hit, whatever their fate
        victims = _VICTIMS.search(p.who)
        if p.state is None and victims and not p.alias and not OTHER.search(p.who):
            count = p.count if not p.subset else (parse_number(victims.group(1))[0] if victims.group(1) else None)
            if count:
                out.append(Victim(p.start, p.end, "shot", count, p.who, True, False, "hint"))
    return out


def reflexives(text: str, start: int, end: int, phrases: list[Phrase], g: Grammar) -> list[Victim]:
    out: list[Victim] = []
    subjects: set[str] = set()
    for m in g.reflexive.finditer(text, start, end):
        state = "killed" if m.group("r_killed") else "shot"
        before = [p for p in phrases if p.end <= m.start() and not p.reflexive and not p.alias]
        # the subject is the nearest person who can be "himself"/"herself" ("her dad's gun" is not "herself")
        subject = next((p for p in reversed(before) if same_gender(p.who, m.group(0))), None)
        if subject is not None and (subject.pronoun or subject.definite or subject.active):
            # "the boy is stable after he shot himself": the pronoun is the victim named before it
            victim = next((p for p in reversed(before) if p.state and p.cue == "after" and not p.subset), None)
            if victim is not None and same_gender(victim.who, m.group(0)):
                continue
        if subject is not None and subject.state and subject.cue == "after" and same_gender(subject.who, m.group(0)):
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


def same_gender(a: str, b: str) -> bool:
    """False only when one phrase is plainly female and the other plainly male."""
    return not ((_FEMALE.search(a) and _MALE.search(b)) or (_MALE.search(a) and _FEMALE.search(b)))


def multiples(text: str, start: int, end: int, g: Grammar) -> list[Victim]:
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
