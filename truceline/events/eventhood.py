"""Whether a candidate trigger reports a happening a careful coder would code, read off the parse.

A trigger word is not always an event. Each test below names one kind of non-event and decides it from the
candidate's clause and the words above it, whatever the sentence is about:

* an aim: an infinitive of purpose ("launched an offensive to capture the town", "fighting to retake it"), or what
  follows "in a bid to", "with the aim of", "efforts to", "aimed at", "meant to";
* a provision: a rule a text states, or a passive prohibition with no one forbidding ("acts of aggression would be
  prohibited", "the agreement requires a ceasefire", "a bill that would allow it to ...", "the truce held");
* a standing relation: a relation verb in the present, in a relative clause or as a modifier ("Russia is backing
  the regime", "Turkey, which backs Azerbaijan", "forces backed by Iran", "hosts four million refugees");
* a habit: a frequency word on the act ("constantly strikes", "frequent attacks");
* a kind of event or a trend: "a surge in violence", "an escalation could lead to", a "de-escalation zone", an
  event noun naming what a thing is for ("the patrol route"), what an end is put to ("an end to the attacks");
* a hypothetical: an act in a condition or done by "whoever" ("if Armenia does not stop shelling", "whoever
  targets our soldiers"), or the background clause of "since" ("since the fighting erupted");
* a cumulative toll: killing counted "so far", "to date", "since" a day or "during the war", or done by a war; acts of
  force in the present perfect on a number of targets counted "since" a day ("have attacked dozens of ships since
  November").

Statement acts (requests, accusations, rejections, threats) are kept however they are told: "has repeatedly called
for" and "Moscow accuses Ankara of" state a position, and coders code them.
"""

from __future__ import annotations

import re

from truceline.events.arguments import _prep_object, struck_a_device, to_infinitive
from truceline.events.lexicon import IRREGULAR_LEMMAS, Lexicon
from truceline.events.recall import party_like, time_given, ultimatum
from truceline.events.stance import clause_verb
from truceline.events.triggers import Candidate, Token, fighters, leaves_casualties, trigger_lemma

STATEMENTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_AHEAD = frozenset({"will", "would", "shall", "'ll", "could", "might", "may", "to", "must", "should", "can"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PERFECT = frozenset({"has", "have", "'ve"})
_CONDITIONS = frozenset({"if", "unless"})
_ANYONE = frozenset({"whoever", "whatever", "anyone", "anybody", "whichever"})
_ANY = frozenset({"any", "every", "whichever", "whatever"})
_PRICED = frozenset({"pay", "face"})  # "anyone who attacks will pay a heavy price": the threat names the price
_CASUALTY = frozenset({"kill", "die", "wound", "injure", "slay", "murder"})
_WARS = frozenset(
    {"war", "conflict", "fighting", "crisis", "violence", "uprising", "insurgency", "offensive", "hostility",
     "hostilities"}
)  # fmt: skip
_UP_CONDITION = frozenset({"xcomp", "conj", "pcomp", "pobj", "prep", "dobj"})
# words whose "of"/"for" names the act charged: "accused Turkey of backing the militants during the attack"
_CHARGES = frozenset({"accuse", "accusation", "charge", "blame", "suspect", "condemn", "criticise", "criticize"})


def _lemma(token: Token) -> str:
    # the tagger's lemma, except for forms it gets wrong ("raged" -> "rag"): the lexicon's irregular forms decide
    return IRREGULAR_LEMMAS.get(token.lower_) or str(token.lemma_).lower()


def _governing_acts(head: Token, lex: Lexicon) -> bool:
    """A verb that does something and is coded (an event trigger, or a light verb with an event noun), not one
    that plans, asks, agrees, threatens or says."""
    lemma = trigger_lemma(head, lex.verbs)
    if not head.tag_.startswith("VB"):
        return False
    if _lemma(head) in lex.light_verbs and any(
        c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in lex.nouns for c in head.children
    ):
        return True  # "launched an offensive to capture the town"
    if any(c.dep_ == "nsubj" and _lemma(c) in lex.nouns for c in head.children):
        return True  # "talks were proceeding to launch patrols": the talks are coded
    if any((_lemma(head), _lemma(c) if c.dep_ == "dobj" else c.lower_) in lex.phrasal for c in head.children):
        return True  # "spoke by telephone to discuss": the call is coded
    if lemma not in lex.verbs:
        return False
    if lemma in lex.plan_cues or lemma in lex.threat_cues or lemma in lex.speech_verbs:
        return False
    return lex.verbs[lemma][0] not in STATEMENTS | {"AGREE", "CONCEDE"}


def aim(cand: Candidate, lex: Lexicon) -> bool:
    """What the act is for, not what happened: 'in a bid to bring calm', 'with the aim of reaching a ceasefire',
    'aimed at preventing an assault', 'launched an offensive to capture the town', 'fighting to retake Idlib'."""
    current = cand.token if cand.nominal else clause_verb(cand)
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return False
        rel = current.dep_
        owner = _lemma(head)
        if rel in ("acl", "relcl") and to_infinitive(current) and _purpose_phrase(head, lex):
            return True  # "in a bid to bring calm", "in an effort to provide stability"
        if rel == "xcomp" and owner in lex.purpose_participles:
            return True
        if rel in ("pcomp", "pobj") and head.dep_ == "prep":
            holder = head.head
            if _purpose_phrase(holder, lex) or _lemma(holder) in lex.purpose_participles:
                return True  # "with the aim of reaching", "aimed at preventing"
        if to_infinitive(current) and rel in ("advcl", "xcomp") and _governing_acts(head, lex):
            return True  # the act it serves is coded; "arrived in Ankara to discuss" keeps its only event word
        if rel == "acl" and to_infinitive(current) and _event_noun(head, lex) and cand.type == "ASSAULT":
            return True  # "a campaign to retake the province", "an offensive to capture the town": its aim
        if rel == "acl" and to_infinitive(current) and _truce_noun(head, lex):
            return True  # "a one-week ceasefire to allow aid deliveries", "a pause to let aid in": what it is for
        if rel in ("advcl", "xcomp") and to_infinitive(current) and _truce_object(head, lex):
            return True  # "announced a humanitarian pause to allow civilians to leave": the parser hangs the aim on
            # the verb, but it is the pause's
        if rel in ("acl", "relcl") and to_infinitive(current) and head.dep_ == "pobj" and head.head.lower_ == "until":
            return True  # "gave them until the end of February to pull back": what the ultimatum demands ("extended
            # the truce until the end of the month to help relief efforts": what the extension is for)
        if rel == "acl" and to_infinitive(current) and _lemma(head) in _ASKINGS:
            return True  # "rejected the UN proposal to extend the truce", "a call to end the fighting": what is asked
            # (a plan, an offer or a threat to act is the act planned, offered or threatened: coded so elsewhere)
        if rel == "acl" and to_infinitive(current) and _foiled_plan(head):
            return True  # "uncovered a plot to kill the attorney general", "police foiled a plan to bomb": an aim
            # someone had, and nothing was done
        if (
            rel in ("xcomp", "advcl")
            and to_infinitive(current)
            and any(c.dep_ == "dobj" and _foiled_plan(c) for c in head.children)
        ):
            return True  # "uncovered a plot by militants to kill": the parser hangs the infinitive on the verb
        if rel in ("acl", "relcl", "xcomp", "advcl") and to_infinitive(current) and _time_limit(head):
            return True  # "gave Tigrayan forces 72 hours to surrender", "an ultimatum to the rebels to surrender"
        if rel in ("xcomp", "ccomp") and _lemma(head) in lex.influence_verbs:
            return True  # "could not push rebels to agree": what one tries to make others do
        if rel in ("ccomp", "xcomp") and owner in _HELPING and to_infinitive(head):
            current = head  # "deployed to help Mozambique fight the insurgency": the helping's aim is the fight
            continue
        if rel in ("ccomp", "parataxis", "relcl"):
            return False  # a reported clause or a description of something else
        current = head
    return False


_HELPING = frozenset({"help", "assist", "enable", "allow", "let", "permit"})
_PLOTS = frozenset({"plot", "conspiracy"})
_PLANS = frozenset({"plan", "scheme"})
_FOILING = frozenset({"foil", "thwart", "uncover", "disrupt", "discover", "expose", "prevent", "frustrate", "avert"})


def _foiled_plan(noun: Token) -> bool:
    """A plot ("a plot by rebel members to kill"), or a plan someone foiled or uncovered ("police thwarted a plan
    to bomb the parliament"): what follows was meant, not done."""
    lemma = _lemma(noun)
    if lemma in _PLOTS:
        return True
    if lemma not in _PLANS:
        return False
    first = _first_conjunct(noun)
    return first.dep_ in ("dobj", "nsubjpass") and _lemma(first.head) in _FOILING


def _truce_noun(token: Token, lex: Lexicon) -> bool:
    """A ceasefire or a pause ("a one-week ceasefire", "a humanitarian pause")."""
    return _lemma(token) in lex.ceasefire_nouns or _lemma(token) == "pause"


def _truce_object(verb: Token, lex: Lexicon) -> bool:
    """The verb's object is a ceasefire or a pause ("announced a humanitarian pause", "declared a truce")."""
    return any(c.dep_ == "dobj" and _truce_noun(c, lex) for c in verb.children)


_LIMIT_NOUNS = frozenset({"ultimatum", "deadline"})
_ASKINGS = frozenset({"demand", "request", "call", "appeal", "proposal", "plea"})


def _time_limit(head: Token) -> bool:
    """An ultimatum, whose to-infinitive is what it demands: the noun itself, a verb that gives or has a time limit
    (recall.py reads those off the parse: "gave X 72 hours", "the rebels have until Friday"), or the time given."""
    if _lemma(head) in _LIMIT_NOUNS:
        return True
    if head.dep_ in ("dobj", "npadvmod") and head.ent_type_ in ("DATE", "TIME"):
        head = head.head
    if not head.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "dobj" and _lemma(c) in _LIMIT_NOUNS for c in head.children):
        return True  # "set a deadline of Monday for the fighters to withdraw"
    return ultimatum(head) or time_given(head)


def _purpose_phrase(noun: Token, lex: Lexicon) -> bool:
    """A purpose noun in an adverbial phrase ('in a bid to', 'with the aim of', 'in an effort to'): what follows is
    the aim. As an argument ('their attempt to storm the town failed', 'a mission to rescue hostages') the noun names
    the act itself, attempted or carried out."""
    if _lemma(noun) not in lex.purpose_nouns:
        return False
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with", "as", "for")


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


_PRESENT = frozenset({"VBZ", "VBP"})


def _subject_noun(verb: Token) -> Token | None:
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
            return verb.head  # "a bill that would allow": the bill
        if subject is not None or verb.dep_ != "conj" or verb.tag_ not in _PRESENT or verb.head.tag_ not in _PRESENT:
            return subject
        verb = verb.head  # "the deal requires ... and gives the army 60 days": the deal gives (in the present, as a
        # text's terms are told; the parser joins other verbs to other clauses)
    return None


def provision(cand: Candidate, lex: Lexicon) -> bool:
    """A rule, not an act: 'acts of aggression would be prohibited', 'fighters are barred from', 'the agreement
    requires a ceasefire', 'a bill that would allow it to send troops', 'the truce held'."""
    verb = clause_verb(cand)
    if trigger_lemma(verb, lex.prohibiting_verbs) in lex.prohibiting_verbs and _passive(verb) and not _agent(verb):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _AHEAD or auxes & _PRESENT_BE or verb.dep_ in ("relcl", "acl"):
            return True
    token = cand.token
    if cand.type == "AGREE" and not cand.nominal and _passive(token) and not _agent(token) and _may(token):
        return True  # "The pause can be renewed with the consent of both sides": what the truce allows, not an act
    if cand.type == "AGREE" and cand.nominal and token.dep_ == "nsubj" and token.head.tag_ in ("VBZ", "VBP"):
        # "The deal, which took effect at midnight, also sets up a security corridor": what the agreement told
        # before provides, not a second agreement
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    if cand.type == "THREATEN" and cand.mode == "ultimatum" and not cand.nominal and _under_a_text(verb, lex):
        return True  # "Under the deal, Israeli troops have until late January to leave": a deadline the text sets
    if cand.type == "AGREE" or (cand.nominal and verb.i == cand.token.i):
        return False
    if _under_a_text(verb, lex) and _passive(verb) and not _agent(verb):
        return True  # "Under the deal, fuel ships will be allowed into the port": what the text provides (a party's
        # own act under it, "Israel will release 150 prisoners", is its plan)
    subject = _subject_noun(verb)
    if subject is not None and subject.i != cand.token.i and _lemma(subject) in lex.document_nouns:
        return True
    return _term_of_a_text(verb, lex)


def _may(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("can", "may", "could", "might") for c in verb.children)


_OBLIGING = frozenset({"require", "oblige", "obligate", "compel", "bind", "commit"})


def _term_of_a_text(verb: Token, lex: Lexicon) -> bool:
    """The clause is what a text binds its parties to, one or two complements below the text's own verb ("the
    agreement commits both sides to allowing aid to reach civilians"), not a party's speech about it."""
    bound = False  # "commits X to doing": a text binds its parties through a gerund, or an infinitive after a verb
    # of obliging ("requires the militia to pull back"); "a bill that would allow it to send troops" is a plan of the
    # one allowed, coded so
    for _ in range(3):
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb, bound = verb.head.head, True
        elif verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) not in lex.speech_verbs:
            bound = bound or (verb.dep_ == "xcomp" and _lemma(verb.head) in _OBLIGING)
            verb = verb.head
        else:
            return False
        if not verb.tag_.startswith("VB"):
            return False
        subject = _subject_noun(verb)
        if subject is not None:
            return bound and _lemma(subject) in lex.document_nouns
    return False


