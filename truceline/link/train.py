"""Rebuild the linking models: ``python -m truceline.link.train [--ecbplus DIR] [--out DIR]``.

The story and event scorers (truceline/link/score.py) are trained on the linking of labelled reports replayed in
the order the stage links them: every report goes through the whole pipeline into a fresh database, then the link
stage places it with an oracle that knows the gold story and event; at each decision, every candidate the blocking
offered becomes one example (its features, and whether it holds the report's gold label), and the report goes where
the gold says. So the examples are the decisions the stage faces, with the candidates its blocking finds.

Labelled reports: the tune part of ECB+ (read from ``../shared/eval/ecbplus`` or ``--ecbplus DIR`` at training
time, never copied into the project; its check part is never read here) and our own bundled corpus with its
linking gold (truceline/data/sample/link_gold.yaml). Training is deterministic (truceline.learn.linear).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from truceline.learn.linear import Example, train
from truceline.link.cluster import Linker
from truceline.link.features import Report
from truceline.link.score import LABELS, MODEL_FILES
from truceline.stages.ingest import content_id
from truceline.store.link import Group

DEFAULT_ECBPLUS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ecbplus"
OUT = Path(__file__).resolve().parents[1] / "data" / "models"
L2 = 1e-3
EPOCHS = 1500
# Each example of our own corpus counts this many times: it is the domain the stage is for (a busy story whose
# happenings days apart share their words), and it is six times smaller than the ECB+ tune part.
SAMPLE_WEIGHT = 3.0


@dataclass(slots=True)
class Oracle:
    """Decides as the gold says and records every candidate as an example."""

    gold: dict[str, tuple[str | None, str]]  # article id -> (story label, event label)
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: {"story": {}, "event": {}})
    examples: dict[str, list[Example]] = field(default_factory=lambda: {"story": [], "event": []})

    def want(self, level: str, rep: Report) -> str | None:
        story, event = self.gold[rep.id]
        return story if level == "story" else event

    def decide(
        self, level: str, rep: Report, candidates: list[tuple[Group, dict[str, float]]]
    ) -> tuple[int | None, float]:
        want = self.want(level, rep)
        best: tuple[float, int] | None = None
        for i, (group, feats) in enumerate(candidates):
            same = want is not None and self.labels[level].get(group.id) == want
            if want is not None:
                self.examples[level].append(Example(dict(feats), "same" if same else "other"))
            if same and (best is None or feats["cos"] > best[0]):
                best = (feats["cos"], i)
        return (best[1], 1.0) if best else (None, 0.0)

    def placed(self, rep: Report, story_id: str, cluster_id: str) -> None:
        story, event = self.gold[rep.id]
        if story is not None:
            self.labels["story"].setdefault(story_id, story)
        self.labels["event"].setdefault(cluster_id, event)


def replay(paths: Sequence[str], label: Callable[[dict[str, Any]], tuple[str | None, str] | None]) -> Oracle:
    """Ingest and process `paths` in a fresh database, then replay their linking with the oracle; `label` gives
    the gold (story, event) of a stored article (None to leave it out)."""
    from truceline import api
    from truceline.link import pending_reports
    from truceline.store import Store

    oracle = Oracle({})
    with tempfile.TemporaryDirectory(prefix="truceline-train-") as tmp, Store.open(Path(tmp) / "train.db") as store:
        api.ingest(store, list(paths))
        api.process(store, link_after=False)
        for art in store.articles():
            gold = label(art)
            if gold is not None:
                oracle.gold[str(art["id"])] = gold
        linker = Linker(store.link, oracle.decide)
        for rep in pending_reports(store):
            if rep.id not in oracle.gold:
                continue
            with store.link.transaction():
                placed = linker.place(rep)
            oracle.placed(rep, placed.story_id, placed.cluster_id)
    return oracle


def replay_ecbplus(root: Path) -> Oracle:
    """The tune part of ECB+ (its check part is never read here)."""
    from truceline.eval.clustering import write_feed
    from truceline.eval.ecbplus import load
    from truceline.eval.split import select

    records = [doc for _, docs in select(load(root), lambda t: t[0], "tune") for doc in docs]
    gold = {content_id(r.text): (r.story, r.event) for r in records}
    with tempfile.TemporaryDirectory(prefix="truceline-ecbplus-") as tmp:
        feed = write_feed(records, Path(tmp))
        return replay([str(feed)], lambda art: gold.get(str(art["id"])))


def replay_sample() -> Oracle:
    """Our bundled corpus with its linking gold."""
    from truceline.link.gold import report_labels
    from truceline.sample import REPORTS_DIR, report_key

    labels = report_labels()
    return replay([str(REPORTS_DIR)], lambda art: labels.get(report_key(str(art["origin"]))))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT_ECBPLUS, help="ECB+ folder (its tune part is used)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the .npz model files go")
    args = parser.parse_args(argv)
    oracles: list[tuple[str, Oracle]] = []
    if args.ecbplus.is_dir():
        oracles.append(("ecbplus-tune", replay_ecbplus(args.ecbplus)))
    else:
        print(f"no ECB+ at {args.ecbplus}: training on the bundled corpus only", file=sys.stderr)
    oracles.append(("bundled-corpus", replay_sample()))
    examples: dict[str, list[Example]] = {"story": [], "event": []}
    counts: dict[str, dict[str, int]] = {}
    for name, oracle in oracles:
        weight = SAMPLE_WEIGHT if name == "bundled-corpus" else 1.0
        for level in examples:
            examples[level] += [Example(e.features, e.label, weight=weight) for e in oracle.examples[level]]
        counts[name] = {"reports": len(oracle.gold), **{level: len(oracle.examples[level]) for level in examples}}
    args.out.mkdir(parents=True, exist_ok=True)
    for level, rows in examples.items():
        model = train(
            rows,
            labels=LABELS,
            l2=L2,
            epochs=EPOCHS,
            balanced=True,
            meta={"what": f"linking: does a report belong to this {level}?", "trained_on": counts},
        )
        model.save(args.out / MODEL_FILES[level])
        top = {label: model.top_features(label, 12) for label in LABELS}
        print(json.dumps({"level": level, "examples": len(rows), "top": top}, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
