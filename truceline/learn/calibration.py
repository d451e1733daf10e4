"""Calibration of confidences: how far to trust a stated probability, and fitting the small models that state them.

Measuring. `reliability` sorts (confidence, right?) pairs into ten equal-width bins and gives, per bin, how many
items fell in it, their mean confidence and the share that were right; `ece` is the expected calibration error,
the bin-size-weighted mean gap between the two (0 = a confidence of 0.8 is right 80% of the time). Every
`truceline eval` that scores a field carrying a confidence prints `calibration_block` for it.

Fitting. A field's model is a logistic regression over named signals (``"source=dictionary": 1``), fitted with
the shared trainer (`truceline.learn.linear.train`, two labels, deterministic full-batch Adam) and stored as one
bias and one weight per signal: P(right) = sigmoid(bias + sum of weight * value). Its L2 strength is chosen from a
fixed grid by two-fold cross-validation on the examples (folds by a hash of each example's group, so one report's
items stay together); `cross_fitted` gives each example the probability of the model fitted on the other fold,
which is the honest way to measure calibration on the very part the model is fitted on. A field with little gold
is fitted by `fit_scaled` instead: the hand-set model's ranking, with only its slope and offset fitted; the refit
script also takes it for any field where it beats the full model on cross-fitted log loss.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from truceline.errors import ModelError

BINS = 10
L2_GRID = (1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1)


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = BINS) -> list[dict[str, object]]:
    """Per-bin counts, mean confidence and accuracy of (confidence, right?) pairs; empty bins are left out."""
    counts = [0] * bins
    conf_sum = [0.0] * bins
    right = [0] * bins
    for confidence, ok in pairs:
        at = min(bins - 1, max(0, int(round(confidence * bins, 9))))  # 0.3 is in 0.3-0.4, not 0.2-0.3
        counts[at] += 1
        conf_sum[at] += confidence
        right[at] += bool(ok)
    table: list[dict[str, object]] = []
    for at in range(bins):
        if counts[at]:
            table.append(
                {
                    "bin": f"{at / bins:.1f}-{(at + 1) / bins:.1f}",
                    "n": counts[at],
                    "mean_confidence": round(conf_sum[at] / counts[at], 4),
                    "accuracy": round(right[at] / counts[at], 4),
                }
            )
    return table


def ece(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> float:
    """Expected calibration error: sum over bins of (bin share) * |accuracy - mean confidence|."""
    if not pairs:
        return 0.0
    total = 0.0
    for row in reliability(pairs, bins):
        n = int(str(row["n"]))
        total += n * abs(float(str(row["accuracy"])) - float(str(row["mean_confidence"])))
    return round(total / len(pairs), 4)


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean squared gap between confidence and outcome (0 is perfect; always answering the base rate scores
    rate * (1 - rate)): unlike ECE it also rewards telling right items from wrong ones."""
    if not pairs:
        return 0.0
    return round(sum((c - float(ok)) ** 2 for c, ok in pairs) / len(pairs), 4)


def auc(pairs: Sequence[tuple[float, bool]]) -> float | None:
    """The chance that a right item gets a higher confidence than a wrong one (ties count half); None when all
    items are right or all wrong. 0.5 is no better than chance at ranking."""
    right = sorted(c for c, ok in pairs if ok)
    wrong = sorted(c for c, ok in pairs if not ok)
    if not right or not wrong:
        return None
    wins = 0.0
    for c in right:
        below = bisect.bisect_left(wrong, c)
        equal = bisect.bisect_right(wrong, c) - below
        wins += below + equal / 2
    return round(wins / (len(right) * len(wrong)), 4)


def calibration_block(pairs: Sequence[tuple[float | None, bool]]) -> dict[str, object]:
    """What an evaluation prints for one field: ECE and the reliability table, with the Brier score and AUC (how well
    the confidence tells right from wrong) and how many items had no confidence."""
    scored = [(float(c), bool(ok)) for c, ok in pairs if c is not None]
    return {
        "n": len(scored),
        "unscored": len(pairs) - len(scored),
        "accuracy": round(sum(ok for _, ok in scored) / len(scored), 4) if scored else None,
        "mean_confidence": round(sum(c for c, _ in scored) / len(scored), 4) if scored else None,
        "ece": ece(scored),
        "brier": brier(scored),
        "auc": auc(scored),
        "reliability": reliability(scored),
    }


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float, eps: float = 1e-3) -> float:
    p = min(1.0 - eps, max(eps, p))
    return math.log(p / (1.0 - p))


@dataclass(frozen=True, slots=True)
class Observation:
    """One scored item: its signals, whether it was right, and the group (report, record) it belongs to."""

    features: Mapping[str, float]
    right: bool
    group: str
    source: str = ""  # which gold set it comes from, for reporting


