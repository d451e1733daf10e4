"""The learned ACLED sub-event classifier: the rule path's reading of an event plus the words of its sentence.

The rule path (events/coding.py, then Ontology.acled_subevent) reads a PLOVER type and mode and maps them to an
ACLED sub-event type. It is right when the trigger and its arguments are, and wrong in whole classes of notes: "the
army defused an IED" is no IED attack, "police fired tear gas and rubber bullets, injuring dozens" is excessive
force rather than a protest with intervention, and a prisoner swap is an agreement whatever verb carries it. This
model takes the rule path's reading as features (proposed sub-type, PLOVER type and mode, actor and target sectors,
trigger) beside the words of the text (stems and bigrams) and classes of weapon, act and target words
(data/training/acled_cues.yaml), and picks the sub-type with the shared softmax regression (learn/linear.py,
classes balanced, which favours macro-F1).

Every feature comes from plain text and the coded event, none from the spaCy parse, so one model codes a stored
event in `truceline events --format acled` (its sentence, type, mode, actors and trigger from the event's JSON)
and a free-standing note in `truceline eval acled-types` (the note and its main event).

Rebuild the shipped model (deterministic; our notes in data/training/acled_notes.tsv, the names of the sub-types
in data/plover.yaml, and the tune half of CASE 2021 task 2 read from ../shared at training time when present):

    python -m truceline.learn.acled --shared ../shared
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from truceline.errors import ModelError
from truceline.events.ontology import load_ontology
from truceline.learn.linear import LinearModel
from truceline.model import Actor, Event

MODEL_FILE = "data/models/acled_subevents.npz"
CUES_FILE = "data/training/acled_cues.yaml"
NOTES_FILE = "data/training/acled_notes.tsv"

_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_STOPWORDS = (
    "a an the of in on at to and or by for from with was were is are be been has have had that this which who "
    "its their his her it they he she as into after before during over said says also than but not"
)
_STOP = frozenset(_STOPWORDS.split())
# Words weigh more than the rule path's one-hot features: a note's words carry most of what tells sub-types apart.
_WORD_WEIGHT = 4.0
_VIOLENT_FIRST = ("ASSAULT", "PROTEST", "COERCE")
OVERRIDE = 0.5  # event_subevent: the classifier's probability needed to overrule the ontology's proposal


@dataclass(frozen=True, slots=True)
class Reading:
    """What the rule path made of an event: PLOVER type and mode, the sub-type the ontology proposes, who acts and
    who is hit, and the trigger word. All None/empty when the rule path coded no event."""

    type: str | None = None
    mode: str | None = None
    proposed: str | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    trigger: str = ""


def reading_of(
    type_: str | None, mode: str | None, actor: Actor | None, recipient: Actor | None, trigger: str = ""
) -> Reading:
    """A Reading from an event's coded fields, with the ontology's proposed sub-type."""
    ontology = load_ontology()
    if type_ is None or type_ not in ontology.modes:
        return Reading()
    proposed = ontology.acled_subevent(type_, mode, actor, recipient)
    return Reading(type_, mode, proposed, actor, recipient, trigger)


def event_reading(event: Event | None) -> Reading:
    if event is None:
        return Reading()
    return reading_of(event.type, event.mode, event.actor, event.recipient, event.trigger.text)


def stem(word: str) -> str:
    """A crude English stem, enough to join "strikes"/"strike"/"striking" and "shelled"/"shelling"."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and (w.endswith("ed") or (w.endswith("es") and not w.endswith("ses"))):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower())]


