"""Events a coder wants that no single trigger word names: threats made in quotes, ultimatums, demands stated as
wants or duties, accusations made by naming an act a breach, and event nouns the tokenizer split at a hyphen.

Each proposal is read off the shape of the clause, not off particular words of a report:

* a threat: a verb of answering or striking told ahead ("we will respond much more heavily", "any attack will be
  answered with force", "must lay down its arms or be crushed"), or a first-person promise under a condition
  naming another's act ("if the regime continues these attacks, we will do what is necessary");
* an ultimatum: giving a party until a time to do something ("gave the forces until the end of February to pull
  back");
* a demand: wanting or expecting something of a party ("wants Moscow to make the army withdraw", "what we expect
  from Russia"), or a duty laid on others in a quote ("these attacks should come to an end");
* an accusation: naming what someone did a breach or a crime ("in what it called a breach of the agreement");
* a hyphenated event noun ("staged sit-ins").

`force_threat` turns an act of force that a speaker says their own side will carry out into the speaker's threat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from truceline.events.arguments import verbal_arguments
from truceline.events.lexicon import Lexicon
from truceline.events.mentions import ActorIndex, actor_for
from truceline.events.parties import same_party
from truceline.events.triggers import Candidate, Token
from truceline.model import Actor, Event

NO_EVENT = "NONE"  # a candidate whose words show it reports nothing (resense)
_AHEAD = frozenset({"will", "would", "'ll", "shall", "wo"})
_DUTY = frozenset({"must", "should"})
_CONDITIONS = frozenset({"if", "unless"})
_FIRST_PERSON = frozenset({"we", "i"})
_OURS = frozenset({"our", "my"})
_PARTY_PRONOUNS = frozenset({"them", "him", "her", "us", "they"})
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
_TOGETHER = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_READY = frozenset({"ready", "prepared", "poised", "determined"})
# What a party is told it will face for defying a demand ("leave the town or face the consequences").
_PRICES = frozenset({"force", "consequence", "consequences", "retaliation", "retribution", "punishment", "reprisal"})
# Acts a party holds over another as the price of not complying ("will withdraw unless", "would strike if ... not").
_THREAT_MODES = {"ASSAULT": "violence", "COERCE": "violence", "MOBILIZE": "violence", "SANCTION": "restrict"}
_PUNITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "REJECT"})


def _lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _ahead(verb: Token, resolve: frozenset[str] = frozenset()) -> bool:
    """Told as what will happen: 'will respond', 'would answer', the second half of 'must ... or be crushed', or
    the act under a negated verb of holding back ('will not hesitate to strike'; `resolve` names those verbs)."""
    if _auxes(verb) & _AHEAD or _ready(verb):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and _lemma(head) in resolve and any(c.dep_ == "neg" for c in head.children):
        return bool(_auxes(head) & _AHEAD)
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children):
        return bool(_auxes(verb.head) & (_AHEAD | _DUTY))
    return False


def _ready(verb: Token) -> bool:
    """Held ready: 'is ready to strike', 'stands prepared to respond', 'reserves the right to retaliate'."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in _READY:
        return True
    return verb.dep_ == "acl" and _lemma(head) == "right" and _lemma(head.head) == "reserve"


def _force_named(verb: Token, lex: Lexicon) -> bool:
    """'use force', 'face an assault', 'face the consequences': the act told is force, or the price of defiance."""
    lemma = _lemma(verb)
    if lemma not in ("use", "face", "employ"):
        return False
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        word = _lemma(child)
        entry = lex.nouns.get(word)
        if word in _PRICES or (lemma == "face" and entry is not None and entry[0] in _FORCE_TYPES):
            # a party that 'will face consequences' under a warning is that warning's content, no threat of its own
            return _defied(verb) if lemma == "face" else word == "force"
    return False


def _defied(verb: Token) -> bool:
    """The second half of 'must leave the town or face an assault': the price of not doing what is demanded."""
    head = verb.head
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children)


def _condition(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in c.children)), None
    )


def _hostile(clause: Token, lex: Lexicon) -> bool:
    """The clause names an act of force or a breach ('if the regime continues these attacks')."""
    for token in clause.subtree:
        lemma = _lemma(token)
        entry = lex.verbs.get(lemma) if token.tag_.startswith("VB") else lex.nouns.get(lemma)
        if entry is not None and entry[0] in _FORCE_TYPES:
            return True
    return False


