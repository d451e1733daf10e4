"""`truceline eval pubdate DIR`: publication dates of HTML pages against the htmldate gold layout.

DIR holds gold_dates.json ({url: {file, date}}) and html/<file> (gzipped pages). Each page goes through the real
clean stage (which reads HTML metadata with htmldate) and our date cascade, with its URL. The "htmldate"
baseline scores htmldate alone with the cleaner's settings on the same pages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

from truceline.errors import EvalError, Skip, TrucelineError
from truceline.eval.split import describe, select, wanted_part
from truceline.learn.calibration import calibration_block
from truceline.model import CleanedText, PubDate, RawDocument


def _gold_date(value: object) -> date | None:
    """The gold day; pages whose gold is empty (NaN in the htmldate set) have no date to find."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def _load(path: Path, limit: int | None) -> list[tuple[str, Path, date | None]]:
    gold_file = path / "gold_dates.json"
    if not gold_file.exists():
        raise EvalError(f"{gold_file} not found; pass a folder holding gold_dates.json and html/")
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        rows = [(url, path / "html" / v["file"], _gold_date(v["date"])) for url, v in gold.items()]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{gold_file}: expected {{url: {{file, date: YYYY-MM-DD}}}} ({exc})") from exc
    return rows[:limit] if limit is not None else rows


def _read(page: Path) -> str:
    try:
        data = page.read_bytes()
        if page.suffix == ".gz":
            data = gzip.decompress(data)
    except OSError as exc:
        raise EvalError(f"{page}: cannot read ({exc}); is the html/ folder complete?") from exc
    return data.decode("utf-8", errors="replace")


def ours(url: str, html: str) -> date | None:
    pub = our_pubdate(url, html)
    return pub.earliest if pub.precision == "day" else None


def our_pubdate(url: str, html: str) -> PubDate:
    """Our publication date of a page, with its calibrated confidence (what `ours` reads the day from)."""
    from truceline.learn.confidence import score_pubdate
    from truceline.stages.clean import clean
    from truceline.stages.dates import infer_publication_date

    raw = RawDocument(
        id=hashlib.sha256(html.encode("utf-8", "replace")).hexdigest()[:16],
        kind="html",
        content=html,
        origin=url,
        url=url,
    )
    try:
        cleaned = clean(raw)
    except (Skip, TrucelineError):
        cleaned = CleanedText(title=None, body="", html_date=htmldate_alone(url, html))
    return score_pubdate(infer_publication_date(raw, cleaned), url=url)


def dateparser_first(url: str, html: str) -> date | None:
    """The first date dateparser finds in the page's cleaned text: what a text-only pipeline would take."""
    from truceline.eval.baselines import dateparser_dates
    from truceline.stages.clean import clean

    raw = RawDocument(id="baseline", kind="html", content=html, origin=url, url=url)
    try:
        cleaned = clean(raw)
    except (Skip, TrucelineError):
        return None
    found = dateparser_dates("\n".join(t for t in (cleaned.title, cleaned.body) if t), None)
    return found[0] if found else None


def htmldate_alone(url: str, html: str) -> str | None:
    try:
        import trafilatura
        from htmldate import find_date
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise EvalError("htmldate/trafilatura missing; reinstall truceline") from exc
    from truceline.clean.html import HTMLDATE_OPTIONS

    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    try:
        return find_date(tree, **HTMLDATE_OPTIONS, url=url)
    except (ValueError, TypeError):
        return None


def baseline_settings(name: str) -> dict[str, object]:
    """How a peer dates the pages (printed under "baseline_settings")."""
    from importlib.metadata import version

    if name == "htmldate":
        from truceline.clean.html import HTMLDATE_OPTIONS

        how = "htmldate.find_date(tree, url=url, **settings), the cleaner's own settings"
        return {"call": how, "settings": dict(HTMLDATE_OPTIONS), "version": version("htmldate")}
    from truceline.eval.baselines import DATEPARSER_SETTINGS

    how = "the first date dateparser.search.search_dates finds in the cleaned title and body"
    return {"call": how, "settings": dict(DATEPARSER_SETTINGS), "version": version("dateparser")}


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    limit = options.get("limit")
    part = wanted_part(options)
    rows = select(_load(Path(path), None), lambda r: r[0], part)[
        : limit if isinstance(limit, int) and limit > 0 else None
    ]
    baseline = options.get("baseline")
    if baseline not in (None, "htmldate", "dateparser"):
        raise EvalError(f"baseline {baseline!r} does not date pages; use --baseline htmldate or dateparser")
    exact = near = missing = 0
    calibration: list[tuple[float | None, bool]] = []  # ours: the interval's confidence, right when it holds the day
    for url, page, gold in rows:
        html = _read(page)
        if baseline is None:
            pub = our_pubdate(url, html)
            predicted = pub.earliest if pub.precision == "day" else None
            if pub.earliest is not None and pub.latest is not None:
                calibration.append((pub.confidence, gold is not None and pub.earliest <= gold <= pub.latest))
        elif baseline == "htmldate":
            found = htmldate_alone(url, html)
            predicted = date.fromisoformat(found[:10]) if found else None
        elif baseline == "dateparser":
            predicted = dateparser_first(url, html)
        if predicted is None:
            missing += 1
            exact += gold is None
            near += gold is None
            continue
        if gold is not None:
            exact += predicted == gold
            near += abs((predicted - gold).days) <= 1
    n = len(rows) or 1
    return {
        **describe(part),
        **({"baseline_settings": baseline_settings(str(baseline))} if baseline else {}),
        "pages": len(rows),
        "exact": round(exact / n, 4),
        "within_1_day": round(near / n, 4),
        "missing": round(missing / n, 4),
        **({"calibration": {"pubdate": calibration_block(calibration)}} if baseline is None else {}),
    }


def misses(path: Path, limit: int | None = None) -> list[dict[str, object]]:
    """The tune-part pages we date wrong, with every date signal the page carries (never the check part)."""
    import trafilatura

    from truceline.timex.parse import url_date
    from truceline.timex.pubdate_html import signals

    found: list[dict[str, object]] = []
    for url, page, gold in select(_load(Path(path), None), lambda r: r[0], "tune")[:limit]:
        html = _read(page)
        pub = our_pubdate(url, html)
        predicted = pub.earliest if pub.precision == "day" else None
        if predicted == gold:
            continue
        tree = trafilatura.load_html(html)
        u = url_date(url)
        found.append(
            {
                "url": url,
                "gold": gold and gold.isoformat(),
                "ours": predicted and predicted.isoformat(),
                "why": pub.evidence[:2],
                "htmldate": htmldate_alone(url, html),
                "url_date": u and f"{u[0].isoformat()}..{u[1].isoformat()} ({u[2]})",
                "signals": [
                    f"{s.kind} {s.day.isoformat()} {s.where}{' <- gold' if s.day == gold else ''}"
                    for s in (signals(tree) if tree is not None else [])
                ],
            }
        )
    return found


if __name__ == "__main__":
    import sys

    if len(sys.argv) < 3 or sys.argv[2] != "--misses":
        sys.exit("usage: python -m truceline.eval.pubdate DIR --misses  (tune part only)")
    for row in misses(Path(sys.argv[1])):
        print(json.dumps(row, ensure_ascii=False))
