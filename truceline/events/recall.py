"""Events a coder wants that no single trigger word names: threats made in quotes, ultimatums, demands stated as
wants or duties, accusations made by naming an act a breach, and event nouns the tokenizer split at a hyphen.

Each proposal is read off the shape of the clause, not off particular words of a report:

* a threat: a verb of answering or striking told ahead ("we will respond much more heavily", "any attack will be
  answered with force", "must lay down its arms or be crushed"), or a first-person promise under a condition
  naming another's act ("if the regime continues these attacks, we will do what is necessary");
* an ultimatum: giving a party until a time to do something ("gave the forces until the end of February to pull
  back", "gave the rebels 48 hours to leave"), or telling it it has one ("the rebels have 48 hours to leave");
* a demand: wanting or expecting something of a party ("wants Moscow to make the army withdraw", "what we expect
  from Russia"), or a duty laid on others in a quote ("these attacks should come to an end");
* an accusation: naming what someone did a breach or a crime ("in what it called a breach of the agreement");
* a hyphenated event noun ("staged sit-ins").

Whose such a statement is, once the sentence's events are made, is speakers.py's to say.
"""

from __future__ import annotations

from truceline.events.lexicon import Lexicon
from truceline.events.triggers import VOID, Candidate, Token, verb_sense

NO_EVENT = "NONE"  # a candidate whose words show it reports nothing (resense)
_AHEAD = frozenset({"will", "would", "'ll", "shall", "wo"})
_DUTY = frozenset({"must", "should"})
_CONDITIONS = frozenset({"if", "unless"})
FIRST_PERSON = frozenset({"we", "i"})
_PARTY_PRONOUNS = frozenset({"them", "him", "her", "us", "they"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
_READY = frozenset({"ready", "prepared", "poised", "determined"})
PRICE_VERBS = frozenset({"face", "pay"})  # "or face an assault", "will pay a heavy price": said of the threatened
# What a party is told it will face for defying a demand ("leave the town or face the consequences").
_PRICES = frozenset({"force", "consequence", "consequences", "retaliation", "retribution", "punishment", "reprisal"})


def lemma_of(token: Token) -> str:
    return str(token.lemma_).lower()


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def ahead(verb: Token, resolve: frozenset[str] = frozenset()) -> bool:
    """Told as what will happen: 'will respond', 'would answer', the second half of 'must ... or be crushed', or
    the act under a negated verb of holding back ('will not hesitate to strike'; `resolve` names those verbs)."""
    if _auxes(verb) & _AHEAD or _ready(verb):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and lemma_of(head) in resolve and any(c.dep_ == "neg" for c in head.children):
        return bool(_auxes(head) & _AHEAD)
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children):
        return bool(_auxes(verb.head) & (_AHEAD | _DUTY))
    if verb.dep_ == "conj" and not _auxes(verb) and not any(c.dep_ == "nsubj" for c in verb.children):
        return bool(_auxes(verb.head) & _AHEAD)  # "we will enforce the agreement and respond forcefully": one "will"
    return False


def _ready(verb: Token) -> bool:
    """Held ready: 'is ready to strike', 'stands prepared to respond', 'reserves the right to retaliate'."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in _READY:
        return not any(c.dep_ == "neg" for t in (head, head.head) for c in t.children)  # not "is not ready to"
    return verb.dep_ == "acl" and lemma_of(head) == "right" and lemma_of(head.head) == "reserve"


def _force_named(verb: Token, lex: Lexicon) -> bool:
    """'use force', 'face an assault', 'face the consequences': the act told is force, or the price of defiance."""
    lemma = lemma_of(verb)
    if lemma == "pay":  # "will pay a heavy price": the threatened party's punishment, told ahead
        warned = lemma_of(verb.head) in lex.threat_cues  # "warned X it would pay": the warning is the threat
        priced = any(c.dep_ == "dobj" and lemma_of(c) == "price" for c in verb.children)
        # "had made a big mistake and would pay for it": paying for what one did, not for goods
        for_it = any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in _DEEDS for g in c.children)
            for c in verb.children
        )
        return not warned and (priced or for_it)
    if lemma not in ("use", "face", "employ"):
        return False
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        word = lemma_of(child)
        entry = lex.nouns.get(word)
        if word in _PRICES or (lemma == "face" and entry is not None and entry[0] in FORCE_TYPES):
            # a party that 'will face consequences' under a warning is that warning's content, no threat of its own;
            # one that others will "make sure" faces them is threatened by them
            return _defied(verb) or made_sure(verb) if lemma == "face" else word == "force"
    return False


_DEEDS = frozenset({"it", "this", "that", "them", "crimes", "crime", "aggression", "attack", "attacks", "mistake"})


def made_sure(verb: Token) -> bool:
    """'would work with Israel to make sure Iran faced severe consequences', 'will ensure they face justice'."""
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp") and lemma_of(head) == "ensure":
        return True
    return verb.dep_ in ("ccomp", "xcomp") and head.lower_ == "sure" and lemma_of(head.head) == "make"


def _defied(verb: Token) -> bool:
    """The second half of 'must leave the town or face an assault': the price of not doing what is demanded."""
    head = verb.head
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children)


def condition_of(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in c.children)), None
    )


def _hostile(clause: Token, lex: Lexicon) -> bool:
    """The clause names an act of force or a breach ('if the regime continues these attacks')."""
    for token in clause.subtree:
        lemma = lemma_of(token)
        entry = lex.verbs.get(lemma) if token.tag_.startswith("VB") else lex.nouns.get(lemma)
        if entry is not None and entry[0] in FORCE_TYPES:
            return True
    return False


def party_like(token: Token, lex: Lexicon) -> bool:
    return (
        token.lower_ in _PARTY_PRONOUNS
        or token.pos_ == "PROPN"
        or token.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
        or lemma_of(token) in lex.party_words
    )


def unmet(verb: Token) -> Token | None:
    """The party whose failing to act the clause's act is conditioned on: 'unless the government holds elections',
    'if the militias do not withdraw', 'if Hamas fails to free the hostages' -> its subject."""
    condition = condition_of(verb)
    if condition is None:
        return None
    unless = any(c.lower_ == "unless" for c in condition.children if c.dep_ == "mark")
    negated = any(c.dep_ == "neg" for c in condition.children) or lemma_of(condition) in ("fail", "refuse")
    if not (unless or negated):
        return None
    return next((c for c in condition.children if c.dep_ == "nsubj"), None)


def _threat(verb: Token, lex: Lexicon) -> bool:
    negated = any(c.dep_ == "neg" for c in verb.children)  # "we will not respond to provocations": restraint
    if (lemma_of(verb) in lex.response_verbs or _force_named(verb, lex)) and (
        ahead(verb, lex.resolve_verbs) or made_sure(verb)
    ):
        return not negated  # "we will respond", "will be answered with force", "or be crushed", "ready to use force"
    if lemma_of(verb) in PRICE_VERBS:
        return False  # "warned X that it would face consequences if ...": X is threatened, by the warning
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    ours = subject is not None and subject.lower_ in FIRST_PERSON and bool(_auxes(verb) & _AHEAD)
    if ours and not negated and unmet(verb) is not None:
        return True  # "if they do not leave by Monday, we will drive them out"
    condition = condition_of(verb)
    if subject is None or not (_auxes(verb) & _AHEAD) or condition is None or not _hostile(condition, lex):
        return False
    if subject.lower_ in FIRST_PERSON:
        return True  # "if the regime continues these attacks, we will do what is necessary"
    # "Erdogan said Turkey would act on its own if the attacks did not stop": a side's reported resolve
    reported = verb.dep_ == "ccomp" and lemma_of(verb.head) in lex.speech_verbs
    return reported and (party_like(subject, lex) or subject.lower_ in ("it", "they"))


def ultimatum(verb: Token) -> bool:
    """'gave X until the end of the month to pull back', 'gave the junta two days to pull its troops back': a time
    limit for a party to act."""
    if lemma_of(verb) != "give" or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    if any(
        c.dep_ == "advcl" and c.tag_ == "VB" and any(m.lower_ == "until" for m in c.children) for c in verb.children
    ):
        return True  # "gave the rebels until Friday to surrender", the parser hanging "until" on the act demanded
    until = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"), None)
    if until is None:
        given = any(c.dep_ == "dative" for c in verb.children)
        # "gave the junta two days": the time given is parsed as the object or as an adverbial noun phrase
        span = next(
            (c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("DATE", "TIME")), None
        )
        if not given or span is None:
            return False
        until = span
    return any(
        t.dep_ in ("acl", "relcl", "xcomp", "advcl") and t.tag_ == "VB" for t in (*until.subtree, *verb.children)
    )


def time_given(verb: Token) -> bool:
    """'the rebels have 48 hours to leave the city', 'the militias have until Friday to withdraw': a party told it has
    a time limit to act (an ultimatum whose subject is the one threatened, speakers.py). Not 'told them they had
    until midnight to', which is the telling's (_until_told)."""
    if lemma_of(verb) != "have" or lemma_of(verb.head) in _TELLING | {"warn", "inform"}:
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    limit = next(
        (
            c
            for c in verb.children
            if (c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("DATE", "TIME"))
            or (c.dep_ == "prep" and c.lower_ == "until")
        ),
        None,
    )
    if limit is None:
        return False
    return any(
        t.dep_ in ("acl", "relcl", "xcomp", "advcl") and t.tag_ == "VB" for t in (*limit.subtree, *verb.children)
    )


def _demand(verb: Token, lex: Lexicon) -> bool:
    """'wants Moscow to make the army withdraw', 'expect them to take measures', 'waiting for Russia to begin',
    'what we expect from Russia'."""
    if lemma_of(verb) not in lex.demand_verbs:
        return False
    infinitive = any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl") and child.tag_ == "VB" and any(c.lower_ == "to" for c in child.children):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and party_like(subject, lex):
                return True  # "wants Borduria to close the border", "waiting for Russia to begin efforts"
        if child.dep_ == "dobj" and infinitive and party_like(child, lex):
            return True
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "for"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and party_like(pobj, lex) and (child.lower_ != "for" or infinitive):
                return True
    return False


def yet_to(verb: Token) -> bool:
    """'has yet to publish', 'are yet to release': a verb with "yet" before the infinitive it governs (what has not
    happened so far; the callers check the verb is "have" or "be" where it matters)."""
    return any(c.lower_ == "yet" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)


def duty_clause(verb: Token) -> bool:
    """'should stop', 'must withdraw', 'had to be stopped', 'need to leave': a clause that lays a duty."""
    if _auxes(verb) & _DUTY:
        return True
    if yet_to(verb):
        return False  # "the mechanism has yet to publish any findings": not done so far, no duty laid
    return lemma_of(verb) in ("have", "need") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _quoted_duty(verb: Token) -> bool:
    """A duty laid on others in the speaker's own words, the quote first: '"These attacks should come to an end,"
    the spokesman said' (a 'must' or 'should' reported after 'said' is the speech verb's REQUEST already; a
    reported 'had to be stopped' is not)."""
    if not duty_clause(verb) or lemma_of(verb) == "be" or condition_of(verb) is not None:
        return False
    if not (_auxes(verb) & _DUTY) and verb.dep_ == "ccomp":
        return verb.head.tag_.startswith("VB")  # "Peskov said attacks from Idlib had to be stopped"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return False  # "we must": a resolve, not a demand
    return verb.dep_ in ("ROOT", "parataxis", "conj") or (verb.dep_ == "ccomp" and verb.i < verb.head.i)


_TELLING = frozenset({"tell", "order", "instruct", "direct", "advise"})


def _telling(verb: Token, lex: Lexicon) -> bool:
    """'told Russia not to stand in Turkey's way', 'ordered the troops to withdraw': a demand made of a party."""
    if lemma_of(verb) not in _TELLING:
        return False
    party = any(c.dep_ in ("dobj", "dative") and party_like(c, lex) for c in verb.children)
    told_to = any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return party and told_to


