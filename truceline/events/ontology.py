"""The PLOVER ontology as shipped in data/plover.yaml: types, modes, and their CAMEO and ACLED export codes.

Loaded once per process; `validate` is what the consistency test and the loader run, so a bad edit to the data
file fails early with a message naming the entry instead of producing silently unmapped events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from truceline.errors import ModelError
from truceline.model import Actor

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mode:
    name: str
    cameo: str
    acled: str
    ceasefire: str | None = None


@dataclass(frozen=True, slots=True)
class AcledSubEvent:
    key: str
    event_type: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ontology:
    modes: dict[str, dict[str, Mode]]  # type -> mode name -> Mode
    acled: dict[str, AcledSubEvent]
    rules: dict[str, str]
    _alias: dict[str, str]
    civilian_words: frozenset[str] = frozenset()
    protester_words: frozenset[str] = frozenset()
    state_words: frozenset[str] = frozenset()
    rioter_words: frozenset[str] = frozenset()
    mob_words: frozenset[str] = frozenset()
    nonstate_words: frozenset[str] = frozenset()
    verbal_types: frozenset[str] = frozenset()  # acts done by saying something (PLOVER's verbal quad classes)
    mutual_types: frozenset[str] = frozenset()  # verbal acts two parties do together: either may be named first

    def mode(self, type_: str, mode: str | None) -> Mode:
        """The Mode record, falling back to the type's general mode for None or unknown modes."""
        modes = self.modes[type_]
        return modes.get(mode or "general") or modes["general"]

    def cameo(self, type_: str, mode: str | None) -> str:
        return self.mode(type_, mode).cameo

    def acled_subevent(
        self, type_: str, mode: str | None, actor: Actor | None = None, recipient: Actor | None = None
    ) -> str:
        """ACLED sub-event key for an event; who acts and who is hit refine it the way the ACLED codebook does."""
        key = self.mode(type_, mode).acled
        target = _sectors(recipient) | self._sectors_by_words(recipient)
        source = _sectors(actor) | self._sectors_by_words(actor)
        if type_ in ("ASSAULT", "COERCE") and key not in ("ARRESTS", "PROTEST_WITH_INTERVENTION"):
            if "MOB" in source:
                return self.rules["mob"]
            if "RIOT" in source:
                return self.rules["riot"]
        if type_ == "ASSAULT":
            if "PRT" in target:
                return self.rules["protester_target"]
            if key == "ARMED_CLASH" and "CVL" in target:
                return self.rules["civilian_target"]
            if (mode or "") == "capture_territory" and source & {"GOV", "MIL"} and "NONSTATE" not in source:
                return self.rules["state_capture"]
        return key

    def _sectors_by_words(self, actor: Actor | None) -> set[str]:
        """Sectors read from an actor's words when the dictionary gave none ("three villagers", "army units")."""
        if actor is None:
            return set()
        words = set(re.findall(r"[a-z]+", actor.text.lower()))
        words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-3] + "y" for w in words if w.endswith("ies")}
        words |= {w[:-2] + "an" for w in words if w.endswith("en")}  # "gunmen" -> "gunman", "militiamen"
        found = set()
        for sector, vocabulary in (
            ("PRT", self.protester_words),
            ("CVL", self.civilian_words),
            ("MIL", self.state_words),
            ("RIOT", self.rioter_words),
            ("MOB", self.mob_words),
            ("NONSTATE", self.nonstate_words),
        ):
            if words & vocabulary:
                found.add(sector)
        return found

    def normalise_acled(self, label: str) -> str | None:
        """Map an ACLED sub-event name in any common spelling ("Air/drone strike", AIR_STRIKE) to our key."""
        return self._alias.get(_norm(label))


def _sectors(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    found = {actor.sector} if actor.sector else set()
    for member in actor.members:
        found |= _sectors(member)
    return found


def _norm(label: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "", label.upper())


def _parse(raw: Any) -> Ontology:
    if not isinstance(raw, dict) or "types" not in raw or "acled_subevents" not in raw:
        raise ModelError("data/plover.yaml lacks 'types' or 'acled_subevents'; reinstall truceline or fix the file")
    acled: dict[str, AcledSubEvent] = {}
    alias: dict[str, str] = {}
    for key, row in raw["acled_subevents"].items():
        acled[key] = AcledSubEvent(key, row["event_type"], row["name"], tuple(row.get("aliases") or ()))
        for spelling in (key, row["name"], *acled[key].aliases):
            alias[_norm(spelling)] = key
    modes: dict[str, dict[str, Mode]] = {}
    for type_, body in raw["types"].items():
        modes[type_] = {
            name: Mode(name, str(m["cameo"]), str(m["acled"]), m.get("ceasefire"))
            for name, m in (body.get("modes") or {}).items()
        }
    ontology = Ontology(
        modes,
        acled,
        dict(raw.get("acled_rules") or {}),
        alias,
        frozenset(raw.get("civilian_words") or ()),
        frozenset(raw.get("protester_words") or ()),
        frozenset(raw.get("state_words") or ()),
        frozenset(raw.get("rioter_words") or ()),
        frozenset(raw.get("mob_words") or ()),
        frozenset(raw.get("nonstate_words") or ()),
        frozenset(raw.get("verbal_types") or ()),
        frozenset(raw.get("mutual_types") or ()),
    )
    problems = validate(ontology)
    if problems:
        raise ModelError("data/plover.yaml is inconsistent: " + "; ".join(problems[:5]))
    return ontology


def validate(ontology: Ontology) -> list[str]:
    """Every PLOVER type present with a general mode; every mode mapped to a CAMEO code and a known ACLED key."""
    problems: list[str] = []
    for type_ in PLOVER_TYPES:
        if "general" not in ontology.modes.get(type_, {}):
            problems.append(f"type {type_} missing or without a 'general' mode")
    for type_, modes in ontology.modes.items():
        if type_ not in PLOVER_TYPES:
            problems.append(f"unknown type {type_}")
        for mode in modes.values():
            if not re.fullmatch(r"\d{3,4}", mode.cameo):
                problems.append(f"{type_}/{mode.name}: CAMEO code {mode.cameo!r} is not 3-4 digits")
            if mode.acled not in ontology.acled:
                problems.append(f"{type_}/{mode.name}: ACLED key {mode.acled!r} not in acled_subevents")
    for type_ in sorted(ontology.verbal_types | ontology.mutual_types):
        if type_ not in PLOVER_TYPES:
            problems.append(f"verbal_types or mutual_types: unknown type {type_}")
    if not ontology.mutual_types <= ontology.verbal_types:
        problems.append("mutual_types must be verbal_types too")
    for rule, key in ontology.rules.items():
        if key not in ontology.acled:
            problems.append(f"acled rule {rule} -> unknown key {key}")
    return problems


@cache
def load_ontology() -> Ontology:
    """The packaged ontology, parsed and validated once per process."""
    try:
        text = resources.files("truceline").joinpath("data/plover.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError("data/plover.yaml is missing from the truceline package; reinstall it") from exc
    return _parse(yaml.safe_load(text))