def _party_like(token: Token, lex: Lexicon) -> bool:
    return (
        token.lower_ in _PARTY_PRONOUNS
        or token.pos_ == "PROPN"
        or token.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
        or _lemma(token) in lex.party_words
    )


def _threat(verb: Token, lex: Lexicon) -> bool:
    if (_lemma(verb) in lex.response_verbs or _force_named(verb, lex)) and _ahead(verb):
        return True  # "we will respond", "will be answered with force", "or be crushed", "ready to use force"
    if _lemma(verb) == "face":
        return False  # "warned X that it would face consequences if ...": X is threatened, by the warning
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    ours = subject is not None and subject.lower_ in _FIRST_PERSON and bool(_auxes(verb) & _AHEAD)
    if ours and not negated and _unmet(verb) is not None:
        return True  # "if they do not leave by Monday, we will drive them out"
    condition = _condition(verb)
    if subject is None or not (_auxes(verb) & _AHEAD) or condition is None or not _hostile(condition, lex):
        return False
    if subject.lower_ in _FIRST_PERSON:
        return True  # "if the regime continues these attacks, we will do what is necessary"
    # "Erdogan said Turkey would act on its own if the attacks did not stop": a side's reported resolve
    reported = verb.dep_ == "ccomp" and _lemma(verb.head) in lex.speech_verbs
    return reported and (_party_like(subject, lex) or subject.lower_ in ("it", "they"))


def _unmet(verb: Token) -> Token | None:
    """The party whose failing to act the clause's act is conditioned on: 'unless the government holds elections',
    'if the militias do not withdraw', 'if Hamas fails to free the hostages' -> its subject."""
    condition = _condition(verb)
    if condition is None:
        return None
    unless = any(c.lower_ == "unless" for c in condition.children if c.dep_ == "mark")
    negated = any(c.dep_ == "neg" for c in condition.children) or _lemma(condition) in ("fail", "refuse")
    if not (unless or negated):
        return None
    return next((c for c in condition.children if c.dep_ == "nsubj"), None)


def _deadline(verb: Token) -> bool:
    """The condition sets a time limit: 'unless X withdraws within four months / by Friday'."""
    condition = _condition(verb)
    return condition is not None and any(
        t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("within", "deadline") for t in condition.subtree
    )


def conditional_threat(cand: Candidate, event: Event, lex: Lexicon) -> Token | None:
    """A punitive act a party says it will take unless another acts ('announced it will withdraw its troops unless the
    government holds elections within four months', 'will cut off aid if the junta does not free them'): the
    party's threat, with the party named in the condition as its target. Returns that party's word."""
    if cand.nominal or event.type not in _PUNITIVE or event.stance not in ("planned", "threatened", "claimed"):
        return None
    if not _ahead(cand.token, lex.resolve_verbs):
        return None
    party = _unmet(cand.token)
    if party is None or party.lower_ in _FIRST_PERSON or party.lower_ in ("it", "they"):
        return None
    return party


def _ultimatum(verb: Token) -> bool:
    """'gave X until the end of the month to pull back': a time limit for a party to act."""
    if _lemma(verb) != "give" or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    until = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"), None)
    if until is None:
        return False
    return any(t.dep_ in ("acl", "xcomp", "advcl") and t.tag_ == "VB" for t in (*until.subtree, *verb.children))


def _demand(verb: Token, lex: Lexicon) -> bool:
    """'wants Moscow to make the army withdraw', 'expect them to take measures', 'waiting for Russia to begin',
    'what we expect from Russia'."""
    if _lemma(verb) not in lex.demand_verbs:
        return False
    infinitive = any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl") and child.tag_ == "VB" and any(c.lower_ == "to" for c in child.children):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and _party_like(subject, lex):
                return True  # "wants Borduria to close the border", "waiting for Russia to begin efforts"
        if child.dep_ == "dobj" and infinitive and _party_like(child, lex):
            return True
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "for"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _party_like(pobj, lex) and (child.lower_ != "for" or infinitive):
                return True
    return False