def _under_a_text(verb: Token, lex: Lexicon) -> bool:
    """The verb, or the first verb it is joined to, opens with "under the deal", "under the agreement"."""
    for _ in range(3):
        under = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"]
        if any(g.dep_ == "pobj" and _lemma(g) in lex.document_nouns for c in under for g in c.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _backing(noun: Token, lex: Lexicon) -> bool:
    """'a regime backed by Iranian troops and Russian airstrikes': the noun names the backer, not an act."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    by = first.head
    if first.dep_ != "pobj" or by.lower_ != "by":
        return False
    return trigger_lemma(by.head, lex.relation_verbs) in lex.relation_verbs


def _charged_act(verb: Token, lex: Lexicon) -> bool:
    """The gerund an accusation charges someone with ('accused Ankara of backing the assault'): a claimed act. A
    charge made as a standing one, of a kind of thing ("India blames Pakistan for supporting militants"), charges a
    relation, no act."""
    prep = verb.head
    return (
        verb.dep_ in ("pcomp", "pobj")
        and prep.lower_ in ("of", "for")
        and prep.i != verb.i
        and _lemma(prep.head) in _CHARGES
        and not (_present_simple(prep.head, lex) and _standing_object(verb, lex))
    )


# people named by what they did in one happening ("the gunmen" who attacked), not by the side they are on
_DOERS = frozenset({"gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "bomber", "bombers"})


def _standing_object(verb: Token, lex: Lexicon) -> bool:
    """'backing militants', 'arming the rebels': a kind of party, or a side of the conflict, rather than the ones of a
    happening ("arming the gunmen" who attacked, "backing the assault")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    generic = not any(c.dep_ in ("det", "poss") for o in objects for c in o.children)
    side = all(o.lemma_.lower() in lex.party_words and o.lower_ not in _DOERS for o in objects)
    return generic or side


def standing(cand: Candidate, lex: Lexicon) -> bool:
    """A relation, not an act: 'Russia is backing the regime', 'Turkey, which backs Azerbaijan', 'has backed some
    rebels', 'backed by Iranian troops', 'as well as supporting some groups', 'hosts four million refugees'."""
    verb = cand.token
    if cand.nominal:
        governor = cand.governor
        if governor is not None and governor.dep_ in ("relcl", "acl") and _present_simple(governor, lex):
            return True  # "France and Russia, which lead mediation efforts": what they do, not an act
        if _means_of_a_habit(verb, lex):
            return True  # "the group finances itself through extortion and kidnapping": how it lives, not acts
        holder = verb.head if verb.dep_ == "dobj" else None
        if holder is not None and _lemma(holder) in _HOLDING and _present_simple(holder, lex):
            return True  # "Egypt, which has close ties to the army", "Turkey maintains ties with": a relation held
        return _backing(verb, lex)
    if not cand.extra and describes_its_head(verb, lex):
        return True  # "militants who reject the protocol", "those who refuse": who they are, not what they did
    if cand.extra or cand.ceasefire_noun is not None:
        return False
    if fighters(verb):
        return True  # "the rebel factions fighting his forces": who they are
    if _for_years(verb):
        return True  # "al Shabaab has been fighting for years to topple the government": a war, not a happening
    if trigger_lemma(verb, lex.relation_verbs) not in lex.relation_verbs:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _AHEAD:
        return False  # "pledged to support", "will back": a plan
    if verb.dep_ in ("relcl", "acl", "amod") or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "pobj")):
        return not _charged_act(verb, lex)
    if _present_simple(verb, lex):
        return True
    if verb.tag_ == "VBG" and auxes & _PRESENT_BE:
        return True
    if verb.tag_ == "VBN" and auxes & _PRESENT_BE and _passive(verb) and _agent(verb):
        return True  # "the LNA is supported by the UAE, Egypt and Russia": who backs whom
    return verb.tag_ == "VBN" and bool(auxes & _PERFECT) and not _passive(verb)


_SPANS = frozenset({"years", "decades", "months", "weeks"})
_STRETCHES = _SPANS | {"days"}


def _for_years(verb: Token) -> bool:
    """A verb in the perfect measured by a span of time in the plural ("has been fighting for years", "have clashed
    for weeks") or running since a year ("since 2012"): what a party has long been doing, told as background, with
    no day of its own. So is a participle describing a noun ("troops, deployed in the province since 2021")."""
    described = verb.tag_ == "VBN" and verb.dep_ == "acl"
    perfect = verb.tag_.startswith("VB") and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not (perfect or described):
        return False
    return any(
        c.dep_ == "prep"
        and (
            (c.lower_ == "for" and any(g.dep_ == "pobj" and g.lower_ in _SPANS for g in c.children))
            # "has been fighting an insurgency since 2012": since a year, not a day of this report's
            or (
                c.lower_ == "since"
                and any(g.dep_ == "pobj" and re.fullmatch(r"(19|20)\d\d", g.text) for g in c.children)
            )
        )
        for c in verb.children
    )


def _means_of_a_habit(noun: Token, lex: Lexicon) -> bool:
    """Bare event nouns that are the means of a verb in the present simple ("finances itself through extortion,
    kidnapping and drug trafficking", "funds its operations via smuggling"): kinds of acts a party lives by."""
    first = _first_conjunct(noun)
    if first.dep_ != "pobj" or first.head.lower_ not in ("through", "via") or not _bare(first):
        return False
    verb = first.head.head
    while verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        verb = verb.head
    return _present_simple(verb, lex)


def _where_it_happens(verb: Token) -> bool:
    """A verb in the present simple in a relative clause of place ("where gangs raid villages and block roads"),
    or conjoined to one: what goes on in a place, told to describe it."""
    while verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        verb = verb.head
    present = verb.tag_ in ("VBP", "VBZ") or (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in _PRESENT_BE for c in verb.children)
    )  # "where gangs raid villages", "where troops are stationed"
    if verb.dep_ != "relcl" or not present:
        return False
    return any(c.dep_ == "advmod" and c.lower_ in ("where", "wherever") for c in verb.children)


def habit(cand: Candidate, lex: Lexicon) -> bool:
    """A habit, not a happening: 'constantly strikes', 'frequent attacks', 'repeated violations'. Statement acts
    stay: a position stated is coded. The present simple alone is no habit: captions, headlines and live reports
    tell single happenings in it ('Demonstrators clash with police in Caracas'). A statement told as a habit with
    no one saying it ('such raids are usually blamed on bandits': a passive with no agent) is a common view, not a
    statement act."""
    words = [cand.token] if cand.nominal else [cand.token, clause_verb(cand)]
    if cand.type in STATEMENTS:
        return not cand.nominal and unsaid_habit(words[-1], lex)
    if _told_breach(cand, words[-1], lex):
        return False  # "said the rebels had violated the truce repeatedly": an accusation, however often the breach
    if any(_times_over(c) for word in words for c in word.children):
        return True  # "has itself been hit several times": acts, not one
    if _where_it_happens(words[-1]):
        return True  # "Nigeria's northwest, where armed gangs raid villages": what goes on there
    return any(
        c.dep_ in ("advmod", "amod") and c.lower_ in lex.frequency_words for word in words for c in word.children
    )


def _told_breach(cand: Candidate, verb: Token, lex: Lexicon) -> bool:
    """A breach of a truce told by a speaker ("X said Y had broken the truce"): what a party says another does, however
    often, is its accusation (truceline.events.absorb.fold_alleged makes it one row)."""
    if cand.nominal or not _told_by_another(verb, lex):
        return False
    # ... and so is a force told in the past ("said Houthi fighters had repeatedly fired on government positions"):
    # the series it charges, not a standing habit ("said gangs often raid villages")
    return cand.mode == "ceasefire_violated" or (cand.type == "ASSAULT" and verb.tag_ in ("VBD", "VBN"))


def unsaid_habit(verb: Token, lex: Lexicon) -> bool:
    children = list(verb.children)
    often = any(c.dep_ == "advmod" and c.lower_ in lex.frequency_words for c in children)
    passive = any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)
    # "the group often disputes government casualty figures": what a party is in the habit of saying, not a
    # statement made (one made and told as repeated, "has repeatedly asked", stays)
    return often and (passive or _present_simple(verb, lex))


_MANY = frozenset({"several", "many", "multiple", "numerous", "countless", "repeated", "dozens", "hundreds"})


def _times_over(child: Token) -> bool:
    """'several times', 'many times': an untold number of repetitions on the verb (a day's "three times" is kept,
    as one row of that day's acts)."""
    if child.dep_ != "npadvmod" or child.lemma_.lower() != "time" or child.lower_ != "times":
        return False
    return any(g.dep_ in ("amod", "nummod") and g.lower_ in _MANY for g in child.children)


