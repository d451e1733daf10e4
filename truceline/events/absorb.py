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
from typing import Any

from truceline.events.lexicon import VIOLATING, Lexicon
from truceline.events.recall import duty_clause
from truceline.events.stance import clause_verb
from truceline.events.triggers import Candidate, Token, trigger_lemma
from truceline.model import Actor, Event, Trigger

# Dependencies by which a clause hangs under the verb that governs what it means.
_UP = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep", "attr", "acomp", "dobj", "conj"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_HEDGES = frozenset({"could", "might", "may"})
_SPANS = frozenset({"day", "week", "month", "year", "hour", "percent", "half", "third", "quarter"})
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


def demanded(cand: Candidate, requests: dict[int, int] | frozenset[int]) -> bool:
    return content_host(cand, requests) is not None


def content_host(cand: Candidate, requests: dict[int, int] | frozenset[int]) -> int | None:
    """True for the act a request, an agreement or a refusal is about ('urged Moscow to make the regime halt its
    attacks', 'called for greater assistance', 'agreed to withdraw their forces', 'refused to withdraw'): what is
    asked, agreed or refused is that statement's, not a second event. `requests` holds the statements' verbs (for
    a nominal statement, its light verb: 'piled pressure on Ankara to start an operation')."""
    token = cand.token
    if cand.nominal:
        head = token.head
        if token.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.i in requests:
            return int(head.head.i)  # "called for greater assistance"
    # up through arguments and complements only: "at the end of a week of talks" is when, not what, they agreed,
    # while "urged Russia to deal with violations" asks about the violations
    for _ in range(8):
        rel, head = token.dep_, token.head
        if head.i == token.i or rel not in _CONTENT_PATH or (rel == "prep" and token.lower_ in _ADJUNCTS):
            return None
        if head.i in requests:
            duty = rel in ("conj", "nsubj", "nsubjpass") and duty_clause(head)  # "these attacks should end and"
            said = rel == "acl" and head.tag_.startswith("NN")  # "Ankara's demand that government forces pull back"
            purpose = rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            return int(head.i) if rel in ("xcomp", "ccomp", "dobj") or purpose or duty or said else None
        token = head
    return None


_CONTENT_PATH = frozenset(
    {"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "advcl", "conj", "attr", "pobj", "prep", "acl"}
)
_ADJUNCTS = frozenset(
    {"at", "after", "before", "during", "since", "following", "amid", "until", "throughout", "in", "near", "around"}
)
_REFUSALS = frozenset({"refuse", "decline", "reject", "rebuff", "veto"})
_PARTYLESS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})


def statement_hosts(own: list[tuple[Candidate, Event]]) -> frozenset[int]:
    """Token indexes of the verbs whose complements are a statement's content: requests (a nominal one through its
    light verb), agreements and concessions told with a verb, refusals."""
    hosts: set[int] = set()
    for cand, _ev in own:
        if cand.type == "REQUEST":
            hosts.add(cand.token.i if not cand.nominal or cand.governor is None else cand.governor.i)
        elif not cand.nominal and (cand.type in ("AGREE", "CONCEDE") or cand.token.lemma_.lower() in _REFUSALS):
            hosts.add(cand.token.i)
    return frozenset(hosts)


# texts whose words are their terms: "the accord calls for a joint mechanism" is what it says, not an act
_TEXTS = frozenset(
    {
        "accord",
        "agreement",
        "deal",
        "treaty",
        "pact",
        "memorandum",
        "protocol",
        "text",
        "truce",
        "ceasefire",
        "plan",
        "proposal",
        "draft",
        "framework",
        "roadmap",
        "document",
        "declaration",
        "charter",
    }
)


def termed(cand: Candidate) -> bool:
    """A request told with a text as its subject ("the accord calls for", "the plan demands"): its terms."""
    if cand.type != "REQUEST" or cand.nominal:
        return False
    verb = cand.token
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "commits Rwanda to withdraw ... and calls for": the first verb's subject
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _TEXTS for c in verb.children)


_AFTERMATH = frozenset({("COERCE", "destroy"), ("SANCTION", "discontinue")})


