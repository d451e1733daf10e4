"""Whose a statement act is, and whom an act hit: the second pass over a sentence's events, after recall.py's
candidates and the parse's arguments have made them.

* a threat or demand with no doer of its own is the speaker's ("any attack will be answered with force, a
  spokesman said"); an act of force the speaker says their own side will carry out ("we will strike back", "will
  not hesitate to strike") is the speaker's threat against whom it, or its condition, names;
* a punitive act a party will take unless another complies ("announced it will withdraw its troops unless the
  government holds elections within four months") is that party's threat, an ultimatum when a deadline is set;
* naming an act a breach accuses its doer; a government telling of talks or a deal no one is named as making is a
  party to it;
* the act a side "lost 33 soldiers in" or "suffered heavy casualties in" is aimed at that side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from truceline.events.arguments import verbal_arguments
from truceline.events.lexicon import Lexicon
from truceline.events.mentions import ActorIndex, actor_for
from truceline.events.parties import same_party
from truceline.events.recall import (
    FIRST_PERSON,
    FORCE_TYPES,
    PRICE_VERBS,
    ahead,
    condition_of,
    duty_clause,
    lemma_of,
    made_sure,
    party_like,
    time_given,
    unmet,
)
from truceline.events.stance import clause_verb
from truceline.events.triggers import Candidate, Token
from truceline.model import Actor, Event

_OURS = frozenset({"our", "my"})
_USING = frozenset({"use", "employ"})  # "ready to use force": recall.py's threat of force
_TOGETHER = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_THREAT_MODES = {"ASSAULT": "violence", "COERCE": "violence", "MOBILIZE": "violence", "SANCTION": "restrict"}
# Acts a party holds over another as the price of not complying ("will withdraw unless", "would strike if ... not").
_PUNITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "REJECT"})


def _deadline(verb: Token) -> bool:
    """The condition sets a time limit: 'unless X withdraws within four months / by Friday'."""
    condition = condition_of(verb)
    return condition is not None and any(
        t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("within", "deadline") for t in condition.subtree
    )


def conditional_threat(cand: Candidate, event: Event, lex: Lexicon) -> Token | None:
    """A punitive act a party says it will take unless another acts ('announced it will withdraw its troops unless the
    government holds elections within four months', 'will cut off aid if the junta does not free them'): the
    party's threat, with the party named in the condition as its target. Returns that party's word."""
    if event.type not in _PUNITIVE or event.stance not in ("planned", "threatened", "claimed"):
        return None
    verb = clause_verb(cand)  # "will resume strikes on Gaza if Hamas does not": the noun's verb
    if not verb.tag_.startswith("VB") or not ahead(verb, lex.resolve_verbs):
        return None
    party = unmet(verb)
    if party is None or party.lower_ in FIRST_PERSON or party.lower_ in ("it", "they"):
        return None
    return party


def _against(verb: Token, offset: int, index: ActorIndex) -> Actor | None:
    """Whom force is to be used against: the object of the verb's 'against' ('use force against the militias')."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "against":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            return index.as_party(actor_for(pobj, offset, index), False) if pobj is not None else None
    return None


def _own_side(agent: Token | None, actor: Actor | None, speaker: Actor | None) -> bool:
    """The act's doer is the speaker's side: 'we', 'our army', no doer named ('will be answered'), or the
    speaker's own country."""
    if agent is None:
        return True
    if agent.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in _OURS for c in agent.children):
        return True
    return actor is not None and speaker is not None and bool(actor.country) and actor.country == speaker.country


def force_threat(
    cand: Candidate,
    event: Event,
    agent: Token | None,
    resolve: frozenset[str] = frozenset(),
    responses: frozenset[str] = frozenset(),
) -> bool:
    """An act of force a speaker says their own side will carry out is the speaker's threat ('we will hit it with
    a force it has not seen before', '"we will strike back," the minister said', 'will not hesitate to strike'), and
    so is a response told ahead whatever type its verb took ('the army said it would respond to any attack')."""
    held = event.type in FORCE_TYPES or (lemma_of(cand.token) in responses and event.type != "THREATEN")
    if not held or event.claimed_by is None or cand.nominal:
        return False
    if event.stance not in ("planned", "threatened") or not ahead(cand.token, resolve):
        return False
    return _own_side(agent, event.actor, event.claimed_by)


def as_threat(event: Event, threatened: Actor | None) -> Event:
    """The speaker's THREATEN: made by whoever said it, against whom the act or its condition names."""
    recipient = event.recipient or threatened
    if recipient is not None and event.claimed_by is not None and recipient.start == event.claimed_by.start:
        recipient = None
    return replace(
        event,
        type="THREATEN",
        mode="violence",
        actor=event.claimed_by,
        recipient=recipient,
        stance="asserted",
        claimed_by=None,
        ceasefire=None,
    )


def _ours(doc: object, offset: int, actor: Actor) -> bool:
    """The actor's words carry the speaker's 'our' / 'my' ('our soldiers')."""
    return any(
        actor.start <= offset + token.idx < actor.end
        and any(c.dep_ == "poss" and c.lower_ in _OURS for c in token.children)
        for token in doc  # type: ignore[attr-defined]
    )


