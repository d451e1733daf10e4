"""`truceline eval pubdate-text DIR`: publication dates of reports given as text alone, as users give them.

DIR is in the htmldate gold layout (gold_dates.json + html/). Each page goes through our cleaner; its title and
body (captions, metadata, the HTML date and the URL withheld) become one plain-text report, which is cleaned and
dated as a `.txt` file would be. A text alone seldom pins the day, so the scorer asks two things:

- `contains`: the interval we give holds the true day (a report we leave undated, with no interval, does not);
- `exact`: we give a day (precision "day") and it is the true one.

`precision_counts` says how often each precision was given, `wrong_days` how many days were given and wrong,
`median_days` the median width of the intervals given. Many pages are not English (Turkish, German, Ukrainian,
...). Our time rules read English words and language-free numbers ("07.06.2020", "2020-06-07") only, so those
reports are scored like the rest, and the `english` block repeats the figures for the pages whose text is English
(at least ENGLISH_SHARE of its words are spaCy's English stop words): the kind of report Truceline is for.
The `dateparser` baseline is the first date dateparser finds in the same text, as a day.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from truceline.errors import EvalError, Skip, TrucelineError
from truceline.eval.pubdate import _load, _read
from truceline.eval.split import describe, select, wanted_part
from truceline.model import PubDate, RawDocument

ENGLISH_SHARE = 0.25


def page_text(url: str, html: str) -> str | None:
    """The page's title and body as our cleaner extracts them, as one plain text (None when nothing is left)."""
    from truceline.stages.clean import clean

    raw = RawDocument(id="page", kind="html", content=html, origin=url, url=url)
    try:
        cleaned = clean(raw)
    except (Skip, TrucelineError):
        return None
    text = "\n\n".join(t for t in (cleaned.title, cleaned.body) if t and t.strip())
    return text or None


def date_text(text: str) -> PubDate:
    """The publication date the pipeline gives a plain-text report (no metadata, URL or story)."""
    from truceline.stages.clean import clean
    from truceline.stages.dates import infer_publication_date

    raw = RawDocument(
        id=hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16], kind="text", content=text, origin="text"
    )
    try:
        cleaned = clean(raw)
    except (Skip, TrucelineError):
        return PubDate(None, None, None, "unknown", ("no article text",))
    return infer_publication_date(raw, cleaned)


def is_english(text: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.strip(".,;:!?\"'()«»“”‘’").lower() for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and sum(w in STOP_WORDS for w in words) / len(words) >= ENGLISH_SHARE


def contains(pub: PubDate, day: date) -> bool:
    return pub.earliest is not None and pub.latest is not None and pub.earliest <= day <= pub.latest


def score(results: Iterable[tuple[PubDate, date]]) -> dict[str, object]:
    """contains / exact / precision counts over (what we gave, the true day) pairs."""
    pairs = list(results)
    n = len(pairs) or 1
    widths = [(p.latest - p.earliest).days + 1 for p, _ in pairs if p.earliest and p.latest]
    return {
        "reports": len(pairs),
        "contains": round(sum(contains(p, d) for p, d in pairs) / n, 4),
        "exact": round(sum(p.precision == "day" and p.earliest == d for p, d in pairs) / n, 4),
        "wrong_days": sum(p.precision == "day" and p.earliest != d for p, d in pairs),
        "undated": sum(p.earliest is None or p.latest is None for p, _ in pairs),
        "median_days": statistics.median(widths) if widths else None,
        "precision_counts": dict(sorted(Counter(p.precision for p, _ in pairs).items())),
    }


def _first_dateparser_day(text: str) -> PubDate:
    from truceline.eval.baselines import dateparser_dates

    found = dateparser_dates(text, None)
    if not found:
        return PubDate(None, None, None, "unknown")
    return PubDate(found[0].isoformat(), found[0], found[0], "day")


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    limit = options.get("limit")
    part = wanted_part(options)
    baseline = options.get("baseline")
    if baseline not in (None, "dateparser"):
        raise EvalError(f"baseline {baseline!r} does not date plain text; use --baseline dateparser")
    rows = [r for r in select(_load(Path(path), None), lambda r: r[0], part) if r[2] is not None]
    rows = rows[: limit if isinstance(limit, int) and limit > 0 else None]
    everything: list[tuple[PubDate, date]] = []
    english: list[tuple[PubDate, date]] = []
    no_text = 0
    for url, page, gold in rows:
        assert gold is not None
        text = page_text(url, _read(page))
        if text is None:
            no_text += 1
            everything.append((PubDate(None, None, None, "unknown", ("no text",)), gold))
            continue
        pub = _first_dateparser_day(text) if baseline == "dateparser" else date_text(text)
        everything.append((pub, gold))
        if is_english(text):
            english.append((pub, gold))
    return {**describe(part), **score(everything), "no_text": no_text, "english": score(english)}


def tune_misses(path: Path, limit: int | None = None) -> Iterable[tuple[str, date, PubDate, str]]:
    """(url, true day, what we gave, text) for every tune-part report we do not date exactly: for reading while
    writing rules. There is deliberately no way to list check-part records."""
    rows = [r for r in select(_load(Path(path), None), lambda r: r[0], "tune") if r[2] is not None]
    for url, page, gold in rows[:limit]:
        assert gold is not None
        text = page_text(url, _read(page))
        if text is None:
            continue
        pub = date_text(text)
        if not (pub.precision == "day" and pub.earliest == gold):
            yield url, gold, pub, text


if __name__ == "__main__":  # python -m truceline.eval.pubdate_text DIR [--english]: the tune part's misses
    import sys

    for url, gold, pub, text in tune_misses(Path(sys.argv[1])):
        if "--english" in sys.argv and not is_english(text):
            continue
        verdict = "CONTAINS" if contains(pub, gold) else "MISS"
        print(f"=== {verdict} {url}\ntrue {gold}  given {pub.value} {pub.earliest}..{pub.latest} ({pub.precision})")
        for line in pub.evidence:
            print("   ", line)
        print("   ", text[:600].replace("\n", " / "))
