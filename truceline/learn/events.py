"""Event type and mode from a learned classifier over the parse and the spaCy tensor, combined with the lexicon.

Why: the trigger lexicon (data/triggers.yaml) types a word by its lemma alone, so it cannot see that "backs" in
"Iran backs the Houthis" is a standing relation and not an act, that "received" is a visit in one sentence and an
admission of observers in another, and it knows nothing of a verb it does not list. The classifier reads each
candidate trigger in its sentence: the lemma, its dependency context (head, objects, prepositions, negation,
modals, the verb governing an infinitive), the lexicon's own proposal, the sentence's words, and spaCy's tensor
for the trigger and the sentence (free: the sentence is parsed already). It predicts one of the 16 PLOVER types
with a mode, or NONE (no event).

How the two combine (`EventTyper.decide`), per candidate:
  * a lexicon candidate keeps its type unless the classifier is sure of something else: another type with
    probability >= `switch`, or NONE with probability >= `drop` (then the candidate is no event);
  * an open candidate (a verb, or a noun the model has seen as an event, that the lexicon does not list) becomes
    an event when the classifier gives it a type with probability >= `accept`.
The type's probability (summed over its modes) travels on the event as `type_probability`.

The model is one `truceline.learn.linear` file whose labels are "TYPE/mode" pairs and NONE, so the type
probability is the sum over its modes and the mode is the most likely one of the chosen type. Its metadata holds
the thresholds and the trigger vocabulary the sentence pre-filter adds to the lexicon's (`EventTyper.selects`).
Training data and the training itself are in `truceline.learn.event_data`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from truceline.errors import ModelError
from truceline.events.lexicon import Lexicon, load_lexicon, word_forms
from truceline.events.triggers import Candidate, Token, open_candidates, trigger_lemma
from truceline.learn.linear import LinearModel

NONE = "NONE"
# Rebuilt, deterministically, from the repository root (../shared beside it) with:
#   truceline train events --packaged --plover ../shared/eval/plover/plover_gsr.json \
#       --output truceline/data/models/events.npz
# The same command is recorded in the model's metadata ("rebuild").
PACKAGED_MODEL = "data/models/events.npz"
POLICIES = ("combined", "lexicon", "classifier")
DEFAULT_THRESHOLDS = {"switch": 0.7, "drop": 0.9, "accept": 0.6}
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
TENSOR_WIDTH = 96
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


def _lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def candidate_lemma(cand: Candidate, lex: Lexicon) -> str:
    """The trigger's lemma, repaired against the lexicon's tables the way the lexicon looks words up."""
    table = lex.nouns if cand.nominal else lex.verbs
    return trigger_lemma(cand.token, table)


def sentence_words(doc: Any) -> list[tuple[int, str]]:
    """(token index, lemma) of the sentence's content words, the context every candidate of it shares."""
    return [(t.i, _lemma(t)) for t in doc if t.pos_ in _CONTENT and t.is_alpha]


def features(cand: Candidate, lex: Lexicon, context: list[tuple[int, str]] | None = None) -> dict[str, float]:
    """Named sparse features of one candidate trigger in its parsed sentence (`context`: sentence_words of its
    doc, computed once per sentence by the caller that has several candidates)."""
    token = cand.token
    lemma = candidate_lemma(cand, lex)
    kind = "N" if cand.nominal else "V"
    out: dict[str, float] = {
        f"lem={lemma}": 1.0,
        f"lem{kind}={lemma}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
    }
    if cand.lexical and cand.type:
        out[f"lex={cand.type}"] = 1.0
        out[f"lexmode={cand.type}/{cand.mode}"] = 1.0
        if cand.ceasefire_noun is not None:
            out["lex_ceasefire"] = 1.0
        if cand.extra and not cand.nominal:
            out[f"lexphrase={lemma}+{cand.extra[0].lower_}"] = 1.0
    else:
        out["lex=NONE"] = 1.0
    entry = (lex.nouns if cand.nominal else lex.verbs).get(lemma)
    if entry is not None:
        out[f"lexword={entry[0]}"] = 1.0
    head = token.head
    if head.i != token.i:
        out[f"head={_lemma(head)}"] = 1.0
        out[f"headdep={token.dep_}:{_lemma(head)}"] = 1.0
    else:
        out["root"] = 1.0
    for child in token.children:
        _child_features(child, out)
    if cand.governor is not None:
        out[f"gov={_lemma(cand.governor)}"] = 1.0
        for child in cand.governor.children:
            if child.dep_ in ("neg", "aux", "nsubj", "nsubjpass"):
                _child_features(child, out, prefix="g")
    if token.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj", "conj"):
        out[f"under={token.dep_}:{_lemma(head)}"] = 1.0
    for depth, anc in enumerate(token.ancestors):
        if depth >= 3:
            break
        if anc.pos_ == "VERB" or anc.tag_.startswith("VB"):
            out[f"anc={_lemma(anc)}"] = 1.0
            for child in anc.children:
                if child.dep_ in ("mark", "neg") or (child.dep_ == "aux" and child.tag_ == "MD"):
                    out[f"anc_{child.dep_}={child.lower_}"] = 1.0
    if token.ent_type_:
        out[f"ent={token.ent_type_}"] = 1.0
    if context is None:
        context = sentence_words(token.doc)
    words = [lemma for i, lemma in context if i != token.i]
    if words:
        weight = 1.0 / np.sqrt(len(words))
        for word in words:
            out[f"s={word}"] = weight
    return out


