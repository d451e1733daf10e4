"""`truceline eval plover FILE`: event type and source/target country codes on PLOVER gold-standard records.

Each record's `text` is coded by the real path (pre-filter, spaCy, `code_events`) and its main event compared.
Two documented conversions make our richer output comparable with the gold:

* The gold (PLOVER GSR 0.5) uses four type names later folded into the 16 current ones; we map them with
  `LEGACY_TYPES` and report the table in the output under "legacy_type_map".
* PLOVER codes stated intentions as types of their own (CAMEO 03 "express intent to cooperate" is AGREE, CAMEO
  13 is THREATEN, CAMEO 12 rejections include refusals), whereas we keep the act and put the intention in
  `stance`. `plover_type` turns our (type, stance) into the PLOVER type the gold expects; reported under
  "stance_map".
* The GSR sometimes codes a place as the target when no party is on the receiving end ("blocked streets in Hong
  Kong" → CHN). The scorer scores only what the pipeline outputs: the pipeline codes a place's country as the
  recipient only for an act of force done to a place abroad and for a protest aimed at no one named
  (truceline/events/targets.py); any other such record counts as a target miss.
* Two code conventions of the GSR differ from our ISO/sector codes, reported under "code_equivalences": a few
  country codes are the older KEDS/CAMEO ones (`LEGACY_CODES`: JAP for Japan, ITL for Italy, VTN for Vietnam),
  and its top-level code IGO stands for any international organisation, governmental or not (Amnesty
  International, the Red Cross), so an international NGO of ours (sector NGO with no country) counts as IGO. A
  national NGO keeps its country, as in the GSR.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from truceline.errors import EvalError
from truceline.eval.split import describe, select, wanted_part
from truceline.events.coding import actor_codes, code_text, load_dictionary, main_event
from truceline.learn.calibration import calibration_block
from truceline.learn.confidence import score_coded_event
from truceline.model import Event
from truceline.nlp import load_nlp

LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "REJECT", "ACCUSE"})
STANCE_MAP = {
    "threatened": "THREATEN (any type)",
    "planned": "AGREE (cooperative types), THREATEN (conflictual types)",
    "negated": "REJECT (cooperative types)",
}


def plover_type(event: Event) -> str:
    """The PLOVER type of an event, folding intentions and refusals in as PLOVER does."""
    if event.stance == "threatened":
        return "THREATEN"
    if event.stance == "planned":
        if event.type in COOPERATIVE:
            return "AGREE"
        if event.type in CONFLICTUAL - {"ACCUSE", "REJECT"}:
            return "THREATEN"
    if event.stance == "negated" and event.type in COOPERATIVE:
        return "REJECT"
    return event.type


LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
CODE_EQUIVALENCES = {
    **{old: f"{new} (older KEDS/CAMEO country code)" for old, new in LEGACY_CODES.items()},
    "IGO": "IGO, or NGO for an international NGO (an NGO actor with no country)",
}


def _gold_codes(value: Any) -> set[str]:
    if not value:
        return set()
    codes = {str(a.get("code", ""))[:3].upper() for a in value if isinstance(a, dict) and a.get("code")}
    return {LEGACY_CODES.get(code, code) for code in codes}


def scored_codes(actor: Any) -> set[str]:
    """Our codes for an actor in the GSR's terms: `actor_codes` plus IGO for an international NGO."""
    codes = actor_codes(actor)
    if actor is not None:
        for one in actor.members or (actor,):
            if one.sector == "NGO" and not one.country:
                codes.add("IGO")
    return codes


