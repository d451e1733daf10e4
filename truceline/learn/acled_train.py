"""Training the ACLED sub-event classifier (truceline/learn/acled.py) and rebuilding its shipped model file.

The examples, in a fixed order so the same inputs give the same model file:

1. our labelled notes (data/training/acled_notes.tsv), each coded by the real rule path;
2. the name and aliases of every sub-type in data/plover.yaml, as text with no rule reading;
3. when ../shared is present, the *tune* half of CASE 2021 task 2 (eval/acled_types/case2021_task2.tsv, split by
   truceline/eval/split.py), read there at training time and never copied; notes labelled with types outside ACLED
   (NATURAL_DISASTER, DIPLO, ...) are left out.

With `cv` the tune half is also scored by 5-fold cross-validation (our notes and the definitions in every fold's
training set), the honest tune figure: the shipped model has seen every tune note, so scoring it on them is
in-sample. The figures go into the model's metadata, which `truceline eval acled-types` reports.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from truceline.errors import ModelError
from truceline.eval.plover import macro_f1
from truceline.eval.split import RULE, select
from truceline.events.ontology import load_ontology
from truceline.learn import linear
from truceline.learn.acled import MODEL_FILE, Reading, acled_event, event_reading, features, load_notes

CASE_FILE = Path("eval") / "acled_types" / "case2021_task2.tsv"
SETTINGS: dict[str, Any] = {"min_count": 2, "l2": 1e-3, "epochs": 300, "balanced": True}
FOLDS = 5
COMMAND = "python -m truceline.learn.acled --shared ../shared"


def code_note(text: str, dictionary: Any, nlp: Any) -> Reading:
    """The rule path's reading of a free-standing note: its main event, coded as `truceline eval` codes it."""
    from truceline.events.coding import code_text

    events, docs = code_text(text, dictionary, nlp)
    return event_reading(acled_event(events, docs))


def case_tune_rows(shared: Path) -> list[tuple[str, str, str]]:
    """(id, note, sub-type key) of the tune half of CASE 2021 task 2 under `shared`, ACLED labels only."""
    path = shared / CASE_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ModelError(f"{path}: cannot read the CASE 2021 notes ({exc})") from None
    ontology = load_ontology()
    out = []
    for row in select(rows, lambda r: str(r.get("id") or r.get("EventSnippet")), "tune"):
        key = ontology.normalise_acled(row.get("SubType") or "")
        if key is not None and row.get("EventSnippet"):
            out.append((str(row.get("id")), str(row["EventSnippet"]), key))
    return out


def definition_examples() -> list[linear.Example]:
    return [
        linear.Example(features(" ".join((sub.name, *sub.aliases)).replace("_", " "), Reading()), key)
        for key, sub in load_ontology().acled.items()
    ]


def coded_examples(rows: Sequence[tuple[str, str, str]], dictionary: Any, nlp: Any) -> list[linear.Example]:
    return [linear.Example(features(text, code_note(text, dictionary, nlp)), key) for _, text, key in rows]


def fit(examples: Sequence[linear.Example], meta: dict[str, Any] | None = None) -> linear.LinearModel:
    labels = tuple(load_ontology().acled)
    return linear.train(examples, labels=labels, meta=meta, **SETTINGS)


def fold_of(note_id: str) -> int:
    return hashlib.sha256(note_id.encode("utf-8")).digest()[0] % FOLDS


def cross_validate(
    base: Sequence[linear.Example], rows: Sequence[tuple[str, str, str]], coded: Sequence[linear.Example]
) -> dict[str, float]:
    """Macro-F1 and accuracy of the tune notes, each predicted by a model that did not see it."""
    pairs: list[tuple[str, str]] = []
    for k in range(FOLDS):
        held = [i for i, (note_id, _, _) in enumerate(rows) if fold_of(note_id) == k]
        train = [*base, *(coded[i] for i in range(len(rows)) if fold_of(rows[i][0]) != k)]
        model = fit(train)
        pairs += [(rows[i][2], model.predict([coded[i].features])[0][0]) for i in held]
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    return {"macro_f1": round(macro_f1(pairs), 4), "accuracy": round(accuracy, 4), "notes": len(pairs)}


def build(shared: Path | None, *, cv: bool = True, notes: Path | None = None) -> linear.LinearModel:
    """Train the classifier on our notes, the definitions and (when `shared` holds it) the CASE tune half."""
    from truceline.events.coding import load_dictionary
    from truceline.nlp import load_nlp

    dictionary, nlp = load_dictionary([]), load_nlp()
    own = load_notes(notes)
    base = [*coded_examples(own, dictionary, nlp), *definition_examples()]
    meta: dict[str, Any] = {"trained_on": {"notes": len(own), "definitions": len(load_ontology().acled)}}
    case: list[tuple[str, str, str]] = []
    coded: list[linear.Example] = []
    if shared is not None and (shared / CASE_FILE).is_file():
        case = case_tune_rows(shared)
        coded = coded_examples(case, dictionary, nlp)
        digest = hashlib.sha256((shared / CASE_FILE).read_bytes()).hexdigest()
        meta["trained_on"].update({"case2021_tune": len(case), "case2021_sha256": digest, "split": RULE})
        if cv:
            meta["tune_cv"] = cross_validate(base, case, coded)
    meta["command"] = COMMAND
    return fit([*base, *coded], meta)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m truceline.learn.acled", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, help="the shared data folder holding eval/acled_types (../shared)")
    parser.add_argument("--notes", type=Path, help="labelled notes (TSV id, note, subtype); default: the packaged")
    parser.add_argument("--out", type=Path, help=f"model file to write (default: the package's {MODEL_FILE})")
    parser.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation of the tune half")
    args = parser.parse_args(argv)
    if args.shared is not None and not (args.shared / CASE_FILE).is_file():
        parser.error(f"{args.shared / CASE_FILE} not found; give the folder that holds eval/acled_types")
    model = build(args.shared, cv=not args.no_cv, notes=args.notes)
    out = args.out or Path(__file__).resolve().parents[1] / MODEL_FILE
    model.save(out)
    print(f"wrote {out}: {model.meta['examples']} examples, {len(model.vocab)} features")
    if "tune_cv" in model.meta:
        print(f"tune half, 5-fold cross-validated: {model.meta['tune_cv']}")
    return 0
