"""Stance of an event clause: negation, modality, and who the report attributes it to.

Attribution follows the parse upwards from the trigger's clause: a clause under a speech verb is *claimed* by
that verb's subject, under a denial verb it is *denied*, under "accuse ... of" it is an allegation. "According
to X" attributes every event of its sentence. Negation and modality are read from the clause's own auxiliaries
and from the verbs that embed it ("threatened to strike", "plans to withdraw", "failed to agree").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from truceline.events.arguments import dateline_end, joins_the_telling, telling_joined, to_infinitive
from truceline.events.lexicon import Lexicon
from truceline.events.nominal import answerable_for
from truceline.events.recall import duty_clause, yet_to
from truceline.events.triggers import Candidate, Token

_EMBEDDING = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj", "conj", "acl"})
_REPORT_NOUNS = frozenset({"statement", "report", "announcement", "claim", "assertion", "allegation", "accusation"})
# nouns whose "that" clause tells an act someone else asserts ("reports that it shelled the market")
_CONTENT_NOUNS = _REPORT_NOUNS | {"rumour", "rumor", "story", "suggestion", "speculation", "charge"}
# verbs whose subject makes a report's content its own statement ("confirmed the report that X", "repeated the claim")
_AFFIRMING = frozenset({"confirm", "repeat", "reiterate", "echo", "endorse", "verify", "corroborate"})


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: str  # "said", "denied", "accused", "according"
    cue: Token  # the speech / denial / accusation word
    speaker: Token | None  # its subject (or the object of "according to")


def clause_verb(cand: Candidate) -> Token:
    """The verb whose clause the event sits in: the trigger itself, the light verb, or the noun's head verb."""
    if not cand.nominal:
        return cand.token
    if cand.governor is not None:
        return cand.governor
    head = cand.token
    for _ in range(4):
        if head.tag_.startswith("VB") or head.dep_ == "ROOT":
            return head
        head = head.head
    return head


# what an act told as its verb's subject is foreseen to do ("talks are scheduled to resume"), not what it aims at
# ("the offensive aims to retake the town" is under way)
_FORESEEN = frozenset({"schedule", "scheduled", "expect", "expected", "set", "due", "plan", "planned", "slate"})


_MEANT = frozenset({"plan", "intention", "pledge", "promise", "offer", "decision", "readiness", "willingness"})
_NO_ONE = frozenset({"neither", "none", "nobody", "no-one"})


