"""Agent and recipient candidates of a nominal trigger ("the regime's attack on the post", "a mediation mission
between X and Y"), split from arguments.py, which keeps the verbal slots and the actor look-ups both share."""

from __future__ import annotations

from truceline.events.arguments import (
    _AGENT_PREPS,
    _BETWEEN,
    _PRONOUNS,
    _RECIPIENT_PREPS,
    _WITH_TYPES,
    _first,
    _past_dateline,
    _prep_object,
    _subject,
    dateline_end,
    done_by,
    nearby_nouns,
    own_extras,
    victim_of,
)
from truceline.events.lexicon import load_lexicon
from truceline.events.mentions import ActorIndex, _single_actor, actor_for
from truceline.events.triggers import Candidate, Token, disowned, misread_gerund

# verbs whose subject does what their noun names ("took part in talks", "traded fire", "exchanged accusations",
# and the verbs of delivering a blow: "helicopters dropped barrel bombs", "militants fired rockets")
_TAKING = frozenset(
    {"take", "join", "participate", "engage", "converge", "gather", "assemble", "march", "trade", "exchange"}
    | {"drop", "fire", "hurl", "lob", "rain", "shoot", "detonate", "plant", "throw"}
)
# party nouns that, compounded on an act noun, name its doer ("army operations"; "military" is an adjective there)
_DOER_COMPOUNDS = frozenset({"army", "police", "rebel", "militia", "government", "regime", "militant", "insurgent"})
_TOPICS = frozenset({"on", "about", "over", "regarding", "concerning"})
# verbs of readying an act: whoever readies it is its doer, wherever the parse puts them
_PREPARING = frozenset({"prepare", "plan", "plot", "mount", "organise", "organize", "stage", "mass"})
# verbs of dying or being hurt: "35 soldiers were killed in the Turkish response"
_SUFFERING = frozenset({"die", "kill", "wound", "injure", "hurt", "perish", "maim"})
# nouns that name a blow struck back, with no type of their own in the lexicon
_ANSWERS = frozenset({"response", "retaliation", "reprisal", "counterattack", "counter-attack"})


def blow_of(verb: Token, index: ActorIndex, offset: int) -> Token | None:
    """'35 soldiers were killed in the Turkish response', 'died in an attack by X': a verb of dying or being hurt
    with no agent of its own was done by whoever struck the blow its 'in' or 'during' phrase names."""
    if verb.lemma_.lower() not in _SUFFERING:
        return None
    nouns = load_lexicon().nouns
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            lemma = noun.lemma_.lower()
            if noun.dep_ != "pobj" or not (nouns.get(lemma, ("",))[0] == "ASSAULT" or lemma in _ANSWERS):
                continue
            return nominal_arguments(Candidate(noun, "ASSAULT", "general", True), index, offset)[0]
    return None


def _taker(noun: Token) -> Token | None:
    """'gathered for a rally', 'took part in talks': the subject of a verb of joining does the noun's act."""
    head = noun.head
    if noun.dep_ == "pobj":
        if head.lower_ not in ("for", "in") or head.dep_ != "prep":
            return None
        head = head.head
    if not head.tag_.startswith("VB") or head.lemma_.lower() not in _TAKING:
        return None
    own = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if own is None and head.dep_ == "conj":
        return _subject(head)  # "gunmen entered the building and exchanged fire": the first verb's subject
    return own


# verbs of speaking to or at a gathering ("told a news conference", "said at a briefing", "addressed a summit"):
# whoever speaks there holds or takes part in it
_ADDRESSING = frozenset({"tell", "address", "brief"})
_SPEAKING_AT = frozenset({"say", "speak", "tell", "announce", "state", "add", "declare", "come", "make"})


def _speaker(noun: Token) -> Token | None:
    """'X told a news conference with Y', 'X said at a briefing', 'the announcement by X came at a news
    conference': the one who speaks at a gathering is a party to it."""
    head = noun.head
    if noun.dep_ == "dobj" and head.tag_.startswith("VB") and head.lemma_.lower() in _ADDRESSING:
        verb = head
    elif (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("at", "during")
        and head.head.tag_.startswith("VB")
        and head.head.lemma_.lower() in _SPEAKING_AT
    ):
        verb = head.head
    else:
        return None
    return _subject(verb)  # "the announcement by X came at a news conference": _subject reads X


