"""Repairs of parses the small English model gets wrong in wire copy, made once on each parsed sentence.

The small pipeline (truceline.nlp) misreads a few shapes that conflict reporting uses all the time; every rule
downstream reads the dependency tree, so a shape misread there loses its act, its doer or its victim whatever the
rules say. Each repair here names one such shape, checks the words and the tree the misreading leaves, and rebuilds
the tree the sentence has. It runs as a component after the parser, so every caller of `load_nlp` sees the same
repaired tree.

- "A sniper shot dead a farmer", "An Israeli sniper shot dead a teenager": the verb "shot" taken for a noun
  ("sniper shot", like "a mortar shot") or for the subject of "dead", which then heads the clause with the victim
  as its object. Repaired: "shot" is the verb heading the clause, the noun before it its subject, "dead" its
  complement, the victim its object.
- "An Azerbaijani sniper shot dead ...": the noun before a finite verb taken for a compound of the verb, which then
  has no subject. Repaired: that noun is the subject, the words before it modify it.
- "Gunmen on motorcycles killed at least 17 villagers ..., police said": the verb taken for a participle describing
  the noun before it, which then is a second subject of the closing speech verb. Repaired: the verb heads the
  clause the speech verb tells, with that noun as its subject.
- "Angola, which is mediating between the two countries, called for a ceasefire": the main verb taken for a
  participle on the relative clause's last noun. Repaired: it is the root, the noun before the clause its subject.
- "marched through the Georgian capital Tbilisi on Sunday": the place's name cut from the noun it names and hung on
  the verb. Repaired: it is in apposition to that noun.
- "Thousands of students protested in Belgrade": the main verb taken for a participle describing its subject.
  Repaired: it is the root, the noun its subject.
- "Sudan's paramilitary Rapid Support Forces shelled ...": a descriptor before a name taken for a second subject of
  the verb. Repaired: it modifies the name.
- "a truce between Congo's army and M23 rebels": two parties joined by "and" taken for one modifier of the last
  noun ("rebels" described by "Congo's army and M23"), so one party is lost. Repaired: the first noun heads the
  coordination, the name and its noun its second member.
- "a day after Azerbaijan launched an operation": the subject of a clause opened by "after", "before", "since" taken
  for the object of that word as a preposition, so the clause has no doer and borrows the main clause's. Repaired:
  it is the clause verb's subject (after "as" or "while" too, and an -ing event noun read as a gerund there: "as
  fighting over the enclave continued"). When the model takes the whole clause for a phrase of that word ("after days of
  fighting along the border killed dozens", "killed" a second clause of the main verb with no subject), the word
  opens the clause and the phrase is its subject.
- "Gunmen killed seven students, the government said, blaming separatists": a participle after the closing speech
  verb hung on the act told, so the act's doer blames. Repaired: it hangs on the speech verb, whose subject blames.
- "said the rebels had been killed while asleep and accused the army of a massacre": a finite verb with no subject
  joined to a word that is no verb ("asleep"), so it shares the reported clause's subject. Repaired: it is joined
  to the nearest verb above of its own tense (the speech verb), whose subject it shares ("he was angry and left"
  keeps its copula).
  A finite past joined to a gerund after a preposition ("accused Israel of violating the truce and called on the
  United States") is joined to that verb above in the same way.
- "accused each other of violating a ceasefire agreed in Moscow": a participle right after a noun taken for a
  second verb of the clause with no "and" to join it, so the accusers agree. Repaired: it describes the noun.
  A closing clause of "as" or "while" set off by a comma and hung on such a participle hangs on the main verb.
- "The UN mission said shelling hit residential districts": the event noun in -ing form after the speech verb taken
  for a verb the speaker controls, and the clause's verb for its complement, so the speaker shells. Repaired: the
  verb heads the clause the speech verb tells, the -ing noun its subject.
- "Shelling hit a school", "Heavy shelling hit the capital": the event noun in -ing form opening a clause taken
  for an auxiliary or adverb of the verb after it (or that verb hung on it), so the act has no subject and the
  shelling is lost or told twice; or the noun, rightly the subject, taken for a verb with the nationality before it
  as its own subject ("Syrian shelling killed"). Repaired: the noun is the verb's subject, a word before it
  describes it.
- "Hamas freed eight hostages on Thursday and Israel released 30 prisoners": the second clause's subject joined to
  the first clause's day, so its verb has no doer. Repaired: it is the verb's subject, the verb joined to the first.
- "MAPUTO, Aug 21 (Wire) - Islamic State-linked insurgents beheaded ...": the wire dateline hung on the subject as
  its modifier, so the filing city (a capital: the government) becomes part of the doer's name; or the city made
  the subject, with the real subject hung on it ("GOMA, Congo (Wire) - M23 rebels said"). Repaired: the dateline
  hangs on the sentence's root, outside every phrase after its dash, and that phrase is the subject.
"""

