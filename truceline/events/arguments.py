"""Agent and recipient of a trigger, read off the dependency parse: the argument slots of a verb, the agent of a
clause reached through xcomp/relcl chains, the nouns near a trigger as a last resort. Phrases in those slots become
actors in mentions.py."""

from __future__ import annotations

from typing import Any

from truceline.events.lexicon import load_lexicon
from truceline.events.triggers import Candidate, Token, died, doc_text

_AGENT_PREPS = frozenset({"by", "from"})
_RECIPIENT_PREPS = frozenset({"on", "against", "at", "upon", "toward", "towards", "with", "to", "into", "for"})
_WITH_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "SANCTION", "REJECT"})
_FORCE = frozenset({"ASSAULT", "COERCE", "THREATEN"})
_FIRING = frozenset({"fire", "launch", "shell", "bombard", "lob", "strike"})
_BACKGROUND = frozenset({"after", "before", "since", "because", "although", "though", "until"})
# prepositions that set an act against another happening or a circumstance ("surrendered following a government
# offensive", "fled amid fighting between X and Y"): the nouns under them name that happening's parties, not this one's
_CIRCUMSTANCE = _BACKGROUND | frozenset({"following", "amid", "amidst", "during", "despite", "ahead", "prior"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "them", "who", "which", "that"})
# a text that speaks for its author ("a statement from X said", "the announcement by X came at")
STATEMENT_NOUNS = frozenset({"announcement", "remark", "comment", "statement", "declaration", "speech", "communique"})


def _party_words() -> frozenset[str]:
    return load_lexicon().party_words


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# words the parser takes for a subject when they open a prepositional phrase ("thanks to air support, gained")
_PHRASAL_PREPOSITIONS = frozenset({"thanks", "due", "owing", "according"})


def _phrasal_preposition(token: Token) -> bool:
    return token.lower_ in _PHRASAL_PREPOSITIONS and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)


# verbs whose subject does nothing to others: "X were among the dead", "20 people died"
_NO_DOERS = frozenset({"be", "die", "perish", "drown", "starve", "suffocate"})


# verbs of causing whose object does what their infinitive says ("prompting the UN to call for calm")
_OBJECT_CONTROL = frozenset({"prompt", "force", "lead", "cause", "spur", "drive", "push", "compel", "oblige"})