def _present_simple(verb: Token, lex: Lexicon) -> bool:
    """A verb in the present simple, by its form as well as its tag (the tagger calls an unknown past 'retook'
    VBP): 'strikes', 'bomb' after a plural subject, 'has'."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    word, lemma = verb.lower_, trigger_lemma(verb, lex.verbs)
    if word in ("has", "have"):
        return True
    return word == lemma or (verb.tag_ == "VBZ" and word.endswith("s") and word.startswith(lemma[:-1]))


def describes_its_head(verb: Token, lex: Lexicon) -> bool:
    """A relative clause in the present simple whose subject is the relative pronoun ("militants who reject the
    protocol", "those who refuse", "Hamas, which rejects the truce"): it says what its head is or holds, not an act.
    One with a subject of its own ("Russia, which Tripoli accuses of ...") tells that subject's act."""
    if verb.dep_ != "relcl" or not _present_simple(verb, lex):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or all(c.tag_ in ("WP", "WDT") or c.lower_ == "that" for c in subjects)


_HOLDING = frozenset({"have", "maintain", "enjoy", "keep", "hold"})  # "has close ties to": a relation held


def _event_noun(token: Token, lex: Lexicon) -> bool:
    lemma = _lemma(token)
    return lemma in lex.nouns or lemma in lex.ceasefire_nouns or lemma in lex.event_carriers


def _goes_on(verb: Token) -> bool:
    """'had not stopped', 'has not ended': an ending told as not come, of an act under way (not 'must not stop')."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return any(c.dep_ == "neg" for c in verb.children) and not auxes & (_AHEAD - {"to"})


_TREND_ADJECTIVES = frozenset(
    {"common", "rare", "frequent", "routine", "widespread", "commonplace", "regular", "rampant", "endemic", "uncommon",
     "infrequent", "sporadic", "scarce"}
)  # fmt: skip


def _trend(verb: Token) -> bool:
    """'have become common', 'have been rare', 'are increasingly frequent', 'are a daily occurrence': how often such
    acts happen."""
    if _lemma(verb) not in ("be", "become", "grow", "remain"):
        return False
    if any(c.dep_ in ("acomp", "attr") and _lemma(c) in _TREND_ADJECTIVES for c in verb.children):
        return True
    return any(  # "a daily occurrence", "a regular feature of life", "an everyday sight"
        c.dep_ == "attr" and any(a.dep_ == "amod" and _lemma(a) in _OFTEN for a in c.children) for c in verb.children
    )


_OFTEN = _TREND_ADJECTIVES | {"daily", "nightly", "weekly", "everyday", "constant", "almost-daily"}


def _bare(token: Token) -> bool:
    """A plural or a mass noun with no determiner: 'kidnappings', 'shelling' (not 'the shelling', 'an attack')."""
    if token.tag_ == "NNS":
        return True
    return token.tag_ in ("NN", "VBG") and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


def _of_a_stretch(token: Token) -> bool:
    """'days of fighting', 'weeks of strikes': the acts of a stretch of time."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _STRETCHES


def _hit_by_a_device(noun: Token) -> bool:
    """The subject of 'hit a roadside bomb', 'struck a landmine': the one the device struck."""
    return noun.dep_ == "nsubj" and struck_a_device(noun.head)


_REFRAINING = frozenset({"refrain", "abstain", "desist"})


def _refrained_from(token: Token) -> bool:
    """The object of "refrained from", "abstained from", "desisted from": acts held back."""
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "from" and _lemma(token.head.head) in _REFRAINING


def _ended(token: Token, lex: Lexicon) -> bool:
    """The object of "an end to", "a cessation of", "a halt in"."""
    return token.head.lower_ in ("to", "of", "in") and _lemma(token.head.head) in lex.ending_nouns


_SERIES = frozenset({"series", "string", "spate", "wave", "succession", "run", "chain"})


def _the_latest_of(token: Token) -> bool:
    """'the latest in a series of attacks', 'the third in a string of raids': the acts the one told belongs to."""
    series = token.head.head
    if token.dep_ != "pobj" or token.head.lower_ != "of" or _lemma(series) not in _SERIES or series.dep_ != "pobj":
        return False
    return series.head.lower_ == "in" and series.head.head.tag_ in ("JJS", "JJ", "NN", "CD")


def kind(cand: Candidate, lex: Lexicon) -> bool:
    """A noun that names a kind of event or a trend, or what an end is put to, not one happening."""
    token = cand.token
    head = token.head
    if token.tag_ == "VBG" and token.dep_ == "pobj" and _ended(token, lex):
        return True  # "a two-month halt in fighting": the gerund is what is halted
    if token.tag_ == "VBG" and token.dep_ == "pobj" and _of_a_stretch(token) and cand.type != "CONSULT":
        return True  # "after days of fighting", the gerund read as a verb
    if token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj") and _lemma(head) in lex.ending_verbs:
        return True  # "will stop bombing the Houthis", "avoided shelling the town": what is stopped or avoided
    if token.tag_ == "VBG" and _refrained_from(token):
        return True  # "refrained from striking": not done
    if not cand.nominal:
        return False
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "de":
        return True  # "a de-escalation zone"
    if token.dep_ == "compound" and head.tag_.startswith("NN") and not _event_noun(head, lex):
        return True  # "the patrol route", "an attack helicopter"
    if token.dep_ == "pobj" and _ended(token, lex):
        return True  # "an end to the attacks", "a cessation of hostilities", "a halt in fighting"
    if _refrained_from(_first_conjunct(token)):
        return True  # "had refrained from further strikes on Iran": strikes not carried out
    if cand.type != "ASSAULT" and _hit_by_a_device(token):
        return True  # "their patrol hit a roadside bomb": the patrol is what was struck, not a deployment told
    if _the_latest_of(token):
        return True  # "the latest in a series of attacks on shipping": the kind the act is one of
    if _of_a_stretch(_first_conjunct(token)) and cand.type != "CONSULT":  # "weeks of rocket fire and airstrikes"
        return True  # "after four days of missile strikes", "weeks of fighting": a stretch of acts (talks held over
        # days are still one meeting)
    if token.dep_ == "nsubj" and _trend(head) and _bare(token):
        return True  # "kidnappings for ransom have become common", "violations have been rare since then"
    if token.dep_ == "nsubj" and (_lemma(head) in lex.ending_verbs or _comes_to_an_end(head)):
        # "these attacks should come to an end", "the shelling must stop"; but talks that ended were held, and
        # shelling that "had not stopped" goes on
        if _goes_on(head):
            return False
        return not (cand.type == "CONSULT" and head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in head.children))
    if _lemma(token) not in lex.abstract_events:
        return False
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children):
        return False  # "a military escalation by the regime"
    happening = token.dep_ == "nsubj" and (
        _lemma(head) in lex.happening_verbs or _lemma(head) in _CASUALTY or leaves_casualties(head)
    )  # "the fighting killed 30", "heavy fighting left 30 dead"
    # "suffered heavy casualties in the fighting around the airport": a side's losses place it as one happening
    borne = token.dep_ == "pobj" and head.lower_ in ("in", "during") and _lemma(head.head) in lex.loss_verbs
    # "25 civilians were killed in the fighting", "died in the fighting": deaths told as past place it as one
    # happening; "have been killed in the fighting" adds up a toll to now
    deadly = (
        token.dep_ == "pobj"
        and head.lower_ in ("in", "during")
        and _lemma(head.head) in _CASUALTY
        and not any(a.dep_ == "aux" and a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in head.head.children)
    )
    return not (happening or borne or deadly)


def _comes_to_an_end(verb: Token) -> bool:
    return _lemma(verb) == "come" and any(
        c.dep_ == "prep" and any(_lemma(g) == "end" for g in c.children) for c in verb.children
    )


