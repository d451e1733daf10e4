"""Scoring a grouping of reports against a gold grouping, and running the whole pipeline plus linking on labelled
reports (shared by `eval ecbplus` and `eval clusters`).

B-cubed (Bagga and Baldwin, 1998): for each report, precision is the share of its predicted group that shares its
gold label and recall the share of its gold group that shares its predicted group; both are averaged over reports,
and F1 is their harmonic mean. The adjusted Rand index (Hubert and Arabie, 1985) counts agreeing pairs, corrected
for chance (1 = identical groupings, about 0 = chance).

The baseline (``--baseline tfidf``) is what the issue measures against: TF-IDF vectors of the texts (the same
words and weights linking uses) grouped by average-linkage agglomerative clustering told the true number of groups.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from truceline.settings import DEFAULT_LINK_WINDOW
from truceline.stages.ingest import content_id


@dataclass(frozen=True, slots=True)
class Labelled:
    """One report and its gold labels."""

    id: str
    text: str
    event: str
    story: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


def b3(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    items = [i for i in gold if i in pred]
    if not items:
        return {"b3_p": 0.0, "b3_r": 0.0, "b3_f1": 0.0}
    by_pred: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        both = len(by_pred[pred[i]] & by_gold[gold[i]])
        p += both / len(by_pred[pred[i]])
        r += both / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"b3_p": round(p, 4), "b3_r": round(r, 4), "b3_f1": round(f1, 4)}


def ari(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    items = [i for i in gold if i in pred]
    n = len(items)
    if n < 2:
        return 1.0
    pairs = Counter((pred[i], gold[i]) for i in items)
    a = Counter(pred[i] for i in items)
    b = Counter(gold[i] for i in items)

    def comb(k: int) -> float:
        return k * (k - 1) / 2

    index = sum(comb(v) for v in pairs.values())
    sum_a = sum(comb(v) for v in a.values())
    sum_b = sum(comb(v) for v in b.values())
    expected = sum_a * sum_b / comb(n)
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return round((index - expected) / (maximum - expected), 4)


def scores(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    return {**b3(pred, gold), "ari": ari(pred, gold)}


def write_feed(records: Sequence[Labelled], folder: Path) -> Path:
    """The records as a JSON lines file the ingester reads (what a user's scraper would write)."""
    feed = folder / "labelled.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for r in records:
            row = {"id": r.id, "text": r.text, "title": r.title, "published": r.published, "url": r.url}
            row["source"] = r.source
            out.write(json.dumps({k: v for k, v in row.items() if v is not None}) + "\n")
    return feed


def link_labelled(
    records: Sequence[Labelled], actors: Sequence[Path] = (), link_window: int = DEFAULT_LINK_WINDOW
) -> dict[str, tuple[str, str]]:
    """Ingest, process and link the records in a fresh temporary database, as a user's `truceline run` would (in
    one process, linked in windows of `link_window` reports); returns {record id: (story id, cluster id)}. Records
    with the same text are one report and share their answer."""
    from truceline import api
    from truceline.store import Store

    with tempfile.TemporaryDirectory(prefix="truceline-eval-") as tmp:
        feed = write_feed(records, Path(tmp))
        with Store.open(Path(tmp) / "eval.db") as store:
            api.ingest(store, [str(feed)])
            api.process(store, actors=list(actors), workers=1, link_window=link_window)
            placed = {
                aid: (str(ids["story_ids"][0]), str(ids["cluster_ids"][0]))
                for aid, ids in store.link.memberships().items()
                if ids["story_ids"] and ids["cluster_ids"]
            }
    return {r.id: placed[content_id(r.text)] for r in records if content_id(r.text) in placed}


def evaluate(records: Sequence[Labelled], actors: Sequence[Path] = ()) -> dict[str, object]:
    """Link the records and score the grouping at the event level and, where labels are given, the story level."""
    placed = link_labelled(records, actors)
    out: dict[str, object] = {"documents": len(records), "linked": len(placed)}
    out["event"] = scores({i: p[1] for i, p in placed.items()}, {r.id: r.event for r in records})
    storied = {r.id: r.story for r in records if r.story is not None}
    if storied:
        out["story"] = scores({i: p[0] for i, p in placed.items() if i in storied}, storied)
    return out


def baseline(records: Sequence[Labelled]) -> dict[str, object]:
    """TF-IDF average linkage with the true number of groups at each level (see the module docstring)."""
    from truceline.link.text import terms_and_names

    vectors = [terms_and_names(r.title, r.text)[0] for r in records]
    df: Counter[str] = Counter(t for v in vectors for t in v)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(records)
    matrix = np.zeros((n, len(vocab)))
    for row, v in enumerate(vectors):
        for t, w in v.items():
            matrix[row, vocab[t]] = w * (math.log((n + 1) / (df[t] + 1)) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1.0, norms)
    sims = matrix @ matrix.T
    out: dict[str, object] = {"documents": n}
    gold_event = {r.id: r.event for r in records}
    labels = average_linkage(sims, len(set(gold_event.values())))
    out["event"] = scores({r.id: labels[i] for i, r in enumerate(records)}, gold_event)
    storied = {r.id: r.story for r in records if r.story is not None}
    if storied:
        labels = average_linkage(sims, len(set(storied.values())))
        out["story"] = scores({r.id: labels[i] for i, r in enumerate(records) if r.id in storied}, storied)
    return out


def average_linkage(sims: np.ndarray, k: int) -> list[int]:
    """Agglomerative clustering, average linkage on similarities, stopped at k groups; a label per row."""
    n = sims.shape[0]
    linkage = sims.astype(np.float64).copy()
    np.fill_diagonal(linkage, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _ in range(max(n - k, 0)):
        masked = np.where(alive[:, None] & alive[None, :], linkage, -np.inf)
        i, j = divmod(int(np.argmax(masked)), n)
        merged = (linkage[i] * size[i] + linkage[j] * size[j]) / (size[i] + size[j])
        linkage[i, :] = merged
        linkage[:, i] = merged
        linkage[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False
        linkage[j, :] = -np.inf
        linkage[:, j] = -np.inf
        groups[i] += groups.pop(j)
    labels = [0] * n
    for label, members in enumerate(groups.values()):
        for m in members:
            labels[m] = label
    return labels
