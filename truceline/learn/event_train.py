"""Training the event classifier (truceline.learn.events) from examples built by truceline.learn.event_data.

Deterministic throughout: linear.train is full-batch from zero weights, and the folds are fixed by the hash of each
example's text, so the same labelled data gives the same model file. Five folds give out-of-fold probabilities
for every example; from them come

  * the temperature (calibrated `type_probability`), by linear.fit_temperature;
  * the three thresholds of the policy (`switch`, `drop`, `accept`, see truceline.learn.events): each is the
    lowest probability at which the out-of-fold decisions it would allow are right at least `PRECISION` of the
    time; where too few decisions exist to tell, the default stays;
  * the cross-validated type accuracy recorded in the model's metadata.

Folds by sentence flatter a classifier whose training sentences come in families (several sentences written for
one CAMEO category share its verbs), so when the examples carry their CAMEO category (`Built.groups`), a second
cross-validation holds out whole categories, and whole CAMEO roots (the two-digit families): the accuracy on
categories the model never saw estimates how it does on verbs and phrasings nobody labelled
(`held_out_categories`, recorded in the metadata as well).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from truceline.errors import InputError
from truceline.events.lexicon import load_lexicon
from truceline.learn.event_data import Built, all_labels, build, gather
from truceline.learn.events import DEFAULT_THRESHOLDS, NONE, packaged_model_path
from truceline.learn.linear import LinearModel, fit_temperature, softmax, train

REBUILD = (
    "truceline train events --packaged --plover ../shared/eval/plover/plover_gsr.json "
    "--output truceline/data/models/events.npz"
)
FOLDS = 5
L2 = 1e-3
EPOCHS = 200
PRECISION = {"switch": 0.75, "drop": 0.95, "accept": 0.9}  # a wrong drop loses a real row: the highest bar
FLOOR = {"switch": 0.5, "drop": 0.7, "accept": 0.6}  # never lower: real text has more ordinary words than ours
MIN_DECISIONS = 8
SELECT_MIN = 5  # labelled an event this often (and never NONE) before its forms make a sentence worth parsing
_GRID = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95


def _fold(text: str) -> int:
    return hashlib.sha256(("truceline-events-fold:" + text).encode("utf-8")).digest()[0]


def _trigger_vocabulary(built: Built) -> dict[str, list[str]]:
    """Lemmas labelled as an event at least as often as not (full-weight examples): the nouns the open candidates
    add to the lexicon's ("event_nouns"); and those labelled an event at least SELECT_MIN times and never NONE,
    whose forms the sentence pre-filter adds to the lexicon's ("select_verbs", "select_nouns"). Stance cues,
    speech and light verbs are the coder's, never triggers of their own."""
    lex = load_lexicon()
    cues = lex.speech_verbs | lex.plan_cues | lex.threat_cues | lex.negation_cues | lex.light_verbs | lex.denial_verbs
    pos: Counter[tuple[str, bool]] = Counter()
    neg: Counter[tuple[str, bool]] = Counter()
    for example, key in zip(built.examples, built.lemmas, strict=True):
        if example.weight < 1.0:
            continue
        (neg if example.label == NONE else pos)[key] += 1
    keep = sorted(k for k in pos if pos[k] >= neg[k] and len(k[0]) > 2 and k[0].isalpha() and k[0] not in cues)
    select = [k for k in keep if pos[k] >= SELECT_MIN and not neg[k]]
    return {
        "event_verbs": [lemma for lemma, nominal in keep if not nominal],
        "event_nouns": [lemma for lemma, nominal in keep if nominal],
        "select_verbs": [lemma for lemma, nominal in select if not nominal],
        "select_nouns": [lemma for lemma, nominal in select if nominal],
    }