def modality(cand: Candidate, lex: Lexicon) -> str:
    """'negated', 'threatened', 'planned' or 'asserted' from auxiliaries and embedding verbs."""
    verb = clause_verb(cand)
    words = [cand.token, verb]
    if cand.nominal and cand.token.dep_ == "nsubj" and verb.lemma_.lower() in lex.ending_verbs:
        words = [cand.token]  # "the shelling had not stopped": the ending is what is denied, the shelling goes on
    for token in words:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
    if verb.lemma_.lower() in ("have", "be") and yet_to(verb):
        return "negated"  # "talks on reopening its roads have yet to be scheduled": not so far
    for child in verb.children:  # "neither side will target the other", "none of the groups fired"
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in _NO_ONE or any(g.dep_ in ("det", "preconj") and g.lower_ in _NO_ONE for g in child.children)
        ):
            return "negated"
    for child in verb.children:
        if child.dep_ == "aux":
            lemma = child.lemma_.lower()
            if child.lower_ in ("could", "might", "may", "can") or lemma in ("could", "might", "may"):
                return "threatened"  # a possibility ("the truce can be renewed"), not a fact
            if lemma in ("will", "would", "shall") or child.lower_ in ("will", "would", "shall", "'ll"):
                return "planned"
    owner = cand.token.head.lemma_.lower()
    if cand.nominal and cand.token.dep_ == "dobj" and owner in lex.plan_cues and owner not in lex.light_verbs:
        return "planned"  # "preparing a new offensive", "planning an attack on the capital" ("committed a massacre",
        # "set an ambush": the light verb does the act)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _MEANT and to_infinitive(verb):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
            return "negated"  # "has no plans to attack the capital"
        return "planned"  # "announced a plan to release 20 hostages", "its decision to withdraw": not done yet
    if cand.type not in ("REQUEST", "THREATEN") and _owed(verb):
        return "planned"  # "the text still has to be signed", "the deal must be ratified": owed, not yet done
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and to_infinitive(verb):
        if yet_to(verb.head):
            return "negated"  # "the rebels are yet to release the hostages": not so far
        return "planned"  # "the hostages were to be released on Friday", "talks are to resume": what is arranged
    if (
        cand.nominal
        and cand.token.dep_ == "nsubj"
        and cand.token.head.lemma_.lower() == "be"
        and any(c.dep_ == "xcomp" and to_infinitive(c) for c in cand.token.head.children)
    ):
        return "planned"  # "Talks on the region's future are to begin on Thursday": the noun is what is arranged
    if (
        cand.nominal
        and cand.token.dep_ in ("nsubj", "nsubjpass")
        and cand.token.head.i == verb.i
        and (
            (
                (verb.lemma_.lower() in _FORESEEN or verb.lower_ in _FORESEEN)
                and any(c.dep_ == "xcomp" for c in verb.children)
            )
            or any(  # "talks are due to be held": the copula's complement foresees them
                c.dep_ == "acomp" and c.lower_ in _FORESEEN and any(g.dep_ == "xcomp" for g in c.children)
                for c in verb.children
            )
        )
    ):
        return "planned"  # "talks are scheduled to resume", "the truce is expected to take effect"
    current = verb
    for _ in range(3):  # embedding verbs: "threatened to", "plans to", "failed to", "is expected to"
        infinitive = current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if (current.dep_ not in ("xcomp", "ccomp") and not infinitive) or current.head.i == current.i:
            break
        if (
            current.dep_ == "xcomp"
            and to_infinitive(current)
            and current.head.lemma_.lower() == "be"
            and not any(c.dep_ in ("acomp", "attr", "neg") for c in current.head.children)  # "is not possible to say"
        ):
            return "planned"  # "both sides are to begin pulling back their guns": what is arranged, a level up
        below, current = current, current.head
        lemma = current.lemma_.lower()
        if current.dep_ == "acomp" and current.lower_ in _FORESEEN and to_infinitive(below):
            return "planned"  # "rebels are due to hand over their prisoners"
        negated = any(c.dep_ == "neg" for c in current.children)
        if below.dep_ == "xcomp" and lemma in ("have", "be") and yet_to(current):
            negated = True  # "the rebels have yet to release the hostages"
        if current.dep_ == "acomp":  # "is not ready to strike": the copula carries the negation
            negated = negated or any(c.dep_ == "neg" for c in current.head.children)
        if negated and lemma in lex.resolve_verbs:  # "will not hesitate to strike": a resolve, told as its tense
            return _told_as(current)
        if negated or lemma == "fail":
            return "negated"
        if lemma in lex.threat_cues:
            return "threatened"
        if lemma in lex.plan_cues or current.lower_ in lex.plan_cues:
            return "planned"
        told = _told_as(current)  # "a bill that would allow it to send troops": the sending is a plan
        if told != "asserted" and lemma not in lex.speech_verbs:
            return told
        if current.dep_ not in ("xcomp", "advcl"):
            break
    return "asserted"


def _owed(verb: Token) -> bool:
    """An act laid as a duty ("must be ratified", "has to be signed and ratified"), which has not happened yet;
    a verb joined to it with no subject or auxiliary of its own shares the duty."""
    for _ in range(2):
        if duty_clause(verb) or (verb.dep_ == "xcomp" and duty_clause(verb.head) and verb.head.lemma_.lower() != "be"):
            return True
        if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            return False
        verb = verb.head
    return False