_STATES = frozenset({"be", "remain", "stay", "go", "keep"})


def _in_state(noun: Token) -> Token | None:
    """'troops remained on alert', 'workers went on strike', 'the two sides are in talks': the subject of a verb of
    being or staying in the state the noun names does its act."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("on", "in") or head.dep_ != "prep":
        return None
    verb = head.head
    if not verb.tag_.startswith("VB") or verb.lemma_.lower() not in _STATES:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


_MOVING = frozenset({"RETREAT", "MOBILIZE"})


def _a_place(token: Token, kind: str) -> bool:
    """A place after 'from': a common place word ('the town', 'the border'), or any place left or moved from ('a
    withdrawal from Syria'); 'assistance from Europe' is given by the place's people."""
    if token.lemma_.lower() in load_lexicon().place_heads:
        return True
    return kind in _MOVING and token.ent_type_ in ("GPE", "LOC", "FAC")


_OUTCOME_PREPS = frozenset({"after", "following", "during", "at", "amid", "throughout", "in"})


def _parties_of_the_outcome(noun: Token) -> Token | None:
    """'agreed ... at the end of a week of talks', 'failed to reach a deal after two days of talks': talks with no
    party of their own, told as when an agreement was reached (or not), were held by those who reached it."""
    lex = load_lexicon()
    token, steps = noun, 0
    while token.dep_ == "pobj" and steps < 4:
        prep = token.head
        head = prep.head
        if prep.lower_ == "of" and head.tag_.startswith("NN"):
            token, steps = head, steps + 1  # "two days of talks", "the end of a week of talks"
            continue
        if prep.lower_ not in _OUTCOME_PREPS or head.pos_ not in ("VERB", "AUX"):
            return None
        for verb in (head, head.head) if head.dep_ == "xcomp" else (head,):  # "agreed to withdraw ..., at the end"
            lemma = verb.lemma_.lower()
            if lex.verbs.get(lemma, ("", ""))[0] in ("AGREE", "CONSULT") or lemma in lex.ceasefire_verbs:
                return _subject(verb)
        return None
    return None


_OWNING_UP = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})
# acts a group claims as its own by "claiming" them ("claimed the bombing"), not only "responsibility for" them
_OWNED_ACTS = frozenset(
    {"attack", "bombing", "blast", "explosion", "killing", "assassination", "kidnapping", "abduction", "raid", "ambush"}
    | {"strike", "airstrike", "shooting", "assault", "massacre"}
)


def _responsible(noun: Token) -> Token | None:
    """'X claimed (took, accepted) responsibility for the attack': the one who owns up to it carried it out; so
    does the one said, or saying, to be (or not to be) answerable for it (`answerable_for`), whose act
    truceline.events.stance.attribution then tells as denied where the words disown it."""
    answerable = answerable_for(noun)
    if answerable is not None:
        return next((c for c in answerable[0].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    prep = noun.head
    if noun.dep_ == "dobj" and prep.lemma_.lower() == "claim" and noun.lemma_.lower() in _OWNED_ACTS:
        # "the Islamic State group claimed the attack on a church": claimed it as its own ("no group has claimed
        # the attack", "did not claim it": no one)
        return None if disowned(prep) else next((c for c in prep.children if c.dep_ == "nsubj"), None)
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ != "dobj" or verb.lemma_.lower() not in _OWNING_UP:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


_DISOWNING = frozenset({"deny", "reject", "refute", "disclaim"})
# a share in an act: "denied any role in the blast", "played no part in the killings", "had no hand in the attack"
_SHARES = frozenset({"role", "part", "hand", "involvement", "share"})
_HAVING = frozenset({"have", "play", "take"})


def _none(token: Token) -> bool:
    return any((c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg" for c in token.children)


def answerable_for(noun: Token) -> tuple[Token, bool] | None:
    """(the verb, whether it disowns) when `noun` is the act someone is said to answer for: "X denied
    responsibility for the attack" (disowns), "X was (not) responsible for the blast", "X was (not) behind the
    strike", "X had nothing to do with the killing" (disowns), "X was (not) involved in", "denied any role in"
    (disowns), "played no part in"; the verb's subject is who is or is not its doer."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return None
    head = prep.head
    if prep.lower_ == "for" and head.lemma_.lower() == "responsibility" and head.dep_ == "dobj":
        verb = head.head
        return (verb, True) if verb.lemma_.lower() in _DISOWNING else None
    if prep.lower_ == "for" and head.lower_ == "responsible" and head.dep_ == "acomp":
        verb = head.head
        return verb, any(c.dep_ == "neg" for c in verb.children)
    if prep.lower_ == "behind" and head.lemma_.lower() == "be" and prep.dep_ == "prep":
        return head, any(c.dep_ == "neg" for c in head.children)
    if prep.lower_ == "in" and head.lower_ == "involved" and head.tag_ == "VBN":
        return head, _none(head)  # "said it was not involved in the attack"
    if prep.lower_ == "in" and head.lemma_.lower() in _SHARES and head.dep_ == "dobj":
        verb = head.head  # "denied any role in the blast", "had no role in the bombing"
        if verb.lemma_.lower() in _DISOWNING:
            return verb, True
        return (verb, _none(head) or _none(verb)) if verb.lemma_.lower() in _HAVING else None
    if prep.lower_ == "in" and prep.dep_ == "prep" and head.lemma_.lower() in _HAVING | _DISOWNING:
        # the parser hangs the act on the verb: "played no part in the killings"
        share = next((c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in _SHARES), None)
        if share is not None:
            return head, head.lemma_.lower() in _DISOWNING or _none(share) or _none(head)
    if prep.lower_ == "with" and head.lemma_.lower() == "do" and head.dep_ == "relcl" and head.head.lower_ == "nothing":
        verb = head.head.head
        return (verb, True) if head.head.dep_ == "dobj" and verb.lemma_.lower() == "have" else None
    return None


_UNDERGOING = frozenset({"come", "be", "remain", "stay"})


def _undergone(noun: Token) -> tuple[Token, Token] | None:
    """(verb, subject) of "X came under fire", "the town remained under attack": the subject is the one the act is
    aimed at, not its doer."""
    under = noun.head
    if noun.dep_ != "pobj" or under.lower_ != "under" or under.head.lemma_.lower() not in _UNDERGOING:
        return None
    verb = under.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (verb, subject) if subject is not None else None


# asking nouns whose "of" names who asks ("the request of the government"), not what is asked for
_ASKING_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "behest", "insistence"})


