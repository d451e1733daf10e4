"""Candidates that are part of another event or of no event at all, dropped before they become spurious rows.

Why: the parse shows words that name acts without anyone doing them. The act a threat threatens ("warned that
its forces would hit back if attacked") is what the THREATEN is about, and the act a request asks for ("urged X to
withdraw") the REQUEST's, not second events; an outcome someone hopes for in a clause of its own ("hoped the deal
would end the fighting") is a wish; a consequence hedged with could/might and no party ("an escalation could lead
to a tragedy") is speculation. Each is decided from the trigger's clause and the verbs above it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from truceline.events.lexicon import Lexicon
from truceline.events.stance import clause_verb
from truceline.events.triggers import Candidate, Token, trigger_lemma
from truceline.model import Event

# Dependencies by which a clause hangs under the verb that governs what it means.
_UP = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep", "attr", "acomp", "dobj", "conj"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_HEDGES = frozenset({"could", "might", "may"})
# What a threat's act makes of the THREATEN's mode (CAMEO 138 force, 1312 sanctions), when it says no more.
_THREAT_MODES = {"ASSAULT": "violence", "COERCE": "violence", "MOBILIZE": "violence", "SANCTION": "restrict"}


def _governors(verb: Token) -> Iterator[tuple[str, Token]]:
    """(dependency, head) up the chain of clauses `verb` is an argument, complement or condition of."""
    token = verb
    for _ in range(6):
        rel, head = token.dep_, token.head
        if head.i == token.i:
            return
        infinitive = rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        condition = rel == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in token.children)
        if rel not in _UP and not infinitive and not condition:
            return
        yield rel, head
        token = head


def threat_of(cand: Candidate, threats: dict[int, int]) -> int | None:
    """The THREATEN (event index, from `threats`: trigger token index → event) whose threatened act or condition
    `cand` is: 'threatened to strike', 'warned that they would hit back if attacked', 'threatened an offensive'."""
    if cand.type == "THREATEN":
        return None
    token = cand.token
    if cand.nominal and token.dep_ == "dobj" and token.head.i in threats:
        return threats[token.head.i]  # 'threatened an offensive'
    if cand.nominal and token.dep_ == "pobj" and token.head.lower_ in ("of", "with") and token.head.head.i in threats:
        return threats[token.head.head.i]  # 'warned of an offensive', 'threatened them with strikes'
    for rel, head in _governors(clause_verb(cand)):
        if head.i in threats:
            return None if rel == "conj" else threats[head.i]  # 'warned and then attacked' is two acts
    return None


def demanded(cand: Candidate, requests: dict[int, int]) -> bool:
    """True for the act a request asks for in a clause of its own ('urged Moscow to make the regime halt its
    attacks', 'called on all parties to respect the law'): what is asked is the REQUEST's, not a second event."""
    for rel, head in _governors(clause_verb(cand)):
        if head.i in requests:
            return rel in ("xcomp", "ccomp")
    return False


def threat_mode(mode: str | None, act_type: str) -> str | None:
    """The THREATEN's mode once its act is known: a general threat of an attack is a threat of force."""
    return _THREAT_MODES.get(act_type, mode) if mode in ("general", None) else mode


def wished(cand: Candidate, lex: Lexicon) -> bool:
    """True for an outcome hoped for in a finite clause of its own ('Moscow hoped the truce would be respected');
    an intention ('hoped to sign a deal', xcomp) is a plan and stays an event."""
    for rel, head in _governors(clause_verb(cand)):
        if head.tag_.startswith("VB") and trigger_lemma(head, lex.wish_cues) in lex.wish_cues:  # 'hoped' → 'hop'?
            return rel == "ccomp"
        if head.lemma_.lower() in lex.speech_verbs:
            return False
    return False


def hedged(cand: Candidate, has_actor: bool, candidates: frozenset[int]) -> bool:
    """True for an act noun with no party in a could/might clause whose verb is no act itself: 'an escalation
    could lead to a humanitarian tragedy' (a 'could launch an offensive' keeps its offensive: it has a party)."""
    if not cand.nominal or cand.governor is not None or has_actor:
        return False
    verb = clause_verb(cand)
    if verb.i in candidates or verb.i == cand.token.i:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children)


def absorb(own: list[tuple[Candidate, Event]], lex: Lexicon) -> list[tuple[Candidate, Event]]:
    """The sentence's (candidate, event) pairs without the absorbed ones; a THREATEN takes its act's kind into its
    mode and, when it names no one threatened, the act's recipient. Indices are left for the caller to renumber."""
    threats = {cand.token.i: i for i, (cand, _ev) in enumerate(own) if cand.type == "THREATEN"}
    requests = {cand.token.i: i for i, (cand, _ev) in enumerate(own) if cand.type == "REQUEST" and not cand.nominal}
    triggers = frozenset(cand.token.i for cand, _ev in own)
    events = [ev for _cand, ev in own]
    dropped: set[int] = set()
    for i, (cand, ev) in enumerate(own):
        threat = threat_of(cand, threats)
        if threat is not None:
            dropped.add(i)
            host = events[threat]
            recipient = host.recipient
            if recipient is None and ev.recipient is not None and ev.recipient != host.actor:
                recipient = ev.recipient
            events[threat] = replace(host, mode=threat_mode(host.mode, ev.type), recipient=recipient)
        else:
            asked = cand.type != "REQUEST" and demanded(cand, requests)
            if asked or wished(cand, lex) or hedged(cand, ev.actor is not None, triggers):
                dropped.add(i)
    return [(cand, events[i]) for i, (cand, _ev) in enumerate(own) if i not in dropped]
