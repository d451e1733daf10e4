"""The learned ACLED sub-event classifier (truceline/learn/acled.py): its shipped model, its training data, the
rebuild entry point, and its use by `truceline eval acled-types` and `--format acled`."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from truceline.errors import EvalError
from truceline.eval import acled_types
from truceline.eval.split import part_of
from truceline.events.ontology import load_ontology
from truceline.export.acled import AcledExporter
from truceline.learn import acled_train, linear
from truceline.learn.acled import Reading, classify, event_subevent, features, load_model, load_notes, reading_of
from truceline.model import Actor

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "fixtures" / "heldout" / "acled_snippets.tsv"
CASE = Path("eval") / "acled_types" / "case2021_task2.tsv"


def test_the_shipped_model_knows_every_sub_type_and_says_what_it_was_trained_on() -> None:
    model = load_model()
    assert model is not None
    assert model is load_model()  # loaded once per process
    assert model.labels == tuple(load_ontology().acled)
    trained = model.meta["trained_on"]
    assert trained["notes"] == len(load_notes())
    assert trained["definitions"] == len(load_ontology().acled)
    assert model.meta["command"] == acled_train.COMMAND


def test_our_notes_cover_every_sub_type_in_many_words() -> None:
    notes = load_notes()
    per_type = Counter(key for _, _, key in notes)
    assert set(per_type) == set(load_ontology().acled)
    assert min(per_type.values()) >= 20
    assert len({note_id for note_id, _, _ in notes}) == len(notes)
    assert len({text for _, text, _ in notes}) == len(notes)


def test_the_classifier_beats_the_rule_path_on_notes_written_blind() -> None:
    # tests/fixtures/heldout was written by someone who saw neither the rules nor our training notes.
    learned = acled_types.run(HELDOUT, {})
    rules = acled_types.run(HELDOUT, {"baseline": "rules"})
    assert isinstance(learned["macro_f1"], float) and isinstance(rules["macro_f1"], float)
    assert learned["macro_f1"] >= rules["macro_f1"] + 0.15  # measured 0.973 against 0.743
    policy = learned["per_event_policy"]
    assert isinstance(policy, dict) and policy["macro_f1"] >= rules["macro_f1"]


def test_features_name_the_rule_reading_and_the_words() -> None:
    army = Actor(0, 4, "army", sector="MIL")
    reading = reading_of("ASSAULT", "explosives", army, None, "detonated")
    feats = features("Army engineers detonated the mines they had found in the fields.", reading)
    assert feats["rule:REMOTE_EXPLOSIVE_LANDMINE_IED"] == 1.0
    assert feats["mode:ASSAULT/explosives"] == 1.0 and feats["actor:MIL"] == 1.0 and feats["target:none"] == 1.0
    assert "w:engineer" in feats and "b:the_min" in feats and "trigger:detonat" in feats
    assert features("", Reading()) == {"rule:none": 1.0, "actor:none": 1.0, "target:none": 1.0}


def test_the_per_event_choice_keeps_statements_and_needs_even_odds_to_overrule() -> None:
    # A model with no features gives every label the same probability: 1/3 for each of three labels.
    unsure = linear.LinearModel(("OTHER", "GRENADE", "ATTACK"), {}, np.zeros((0, 3)), np.zeros((0, 3)), np.zeros(3))
    reading = reading_of("ASSAULT", "aerial", None, None, "bombed")
    assert classify("Jets bombed the town.", reading, unsure)[0] == "OTHER"
    assert event_subevent("Jets bombed the town.", reading, unsure)[0] == "AIR_DRONE_STRIKE"
    assert event_subevent("Jets bombed the town.", Reading(), unsure) == ("OTHER", 1.0)
    statement = reading_of("CONSULT", "visit", None, None, "visited")
    assert event_subevent("The envoy visited the bombed town.", statement)[0] == "OTHER"


def test_an_export_row_takes_the_classifier_and_a_statement_stays_other() -> None:
    def row(type_: str, mode: str | None, trigger: str, sentence: str) -> dict[str, Any]:
        item = {"id": "a-e0", "type": type_, "mode": mode, "trigger": {"text": trigger}, "sentence": sentence}
        out = io.StringIO()
        exporter = AcledExporter(out)
        exporter.start()
        exporter.export_item(item)
        exporter.finish()
        return next(csv.DictReader(io.StringIO(out.getvalue())))

    # The coder read a general attack; the words say a roadside bomb.
    bomb = row(
        "ASSAULT", None, "killed", "A roadside bomb tore through an army truck near Garowe, killing three soldiers."
    )
    assert (bomb["event_type"], bomb["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    # An accusation is a statement: its row stays Other although the sentence is about air strikes.
    accusation = row("ACCUSE", "allege", "accused", "The opposition accused government jets of bombing two clinics.")
    assert (accusation["event_type"], accusation["sub_event_type"]) == ("Strategic developments", "Other")


def test_eval_baselines_and_their_errors(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text(
        "id\tEventSnippet\tSubType\n"
        + "".join(f"{i}\tSoldiers shelled the village of Tarn number {i}.\tART_MISS_ATTACK\n" for i in range(40)),
        encoding="utf-8",
    )
    with pytest.raises(EvalError):
        acled_types.run(notes, {"baseline": "dateparser"})
    result = acled_types.run(notes, {"baseline": "text-lr", "part": "check"})
    assert result["trained_on"] == "the tune part of this file"
    assert result["accuracy"] == 1.0  # one label, learnt from the tune rows
    assert "in_sample" not in acled_types.run(notes, {"part": "tune", "limit": 2})


def test_the_eval_says_when_the_tune_part_is_in_sample(shared: Path) -> None:
    tune = acled_types.run(shared / CASE, {"part": "tune", "limit": 3})
    assert "in_sample" in tune
    cross = tune["tune_cross_validated"]
    assert isinstance(cross, dict) and cross["notes"] > 150
    assert "in_sample" not in acled_types.run(shared / CASE, {"part": "check", "limit": 3})


def test_training_reads_only_the_tune_half_of_case(shared: Path) -> None:
    rows = acled_train.case_tune_rows(shared)
    assert len(rows) > 150
    assert all(part_of(note_id) == "tune" for note_id, _, _ in rows)
    assert {key for _, _, key in rows} <= set(load_ontology().acled)


def test_the_rebuild_entry_point_is_deterministic(tmp_path: Path) -> None:
    keys = list(load_ontology().acled)
    chosen: list[tuple[str, str, str]] = []
    for key in keys:
        chosen += [row for row in load_notes() if row[2] == key][:2]
    small = tmp_path / "notes.tsv"
    small.write_text("id\tnote\tsubtype\n" + "".join(f"{i}\t{t}\t{k}\n" for i, t, k in chosen), encoding="utf-8")
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    for out in (first, second):
        assert acled_train.main(["--notes", str(small), "--out", str(out), "--no-cv"]) == 0
    a, b = linear.LinearModel.load(first), linear.LinearModel.load(second)
    assert a.labels == tuple(keys) and a.vocab == b.vocab and a.meta == b.meta
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)
    assert a.meta["trained_on"] == {"notes": len(chosen), "definitions": len(keys)}
    with pytest.raises(SystemExit):
        acled_train.main(["--shared", str(tmp_path)])  # no eval/acled_types there: a clear usage error