from __future__ import annotations

from typing import Any

COMPONENT = "truceline_repairs"

# the resultative phrases whose verb the model misreads; verb form -> lemma
_RESULT_VERBS = {"shot": "shoot"}
_RESULTS = frozenset({"dead"})


def repair(doc: Any) -> Any:
    """`doc` with the misreadings of the module docstring repaired in place."""
    _dateline_hung_on_a_phrase(doc)
    for root in [t for t in doc if t.dep_ == "ROOT"]:
        _verb_taken_into_a_relative(root)
        _verb_taken_for_a_participle(root)
    for token in doc:
        # each attribute read once: a spaCy token builds its strings anew on every read
        dep, tag, lower = token.dep_, token.tag_, token.lower_
        if dep in ("nmod", "compound") and token.pos_ == "NOUN":
            _parties_taken_for_a_modifier(token)
        if dep in ("npadvmod", "dep", "nsubj", "dobj") and token.i and token.ent_type_ in ("GPE", "LOC"):
            _name_cut_from_its_noun(token)
        if lower in _RESULT_VERBS and token.i + 1 < len(doc):
            _verb_taken_for_a_noun(token, doc[token.i + 1])
        if tag in ("VBD", "VBZ", "VBP") and token.pos_ == "VERB":
            _subject_taken_for_a_compound(token)
            _verb_taken_for_a_relative(token)
            _subject_split_in_two(token)
        if dep == "conj" and tag == "VBD" and (token.head.pos_ not in ("VERB", "AUX") or _gerund(token)):
            _verb_joined_to_a_word(token)
        if dep == "advcl" and tag == "VBG":
            _participle_hung_past_the_teller(token)
        if tag == "VBD" and dep in ("advcl", "conj") and token.i > 1:
            _subject_joined_to_a_date(token)
        if dep == "mark" and (lower in _CLAUSE_OPENERS or lower in ("as", "while")):
            _subject_taken_for_an_object_of_the_opener(token)
        if dep == "conj" and tag in ("VBD", "VBN") and token.i > 1:
            _participle_taken_for_a_second_verb(token)
        if dep == "prep" and lower in _CLAUSE_OPENERS:
            _clause_taken_for_a_phrase(token)
        if tag == "VBD" and dep == "xcomp" and token.head.tag_ == "VBG":
            _gerund_subject_taken_for_a_complement(token)
        if lower in _ING_EVENTS and tag == "VBG":
            if dep in ("nsubj", "csubj"):
                _subject_noun_taken_for_a_verb(token)
            elif token.i + 1 < len(doc):
                _event_noun_taken_for_a_verb(token, doc[token.i + 1])
    for token in doc:  # after the participles above are repaired: the clauses hung on them
        if token.dep_ == "advcl" and token.head.dep_ in ("acl", "relcl"):
            _aside_hung_on_a_participle(token)
    return doc


def _gerund(verb: Any) -> bool:
    """A finite past joined to a gerund after a preposition ("accused Israel of violating the truce and called on
    ..."): no past is the gerund's fellow, so it is joined to the verb above."""
    return bool(verb.head.tag_ == "VBG" and verb.head.dep_ == "pcomp")


def _verb_joined_to_a_word(verb: Any) -> None:
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    above = verb.head.head
    for _ in range(4):
        if above.tag_ == "VBD" and any(c.dep_ in ("nsubj", "nsubjpass") for c in above.children):
            if above.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in above.children):
                verb.head = above
            return  # "he was angry and left": the copula of its own tense is what it is joined to
        if above.head.i == above.i:
            return
        above = above.head