def duty_clause(verb: Token) -> bool:
    """'should stop', 'must withdraw', 'had to be stopped', 'need to leave': a clause that lays a duty."""
    if _auxes(verb) & _DUTY:
        return True
    return _lemma(verb) in ("have", "need") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _quoted_duty(verb: Token) -> bool:
    """A duty laid on others in the speaker's own words, the quote first: '"These attacks should come to an end,"
    the spokesman said' (a 'must' or 'should' reported after 'said' is the speech verb's REQUEST already; a
    reported 'had to be stopped' is not)."""
    if not duty_clause(verb) or _lemma(verb) == "be" or _condition(verb) is not None:
        return False
    if not (_auxes(verb) & _DUTY) and verb.dep_ == "ccomp":
        return verb.head.tag_.startswith("VB")  # "Peskov said attacks from Idlib had to be stopped"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in _FIRST_PERSON:
        return False  # "we must": a resolve, not a demand
    return verb.dep_ in ("ROOT", "parataxis", "conj") or (verb.dep_ == "ccomp" and verb.i < verb.head.i)


_TELLING = frozenset({"tell", "order", "instruct", "direct", "advise"})


def _telling(verb: Token, lex: Lexicon) -> bool:
    """'told Russia not to stand in Turkey's way', 'ordered the troops to withdraw': a demand made of a party."""
    if _lemma(verb) not in _TELLING:
        return False
    party = any(c.dep_ in ("dobj", "dative") and _party_like(c, lex) for c in verb.children)
    told_to = any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return party and told_to


def _until_told(verb: Token) -> bool:
    """'told the rebels they had until midnight to lay down their arms': the telling sets a time limit."""
    if _lemma(verb) not in _TELLING | {"warn", "inform"}:
        return False
    if not any(c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children):
        return False
    return any(t.lower_ == "until" and t.dep_ == "prep" and _lemma(t.head) == "have" for t in verb.subtree)


def _accusing(verb: Token, lex: Lexicon) -> bool:
    """'in what it called a breach of the agreement', 'described the raid as a war crime'."""
    if _lemma(verb) not in lex.judging_verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("oprd", "attr") and _lemma(child) in lex.charge_nouns:
            return True
        named = child.dep_ == "prep" and child.lower_ == "as"
        if named and any(g.dep_ == "pobj" and _lemma(g) in lex.charge_nouns for g in child.children):
            return True
    return False


def _hyphenated(token: Token, lex: Lexicon) -> tuple[str, str] | None:
    """'sit-ins', 'build-up' split by the tokenizer into three tokens: the whole word's noun entry."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    for form in (_lemma(token), token.lower_.rstrip("s")):
        entry = lex.nouns.get(f"{doc[i - 2].lower_}-{form}")
        if entry is not None:
            return entry
    return None


def extra_candidates(doc: object, lex: Lexicon, taken: set[int]) -> list[Candidate]:
    """Candidates the trigger lexicon does not propose, at tokens no other candidate holds."""
    found: list[Candidate] = []
    for token in doc:  # type: ignore[attr-defined]
        if token.i in taken:
            continue
        if token.tag_.startswith("VB") and token.dep_ not in ("aux", "auxpass"):
            if _threat(token, lex):
                found.append(Candidate(token, "THREATEN", "violence", False))
            elif _ultimatum(token) or _until_told(token):
                found.append(Candidate(token, "THREATEN", "ultimatum", False))
            elif _demand(token, lex) or _quoted_duty(token) or _telling(token, lex):
                found.append(Candidate(token, "REQUEST", "general", False))
            elif _accusing(token, lex):
                found.append(Candidate(token, "ACCUSE", "allege", False))
        elif token.tag_.startswith("NN"):
            entry = _hyphenated(token, lex)
            if entry is not None:
                head = token.head
                light = head.i != token.i and _lemma(head) in lex.light_verbs and head.tag_.startswith("VB")
                found.append(Candidate(token, entry[0], entry[1], True, governor=head if light else None))
    return found


def resense(cand: Candidate, lex: Lexicon) -> None:
    """Choose a verb's sense by its object ('sent envoys' a visit, 'sent tents' aid), in place; a ceasefire
    called *for* is asked for, not declared."""
    noun = cand.ceasefire_noun
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "for" and _lemma(cand.token) != "agree":
        cand.type, cand.mode = "REQUEST", "appeal"
        return
    senses = lex.verb_senses.get(_lemma(cand.token)) if not cand.nominal else None
    if not senses:
        return
    words = {_lemma(t) for c in cand.token.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    chosen = next((sense for cues, sense in senses if cues & words), None)
    if chosen is None and any(not cues for cues, _sense in senses):
        chosen = next(sense for cues, sense in senses if not cues)  # the default sense
        if chosen is None:
            cand.type = NO_EVENT  # "reduce tension": the verb reports nothing here
            return
    if chosen is not None:
        cand.type, cand.mode = chosen


def _own_side(agent: Token | None, actor: Actor | None, speaker: Actor | None) -> bool:
    """The act's doer is the speaker's side: 'we', 'our army', no doer named ('will be answered'), or the
    speaker's own country."""
    if agent is None:
        return True
    if agent.lower_ in _FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in _OURS for c in agent.children):
        return True
    return actor is not None and speaker is not None and bool(actor.country) and actor.country == speaker.country


