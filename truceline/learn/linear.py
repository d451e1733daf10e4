"""A small multinomial logistic regression over named features, trained and run with numpy alone.

Why our own and not scikit-learn: the models we ship are small (a few thousand examples, tens of thousands of
features), they must load offline in milliseconds from a data file in the package, and users retrain them with
the same command we do (`truceline train ...`) without extra installs. Training is deterministic: full-batch
Adam from zero weights, no sampling, so the same examples give the same model file byte for byte.

An example is a bag of named sparse features (``"lemma=shell": 1.0``) plus an optional dense vector (a spaCy
tensor, say) and a label. Feature names seen fewer than ``min_count`` times in training are dropped; the kept
vocabulary is stored in the model file, so a person can read which features push which label (`top_features`).

Model file: one ``.npz`` (``allow_pickle=False``) holding the weight arrays and a JSON string with the labels,
vocabulary and metadata (what it was trained on, when, with which settings).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from truceline.errors import ModelError

FORMAT = "truceline-linear-1"


@dataclass(frozen=True, slots=True)
class Example:
    features: Mapping[str, float]
    label: str
    dense: Sequence[float] | None = None
    weight: float = 1.0


@dataclass(slots=True)
class LinearModel:
    labels: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (len(vocab), len(labels))
    dense_weights: np.ndarray  # (dense size, len(labels)); (0, L) when the model has no dense part
    bias: np.ndarray  # (len(labels),)
    meta: dict[str, Any] = field(default_factory=dict)
    temperature: float = 1.0  # divides the logits; set by calibration, 1.0 when uncalibrated

    @property
    def dense_size(self) -> int:
        return int(self.dense_weights.shape[0])

    def logits(self, features: Sequence[Mapping[str, float]], dense: np.ndarray | None = None) -> np.ndarray:
        """Raw scores, one row per example, one column per label."""
        out = np.tile(self.bias, (len(features), 1)).astype(np.float64)
        vocab = self.vocab
        for row, feats in enumerate(features):
            found = [(vocab[name], value) for name, value in feats.items() if name in vocab]
            if found:  # one matrix product per example: a model runs on the hot path of every parsed sentence
                indexes, values = zip(*found, strict=True)
                out[row] += np.asarray(values) @ self.weights[list(indexes)]
        if self.dense_size:
            if dense is None or dense.shape != (len(features), self.dense_size):
                raise ModelError(f"this model needs a dense part of size {self.dense_size} for every example")
            out += dense @ self.dense_weights
        return out

    def probabilities(self, features: Sequence[Mapping[str, float]], dense: np.ndarray | None = None) -> np.ndarray:
        return softmax(self.logits(features, dense) / self.temperature)

    def predict(
        self, features: Sequence[Mapping[str, float]], dense: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """The most likely label of each example and its probability."""
        probs = self.probabilities(features, dense)
        best = probs.argmax(axis=1)
        return [(self.labels[int(i)], float(probs[row, i])) for row, i in enumerate(best)]

    def top_features(self, label: str, n: int = 20) -> list[tuple[str, float]]:
        """The named features that push hardest towards `label` (for reading a model, not for running it)."""
        column = self.weights[:, self.labels.index(label)]
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        order = np.argsort(-column)[:n]
        return [(names[int(i)], float(column[int(i)])) for i in order]

    def save(self, path: Path) -> None:
        header = {
            "format": FORMAT,
            "labels": list(self.labels),
            "vocab": sorted(self.vocab, key=self.vocab.__getitem__),
            "temperature": self.temperature,
            "meta": self.meta,
        }
        arrays = {
            "header": np.array(json.dumps(header, sort_keys=True)),
            "weights": self.weights.astype(np.float32),
            "dense_weights": self.dense_weights.astype(np.float32),
            "bias": self.bias.astype(np.float32),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # An .npz is a zip of .npy files; written here with a fixed timestamp (np.savez stamps the current time), so
        # the same model gives the same file byte for byte and a rebuild shows in `git diff` only when it changed.
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, array, allow_pickle=False)
                info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(str(data["header"]))
                weights, dense_weights, bias = data["weights"], data["dense_weights"], data["bias"]
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{path}: not a Truceline model file ({exc}); retrain it with `truceline train`") from None
        if header.get("format") != FORMAT:
            raise ModelError(f"{path}: model format {header.get('format')!r}, expected {FORMAT}; retrain it")
        vocab = {name: i for i, name in enumerate(header["vocab"])}
        return cls(
            labels=tuple(header["labels"]),
            vocab=vocab,
            weights=weights.astype(np.float64),
            dense_weights=dense_weights.astype(np.float64),
            bias=bias.astype(np.float64),
            meta=dict(header.get("meta") or {}),
            temperature=float(header.get("temperature") or 1.0),
        )


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def train(
    examples: Sequence[Example],
    *,
    labels: Sequence[str] | None = None,
    min_count: int = 1,
    l2: float = 1e-3,
    epochs: int = 300,
    learning_rate: float = 0.05,
    balanced: bool = False,
    meta: Mapping[str, Any] | None = None,
) -> LinearModel:
    """Fit a model to `examples` (full-batch Adam on the L2-regularised log loss).

    `labels` fixes the label order (default: sorted labels of the examples); `balanced` weights each class by the
    inverse of its frequency, which favours macro-F1 over accuracy.
    """
    if not examples:
        raise ModelError("no training examples")
    label_list = tuple(labels) if labels is not None else tuple(sorted({e.label for e in examples}))
    label_index = {label: i for i, label in enumerate(label_list)}
    unknown = {e.label for e in examples} - set(label_index)
    if unknown:
        raise ModelError(f"training labels not in the label set: {sorted(unknown)}")
    counts = Counter(name for e in examples for name in e.features)
    vocab_names = sorted(name for name, n in counts.items() if n >= min_count)
    vocab = {name: i for i, name in enumerate(vocab_names)}
    dense_size = len(examples[0].dense) if examples[0].dense is not None else 0
    if any((len(e.dense) if e.dense is not None else 0) != dense_size for e in examples):
        raise ModelError("every training example needs a dense part of the same size, or none has one")

    n, n_labels = len(examples), len(label_list)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, e in enumerate(examples):
        for name, value in e.features.items():
            index = vocab.get(name)
            if index is not None:
                rows.append(r)
                cols.append(index)
                vals.append(float(value))
    row_ids = np.asarray(rows, dtype=np.int64)
    col_ids = np.asarray(cols, dtype=np.int64)
    values = np.asarray(vals, dtype=np.float64)
    # Sums over the non-zero features by segment (np.add.reduceat) rather than np.add.at, which is several times
    # slower: entries are in row order already, and a stable sort puts them in column order for the gradient.
    row_starts = np.flatnonzero(np.r_[True, row_ids[1:] != row_ids[:-1]]) if len(values) else row_ids
    by_col = np.argsort(col_ids, kind="stable")
    col_sorted = col_ids[by_col]
    col_starts = np.flatnonzero(np.r_[True, col_sorted[1:] != col_sorted[:-1]]) if len(values) else col_ids
    col_values = values[by_col, None]
    col_rows = row_ids[by_col]
    dense = np.asarray([e.dense for e in examples], dtype=np.float64) if dense_size else np.zeros((n, 0))
    y = np.asarray([label_index[e.label] for e in examples])
    target = np.zeros((n, n_labels))
    target[np.arange(n), y] = 1.0
    sample_weight = np.asarray([e.weight for e in examples], dtype=np.float64)
    if balanced:
        per_class = np.bincount(y, minlength=n_labels).astype(np.float64)
        sample_weight = sample_weight * (n / (n_labels * np.maximum(per_class, 1.0)))[y]
    sample_weight = sample_weight / sample_weight.sum()

    params = [np.zeros((len(vocab), n_labels)), np.zeros((dense_size, n_labels)), np.zeros(n_labels)]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        weights, dense_weights, bias = params
        logits = np.tile(bias, (n, 1))
        if len(values):
            logits[row_ids[row_starts]] += np.add.reduceat(values[:, None] * weights[col_ids], row_starts, axis=0)
        if dense_size:
            logits += dense @ dense_weights
        error = (softmax(logits) - target) * sample_weight[:, None]
        grad_w = np.zeros_like(weights)
        if len(values):
            grad_w[col_sorted[col_starts]] = np.add.reduceat(col_values * error[col_rows], col_starts, axis=0)
        grads = [grad_w + l2 * weights, dense.T @ error + l2 * dense_weights, error.sum(axis=0)]
        for p, g, m, s in zip(params, grads, moments, squares, strict=True):
            m *= beta1
            m += (1 - beta1) * g
            s *= beta2
            s += (1 - beta2) * g * g
            p -= learning_rate * (m / (1 - beta1**step)) / (np.sqrt(s / (1 - beta2**step)) + eps)
    return LinearModel(
        labels=label_list,
        vocab=vocab,
        weights=params[0],
        dense_weights=params[1],
        bias=params[2],
        meta={
            "examples": n,
            "label_counts": {
                label: int(c) for label, c in zip(label_list, np.bincount(y, minlength=n_labels), strict=True)
            },
            "min_count": min_count,
            "l2": l2,
            "epochs": epochs,
            "balanced": balanced,
            **(meta or {}),
        },
    )


def fit_temperature(model: LinearModel, logits: np.ndarray, gold: Sequence[str]) -> float:
    """The temperature that minimises the log loss of `logits` against `gold` labels (calibration on held-out
    examples: sharper or softer probabilities, same ranking). Searched on a fixed grid, so it is deterministic."""
    index = {label: i for i, label in enumerate(model.labels)}
    y = np.asarray([index[g] for g in gold])
    best, best_loss = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.05), np.log(20.0), 400)):
        probs = softmax(logits / t)
        loss = float(-np.log(np.maximum(probs[np.arange(len(y)), y], 1e-12)).mean())
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best