def type_probabilities(labels: Sequence[str], probs: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Per row, the probability of each type (summed over its modes); the type names in column order."""
    kinds = [label.split("/", 1)[0] for label in labels]
    names = sorted(set(kinds))
    index = np.array([names.index(k) for k in kinds])
    summed = np.zeros((len(probs), len(names)))
    np.add.at(summed.T, index, probs.T)
    return names, summed


def fit_thresholds(built: Built, labels: Sequence[str], probs: np.ndarray) -> dict[str, float]:
    """The policy's thresholds from out-of-fold probabilities (see the module docstring)."""
    names, summed = type_probabilities(labels, probs)
    top = [names[int(i)] for i in summed.argmax(axis=1)]
    conf = summed.max(axis=1)
    gold = [e.label.split("/", 1)[0] for e in built.examples]
    lexicon = [next((k[4:] for k in e.features if k.startswith("lex=")), NONE) for e in built.examples]
    rows: dict[str, list[int]] = {"switch": [], "drop": [], "accept": []}
    for i, (proposed, best) in enumerate(zip(lexicon, top, strict=True)):
        if built.examples[i].weight < 1.0:
            continue
        if proposed == NONE and best != NONE:
            rows["accept"].append(i)
        elif proposed != NONE and best == NONE:
            rows["drop"].append(i)
        elif proposed != NONE and best != proposed:
            rows["switch"].append(i)
    out = dict(DEFAULT_THRESHOLDS)
    for name, chosen in rows.items():
        for threshold in (t for t in _GRID if t >= FLOOR[name]):
            above = [i for i in chosen if conf[i] >= threshold]
            if len(above) < MIN_DECISIONS:
                break
            if sum(gold[i] == top[i] for i in above) / len(above) >= PRECISION[name]:
                out[name] = threshold
                break
    return out


def _type_decisions(built: Built, rows: Sequence[int], probs: np.ndarray, thresholds: dict[str, float]) -> dict:
    """Type accuracy of the classifier alone, the lexicon alone and the two combined (the policy of
    truceline.learn.events) on `rows`, from their (held-out) label probabilities."""
    names, summed = type_probabilities(all_labels(), probs)
    right = {"classifier": 0, "lexicon": 0, "combined": 0}
    for row, i in enumerate(rows):
        example = built.examples[i]
        gold = example.label.split("/", 1)[0]
        best = names[int(summed[row].argmax())]
        conf = float(summed[row].max())
        proposed = next((k[4:] for k in example.features if k.startswith("lex=")), NONE)
        if proposed == NONE:
            combined = best if best != NONE and conf >= thresholds["accept"] else NONE
        elif best == NONE:
            combined = NONE if conf >= thresholds["drop"] else proposed
        else:
            combined = best if best != proposed and conf >= thresholds["switch"] else proposed
        right["classifier"] += best == gold
        right["lexicon"] += proposed == gold
        right["combined"] += combined == gold
    return {name: round(n / len(rows), 4) for name, n in right.items()} | {"examples": len(rows)}


def held_out_categories(
    built: Built,
    *,
    level: int | None = None,
    folds: int = FOLDS,
    thresholds: dict[str, float] | None = None,
    temperature: float = 1.0,
) -> dict | None:
    """Type accuracy on the examples of CAMEO categories held out whole (``level``: compare only the first
    `level` characters of the code, 2 for the roots): every fold trains on all other examples, sentences of
    unknown category included, and predicts the held-out categories' examples; the combined policy uses
    `thresholds` on probabilities divided by `temperature`, as the trained model does. None when fewer categories
    than folds are known."""
    keys = [g[:level] if g is not None and level else g for g in built.groups]
    grouped = sorted({k for k in keys if k is not None})
    if len(grouped) < folds:
        return None
    labels = all_labels()
    rows_all: list[int] = []
    probs_all: list[np.ndarray] = []
    for k in range(folds):
        held = [i for i, key in enumerate(keys) if key is not None and _fold(key) % folds == k]
        if not held:
            continue
        held_set = set(held)
        model = train(
            [e for i, e in enumerate(built.examples) if i not in held_set], labels=labels, l2=L2, epochs=EPOCHS
        )
        vectors = np.asarray([built.examples[i].dense for i in held])
        logits = model.logits([built.examples[i].features for i in held], vectors)
        probs_all.append(softmax(logits / temperature))
        rows_all.extend(held)
    out = _type_decisions(built, rows_all, np.vstack(probs_all), thresholds or dict(DEFAULT_THRESHOLDS))
    return out | {"categories": len(grouped), "level": level or "category"}


def train_events(built: Built, *, sources: dict[str, int], command: str = REBUILD, folds: int = FOLDS) -> LinearModel:
    """Train the event model on `built` examples; with `folds` > 1, out-of-fold predictions calibrate it."""
    if not built.examples:
        raise InputError("no usable labelled triggers: check the 'trigger' words against the texts")
    labels = all_labels()
    fold_of = [_fold(t) % max(folds, 1) for t in built.texts]
    oof = np.zeros((len(built.examples), len(labels)))
    trained_folds = 0
    for k in range(folds if folds > 1 else 0):
        train_rows = [i for i, f in enumerate(fold_of) if f != k]
        test_rows = [i for i, f in enumerate(fold_of) if f == k]
        if not train_rows or not test_rows:
            continue
        part = train([built.examples[i] for i in train_rows], labels=labels, l2=L2, epochs=EPOCHS)
        vectors = np.asarray([built.examples[i].dense for i in test_rows])
        oof[test_rows] = part.logits([built.examples[i].features for i in test_rows], vectors)
        trained_folds += 1
    vocabulary = _trigger_vocabulary(built)
    model = train(
        built.examples,
        labels=labels,
        l2=L2,
        epochs=EPOCHS,
        meta={
            "what": "event type and mode of a candidate trigger (truceline.learn.events)",
            "rebuild": command,
            "sources": sources,
            "thresholds": dict(DEFAULT_THRESHOLDS),
            **vocabulary,
            "cross_validated_type_accuracy": None,
        },
    )
    if trained_folds == folds and folds > 1:
        gold = [e.label for e in built.examples]
        model.temperature = fit_temperature(model, oof, gold)
        probs = softmax(oof / model.temperature)
        names, summed = type_probabilities(labels, probs)
        predicted = [names[int(i)] for i in summed.argmax(axis=1)]
        right = sum(p == g.split("/", 1)[0] for p, g in zip(predicted, gold, strict=True))
        model.meta["cross_validated_type_accuracy"] = round(right / len(gold), 4)
        model.meta["thresholds"] = fit_thresholds(built, labels, probs)
        if any(g is not None for g in built.groups):
            model.meta["held_out_categories"] = {
                name: held_out_categories(
                    built, level=level, thresholds=model.meta["thresholds"], temperature=model.temperature
                )
                for name, level in (("category", None), ("root", 2))
            }
    return model


def train_from(files: Sequence[Path], *, packaged: bool, plover: Path | None, output: Path) -> str:
    """`truceline train events`: gather, parse, train, write `output`; returns a one-paragraph summary."""
    from truceline.nlp import load_nlp

    items, sources = gather(files, packaged=packaged, plover=plover)
    built = build(items, load_nlp())
    words = ["truceline train events", *map(str, files), *(["--packaged"] if packaged else [])]
    words += [f"--plover {plover}"] if plover is not None else []
    command = " ".join([*words, f"--output {output}"])
    rebuilding = packaged and output.resolve() == packaged_model_path().resolve()
    model = train_events(built, sources=sources, command=REBUILD if rebuilding else command)
    if plover is not None:
        model.meta["plover_sha256"] = hashlib.sha256(plover.read_bytes()).hexdigest()
    model.save(output)
    counts = Counter(e.label.split("/", 1)[0] for e in built.examples)
    return (
        f"trained on {len(built.examples)} labelled trigger(s) from {len(items)} item(s) "
        f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); cross-validated type accuracy "
        f"{model.meta.get('cross_validated_type_accuracy')}, thresholds {model.meta.get('thresholds')}; "
        f"wrote {output}"
    )
