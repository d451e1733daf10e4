"""The bundled corpus's linking gold (truceline/data/sample/link_gold.yaml): which reports tell of one happening,
which story they belong to, which agreement each mention names, and the contradictions planted in the reports.
Its schema is documented at the top of the file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from truceline.errors import EvalError
from truceline.sample import SAMPLE_DIR, report_texts

LINK_GOLD_PATH: Path = SAMPLE_DIR / "link_gold.yaml"


@cache
def load_link_gold(path: Path = LINK_GOLD_PATH) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"cannot read the linking gold {path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict):
        raise EvalError(f"{path}: expected a mapping with 'reports' (see the schema at the top of the file)")
    texts = report_texts()
    unknown = sorted(set(data["reports"]) - set(texts))
    if unknown:
        raise EvalError(f"{path}: reports not in the corpus: {', '.join(unknown)}")
    return data


def report_labels() -> dict[str, tuple[str, str]]:
    """{report key: (story label, event label)} for every report of the bundled corpus."""
    return {key: (str(v["story"]), str(v["event"])) for key, v in load_link_gold()["reports"].items()}