def _subject(verb: Token) -> Token | None:
    """The agent of a verb, following xcomp/conj/relcl chains ("agreed to turn", "forces that attacked")."""
    seen = 0
    raised = False
    while verb is not None and seen < 6:
        seen += 1
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _WRITTEN_ACTS and _issued(verb.head):
            # "the Security Council adopted a resolution that endorsed the package": the council endorsed it
            verb = verb.head.head
            continue
        for child in verb.children:
            if _phrasal_preposition(child):
                continue  # "and, thanks to Russian air support, gained control": the subject is the first verb's
            stative = child.dep_ == "nsubjpass" and _stative(verb)
            if child.dep_ in ("nsubj", "csubj") or (raised and child.dep_ == "nsubjpass") or stative:
                # "X was concerned about it and called for": the one concerned calls
                if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.tag_.startswith("NN"):
                    child = _named_by_apposition(verb.head)  # "M23 rebels, who seized Goma": the pronoun stands
                    # for the noun it follows
                elif child.lower_ in ("who", "which") and verb.dep_ != "relcl":
                    child = _antecedent(child) or child  # the parser hung the relative clause elsewhere
                subject = _past_dateline(child)  # "X are expected to send envoys": X sends
                if subject is not None:
                    subject = statement_author(subject)  # "a statement from X said ... and called for": X
                if subject is not None or not any(
                    c.dep_ == "nsubj" and c.i > child.i for c in verb.children
                ):  # "ANKARA, Feb 12 (Wire) - Erdogan gave": the parser's second subject is the real one
                    return subject
                continue
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        raised = verb.dep_ == "xcomp"
        if raised and verb.head.lemma_.lower() in _OBJECT_CONTROL:
            # "gunfire erupted, prompting the UN mission to call for calm": the one prompted calls
            prompted = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if prompted is not None:
                return prompted
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("of", "for") and verb.head.dep_ == "prep":
            # "accused X of shelling", "blamed X for firing": the one accused is the agent
            accused = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            owner = verb.head.head
            if accused is None and owner.dep_ == "dobj" and owner.head.lemma_.lower() in load_lexicon().accuse_verbs:
                accused = owner  # "accused government forces of shelling", the parser hanging "of" on the forces
            if accused is None and owner.dep_ == "pobj" and owner.head.dep_ == "agent":
                owner = owner.head.head  # "were accused by rights groups of executing", "of" hung on the accusers
            if accused is None and owner.lemma_.lower() in load_lexicon().accuse_verbs:
                # "the fighters were accused (by rights groups) of executing civilians": the passive's subject
                accused = next((c for c in owner.children if c.dep_ == "nsubjpass"), None)
            if accused is not None and accused.tag_ in ("WDT", "WP") and owner.dep_ == "relcl":
                accused = owner.head  # "Russia, which Tripoli accuses of backing Haftar": Russia backs
            if accused is not None:
                return accused
        if verb.dep_ in ("relcl", "acl") and verb.head.tag_.startswith("NN"):
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and _issued(verb.head):
                verb = verb.head.head  # "issued a statement demanding": whoever issued it demands
                continue
            if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT":
                # "The UN's humanitarian chief, X, called on all parties": a finite past the parser hung on the
                # sentence's only noun as if a participle ("a man called X" is VBN); that noun is its subject
                return verb.head
            if verb.dep_ == "acl" and to_infinitive(verb) and verb.head.lemma_.lower() in PLAN_NOUNS:
                return _planner(verb.head)  # "Hamas announced a plan to release", "their attempt to storm"
            return verb.head if verb.dep_ == "relcl" or verb.tag_ == "VBG" else None
        teller = telling_joined(verb) if verb.dep_ == "conj" else None
        if teller is not None:
            verb = teller  # "said rebels had violated the truce and accused Turkey": the sayer accused
            continue
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "dobj" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _OWN_GERUND:
            verb = verb.head  # "Armenia denied firing on the city", "the army resumed shelling": the same subject
            continue
        if verb.dep_ == "pobj" or verb.dep_ == "prep":
            verb = verb.head
            continue
        return None
    return None


# verbs whose subject does the act of their gerund object ("denied firing", "resumed shelling"); not those that tell
# of another's ("reported no new shelling", "condemned the shelling")
_OWN_GERUND = frozenset(
    {"deny", "admit", "acknowledge", "confess", "stop", "halt", "cease", "resume", "continue", "start", "begin",
     "avoid", "suspend", "keep", "intensify", "escalate", "end", "finish", "try", "attempt", "risk", "plan",
     "consider"}
)  # fmt: skip
# Nouns of meaning to act whose infinitive is their owner's act: "a plan to release", "an attempt to storm", "a bid to
# retake", "a decision to withdraw".
PLAN_NOUNS = frozenset(
    {"plan", "attempt", "bid", "effort", "decision", "intention", "pledge", "promise", "offer", "move", "push", "drive",
     "offensive", "campaign", "operation", "mission", "plot", "scheme", "readiness", "willingness", "threat"}
)  # fmt: skip
# verbs whose subject owns the plan named as their object ("announced a plan", "launched a bid", "made an attempt")
_OWNING = frozenset(
    {"announce", "launch", "make", "unveil", "mount", "begin", "start", "renew", "outline", "present", "adopt",
     "approve", "take", "pursue", "intensify", "declare", "step", "lead", "stage", "reaffirm", "reiterate", "have"}
)  # fmt: skip


