"""Candidate triggers in one parsed sentence: verbs, nouns, phrasal verbs and ceasefire phrases.

Why a separate pass: a light verb ("launched an offensive") or a ceasefire verb ("violating the ceasefire")
decides what its noun means, so candidates are chosen per sentence before arguments are read off the parse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from truceline.events.lexicon import IRREGULAR_LEMMAS, Lexicon, TypeMode

Token = Any  # spacy.tokens.Token; typed loosely so the package imports without spaCy's stubs


def tokens_within(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of a parsed sentence that begin at a character in [start, end) (offsets within the sentence), by
    bisection over the token starts, kept per doc (a scan of every token per place or time was most of the coder's
    own time)."""
    starts: list[int] | None = doc.user_data.get("truceline_starts")
    if starts is None:
        starts = doc.user_data["truceline_starts"] = [t.idx for t in doc]
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return [doc[i] for i in range(lo, hi)]


def doc_text(doc: Any) -> str:
    """A parsed sentence's text, joined once per doc (spaCy's `doc.text` joins every token again at each call, and
    the coder asks for it for every mention and place it weighs)."""
    text: str | None = doc.user_data.get("truceline_text")
    if text is None:
        text = doc.user_data["truceline_text"] = doc.text
    return text


_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "neutralize", "neutralise"})
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")


@dataclass(slots=True)
class Candidate:
    token: Token  # the trigger word
    type: str
    mode: str
    nominal: bool
    governor: Token | None = None  # light or ceasefire verb whose subject is the actor of a nominal trigger
    extra: list[Token] = field(default_factory=list)  # further words of the trigger phrase (particle, object)
    ceasefire_noun: Token | None = None
    lexical: bool = True  # proposed by the lexicon; False for an open candidate whose type a classifier decides


def _is_verb(token: Token) -> bool:
    return bool(token.tag_.startswith("VB")) and token.dep_ not in ("aux", "auxpass")


def _is_noun(token: Token) -> bool:
    return token.tag_ in _NOUN_TAGS


def _lemma(token: Token) -> str:
    # "according to" is a preposition, never the noun "accord" its lemma reads as ("struck farm buildings ...,
    # killing 15, according to rescuers" was a deal struck)
    return "according" if token.lower_ == "according" else str(token.lemma_).lower()


def trigger_lemma(token: Token, table: Container[str]) -> str:
    """The lemma to look up, repairing the lemmatiser's misses ("raped" → "rap") by undoing a regular ending."""
    lemma = _lemma(token)
    if lemma in table:
        return lemma
    word = token.lower_
    if IRREGULAR_LEMMAS.get(word) in table:
        return IRREGULAR_LEMMAS[word]
    for cut, add in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(cut) and word[: -len(cut)] + add in table:
            return word[: -len(cut)] + add
    if len(word) > 4 and word[-3:-2] == word[-4:-3] and word[:-3] in table:  # "shelled" doubled consonant
        return word[:-3]
    return lemma