def _told_as(verb: Token) -> str:
    """'planned' under will/would, 'threatened' under could/might, else 'asserted' ('did not hesitate to fire')."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & {"will", "would", "shall", "'ll", "wo"}:
        return "planned"
    if auxes & {"could", "might", "may"}:
        return "threatened"
    return "asserted"


# marks of a clause told beside the main one, not of an attribution of it
_SUBORDINATORS = frozenset(
    {"while", "whereas", "although", "though", "because", "after", "before", "when", "since", "if", "unless", "until"}
)


def _a_telling_beside(verb: Token, lex: Lexicon) -> bool:
    """A statement of its own set against another by 'while' or 'whereas', whatever clause the parser hung it on."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "advcl" or not (
        lemma in lex.speech_verbs or lemma in lex.accuse_verbs or lemma in lex.denial_verbs
    ):
        return False
    return _marked(verb, ("while", "whereas")) and any(c.dep_ == "nsubj" for c in verb.children)


def _marked(clause: Token, marks: Collection[str]) -> bool:
    """The clause is opened by one of `marks` ("while", "as", ...)."""
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def _told_beside(clause: Token) -> bool:
    """A clause set beside an accusation ("..., as fighting continued"; "..., a week after the sides agreed to a
    truce", set off by a comma): the writer's, not part of the charge."""
    if _marked(clause, ("as", "while", "whereas")):
        return True
    start = clause.left_edge.i
    return _marked(clause, ("after", "before", "since")) and start > 0 and clause.doc[start - 1].text == ","


def attribution(cand: Candidate, lex: Lexicon) -> Attribution | None:
    """Who the report says asserts, denies or alleges this event; None when the writer asserts it."""
    token = clause_verb(cand)
    if cand.nominal and cand.token.dep_ == "dobj" and cand.token.head.lemma_.lower() in lex.denial_verbs:
        return Attribution("denied", cand.token.head, _speaker(cand.token.head))
    answerable = answerable_for(cand.token) if cand.nominal else None
    if answerable is not None and answerable[1]:
        # "denied responsibility for the attack", "said it was not behind the strike": its doer's denial
        verb = answerable[0]  # "said it was not involved in": a passive's teller is the one who says so
        return Attribution("denied", verb, _speaker(verb) or (_speaker(verb.head) if verb.dep_ == "ccomp" else None))
    steps = 0
    while token.dep_ != "ROOT" and steps < 8:
        steps += 1
        if token.dep_ == "conj" and joins_the_telling(token):
            if steps > 1 and token.lemma_.lower() in lex.accuse_verbs:
                # "said they doubted the truce would last and accused government forces of shelling": the charge is
                # the teller's, who makes it
                return Attribution("accused", token, _speaker(token))
            return None  # "said rebels had violated the truce and accused Turkey": the teller's own act
        if _a_telling_beside(token, lex):
            return None  # "X said A, while the military accused the RSF of B": the military's own statement
        content = token.dep_ in ("acl", "ccomp") or (token.dep_ == "relcl" and _content_clause(token))
        if token.dep_ == "advcl" and token.head.lemma_.lower() in lex.accuse_verbs and _told_beside(token):
            return None  # "accused each other of violating the truce, as fighting continued": no part of the charge
        rel, token = token.dep_, token.head
        if content and token.lemma_.lower() in _CONTENT_NOUNS:
            falsity = _called_false(token, lex)
            if falsity is not None:
                return falsity
            verb = token.head
            if token.dep_ == "dobj" and verb.tag_.startswith("VB") and verb.lemma_.lower() in _AFFIRMING:
                # "confirmed an earlier report that government forces had attacked": the confirmer says so
                return Attribution("said", verb, _speaker(verb))
        if rel not in _EMBEDDING:
            break
        found = _cue(token, rel, lex)
        if found is not None:
            return found
    for child in token.children:  # '"...," the minister said' parsed with the quote as root
        lemma = child.lemma_.lower()
        speech = child.dep_ in ("parataxis", "ccomp", "advcl") and child.i > cand.token.i and child.tag_ != "VBG"
        if speech and child.dep_ == "advcl" and _marked(child, _SUBORDINATORS):
            continue  # "X shelled the town, while the army said ...": another's telling beside it, not its teller
        if speech and lemma in lex.accuse_verbs:
            return Attribution("accused", child, _speaker(child))
        if speech and lemma in lex.speech_verbs:
            return Attribution("said", child, _speaker(child))
    tail = _trailing_attribution(cand.token, lex)
    if tail is not None:
        return tail
    for word in token.doc:
        if word.lower_ == "according":
            to = next((c for c in word.children if c.lower_ == "to"), None)
            pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return Attribution("according", word, pobj)
    return None