def _named_by_apposition(noun: Token) -> Token:
    """ "Nabih Berri, the parliament speaker who negotiated": the one named, whom the description is of."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.pos_ != "PROPN":
        return noun.head
    return noun


_DEVICES = frozenset({"bomb", "mine", "landmine", "ied", "device", "explosive", "explosives"})


def struck_a_device(verb: Token) -> bool:
    """'hit a roadside bomb', 'struck a landmine', 'ran over a mine': the subject is what the device struck."""
    if verb.lemma_.lower() not in ("hit", "strike", "run", "drive", "step"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [  # "ran over a mine", "stepped on a mine"; not "hit the convoy with a roadside bomb"
        g for c in verb.children if c.lower_ in ("over", "on", "into") for g in c.children if g.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in _DEVICES for o in objects)


def _antecedent(pronoun: Token) -> Token | None:
    """The noun right before ", who" or ", which" ("backing the M23 rebels, who have seized"), when the parser did
    not hang the clause on it."""
    doc, i = pronoun.doc, pronoun.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or not doc[i].tag_.startswith("NN"):
        return None
    return _named_by_apposition(doc[i])


_OCCASIONS = frozenset(
    {"talk", "talks", "meeting", "summit", "conference", "negotiation", "negotiations", "ceremony", "session", "round"}
)


def _occasion(token: Token) -> bool:
    """'signed a ceasefire at talks hosted by the UN', 'at a ceremony': the occasion of the act, never a party (nor,
    through its host, the one it was done to)."""
    return token.dep_ == "pobj" and token.head.lower_ in ("at", "during") and token.lemma_.lower() in _OCCASIONS


def to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it: "to release", "to storm"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _planner(noun: Token) -> Token | None:
    """Whose plan, attempt or bid: its possessor ("their attempt"), who it is by ("a plot by rebel members"), or
    the subject of the verb that makes it ("the army launched a bid to retake")."""
    owned = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _OWNING
    for child in noun.children:
        if child.dep_ == "poss" and not (owned and child.lower_ in _PRONOUNS):
            return child  # "Russia announced its decision": Russia's, not the pronoun's
        if child.dep_ == "prep" and child.lower_ == "by":
            by = next((g for g in child.children if g.dep_ == "pobj"), None)
            if by is not None:
                return by
    return _subject(noun.head) if owned else None


_NOT_WHOSE = frozenset(
    {"joint", "separate", "brief", "short", "new", "earlier", "later", "written", "official", "final"}
)


def joins_the_telling(verb: Token) -> bool:
    """A simple past conjoined to a past perfect that a simple past reports ("said rebels had violated the truce
    and accused Turkey"): the parser hangs it on the reported verb, but its tense is the telling's, so it is the
    teller's second act, with the teller as subject."""
    return telling_joined(verb) is not None


def telling_joined(verb: Token) -> Token | None:
    """The speech verb whose second act `verb` is (joins_the_telling), or None."""
    head = verb.head
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    said = _said_of_a_thing(verb) or _said_of_the_dead(verb) or _said_beside_a_progressive(verb)
    if said is not None:
        return said
    if verb.tag_ != "VBD" or head.tag_ != "VBN" or head.dep_ != "ccomp" or head.head.tag_ != "VBD":
        return None
    if not _a_telling_act(verb):
        # "said troops had advanced ... and seized several heights": an act of force is the reported clause's (the
        # tagger's VBD is only a guess where the two forms are spelt alike); a teller's second act is a statement
        return None
    return head.head if any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children) else None


_REPORTED_PATH = frozenset({"ccomp", "relcl", "acl", "attr", "dobj"})


def _teller_above(
    clause: Token, path: frozenset[str] = _REPORTED_PATH, steps: int = 4, tag: str = "VB"
) -> Token | None:
    """The speech verb, with a subject of its own, that tells the clause `clause` heads: up through the relations of
    `path`, at most `steps` of them, to a verb whose tag starts with `tag`."""
    teller = clause
    for _ in range(steps):
        if teller.dep_ not in path or teller.head.i == teller.i:
            return None
        teller = teller.head
        if teller.tag_.startswith(tag) and teller.lemma_.lower() in load_lexicon().speech_verbs:
            break
    else:
        return None
    return teller if any(c.dep_ == "nsubj" for c in teller.children) else None