_MEASURES = frozenset({"hour", "day", "week", "month", "round", "series", "session", "year", "night", "minute"})
_REFERRING = frozenset({"about", "after", "since", "during", "despite", "before", "following", "amid", "over", "of"})
_MAKING = frozenset({"sign", "reach", "agree", "broker", "conclude", "seal", "strike", "announce", "negotiate", "make"})


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
_TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "consultation"})


def reference(cand: Candidate, lex: Lexicon) -> bool:
    """Words that refer to an event or a text rather than report one: 'under a 2018 deal with Russia', 'the Sochi
    agreement requires', 'as agreed', 'the scale of the operation and reported attacks', a bare heading, 'asked
    about', 'told a news conference'."""
    token = cand.token
    if not any(t.tag_.startswith("VB") for t in token.doc):
        return True  # a heading with no verb: "Indiscriminate attacks"
    if not cand.nominal:
        if _lemma(token) == "cut" and any(c.lower_ == "short" for c in token.children):
            return True  # "the patrol was cut short": it ended early, nothing was cut off
        if cand.type == "RETREAT" and cand.mode == "release" and _released_information(token, lex):
            return True  # "tallies released by both sides", "released a statement"
        if _lemma(token) == "call" and any(_named_as(c) for c in token.children):
            return cand.type != "ACCUSE"  # "what it called a breach": naming, not a telephone call
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and not _has_subject(token):
            return True  # "as agreed under the deal", "as planned"
        if _undated_making_of(token, lex):
            return True  # "in breach of a ceasefire agreed in Moscow": the text, named by where it was made
        if cand.mode == "capture_territory" and _land_described(token):
            return True  # "Azerbaijan will keep the areas it captured": which land, not a capture told
        # "asked about the situation": a question, not a request
        return _lemma(token) == "ask" and any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children)
    if token.dep_ == "attr" and _lemma(token.head) == "be":
        return True  # "It was the fifth summit of the three powers": what something is, said of it
    if token.dep_ == "pobj" and token.head.lower_ == "as" and _lemma(token.head.head) in lex.judging_verbs:
        return True  # "condemned the raids as a violation of the truce": a name for the raids
    first = _first_conjunct(token)
    if first.dep_ == "pobj" and first.head.lower_ in _TOPIC_PREPS and _lemma(first.head.head) in _TALK_NOUNS:
        return True  # "talks on a Gaza ceasefire and the release of hostages": what is talked about
    if first is not token and first.dep_ == "pobj" and first.head.lower_ in _REFERRING:
        prep = first.head
        if not (prep.lower_ == "of" and _lemma(prep.head) in _MEASURES):
            return True  # "the scale of the military operation and reported attacks"
    if cand.type == "AGREE" and _lemma(token) in lex.document_nouns and cand.governor is None:
        if token.dep_ == "pobj" and token.head.lower_ == "under":
            return True  # "freed prisoners under a ceasefire deal brokered by Trump": the deal the act is done by
        return not _made(token)  # "under a 2018 deal", "the Sochi agreement requires", "previous deals"
    if cand.type == "CONSULT" and any(c.lower_ in ("news", "press") for c in token.children):
        return not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    return _fled(first, lex)


_FLEEING = frozenset({"flee", "escape"})


def _fled(noun: Token, lex: Lexicon) -> bool:
    """What people fled or escaped ("families who had fled the bombardment", "escaping the fighting in the north"):
    the acts are named as the reason of a flight, not told as a happening, unless the noun says who did them or when
    ("fled the shelling by the army on Monday", "fleeing army operations")."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "from" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or _lemma(verb) not in _FLEEING:
        return False
    if any(c.dep_ in ("prep", "agent") and c.lower_ in ("by", "on", "in") for c in noun.children):
        return False
    if any(c.dep_ in ("compound", "amod", "poss") and party_like(c, lex) for c in noun.children):
        return False  # "fleeing army operations", "fled the regime's bombardment": the doer is named
    # the parser often hangs the doer on the verb: "fled the shelling by the army"
    return not any(c.lower_ == "by" and any(party_like(g, lex) for g in c.children) for c in verb.children)


_LAND = frozenset(
    {"area", "land", "territory", "district", "region", "town", "village", "position", "ground", "part", "city",
     "province", "zone"}
)  # fmt: skip


def _land_described(verb: Token) -> bool:
    """A capture in a relative clause on the land taken, with no time of its own ("the areas it captured", "land
    seized by the army", "districts it has held since the 1990s" has one and stays): it says which land."""
    if verb.dep_ not in ("relcl", "acl") or _lemma(verb.head) not in _LAND:
        return False
    return not _own_time(verb)


def _undated_making_of(verb: Token, lex: Lexicon) -> bool:
    """A participle of making on a text with no time of its own, where the sentence tells of something else done to
    the text ("in breach of a ceasefire agreed in Moscow", "violated the truce signed in Doha"): it names the text,
    no happening of this report. Kept: a making that is dated ("the truce agreed on Saturday"), that says who made
    it ("brokered by Qatar", "agreed between X and Y"), or whose text the sentence tells of ("a truce agreed in Doha
    took effect": the row stands for the truce's news). The tagger often reads the participle as a finite verb,
    the text as its subject or right before it."""
    if _lemma(verb) not in _MAKING:
        return False
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("between", "with", "by")) for c in verb.children):
        return False  # "brokered by Qatar", "agreed between Turkey and Russia": it names who made it
    text = verb.head if verb.dep_ == "acl" else verb.doc[verb.i - 1] if verb.i > 0 else None
    if text is None or _lemma(text) not in lex.document_nouns:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ != "acl" and any(s.i != text.i and party_like(s, lex) for s in subjects):
        return False  # "the parties signed the truce, the deal agreed ...": a party makes it
    if verb.dep_ == "acl" or text.head.i != verb.i:
        told_of = text.dep_ in ("nsubj", "nsubjpass")  # "a truce agreed in Doha took effect"
    else:  # read as the text's own verb: "as a ceasefire agreed in Moscow took hold" tells of the text;
        # "Armenia violated the ceasefire agreed in Moscow" (the making the complement of an act) does not
        told_of = not (verb.dep_ == "ccomp" and _lemma(verb.head) not in lex.speech_verbs)
    if told_of and _life_of_a_text_after(verb):
        return False  # what the sentence tells is the text's coming into force or its end: the row stands for it
    if told_of and verb.dep_ != "acl":
        return False
    # "in breach of a ceasefire agreed in Moscow"; "The agreement, signed in Jeddah after two weeks of talks, commits
    # both sides to ...": the text, described, unless the making is dated
    return not _own_time(verb)


# verbs that tell a text's life: it takes effect or holds, comes or enters into force, begins, collapses, breaks
# down, expires, ends
_TEXT_LIFE = frozenset({"take", "come", "enter", "hold", "begin", "start", "collapse", "break", "expire", "end", "go"})


def _life_of_a_text_after(verb: Token) -> bool:
    """A verb of a text's life follows the participle in its sentence ("a ceasefire agreed in Moscow took hold")."""
    return any(t.tag_.startswith("VB") and _lemma(t) in _TEXT_LIFE for t in verb.doc[verb.i + 1 :])


_TIME_WORDS = frozenset(
    {"yesterday", "today", "tonight", "last", "this", "next", "earlier", "ago", "previous", "same", "morning", "night"}
)


def _own_time(verb: Token) -> bool:
    """The participle's own words pin a time ("on Saturday", "in March", "last week", "in 2018"); a length of time
    ("after two weeks of talks") does not."""
    from truceline.timex.lexicon import lexicon

    names = lexicon().months.keys() | lexicon().weekdays.keys()
    own = [c for c in verb.children if c.dep_ not in ("ccomp", "conj", "advcl", "xcomp", "nsubj")]
    return any(
        t.ent_type_ in ("DATE", "TIME")
        and (t.lower_ in names or t.lower_ in _TIME_WORDS or (t.is_digit and len(t.text) == 4))
        for c in own
        for t in c.subtree
    )