def _ceasefire_object(verb: Token, lex: Lexicon) -> Token | None:
    """The ceasefire noun a verb governs directly or through one preposition ("abide by the truce")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and _is_ceasefire(child, lex):
            if child.dep_ == "nsubj" and _lemma(verb) not in ("hold", "begin", "break"):
                continue
            return child
        if child.dep_ in ("prep", "agent"):
            for grand in child.children:
                if grand.dep_ == "pobj" and _is_ceasefire(grand, lex):
                    return grand
        if child.dep_ == "dobj":  # "violating a ceasefire agreement": the noun is a compound of the object
            for grand in child.children:
                if grand.dep_ in ("compound", "amod") and _is_ceasefire(grand, lex):
                    return child
    return None


_PAUSE_KINDS = frozenset({"humanitarian", "tactical", "military"})
_FIGHTING = frozenset({"fighting", "hostility", "hostilities", "combat", "attack", "strike", "operation", "bombing"})


def _a_pause_in_fighting(token: Token, lex: Lexicon) -> bool:
    """'a humanitarian pause', 'a pause in fighting', 'a two-week pause', 'agreed to a pause': a truce by another
    name ('a pause in talks' is none)."""
    if _lemma(token) != "pause":
        return False
    held = [  # what is paused ("in fighting", "in talks"), not where ("in Gaza")
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("in", "of")
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in ("GPE", "LOC", "FAC")
    ]
    if held:
        return any(_lemma(g) in _FIGHTING or g.lower_ in _FIGHTING for g in held)
    above = token.head.head if token.dep_ == "pobj" else token.head
    if _lemma(above) in lex.ceasefire_verbs and above.tag_.startswith("VB"):
        return True  # "agreed to a pause", "declared a pause": what a truce verb takes is a truce
    return any(
        c.dep_ in ("amod", "compound") and (c.lower_ in _PAUSE_KINDS or c.ent_type_ in ("DATE", "TIME"))
        for c in token.children
    )


def _is_ceasefire(token: Token, lex: Lexicon) -> bool:
    if _lemma(token) in lex.ceasefire_nouns or token.lower_ in lex.ceasefire_nouns or _a_pause_in_fighting(token, lex):
        return True
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in lex.ceasefire_nouns for c in token.children)


def find_candidates(doc: Any, lex: Lexicon) -> list[Candidate]:
    """Trigger candidates of one sentence, at most one per word, casualty verbs folded into their attack."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for token in doc:
        if not _is_verb(token) or misread_gerund(token, lex) is not None or gerund_subject(token, lex):
            continue
        lemma = _lemma(token)
        noun = _ceasefire_object(token, lex) if lemma in lex.ceasefire_verbs else None
        if noun is not None:
            type_, mode = lex.ceasefire_verbs[lemma]
            found.append(Candidate(token, type_, mode, False, ceasefire_noun=noun))
            taken |= {token.i, noun.i}
            continue
        if any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in lex.going_on for c in token.children):
            continue  # "pressed on with talks": going on with them, which the noun tells
        phrasal = _phrasal(token, lex)
        if phrasal is not None:
            (type_, mode), extra = phrasal
            found.append(Candidate(token, type_, mode, False, extra=[extra]))
            taken |= {token.i, extra.i}
            continue
        if lemma in lex.light_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and _is_noun(c) and _lemma(c) in lex.nouns for c in token.children
        ):
            continue  # the object noun is the event; this verb only lends it a subject
        lemma = trigger_lemma(token, lex.verbs)
        if lemma in lex.verbs and verb_sense(token, lemma, lex) is VOID:
            continue  # "exchanged fire": the verb reports nothing here, and its object may be the event
        if lemma in lex.verbs:
            type_, mode = lex.verbs[lemma]
            sense = lex.noun_senses.get(lemma)
            if sense is not None and sense[0] & {_lemma(t) for t in token.subtree}:
                type_, mode = sense[1]
            found.append(Candidate(token, type_, mode, False))
            taken.add(token.i)
        elif lemma in lex.speech_verbs:
            obliged = _obligation(token)
            if obliged is not None:  # "X said Y must withdraw": X demands it of Y
                found.append(Candidate(token, "REQUEST", "general", False, extra=[obliged]))
                taken.add(token.i)
    for token in doc:
        misread = misread_gerund(token, lex) is not None or gerund_subject(token, lex)
        if token.i in taken or not (_is_noun(token) or misread):
            continue
        lemma = _lemma(token)
        entry = lex.nouns.get(token.lower_) if misread else lex.nouns.get(lemma) or lex.nouns.get(token.lower_)
        if entry is None:
            continue
        if token.dep_ == "compound" and (_lemma(token.head) in lex.nouns or _lemma(token.head) in lex.ceasefire_nouns):
            continue  # "attack helicopter" is not an attack; "mediation mission" is a mediation
        type_, mode = entry
        sense = lex.noun_senses.get(lemma)
        if sense is not None and sense[0] & _sense_words(token):
            type_, mode = sense[1]
        if any(_lemma(c) in lex.ceasefire_nouns for c in token.children if c.dep_ in ("compound", "amod")):
            if type_ == "AGREE":
                mode = "ceasefire_agreed"
            elif type_ == "ASSAULT":
                mode = "ceasefire_violated"
        head = token.head if token.dep_ != "compound" else token.head.head
        if _measured(token):  # "held four hours of talks": the verb governs the measure
            head = head.head.head
        governor = head if head.i != token.i and _lemma(head) in lex.light_verbs and _is_verb(head) else None
        if misread and token.dep_ in ("aux", "advmod"):
            governor = token.head  # "Rebel shelling left": the clause (its time, figures) is the verb's
        found.append(Candidate(token, type_, mode, True, governor=governor))
    found = [c for c in found if not _background(c, found, lex)]
    for cand in found:
        # A gerund subject's clause is its verb's when that verb only says it happened ("Shelling resumed hours
        # after the truce took effect") or what it left ("Fighting in the province left 20 dead"): its time, figures
        head = cand.token.head
        gerund = cand.token.tag_ == "VBG" and cand.token.dep_ in ("csubj", "nsubj") and head.i != cand.token.i
        telling = _lemma(head) in lex.happening_verbs or (cand.type == "ASSAULT" and leaves_casualties(head))
        if gerund and telling and head not in cand.extra:
            cand.extra.append(head)
    found = _fold_casualty_verbs(found)
    taken = {c.token.i for c in found} | {t.i for c in found for t in c.extra}
    for cand in found:
        suffered = suffered_in(cand) if cand.type == "ASSAULT" else None
        if suffered is not None and suffered.i not in taken:
            cand.extra.append(suffered)  # its victims, time and place are the act's
            taken.add(suffered.i)
    return found