def _said_of_a_thing(verb: Token) -> Token | None:
    """'Congo's government said the rebels' advance amounted to a declaration of war and cut ties with Kigali',
    'Pompeo said there was no evidence the attacks came from Yemen and blamed Iran': the reported clause's subject
    is an act, which does nothing a party does; the verb joined to it is the teller's (returned)."""
    head = verb.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_ or subject.lemma_.lower() in _party_words():
        return None
    teller = _teller_above(head)  # up through the reported clause to the verb that tells it
    if teller is None:
        return None
    # the teller's own kind of act (a statement, a sanction); "the shelling intensified and killed five" is the
    # shelling's
    entry = load_lexicon().verbs.get(verb.lemma_.lower())
    return teller if entry is not None and (_a_telling_act(verb) or entry[0] == "SANCTION") else None


_DYING = frozenset({"die", "perish"})
_HARMED = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _said_of_the_dead(verb: Token) -> Token | None:
    """'The monitor said 31 civilians died in the strike and blamed government aircraft': the parser hangs the
    blame on the reported clause, but those who died or were hurt in it tell nothing; a statement joined to it is the
    teller's (returned)."""
    head = verb.head
    if verb.dep_ != "conj" or not _a_telling_act(verb) or verb.i < head.i:
        return None
    lemma = head.lemma_.lower()
    passive = any(c.dep_ == "nsubjpass" for c in head.children)
    if lemma not in _DYING and not (passive and lemma in _HARMED):
        return None
    return _teller_above(head)


