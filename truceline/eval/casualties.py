"""`truceline eval casualties FILE`: incident killed/injured totals against a labelled JSONL file.

Each line is ``{"id": ..., "text": ..., "killed": int|null, "injured": int|null}``: a whole report and the totals
of the incident it is about. A report that gives no figure of a kind is scored as 0 for that kind, on both
sides: gold ``null`` and gold ``0`` mean the same ("no one reported killed"), and so do a predicted None and 0.
This keeps the score about the number a reader would write down, not about how "none" is spelled.

Prints ``{"articles", "killed_exact", "injured_exact", "both_exact"}`` (fractions of articles, 4 decimals).
Options (the CLI passes one dict to every scorer): ``limit`` (int or None: the first N records), ``part`` ("tune",
"check" or "all", see truceline/eval/split.py), ``details`` (bool: add ``misses``, the articles where either
total differs, with gold, predicted and ``evidence``, the phrases each predicted total was read from; with
``part="tune"`` this is the list to study, never the check part's), ``baseline`` (None: there is no peer scorer
for casualty totals, so any other value is an error). Other keys (e.g. ``actors``) are ignored.
"""

from __future__ import annotations

import json
from pathlib import Path

from truceline.errors import EvalError, InputError
from truceline.eval.split import describe, select, wanted_part
from truceline.learn.calibration import calibration_block
from truceline.learn.confidence import score_quantities, totals_confidence
from truceline.stages.quantities import find_quantities, read_incident


def _count(value: object, line_no: int, field: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise EvalError(f"line {line_no}: '{field}' must be a non-negative integer or null, got {value!r}")
    return value


def read_gold(path: Path) -> list[tuple[str, str, int, int]]:
    """(id, text, killed, injured) per line; blank lines are skipped, malformed ones raise EvalError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read casualty gold file {path}: {exc}; check the path") from exc
    records = []
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{line_no}: not JSON ({exc.msg}); each line must be one JSON object") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise EvalError(f"{path}:{line_no}: expected an object with a 'text' string, 'killed' and 'injured'")
        if "killed" not in row or "injured" not in row:
            raise EvalError(f"{path}:{line_no}: 'killed' and 'injured' are required (use null when not reported)")
        records.append(
            (
                str(row.get("id", line_no)),
                row["text"],
                _count(row["killed"], line_no, "killed"),
                _count(row["injured"], line_no, "injured"),
            )
        )
    if not records:
        raise EvalError(f"{path}: no records; expected JSONL lines with id, text, killed, injured")
    return records


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    """Score `read_incident` on the gold file at `path`; see the module docstring for the output."""
    baseline = options.get("baseline")
    if baseline is not None:
        raise EvalError(f"eval casualties has no baseline (got {baseline!r}); run it without --baseline")
    limit = options.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise EvalError(f"limit must be a positive whole number, got {limit!r}")
    part = wanted_part(options)
    records = select(read_gold(Path(path)), lambda r: r[0], part)
    if limit is not None:
        records = records[:limit]
    killed_ok = injured_ok = both_ok = 0
    misses: list[dict[str, object]] = []
    calibration: dict[str, list[tuple[float | None, bool]]] = {"killed": [], "injured": []}
    for record_id, text, killed, injured in records:
        figures = score_quantities(text, find_quantities(text))
        incident = read_incident(text, figures)
        got_killed, got_injured = incident.killed.value, incident.injured.value
        k_ok = (got_killed or 0) == killed
        i_ok = (got_injured or 0) == injured
        killed_ok += k_ok
        injured_ok += i_ok
        both_ok += k_ok and i_ok
        for kind, got, ok in (("killed", got_killed, k_ok), ("injured", got_injured, i_ok)):
            if got is not None:  # a total's confidence: the figure(s) it was read from
                calibration[kind].append((totals_confidence(figures, kind, got), ok))
        if not (k_ok and i_ok):
            evidence = {
                "killed": [e.text for e in incident.killed.evidence],
                "injured": [e.text for e in incident.injured.evidence],
            }
            misses.append(
                {
                    "id": record_id,
                    "gold": [killed, injured],
                    "predicted": [got_killed, got_injured],
                    "evidence": evidence,
                }
            )
    n = len(records)
    if not n:
        raise EvalError(f"{path}: no records in part {part!r}")
    result: dict[str, object] = {
        **describe(part),
        "articles": n,
        "killed_exact": round(killed_ok / n, 4),
        "injured_exact": round(injured_ok / n, 4),
        "both_exact": round(both_ok / n, 4),
        "calibration": {kind: calibration_block(pairs) for kind, pairs in calibration.items()},
    }
    if options.get("details"):
        result["misses"] = misses
    return result