_TELLING = frozenset({"say", "tell", "add", "report", "announce", "state", "claim", "confirm", "write"})


def _participle_hung_past_the_teller(participle: Any) -> None:
    head = participle.head
    teller = next(
        (c for c in head.children if c.dep_ in ("parataxis", "ccomp") and c.i < participle.i and c.lemma_ in _TELLING),
        None,
    )
    if teller is None or teller.i < head.i or not any(c.dep_ == "nsubj" for c in teller.children):
        return
    if not all(t.is_punct for t in participle.doc[teller.right_edge.i + 1 : participle.i]):
        return
    participle.head = teller


def _subject_joined_to_a_date(verb: Any) -> None:
    """'Hamas freed eight hostages on Thursday and Israel released 30 prisoners': the second clause's subject joined
    to the first clause's day ("Thursday and Israel"), its verb left without a subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    subject = verb.doc[verb.i - 1]
    day = subject.head
    if subject.dep_ != "conj" or subject.pos_ not in ("PROPN", "NOUN") or day.ent_type_ not in ("DATE", "TIME"):
        return
    joiner = next((c for c in day.children if c.dep_ == "cc" and c.i < subject.i), None)
    clause = day
    while clause.head.i != clause.i and not clause.tag_.startswith("VB"):
        clause = clause.head
    if joiner is None or not clause.tag_.startswith("VB") or clause.i >= verb.i:
        return
    subject.head, subject.dep_ = verb, "nsubj"
    joiner.head = clause
    verb.head, verb.dep_ = clause, "conj"


_CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "till"})


def _root_of(token: Any) -> Any:
    """The root of the sentence `token` is in, up its heads."""
    while token.head.i != token.i:
        token = token.head
    return token


def _aside_hung_on_a_participle(clause: Any) -> None:
    """'... of violating a ceasefire agreed in Moscow, as fighting continued': a clause of "as" or "while" set off
    by a comma at the end, hung on the participle before it. Repaired: it hangs on the sentence's main verb."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("as", "while")), None)
    if mark is None or mark.i == 0 or clause.doc[mark.i - 1].text != ",":
        return
    root = _root_of(clause)
    if root.i < clause.i and root.pos_ in ("VERB", "AUX"):
        clause.head = root


def _participle_taken_for_a_second_verb(verb: Any) -> None:
    """'accused each other of violating a ceasefire agreed in Moscow': a participle right after a noun taken for a
    second verb of the clause, with no "and" to join it. Repaired: it describes the noun."""
    noun = verb.doc[verb.i - 1]
    if noun.tag_ not in ("NN", "NNS") or noun.head.i == verb.i:
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children):
        return
    head = verb.head
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return  # "attacked the town and seized it": a second verb indeed
    if any(t.is_punct for t in verb.doc[head.i : verb.i]):
        return
    verb.head, verb.dep_, verb.tag_ = noun, "acl", "VBN"


def _subject_taken_for_an_object_of_the_opener(opener: Any) -> None:
    verb = opener.head
    subject = next((c for c in opener.children if c.dep_ == "pobj"), None)
    if subject is None and opener.lower_ in ("as", "while"):
        # "as fighting over the enclave continued": the -ing event noun taken for a gerund after the opener
        subject = next((c for c in opener.children if c.dep_ == "pcomp" and c.lower_ in _ING_EVENTS), None)
    if subject is None or not opener.i < subject.i < verb.i or not verb.tag_.startswith("VB"):
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return
    if any(t.tag_.startswith("VB") or t.pos_ == "AUX" for t in opener.doc[subject.i + 1 : verb.i]):
        return
    if subject.dep_ == "pcomp":
        subject.tag_, subject.pos_ = "NN", "NOUN"
    subject.head, subject.dep_ = verb, "nsubj"