VOID: TypeMode = ("NONE", "")  # verb_sense: the verb's object shows it reports nothing
# verbs whose subject, with no object, ended by itself ("the truce ended"): no one cast it off
_ENDED_ITSELF = frozenset({"end", "terminate", "expire", "lapse"})


def verb_sense(verb: Token, lemma: str, lex: Lexicon) -> TypeMode | None:
    """The sense a verb's object (or, with none, its subject) chooses from its verb_senses: "sent envoys" a visit,
    "sent tents" aid; VOID when the words show it reports nothing here ("exchanged fire", "reduce tension"); None
    when the verb has no senses or none applies (its own entry stands)."""
    senses = lex.verb_senses.get(lemma)
    if not senses:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "sent thousands of residents fleeing": the object and what it was sent doing, parsed as one clause
    objects += [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "oprd", "advcl")
        and c.tag_ == "VBG"
        and c.i > verb.i
        and not any(t.is_punct for t in verb.doc[verb.i : c.i])  # not "sent troops, prompting residents to flee"
    ]
    if not objects and lemma not in _ENDED_ITSELF:  # "soldiers were moving to Libya": with nothing moved, the mover
        objects = _mover(verb)  # is what moves (but "the truce ended" ended itself: no one cast it off)
    words = {_lemma(t) for c in objects for t in c.subtree}
    for t in verb.doc[verb.i + 1 : verb.i + 7]:  # "sent thousands of residents fleeing", the gerund hung elsewhere
        if t.is_punct:
            break
        if t.tag_ == "VBG":
            words.add(_lemma(t))
    for cues, sense in senses:
        if cues & words:
            return sense or VOID  # a sense its cues choose; null: the words show it reports nothing
    if any(not cues for cues, _sense in senses):
        return next(sense for cues, sense in senses if not cues) or VOID  # the default sense
    return None


def _mover(verb: Token) -> list[Token]:
    """The subject of a verb that moves nothing, or of the verb it completes ("soldiers had begun moving to Libya",
    "troops started to move"): the parser hangs the subject on the first verb of the chain."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def weapon_noun(token: Token, lex: Lexicon) -> bool:
    """A weapon's common noun ("missiles", "shells", "a drone"): what a party fires, never a party itself."""
    return token.tag_ in ("NN", "NNS") and token.lemma_.lower() in lex.weapon_modes


def misread_gerund(token: Token, lex: Lexicon) -> Token | None:
    """The word before an event noun in -ing form that the parser misread as a verb form, when it did; that word
    modifies the noun and names who acted. Two misreadings of the small model:
    - "Rebel shelling left two soldiers dead", "Government shelling killed four": the first noun is taken for the
      subject and the event noun for an auxiliary or adverb of the verb;
    - "killed in Syrian shelling near the town": the nationality is taken for the preposition's object and the event
      noun for a participle describing a noun before it (or for a second object of the preposition).
    Only a form the lexicon knows as an event noun, with no subject or object of its own."""
    if token.tag_ != "VBG" or token.i == 0 or token.lower_ not in lex.nouns:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") for c in token.children):
        return None
    before, head = token.doc[token.i - 1], token.head
    if token.dep_ in ("aux", "advmod"):
        verb_after = head.i == token.i + 1 and head.tag_.startswith("VB")
        return before if before.dep_ == "nsubj" and before.head.i == head.i and verb_after else None
    if token.dep_ in ("acl", "advcl", "pobj") and before.ent_type_ == "NORP" and before.dep_ == "pobj":
        return before if before.head.i < before.i and head.i < before.i else None
    return None