def _match(gold: set[str], predicted: set[str]) -> bool:
    return not predicted if not gold else bool(gold & predicted)


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {g for g, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def load_records(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: not a readable JSON file ({exc}); expected PLOVER gold-standard records") from None
    if not isinstance(data, list):
        raise EvalError(f"{path}: expected a JSON list of PLOVER records with text/event/source/target")
    return [r for r in data if isinstance(r, dict) and r.get("event") != "DOCUMENT" and r.get("text")]


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    records = select(load_records(path), lambda r: str(r.get("id") or r["text"]), part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        records = records[:limit]
    if not records:
        raise EvalError(f"{path}: no PLOVER records with text (besides the DOCUMENT record)")
    actors = options.get("actors") or []
    dictionary = load_dictionary(actors if isinstance(actors, list) else [])
    nlp = load_nlp()
    pairs: list[tuple[str, str]] = []
    source_ok = target_ok = triple_ok = predicted = 0
    confusion: Counter[str] = Counter()
    calibration: dict[str, list[tuple[float | None, bool]]] = {"type": [], "source": [], "target": []}
    for record in records:
        gold_type = LEGACY_TYPES.get(str(record["event"]), str(record["event"]))
        events, docs = code_text(str(record["text"]), dictionary, nlp)
        event = main_event(events, docs)
        event = score_coded_event(event, events, docs, dictionary) if event is not None else None
        got = plover_type(event) if event is not None else "NONE"
        predicted += event is not None
        pairs.append((gold_type, got))
        src = _match(_gold_codes(record.get("source")), scored_codes(event.actor) if event else set())
        tgt = _match(_gold_codes(record.get("target")), scored_codes(event.recipient) if event else set())
        source_ok += src
        target_ok += tgt
        triple_ok += got == gold_type and src and tgt
        if event is not None:  # each field's confidence against whether it was right (actors only when given)
            calibration["type"].append((event.confidence, got == gold_type))
            for role, actor, ok in (("source", event.actor, src), ("target", event.recipient, tgt)):
                if actor is not None:
                    calibration[role].append((actor.confidence, ok))
        if got != gold_type:
            confusion[f"{gold_type}->{got}"] += 1
    n = len(records)
    precision = triple_ok / predicted if predicted else 0.0
    recall = triple_ok / n
    return {
        **describe(part),
        "records": n,
        "type_accuracy": round(sum(g == p for g, p in pairs) / n, 4),
        "type_macro_f1": round(macro_f1(pairs), 4),
        "source_accuracy": round(source_ok / n, 4),
        "target_accuracy": round(target_ok / n, 4),
        "triple": {
            "p": round(precision, 4),
            "r": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        },
        "legacy_type_map": LEGACY_TYPES,
        "stance_map": STANCE_MAP,
        "code_equivalences": CODE_EQUIVALENCES,
        "top_confusions": dict(confusion.most_common(8)),
        "calibration": {name: calibration_block(pairs) for name, pairs in calibration.items()},
    }


def tune_misses(path: Path) -> list[dict[str, object]]:
    """Every tune-part record whose type, source or target we get wrong: its text, the gold and our coding of its
    main event. For reading while writing rules; there is deliberately no way to list check-part records."""
    dictionary = load_dictionary()
    nlp = load_nlp()
    out: list[dict[str, object]] = []
    for record in select(load_records(path), lambda r: str(r.get("id") or r["text"]), "tune"):
        gold_type = LEGACY_TYPES.get(str(record["event"]), str(record["event"]))
        events, docs = code_text(str(record["text"]), dictionary, nlp)
        event = main_event(events, docs)
        got = plover_type(event) if event is not None else "NONE"
        gold_source, gold_target = _gold_codes(record.get("source")), _gold_codes(record.get("target"))
        source = scored_codes(event.actor) if event else set()
        target = scored_codes(event.recipient) if event else set()
        wrong = [
            name
            for name, ok in (
                ("type", got == gold_type),
                ("source", _match(gold_source, source)),
                ("target", _match(gold_target, target)),
            )
            if not ok
        ]
        if wrong:
            out.append(
                {
                    "id": record.get("id"),
                    "wrong": wrong,
                    "text": record["text"],
                    "gold": (gold_type, sorted(gold_source), sorted(gold_target)),
                    "ours": (got, sorted(source), sorted(target)),
                    "trigger": event.trigger.text if event else None,
                    "actor": event.actor.text if event and event.actor else None,
                    "recipient": event.recipient.text if event and event.recipient else None,
                    "place": event.place.text if event and event.place else None,
                }
            )
    return out


if __name__ == "__main__":  # python -m truceline.eval.plover FILE: the tune part's misses, one JSON object a line
    import sys

    for miss in tune_misses(Path(sys.argv[1])):
        print(json.dumps(miss, ensure_ascii=False))