def _child_features(child: Token, out: dict[str, float], prefix: str = "") -> None:
    dep = child.dep_
    lemma = _lemma(child)
    if dep in ("dobj", "attr", "oprd", "dative"):
        out[f"{prefix}obj={lemma}"] = 1.0
    elif dep in ("nsubj", "nsubjpass", "csubj"):
        out[f"{prefix}{dep}"] = 1.0
        if child.ent_type_:
            out[f"{prefix}subj_ent={child.ent_type_}"] = 1.0
        out[f"{prefix}subj={lemma}"] = 1.0
    elif dep in ("prep", "agent"):
        out[f"{prefix}prep={child.lower_}"] = 1.0
        for grand in child.children:
            if grand.dep_ in ("pobj", "pcomp"):
                out[f"{prefix}pobj={child.lower_}:{_lemma(grand)}"] = 1.0
    elif dep == "prt":
        out[f"{prefix}prt={child.lower_}"] = 1.0
    elif dep == "neg":
        out[f"{prefix}neg"] = 1.0
    elif dep == "aux" and child.tag_ == "MD":
        out[f"{prefix}modal={child.lower_}"] = 1.0
    elif dep == "aux" and lemma == "be" and child.head.tag_ == "VBG":
        out[f"{prefix}progressive"] = 1.0
    elif dep == "auxpass":
        out[f"{prefix}passive"] = 1.0
    elif dep in ("xcomp", "ccomp"):
        out[f"{prefix}{dep}={lemma}"] = 1.0
    elif dep in ("compound", "amod", "nmod", "npadvmod"):
        out[f"{prefix}mod={lemma}"] = 1.0
    elif dep == "det":
        out[f"{prefix}det={child.lower_}"] = 1.0
    elif dep == "poss":
        out[f"{prefix}poss"] = 1.0
    elif dep == "mark":
        out[f"{prefix}mark={child.lower_}"] = 1.0
    elif dep == "nummod":
        out[f"{prefix}nummod"] = 1.0
    elif dep == "advmod":
        out[f"{prefix}adv={lemma}"] = 1.0


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)


def sentence_vector(doc: Any) -> np.ndarray | None:
    """The sentence's mean row of the spaCy tensor, unit length; None when the pipeline set no tensor."""
    tensor = doc.tensor
    if tensor is None or getattr(tensor, "shape", (0, 0))[-1] != TENSOR_WIDTH or len(tensor) != len(doc):
        return None
    return _unit(np.asarray(tensor.mean(axis=0), dtype=np.float64))


def dense(token: Token, mean: np.ndarray | None = None) -> np.ndarray:
    """The trigger's row of the spaCy tensor and the sentence's mean row (`sentence_vector`), each unit length."""
    mean = sentence_vector(token.doc) if mean is None else mean
    if mean is None:
        return np.zeros(2 * TENSOR_WIDTH)
    own = np.asarray(token.doc.tensor[token.i], dtype=np.float64)
    return np.concatenate([_unit(own), mean])


@dataclass(frozen=True, slots=True)
class Typing:
    """The classifier's reading of one candidate: its best type and mode, the probability of every type."""

    type: str
    mode: str
    probability: float
    types: dict[str, float]
    modes: dict[str, float]

    def best_mode(self, type_: str, fallback: str = "general") -> str:
        return _best_mode(self.modes, type_, fallback)


def _best_mode(modes: dict[str, float], type_: str, fallback: str = "general") -> str:
    """The likeliest mode of one type among the model's TYPE/mode labels (`fallback` when it has none)."""
    options = {m: p for m, p in modes.items() if m.startswith(type_ + "/")}
    return max(options, key=options.__getitem__).split("/", 1)[1] if options else fallback