def force_threat(cand: Candidate, event: Event, agent: Token | None, resolve: frozenset[str] = frozenset()) -> bool:
    """An act of force a speaker says their own side will carry out is the speaker's threat ('we will hit it with
    a force it has not seen before', '"we will strike back," the minister said', 'will not hesitate to strike')."""
    if event.type not in _FORCE_TYPES or event.claimed_by is None or cand.nominal:
        return False
    if event.stance not in ("planned", "threatened") or not _ahead(cand.token, resolve):
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
    condition = _condition(verb)
    if condition is None:
        return None
    return next((c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")), None)


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
        if event.type == "ACCUSE" and _lemma(cand.token) in lex.judging_verbs and speakers:
            # "bombed X, the channel said, in what it called a breach": the speaker names the act a breach
            named = next((e.actor for _c, e in own if e is not event and e.actor is not None), None)
            accused = named if named is not None and not same_party(named, speakers[0]) else None
            event = replace(event, actor=event.actor or speakers[0], recipient=event.recipient or accused)
        elif event.type == "REQUEST" and not cand.nominal and duty_clause(cand.token) and event.claimed_by is not None:
            # "Peskov said attacks from Idlib had to be stopped": the speaker demands it; what must stop is no party
            subject = next((c for c in cand.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            bound = actor_for(subject, offset, index) if subject is not None and _party_like(subject, lex) else None
            event = replace(
                event,
                actor=index.as_party(event.claimed_by, False),
                recipient=bound,
                stance="asserted",
                claimed_by=None,
            )
            event = spoken(cand, event) if spoken is not None else event
        elif event.type in ("THREATEN", "REQUEST") and event.claimed_by is not None:
            asked = event.type == "REQUEST" and any(c.dep_ == "auxpass" for c in cand.token.children)
            if not cand.nominal and _lemma(cand.token) == "face" and event.actor is not None:
                event = replace(event, actor=None, recipient=event.actor)  # "must leave or face": who is threatened
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
            if doer is not None and threatened is not None and not same_party(doer, threatened):
                mode = "ultimatum" if _deadline(cand.token) else _THREAT_MODES.get(event.type, "general")
                event = replace(
                    event,
                    type="THREATEN",
                    mode=mode,
                    actor=index.as_party(doer, False),
                    recipient=index.as_party(threatened, False),
                    stance="asserted",
                    claimed_by=None,
                    ceasefire=None,
                )
                event = spoken(cand, event) if spoken is not None else event
        elif not cand.nominal and force_threat(cand, event, verbal_arguments(cand)[0], lex.resolve_verbs):
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
    forces suffered heavy casualties during the fighting' -> forces."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.dep_ != "prep":
        return None
    verb = prep.head
    if not verb.tag_.startswith("VB") or _lemma(verb) not in lex.loss_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def losers_hit(
    own: list[tuple[Candidate, Event]], offset: int, index: ActorIndex, lex: Lexicon
) -> list[tuple[Candidate, Event]]:
    """An act of force named as where a side lost its people is aimed at that side, when it names no target of its
    own ('the army lost 33 soldiers in a rebel ambush': the ambush hit the army)."""
    out = []
    for cand, event in own:
        if event.type in _FORCE_TYPES and event.recipient is None and cand.nominal:
            word = _loser(cand.token, lex)
            loser = actor_for(word, offset, index) if word is not None else None
            if loser is not None and not same_party(loser, event.actor):
                event = replace(event, recipient=index.as_party(loser, False))
        out.append((cand, event))
    return out