def aftermath(cand: Candidate, attacks: frozenset[int]) -> bool:
    """What an attack did, told by a participle with no subject of its own ("drones struck fuel depots, setting off
    fires and cutting electricity", "shelled the town, destroying homes"): the attack's own harm, one row."""
    token = cand.token
    if cand.nominal or (cand.type, cand.mode) not in _AFTERMATH or token.tag_ != "VBG":
        return False
    while token.dep_ == "conj" and token.head.tag_ == "VBG":
        token = token.head  # "setting off fires and cutting electricity"
    if token.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    return token.head.i in attacks


def landed(cand: Candidate, attacks: frozenset[int]) -> bool:
    """'A rocket fired from Gaza landed in a field': where the fired rocket fell is the firing's, one row."""
    if cand.nominal or cand.token.lemma_.lower() != "land":
        return False
    subjects = [c for c in cand.token.children if c.dep_ == "nsubj"]
    return any(g.dep_ == "acl" and g.i in attacks for s in subjects for g in s.children)


def partyless(cand: Candidate, event: Event) -> bool:
    """'There is now a warning of a crisis': a statement noun that no one makes to anyone is no event."""
    return (
        cand.nominal
        and cand.type in _PARTYLESS
        and cand.governor is None
        and event.actor is None
        and event.recipient is None
        and event.claimed_by is None
    )


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
    could lead to a humanitarian tragedy' (a 'could launch an offensive' keeps its offensive: it has a party), and
    for a verb in the passive under could/might with no one named doing it."""
    if has_actor:
        return False
    if not cand.nominal:
        # "the truce could be extended by a day for every ten hostages freed": a possibility, with no one doing it
        verb = cand.token
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doers = [g for g in agents if g.ent_type_ not in ("DATE", "TIME") and g.lemma_.lower() not in _SPANS]
        passive = any(c.dep_ == "auxpass" for c in verb.children) and not doers  # "by a day": how much, not who
        return passive and any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children)
    if cand.governor is not None:
        return False
    verb = clause_verb(cand)
    if verb.i in candidates or verb.i == cand.token.i:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children)


# verbs by which a body lets its own forces go ("voted to allow troops to be deployed", "approved the deployment")
_AUTHORISING = frozenset({"allow", "permit", "authorise", "authorize", "approve", "sanction", "endorse"})


def _unnamed_forces(cand: Candidate) -> bool:
    """The forces a deployment moves are named by no country, group or owner but the mover's ("troops", "its
    soldiers", "the deployment of troops"): not "Russian troops" another country lets in."""
    token = cand.token
    if cand.nominal:  # "the deployment of troops"
        moved = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    else:
        moved = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    words = [t for c in moved for t in c.subtree]
    if any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in token.children):
        return False  # "approved Russia's deployment"
    return not any(t.ent_type_ in ("NORP", "GPE", "ORG") or (t.dep_ == "poss" and t.tag_ != "PRP$") for t in words)


def authorising(own: list[tuple[Candidate, Event]], hosts: frozenset[int]) -> dict[int, int]:
    """Permissions that are the permitter's own deployment, by index, with the deployment's: "Turkey's parliament
    voted to allow troops to be deployed to Libya" decides a deployment (coded as the deployment, by the
    permitter), where "allowed aid convoys to enter" or "allowed Russian troops to be deployed" lets another act
    and stays a concession."""
    out: dict[int, int] = {}
    index = {cand.token.i: i for i, (cand, _ev) in enumerate(own)}
    for k, (cand, _ev) in enumerate(own):
        if cand.type != "MOBILIZE" or not _unnamed_forces(cand):
            continue
        host = content_host(cand, hosts)
        i = index.get(host) if host is not None else None
        if i is None:
            continue
        permit = own[i][0]
        if permit.type in ("CONCEDE", "AGREE") and permit.token.lemma_.lower() in _AUTHORISING:
            out[i] = k
    return out


