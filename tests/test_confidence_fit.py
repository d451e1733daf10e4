"""The script that refits the shipped calibration (bench/fit_calibration.py) runs end to end on gold sets of our
own, laid out as ../shared/eval is, and writes a file the pipeline can load."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from truceline.learn import confidence

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

# Three PLOVER-style records written for this test (same fields as the PLOVER gold-standard records).
PLOVER = [
    {"id": "t1", "text": "Turkish troops shelled Kurdish militia positions near the border town on Monday.",
     "event": "ASSAULT", "source": [{"actorText": "Turkish troops", "code": "TURMIL"}], "target": ""},
    {"id": "t2", "text": "Russia accused Ukraine of breaking the ceasefire overnight.",
     "event": "ACCUSE", "source": [{"actorText": "Russia", "code": "RUS"}],
     "target": [{"actorText": "Ukraine", "code": "UKR"}]},
    {"id": "t3", "text": "The foreign ministers of Iran and Turkey met in Ankara to discuss the truce.",
     "event": "CONSULT", "source": [{"actorText": "Iran", "code": "IRN"}],
     "target": [{"actorText": "Turkey", "code": "TUR"}]},
]  # fmt: skip


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A folder shaped like ../shared holding only data we wrote ourselves."""
    ev = tmp_path / "eval"
    (ev / "plover").mkdir(parents=True)
    (ev / "plover" / "plover_gsr.json").write_text(json.dumps(PLOVER), encoding="utf-8")
    (ev / "casualties").mkdir()
    shutil.copy(FIXTURES / "casualties" / "incidents.jsonl", ev / "casualties" / "gva.jsonl")
    (ev / "geo").mkdir()
    shutil.copy(FIXTURES / "geo" / "lgl_sample.xml", ev / "geo" / "GWN.xml")
    (ev / "timeml" / "TBAQ-cleaned").mkdir(parents=True)
    shutil.copy(FIXTURES / "time" / "sample.tml", ev / "timeml" / "TBAQ-cleaned" / "sample.tml")
    shutil.copytree(FIXTURES / "time" / "pubdate", ev / "pubdate")
    (ev / "acled_types").mkdir()
    shutil.copy(FIXTURES / "events" / "acled_snippets.tsv", ev / "acled_types" / "case2021_task2.tsv")
    return tmp_path


@pytest.mark.slow
def test_the_refit_script_writes_a_calibration_the_pipeline_loads(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "calibration.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "fit_calibration.py"), "--shared", str(shared), "--out", str(out),
         "--fit-part", "check", "--limit", "20"],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == confidence.FORMAT
    loaded = confidence.read_calibration(out)
    assert loaded.models, "no field was fitted"
    for field, report in data["meta"]["fields"].items():
        assert field in confidence.FIELDS
        assert report["examples"] > 0
        assert {"ece", "auc", "brier"} <= report["check_prior"].keys()
    assert "| field |" in done.stdout  # the before/after table