def gerund_subject(token: Token, lex: Lexicon) -> bool:
    """An event noun in -ing form that is the subject of another verb ("Shelling by separatist forces damaged a
    school"): the parser takes it for a clause of its own, but it has no subject or object and names the act, as
    "an attack by ..." would; read as the noun, its "by" names who acted."""
    if token.tag_ != "VBG" or token.dep_ not in ("csubj", "nsubj", "nsubjpass") or token.lower_ not in lex.nouns:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "aux") for c in token.children)


def _sense_words(noun: Token) -> set[str]:
    """The lemmas that may choose a noun's second sense: its own phrase ("a general strike", "a strike by teachers")
    and the subject of the verb it hangs on ("workers went on strike"), not every word of the sentence ("killed when
    a strike hit a market, rescue workers said" is no labour strike)."""
    words = {_lemma(t) for t in noun.subtree}
    head = noun.head
    while head.dep_ in ("prep", "pobj") and head.head.i != head.i:
        head = head.head
    if head.i != noun.i and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != noun.i:
                words |= {_lemma(t) for t in child.subtree}
    return words


# Verbs never proposed as open candidates: auxiliaries and copulas, and verbs the coder reads as something other
# than an event of their own (speech, plans, hedges and negation cues, light verbs that lend a noun its subject).
_NOT_OPEN = frozenset({"be", "have", "do", "get", "become", "seem", "appear", "make", "go", "come", "say"})


def open_candidates(doc: Any, lex: Lexicon, found: list[Candidate], nouns: Container[str]) -> list[Candidate]:
    """Words the lexicon does not propose that may still report an event, for a classifier to type or reject.

    Every content verb is proposed (so a verb no list names can be caught), and nouns whose lemma is in `nouns`
    (the event nouns a trained model has seen). Their type is left empty ("") until the classifier decides it;
    words the lexicon already covers, auxiliaries, speech and stance cues, and background mentions are left out.
    """
    taken = {c.token.i for c in found} | {t.i for c in found for t in c.extra}
    taken |= {c.governor.i for c in found if c.governor is not None}
    taken |= {c.ceasefire_noun.i for c in found if c.ceasefire_noun is not None}
    skip = lex.speech_verbs | lex.plan_cues | lex.threat_cues | lex.negation_cues | lex.light_verbs
    skip |= lex.denial_verbs | lex.wish_cues
    out: list[Candidate] = []
    for token in doc:
        if token.i in taken or not token.is_alpha or token.ent_type_ in _NOT_TRIGGERS:
            continue
        lemma = _lemma(token)
        if _is_verb(token) and token.dep_ != "amod":
            if lemma in _NOT_OPEN or lemma in skip or lemma in lex.verbs:
                continue
            cand = Candidate(token, "", "general", False, lexical=False)
        elif (
            _is_noun(token)
            and not token.tag_.startswith("NNP")
            and lemma in nouns
            and lemma not in lex.nouns
            and lemma not in lex.party_words  # "a suicide bomber", "the attackers": who acted, not an act
        ):
            if token.dep_ == "compound" and _lemma(token.head) in lex.nouns:
                continue
            head = token.head if token.dep_ != "compound" else token.head.head
            governor = head if head.i != token.i and _lemma(head) in lex.light_verbs and _is_verb(head) else None
            cand = Candidate(token, "", "general", True, governor=governor, lexical=False)
        else:
            continue
        if not _background(cand, found, lex):
            out.append(cand)
    return out


_REFERRING_PREPS = frozenset(
    {"about", "after", "since", "during", "despite", "before", "following", "amid", "over", "of"}
)
_NOT_TRIGGERS = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "LAW", "EVENT", "WORK_OF_ART"})