def nominal_arguments(cand: Candidate, index: ActorIndex, offset: int) -> tuple[Token | None, list[Token], list[Token]]:
    """Agent and recipient candidates of a nominal trigger ("the regime's attack on the post")."""
    noun = cand.token
    taken = _undergone(noun)
    if taken is not None:  # "a convoy came under fire from the militia": the convoy is fired at
        shooter = _prep_object(noun, _AGENT_PREPS) or _prep_object(taken[0], _AGENT_PREPS)
        skip = {taken[1].i} | ({shooter.i} if shooter is not None else set())
        return shooter, [taken[1]], [t for t in nearby_nouns(noun, shooter, 2) if t.i not in skip]
    agent: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _PRONOUNS:  # "their meeting": the clause's subject says who
            agent = child
    if agent is None:
        agent = _prep_object(noun, _AGENT_PREPS)
        if (
            agent is not None
            and agent.head.lower_ == "from"
            and (_a_place(agent, cand.type) or actor_for(agent, offset, index) is None)
        ):
            agent = None  # "their withdrawal from the town", "from Gao": where from, not who
    if agent is None and cand.type == "REQUEST" and noun.lemma_.lower() in _ASKING_NOUNS:
        asker = _prep_object(noun, frozenset({"of"}))  # "at the request of the military government": who asked
        agent = asker if asker is not None and actor_for(asker, offset, index) is not None else None
    if agent is None:
        agent = done_by(noun, cand.type == "AGREE")  # "the offensive launched by X"
    if agent is None:
        agent = _responsible(noun)  # "the Houthis claimed responsibility for a drone attack"
    if agent is None:
        for child in noun.children:
            named = any(w.text[:1].isupper() or w.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for w in child.subtree)
            # "army operations", "police raids", "rebel attacks": a party noun compounded on the act does it
            party = child.dep_ == "compound" and child.tag_ in ("NN", "NNS") and child.lemma_.lower() in _DOER_COMPOUNDS
            modifier = child.dep_ in ("amod", "compound", "nmod") and (named or party)
            if modifier and _single_actor(child, offset, index) is not None:
                agent = child  # "Turkish strikes", not "a military operation"
    if agent is None and noun.dep_ == "dobj" and _active(noun.head):
        # "described killings by RSF fighters", the "by" hung on the verb: an active verb with a subject has no agent
        # of its own, so the phrase is the act's doer
        agent = next(
            (
                g
                for c in noun.head.children
                if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                for g in c.children
                if g.dep_ == "pobj" and g.tag_.startswith("NN")
            ),
            None,
        )
    if agent is None and noun.tag_ == "VBG":
        agent = misread_gerund(noun, load_lexicon())  # "Rebel shelling left", "killed in Syrian shelling"
    if agent is None and cand.governor is not None:
        agent = _subject(cand.governor)
    if (
        agent is None
        and noun.dep_ == "pobj"
        and (noun.head.lower_ in ("with", "through") or (cand.type == "AGREE" and noun.head.lower_ in ("in", "under")))
        and noun.head.head.pos_ == "VERB"
    ):  # "swapped prisoners in a deal", "withdrew under a deal": those who did so made the deal
        agent = _subject(noun.head.head)  # "it had responded with airstrikes": whoever responded
    if agent is None and noun.dep_ in ("dobj", "pobj"):
        agent = _taker(noun) or _in_state(noun)
    if agent is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PREPARING:
        agent = _subject(noun.head)  # "accused Azerbaijan of preparing a new offensive": Azerbaijan's offensive
    if agent is None and cand.type == "CONSULT":
        agent = _parties_of_the_outcome(noun) or _speaker(noun)
    for extra in own_extras(cand):  # "herders killed seven villagers in a raid": the killers carried out the raid
        if agent is None:
            # "OUAGADOUGOU (Wire) - Gunmen killed ...": past the dateline's city to the real subject, a second
            # subject of the verb or one the parser hung on the city
            subjects = [c for c in extra.children if c.dep_ == "nsubj" and c.i != noun.i]
            opening = dateline_end(noun.doc)
            agent = next((c for c in subjects if c.i > opening), None)
            if agent is None and subjects:
                agent = _past_dateline(subjects[0])
    preps = _RECIPIENT_PREPS | _BETWEEN if cand.type in _WITH_TYPES else _RECIPIENT_PREPS - {"with", "for"}
    if cand.type == "AID":
        preps = preps | {"for"}  # "aid for the refugees of X"
    if cand.type == "CONSULT":
        preps = preps - {"on", "upon"}  # "talks on a Gaza ceasefire": what is talked about, not with whom
    options: list[Token | None] = [_prep_object(noun, preps if cand.type == "AID" else preps - {"for"})]
    if noun.dep_ == "compound" and noun.head.tag_.startswith("NN"):  # "a mediation mission between X and Y"
        options.append(_prep_object(noun.head, preps - {"for"}))
    of_object = _prep_object(noun, frozenset({"of"}))
    if of_object is not None:  # "a suspension of air links with X", "the delivery of aid to X"
        options.append(_prep_object(of_object, preps - {"for"}))
    if cand.governor is not None:
        options.append(_prep_object(cand.governor, frozenset({"on", "against", "at", "upon"})))
    if noun.dep_ == "nsubj" and noun.head.tag_.startswith("VB"):
        options.append(next((c for c in noun.head.children if c.dep_ == "dobj"), None))
        if cand.type in _WITH_TYPES:  # "talks were proceeding (in a constructive fashion) with X": the other side
            options.append(_prep_object(noun.head, _BETWEEN))
            for prep in (c for c in noun.head.children if c.dep_ == "prep" and c.lower_ not in _BETWEEN):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                options.append(_prep_object(pobj, _BETWEEN) if pobj is not None else None)
    for extra in own_extras(cand):
        options.append(victim_of(extra))
    agent_tokens = {agent.i} if agent is not None else set()
    if cand.type == "CONSULT":  # "talks on a Gaza ceasefire": no party is named in what is talked about
        agent_tokens |= {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in _TOPICS for t in c.subtree}
    return agent, _first(options), [t for t in nearby_nouns(noun, agent, 2) if t.i not in agent_tokens]


def _active(verb: Token) -> bool:
    """A verb in the active voice with a subject of its own (no passive auxiliary)."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    )
