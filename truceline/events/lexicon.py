"""Trigger words and stance cues from data/triggers.yaml, and the regex that pre-selects sentences to parse.

The pre-filter is one compiled alternation of every inflected form of every trigger (plus ceasefire nouns), so
choosing which sentences reach spaCy costs one regex search per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from truceline.errors import ModelError
from truceline.events.ontology import load_ontology

TypeMode = tuple[str, str]
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")

# Verbs of breaking a text ("violated the truce", "breached the deal"): a breach told on its own is an accusation's
# charge (absorb.py); told with the act it was made by ("by blocking aid trucks"), it is that act (merge.py).
VIOLATING = frozenset({"violate", "breach", "flout", "break", "ignore", "undermine"})

# Irregular past forms of trigger verbs: the pre-filter must see "struck" and "met" as well as "strike", "meet".
_IRREGULAR = {
    "strike": ("struck", "stricken"), "meet": ("met",), "hold": ("held",), "fight": ("fought",),
    "shoot": ("shot",), "seize": ("seized",), "withdraw": ("withdrew", "withdrawn"), "blow": ("blew", "blown"),
    "hit": ("hit",), "send": ("sent",), "take": ("took", "taken"), "break": ("broke", "broken"),
    "begin": ("began", "begun"), "lead": ("led",), "beat": ("beaten",), "forgive": ("forgave", "forgiven"),
    "give": ("gave", "given"), "overrun": ("overran",), "freeze": ("froze", "frozen"), "cut": ("cut",),
    "undertake": ("undertook", "undertaken"), "make": ("made",), "have": ("had", "has"), "tell": ("told",),
    "say": ("said",), "set": ("set",), "keep": ("kept",), "seek": ("sought",), "slay": ("slew", "slain"),
    "rebuild": ("rebuilt",), "mistake": ("mistook",), "pull": ("pulled",), "arise": ("arose",),
    "be": ("was", "were", "is", "are", "been", "being", "am"), "do": ("did", "done"), "bring": ("brought",), "retake": ("retook", "retaken"),
    "fire": ("fired",), "rape": ("raped",), "ride": ("rode",), "throw": ("threw", "thrown"), "lose": ("lost",),
    "rage": ("raged", "raging"), "fall": ("fell", "fallen"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, TypeMode]
    nouns: dict[str, TypeMode]
    phrasal: dict[tuple[str, str], TypeMode]
    ceasefire_nouns: frozenset[str]
    ceasefire_verbs: dict[str, TypeMode]
    light_verbs: frozenset[str]
    weapon_modes: dict[str, str]
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    accuse_verbs: frozenset[str]
    threat_cues: frozenset[str]
    plan_cues: frozenset[str]
    negation_cues: frozenset[str]
    falsity_words: frozenset[str]
    falsity_verbs: frozenset[str]
    noun_senses: dict[str, tuple[frozenset[str], TypeMode]]
    party_words: frozenset[str]
    place_heads: frozenset[str]
    ending_verbs: frozenset[str]
    ending_phrasal: frozenset[tuple[str, str]]  # (verb lemma, particle): "put off", "stave off"
    going_on: frozenset[tuple[str, str]]  # (verb lemma, particle): "pressed on", "pushed ahead"
    transfer_verbs: frozenset[str]  # giving verbs: the object is the thing given, the recipient follows 'to'
    stative_participles: frozenset[str]  # "is opposed to": a passive form whose subject is the actor
    forms: frozenset[str]  # every inflected trigger form, lower case: the pre-filter's vocabulary
    phrasal_forms: dict[str, frozenset[str]]  # verb form -> particle forms that make it a trigger
    # "gave the rebels 48 hours to", "have until Friday to": a verb form -> time words within five words after it
    time_limit_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    harm_forms: frozenset[str] = frozenset()  # "died", "hurt": no trigger, a figure for the act told just before
    cued_forms: dict[str, frozenset[str]] = field(default_factory=dict)  # verb form -> the forms of its cue words
    wish_cues: frozenset[str] = frozenset()  # "hoped the deal would end the fighting": a wish, not an act
    verb_senses: dict[str, tuple[tuple[frozenset[str], TypeMode | None], ...]] = field(default_factory=dict)
    relation_verbs: frozenset[str] = frozenset()  # "is backing", "which backs": a standing relation, not an act
    frequency_words: frozenset[str] = frozenset()  # "constantly strikes": a habit
    purpose_nouns: frozenset[str] = frozenset()  # "in a bid to": an aim
    purpose_participles: frozenset[str] = frozenset()  # "aimed at", "meant to": an aim
    document_nouns: frozenset[str] = frozenset()  # "the agreement requires": a provision
    prohibiting_verbs: frozenset[str] = frozenset()  # "would be prohibited": a rule
    abstract_events: frozenset[str] = frozenset()  # "a surge in violence": a kind of event
    happening_verbs: frozenset[str] = frozenset()  # "fighting continued": the abstract noun did happen
    toll_scopes: frozenset[str] = frozenset()  # "so far", "to date": a running toll
    ending_nouns: frozenset[str] = frozenset()  # "an end to the attacks": not asserted
    influence_verbs: frozenset[str] = frozenset()  # "push rebels to agree": not asserted
    event_carriers: frozenset[str] = frozenset()  # "a mediation mission": the mediation
    response_verbs: frozenset[str] = frozenset()  # "we will respond": a threat
    demand_verbs: frozenset[str] = frozenset()  # "wants Moscow to": a demand
    judging_verbs: frozenset[str] = frozenset()  # "called it a breach": an accusation
    resolve_verbs: frozenset[str] = frozenset()  # "will not hesitate to strike": negated, a resolve
    loss_verbs: frozenset[str] = frozenset()  # "lost 33 soldiers in an ambush": the loser is hit
    harm_verbs: frozenset[str] = frozenset()  # "soldiers were killed in an air strike": the victims are hit
    death_verbs: frozenset[str] = frozenset()  # "civilians died in the strike": the victims are hit
    charge_nouns: frozenset[str] = frozenset()
    military_things: frozenset[str] = frozenset()  # "a Turkish position": MIL
    civilian_things: frozenset[str] = frozenset()  # "a Syrian market": CVL
    state_things: frozenset[str] = frozenset()  # "an Egyptian proposal": GOV
    information_nouns: frozenset[str] = frozenset()  # "released a statement": no release
    said_nouns: frozenset[str] = frozenset()  # "rejected the accusation": whoever accused
    asked_nouns: frozenset[str] = frozenset()  # "rejected the demand": whoever demanded
    done_nouns: frozenset[str] = frozenset()  # "welcomed the decision": whoever decided
    struck_nouns: frozenset[str] = frozenset()  # "condemned the attack": whoever attacked
    reciprocal_verbs: frozenset[str] = frozenset()  # "traded fire", "clashed": each side does it to the other
    crowd_control: frozenset[str] = frozenset()  # "tear gas", "water cannon": no weapon under these modifiers

    def tells_harm(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """True when text[start:end] holds a form of a harm or death verb the trigger words do not cover."""
        words = _WORD.findall(text, start, len(text) if end is None else end)
        return any(w.lower() in self.harm_forms for w in words)

    def selects(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """True when text[start:end] holds a trigger form: one regex pass and set look-ups, no parsing."""
        words = [w.lower() for w in _WORD.findall(text, start, len(text) if end is None else end)]
        forms = self.forms
        for i, word in enumerate(words):
            if word in forms:
                return True
            if "-" in word and not forms.isdisjoint(word.split("-")):
                return True
            particles = self.phrasal_forms.get(word)
            # "two missiles were launched": an object phrase may come before its verb in the passive
            if particles is not None and not particles.isdisjoint(words[max(0, i - 3) : i + 4]):
                return True
            cues = self.cued_forms.get(word)
            if cues is not None and not cues.isdisjoint(words):
                return True
            limits = self.time_limit_forms.get(word)
            if limits is not None and not limits.isdisjoint(words[i + 1 : i + 6]):
                return True
        return False


# Plain word lists of triggers.yaml read into Lexicon fields of the same name (eventhood, threats, demands).
_WORD_LISTS = (
    "reciprocal_verbs",
    "crowd_control",
    "relation_verbs",
    "frequency_words",
    "purpose_nouns",
    "purpose_participles",
    "document_nouns",
    "prohibiting_verbs",
    "abstract_events",
    "happening_verbs",
    "toll_scopes",
    "ending_nouns",
    "influence_verbs",
    "event_carriers",
    "response_verbs",
    "demand_verbs",
    "judging_verbs",
    "resolve_verbs",
    "loss_verbs",
    "harm_verbs",
    "death_verbs",
    "charge_nouns",
    "military_things",
    "civilian_things",
    "state_things",
    "information_nouns",
    "said_nouns",
    "asked_nouns",
    "done_nouns",
    "struck_nouns",
)


IRREGULAR_LEMMAS = {form: lemma for lemma, forms in _IRREGULAR.items() for form in forms}


def word_forms(lemma: str, *, verb: bool) -> set[str]:
    """Inflected forms of an English lemma, generous on purpose (over-generation only costs a parse)."""
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if verb:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {stem + "ed", stem + "ing", lemma + "d", lemma + "ed"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


def _pairs(section: Any, where: str) -> dict[str, TypeMode]:
    out: dict[str, TypeMode] = {}
    ontology = load_ontology()
    for type_, entries in (section or {}).items():
        if type_ not in ontology.modes:
            raise ModelError(f"data/triggers.yaml {where}: unknown PLOVER type {type_}")
        for lemma, mode in (entries or {}).items():
            mode = mode or "general"
            if mode not in ontology.modes[type_]:
                raise ModelError(f"data/triggers.yaml {where}: {type_}/{lemma} has unknown mode {mode}")
            out[str(lemma).lower()] = (type_, mode)
    return out


def _type_modes(section: Any, where: str) -> dict[str, TypeMode]:
    ontology = load_ontology()
    out: dict[str, TypeMode] = {}
    for key, value in (section or {}).items():
        type_, mode = value
        if type_ not in ontology.modes or mode not in ontology.modes[type_]:
            raise ModelError(f"data/triggers.yaml {where}: {key} -> {type_}/{mode} is not in plover.yaml")
        out[str(key).lower()] = (type_, mode)
    return out


def _senses(section: Any) -> dict[str, tuple[frozenset[str], TypeMode]]:
    out: dict[str, tuple[frozenset[str], TypeMode]] = {}
    for noun, body in (section or {}).items():
        pair = _type_modes({noun: body["sense"]}, "noun_senses")[str(noun).lower()]
        out[str(noun).lower()] = (frozenset(str(c).lower() for c in body.get("cues") or ()), pair)
    return out


def _verb_senses(section: Any) -> dict[str, tuple[tuple[frozenset[str], TypeMode | None], ...]]:
    """verb -> ((cues, (type, mode) or None for 'no event'), ...); a sense with no cues is the verb's default."""
    out: dict[str, tuple[tuple[frozenset[str], TypeMode | None], ...]] = {}
    for verb, senses in (section or {}).items():
        out[str(verb).lower()] = tuple(
            (
                frozenset(str(c).lower() for c in body.get("cues") or ()),
                None
                if body.get("sense") is None
                else _type_modes({verb: body["sense"]}, "verb_senses")[str(verb).lower()],
            )
            for body in senses or ()
        )
    return out


