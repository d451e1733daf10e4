"""`truceline eval acled-types FILE`: ACLED sub-event types of short incident descriptions, without ACLED data.

Each note is coded by the real path: its main event (learn/acled.py's acled_event) gives a PLOVER type, mode,
actor and target, the ontology proposes a sub-type from them (data/plover.yaml, refined by who acts and who is hit
as the ACLED codebook does), and the learned classifier (learn/acled.py) decides from that reading and the note's
words, exactly as `truceline events --format acled` decides for a stored event. Gold labels may use ACLED's names
("Air/drone strike") or the short upper-case forms (AIR_STRIKE, ART_MISS_ATTACK, CASE 2021's SUIC_BOMB ...); labels
outside ACLED (NATURAL_DISASTER, DIPLO ...) are counted under `unknown_labels` and not scored.

`per_event_policy` scores the same notes with the stricter choice `--format acled` makes for each event of a
report (learn/acled.py's event_subevent: statements stay Other, the classifier overrules the ontology only at even
odds or better), so the figure for what an export row gets is on record beside the note-level one.

Baselines (`--baseline`): `rules` scores the rule path's proposal alone; `text-lr` a text-only logistic regression
(the note's word stems and bigrams, no rule reading, none of our notes) trained on the tune part of the same file.
The shipped model was trained on the tune part of CASE 2021 task 2, so on that file's tune part (or all of it) the
result says `in_sample` and quotes the cross-validated tune figure from the model's metadata.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

from truceline.errors import EvalError
from truceline.eval.plover import macro_f1
from truceline.eval.split import describe, select, wanted_part
from truceline.events.coding import code_text, load_dictionary
from truceline.events.ontology import load_ontology
from truceline.learn import linear
from truceline.learn.acled import (
    Reading,
    acled_event,
    classify,
    event_reading,
    event_subevent,
    features,
    load_model,
)
from truceline.learn.calibration import calibration_block
from truceline.learn.confidence import score_coded_event
from truceline.nlp import load_nlp

BASELINES = ("rules", "text-lr")
__all__ = ["BASELINES", "acled_event", "load_snippets", "run"]


def load_snippets(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalError(f"{path}: cannot read as a UTF-8 TSV ({exc})") from None
    if not rows or not {"EventSnippet", "SubType"} <= set(rows[0]):
        raise EvalError(f"{path}: expected a TSV with columns id, EventSnippet, SubType")
    return rows


def _key(row: dict[str, str]) -> str:
    return str(row.get("id") or row.get("EventSnippet"))


def _text_features(text: str) -> dict[str, float]:
    return {k: v for k, v in features(text, Reading()).items() if k.startswith(("w:", "b:"))}


def _text_baseline(all_rows: list[dict[str, str]]) -> linear.LinearModel:
    """Words and bigrams alone, trained on the file's tune part: what a plain text classifier learns from it."""
    ontology = load_ontology()
    examples = []
    for row in select(all_rows, _key, "tune"):
        gold = ontology.normalise_acled(row.get("SubType") or "")
        if gold is not None:
            examples.append(linear.Example(_text_features(row.get("EventSnippet") or ""), gold))
    if not examples:
        raise EvalError("the text-lr baseline needs labelled notes in the file's tune part")
    return linear.train(examples, balanced=True, min_count=2)


def _in_sample(path: Path, part: str, result: dict[str, object]) -> None:
    model = load_model()
    trained = (model.meta.get("trained_on") or {}) if model is not None else {}
    if part == "check" or not trained.get("case2021_sha256"):
        return
    if hashlib.sha256(path.read_bytes()).hexdigest() == trained["case2021_sha256"]:
        result["in_sample"] = f"the model was trained on this file's tune part ({trained.get('case2021_tune')} notes)"
        if model is not None and "tune_cv" in model.meta:
            result["tune_cross_validated"] = model.meta["tune_cv"]


def _scores(pairs: list[tuple[str, str]]) -> dict[str, object]:
    per_type: dict[str, dict[str, float]] = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label == p)
        fp = sum(1 for g, p in pairs if p == label != g)
        fn = sum(1 for g, p in pairs if g == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[label] = {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "n": tp + fn}
    return {
        "snippets": len(pairs),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
        "macro_f1": round(macro_f1(pairs), 4),
        "per_type": per_type,
    }


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    baseline = options.get("baseline")
    if baseline is not None and baseline not in BASELINES:
        raise EvalError(f"unknown baseline {baseline!r} for acled-types; choose one of: {', '.join(BASELINES)}")
    all_rows = load_snippets(path)
    rows = select(all_rows, _key, part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        rows = rows[:limit]
    ontology = load_ontology()
    text_model = _text_baseline(all_rows) if baseline == "text-lr" else None
    actors = options.get("actors") or []
    dictionary: Any = None
    pairs: list[tuple[str, str]] = []
    per_event: list[tuple[str, str]] = []
    # (confidence, right?) of the coded event and of the classifier's sub-type, for the calibration block
    event_conf: list[tuple[float | None, bool]] = []
    subtype_conf: list[tuple[float | None, bool]] = []
    unknown: Counter[str] = Counter()
    for row in rows:
        gold = ontology.normalise_acled(row.get("SubType") or "")
        if gold is None:
            unknown[str(row.get("SubType"))] += 1
            continue
        text = row.get("EventSnippet") or ""
        if text_model is not None:
            pairs.append((gold, text_model.predict([_text_features(text)])[0][0]))
            continue
        if dictionary is None:
            dictionary = load_dictionary(actors if isinstance(actors, list) else [])
        events, docs = code_text(text, dictionary, load_nlp())
        event = acled_event(events, docs)
        reading = event_reading(event)
        if baseline == "rules":
            pairs.append((gold, reading.proposed or "NONE"))
        else:
            label, probability = classify(text, reading)
            pairs.append((gold, label))
            per_event.append((gold, event_subevent(text, reading)[0]))
            subtype_conf.append((probability, label == gold))
            scored = score_coded_event(event, events, docs, dictionary).confidence if event else None
            event_conf.append((scored, label == gold))
    if not pairs:
        raise EvalError(f"{path}: no row has a SubType we know; unknown labels: {dict(unknown)}")
    result: dict[str, object] = {**describe(part), **_scores(pairs)}
    if baseline == "text-lr":
        result["trained_on"] = "the tune part of this file" + ("" if part == "check" else " (in-sample)")
    elif baseline is None:
        strict = _scores(per_event)
        result["per_event_policy"] = {"macro_f1": strict["macro_f1"], "accuracy": strict["accuracy"]}
        result["calibration"] = {"event": calibration_block(event_conf), "sub_type": calibration_block(subtype_conf)}
        _in_sample(path, part, result)
    if unknown:
        result["unknown_labels"] = dict(unknown)
    return result