def _a_side(actor: Actor | None) -> bool:
    """A government or an armed side, not a monitor, a newspaper or an agency reporting on others."""
    return actor is not None and bool(actor.country) and actor.sector in ("GOV", "MIL", "REB", None)


def condition_subject(verb: Token) -> Token | None:
    """Whoever the threat's condition names: 'if Hamas fires again' → Hamas."""
    condition = condition_of(verb)
    if condition is None:
        return None
    return next((c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _maker(verb: Token, offset: int, index: ActorIndex) -> Actor | None:
    """The subject of `verb`'s clause, up its purpose and conjoined clauses ("would work with Israel to make sure"):
    the one making sure; a pronoun is the party whose reported clause it is ("the US said it would ...")."""
    from truceline.events.recipients import governing_subject

    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.pos_ == "PRON":
                return governing_subject(subject, offset, index)
            return actor_for(subject, offset, index)
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def speakers_own(
    own: list[tuple[Candidate, Event]],
    offset: int,
    index: ActorIndex,
    lex: Lexicon,
    spoken: Callable[[Candidate, Event], Event] | None = None,
) -> list[tuple[Candidate, Event]]:
    """A speaker's statement acts: a threat or demand with no doer of its own is the speaker's ('any attack will be
    answered with force, a spokesman said'), an act of force the speaker says their own side will carry out is the
    speaker's threat against whom it, or its condition, names, and naming an act a breach accuses its doer. A
    statement made so is dated by its speech verb (`spoken`): '"we will hit it," Netanyahu said on Friday'."""
    out = []
    speakers = [e.claimed_by for _c, e in own if e.claimed_by is not None]
    for cand, event in own:
        if event.type == "THREATEN" and not cand.nominal and made_sure(cand.token):
            # "the US said it would work with Israel to make sure Iran faced severe consequences": those making sure
            # threaten the one who will face them
            maker = _maker(cand.token.head.head, offset, index)
            event = replace(event, actor=index.as_party(maker or event.claimed_by, False), recipient=event.actor)
            out.append((cand, event))
            continue
        if event.type == "THREATEN" and not cand.nominal and time_given(cand.token):
            # "the rebels have 48 hours to leave, the army said": the one given the time limit is threatened; who
            # sets it is the speaker, when there is one
            event = replace(event, actor=None, recipient=index.as_party(event.actor, False))
        if event.type == "ACCUSE" and lemma_of(cand.token) in lex.judging_verbs and speakers:
            # "bombed X, the channel said, in what it called a breach": the speaker names the act a breach
            named = next((e.actor for _c, e in own if e is not event and e.actor is not None), None)
            accused = named if named is not None and not same_party(named, speakers[0]) else None
            judge = event.actor
            if judge is not None and accused is not None and same_party(judge, accused):
                judge = None  # "said X had opened fire, calling it a provocation": the teller calls it so, not X
            event = replace(event, actor=judge or speakers[0], recipient=event.recipient or accused)
        elif event.type == "REQUEST" and not cand.nominal and duty_clause(cand.token) and event.claimed_by is not None:
            # "Peskov said attacks from Idlib had to be stopped": the speaker demands it; what must stop is no party
            subject = next((c for c in cand.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            bound = actor_for(subject, offset, index) if subject is not None and party_like(subject, lex) else None
            event = replace(
                event,
                actor=index.as_party(event.claimed_by, False),
                recipient=bound,
                stance="asserted",
                claimed_by=None,
            )
            event = spoken(cand, event) if spoken is not None else event
        elif event.type == "THREATEN" and not cand.nominal and lemma_of(cand.token) in _USING:
            # "would not hesitate to use force against the protesters": force is the means, the protesters the target
            stance = "asserted" if event.stance == "planned" else event.stance  # the threat is made, not planned
            event = replace(event, recipient=_against(cand.token, offset, index), stance=stance)
            if event.claimed_by is not None and (event.actor is None or same_party(event.actor, event.claimed_by)):
                event = replace(
                    event, actor=index.as_party(event.claimed_by, False), stance="asserted", claimed_by=None
                )
        elif event.type in ("THREATEN", "REQUEST") and event.claimed_by is not None:
            asked = event.type == "REQUEST" and any(c.dep_ == "auxpass" for c in cand.token.children)
            if not cand.nominal and lemma_of(cand.token) in PRICE_VERBS:  # "must leave or face": who is threatened
                event = replace(event, actor=None, recipient=event.actor)
            ours = event.actor is not None and _ours(cand.token.doc, offset, event.actor)  # "our forces are ready"
            if (event.actor is None and not asked) or ours or same_party(event.actor, event.claimed_by):
                # not "the protesters had been asked to disperse": who asked is not said
                event = replace(
                    event, actor=index.as_party(event.claimed_by, False), stance="asserted", claimed_by=None
                )
                event = spoken(cand, event) if spoken is not None else event
        elif event.type in _TOGETHER and event.actor is None and _a_side(event.claimed_by):
            # "Moscow announced a ceasefire had been brokered with Turkey", "Akar said talks were proceeding": a
            # government or armed side telling of talks or a deal with no one named as making it is a party to it
            if not same_party(event.recipient, event.claimed_by):
                event = replace(event, actor=index.as_party(event.claimed_by, False))
        elif (party := conditional_threat(cand, event, lex)) is not None:
            # "Nigeria announced it will withdraw its troops unless the government holds elections": an ultimatum
            threatened = actor_for(party, offset, index)
            doer = event.actor or event.claimed_by
            # "would shell the airport unless flights stopped": an act of force held over no party is still a threat
            against = threatened or event.recipient
            held = threatened is not None or event.type in FORCE_TYPES
            if doer is not None and held and (against is None or not same_party(doer, against)):
                deadline = _deadline(clause_verb(cand))
                mode = "ultimatum" if deadline else _THREAT_MODES.get(event.type, "general")
                event = replace(
                    event,
                    type="THREATEN",
                    mode=mode,
                    actor=index.as_party(doer, False),
                    recipient=index.as_party(against, False),
                    stance="asserted",
                    claimed_by=None,
                    ceasefire=None,
                )
                event = spoken(cand, event) if spoken is not None else event
        elif not cand.nominal and force_threat(
            cand, event, verbal_arguments(cand)[0], lex.resolve_verbs, lex.response_verbs
        ):
            who = condition_subject(cand.token)
            if event.recipient is not None and _ours(cand.token.doc, offset, event.recipient):
                event = replace(event, recipient=None)  # "whoever targets our soldiers": the speaker's own side
            event = as_threat(event, actor_for(who, offset, index) if who is not None else None)
            event = replace(event, actor=index.as_party(event.actor, False))
            event = spoken(cand, event) if spoken is not None else event
        out.append((cand, event))
    return out


def _loser(token: Token, lex: Lexicon) -> Token | None:
    """Whoever bore the act's toll: 'the army lost 33 soldiers in a rebel ambush' -> army, for the ambush; 'its
    forces suffered heavy casualties during the fighting' -> forces; 'two soldiers were killed in an air strike',
    '31 civilians died in the market strike' -> the victims ('33 soldiers were killed and 32 wounded in the strike':
    the first conjunct's, when the second's subject is only a number)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.dep_ != "prep":
        return None
    verb = prep.head
    if not verb.tag_.startswith("VB"):
        return None
    lemma = lemma_of(verb)
    if lemma in lex.loss_verbs:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if lemma not in lex.harm_verbs and lemma not in lex.death_verbs:
        return None
    for harmed in (verb, verb.head if verb.dep_ == "conj" else None):
        if harmed is None or (lemma_of(harmed) not in lex.harm_verbs and lemma_of(harmed) not in lex.death_verbs):
            continue
        victims = ("nsubjpass", "nsubj") if lemma_of(harmed) in lex.death_verbs else ("nsubjpass",)
        subject = next((c for c in harmed.children if c.dep_ in victims), None)
        if subject is not None and subject.tag_ != "CD":
            return subject
    return None


def losers_hit(
    own: list[tuple[Candidate, Event]], offset: int, index: ActorIndex, lex: Lexicon
) -> list[tuple[Candidate, Event]]:
    """An act of force named as where a side lost its people is aimed at that side, when it names no target of its
    own ('the army lost 33 soldiers in a rebel ambush': the ambush hit the army)."""
    out = []
    for cand, event in own:
        if event.type in FORCE_TYPES and event.recipient is None and cand.nominal:
            word = _loser(cand.token, lex)
            loser = actor_for(word, offset, index) if word is not None else None
            if loser is not None and not same_party(loser, event.actor):
                event = replace(event, recipient=index.as_party(loser, False))
        out.append((cand, event))
    return out


def told_root(doc: Any, lex: Lexicon) -> Token | None:
    """The verb a sentence tells, past the speech verb reporting it ("..., a monitor said")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and lemma_of(root) in lex.speech_verbs:
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
    return root


def toll_of(doc: object, offset: int, index: ActorIndex, lex: Lexicon, act: Event) -> tuple[bool, Actor | None]:
    """Whether a sentence of loss ('The army lost 12 soldiers') can tell the toll of `act` (an act of force by
    another party), and the side it names (None when not a known party)."""
    if act.type not in FORCE_TYPES or act.stance not in ("asserted", "claimed"):
        return False, None
    root = told_root(doc, lex)
    if root is None or lemma_of(root) not in lex.loss_verbs or not root.tag_.startswith("VB"):
        return False, None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "neg" for c in root.children):
        return False, None
    loser = actor_for(subject, offset, index)
    if loser is not None and same_party(loser, act.actor):
        return False, None  # the attackers' own losses are no toll of their attack on others
    if act.recipient is not None and loser is not None and not same_party(loser, act.recipient):
        return False, None  # another side's loss
    return True, index.as_party(loser, False) if loser is not None else None