def _background(cand: Candidate, found: list[Candidate], lex: Lexicon) -> bool:
    """Mentions that refer to an event reported elsewhere or to a hypothetical one, not a new event.

    "talks about the fighting", "since the start of the offensive", "urged them to stop the attacks",
    "would answer any further attack", "if the attacks continue", "Russian-backed forces", "on March 15".
    """
    token = cand.token
    if token.ent_type_ in _NOT_TRIGGERS or (token.tag_.startswith("NNP") and token.i > 0):
        return True
    if token.dep_ == "amod" or (cand.type == "SUPPORT" and token.dep_ == "acl"):
        return True
    clause = next((t for t in (token, *token.ancestors) if t.tag_.startswith("VB")), token)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
        return True
    if not cand.nominal:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        holder = token.head if token.dep_ in ("acl", "relcl") else subject
        # "three prisoners for every hostage freed", "any soldier who fires": a rule over whoever, no happening
        return holder is not None and any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in holder.children)
    if any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in _REFERRING_PREPS and not _measured(token):
        return True
    if answered_act(token):
        return True  # "fired rockets in response to the killing of a commander": the act answered, told before
    if token.dep_ == "compound" and trigger_lemma(token.head, lex.party_words) in lex.party_words:
        return True  # "aid agencies", "aid groups", "peace activists": who they are, not what they did
    if token.dep_ == "appos" and any(c is not cand and c.type == cand.type for c in found):
        return True  # "..., a deal that ...": the apposition renames the event already coded
    if _on_duty(token) and cand.type != "PROTEST":
        return True  # "four soldiers on patrol": what they were doing when something befell them, not an act told
    if _superlative(token) and any(c is not cand and c.type in _HARM and not c.nominal for c in found):
        return (
            True  # "shelling killed four soldiers, ..., the most serious clash since 2011": a verdict on the act told
        )
    if _averted(token, lex):
        return True
    has_agent = any(c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ == "by") for c in token.children)
    verbs = {c.token.i for c in found if not c.nominal}
    if token.dep_ == "compound" and token.head.dep_ in ("dobj", "nsubjpass") and token.head.head.i in verbs:
        return True  # "blocked aid trucks", "shelled an aid convoy": what the act was done to, named by its cargo
    return token.dep_ in ("dobj", "nsubjpass") and token.head.i in verbs and not has_agent


_HARM = frozenset({"ASSAULT", "FIGHT", "COERCE"})


_ANSWERS = frozenset(
    {"response", "retaliation", "revenge", "reprisal", "reaction", "answer", "retaliate", "respond", "avenge"}
)


def answered_act(noun: Token) -> bool:
    """ "in response to the killing", "in retaliation for the strike", "retaliating for an Israeli strike": an
    earlier act named as what is answered."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in _ANSWERS


_EARLIER_PREPS = frozenset({"after", "since", "following", "before", "despite", "amid", "over"})


def names_another_act(noun: Token) -> bool:
    """`noun` names an act only as what is answered or as a time of this one ("in retaliation for the strike",
    "after an attack", "since the offensive"): told before, no row of this sentence, and its toll its own."""
    return noun.dep_ == "pobj" and (answered_act(noun) or noun.head.lower_ in _EARLIER_PREPS)


def _of_an_act_referred_to(verb: Token) -> bool:
    """A relative clause on an act named only as what is answered or as a time ("after an attack that killed
    nine"): its casualties are that act's, which is no row of this sentence."""
    return verb.dep_ == "relcl" and names_another_act(verb.head)


def _on_duty(noun: Token) -> bool:
    """ "soldiers on patrol", "police on duty": a bare noun after "on" describing the people before it (wherever
    the parser hangs "on")."""
    on = noun.head
    return (
        noun.dep_ == "pobj"
        and on.lower_ == "on"
        and on.i > 0
        and noun.doc[on.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS")
        and noun.i == on.i + 1
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    )


def _superlative(noun: Token) -> bool:
    """ "the deadliest attack", "the most serious clash", "the worst fighting": a ranking among acts of its kind."""
    for child in noun.children:
        if child.dep_ == "amod" and (child.tag_ == "JJS" or any(g.lower_ in ("most", "least") for g in child.children)):
            return True
    return False


_NP_WORDS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "CD", "PRP$", "POS", "HYPH", "VBN"})


