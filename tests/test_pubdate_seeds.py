"""The five seed reports (read from ../shared at run time, skipped when absent), dated from their text alone.

Their true days and how they were established are in tests/fixtures/time/seed_pubdates.yaml. Every seed's interval
must hold its true day; a seed whose text pins the day gets that day, one that names the day it tells of by weekday
and date gets that day or the next (no day: truceline.timex.pubdate_days measures why); the others get an honest
interval of at most a year, never a day.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from truceline.eval.pubdate_text import date_text, score

GOLD_FILE = Path(__file__).parent / "fixtures" / "time" / "seed_pubdates.yaml"
GOLD: dict[str, dict[str, Any]] = yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))


def _seed(shared: Path, prefix: str) -> str:
    files = sorted((shared / "seeds").glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"seed {prefix} not found under {shared / 'seeds'}")
    return files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(GOLD))
def test_seed_publication_date(shared: Path, prefix: str) -> None:
    pub = date_text(_seed(shared, prefix))
    true_day: date = GOLD[prefix]["day"]
    assert pub.earliest is not None and pub.latest is not None, pub.evidence
    assert pub.earliest <= true_day <= pub.latest, (pub, pub.evidence)
    assert pub.evidence
    if GOLD[prefix]["text_allows"] == "day":
        assert (pub.precision, pub.earliest) == ("day", true_day), pub.evidence
    elif GOLD[prefix]["text_allows"] == "day or next":
        assert (pub.earliest, pub.latest) == (true_day, true_day + timedelta(days=1)), pub.evidence
    else:
        assert pub.precision != "day" and (pub.latest - pub.earliest).days <= 400, pub.evidence


def test_seed_scores(shared: Path) -> None:
    out = score((date_text(_seed(shared, p)), GOLD[p]["day"]) for p in sorted(GOLD))
    assert out["reports"] == 5 and out["contains"] == 1.0 and out["wrong_days"] == 0
    assert out["exact"] == sum(g["text_allows"] == "day" for g in GOLD.values()) / 5
