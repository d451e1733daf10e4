"""Which gold stories or events linking splits or merges, and why: `python bench/link_failures.py [story|event]`.

With ``--cv`` the ECB+ tune part is linked as `python -m truceline.link.train --cv` links it (each topic decided by
models trained without it; ``--cache FILE`` reuses the processed tune part), so the failures shown are out-of-sample
ones: the failures of the packaged models on the tune part are few, as they were trained on it.

Links the tune part of ECB+ (``--ecbplus DIR``, default ../shared/eval/ecbplus) or our bundled corpus (``--sample``)
in a fresh database with the packaged models, then prints every gold story (or event) that ends up in more than one
group or shares a group with another, each of its reports with its date and title, and the three best candidates
its decision weighed: their probability, the gold labels of their members at that moment and their features (a
``*`` marks the candidate chosen). The check part of ECB+ is never read here: look at tune failures only, judge a
change by the check figure (`truceline eval ecbplus DIR --part check`) and `python -m truceline.link.train --cv`.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("level", nargs="?", choices=("story", "event"), default="story")
    ap.add_argument("--ecbplus", type=Path, default=ROOT.parent / "shared" / "eval" / "ecbplus")
    ap.add_argument("--sample", action="store_true", help="our bundled corpus instead of the ECB+ tune part")
    ap.add_argument("--cv", action="store_true", help="held-out models per tune topic (leave-one-topic-out)")
    ap.add_argument("--cache", type=Path, help="with --cv: the processed tune part, kept and reused")
    args = ap.parse_args()
    if args.cv:
        cv_failures(args.level, args.ecbplus, args.cache)
        return

    import truceline.link as linking
    from truceline import api
    from truceline.eval.clustering import write_feed
    from truceline.link.cluster import model_decider
    from truceline.link.gold import report_labels
    from truceline.link.score import Scorer
    from truceline.sample import REPORTS_DIR, report_key
    from truceline.stages.ingest import content_id
    from truceline.store import Store

    index = 0 if args.level == "story" else 1
    column = "story_id" if args.level == "story" else "cluster_id"
    log: dict[str, tuple[int | None, list[tuple[str, float, dict[str, int], dict[str, float]]]]] = {}
    with tempfile.TemporaryDirectory(prefix="truceline-failures-") as tmp, Store.open(Path(tmp) / "x.db") as store:
        if args.sample:
            api.ingest(store, [str(REPORTS_DIR)])
        else:
            from truceline.eval.ecbplus import load
            from truceline.eval.split import select

            records = [d for _, docs in select(load(args.ecbplus), lambda t: t[0], "tune") for d in docs]
            api.ingest(store, [str(write_feed(records, Path(tmp)))])
            gold: dict[str, tuple[str, str]] = {content_id(r.text): (str(r.story), r.event) for r in records}
        api.process(store, link_after=False)
        if args.sample:  # (stored articles are listed once processed)
            labels = report_labels()
            gold = {str(a["id"]): labels[report_key(str(a["origin"]))] for a in store.articles()}
        scorer = Scorer.packaged()
        decider = model_decider(scorer)

        def decide(level: str, rep: Any, candidates: list[Any]) -> tuple[int | None, float]:
            chosen, prob = decider(level, rep, candidates)
            if level == args.level:
                probs = scorer.probabilities(level, [f for _, f in candidates])
                rows = []
                for (group, feats), p in zip(candidates, probs, strict=True):
                    members = [a for a, _ in store.link.members(column, group.id, 1000)]
                    seen = Counter(str(gold[a][index]) for a in members if a in gold)
                    rows.append((group.id, p, dict(seen), feats))
                log[rep.id] = (chosen, rows)
            return chosen, prob

        original = linking.model_decider
        linking.model_decider = lambda _scorer: decide  # type: ignore[assignment]
        try:
            linking.link(store)
        finally:
            linking.model_decider = original
        placed = {a: ids[column + "s"][0] for a, ids in store.link.memberships().items()}
        info = {str(a["id"]): (a.get("published"), a.get("title") or a.get("body", "")[:60]) for a in store.articles()}
    print(f"{len(gold)} labelled report(s), {len(placed)} linked, {len(log)} decision(s) logged")
    by_pred: dict[str, set[str]] = defaultdict(set)
    for a in gold:
        by_pred[placed[a]].add(str(gold[a][index]))
    by_gold: dict[str, list[str]] = defaultdict(list)
    for a, labels_of in gold.items():
        by_gold[str(labels_of[index])].append(a)
    for label, arts in sorted(by_gold.items()):
        groups = Counter(placed[a] for a in arts)
        shared = {g: sorted(by_pred[g]) for g in groups if len(by_pred[g]) > 1}
        if len(groups) == 1 and not shared:
            continue
        print(f"--- gold {args.level} {label}: {len(arts)} report(s) in {dict(groups)}; groups shared: {shared}")
        for a in arts:
            day, title = info[a]
            print(f"  {a[:10]} -> {placed[a]}  {day}  {str(title)[:70]!r}")
            chosen, rows = log.get(a, (None, []))
            best = sorted(range(len(rows)), key=lambda i: -rows[i][1])[:3]
            for i in best:
                gid, p, seen, feats = rows[i]
                mark = "*" if i == chosen else " "
                shown = {k: round(v, 3) for k, v in feats.items()}
                print(f"      {mark} {gid} p={p:.3f} members={seen} {shown}")


def cv_failures(level: str, root: Path, cache: Path | None) -> None:
    """The leave-one-topic-out linking's failures at `level`, each report with the candidates its decision weighed."""
    from truceline.link.train import cv_link

    index = 0 if level == "story" else 1
    log: dict[str, tuple[int | None, list[tuple[str, float, dict[str, float]]]]] = {}
    info: dict[str, tuple[Any, str]] = {}

    def observe(lvl: str, rep: Any, candidates: list[Any], chosen: int | None, probs: list[float]) -> None:
        info[rep.id] = (rep.date_lo, rep.title or rep.body[:70])
        if lvl == level:
            log[rep.id] = (chosen, [(g.id, p, f) for (g, f), p in zip(candidates, probs, strict=True)])

    gold, placed = cv_link(root, observe, cache)
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for a, ids in placed.items():
        if a in gold:
            members[ids[index]][str(gold[a][index])] += 1
    print(f"{len(gold)} labelled report(s), {len(log)} decision(s) logged (leave-one-topic-out)")
    by_gold: dict[str, list[str]] = defaultdict(list)
    for a, labels_of in gold.items():
        by_gold[str(labels_of[index])].append(a)
    for label, arts in sorted(by_gold.items()):
        groups = Counter(placed[a][index] for a in arts)
        shared = {g: dict(members[g]) for g in groups if len(members[g]) > 1}
        if len(groups) == 1 and not shared:
            continue
        print(f"--- gold {level} {label}: {len(arts)} report(s) in {dict(groups)}; groups shared: {shared}")
        for a in arts:
            day, title = info.get(a, (None, ""))
            print(f"  {a[:10]} -> {placed[a][index]}  {day}  {str(title)[:70]!r}")
            chosen, rows = log.get(a, (None, []))
            for i in sorted(range(len(rows)), key=lambda i: -rows[i][1])[:3]:
                gid, p, feats = rows[i]
                mark = "*" if i == chosen else " "
                shown = {k: round(v, 3) for k, v in feats.items()}
                print(f"      {mark} {gid} p={p:.3f} final={dict(members.get(gid, {}))} {shown}")


if __name__ == "__main__":
    main()