def _said_beside_a_progressive(verb: Token) -> Token | None:
    """'said it had told Moscow where its troops were moving and accused Damascus of ...': a simple past statement
    the parser joins to a progressive told inside the report ("were moving") is not that clause's second verb (its
    tense is the telling's): the teller's (returned)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.tag_ != "VBG" or not _a_telling_act(verb):
        return None
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children):
        return None
    return _teller_above(head, _REPORTED_PATH | {"prep", "pobj", "advcl"}, steps=6, tag="VBD")


_TELLING_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "CONSULT", "AGREE", "CONCEDE"})


def _a_telling_act(verb: Token) -> bool:
    lex = load_lexicon()
    lemma = verb.lemma_.lower()
    if lemma in lex.speech_verbs or lemma in lex.accuse_verbs or lemma in lex.denial_verbs:
        return True
    entry = lex.verbs.get(lemma)
    return entry is None or entry[0] in _TELLING_TYPES


def statement_author(subject: Token) -> Token:
    """'a statement from X said', 'the announcement by X came': X speaks, and 'a representative of X' (a named X)
    speaks for X; 'a military statement said': the word before the noun says whose; any other subject is itself."""
    if subject.lemma_.lower() not in STATEMENT_NOUNS:
        return subject
    author = _prep_object(subject, frozenset({"from", "by", "of"}))
    if author is None:
        whose = next((c for c in subject.children if c.dep_ in ("amod", "compound") and c.i == subject.i - 1), None)
        return whose if whose is not None and whose.lower_ not in _NOT_WHOSE else subject
    principal = _prep_object(author, frozenset({"of", "for"}))
    return principal if principal is not None and principal.tag_ in ("NNP", "NNPS") else author


# texts a body adopts or issues whose relative clause tells the body's own act
_WRITTEN_ACTS = frozenset({"resolution", "statement", "declaration", "communique", "decree", "letter"})


def _issued(noun: Token) -> bool:
    """A thing, not a party, that is the object of a verb ('a declaration', 'a letter'): its author is that verb's
    subject. Parties ('forces attacking', 'Hamas fighters demanding') keep the noun as the agent."""
    if noun.dep_ != "dobj" or not noun.head.tag_.startswith("VB") or noun.ent_type_:
        return False
    return noun.lemma_.lower() not in _party_words()


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def dateline_end(doc: Any) -> int:
    """Index of the dash closing a wire dateline ("SOCHI, Russia, Sept 17 (Agency) -"), or -1 when there is none.

    The small model often makes the dateline city the sentence's subject; the real subject is the phrase after
    the dash, which it hangs off that city as an apposition.
    """
    if len(doc) < 3 or not (doc[0].is_upper and len(doc[0].text) > 2):
        return -1
    if doc[1].text == ",":
        for token in doc[2:20]:
            if token.text in _DASHES:
                return int(token.i)
        return -1
    # a hyphenated or spaced city the tokenizer splits ("PORT-AU-PRINCE, Feb 18 (Wire) -", "NEW DELHI (Wire) -")
    from truceline.geo.cues import DATELINE

    found = DATELINE.match(doc_text(doc))
    if found is None or not (found.group("date") or found.group("source") or found.group("where").isupper()):
        return -1
    dash = found.end() - 2  # the pattern ends on the dash (or colon) and one space
    return next((int(t.i) for t in doc[:30] if t.idx <= dash < t.idx + len(t.text)), -1)


_FOUGHT_WITH = frozenset({"clash", "fight", "battle", "skirmish", "exchange"})


def victim_of(verb: Token) -> Token | None:
    """The object or passive subject of a casualty verb folded into an event, past any wire dateline ("MOGADISHU,
    May 3 (Wire) - At least nine people were killed": the people, not the city the parser makes a second subject)."""
    end = dateline_end(verb.doc)
    deps = ("nsubj",) if died(verb) else ("dobj", "nsubjpass")  # "three people died when ...": who died
    return next((c for c in verb.children if c.dep_ in deps and c.i > end), None)


def _past_dateline(subject: Token) -> Token | None:
    end = dateline_end(subject.doc)
    if end < 0 or subject.i > end:
        return subject
    found = next((c for c in subject.children if c.i > end and c.dep_ in ("appos", "conj", "nsubj")), None)
    if found is not None:
        return found
    # "JERUSALEM/GAZA, Nov 22 (Wire) - Israel and Hamas agreed": the phrase after the dash hung on the date
    return next(
        (t for t in subject.doc[end + 1 : subject.head.i] if t.head.i <= end and t.pos_ in ("PROPN", "NOUN")), None
    )


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    """The object of the first matching preposition, skipping times ("on 6 November") and fronted phrases."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            if child.i < token.i and child.lower_ in ("on", "at", "in"):
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def background(clause: Token) -> bool:
    """'launched an operation after 50 of its soldiers were killed': a clause opened by 'after', 'since', 'because'
    tells another happening, with parties of its own."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BACKGROUND for m in clause.children)


def own_extras(cand: Candidate) -> list[Token]:
    """The verbs folded into an event that tell the same happening (not one in a background clause)."""
    return [extra for extra in cand.extra if not background(extra)]


# "a deal brokered by the UAE": the broker helps others make it, no party to the deal (talks "mediated by" a
# state are that state's mediation, coded to it)
_GO_BETWEENS = frozenset({"broker", "mediate", "facilitate", "sponsor", "guarantee", "host", "oversee", "monitor"})


def done_by(noun: Token, agreement: bool = False) -> Token | None:
    """'the demonstration staged by students', 'crimes committed by Croat forces': the agent of a participle that
    describes the noun is whoever did what the noun names."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and not (agreement and child.lemma_.lower() in _GO_BETWEENS):
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


def _first(tokens: list[Token | None]) -> list[Token]:
    seen: set[int] = set()
    out = []
    for token in tokens:
        if token is not None and token.i not in seen:
            seen.add(token.i)
            out.append(token)
    return out


_SKIP_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "punct", "cc", "aux", "auxpass", "neg", "mark", "advmod", "poss"}
)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


_SPARING = frozenset({"avoid", "spare", "protect", "save", "prevent", "limit", "minimise", "minimize", "shield"})


_HELP_NOUNS = frozenset({"help", "assistance", "support", "backing", "aid", "cooperation", "participation"})


def _helped_by(prep: Token) -> bool:
    """'with the help of X', 'with the support of X': whoever helps acts beside the doer."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "with"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _HELP_NOUNS for g in prep.children)
    )