def _averted(noun: Token, lex: Lexicon) -> bool:
    """An event named as the object of a verb that stops, averts or fears it: never one that happened.

    Read from the parse ("halt the attacks", "an offensive that aid agencies feared") and, because the small model
    often misparses such objects, from the words just before the noun phrase ("appeared to put off a government
    offensive", "aimed at preventing attacks").
    """
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(noun.head) in lex.ending_verbs:
        return True
    if any(c.dep_ == "relcl" and _lemma(c) in lex.ending_verbs for c in noun.children):
        return True
    i = noun.i - 1
    while i >= 0 and noun.doc[i].tag_ in _NP_WORDS and noun.i - i < 6:
        i -= 1
    if i < 0:
        return False
    before = noun.doc[i]
    if before.tag_ == "RP" and i > 0:
        verb = before.head if before.head.i != before.i else noun.doc[i - 1]
        return (_lemma(verb), before.lower_) in lex.ending_phrasal or (
            _lemma(noun.doc[i - 1]),
            before.lower_,
        ) in lex.ending_phrasal
    return before.tag_.startswith("VB") and _lemma(before) in lex.ending_verbs


_MEASURES = frozenset({"hour", "day", "week", "month", "round", "series", "session", "year", "night", "minute"})


def _measured(noun: Token) -> bool:
    """'four hours of talks', 'a new round of talks': the event itself, measured, not a reference to another."""
    prep = noun.head
    return prep.lower_ == "of" and _lemma(prep.head) in _MEASURES


def _obligation(verb: Token) -> Token | None:
    """The clause reported by a speech verb when it states an obligation ("must", "should")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in child.children):
            return child
    return None


def _phrasal(verb: Token, lex: Lexicon) -> tuple[tuple[str, str], Token] | None:
    lemma = _lemma(verb)
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod", "nsubjpass"):
            # "two missiles were launched": the passive's subject is the object of "launch missile"
            key = (lemma, child.lower_ if child.dep_ not in ("dobj", "nsubjpass") else _lemma(child))
            if key in lex.phrasal:
                return lex.phrasal[key], child
        if child.dep_ == "prep":  # "took to the streets": a verb, its preposition and that one's object
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                key = (lemma, f"{child.lower_} {_lemma(pobj)}")
                if key in lex.phrasal:
                    return lex.phrasal[key], child
    if verb.i + 1 < len(verb.doc):  # "calls for troops to withdraw": "for" opens the clause asked for
        mark = verb.doc[verb.i + 1]
        if mark.dep_ == "mark" and mark.head.head.i == verb.i and (lemma, mark.lower_) in lex.phrasal:
            return lex.phrasal[(lemma, mark.lower_)], mark
    return None


def _aside(token: Token, verb: Token) -> bool:
    """`token` lies in a relative clause on some noun between it and `verb`: "killed ..., according to the hospital,
    which has itself been hit several times" tells of another act than the killing's."""
    for up in (token, *token.ancestors):
        if up.i == verb.i:
            return False
        if up.dep_ in ("relcl", "acl") and up.tag_.startswith("VB"):
            return True
    return False


def _next_to(a: Token, b: Token) -> bool:
    return a.head.i == b.i or b.head.i == a.i or a.head.i == b.head.i


def _related(a: Token, b: Token) -> bool:
    return _next_to(a, b) or a in b.subtree or b in a.subtree


_OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until"})


def _another_time(verb: Token) -> bool:
    """A clause of its own at another time ("launched an operation after 50 soldiers were killed"): its deaths are
    another act's, not the main clause's."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _OTHER_TIME_MARKS for c in verb.children
    )


def _own_subject(verb: Token) -> bool:
    """A relative clause with a subject other than its relative pronoun ("the raid, which the army said ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children)


def _before_its_own_act(verb: Token, other: Token) -> bool:
    """'its drones had killed 30 fighters, a week after militants attacked a post': a killing with a doer of its own,
    and another act told as what came before or after it (not "three were killed after a shell hit a bus")."""
    return (
        other.head.i == verb.i
        and _another_time(other)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in other.children)
    )


_RESULTS = frozenset({"dead", "wounded", "injured", "killed", "kill", "wound", "injure"})