def _cued_forms(
    cued: set[str], senses: dict[str, tuple[tuple[frozenset[str], TypeMode | None], ...]], forms: set[str]
) -> dict[str, frozenset[str]]:
    """Each form of a cued verb that no other trigger has, with every form of its cue words."""
    out: dict[str, frozenset[str]] = {}
    for lemma in sorted(cued):
        cue_forms = frozenset(
            f for cues, _ in senses[lemma] for c in cues for f in word_forms(c, verb=False) | word_forms(c, verb=True)
        )
        for form in word_forms(lemma, verb=True) - forms:
            out[form] = out.get(form, frozenset()) | cue_forms
    return out


def _pair(phrase: str) -> tuple[str, str]:
    verb, _, particle = phrase.lower().partition(" ")
    return verb, particle


def _parse(raw: dict[str, Any]) -> Lexicon:
    verbs = _pairs(raw.get("verbs"), "verbs")
    nouns = _pairs(raw.get("nouns"), "nouns")
    phrasal_raw = _type_modes(raw.get("phrasal"), "phrasal")
    phrasal = {tuple(k.split(" ", 1)): v for k, v in phrasal_raw.items()}
    ceasefire_nouns = frozenset(str(n).lower() for n in raw.get("ceasefire_nouns") or ())
    forms: set[str] = set()
    senses = _verb_senses(raw.get("verb_senses"))
    # a verb every sense of which needs a cue word ("landed" only with a missile or shell, "ended" only with an
    # agreement) selects a sentence only with a cue word in it (`cued_forms`): without one it reports nothing
    cued = {
        v
        for v, options in senses.items()
        if any(not cues and sense is None for cues, sense in options)  # with no cue word: no event (not the entry's)
        and all(cues or sense is None for cues, sense in options)
    }
    for lemma in verbs:
        if lemma not in cued:
            forms |= word_forms(lemma, verb=True)
    for lemma in nouns:
        forms |= word_forms(lemma, verb=False)
    for noun in (*ceasefire_nouns, "pause"):  # "a humanitarian pause" (truceline.events.triggers)
        forms |= word_forms(noun, verb=False)
    for key in ("denial_verbs", "accuse_verbs"):  # a denial or accusation is an event without a trigger verb
        for verb in raw.get(key) or ():
            forms |= word_forms(str(verb), verb=True)
    for key in ("response_verbs", "demand_verbs", "resolve_verbs", "loss_verbs"):  # recall.py, speakers.py read these
        for verb in raw.get(key) or ():
            forms |= word_forms(str(verb), verb=True)
    # "or face an assault", "will pay a price", "would pay for it": recall.py
    forms |= word_forms("face", verb=True) | word_forms("pay", verb=True) | {"price"}
    # a sentence of who died or was hurt gives the act just before it its figure (extract._suffered_after): parsed
    # only right after a sentence that may hold an act (EventTyper.select)
    harm_forms = {
        form
        for key in ("harm_verbs", "death_verbs")
        for v in raw.get(key) or ()
        for form in word_forms(str(v), verb=True)
    }
    for noun in raw.get("charge_nouns") or ():  # "called it a breach": the charge, not the common verb, selects
        forms |= word_forms(str(noun), verb=False)
    for modifier in ("air", "drone", "mortar", "rocket", "artillery", "missile", "gunmen", "gunman"):
        forms.add(modifier)  # "air strikes" is found through "strikes"; these catch unusual spellings cheaply
    # phrasal verbs ("open fire", "pull out") select a sentence only with their particle, up to two words apart
    phrasal_forms: dict[str, set[str]] = {}
    for verb, particle in phrasal:
        for form in word_forms(verb, verb=True):
            # "take to street": the last word ("took to the streets") selects, as a particle does
            phrasal_forms.setdefault(form, set()).update(word_forms(particle.split()[-1], verb=False))
    # a time limit given to a party selects its sentence: no trigger word names an ultimatum (recall.py reads it)
    limit_words: set[str] = set()
    for word in raw.get("time_limit_words") or ():
        limit_words |= word_forms(str(word), verb=False)
    time_limit_forms = {
        form: frozenset(limit_words)
        for verb in raw.get("time_limit_verbs") or ()
        for form in word_forms(str(verb), verb=True)
    }
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrasal=phrasal,  # type: ignore[arg-type]
        ceasefire_nouns=ceasefire_nouns,
        ceasefire_verbs=_type_modes(raw.get("ceasefire_verbs"), "ceasefire_verbs"),
        light_verbs=frozenset(raw.get("light_verbs") or ()),
        weapon_modes={str(k).lower(): str(v) for k, v in (raw.get("weapon_modes") or {}).items()},
        speech_verbs=frozenset(raw.get("speech_verbs") or ()),
        denial_verbs=frozenset(raw.get("denial_verbs") or ()),
        accuse_verbs=frozenset(raw.get("accuse_verbs") or ()),
        threat_cues=frozenset(raw.get("threat_cues") or ()),
        plan_cues=frozenset(raw.get("plan_cues") or ()),
        negation_cues=frozenset(raw.get("negation_cues") or ()),
        falsity_words=frozenset(raw.get("falsity_words") or ()),
        falsity_verbs=frozenset(raw.get("falsity_verbs") or ()),
        noun_senses=_senses(raw.get("noun_senses")),
        party_words=frozenset(raw.get("party_words") or ()),
        place_heads=frozenset(raw.get("place_heads") or ()),
        ending_verbs=frozenset(raw.get("ending_verbs") or ()),
        ending_phrasal=frozenset(_pair(str(p)) for p in raw.get("ending_phrasal") or ()),
        going_on=frozenset(_pair(str(p)) for p in raw.get("going_on") or ()),
        transfer_verbs=frozenset(raw.get("transfer_verbs") or ()),
        stative_participles=frozenset(raw.get("stative_participles") or ()),
        forms=frozenset(forms),
        harm_forms=frozenset(harm_forms - forms),
        cued_forms=_cued_forms(cued & set(verbs), senses, forms),
        phrasal_forms={k: frozenset(v) for k, v in phrasal_forms.items()},
        time_limit_forms=time_limit_forms,
        wish_cues=frozenset(raw.get("wish_cues") or ()),
        verb_senses=senses,
        **{name: frozenset(str(w).lower() for w in raw.get(name) or ()) for name in _WORD_LISTS},
    )


@cache
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon, checked against the ontology and compiled once per process."""
    try:
        text = resources.files("truceline").joinpath("data/triggers.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError("data/triggers.yaml is missing from the truceline package; reinstall it") from exc
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict):
        raise ModelError("data/triggers.yaml is not a mapping; fix the file or reinstall truceline")
    return _parse(raw)