def absorb(own: list[tuple[Candidate, Event]], lex: Lexicon) -> list[tuple[Candidate, Event]]:
    """The sentence's (candidate, event) pairs without the absorbed ones; a THREATEN takes its act's kind into its
    mode and, when it names no one threatened, the act's recipient. Indices are left for the caller to renumber."""
    threats = {cand.token.i: i for i, (cand, _ev) in enumerate(own) if cand.type == "THREATEN"}
    hosts = statement_hosts(own)
    triggers = frozenset(cand.token.i for cand, _ev in own)
    events = [ev for _cand, ev in own]
    permits = authorising(own, hosts)
    for permit, deployment in permits.items():
        if own[permit][1].actor is not None:  # the troops are the permitter's
            events[deployment] = replace(events[deployment], actor=own[permit][1].actor)
    dropped = set(permits)
    hosts = hosts - {own[i][0].token.i for i in dropped}
    host_event = {
        (cand.governor.i if cand.nominal and cand.governor is not None else cand.token.i): i
        for i, (cand, _ev) in enumerate(own)
        if cand.type == "REQUEST"
    }
    agreements = {cand.token.i: i for i, (cand, _ev) in enumerate(own) if cand.type == "AGREE" and not cand.nominal}
    attacks = frozenset(cand.token.i for cand, _ev in own if cand.type == "ASSAULT" and not cand.nominal)
    refusing = {
        cand.token.i: i
        for i, (cand, _ev) in enumerate(own)
        if cand.type == "REJECT" and not cand.nominal and cand.token.lemma_.lower() in _REFUSALS
    }
    refusals = frozenset(refusing)
    for i, (cand, ev) in enumerate(own):
        if cand.type == "THREATEN" and not cand.nominal:
            asker = content_host(cand, hosts)
            if asker in host_event:  # "said the RSF must lay down its arms or be crushed": one ultimatum, not a demand
                dropped.add(host_event[asker])
                events[i] = replace(ev, mode="ultimatum")
                continue
        threat = threat_of(cand, threats)
        if threat is not None:
            dropped.add(i)
            host = events[threat]
            recipient = host.recipient
            if recipient is None and ev.recipient is not None and ev.recipient != host.actor:
                recipient = ev.recipient
            events[threat] = replace(host, mode=threat_mode(host.mode, ev.type), recipient=recipient)
        else:
            # a halt of fire agreed, asked or refused ("agreed to stop attacking ships") is that statement's too
            halt = cand.type == "CONCEDE" and cand.mode == "ceasefire_declared"
            holder = content_host(cand, hosts) if cand.token.i not in hosts or halt else None
            if holder is None and cand.token.i in hosts and cand.type in ("AGREE", "CONCEDE") and _asked_clause(cand):
                # "urged both sides to agree to a ceasefire", "asked the rebels to sign the truce", "refusing to
                # accept passports": an agreement a request asks for, or a refusal refuses, is what the request
                # asks or the refusal refuses, though an agreement hosts what it agrees to
                holder = content_host(cand, frozenset(host_event) | refusals)
            # what a request asks may itself be a request ("urged X to call on Y"); what is refused or agreed is not
            asked = holder is not None and (cand.type != "REQUEST" or holder not in host_event)
            dropping = asked or wished(cand, lex) or hedged(cand, ev.actor is not None, triggers)
            if dropping or partyless(cand, ev) or termed(cand) or aftermath(cand, attacks) or landed(cand, attacks):
                dropped.add(i)
            if asked and halt and holder in agreements and events[agreements[holder]].mode == "general":
                # "agreed to halt fire": what was agreed is a truce
                events[agreements[holder]] = replace(events[agreements[holder]], mode="ceasefire_agreed")
            refused = refusing.get(holder) if asked and holder is not None else None
            if refused is not None and ev.mode == "ceasefire_agreed" and events[refused].mode == "general":
                # "refused to sign the truce": what was refused is a truce
                events[refused] = replace(events[refused], mode="ceasefire_rejected")
    return [(cand, events[i]) for i, (cand, _ev) in enumerate(own) if i not in dropped]


def _asked_clause(cand: Candidate) -> bool:
    """An agreement told as a clause of its own ("to agree to a truce", "that Russia sign"), which a request may ask
    for, not one that describes a thing ("the lines agreed in Sochi", "an accord the two sides signed")."""
    token = cand.token
    return not cand.nominal and token.tag_ == "VB" and token.dep_ in ("xcomp", "ccomp", "advcl", "conj")


def _generic_violation(event: Event) -> bool:
    """'is violating the ceasefire', 'had violated the truce dozens of times': a breach named with no act, day or
    toll of its own, which is all the accusation says."""
    named = event.mode == "ceasefire_violated" or (event.type == "REJECT" and event.trigger.lemma.lower() in VIOLATING)
    # a time that only bounds it by when it was told ("said on Tuesday that X had violated"): no day of its own
    own_day = event.time is not None and event.date_precision not in ("reported by", "since")  # "since Wednesday": many
    return named and event.killed is None and event.injured is None and not own_day


