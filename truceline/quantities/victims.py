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
from dataclasses import replace
from itertools import pairwise

from truceline.quantities.numbers import parse_number
from truceline.quantities.victim_cues import hints, multiples, reflexives, totals_restated
from truceline.quantities.victim_grammar import OTHER, STATES, UNREAL, Grammar, Phrase, Victim, grammar

__all__ = ["STATES", "Victim", "find_victims", "grammar"]

_ACTIVE = frozenset({"shot", "killed", "wounded", "injured", "hurt", "murdered", "struck", "hit", "grazed"})
_POSSESSED = re.compile(
    r"['’]s\s+(?:(?:accidental|apparent|fatal|tragic|untimely|alleged|reported)\s+)?"
    r"(?:shooting\s+death|death|killing|murder|slaying|(shooting)(?!\s+(?:of|at|range|spree)\b))(?![\w-])",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*,\s*")
_NEEDS_AUX = frozenset({"hit", "struck", "hit in", "struck in"})  # "a car hit ...": only "was hit" is a victim
_MORE = re.compile(r"\b(?:others?|another|more|additional|second|third|also)\b", re.IGNORECASE)
# "no one was hurt", "neither the driver nor the other passenger was injured", "no other person"
_NEGATED = re.compile(
    r"(?<![\w-])(?:(?:no|not|nor|none\s+of)\s+(?:(?:other|the|of|the\s+other)\s+)?|neither\b[^.;,]{0,40}?(?:\s|\Z))\Z",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^\w'’-]+")
_NEGATION_WORD = re.compile(r"\b(?:no|not|nor|none|neither)\b", re.IGNORECASE)  # a quick test before _NEGATED
_SPEAKS = re.compile(r"\s+(?:said|says|say|told|tells|reported|added|adds|stated|confirmed|according|recalled)\b", re.I)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|got|gets|get|remains?|remained|listed|found)\b", re.I)
# "the boy who was shot Tuesday has died": the relative clause says hit, the main verb says dead
_MAIN_DEATH = re.compile(
    r"[^.;]{0,90}?\b(?:has|have|had)\s+(?:since\s+)?died\b|[^.;]{0,90}?\b(?:is|are)\s+(?:now\s+)?dead\b", re.I
)
_JOINED_VERB = re.compile(
    r"\s+and\s+(?:(?:critically|seriously|fatally|mortally|badly|gravely)\s+)?(?:killed|wounded|injured|hurt)(?![\w-])",
    re.I,
)
_SURVIVED_BY = re.compile(r"\s+by\b", re.I)
# "was shot at" with nothing hit after it: fired on ("shot at several times", "shot at by police")
_SHOT_AT = re.compile(r"\s+at(?:\s*[,.;:]|\s*\Z|\s+(?:by|but|and|multiple|several|\w+\s+times)\b)", re.I)
# A state carried by the phrase itself: "a deceased white male", "the slain officer", "the wounded teen".
_OWN_STATE = re.compile(r"\b(deceased|dead|slain|murdered|wounded|injured)\s+(?!\w+\s+(?:of|from)\b)", re.I)
_DEAD_WORDS = frozenset({"deceased", "dead", "slain", "murdered"})
# "four boys between ages 12 and 16 were wounded": the 16 is an age, not two-and-a-half times the boys
# nor is "a boy younger than 12 was shot" twelve victims
_AGE_RANGE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?\d{1,3}\s*(?:and|to|-|through)\s*\Z|\b(?:younger|older)\s+than\s+\Z",
    re.I,
)


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


def _phrases(text: str, start: int, end: int, g: Grammar) -> list[Phrase]:
    out: list[Phrase] = []
    for m in g.phrase.finditer(text, start, end):
        window = text[max(start, m.start() - 50) : m.start()]
        if not _name_ok(m, g) or (_NEGATION_WORD.search(window) and _NEGATED.search(window)):
            continue
        if _SPEAKS.match(text, m.end(), end):
            continue  # "..., a police officer said": the source, not a victim
        if m.group("numonly") and _AGE_RANGE.search(text, max(start, m.start() - 30), m.start()):
            continue
        count, definite = _count(m, g)
        if count == 0:
            continue
        who = " ".join(m.group(0).split())
        out.append(Phrase(m.start(), m.end(), count, who, definite, False, bool(m.group("pron") or m.group("obj"))))
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


def _read_after(text: str, p: Phrase, end: int, g: Grammar) -> None:
    owned = _POSSESSED.match(text, p.end, end)
    if owned:  # "the girl's shooting death", "Child's Shooting Death", "the boy's shooting"
        p.state, p.cue, p.status_end = ("shot" if owned.group(1) else "killed"), "after", owned.end()
        return
    m = g.after.match(text, p.end, end)
    if not m or UNREAL.search(m.group("aux")):
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
    verb_end = m.end()
    joined = _JOINED_VERB.match(text, verb_end, end)  # "a boy shot and critically injured his brother"
    if joined and not auxiliary:
        verb_end = joined.end()
    if (perfect or not auxiliary) and verb.split()[-1] in _ACTIVE and g.object_start.match(text, verb_end, end):
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


def _read_before(text: str, p: Phrase, start: int, g: Grammar) -> None:
    head = _NON_WORD.split(text[max(start, p.start - 30) : p.start].rstrip())
    if head[-1].lower() not in g.before_last:
        return  # the word before the phrase ends no status phrase: skip the costly search
    m = g.before.search(text, max(start, p.start - 70), p.start)
    if not m or UNREAL.search(text, max(start, m.start() - 40), m.start()):
        return
    found = _state_of(m, "before")
    if found:
        p.state, p.cue = found[0], "before"


def _chain(text: str, phrases: list[Phrase], g: Grammar) -> None:
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


def _subset(text: str, p: Phrase, start: int, end: int, g: Grammar) -> bool:
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
            and (not OTHER.search(p.who))
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
    out.extend(reflexives(text, start, end, phrases, g))
    out.extend(multiples(text, start, end, g))
    out.extend(hints(text, start, end, phrases, g))
    out = totals_restated(text, start, sorted(out, key=lambda v: v.start))
    if any(v.cue == "murder_suicide" for v in out):
        # "mother shot husband, infant son, then herself; deaths ruled murder-suicide": all of them died
        out = [replace(v, state="killed") if v.state == "shot" and v.cue != "hint" else v for v in out]
    return sorted(out, key=lambda v: v.start)
