"""Every quality figure the README quotes, measured in one run, on the tune and the check part of each gold set.

    .venv/bin/python bench/quality.py [--shared ../shared] [--baselines] [--only NAME ...] [--json FILE]

Prints a Markdown table: gold set, metric, the tune-part figure, the check-part figure and, with `--baselines`, a
peer scored on the same check files (dateparser on TimeML, htmldate alone on publication dates, trafilatura alone
on extraction). HeidelTime needs Java and the optional `baselines` extra; run it on its own with
`truceline eval timeml DIR --part check --baseline heideltime` (about a quarter of an hour).

The split is fixed (truceline/eval/split.py). Rules and models are written against tune failures only; the check
figure is the one to quote. Sets we wrote ourselves are labelled as such and are never called held out.
`--json FILE` also writes the figures as {set: {metric: {tune, check}}} (what the CI floors were set from).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

Metric = tuple[str, Callable[[dict[str, Any]], Any]]


def fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _key(name: str) -> Callable[[dict[str, Any]], Any]:
    def get(out: dict[str, Any]) -> Any:
        value: Any = out
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    return get


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--baselines", action="store_true")
    ap.add_argument("--only", nargs="*", help="names of the sets to measure (default: all)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    ev = args.shared / "eval"

    from truceline.eval import (
        acled_types,
        casualties,
        ecbplus,
        extraction,
        geowebnews,
        petrarch,
        plover,
        pubdate,
        pubdate_text,
        timeml,
    )

    pet = ev / "petrarch2_unittests"
    sets: list[tuple[str, str, Any, Path, dict[str, Any], list[str], str | None]] = [
        # name, label, module, path, options, metrics, peer for --baselines
        ("tbaq", "TimeML TBAQ", timeml, ev / "timeml/TBAQ-cleaned", {}, ["value_f1", "type_f1", "strict.f1", "relaxed.f1"], "dateparser"),
        ("meantime", "MEANTIME", timeml, ev / "meantime_en/intra-doc_annotation", {}, ["value_f1", "strict.f1", "relaxed.f1"], None),
        ("pubdate", "pubdate (HTML pages)", pubdate, ev / "pubdate", {}, ["exact", "within_1_day"], "htmldate"),
        # publication dates of reports given as text alone (truceline/eval/pubdate_text.py): news with a known day
        ("pubdate-text-tbaq", "pubdate, text alone (TBAQ news)", pubdate_text, ev / "timeml/TBAQ-cleaned", {}, ["contains", "exact", "wrong_days", "no_lower_bound"], None),
        ("pubdate-text-meantime", "pubdate, text alone (MEANTIME news)", pubdate_text, ev / "meantime_en", {}, ["contains", "exact", "wrong_days", "no_lower_bound"], None),
        ("pubdate-text-ecbplus", "pubdate, text alone (ECB+ news)", pubdate_text, ev / "ecbplus", {}, ["contains", "exact", "wrong_days", "no_lower_bound"], None),
        ("pubdate-text-pages", "pubdate, text alone (htmldate pages)", pubdate_text, ev / "pubdate", {}, ["contains", "english.contains", "english.exact", "wrong_days", "no_lower_bound"], None),
        ("extraction", "extraction (HTML pages)", extraction, ev / "extraction", {}, ["f1"], "trafilatura"),
        ("plover", "PLOVER gold", plover, ev / "plover/plover_gsr.json", {}, ["type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy", "triple.f1"], None),
        ("petrarch", "PETRARCH2 unit tests (user dictionaries)", petrarch, pet / "PETR.UnitTest.records.xml",
         {"actors": [pet / "PETR.Validate.actors.txt", pet / "PETR.Validate.agents.txt"]}, ["dyad.f1"], None),
        ("geowebnews", "GeoWebNews", geowebnews, ev / "geo/GWN.xml", {}, ["recognition.f1", "acc_161km", "median_km"], None),
        ("acled", "ACLED sub-types (CASE 2021 notes; the classifier is trained on the tune part)", acled_types, ev / "acled_types/case2021_task2.tsv", {}, ["macro_f1", "accuracy"], None),
        ("casualties", "casualties (GVA reports)", casualties, ev / "casualties/gva.jsonl", {}, ["both_exact", "killed_exact", "injured_exact"], None),
        ("ecbplus", "ECB+ stories and event clusters (documents)", ecbplus, ev / "ecbplus", {}, ["story.b3_f1", "event.b3_f1"], "tfidf"),
    ]  # fmt: skip

    def run(module: Any, path: Path, **options: Any) -> dict[str, Any]:
        return dict(module.run(path, {"limit": None, "actors": [], "baseline": None, **options}))

    rows: list[tuple[str, str, str, str, str]] = []
    figures: dict[str, dict[str, dict[str, Any]]] = {}
    for name, label, module, path, options, metrics, peer in sets:
        if args.only and name not in args.only:
            continue
        if not path.exists():
            print(f"skipping {name}: {path} is missing")
            continue
        t0 = time.perf_counter()
        tune = run(module, path, part="tune", **options)
        check = run(module, path, part="check", **options)
        peer_out = run(module, path, part="check", baseline=peer, **options) if peer and args.baselines else None
        size = next(
            (
                check[k]
                for k in ("records", "files", "pages", "articles", "snippets", "reports", "documents")
                if k in check
            ),
            "?",
        )
        size_tune = next(
            (
                tune[k]
                for k in ("records", "files", "pages", "articles", "snippets", "reports", "documents")
                if k in tune
            ),
            "?",
        )
        figures[name] = {}
        for metric in metrics:
            get = _key(metric)
            figures[name][metric] = {"tune": get(tune), "check": get(check)}
            peer_text = f"{peer} {fmt(get(peer_out))}" if peer_out is not None else ""
            rows.append((f"{label} ({size_tune} / {size})", metric, fmt(get(tune)), fmt(get(check)), peer_text))
        print(f"# {name}: {time.perf_counter() - t0:.1f} s", flush=True)

    if not args.only or "sample" in args.only:
        from truceline.pipeline import analyse_paths
        from truceline.sample import REPORTS_DIR, load_gold, score

        analyses = list(analyse_paths([str(REPORTS_DIR)]))
        gold = load_gold()
        figures["sample"] = {}
        # the reports written for the per-report stages, and those written for linking (link_*), apart
        for tag, keep in (("", lambda k: not k.startswith("link_")), ("link_", lambda k: k.startswith("link_"))):
            part = {k: v for k, v in gold.items() if keep(k)}
            sample = score(analyses, part)
            label = f"bundled corpus, our {len(part)} {'linking ' if tag else ''}reports (in-sample)"
            for key in ("pubdate_exact", "event_recall", "event_precision", "event_all_fields", "actor_country_accuracy",
                        "stance_accuracy", "date_accuracy", "place_accuracy", "killed_accuracy"):  # fmt: skip
                figures["sample"][tag + key] = {"in_sample": sample[key]}
                rows.append((label, key, "", fmt(sample[key]), ""))

    print("| gold set (tune / check size) | metric | tune | check | peer on check |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
