"""The weapon an attack was made with, from the words around its trigger: a "mortar attack" is shelling, a "suicide
car bombing" a suicide attack. Split from extract.py."""

from __future__ import annotations

from truceline.events.lexicon import Lexicon
from truceline.events.triggers import Candidate, Token

# Weapon modes from the most to the least specific: a "suicide car bombing" is a suicide attack, not an air raid.
_WEAPON_ORDER = ("suicide", "chemical", "grenade", "explosives", "aerial", "shelling", "small_arms", "physical")
_REFINABLE = frozenset({*_WEAPON_ORDER, "general", "ceasefire_violated", "ground_offensive"})


_MEASURES = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "score",
        "scores",
        "barrage",
        "volley",
        "salvo",
        "series",
        "wave",
        "number",
        "hail",
        "round",
        "string",
    }
)


def _doer(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in verb.children)


def _weapon_words(cand: Candidate, agent: Token | None) -> list[Token]:
    """Words that may name the weapon: modifiers, 'with'/'by'/'in' objects, the clause's arguments, the agent."""
    words: list[Token] = []
    heads = [cand.token, *cand.extra]
    clause = cand.token.head if cand.nominal or cand.token.dep_ in ("advcl", "conj") else cand.token
    if not cand.nominal and clause.i != cand.token.i and _doer(cand.token) and _doer(clause):
        clause = cand.token  # "its drones had killed 30, a week after militants attacked a post": each its own means
    while clause.dep_ in ("prep", "pobj") and clause.head.i != clause.i:
        clause = clause.head
    args = [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.i != cand.token.i]
    if not cand.nominal and clause.i != cand.token.i:  # "killed when their vehicle hit a landmine": its own object
        args += [c for c in cand.token.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.token.dep_ in ("acl", "relcl"):  # "mortar rounds fired by the rebels"
        args.append(cand.token.head)
    for arg in list(args):  # "fired dozens of rockets", "a barrage of shells": the weapon is what is counted
        if arg.lemma_.lower() in _MEASURES or arg.tag_ == "CD":
            args.extend(g for c in arg.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)
    heads.extend(args)
    words.extend(args)
    for head in heads:
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "advmod"):
                words.append(child)
            if child.dep_ == "prep" and child.lower_ in ("with", "by", "in", "using"):
                words.extend(g for g in child.children if g.dep_ == "pobj")
    if agent is not None:
        words.append(agent)
        words.extend(c for c in agent.children if c.dep_ in ("compound", "amod"))
    return words


def refine_mode(cand: Candidate, agent: Token | None, lex: Lexicon) -> str:
    """Narrow an ASSAULT to the most specific weapon mode its words name (mortar attack → shelling)."""
    if cand.type != "ASSAULT" or cand.mode not in _REFINABLE:
        return cand.mode
    found = {cand.mode}
    for word in _weapon_words(cand, agent):
        if any(c.dep_ in ("compound", "amod") and c.lower_ in lex.crowd_control for c in word.children):
            continue  # "tear gas", "water cannon": a means of crowd control, not a weapon
        mode = lex.weapon_modes.get(word.lemma_.lower()) or lex.weapon_modes.get(word.lower_)
        if mode is not None and (cand.mode != "physical" or mode == "sexual"):
            found.add(mode)
    if "sexual" in found:
        return "sexual"
    if cand.mode == "ground_offensive" and found - {"aerial", "ground_offensive"} <= {"small_arms", "shelling"}:
        return "aerial" if "aerial" in found else cand.mode
    return next((mode for mode in _WEAPON_ORDER if mode in found), cand.mode)
