"""The numpy linear classifier: it learns a separable toy problem, is deterministic, and round-trips its file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from truceline.errors import ModelError
from truceline.learn.linear import Example, LinearModel, fit_temperature, train


def _toy() -> list[Example]:
    out = []
    for i in range(30):
        out.append(Example({"w=shell": 1.0, f"n={i % 5}": 1.0}, "ASSAULT", dense=[1.0, 0.0]))
        out.append(Example({"w=meet": 1.0, f"n={i % 5}": 1.0}, "CONSULT", dense=[0.0, 1.0]))
        out.append(Example({"w=protest": 1.0, f"n={i % 5}": 1.0}, "PROTEST", dense=[0.5, 0.5]))
    return out


def test_it_learns_and_explains_a_separable_problem() -> None:
    model = train(_toy(), epochs=200)
    got = model.predict([{"w=shell": 1.0}, {"w=meet": 1.0}, {"w=protest": 1.0}], np.array([[1, 0], [0, 1], [0.5, 0.5]]))
    assert [label for label, _ in got] == ["ASSAULT", "CONSULT", "PROTEST"]
    assert all(p > 0.8 for _, p in got)
    assert model.top_features("ASSAULT", 1)[0][0] == "w=shell"


def test_training_is_deterministic_and_the_file_round_trips(tmp_path: Path) -> None:
    a, b = train(_toy(), epochs=50), train(_toy(), epochs=50)
    assert np.array_equal(a.weights, b.weights)
    path = tmp_path / "m.npz"
    a.save(path)
    loaded = LinearModel.load(path)
    feats = [{"w=shell": 1.0, "n=3": 1.0}]
    dense = np.array([[1.0, 0.0]])
    assert np.allclose(loaded.probabilities(feats, dense), a.probabilities(feats, dense), atol=1e-5)
    assert loaded.labels == a.labels and loaded.meta["examples"] == 90


def test_unknown_features_and_bad_files() -> None:
    model = train(_toy(), epochs=20)
    probs = model.probabilities([{"never-seen": 1.0}], np.array([[0.0, 0.0]]))
    assert probs.shape == (1, 3) and abs(probs.sum() - 1) < 1e-9
    with pytest.raises(ModelError):
        model.probabilities([{"w=shell": 1.0}])  # the dense part is missing
    with pytest.raises(ModelError):
        LinearModel.load(Path(__file__))


def test_temperature_softens_an_overconfident_model() -> None:
    model = train(_toy(), epochs=300)
    feats = [{"w=shell": 1.0}] * 10 + [{"w=meet": 1.0}] * 10
    dense = np.array([[1.0, 0.0]] * 10 + [[0.0, 1.0]] * 10)
    gold = ["ASSAULT"] * 5 + ["CONSULT"] * 5 + ["CONSULT"] * 5 + ["ASSAULT"] * 5  # right only half the time
    t = fit_temperature(model, model.logits(feats, dense), gold)
    assert t > 1.0


def test_the_same_model_gives_the_same_file(tmp_path: Path) -> None:
    model = train(_toy(), epochs=20)
    model.save(tmp_path / "a.npz")
    model.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
