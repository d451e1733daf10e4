"""Quality floors on the *check* part of every public gold set (the split is truceline/eval/split.py).

Rules and models are written against tune-part failures only, so the check part is the figure we quote and guard.
Each floor sits within 0.02 under the check figure measured by `bench/quality.py` (the comment gives it); raise a
floor when work improves the figure, never lower one quietly. The gold sets are read from ../shared and the tests
skip without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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

# (set, module, path under shared/eval, extra options, {metric: floor})
FLOORS: list[tuple[str, Any, str, dict[str, Any], dict[str, float]]] = [
    # measured on check: value 0.836, type 0.905, strict 0.877, relaxed 0.942
    ("tbaq", timeml, "timeml/TBAQ-cleaned", {}, {"value_f1": 0.82, "type_f1": 0.89, "strict.f1": 0.86, "relaxed.f1": 0.93}),
    # measured on check: value 0.877, relaxed 0.946
    ("meantime", timeml, "meantime_en/intra-doc_annotation", {}, {"value_f1": 0.86, "relaxed.f1": 0.93}),
    # measured on check: exact 0.889, within a day 0.914 (htmldate alone 0.881 / 0.910)
    ("pubdate", pubdate, "pubdate", {}, {"exact": 0.875, "within_1_day": 0.90}),
    # the same pages as text alone; measured on check: contains 0.959 (English pages 0.973), no wrong day given;
    # exact 0: a day named by weekday and date gives "that day or the next" (truceline/timex/pubdate_days.py).
    # 118 of the 243 intervals (27 of the 75 English) are bounded from below by nothing in the text ("published
    # before today"): contains was 0.473 / 0.613 when those were left undated
    ("pubdate-text", pubdate_text, "pubdate", {}, {"contains": 0.94, "english.contains": 0.955}),
    # news with a known creation day as text alone; measured on check: contains 0.976 (TBAQ), 0.985 (MEANTIME),
    # 0.962 (ECB+), no wrong day given (0.415, 0.800, 0.667 when reports bounded from below by nothing were
    # left undated: 69, 14 and 23 of them)
    ("pubdate-text-tbaq", pubdate_text, "timeml/TBAQ-cleaned", {}, {"contains": 0.96}),
    ("pubdate-text-meantime", pubdate_text, "meantime_en", {}, {"contains": 0.965}),
    ("pubdate-text-ecbplus", pubdate_text, "ecbplus", {}, {"contains": 0.945}),
    # measured on check: token F1 0.946
    ("extraction", extraction, "extraction", {}, {"f1": 0.93}),
    # measured on check: type 0.867, macro 0.794, source 0.822, target 0.744 (source 0.811 before a dateline city
    # stopped being the victims of a casualty verb; a place stands in for a target only
    # when the pipeline codes it so: a place abroad acted on, a protest's scene; source was 0.833 with dictionary entries that only named actors of gold records, removed as answer keys;
    # records are coded with the places stage run first, as the pipeline runs it)
    ("plover", plover, "plover/plover_gsr.json", {}, {"type_accuracy": 0.85, "type_macro_f1": 0.775, "source_accuracy": 0.805, "target_accuracy": 0.725}),
    # measured on check: recognition F1 0.857, within 161 km 0.923 (recognition was 0.863 with stop words and
    # features that only answered gold records, removed; adjectival and demonym toponyms are not scored)
    ("geowebnews", geowebnews, "geo/GWN.xml", {}, {"recognition.f1": 0.85, "acc_161km": 0.91}),
    # measured on check: macro-F1 0.743, accuracy 0.785 (learned classifier; the rule path alone 0.501, 0.526)
    ("acled", acled_types, "acled_types/case2021_task2.tsv", {}, {"macro_f1": 0.74, "accuracy": 0.78}),
    # measured on check: both 0.744, killed 0.877, injured 0.786
    ("casualties", casualties, "casualties/gva.jsonl", {}, {"both_exact": 0.73, "killed_exact": 0.86, "injured_exact": 0.77}),
    # measured on check: story B3 F1 0.841, event B3 F1 0.885 (the whole pipeline, then linking; 0.801 / 0.834
    # before stories that read as alike across as within merged and the event model weighed the reports' numbers;
    # 0.829 / 0.874 before a theatre needed more than one town named once)
    ("ecbplus", ecbplus, "ecbplus", {}, {"story.b3_f1": 0.83, "event.b3_f1": 0.87}),
]  # fmt: skip


def _get(out: dict[str, Any], dotted: str) -> Any:
    value: Any = out
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


@pytest.mark.slow
@pytest.mark.parametrize(("name", "module", "where", "options", "floors"), FLOORS, ids=[f[0] for f in FLOORS])
def test_check_part_floor(
    shared: Path, name: str, module: Any, where: str, options: dict[str, Any], floors: dict[str, float]
) -> None:
    out = module.run(
        shared / "eval" / where, {"limit": None, "actors": [], "baseline": None, "part": "check", **options}
    )
    assert out["part"] == "check"
    low = {
        m: (_get(out, m), f) for m, f in floors.items() if not (isinstance(_get(out, m), float) and _get(out, m) >= f)
    }
    assert not low, f"{name}: under the floor (measured, floor): {low}"
    if name.startswith("pubdate-text"):
        assert out["wrong_days"] == 0, "a day given from the text alone must be the right one"


def test_petrarch_dyads_with_user_dictionaries(shared: Path) -> None:
    where = shared / "eval/petrarch2_unittests"
    dicts = [where / "PETR.Validate.actors.txt", where / "PETR.Validate.agents.txt"]
    out = petrarch.run(where / "PETR.UnitTest.records.xml", {"actors": dicts, "part": "check"})
    # measured 0.561 on check (0.510 before names whose dated codes share a country were coded when undated and
    # coordinations read descriptions as the names they describe; 0.453 before the argument rules of branch plover)
    assert _get(out, "dyad.f1") >= 0.54


def test_the_parts_split_every_set_in_two(shared: Path) -> None:
    """Tune and check are disjoint and together the whole set (PLOVER and casualties stand for the rest)."""
    for module, where in ((plover, "plover/plover_gsr.json"), (casualties, "casualties/gva.jsonl")):
        sizes = {}
        for part in ("all", "tune", "check"):
            out = module.run(shared / "eval" / where, {"part": part, "limit": 3 if part == "all" else None})
            sizes[part] = out.get("records", out.get("articles"))
        whole = module.run(shared / "eval" / where, {"part": "all"})
        total = whole.get("records", whole.get("articles"))
        assert sizes["tune"] + sizes["check"] == total
        assert min(sizes["tune"], sizes["check"]) > 0.3 * total