@dataclass(slots=True)
class FieldModel:
    """P(right) = sigmoid(bias + sum(weight[name] * value)); signals without a weight count for nothing."""

    bias: float
    weights: dict[str, float] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        """The log-odds of being right."""
        total = self.bias
        for name, value in features.items():
            weight = self.weights.get(name)
            if weight is not None:
                total += weight * value
        return total

    def probability(self, features: Mapping[str, float]) -> float:
        return sigmoid(self.score(features))

    def as_json(self) -> dict[str, object]:
        return {
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FieldModel:
        try:
            weights = data.get("weights") or {}
            if not isinstance(weights, Mapping):
                raise TypeError("weights is not a mapping")
            return cls(float(str(data["bias"])), {str(k): float(v) for k, v in weights.items()})
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"calibration model entry is malformed ({exc}); refit it") from None


def fit_field(observations: Sequence[Observation], l2: float, epochs: int = 400) -> FieldModel:
    """A logistic model of `right` on the observations' signals (the shared trainer, two labels)."""
    from truceline.learn.linear import Example, train

    if not observations:
        raise ModelError("no observations to fit a calibration model on")
    labels = ("wrong", "right")
    if len({o.right for o in observations}) < 2:
        share = sum(o.right for o in observations) / len(observations)
        return FieldModel(logit(share))
    examples = [Example(dict(o.features), labels[int(o.right)]) for o in observations]
    model = train(examples, labels=labels, l2=l2, epochs=epochs, learning_rate=0.05)
    names = sorted(model.vocab, key=model.vocab.__getitem__)
    column = model.weights[:, 1] - model.weights[:, 0]
    return FieldModel(float(model.bias[1] - model.bias[0]), {name: float(column[i]) for i, name in enumerate(names)})


def fold_of(group: str) -> int:
    """0 or 1: a fixed fold per group (SHA-256), independent of the tune/check salt."""
    return hashlib.sha256(("truceline-calibration-fold:" + group).encode("utf-8")).digest()[0] % 2


def log_loss(model: FieldModel, observations: Sequence[Observation]) -> float:
    total = 0.0
    for o in observations:
        p = min(1 - 1e-6, max(1e-6, model.probability(o.features)))
        total -= math.log(p if o.right else 1 - p)
    return total / len(observations) if observations else 0.0


Fitter = Callable[[Sequence[Observation]], FieldModel]


def fit_scaled(observations: Sequence[Observation], prior: FieldModel) -> FieldModel:
    """Platt scaling of a hand-set model: keep its ranking, fit only a slope and an offset of its log-odds. For a
    field whose only gold is small or in-sample (the event date), two numbers are all the data can bear."""
    scored = [Observation({"prior": prior.score(o.features)}, o.right, o.group, o.source) for o in observations]
    scale = fit_field(scored, l2=1e-4)
    slope = scale.weights.get("prior", 0.0)
    if slope < 0:  # the data ranks the other way round: keep no ranking rather than reverse ours
        share = sum(o.right for o in observations) / len(observations)
        return FieldModel(logit(share))
    return FieldModel(scale.bias + slope * prior.bias, {name: slope * weight for name, weight in prior.weights.items()})


def cross_fitted(observations: Sequence[Observation], fitter: Fitter) -> list[float]:
    """Each observation's probability under the model fitted on the other fold (two folds by group)."""
    folds = [[o for o in observations if fold_of(o.group) == k] for k in (0, 1)]
    models = [fitter(folds[1 - k]) if folds[1 - k] else None for k in (0, 1)]
    out = []
    for o in observations:
        model = models[fold_of(o.group)]
        out.append(model.probability(o.features) if model is not None else 0.5)
    return out


def cross_fitted_loss(observations: Sequence[Observation], fitter: Fitter) -> float:
    """Mean log loss of the cross-fitted probabilities: how well a way of fitting does on examples it has not seen."""
    probs = cross_fitted(observations, fitter)
    loss = -sum(math.log(max(1e-6, p if o.right else 1 - p)) for p, o in zip(probs, observations, strict=True))
    return loss / max(1, len(observations))


def choose_l2(observations: Sequence[Observation], grid: Sequence[float] = L2_GRID) -> float:
    """The L2 strength with the lowest cross-fitted log loss (ties: the stronger, i.e. the simpler model).

    Strengths under 1/n (a prior weaker than one example per weight) are not tried: on a few dozen examples the
    folds are too small to tell them apart, and a weak prior there gives probabilities near 0 or 1."""
    floor = 1.0 / max(1, len(observations))
    grid = [l2 for l2 in grid if l2 >= floor] or [max(grid)]
    best, best_loss = grid[-1], float("inf")
    for l2 in sorted(grid, reverse=True):
        loss = cross_fitted_loss(observations, partial(fit_field, l2=l2))
        if loss < best_loss - 1e-9:
            best, best_loss = l2, loss
    return best