def naming(verb: Token | None) -> bool:
    """'called the agreement a first step': a verb that names its object, which it does not make or carry out."""
    return verb is not None and _lemma(verb) == "call" and any(_named_as(c) for c in verb.children)


def _named_as(child: Token) -> bool:
    """What a verb of calling names its object ("called it a breach"), not a day the parser takes for one ("called
    Thursday on Arabs to unite": when the call was made)."""
    return child.dep_ == "oprd" and child.ent_type_ not in ("DATE", "TIME")


def _released_information(verb: Token, lex: Lexicon) -> bool:
    """A release of words or figures ('tallies released by both sides', 'released a statement'), not of people or
    property (CAMEO's release covers both of those)."""
    if verb.dep_ in ("acl", "relcl"):
        patients = [verb.head]
    else:
        patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(trigger_lemma(p, lex.information_nouns) in lex.information_nouns for p in patients)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)


def _made(noun: Token) -> bool:
    """The text is made, broken or kept in the clause: 'a deal signed in September', 'reached a deal'."""
    if any(c.dep_ in ("acl", "relcl") and _lemma(c) in _MAKING for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and head.tag_.startswith("VB") and _lemma(head) in _MAKING


_MAYBE = frozenset({"could", "might", "may"})
# What a party warns another it will face: "warned of retaliation", "of serious consequences".
_WARNED_PRICES = frozenset(
    {"retaliation", "consequence", "response", "reprisal", "retribution", "punishment", "action", "force", "measure"}
)


def forecast(cand: Candidate, lex: Lexicon) -> bool:
    """A warning that foretells, threatening no one: "warned that further violations could unravel the talks",
    "warned of a cholera outbreak". A warning to a party ("warned Israel against", "warned residents to leave"), of
    what it will face ("warned of retaliation") or of what the warner will do ("warned that it would respond") is
    a threat."""
    token = cand.token
    if cand.nominal or cand.type != "THREATEN" or _lemma(token) != "warn":
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    told = [c for c in token.children if c.dep_ == "ccomp"]
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:  # "warned of retaliation" threatens; so does a warning about a party ("warned of the Prince")
        return not any(_lemma(g) in _WARNED_PRICES or party_like(g, lex) for g in of)
    if len(told) != 1:
        return False
    verb = told[0]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    maybe = any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children)
    # "warned that an assault would put thousands at risk": what a thing would do (not "would be met with force")
    would = any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children
    )
    return (maybe or would) and subject is not None and subject.pos_ != "PRON" and not party_like(subject, lex)


def hypothetical(cand: Candidate) -> bool:
    """An act in a condition, done by 'whoever', or in the background clause of 'since'."""
    verb = clause_verb(cand)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in _ANYONE and not (cand.type == "THREATEN" and _lemma(verb) in _PRICED):
        return True  # "whoever targets our soldiers" (but "anyone who fires on us will pay a price" is a threat)
    if verb.dep_ == "relcl" and verb.head.lower_ in _ANYONE:
        return True  # "anyone who attacks"
    if verb.dep_ in ("relcl", "acl") and any(c.dep_ == "det" and c.lower_ in _ANY for c in verb.head.children):
        return True  # "will strike any group that attacks our posts", "crush any attempt to advance": if one does
    if _opened_by_since(verb):
        return True  # "since the fighting erupted on Sept. 27"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in verb.children):
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
        if head_aux & {"will", "would", "shall", "'ll"}:
            return True  # "the blows would continue until government forces withdrew": what would end them
    if (
        cand.nominal
        and subject is not None
        and subject.i == cand.token.i
        and verb.dep_ == "ccomp"
        and _lemma(verb.head) == "warn"
        and any(c.dep_ == "aux" and c.lower_ in ("would", *_MAYBE) for c in verb.children)
    ):
        return True  # "warned that an assault on the city would put thousands at risk": what one would do if it came
    current = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in current.children):
            return True  # "if Armenia does not stop shelling our cities"
        if current.dep_ not in _UP_CONDITION or current.head.i == current.i:
            return False
        current = current.head
    return False


def cumulative(cand: Candidate, lex: Lexicon) -> bool:
    """Killing added up over a stretch: 'killed 1,300 civilians since then', 'have been killed so far during the
    war', 'the war has killed 370,000': a toll, not one attack."""
    verb = clause_verb(cand)
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "killed ..., displaced, besieged and denied aid since"
        verb = verb.head
        if _lemma(verb) in _CASUALTY:
            return _toll(verb, verb, lex)
    if cand.type not in ("ASSAULT", "COERCE"):
        return False
    if cand.mode == "ceasefire_violated" and not cand.nominal and _many_broken(cand.token):
        return True  # "several previous ceasefires have been violated": a tally of breaches, no one breach
    if _toll(cand.token, clause_verb(cand), lex, cand.extra):
        return True
    if cand.mode == "ceasefire_violated" and _told_by_another(clause_verb(cand), lex):
        return False  # "Berri said Israel had committed more than 50 violations since Wednesday": his accusation
    if cand.mode == "capture_territory":
        return False  # ground taken since a day is the front line now: kept
    if cand.nominal:  # "have stepped up attacks on security forces since a truce collapsed": a trend of acts
        noun = cand.token
        return noun.tag_ == "NNS" and noun.dep_ == "dobj" and _added_up_since(noun.head, counted=False)
    return _added_up_since(clause_verb(cand))


def _told_by_another(verb: Token, lex: Lexicon) -> bool:
    """A clause a speech verb tells ("X said Y had ..."): what it counts is the speaker's charge, not a tally."""
    return verb.dep_ == "ccomp" and _lemma(verb.head) in lex.speech_verbs


_SEVERAL = frozenset({"several", "many", "numerous", "multiple", "previous", "earlier", "past", "all", "repeated"})


def _many_broken(verb: Token) -> bool:
    """A passive whose subject is truces in the plural, in the perfect or counted: 'previous ceasefires have been
    violated', 'several earlier truces were violated within hours'."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if subject is None or subject.tag_ != "NNS":
        return False
    return perfect or any(c.lower_ in _SEVERAL or c.like_num for c in subject.children)


_COUNTS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens"})


def _added_up_since(verb: Token, counted: bool = True) -> bool:
    """'The Houthis have attacked dozens of ships since November', 'the ELN has kidnapped at least 20 people since
    the ceasefire began': acts of force in the present perfect on a number of targets counted from a day on are a
    tally, not one act ("warplanes have pounded towns since April", with no count, is the campaign, dated from
    then; ground taken is a front line, kept)."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if not perfect or target is None:
        return False
    count = target.lower_ in _COUNTS or any(c.dep_ == "nummod" or c.lower_ in _COUNTS for c in target.subtree)
    if counted and not count:
        return False
    return any((c.dep_ == "prep" and c.lower_ == "since") or _opened_by_since(c) for c in verb.children)


def _opened_by_since(clause: Token) -> bool:
    """'since the war began': a clause opened by "since", the background of what the verb it hangs on tells."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children)


_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def _last_span(noun: Token) -> bool:
    """'the past 24 hours', 'the last week', 'the previous three days', 'the same period', 'that period'."""
    if _lemma(noun) == "period" and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in noun.children):
        return True
    return _lemma(noun) in _UNITS | {"period"} and any(
        c.dep_ == "amod" and c.lower_ in ("past", "last", "previous", "same") for c in noun.children
    )


def _of_years(noun: Token) -> bool:
    """'fighting in 2019 and 2020', 'the violence during 2021': acts of a whole year or more."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during", "throughout", "since")
        and any(re.fullmatch(r"(19|20)\d\d", g.text) for g in c.subtree if g.i != c.i)
        for c in noun.children
    )