def _until_told(verb: Token) -> bool:
    """'told the rebels they had until midnight to lay down their arms': the telling sets a time limit."""
    if lemma_of(verb) not in _TELLING | {"warn", "inform"}:
        return False
    if not any(c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children):
        return False
    return any(t.lower_ == "until" and t.dep_ == "prep" and lemma_of(t.head) == "have" for t in verb.subtree)


def _accusing(verb: Token, lex: Lexicon) -> bool:
    """'in what it called a breach of the agreement', 'described the raid as a war crime'."""
    if lemma_of(verb) not in lex.judging_verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("oprd", "attr") and lemma_of(child) in lex.charge_nouns:
            return True
        named = child.dep_ == "prep" and child.lower_ == "as"
        if named and any(g.dep_ == "pobj" and lemma_of(g) in lex.charge_nouns for g in child.children):
            return True
    return False


def _hyphenated(token: Token, lex: Lexicon) -> tuple[str, str] | None:
    """'sit-ins', 'build-up' split by the tokenizer into three tokens: the whole word's noun entry."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    for form in (lemma_of(token), token.lower_.rstrip("s")):
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
            elif ultimatum(token) or _until_told(token) or time_given(token):
                found.append(Candidate(token, "THREATEN", "ultimatum", False))
            elif _demand(token, lex) or _quoted_duty(token) or _telling(token, lex):
                found.append(Candidate(token, "REQUEST", "general", False))
            elif _accusing(token, lex):
                found.append(Candidate(token, "ACCUSE", "allege", False))
        elif token.tag_.startswith("NN"):
            entry = _hyphenated(token, lex)
            if entry is not None:
                head = token.head
                light = head.i != token.i and lemma_of(head) in lex.light_verbs and head.tag_.startswith("VB")
                found.append(Candidate(token, entry[0], entry[1], True, governor=head if light else None))
    return found


def _phrasal_entry(cand: Candidate, lex: Lexicon) -> bool:
    """A phrase of a verb, its preposition and that one's object ("take to street"), or of a verb and its particle
    that names another type than the verb's own entry ("push for": a request, where "push" alone is an advance): a
    sense of its own. (Other entries of a verb and its particle or object, "set up", "set fire", "fire on", are still
    weighed by the verb's senses.)"""
    lemma = lemma_of(cand.token)
    own = lex.verbs.get(lemma)
    for word in cand.extra:
        keys = {(lemma, f"{word.lower_} {g.lemma_.lower()}") for g in word.children if g.dep_ == "pobj"}
        if keys & lex.phrasal.keys():
            return True
        entry = lex.phrasal.get((lemma, word.lower_))
        if own is not None and entry is not None and entry[0] != own[0]:
            return True
    return False


_NOT_WEAPONS = frozenset({"car", "machine", "suicide", "chemical", "roadside", "air", "unmanned", "gunman"})


def _struck_by_a_weapon(verb: Token, lex: Lexicon) -> bool:
    """The verb's subject is a weapon ("a missile", "drones", "shells"): what it destroyed, it struck."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    word = lemma_of(subject) if subject is not None else ""
    return word in lex.weapon_modes and word not in _NOT_WEAPONS


def resense(cand: Candidate, lex: Lexicon) -> None:
    """Choose a verb's sense by its object ('sent envoys' a visit, 'sent tents' aid), or by its subject when it has
    none ('troops moved to the border'), in place; a ceasefire called *for* is asked for, not declared."""
    noun = cand.ceasefire_noun
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "for" and lemma_of(cand.token) != "agree":
        cand.type, cand.mode = "REQUEST", "appeal"
        return
    if cand.nominal or _phrasal_entry(cand, lex):
        return  # "took to the streets": the phrase's own entry chose the sense, not the verb's ("take")
    chosen = verb_sense(cand.token, lemma_of(cand.token), lex)
    if chosen is VOID:
        cand.type = NO_EVENT  # "reduce tension": the verb reports nothing here
    elif chosen is not None:
        cand.type, cand.mode = chosen
    if (cand.type, cand.mode) == ("COERCE", "destroy") and _struck_by_a_weapon(cand.token, lex):
        cand.type, cand.mode = "ASSAULT", "general"  # "a missile destroyed part of a building": a strike
    if (cand.type, cand.mode) == ("CONCEDE", "ceasefire_declared") and _quoted_duty(cand.token):
        cand.type = NO_EVENT  # "the army must stop shelling": a halt demanded of others, read as a demand below
