"""`truceline eval extraction DIR`: main-text extraction scored against the article-extraction-benchmark format.

DIR holds `ground-truth.json` = {sha256: {"articleBody": ..., "url": ...}} and pages `html/<sha256>.html.gz`.
Each page goes through the real clean stage (trafilatura, then our line cascade); its body is compared with
`articleBody` as bags of lowercased word tokens. Precision, recall and F1 are computed per page and averaged over
pages (a page we skip scores 0 recall, and 0 precision as nothing was extracted).

Options: "limit" (int or None: first N pages in sha order); "baseline" (None, or "trafilatura" to score
trafilatura alone, with the very settings our cleaner gives it (truceline.clean.html.TRAFILATURA_OPTIONS) and the
page's URL, instead of our stage, so the figure shows what our cascade adds; the output's "baseline_settings" says
which). Other keys the CLI passes to every scorer (e.g. "actors") do not apply here and are ignored.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from truceline.clean.html import TRAFILATURA_OPTIONS
from truceline.errors import EvalError, Skip
from truceline.eval.split import describe, select, wanted_part
from truceline.model import RawDocument
from truceline.stages.clean import clean
from truceline.stages.ingest import content_id, decode_text

_TOKEN = re.compile(r"\w+")
BASELINES = ("trafilatura",)


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def score_page(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 of one extracted text against its gold text."""
    pred, ref = tokens(predicted), tokens(gold)
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    """Score the clean stage on the pages under `path`; returns pages, precision, recall, f1 (4 places)."""
    baseline = options.get("baseline")
    if baseline is not None and baseline not in BASELINES:
        raise EvalError(f"unknown baseline {baseline!r} for eval extraction; choose one of: {', '.join(BASELINES)}")
    gold = _load_gold(path)
    limit = options.get("limit")
    part = wanted_part(options)
    keys = select(sorted(gold), str, part)
    if limit is not None:
        if not isinstance(limit, int) or limit < 1:
            raise EvalError(f"limit must be a positive whole number, got {limit!r}")
        keys = keys[:limit]
    pages = [(key, _read_page(path, key), gold[key]) for key in keys]
    extract, peer = (_trafilatura_alone, {"baseline_settings": baseline_settings()}) if baseline else (_ours, {})
    return {**describe(part), **peer, "pages": len(pages), **_average(pages, extract)}


def baseline_settings() -> dict[str, object]:
    """How the trafilatura baseline runs (printed under "baseline_settings")."""
    return {
        "call": "trafilatura.extract(html, url=url, **settings)",
        "settings": dict(TRAFILATURA_OPTIONS),
        "version": trafilatura.__version__,
    }


def _ours(html: str, url: str | None) -> str:
    raw = RawDocument(id=content_id(html), kind="html", content=html, origin="eval", url=url)
    try:
        return clean(raw).body
    except Skip:
        return ""


def _trafilatura_alone(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""


def _average(
    pages: list[tuple[str, str, dict[str, str]]], extract: Callable[[str, str | None], str]
) -> dict[str, float]:
    totals = [0.0, 0.0, 0.0]
    for _, html, gold in pages:
        for i, value in enumerate(score_page(extract(html, gold.get("url")), gold["articleBody"])):
            totals[i] += value
    n = max(1, len(pages))
    return {name: round(total / n, 4) for name, total in zip(("precision", "recall", "f1"), totals, strict=True)}


def _load_gold(path: Path) -> dict[str, dict[str, str]]:
    gold_file = path / "ground-truth.json"
    try:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{gold_file} not found; DIR must hold ground-truth.json and html/<sha256>.html.gz") from None
    except (OSError, ValueError) as err:
        raise EvalError(f"{gold_file} cannot be read as JSON ({err})") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("articleBody"), str) for v in data.values()
    ):
        raise EvalError(f"{gold_file} must map each page hash to {{articleBody, url}}")
    return data


def _read_page(path: Path, key: str) -> str:
    page = path / "html" / f"{key}.html.gz"
    try:
        data = gzip.decompress(page.read_bytes())
    except FileNotFoundError:
        raise EvalError(f"{page} is missing: every ground-truth entry needs its page") from None
    except (OSError, EOFError, zlib.error) as err:
        raise EvalError(f"{page} cannot be decompressed ({err})") from None
    try:
        return decode_text(data)[0]
    except Skip:
        return data.decode("utf-8", errors="replace")