def _perfect_thousands(verb: Token) -> bool:
    """A count in the thousands told in the present perfect with no day ("has killed more than 10,000")."""
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for num in (t for t in obj.subtree if t.like_num or t.lower_ in _BY_THE_THOUSAND):
            digits = num.text.replace(",", "")
            if (digits.isdigit() and int(digits) >= 1000) or num.lower_ in _BY_THE_THOUSAND:
                return True  # "has killed tens of thousands of people"
    return False


_BY_THE_THOUSAND = frozenset({"thousands", "millions"})


def _war_above(noun: Token) -> Token | None:
    """The war a noun's phrase belongs to when the parser hangs a relative clause on a word inside it ("the war in
    the autumn of 2020, which killed ..."): up through prepositions, at most two of them."""
    for _ in range(2):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
        if _lemma(noun) in _WARS:
            return noun
    return None


def _toll(token: Token, clause: Token, lex: Lexicon, extra: list[Token] | None = None) -> bool:
    verbs = [clause, *(extra or [])]
    if not any(_lemma(v) in _CASUALTY for v in [token, *verbs]):
        return False
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in lex.toll_scopes:
                return True  # "so far", "overall"
            if (
                child.dep_ == "npadvmod"
                and _lemma(child) == "year"
                and any(c.lower_ in ("last", "this", "past") for c in child.children)
            ):
                return True  # "shelling killed dozens on both sides last year": a year's toll over many acts
            if _opened_by_since(child):
                return True  # "have died since the war began"
            if child.dep_ != "prep":
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if child.lower_ == "since":
                return True
            if child.lower_ in ("to", "in") and any(g.lower_ in lex.toll_scopes for g in objects):
                return True  # "to date", "in total", "in all"
            if child.lower_ in ("during", "throughout", "over") and any(_lemma(g) in _WARS for g in objects):
                return True
            if child.lower_ in ("in", "over", "during", "within") and any(_last_span(g) for g in objects):
                return True  # "were killed in the past 24 hours": a day's toll over many acts
        if _perfect_thousands(verb):
            return True  # "Israel says it has killed more than 10,000 Hamas fighters": a war's count
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        holder = verb
        if subject is None and verb.dep_ == "conj":  # "a war that broke out ... and has killed": the shared subject
            holder = verb.head
            subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ == "WDT" and holder.dep_ == "relcl":
            subject = holder.head  # "a war that has killed thousands": the war the pronoun stands for
            subject = _war_above(subject) or subject  # "the war in the autumn of 2020, which killed ...": the war
        elif subject is not None and subject.tag_ == "WDT" and verb.dep_ == "ccomp":
            # "a war broke out that has killed thousands", the clause set after the verb: its subject's
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), subject)
        if subject is not None and _lemma(subject) in _WARS and subject.i != token.i:
            return True  # "Syria's war has killed more than 370,000 people"
        subject = subject or next((c for c in verb.children if c.dep_ == "csubj"), None)  # "Fighting in ..." as a verb
        if subject is not None and (_lemma(subject) in _WARS or subject.lower_ in _WARS) and _of_years(subject):
            return True  # "Fighting in 2019 and 2020 killed hundreds of civilians": the years' toll
        if subject is not None and subject.lower_ in _STRETCHES and any(c.lower_ == "of" for c in subject.children):
            return True  # "days of fighting along the border killed dozens": the toll of a stretch of acts
    return False


def not_an_event(cand: Candidate, lex: Lexicon) -> str | None:
    """Why `cand` names no happening a coder would code (aim, provision, standing, reference, habit, kind,
    hypothetical, cumulative, accident, a word in its other sense, sourcing, asked for, a state, a homecoming, a
    negated manner), or None when it may be
    one."""
    if aim(cand, lex):
        return "aim"
    if provision(cand, lex):
        return "provision"
    if standing(cand, lex):
        return "standing"
    if reference(cand, lex):
        return "reference"
    if habit(cand, lex):
        return "habit"
    if kind(cand, lex):
        return "kind"
    if hypothetical(cand):
        return "hypothetical"
    if forecast(cand, lex):
        return "forecast"
    if cumulative(cand, lex):
        return "cumulative"
    if accident(cand):
        return "accident"
    if other_sense(cand):
        return "other sense"
    if sourcing(cand):
        return "sourcing"
    if asked_for(cand, lex):
        return "asked for"
    if intercepted_part(cand):
        return "interception"
    if found_state(cand):
        return "state"
    if homecoming(cand):
        return "homecoming"
    if the_victims(cand):
        return "reference"
    if _without(cand.token):
        return "negated manner"  # "without providing evidence", "without firing a shot": what was not done
    if _going_on_meanwhile(cand):
        return "background"  # "..., as hostilities between Israel and Hezbollah continued along the border"
    return None


_GOING_ON = frozenset({"continue", "persist", "rage", "grind", "drag", "escalate", "intensify", "simmer"})


def _going_on_meanwhile(cand: Candidate) -> bool:
    """An event noun that goes on in a clause of "as" or "while" on the sentence's act: the situation the act
    happened in, told as background."""
    token = cand.token
    verb = token.head
    if not cand.nominal or token.dep_ != "nsubj" or _lemma(verb) not in _GOING_ON:
        return False
    if verb.dep_ != "advcl" or _lemma(verb.head) in _STATE_VERBS:
        return False  # "the situation remained critical as attacks by the regime continue": why, told as a claim
    if any(_at_a_named_place(c) for c in (*verb.children, *token.children)):
        return False  # "as fighting continued around the railway town of Debaltseve": a battle at a place, coded
    return any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)


def _at_a_named_place(prep: Token) -> bool:
    return (
        prep.dep_ == "prep"
        and prep.lower_ in ("around", "in", "near", "at", "outside", "inside", "over", "across", "along")
        and any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" for t in prep.subtree)
    )


_STATE_VERBS = frozenset({"remain", "be", "stay", "seem", "appear", "look"})


def _without(token: Token) -> bool:
    return token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without" and token.head.dep_ == "prep"


_HARMED = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def the_victims(cand: Candidate) -> bool:
    """'the people killed were mostly fighters', 'those wounded were taken to hospital': a participle naming the
    victims of an act told before, as who they are, not a second act (no doer of its own)."""
    token = cand.token
    if cand.nominal or token.tag_ != "VBN" or token.lemma_.lower() not in _HARMED:
        return False
    if any(c.dep_ in ("agent", "aux", "auxpass") for c in token.children):
        return False
    if token.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "attr") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return True  # "were among the wounded", "the injured were taken to hospital": the people, used as a noun
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.dep_ != "acl" and after is not None and after.lemma_ == "be" and after.tag_ in ("VBD", "VBZ", "VBP"):
        # "said the people killed were mostly fighters": the parser makes "killed" a verb with "people" its subject
        victims = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return victims is not None and any(c.dep_ == "det" and c.lower_ in ("the", "those") for c in victims.children)
    if token.dep_ != "acl":
        return False
    head = token.head
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in head.children)
    return (definite or head.lower_ in ("those", "all")) and head.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")


_STATES_OF_PLACES = frozenset(
    {"calm", "normality", "normalcy", "life", "peace", "quiet", "order", "stability", "power", "electricity",
     "water", "service", "tension", "violence", "fighting", "shelling", "gunfire"}
)  # fmt: skip
_HOMECOMING = frozenset({"return", "come", "go", "head", "drive", "walk", "flock", "stream", "travel"})
_PEOPLE = frozenset(
    {"family", "refugee", "resident", "civilian", "people", "villager", "evacuee", "displaced", "student", "worker",
     "pilgrim", "household", "inhabitant", "migrant", "returnee", "thousand", "hundred", "dozen"}
)  # fmt: skip


