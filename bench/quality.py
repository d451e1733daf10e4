"""Every quality figure the README quotes, measured in one run on the development gold sets.

    .venv/bin/python bench/quality.py [--shared ../shared] [--baselines]

Prints a Markdown table (metric, ours, peer where one is scored on the same files). `--baselines` also scores
dateparser on TimeML (slow) and htmldate / trafilatura alone on their sets. HeidelTime needs Java and the optional
`baselines` extra; run it separately with `truceline eval timeml DIR --baseline heideltime` (about half an hour).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--baselines", action="store_true")
    args = ap.parse_args()
    ev = args.shared / "eval"
    rows: list[tuple[str, str, str, str]] = []

    from truceline.eval import (
        acled_types,
        casualties,
        extraction,
        geowebnews,
        petrarch,
        plover,
        pubdate,
        timeml,
    )

    def run(module: Any, path: Path, **options: Any) -> dict[str, Any]:
        t0 = time.perf_counter()
        out = dict(module.run(path, {"limit": None, "actors": [], "baseline": None, **options}))
        out["_seconds"] = time.perf_counter() - t0
        return out

    def peer(module: Any, path: Path, name: str) -> dict[str, Any] | None:
        return run(module, path, baseline=name) if args.baselines else None

    tml = run(timeml, ev / "timeml/TBAQ-cleaned")
    tml_dp = peer(timeml, ev / "timeml/TBAQ-cleaned", "dateparser")
    for key in ("value_f1", "type_f1"):
        rows.append(("TimeML TBAQ (256 docs)", key, fmt(tml[key]), f"dateparser {fmt(tml_dp[key])}" if tml_dp else ""))
    rows.append(
        (
            "TimeML TBAQ (256 docs)",
            "strict / relaxed span F1",
            f"{tml['strict']['f1']:.3f} / {tml['relaxed']['f1']:.3f}",
            "",
        )
    )
    mt = run(timeml, ev / "meantime_en/intra-doc_annotation")
    rows.append(("MEANTIME (120 docs)", "value_f1", fmt(mt["value_f1"]), ""))
    pd = run(pubdate, ev / "pubdate")
    pd_peer = peer(pubdate, ev / "pubdate", "htmldate")
    rows.append(
        ("pubdate (513 pages)", "exact day", fmt(pd["exact"]), f"htmldate {fmt(pd_peer['exact'])}" if pd_peer else "")
    )
    rows.append(("pubdate (513 pages)", "within 1 day", fmt(pd["within_1_day"]), ""))
    ex = run(extraction, ev / "extraction")
    ex_peer = peer(extraction, ev / "extraction", "trafilatura")
    rows.append(
        ("extraction (102 pages)", "token F1", fmt(ex["f1"]), f"trafilatura {fmt(ex_peer['f1'])}" if ex_peer else "")
    )
    pl = run(plover, ev / "plover/plover_gsr.json")
    for key in ("type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy"):
        rows.append(("PLOVER gold (163 records)", key, fmt(pl[key]), ""))
    rows.append(("PLOVER gold (163 records)", "triple F1", fmt(pl["triple"]["f1"]), ""))
    pet_dir = ev / "petrarch2_unittests"
    pe = run(
        petrarch,
        pet_dir / "PETR.UnitTest.records.xml",
        actors=[pet_dir / "PETR.Validate.actors.txt", pet_dir / "PETR.Validate.agents.txt"],
    )
    dyad = pe.get("dyad") or {}
    rows.append(("PETRARCH2 unit tests", "actor pair F1 (user dictionaries)", fmt(dyad.get("f1")), ""))
    gw = run(geowebnews, ev / "geo/GWN.xml")
    rows.append(("GeoWebNews (101 articles)", "recognition F1", fmt(gw["recognition"]["f1"]), ""))
    rows.append(("GeoWebNews (101 articles)", "accuracy within 161 km", fmt(gw["acc_161km"]), ""))
    rows.append(("GeoWebNews (101 articles)", "median error km", fmt(gw["median_km"]), ""))
    fixtures = ROOT / "tests/fixtures"
    ca = run(casualties, fixtures / "casualties/incidents.jsonl")
    rows.append(("casualties (our 42 reports, in-sample)", "both totals exact", fmt(ca["both_exact"]), ""))
    acled_files = sorted((fixtures / "events").glob("acled_snippets*.tsv"))
    if acled_files:
        ac = run(acled_types, acled_files[0])
        rows.append(("ACLED sub-types (our snippets, in-sample)", "macro F1", fmt(ac["macro_f1"]), ""))

    heldout = fixtures / "heldout"
    if heldout.is_dir():
        ac = run(acled_types, heldout / "acled_snippets.tsv")
        rows.append(
            (
                "ACLED sub-types (60 snippets written blind)",
                "macro F1 / accuracy",
                f"{ac['macro_f1']:.3f} / {ac['accuracy']:.3f}",
                "",
            )
        )
        ca = run(casualties, heldout / "casualties.jsonl")
        rows.append(("casualties (40 reports written blind)", "both totals exact", fmt(ca["both_exact"]), ""))

    from truceline.pipeline import analyse_paths
    from truceline.sample import REPORTS_DIR, load_gold, score

    sample = score(analyse_paths([str(REPORTS_DIR)]), load_gold())
    for key in ("pubdate_exact", "event_recall", "event_precision", "actor_country_accuracy", "stance_accuracy",
                "date_accuracy", "place_accuracy", "killed_accuracy"):  # fmt: skip
        rows.append(("bundled corpus gold (34 reports)", key, fmt(sample[key]), ""))

    print("| gold set | metric | Truceline | peer, same files |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
