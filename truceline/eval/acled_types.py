"""`truceline eval acled-types FILE`: ACLED sub-event types of short incident descriptions, without ACLED data.

Each snippet is coded by the real path; its main event's PLOVER type and mode go through the ontology's ACLED
mapping (data/plover.yaml), refined by who acts and who is hit as the ACLED codebook does (civilians →
Attack, protesters → Excessive force, a state actor capturing ground → Government regains territory). Gold
labels may use ACLED's names ("Air/drone strike") or the short upper-case forms (AIR_STRIKE, ART_MISS_ATTACK).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from truceline.errors import EvalError
from truceline.eval.plover import macro_f1
from truceline.eval.split import describe, select, wanted_part
from truceline.events.coding import code_text, load_dictionary, main_event
from truceline.events.ontology import load_ontology
from truceline.learn.calibration import calibration_block
from truceline.learn.confidence import score_coded_event
from truceline.model import Event
from truceline.nlp import load_nlp

_VIOLENT_FIRST = ("ASSAULT", "PROTEST", "COERCE")


def load_snippets(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalError(f"{path}: cannot read as a UTF-8 TSV ({exc})") from None
    if not rows or not {"EventSnippet", "SubType"} <= set(rows[0]):
        raise EvalError(f"{path}: expected a TSV with columns id, EventSnippet, SubType")
    return rows


def acled_event(events: list[Event], docs: dict[int, Any]) -> Event | None:
    """The event an incident note is about: the main event, unless the note's first sentence also reports
    violence or a protest, which ACLED codes in preference to the statements around it."""
    chosen = main_event(events, docs)
    if chosen is None or chosen.type in _VIOLENT_FIRST:
        return chosen
    same = [e for e in events if e.sentence_start == chosen.sentence_start and e.type in _VIOLENT_FIRST]
    return same[0] if same else chosen


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    rows = select(load_snippets(path), lambda r: str(r.get("id") or r.get("EventSnippet")), part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        rows = rows[:limit]
    ontology = load_ontology()
    actors = options.get("actors") or []
    dictionary = load_dictionary(actors if isinstance(actors, list) else [])
    nlp = load_nlp()
    pairs: list[tuple[str, str]] = []
    unknown: Counter[str] = Counter()
    confidences: list[float | None] = []  # the coded event's confidence, against whether its sub-type is right
    for row in rows:
        gold = ontology.normalise_acled(row.get("SubType") or "")
        if gold is None:
            unknown[str(row.get("SubType"))] += 1
            continue
        events, docs = code_text(row.get("EventSnippet") or "", dictionary, nlp)
        event = acled_event(events, docs)
        got = "NONE" if event is None else ontology.acled_subevent(event.type, event.mode, event.actor, event.recipient)
        pairs.append((gold, got))
        confidences.append(score_coded_event(event, events, docs, dictionary).confidence if event else None)
    if not pairs:
        raise EvalError(f"{path}: no row has a SubType we know; unknown labels: {dict(unknown)}")
    per_type: dict[str, dict[str, float]] = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label == p)
        fp = sum(1 for g, p in pairs if p == label != g)
        fn = sum(1 for g, p in pairs if g == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[label] = {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "n": tp + fn}
    result: dict[str, object] = {
        **describe(part),
        "snippets": len(pairs),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
        "macro_f1": round(macro_f1(pairs), 4),
        "per_type": per_type,
        "calibration": {
            "event": calibration_block([(c, g == p) for c, (g, p) in zip(confidences, pairs, strict=True)])
        },
    }
    if unknown:
        result["unknown_labels"] = dict(unknown)
    return result