def homecoming(cand: Candidate) -> bool:
    """'families returned to their villages', 'thousands drove south to return to their homes': people going home
    is a movement, no act of one party on another (a release is "returned 90 prisoners", with what is handed back);
    and 'calm returned to the area' tells a state."""
    token = cand.token
    if cand.nominal or token.lemma_.lower() != "return" or any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return False
    verb = token
    while verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in _HOMECOMING | {"begin", "start", "want"}:
        verb = verb.head  # "began returning", "drove south to return": whoever began or drove
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in _PEOPLE | _STATES_OF_PLACES


_FINDING = frozenset({"find", "see", "discover", "leave", "keep"})


def found_state(cand: Candidate) -> bool:
    """'many found their homes destroyed', 'left the town looted': a participle telling the state someone finds
    or leaves a thing in, not an act told with its doer and day (the act that caused it, when told, is its own row)."""
    token = cand.token
    if cand.nominal or token.tag_ != "VBN" or token.dep_ not in ("ccomp", "oprd", "xcomp", "acomp"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in token.children):
        return False
    return token.head.lemma_.lower() in _FINDING and token.head.i < token.i


_OF = frozenset({"of"})
_INTERCEPTING = frozenset({"shoot", "intercept", "down", "destroy", "neutralise", "neutralize"})
_SALVO = frozenset({"drone", "drones", "missile", "missiles", "rocket", "rockets", "projectile", "projectiles"})


def intercepted_part(cand: Candidate) -> bool:
    """'Air defences shot down 35 of the drones': part of a salvo told before, stopped on its way; the attack is
    the salvo's row, the interception no act of its own."""
    if cand.nominal or _lemma(cand.token) not in _INTERCEPTING:
        return False
    stopped = next((c for c in cand.token.children if c.dep_ == "nsubjpass"), None)
    if stopped is not None:
        # "most of the rockets were intercepted (by its air defences)": the salvo told before, stopped
        whole = _prep_object(stopped, _OF) if stopped.lower_ in ("most", "all", "some", "many", "none") else stopped
        if whole is not None and whole.lower_ in ("which", "that"):  # "1,000 rockets, most of which were ..."
            whole = next((t for t in reversed(stopped.doc[: stopped.i]) if t.lower_ in _SALVO), None)
        return whole is not None and whole.lower_ in _SALVO
    target = next((c for c in cand.token.children if c.dep_ == "dobj"), None)
    if target is None:
        return False
    whole = _prep_object(target, _OF)
    return (
        whole is not None
        and whole.lower_ in _SALVO
        and any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in whole.children)
    )


def asked_for(cand: Candidate, lex: Lexicon) -> bool:
    """What a demand asks in a that-clause with a bare verb ("marched to demand that the government drop the bill",
    "insisted that Russia withdraw its troops"): asked for, not done, even when the demand itself is no row (here
    the march's aim)."""
    if cand.nominal:
        return False
    verb = clause_verb(cand)
    head = verb.head
    if verb.dep_ != "ccomp" or verb.tag_ != "VB" or any(c.dep_ == "aux" for c in verb.children):
        return False
    lemma = trigger_lemma(head, lex.verbs)
    return lemma in lex.verbs and lex.verbs[lemma][0] == "REQUEST"


_UNNAMED = frozenset({"named", "identified", "anonymity", "anonymous", "identity", "quoted"})


def sourcing(cand: Candidate) -> bool:
    """How the report got its words, not an act: 'asking not to be named', 'requested anonymity', 'asked that his
    identity be withheld'."""
    if cand.type != "REQUEST" or _lemma(cand.token) not in ("ask", "request", "demand", "insist"):
        return False
    return any(t.lower_ in _UNNAMED for t in cand.token.subtree)


# "causing a fire that the crew brought under control", "a fire broke out": a blaze, not gunfire
_BLAZE_CAUSES = frozenset({"cause", "start", "spark", "ignite", "trigger", "extinguish", "fight", "douse", "contain"})
_BLAZE_DOES = frozenset({"break", "spread", "rage", "engulf", "gut", "destroy", "burn"})
# "a major coltan mine", "the gold mine": a pit, not a landmine
_MINED = frozenset(
    {
        "gold",
        "coltan",
        "copper",
        "coal",
        "diamond",
        "cobalt",
        "tin",
        "lithium",
        "uranium",
        "iron",
        "salt",
        "silver",
        "artisanal",
        "open-pit",
        "mineral",
        "zinc",
        "bauxite",
        "emerald",
        "jade",
        "ruby",
        "phosphate",
        "nickel",
    }
)


def other_sense(cand: Candidate) -> bool:
    """An attack noun in its other sense: a fire that is a blaze ("causing a fire", "a fire broke out", "the fire
    was brought under control"), a mine that is a pit ("a coltan mine"), a violation of sovereignty or law (a
    judgement, not a truce broken); views that clash (`_ideas_clash`)."""
    if not cand.nominal:
        return _ideas_clash(cand.token)
    noun = cand.token
    word = noun.lemma_.lower()
    if word == "fire":
        if noun.dep_ == "dobj" and _lemma(noun.head) in _BLAZE_CAUSES:
            return True
        if noun.dep_ == "nsubj" and _lemma(noun.head) in _BLAZE_DOES:
            return True
        return any(c.dep_ == "relcl" and any(g.lower_ == "control" for g in c.subtree) for c in noun.children)
    if word == "mine":
        return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _MINED for c in noun.children)
    if word in ("violation", "breach"):
        # "a violation of Iraqi sovereignty", "a breach of international law": a judgement of an act, no truce broken
        what = _prep_object(noun, _OF)
        return what is not None and what.lemma_.lower() in _NOT_A_TRUCE
    return False


# what "clashes with" something without fighting: "that position appears to clash with the Geneva text"
_IDEAS = frozenset(
    {"position", "view", "stance", "policy", "plan", "statement", "remark", "claim", "account", "version", "text"}
    | {"proposal", "decision", "report", "interest", "demand", "schedule", "date", "idea", "figure", "law", "rule"}
)


def _ideas_clash(verb: Token) -> bool:
    """'That position appears to clash with the Geneva text': views or texts at odds, not a fight."""
    if _lemma(verb) != "clash":
        return False
    holder = verb.head if verb.dep_ == "xcomp" else verb  # "appears to clash": the subject of "appears"
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in _IDEAS


_NOT_A_TRUCE = frozenset(
    {"sovereignty", "law", "right", "charter", "norm", "convention", "principle", "airspace", "integrity", "order"}
)


# what befalls people by no one's hand: "were injured when a boat capsized", "killed in a car crash"
_MISHAP_VERBS = frozenset({"capsize", "sink", "crash", "collapse", "derail", "overturn", "drown"})
_MISHAP_NOUNS = frozenset({"accident", "crash", "collapse", "earthquake", "flood", "landslide", "stampede", "fire"})
_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die"})


def accident(cand: Candidate) -> bool:
    """A casualty verb with no doer whose cause is a mishap: "dozens were injured when a boat carrying refugees
    capsized", "three soldiers were killed in a helicopter crash". No one acted; coders code no violence."""
    verb = cand.token
    if cand.nominal or verb.lemma_.lower() not in _HARM_VERBS:
        return False
    if any(c.dep_ in ("nsubj", "agent") for c in verb.children) or cand.extra:
        return False
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in _MISHAP_VERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in _MISHAP_NOUNS:
                return True
    return False