def leaves_casualties(verb: Token) -> bool:
    """'shelling left five people wounded', 'the blast left 12 dead': 'leave' with dead or wounded for its result
    tells casualties as 'killed' and 'wounded' do."""
    if verb.lemma_.lower() != "leave":
        return False
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and child.lower_ in _RESULTS:
            return True
        if child.dep_ == "dobj" and any(
            g.dep_ in ("acl", "amod", "oprd") and g.lower_ in _RESULTS for g in child.children
        ):
            return True
    return False


def _left_by(token: Token) -> Token | None:
    """The verb 'leave' whose result a casualty word is ('left five people wounded': wounded -> left)."""
    head = token.head
    if token.dep_ in ("acl", "amod") and head.dep_ == "dobj":
        head = head.head
    elif token.dep_ not in ("oprd", "xcomp", "ccomp", "acomp"):
        return None
    return head if head.i != token.i and leaves_casualties(head) else None


def fighters(token: Token) -> bool:
    """'the rebel factions fighting his forces', 'separatists fighting for independence', 'the Islamic State group,
    which is fighting both the government and the Taliban', 'which has fought the Houthis since 2015': who they
    are."""
    if _lemma(token) != "fight":
        return False
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return True
    # a relative clause in the present ("which is fighting", "who have been fighting"), not "who were fighting"
    auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if token.dep_ == "relcl" and token.tag_ == "VBN" and auxes & {"has", "have"} and not auxes & _PAST_AUX:
        return True  # "the RSF, which have fought the army since mid-April": the perfect of a war still going on
    if token.dep_ == "relcl" and token.tag_ in ("VBP", "VBZ") and not auxes:
        return True  # "Russians from the Wagner group who fight for the LNA": who they are
    return token.dep_ == "relcl" and token.tag_ == "VBG" and bool(auxes & _PRESENT_AUX) and not auxes & _PAST_AUX


_PRESENT_AUX = frozenset({"is", "are", "'s", "'re", "has", "have"})
_PAST_AUX = frozenset({"was", "were", "had"})


# a clause that tells only who suffered, with the act in a clause of its own: "nine people were hurt when a car bomb
# went off", "three died as shells fell on the market", "seven soldiers lost their lives when their convoy was ambushed"
_SUFFERED_PASSIVE = frozenset({"hurt", "injure", "wound", "kill"})
_SUFFERED_WHEN = frozenset({"when", "as", "after", "while"})


_AMONG_THE = frozenset({"dead", "wounded", "injured", "killed", "victim", "casualty"})


def died(verb: Token) -> bool:
    """A verb whose subject is the victims: 'died', 'perished', 'lost their lives', 'were among the wounded'."""
    lemma = _lemma(verb)
    if lemma == "lose":
        return any(c.dep_ == "dobj" and _lemma(c) == "life" for c in verb.children)
    if lemma == "be":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "among"
            and any(_lemma(g) in _AMONG_THE or g.lower_ in _AMONG_THE for g in c.children)
            for c in verb.children
        )
    return lemma in ("die", "perish")


def suffered(verb: Token) -> bool:
    """A verb telling that its subject died or was hurt: 'died', 'were hurt', 'lost their lives'."""
    return died(verb) or (_lemma(verb) in _SUFFERED_PASSIVE and any(c.dep_ == "nsubjpass" for c in verb.children))


def suffered_in(cand: Candidate) -> Token | None:
    """The verb of the clause telling the act's victims, when the act is told in a 'when' clause hung on it."""
    verb = cand.governor if cand.governor is not None else cand.token
    for _ in range(3):
        if not cand.nominal or verb.tag_.startswith("VB") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _SUFFERED_WHEN for c in verb.children
    ):
        return None
    head = verb.head
    return head if head.i != verb.i and suffered(head) else None


def _casualty_verb(cand: Candidate) -> bool:
    return not cand.nominal and _lemma(cand.token) in _CASUALTY_VERBS