def _content_clause(verb: Token) -> bool:
    """A clause the parser took for a relative one though "that" only opens it ("reports that it provided X")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )


def rejected_content(cand: Candidate, lex: Lexicon) -> Attribution | None:
    """ "Zakharova said the allegations were absurd": an accusation named as a noun and called false is no accusation
    of the speaker's but the speaker's rejection of it (the attribution gives the verdict and who gives it)."""
    if not cand.nominal or cand.type != "ACCUSE" or cand.token.lemma_.lower() not in _CONTENT_NOUNS:
        return None
    return _called_false(cand.token, lex)


def _called_false(noun: Token, lex: Lexicon) -> Attribution | None:
    """'false reports that X shelled', 'reports that X shelled were baseless / do not reflect the facts': denied by
    whoever calls them so (the speaker of the verb the verdict is told under), or by the writer."""
    words = lex.falsity_words
    cue = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in words), None)
    head = noun.head
    if cue is None and noun.dep_ == "nsubj":
        verdict = [c for c in head.children if c.dep_ in ("acomp", "attr") and c.lower_ in words]
        negated = any(c.dep_ == "neg" for c in head.children) and head.lemma_.lower() in lex.falsity_verbs
        cue = verdict[0] if verdict else (head if negated else None)
    if cue is None and noun.dep_ == "dobj":  # "called the allegations that X shelled baseless"
        cue = next(
            (c for c in (*head.children, *noun.children) if c.dep_ in ("oprd", "xcomp", "acomp") and c.lower_ in words),
            None,
        )
        if cue is None:
            cue = next((c for c in noun.subtree if c.dep_ == "oprd" and c.lower_ in words), None)
    if cue is None:
        return None
    verb = head if head.tag_.startswith("VB") else noun
    for _ in range(3):  # the verdict's speaker: "saying (that) false reports ...", "said reports ... were baseless"
        lemma = verb.lemma_.lower()
        if verb.tag_.startswith("VB") and (lemma in lex.speech_verbs or lemma in lex.denial_verbs) and verb is not head:
            return Attribution("denied", cue, _speaker(verb))
        if verb.dep_ not in ("ccomp", "advcl", "conj", "parataxis", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    # "called the allegations baseless", "denied false reports that": the verb's subject; else the writer's verdict
    return Attribution("denied", cue, _speaker(head) if head.tag_.startswith("VB") and noun.dep_ == "dobj" else None)


def _trailing_attribution(trigger: Token, lex: Lexicon) -> Attribution | None:
    """'..., rescuers said.' at the end of the sentence attributes what precedes it, however the parser attached it."""
    doc = trigger.doc
    last = len(doc) - 1
    for word in reversed(doc):
        if last - word.i > 10 or word.i <= trigger.i:
            break
        if word.lemma_.lower() not in lex.speech_verbs or word.tag_ == "VBG" or not word.tag_.startswith("VB"):
            continue
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > word.i for c in word.children):
            continue  # "..., and Hamas said it would respect it": a clause of its own, not a closing attribution
        speaker = _speaker(word)
        first = min((speaker.left_edge.i if speaker is not None else word.i), word.i)
        if any(t.text == "," for t in doc[trigger.i : first]) and (speaker is None or speaker.i > trigger.i):
            return Attribution("said", word, speaker)
    return None


def _cue(token: Token, rel: str, lex: Lexicon) -> Attribution | None:
    lemma = token.lemma_.lower()
    if not token.tag_.startswith("VB"):
        return None
    if lemma in lex.denial_verbs and rel in ("ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj"):
        return Attribution("denied", token, _speaker(token))
    if lemma in lex.accuse_verbs and rel in ("prep", "pcomp", "pobj", "ccomp", "advcl"):
        return Attribution("accused", token, _speaker(token))
    # a conjoined verb shares its head's subject ("said they had repelled the attack and accused the army of ..."),
    # when that subject is someone ("they"), not a thing the parse joined it to ("the truce would last and accused")
    shared = next((c for c in token.head.children if c.dep_ == "nsubj"), None) if token.dep_ == "conj" else None
    own_subject = any(c.dep_ == "nsubj" for c in token.children) or (
        shared is not None and (shared.pos_ in ("PRON", "PROPN") or _named_body(shared))
    )
    if lemma in lex.accuse_verbs and rel == "dobj" and own_subject and _charge_on_the_accused(token):
        # "accused the coalition of breaching the truce", the parser hanging "of" on the one accused
        return Attribution("accused", token, _speaker(token))
    if lemma in lex.speech_verbs and rel in ("ccomp", "parataxis"):
        return Attribution("said", token, _speaker(token))
    return None


def _named_body(noun: Token) -> bool:
    """'the UN mission', 'Turkey's defence ministry': a noun made someone by the name it carries."""
    return any(c.dep_ in ("compound", "poss", "amod") and c.pos_ == "PROPN" for c in noun.children)