def nearby_nouns(head: Token, agent: Token | None, depth: int = 3) -> list[Token]:
    """Nouns below `head`, nearest first: where a coder looks for the target when no argument slot names one
    ("offered to hand over to Great Britain", "demanded that Hamas renounce")."""
    blocked = set() if agent is None else {t.i for t in agent.subtree}
    out: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        nxt: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in blocked or (child.dep_ in _SKIP_DEPS and token.i != head.i and child.dep_ != "nsubj"):
                    continue
                if token.i == head.i and child.dep_ in _SKIP_DEPS:
                    continue
                if child.lemma_.lower() in _speech() and (
                    child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "advcl" and _has_subject(child))
                ):  # what someone said, or "while inspectors said ...", is another clause ("saying its jets" is not)
                    continue
                if child.dep_ == "conj" and child.tag_.startswith("VB") and _has_subject(child):
                    continue  # "jets struck a tunnel, and militants fired rockets": another act with its own doer
                if child.dep_ == "conj" and child.tag_.startswith("VB") and telling_joined(child) is not None:
                    continue  # "said its troops were moving and accused Damascus": the teller's own statement
                if child.dep_ == "conj" and child.tag_.startswith("VB") and token.i == head.i and _has_object(head):
                    continue  # "condemned the raids and called on Russia", "welcomed it and told reporters": the
                    # second verb is another act of the same doer; its objects are not the first one's target
                opening = child.dep_ == "advcl" or (
                    child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children)
                )
                if opening and child.i < token.i and token.i == head.i:
                    continue  # "As well as supporting some groups, Turkey set up posts": background, not a party
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BACKGROUND for m in child.children):
                    continue  # "launched an operation after 50 of its soldiers were killed": another happening
                if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE:
                    continue  # "surrendered following a government offensive": the offensive's side, not a target
                if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _SPARING:
                    continue  # "withdrew to avoid civilian casualties": whom it spares is no party to it
                if accompanying(child):
                    continue  # "rioted, joining thousands of demonstrators": a co-actor, not a target
                if _helped_by(child):
                    continue  # "intercepted with the help of the United States": a helper, not a target
                if child.tag_.startswith(("NN", "PRP")) and child.tag_ != "PRP$":
                    out.append(child)
                nxt.append(child)
        frontier = nxt
    return out


# verbs and words that put others on the actor's side of an act: "joining demonstrators", "joined by students",
# "accompanied by", "alongside X", "together with X"
_JOINING = frozenset({"join", "accompany"})
_SIDE_BY_SIDE = frozenset({"alongside", "beside"})


def accompanying(token: Token) -> bool:
    """A word that brings co-actors into an act ('joining thousands of demonstrators', 'joined by students',
    'alongside American forces', 'together with nurses'): the ones it names act with the actor, not on anyone."""
    if token.dep_ in ("advcl", "acl", "xcomp", "conj", "relcl") and token.lemma_.lower() in _JOINING:
        return token.tag_ in ("VBG", "VBN")
    if token.dep_ == "prep" and token.lower_ in _SIDE_BY_SIDE:
        return True
    return token.dep_ == "advmod" and token.lower_ == "together"


def _speech() -> frozenset[str]:
    return load_lexicon().speech_verbs