def _fold_casualty_verbs(found: list[Candidate]) -> list[Candidate]:
    """'Airstrikes killed 12' is one event: drop a casualty verb tied to another ASSAULT, keep its victims there."""
    keep: list[Candidate] = []
    nominal_subjects = {
        c.token.i: c
        for c in found
        if (c.nominal or c.token.tag_ == "VBG")  # "shelling hit the capital": the gerund read as a verb is a noun
        and c.type == "ASSAULT"
        and c.token.dep_ == "nsubj"
    }
    # "Israeli air and artillery strikes had hit targets": the parser makes "air" the subject, "strikes" its conjunct
    nominal_subjects.update(
        {
            c.token.head.i: c
            for c in found
            if c.nominal
            and c.type == "ASSAULT"
            and c.token.dep_ == "conj"
            and c.token.head.dep_ == "nsubj"
            and c.token.head.i not in nominal_subjects
        }
    )

    nominal_acts = {c.token.i: c for c in found if c.nominal and c.type == "ASSAULT"}

    def subject_of(cand: Candidate) -> Candidate | None:
        # "airstrikes killed 12"; "a drone attack set fire to an oil depot": what the attack did, not a second act
        if cand.nominal or not (cand.type == "ASSAULT" or (cand.type, cand.mode) == ("COERCE", "destroy")):
            return None
        if cand.token.dep_ == "relcl" and cand.token.head.i in nominal_acts and not _own_subject(cand.token):
            return nominal_acts[cand.token.head.i]  # "the blast, which destroyed a hotel": what the blast did
        by = [g.i for c in cand.token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if by and by[0] in nominal_acts:
            return nominal_acts[by[0]]  # "three houses were destroyed by artillery fire": what the fire did
        return next((nominal_subjects[c.i] for c in cand.token.children if c.i in nominal_subjects), None)

    for cand in found:
        subject = subject_of(cand)
        if subject is None and not cand.nominal and cand.type == "ASSAULT":
            left = _left_by(cand.token)  # "shelling left five people wounded": the wounds are the shelling's
            subject = (
                next(
                    (o for o in found if o.type == "ASSAULT" and o.token.dep_ == "nsubj" and o.token.head.i == left.i),
                    None,
                )
                if left is not None
                else None
            )  # the strike, a noun or a gerund ("Shelling left ...")
        if subject is not None:
            subject.extra.append(cand.token)  # "airstrikes hit the market": one event, the airstrikes
            left = _left_by(cand.token)
            if left is not None and left.i != subject.token.i and all(t.i != left.i for t in subject.extra):
                subject.extra.append(left)  # its figures ("left five people wounded") are the strike's too
            continue
        if not cand.nominal and _lemma(cand.token) in _CASUALTY_VERBS and _of_an_act_referred_to(cand.token):
            continue  # "retaliating for an Israeli strike that killed one of its commanders": that strike's dead
        if not cand.nominal and _lemma(cand.token) in _CASUALTY_VERBS and not _another_time(cand.token):
            partners = [
                o
                for o in found
                if o is not cand
                and o.type == "ASSAULT"
                and _related(o.token, cand.token)
                and not fighters(o.token)
                and not _before_its_own_act(cand.token, o.token)
            ]  # "..., blaming separatists fighting for a state of their own": who they are, no act to fold into
            # "a soldier was killed and two were wounded by sniper fire": the fire, not the other casualty verb
            # (which is folded into the fire in turn, and would take this one's victims with it nowhere)
            # stable: the parse's order otherwise; the verb it is joined to before one whose clause merely holds it
            # ("militants fired on troops, while Hamas said forces shot and wounded two farmers": the shooting's)
            partners.sort(key=lambda o: (_aside(o.token, cand.token), not _next_to(o.token, cand.token)))
            partner = next((o for o in partners if not _casualty_verb(o)), None)
            if partner is None:
                # "two were killed and seven injured": only another casualty verb; the first one told is kept, the
                # later ones fold into it (each folded into the other would leave no row at all)
                partner = next((o for o in partners if any(o is k for k in keep)), None)
            if partner is None:
                # "two soldiers were killed in the attack and another was wounded": the other casualty verb was
                # folded into the attack, and so is this one
                partner = next(
                    (h for o in partners for h in found if h is not o and any(t.i == o.token.i for t in h.extra)), None
                )
            if partner is not None:
                # "were killed when a strike hit a market": the verb "hit" is folded into the strike, so the
                # victims go to the strike too
                (subject_of(partner) or partner).extra.append(cand.token)
                continue
        keep.append(cand)
    return keep


def disowned(verb: Token) -> bool:
    """'No group claimed the blast', 'nobody has claimed responsibility', 'did not claim it': no one owns up."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lower_ in ("nobody", "none", "no-one") or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))
        for c in verb.children
    )