def _clause_taken_for_a_phrase(opener: Any) -> None:
    subject = next((c for c in opener.children if c.dep_ == "pobj"), None)
    if subject is None or subject.right_edge.i + 1 >= len(opener.doc):
        return
    verb = opener.doc[subject.right_edge.i + 1]
    if verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "conj") or verb.head.i != opener.head.i:
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return
    subject.head, subject.dep_ = verb, "nsubj"
    opener.head, opener.dep_ = verb, "mark"
    if verb.dep_ == "conj":
        verb.dep_ = "advcl"


# event nouns in -ing form the model reads as verbs when they open a clause ("Shelling hit a school")
_ING_EVENTS = frozenset({"shelling", "fighting", "bombing", "firing", "shooting", "gunfire", "bombardment"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _event_noun_taken_for_a_verb(noun: Any, verb: Any) -> None:
    if verb.tag_ not in _FINITE or verb.pos_ not in ("VERB", "AUX"):
        return
    if noun.dep_ in ("aux", "advmod") and noun.head.i == verb.i:
        pass  # "Shelling hit a school": the noun an auxiliary or adverb of the verb after it
    elif verb.dep_ == "dep" and verb.head.i == noun.i and noun.dep_ in ("advcl", "ccomp", "ROOT"):
        # "Shelling hit the capital, the UN said": the verb hung on the noun, the noun on the speech verb
        above = noun.head
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = above, "ccomp"
    else:
        return
    for child in list(verb.children):
        if child.dep_ == "nsubj" and child.i < noun.i and child.tag_ == "JJ":
            child.head, child.dep_ = noun, "amod"  # "Heavy shelling hit": the adjective describes the noun
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return
    noun.head, noun.dep_ = verb, "nsubj"
    noun.tag_, noun.pos_ = "NN", "NOUN"


def _subject_noun_taken_for_a_verb(noun: Any) -> None:
    if noun.head.tag_ not in _FINITE or noun.head.i <= noun.i:
        return
    if any(c.dep_ in ("dobj", "aux") or (c.dep_ == "prep" and c.i > noun.i) for c in noun.children):
        return  # "shelling the town killed ...": a gerund with an object of its own is a verb
    for child in list(noun.children):
        if child.dep_ in ("nsubj", "csubj") and child.i < noun.i:
            # "Syrian shelling killed Turkish soldiers": the nationality taken for the gerund's subject modifies it
            child.head, child.dep_ = noun, "amod" if child.tag_ == "JJ" or child.ent_type_ == "NORP" else "compound"
    noun.tag_, noun.pos_ = "NN", "NOUN"


def _gerund_subject_taken_for_a_complement(verb: Any) -> None:
    gerund = verb.head
    teller = gerund.head
    if gerund.dep_ not in ("xcomp", "ccomp") or teller.lemma_ not in _TELLING or verb.i != gerund.i + 1:
        return
    between = gerund.doc[teller.i + 1 : gerund.i]
    if not all(t.lower_ == "that" for t in between) or any(c.i > gerund.i and c.i != verb.i for c in gerund.children):
        return
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return
    verb.head, verb.dep_ = teller, "ccomp"
    gerund.head, gerund.dep_ = verb, "nsubj"


def _lone_subject(token: Any, end: int) -> bool:
    """The dateline's city taken for its verb's subject, with no other subject after the dash."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > end for c in token.head.children)


def _dateline_hung_on_a_phrase(doc: Any) -> None:
    from truceline.events.arguments import dateline_end

    end = dateline_end(doc)
    if end < 0:
        return
    for token in doc[: end + 1]:
        if token.head.i <= end:
            continue
        verb = token.head
        if _lone_subject(token, end):
            # "GOMA, Congo (Wire) - M23 rebels said": the phrase after the dash hung on the city is the subject; a
            # phrase hung on the date is left to events.arguments._past_dateline
            phrase = next((c for c in token.children if c.i > end and c.dep_ in ("appos", "conj", "nsubj")), None)
            if phrase is None:
                continue
            named = next(
                (c for c in phrase.children if c.dep_ == "appos" and c.i > phrase.i and c.pos_ == "PROPN"), None
            )
            if named is not None and phrase.pos_ == "ADJ":  # "Sudan's paramilitary Rapid Support Forces": the name
                for child in [c for c in phrase.children if c.i < phrase.i]:
                    child.head = named  # "Sudan's" goes with it
                named.head, named.dep_ = verb, token.dep_
                phrase.head, phrase.dep_ = named, "amod"
            else:
                phrase.head, phrase.dep_ = verb, token.dep_
        root = _root_of(verb)
        token.head, token.dep_ = root, "npadvmod"
        _clause_hung_on_the_dateline(token, end, root)


def _clause_hung_on_the_dateline(city: Any, end: int, root: Any) -> None:
    """'MAIDUGURI, Nigeria, Sept 6 (AP) - Suspected Boko Haram fighters killed 63 people ..., an official said': the
    phrase after the dash hung on the city, its verb taken for a participle describing it. Repaired as the verb a
    closing speech verb tells: the verb heads that clause, the phrase its subject."""
    phrase = next((c for c in city.children if c.i > end and c.dep_ in ("appos", "conj")), None)
    if phrase is None or phrase.pos_ not in ("NOUN", "PROPN"):
        return
    verb = next((c for c in phrase.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")), None)
    if verb is None or not any(c.dep_ == "dobj" for c in verb.children):
        return
    if root.i < verb.i or not any(c.dep_ == "nsubj" and c.i > verb.i for c in root.children):
        return
    verb.head, verb.dep_, verb.tag_ = root, "ccomp", "VBD"
    phrase.head, phrase.dep_ = verb, "nsubj"


_PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "region", "province", "district", "enclave"})


def _name_cut_from_its_noun(name: Any) -> None:
    """'marched through the Georgian capital Tbilisi on Sunday': the name after "capital" taken for an adverb of the
    verb, so the place is lost to the phrase it names. Repaired: the name is in apposition to the noun before it."""
    first = name
    while first.i > 0 and first.doc[first.i - 1].ent_type_ == name.ent_type_ and first.doc[first.i - 1].pos_ == "PROPN":
        first = first.doc[first.i - 1]
    if first.i == 0 or name.head.i == name.i:
        return
    noun = first.doc[first.i - 1]
    if noun.lemma_.lower() not in _PLACE_NOUNS or noun.dep_ != "pobj" or name.head.i == noun.i:
        return
    if first.i != name.i and first.head.i != name.i:
        return
    name.head, name.dep_ = noun, "appos"


def _parties_taken_for_a_modifier(first: Any) -> None:
    """'between Congo's army and M23 rebels': "army and M23" taken for a modifier of "rebels". Only when the first
    noun is owned ("Congo's army", "the government's forces") and the second member is a name just before the noun:
    "the army and police units" or "oil and gas fields" stay as the parser reads them."""
    noun = first.head
    if noun.i <= first.i or noun.tag_ != "NNS" or noun.dep_ not in ("pobj", "nsubj", "dobj", "nsubjpass"):
        return
    owner = next((c for c in (*first.children, *noun.children) if c.dep_ == "poss" and c.i < first.i), None)
    if owner is None:
        return
    second = next((c for c in first.children if c.dep_ == "conj"), None)
    joiner = next((c for c in first.children if c.dep_ == "cc"), None)
    if second is None or joiner is None or second.pos_ != "PROPN" or second.i + 1 != noun.i:
        return
    first.head, first.dep_ = noun.head, noun.dep_
    noun.head, noun.dep_ = first, "conj"
    second.head, second.dep_ = noun, "compound"
    joiner.head = first
    owner.head = first  # "Congo's" owns the army, not the rebels


def _verb_taken_for_a_participle(root: Any) -> None:
    """'Thousands of students protested in Belgrade on Sunday': the main verb taken for a participle describing the
    subject ("students protested in ..." as "students who were protested"), the subject left as the root of a
    verbless sentence. Repaired: the verb is the root, the noun its subject."""
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN", "NUM"):
        return
    verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > root.i), None)
    if verb is None or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children):
        return
    if any(t.pos_ in ("VERB", "AUX") and t.i < verb.i and t.i not in {c.i for c in verb.subtree} for t in root.doc):
        return  # another verb before it: the participle may well describe the noun
    moved = [c for c in root.children if c.i > verb.i]  # the full stop
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    root.head, root.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb


def _verb_taken_into_a_relative(root: Any) -> None:
    """'Angola, which is mediating between the two countries, called for a ceasefire': the main verb hung on the
    relative clause's last noun as a participle, and the subject left as the root of a verbless sentence. Repaired:
    the verb after the clause's closing comma is the root, the noun its subject."""
    if root.pos_ not in ("PROPN", "NOUN"):
        return
    relative = next((c for c in root.children if c.dep_ == "relcl" and c.i > root.i), None)
    if relative is None:
        return
    inside = {t.i for t in relative.subtree}
    verb = next(
        (
            t
            for t in relative.subtree
            if t.dep_ == "acl" and t.tag_ == "VBD" and t.head.i in inside and t.i > 1 and t.doc[t.i - 1].text == ","
        ),
        None,
    )
    if verb is None:
        return
    moved = [c for c in root.children if c.i > verb.i]  # the full stop
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb


def _subject_split_in_two(verb: Any) -> None:
    """ "Sudan's paramilitary Rapid Support Forces shelled ...": the descriptor before a name taken for a subject of
    its own, so the verb has two subjects side by side. Repaired: the descriptor modifies the name, and what it
    carried ("Sudan's") goes with it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return
    first, second = subjects
    if first.i + 1 != second.left_edge.i or first.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return
    first.head = second
    first.dep_ = "amod" if first.pos_ == "ADJ" else "compound"


def _verb_taken_for_a_relative(said: Any) -> None:
    """'Gunmen on motorcycles killed at least 17 villagers ..., police said': the verb taken for a participle
    describing the noun before it ("gunmen killed ..."), which then hangs on the closing speech verb before its subject.
    A participle with an object of its own is no passive; a verb with two subjects is misread."""
    subject = next((c for c in reversed(list(said.lefts)) if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    first = next((c for c in said.children if c.dep_ in ("nsubj", "dep") and c.i < subject.i), None)
    if first is None or first.pos_ not in ("NOUN", "PROPN"):
        return
    verb = next((c for c in first.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
    if verb is None or not verb.i < subject.i or not any(c.dep_ == "dobj" for c in verb.children):
        return
    verb.head, verb.dep_ = said, "ccomp"
    verb.tag_ = "VBD"
    first.head, first.dep_ = verb, "nsubj"


def _subject_taken_for_a_compound(verb: Any) -> None:
    """'An Azerbaijani sniper shot dead ...' parsed with "sniper" as a compound of the verb: a finite verb has no
    compounds; the noun right before it, with no subject of its own, is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return
    before = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    if not before or before[-1].i != verb.i - 1 or before[-1].pos_ not in ("NOUN", "PROPN"):
        return
    subject = before[-1]
    subject.dep_ = "nsubj"
    for child in list(verb.children):
        if child.i < subject.i and child.dep_ in ("det", "amod", "compound", "poss", "nmod"):
            child.head = subject


def _verb_taken_for_a_noun(verb: Any, result: Any) -> None:
    if result.lower_ not in _RESULTS or verb.head.i != result.i or verb.dep_ not in ("nsubj", "compound"):
        return
    if verb.tag_ not in ("NN", "VBD", "VBN") or not any(c.dep_ == "dobj" for c in result.children):
        return
    doer = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    if verb.dep_ == "compound" or not doer:
        # "A sniper shot" as one noun heading "dead": the noun before "shot" must be there to be the subject
        doer = doer or [c for c in verb.children if c.dep_ in ("compound", "nsubj") and c.i < verb.i]
        if not doer:
            return
    moved = [c for c in result.children if c.i != verb.i]
    verb.head = verb if result.dep_ == "ROOT" else result.head
    verb.dep_ = result.dep_
    verb.tag_, verb.pos_, verb.lemma_ = "VBD", "VERB", _RESULT_VERBS[verb.lower_]
    for child in moved:
        child.head = verb
    result.head, result.dep_ = verb, "acomp"
    subject = doer[-1]
    subject.dep_ = "nsubj"
    for child in list(verb.children):
        if child.i < subject.i and child.dep_ in ("det", "amod", "compound", "poss"):
            child.head = subject


def add_to(nlp: Any) -> None:
    """Add the repairs after the parser of `nlp` (once)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=repair)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