def _charge_on_the_accused(verb: Token) -> bool:
    return any(
        c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ in ("of", "for") for g in c.children)
        for c in verb.children
    )


def _speaker(verb: Token) -> Token | None:
    end = dateline_end(verb.doc)  # "KHARTOUM, June 14 (Wire) - Sudan's army said": the army, not the city
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i > end:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
                return verb.head  # "Hezbollah, which said it had fired rockets": the group the pronoun stands for
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    teller = telling_joined(verb) if verb.dep_ == "conj" else None
    if teller is not None:  # "X said rebels had ... and accused Turkey of ...": X
        return _speaker(teller)
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:  # "..., saying that ..."
        speaker = _speaker(verb.head)
        if verb.dep_ == "xcomp" and speaker is not None and speaker.lower_ == "it":
            return None  # "it is not possible to say ...": an impersonal "it" says nothing; the quote's speaker does
        return speaker
    return _speaker_before(verb)


_NOUN_PHRASE_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "HYPH", "CD"})


def _speaker_before(verb: Token) -> Token | None:
    """'..., including a child, regional governor Oleh Syniehubov said.': a closing speech verb the parser left
    without a subject (it hung the name on the list before the comma) is said by the noun phrase right before
    it, back to the comma; its last word is the phrase's head."""
    if verb.i == 0 or not verb.tag_.startswith("VB") or verb.tag_ == "VBG":
        return None
    head = verb.doc[verb.i - 1]
    if head.tag_ not in ("NN", "NNS", "NNP", "NNPS") or head.i <= dateline_end(verb.doc):
        return None
    i = head.i
    while i > 0 and verb.doc[i - 1].tag_ in _NOUN_PHRASE_TAGS:
        i -= 1
    return head if i > 0 and verb.doc[i - 1].text in (",", "--", "-", "—") else None


def _content_word(word: Token) -> bool:
    """A plural noun of what is claimed ("charges", "claims", "allegations"), whatever tag the tagger gave it."""
    return word.lower_.endswith("s") and word.lower_[:-1] in _CONTENT_NOUNS


def denial_without_event(verb: Token, lex: Lexicon) -> bool:
    """'X denied that assertion' / 'X denied the reports': a denial whose object is another party's claim."""
    if verb.lemma_.lower() not in lex.denial_verbs:
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.dep_ in ("nsubjpass", "auxpass", "dative") for c in (*verb.children, *first.children)):
        return False  # "were displaced and denied aid", "denied them entry": something withheld, not a claim
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _CONTENT_NOUNS:
        return True  # "..., a claim Yerevan denied": the claim is the clause's own object, left out
    if verb.dep_ == "ccomp" and _content_word(verb.head) and not any(c.dep_ == "dobj" for c in verb.children):
        return True  # "..., charges the group denied", the tagger reading "charges" as a verb
    return any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) or any(
        c.lemma_.lower() in _REPORT_NOUNS for c in verb.subtree
    )