def _stative(verb: Token) -> bool:
    """'X is opposed to', 'X is committed to': a participle naming the subject's own stance, so no passive."""
    words = load_lexicon().stative_participles
    word = verb.lower_
    # the tagger sometimes takes the participle for an adjective ("worried"), whose lemma is the word itself
    forms = {
        verb.lemma_.lower(),
        word[:-1] if word.endswith("d") else word,
        word[:-3] + "y" if word.endswith("ied") else word,
    }
    return bool(forms & words) and _prep_object(verb, _BY) is None


_BY = frozenset({"by"})
_BETWEEN = frozenset({"with", "between", "among", "amongst"})
_GIVEN_TO = frozenset({"to", "for", "into"})


_CONDITIONS = frozenset({"if", "unless", "should"})
_AIMED = frozenset({"on", "against", "at", "upon", "toward", "towards"})  # not "respond with force"


def _threatened(clause: Token) -> list[Token | None]:
    """'warned that its forces would hit back at X if Y attacked': when the threatened clause's subject is the
    speaker's own side (dropped by the coder), the one threatened is whom that clause acts on, then whoever its
    condition names as the one who would provoke it."""
    out: list[Token | None] = [next((c for c in clause.children if c.dep_ == "dobj"), None)]
    out.append(_prep_object(clause, _AIMED))
    for part in clause.children:  # "hit back hard at X": the particle or adverb carries the preposition
        if part.dep_ in ("prt", "advmod"):
            out.append(_prep_object(part, _AIMED))
    for sub in clause.children:
        if sub.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in sub.children):
            out.append(next((c for c in sub.children if c.dep_ == "nsubj"), None))
    return out


def _hyphened_agent(verb: Token) -> Token | None:
    """'a Saudi-brokered ceasefire', 'an Egyptian-mediated truce': a participle joined by a hyphen to the word before
    it is done by what that word names."""
    if verb.tag_ != "VBN" or verb.i < 2:
        return None
    doc = verb.doc
    if doc[verb.i - 1].text != "-" or doc[verb.i - 1].whitespace_:
        return None
    before = doc[verb.i - 2]
    if before.whitespace_ or before.head.i != verb.i or before.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return None
    return before


def _gapped_passive(verb: Token) -> bool:
    """ "homes had been damaged and civilians wounded": a participle joined to a passive, with no auxiliary or
    object of its own, shares its voice; its subject is who was wounded."""
    head = verb.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in head.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    )