class EventTyper:
    """A trained event model with the policy that combines it with the lexicon (see the module docstring)."""

    def __init__(self, model: LinearModel, path: str, policy: str = "combined") -> None:
        if policy not in POLICIES:
            raise ModelError(f"unknown event typing policy {policy!r}; choose one of {', '.join(POLICIES)}")
        if not any(label == NONE for label in model.labels) or model.dense_size not in (0, 2 * TENSOR_WIDTH):
            raise ModelError(f"{path}: not an event-type model (labels TYPE/mode and NONE); retrain it")
        self.model = model
        self.path = path
        self.policy = policy
        thresholds = dict(DEFAULT_THRESHOLDS)
        thresholds.update({k: float(v) for k, v in (model.meta.get("thresholds") or {}).items() if k in thresholds})
        self.thresholds = thresholds
        self.event_nouns = frozenset(model.meta.get("event_nouns") or ())
        forms: set[str] = set()
        for lemma in model.meta.get("select_verbs") or ():
            forms |= word_forms(lemma, verb=True)
        for lemma in model.meta.get("select_nouns") or ():
            forms |= word_forms(lemma, verb=False)
        self.forms = frozenset(forms)
        self._types = [label.split("/", 1)[0] for label in model.labels]

    @classmethod
    def load(cls, path: Path | str, policy: str = "combined") -> EventTyper:
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"event model {path} does not exist; train one with `truceline train events FILE`")
        return cls(LinearModel.load(path), str(path), policy)

    def selects(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """True when text[start:end] may hold an event: a lexicon trigger, or a word the model has seen as one."""
        lex = load_lexicon()
        if lex.selects(text, start, end):
            return True
        if not self.forms or self.policy == "lexicon":
            return False
        words = _WORD.findall(text, start, len(text) if end is None else end)
        return any(w.lower() in self.forms for w in words)

    def select(self, text: str, sentences: Sequence[tuple[int, int]]) -> list[int]:
        """Indexes of the sentences to parse: those that may hold an event, and a sentence right after one of them
        that tells who died or was hurt ("A local official said nine people were hurt": the act's figure)."""
        lex = load_lexicon()
        chosen: list[int] = []
        for i, (start, end) in enumerate(sentences):
            if self.selects(text, start, end) or (chosen and chosen[-1] == i - 1 and lex.tells_harm(text, start, end)):
                chosen.append(i)
        return chosen

    def read(self, cands: Sequence[Candidate], lex: Lexicon) -> list[Typing]:
        """The classifier's reading of each candidate (no policy applied)."""
        if not cands:
            return []
        doc = cands[0].token.doc
        context = sentence_words(doc)
        feats = [features(c, lex, context) for c in cands]
        vectors = None
        if self.model.dense_size:
            mean = sentence_vector(doc)
            vectors = np.vstack([dense(c.token, mean) for c in cands])
        probs = self.model.probabilities(feats, vectors)
        labels = self.model.labels
        out: list[Typing] = []
        for row in probs.tolist():  # plain floats: one conversion per sentence, not one per label
            types: dict[str, float] = {}
            for type_, p in zip(self._types, row, strict=True):
                types[type_] = types.get(type_, 0.0) + p
            best = max(types, key=types.__getitem__)
            modes = {label: p for label, p in zip(labels, row, strict=True) if label != NONE}
            mode = _best_mode(modes, best) if best != NONE else ""
            out.append(Typing(best, mode, types[best], types, modes))
        return out

    def decide(self, doc: Any, found: list[Candidate], lex: Lexicon) -> list[tuple[Candidate, float | None]]:
        """The sentence's events: lexicon candidates kept, retyped or dropped, open candidates accepted or not,
        each with the probability of its type (None when the lexicon decided without the model: policy
        'lexicon')."""
        if self.policy == "lexicon":
            return [(c, None) for c in found]
        cands = [*found, *open_candidates(doc, lex, found, self.event_nouns)]
        readings = self.read(cands, lex)
        out: list[tuple[Candidate, float | None]] = []
        t = self.thresholds
        for cand, reading in zip(cands, readings, strict=True):
            if self.policy == "classifier":
                if reading.type != NONE:
                    out.append((_retyped(cand, reading.type, reading), reading.probability))
                continue
            if not cand.lexical:
                if reading.type != NONE and reading.probability >= t["accept"]:
                    out.append((_retyped(cand, reading.type, reading), reading.probability))
                continue
            # A lexicon candidate is never dropped here: whether a word names a happening at all (an aim, a standing
            # relation, a toll) is decided by the eventhood rules before the classifier sees it
            # (events/eventhood.py); the model retypes. Its fitted "drop" threshold stays in the file, unused.
            if reading.type not in (NONE, cand.type) and reading.probability >= t["switch"]:
                out.append((_retyped(cand, reading.type, reading), reading.probability))
                continue
            out.append((cand, reading.types.get(cand.type, 0.0)))
        return out


def _retyped(cand: Candidate, type_: str, reading: Typing) -> Candidate:
    if cand.lexical and cand.type == type_:
        return cand
    return replace(cand, type=type_, mode=reading.best_mode(type_))


@cache
def _load_default(path: str, policy: str) -> EventTyper:
    return EventTyper.load(path, policy)


def packaged_model_path() -> Path:
    return Path(str(resources.files("truceline").joinpath(PACKAGED_MODEL)))


def load_typer(path: Path | str | None = None, policy: str = "combined") -> EventTyper:
    """The event typer for a model file (default: the packaged model), loaded once per process and path."""
    return _load_default(str(Path(path).resolve() if path is not None else packaged_model_path()), policy)