def _broken_by_an_act(verb: Any) -> bool:
    """'violated the truce by shelling positions': the breach is told with the act it was made by."""
    return any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in verb.children
    )


def _by_speaker(accusation: Event, speaker: Any) -> bool:
    actor = accusation.actor
    if actor is None or speaker is None:
        return False
    return bool(actor.country) and actor.country == speaker.country


def _charged_in(token: Any, accusing: dict[int, int]) -> int | None:
    """The index (in `accusing`, by verb) of the accusation whose charge a relative clause tells: "accused the group
    of activity that violated the agreement" (the clause hung on the accused or on what they are charged with)."""
    if token.dep_ != "relcl":
        return None
    noun = token.head
    for up in (noun, noun.head, noun.head.head):
        if up.i in accusing and up.i != token.i:
            return accusing[up.i]
    return None


def _charge_of(token: Any, accusations: set[int]) -> bool:
    """The act an accusation noun names with "of" ("accusations of breaching the truce")."""
    prep = token.head
    return token.dep_ in ("pcomp", "pobj") and prep.lower_ == "of" and prep.head.i in accusations


def _another_party(charged: Actor | None, accused: Actor | None) -> bool:
    """Whether an accusation already aimed at `charged` is aimed at someone else than `accused`."""
    if charged is None or accused is None:
        return False
    return (charged.country, charged.sector) != (accused.country, accused.sector) and charged.start != accused.start


def fold_alleged(own: list[tuple[Candidate, Event]], atts: dict[int, Any]) -> list[tuple[Candidate, Event]]:
    """A breach someone says another party commits is that speaker's accusation, one row: the ACCUSE by the speaker
    against the party (made from the speech verb, or the accusing verb the sentence has), not also a breach of its
    own. A breach with its own day, place-giving act or toll stays as the claim it is, and is linked later."""
    out = list(own)
    explicit = {cand.token.i: k for k, (cand, ev) in enumerate(out) if ev.type == "ACCUSE" and not cand.nominal}
    nouns = {cand.token.i for cand, ev in out if ev.type == "ACCUSE" and cand.nominal}
    for k, (cand, event) in enumerate(out):
        att = atts.get(cand.token.i)
        charged_in = _charged_in(cand.token, explicit) if att is None and _generic_violation(event) else None
        if charged_in is not None or (_generic_violation(event) and _charge_of(cand.token, nouns)):
            # "accusing the group of activity that violated the agreement", "traded accusations of breaching the
            # truce": the charge, which the accusation states
            out[k] = (cand, replace(event, type="DROP"))
            continue
        if att is None or att.kind not in ("said", "accused") or not _generic_violation(event):
            continue
        if _broken_by_an_act(cand.token):
            continue  # "violated the Easter truce by shelling positions near Bakhmut": the shelling is its own act
        accused = event.actor if event.actor is not None and event.actor != event.claimed_by else None
        host = explicit.get(att.cue.i)
        if host is None:  # "condemned the attack, saying it violated the agreements": the condemnation says it
            host = next((h for h in explicit.values() if _by_speaker(out[h][1], event.claimed_by)), None)
            if host is not None and _another_party(out[host][1].recipient, accused):
                host = None  # "said rebels had violated the truce and accused Turkey of ...": two charges, two rows
        if host is not None:
            hc, hev = out[host]
            if hev.recipient is None and accused is not None:
                out[host] = (hc, replace(hev, recipient=accused))
            out[k] = (cand, replace(event, type="DROP"))
            continue
        cue = att.cue
        start = event.trigger.start - cand.token.idx + cue.idx
        out[k] = (
            cand,
            replace(
                event,
                type="ACCUSE",
                mode="allege",
                trigger=Trigger(start, start + len(cue.text), cue.text, cue.lemma_),
                actor=event.claimed_by,
                recipient=accused,
                stance="asserted",
                claimed_by=None,
                ceasefire=None,
            ),
        )
    return [(cand, ev) for cand, ev in out if ev.type != "DROP"]