@cache
def cue_classes() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word classes of data/training/acled_cues.yaml, each phrase as a tuple of stems."""
    try:
        text = resources.files("truceline").joinpath(CUES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"{CUES_FILE} is missing from the truceline package; reinstall it") from exc
    return {str(name): tuple(tuple(stems(p)) for p in phrases) for name, phrases in yaml.safe_load(text).items()}


def _cues(tokens: Sequence[str]) -> set[str]:
    found = set()
    present = set(tokens)
    for name, phrases in cue_classes().items():
        for phrase in phrases:
            if not phrase or phrase[0] not in present:
                continue
            n = len(phrase)
            if n == 1 or any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
                found.add(name)
                break
    return found


def _sectors(actor: Actor | None) -> set[str]:
    if actor is None:
        return {"none"}
    found = {m.sector for m in (actor, *actor.members) if m.sector}
    found |= load_ontology()._sectors_by_words(actor)
    return found or {"unknown"}


def features(text: str, reading: Reading) -> dict[str, float]:
    """Named features of one event: its sentence (or a whole note) `text` and the rule path's `reading`."""
    feats: dict[str, float] = {}
    if reading.type is None:
        feats["rule:none"] = 1.0
    else:
        feats[f"rule:{reading.proposed}"] = 1.0
        feats[f"type:{reading.type}"] = 1.0
        feats[f"mode:{reading.type}/{reading.mode or 'general'}"] = 1.0
    for role, actor in (("actor", reading.actor), ("target", reading.recipient)):
        for sector in sorted(_sectors(actor)):
            feats[f"{role}:{sector}"] = 1.0
    if reading.trigger.split():
        feats[f"trigger:{stem(reading.trigger.split()[-1])}"] = 1.0
    tokens = stems(text)
    content = [t for t in tokens if t not in _STOP]
    weight = _WORD_WEIGHT / max(1.0, len(content)) ** 0.5
    for token in content:
        feats[f"w:{token}"] = weight
    for a, b in pairwise(tokens):
        if a not in _STOP or b not in _STOP:
            feats[f"b:{a}_{b}"] = weight / 2
    for cue in sorted(_cues(tokens)):
        feats[f"cue:{cue}"] = 1.0
    return feats


def acled_event(events: Sequence[Event], docs: dict[int, Any]) -> Event | None:
    """The event an incident note is about: the main event, unless the note's first sentence also reports
    violence or a protest, which ACLED codes in preference to the statements around it."""
    from truceline.events.coding import main_event

    chosen = main_event(events, docs)
    if chosen is None or chosen.type in _VIOLENT_FIRST:
        return chosen
    same = [e for e in events if e.sentence_start == chosen.sentence_start and e.type in _VIOLENT_FIRST]
    return same[0] if same else chosen


_CHOSEN: list[Path] = []  # a model file the user named (settings `acled_model`), else the packaged one


def use_model(path: Path | None) -> None:
    """Make `load_model` read `path` (a model written by `truceline train acled`); None goes back to the packaged
    model. Called by the CLI from the settings, before any export."""
    _CHOSEN[:] = [path] if path is not None else []
    load_model.cache_clear()


@cache
def load_model() -> LinearModel | None:
    """The model in use, loaded once per process: the one `use_model` named, else the packaged one; None when the
    package has none (the rule path then decides)."""
    path = _CHOSEN[0] if _CHOSEN else Path(str(resources.files("truceline").joinpath(MODEL_FILE)))
    return LinearModel.load(path) if path.is_file() else None


def classify(text: str, reading: Reading, model: LinearModel | None = None) -> tuple[str, float]:
    """The ACLED sub-event key of one event and the model's probability for it; the rule path's proposal (with
    probability 1.0) when no model is available."""
    model = model or load_model()
    if model is None:
        return reading.proposed or "OTHER", 1.0
    return model.predict([features(text, reading)])[0]


def event_subevent(text: str, reading: Reading, model: LinearModel | None = None) -> tuple[str, float]:
    """The sub-event key of one event among the many of an article (what `--format acled` writes).

    Stricter than `classify`, which answers for a note that is about one incident: an act ACLED has no category
    for (a statement, a visit, an accusation: the ontology proposes OTHER) stays OTHER whatever else its sentence
    reports, and the classifier overrides the ontology's proposal only when it gives its own choice at least
    OVERRIDE probability; a low-probability choice is as often wrong as right on the events of a whole report.
    """
    if reading.proposed in (None, "OTHER"):
        return "OTHER", 1.0
    key, probability = classify(text, reading, model)
    if key == reading.proposed or probability >= OVERRIDE:
        return key, probability
    return reading.proposed, probability


def load_notes(path: Path | None = None) -> list[tuple[str, str, str]]:
    """(id, note, sub-type key) rows of our labelled notes (data/training/acled_notes.tsv by default)."""
    try:
        if path is None:
            text = resources.files("truceline").joinpath(NOTES_FILE).read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path or NOTES_FILE}: cannot read the labelled notes ({exc})") from None
    ontology = load_ontology()
    rows = []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        key = ontology.normalise_acled(row.get("subtype") or "")
        if key is None or not row.get("note"):
            raise ModelError(f"{path or NOTES_FILE}: row {row.get('id')!r} lacks a note or a known ACLED sub-type")
        rows.append((str(row.get("id")), str(row["note"]), key))
    return rows


__all__ = [
    "Reading",
    "acled_event",
    "classify",
    "event_reading",
    "event_subevent",
    "features",
    "load_model",
    "load_notes",
    "reading_of",
    "stem",
]


if __name__ == "__main__":
    import sys

    from truceline.learn.acled_train import main

    sys.exit(main())