def verbal_arguments(cand: Candidate) -> tuple[Token | None, list[Token], list[Token]]:
    """Agent, recipient candidates from argument slots (best first), and nouns nearby as a last resort."""
    verb = cand.token
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and not _stative(verb)
    gapped = not passive and _gapped_passive(verb)
    passive = passive or gapped
    options: list[Token | None] = []
    given = False
    if passive:  # "X was attacked by Y": Y acts, X receives
        agent = _prep_object(verb, _BY)
        patient = next(
            (
                c
                for c in verb.children
                if (c.dep_ == "nsubjpass" or (gapped and c.dep_ == "nsubj")) and c.i > dateline_end(verb.doc)
            ),
            None,
        )
        if patient is None and verb.dep_ == "conj":  # "must lay down its arms or be crushed": the shared subject
            patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif agent is None and verb.dep_ in ("xcomp", "conj") and verb.head.lemma_.lower() not in _NO_DOERS:
            # "attacked the post and two soldiers were killed": the attackers; not "X were among the dead, and
            # nine others were wounded", "20 people died and dozens were injured": who died did nothing
            agent = _subject(verb.head)
        options.append(patient)
    else:
        agent = _hyphened_agent(verb) or _subject(verb)  # "a Saudi-brokered ceasefire": Saudi Arabia brokered it
        if agent is None:
            agent = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # a stative "is opposed"
        if agent is not None and struck_a_device(verb):
            options.append(agent)  # "an army convoy hit a landmine": the convoy is what the mine struck
            agent = None
        phrase = {t.i for t in cand.extra} | ({cand.ceasefire_noun.i} if cand.ceasefire_noun is not None else set())
        given = verb.lemma_.lower() in load_lexicon().transfer_verbs and cand.type not in _FORCE | {"REQUEST"}
        if given:
            # "offered its troops to X", "gave X weapons": the one given to, not the thing given
            moving = cand.type == "MOBILIZE" or cand.mode == "visit"  # "sent troops to Libya": where they go
            if not moving:
                options.append(next((c for c in verb.children if c.dep_ == "dative" and c.tag_.startswith("NN")), None))
            if not moving:
                options.append(_prep_object(verb, _GIVEN_TO))
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in phrase), None)
                options.append(_prep_object(obj, _GIVEN_TO) if obj is not None else None)  # "aid for X"
        else:
            options.append(next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in phrase), None))
    # "hit it with a force it has not seen": for an act of force, "with" gives the weapon, not a party
    preps = _RECIPIENT_PREPS - {"with"} if cand.type in _FORCE else _RECIPIENT_PREPS
    if verb.lemma_.lower() in _FOUGHT_WITH:
        preps = preps | {"with"}  # "clashed with government soldiers": whom they fought, before any victims
    moving = cand.type == "MOBILIZE" or cand.mode == "visit"
    options.append(_prep_object(verb, preps - {"to", "into"} if moving else preps))
    if cand.type == "CONSULT":  # "was in contact with Moscow": the "with" on the noun of the verb's phrase
        nouns = [g for word in cand.extra for g in (word, *word.children) if g.dep_ == "pobj"]
        options.extend(_prep_object(g, frozenset({"with"})) for g in nouns)
    if cand.type in _WITH_TYPES:  # "signed a protocol with X", "restored ties with X"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        options.append(_prep_object(obj, _BETWEEN) if obj is not None else None)
    if cand.ceasefire_noun is not None:
        options.append(_prep_object(cand.ceasefire_noun, _BETWEEN))
    for extra in own_extras(cand):  # a casualty verb folded into this event names the victims; an obliged clause, whom
        options.append(victim_of(extra))
        if cand.type == "REQUEST":
            options.append(next((c for c in extra.children if c.dep_ == "nsubj"), None))
    for child in verb.children:  # "demanded that the US cancel": the one asked is the complement's subject
        if child.dep_ == "ccomp" and child.lemma_.lower() not in _speech():
            options.append(next((c for c in child.children if c.dep_ == "nsubj"), None))
            if cand.type == "THREATEN":
                options.extend(_threatened(child))
    if cand.type == "THREATEN":  # "if Armenia does not stop shelling, we will respond": whoever would provoke it
        options.extend(_threatened(verb)[1:])
    if verb.dep_ == "relcl":  # "Russia, which Tripoli accuses of backing Haftar": the pronoun stands for its head
        options = [verb.head if o is not None and o.tag_ in ("WDT", "WP") and o.dep_ == "dobj" else o for o in options]
    options = [o for o in options if o is None or not _occasion(o)]
    opening = dateline_end(verb.doc)  # "PARIS, Dec 10 - ... agreed": where the report was filed is no party to it
    nearby = [t for t in nearby_nouns(verb, agent) if t.i > opening]
    if not passive and given:  # "sent envoys": the ones sent are not the party the act is aimed at
        sent = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
        nearby = [t for t in nearby if t.i not in sent]
    if verb.lemma_.lower() in _FIRING:  # "fired rockets from Gaza at Sderot": whence, not at whom ("abducted pupils
        # from a school" is where the victims were)
        nearby = [t for t in nearby if not (t.dep_ == "pobj" and t.head.lower_ == "from")]
    if cand.type == "MOBILIZE" or cand.mode == "visit":  # "sent troops to Libya": a destination, not a party
        nearby = [t for t in nearby if not (t.dep_ == "pobj" and t.head.lower_ in ("to", "into", "towards", "toward"))]
    return agent, _first(options), nearby
