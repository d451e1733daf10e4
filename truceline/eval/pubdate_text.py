"""`truceline eval pubdate-text DIR`: publication dates of reports given as text alone, as users give them.

DIR is one of two kinds of gold set:
- news reports with a known creation day (truceline.eval.news_texts): TimeML `.tml` files (TBAQ: 1989-2000 wire
  and newspaper copy), CAT XML (MEANTIME: Wikinews 2004-2011) or ECB+ (web news 2005-2013). The report's title and
  text are given with its creation time, its metadata and any date line withheld; the creation time (ECB+: the
  page's own date line) is the gold day. The part of a report is decided by its file name, and for ECB+ by its topic
  (one story), so that no story is seen in both parts;
- the htmldate pages (gold_dates.json + html/): each page goes through our cleaner, and its title and body
  (captions, metadata, the HTML date and the URL withheld) become one plain-text report. Many pages are not English
  (Turkish, German, Ukrainian, ...); our time rules read English words and language-free numbers only, so the
  `english` block repeats the figures for pages whose text is English (at least ENGLISH_SHARE of its words are
  spaCy's English stop words).

Each report is cleaned and dated as a `.txt` file would be. A text alone seldom pins the day, so the scorer asks:
- `contains`: the interval we give holds the true day. A report we leave undated, with no interval, does not;
- `exact`: we give a day (precision "day") and it is the true one;
- `wrong_days`: days given and wrong (the figure that must stay 0), `undated`: reports given no interval,
  `median_days`: the median width of the intervals given, `precision_counts`: how often each precision was given.

Intervals may be open-ended: a report that tells 2006 as past and gives nothing later is dated 2006-01-01..today
(precision "unknown"). We give it rather than nothing because it is true and it is what the text supports: a user
sorting or filtering reports learns that the report is not older than 2006, while events read a publication
interval of more than three years as no date at all (truceline.events.attach), so nothing is dated by it.
`open_ended` counts these. A report whose text bounds it from below by nothing (no clue at all, or only slivers of
every year) is dated from truceline.timex.pubdate.PLAUSIBLE_FROM (1800-01-01) to today, or to the upper bound the
text states ("due March 1, 2011"): "published before" is all it says, and it is true; `no_lower_bound` counts these,
so that `contains` is read beside it (and beside `median_days`).
The `dateparser` baseline is the first date dateparser finds in the same text, as a day.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from truceline.errors import EvalError, Skip, TrucelineError
from truceline.eval.news_texts import NewsSet, read_news
from truceline.eval.pubdate import _load, _read
from truceline.eval.split import describe, select, wanted_part
from truceline.model import PubDate, RawDocument
from truceline.timex.pubdate import PLAUSIBLE_FROM
from truceline.timex.reasoning import Reasoning

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
        "no_lower_bound": sum(p.earliest is not None and p.earliest <= PLAUSIBLE_FROM for p, _ in pairs),
        "open_ended": sum(p.latest is not None and p.latest >= date.today() - timedelta(days=1) for p, _ in pairs),
        "median_days": statistics.median(widths) if widths else None,
        "precision_counts": dict(sorted(Counter(p.precision for p, _ in pairs).items())),
    }


def _first_dateparser_day(text: str) -> PubDate:
    from truceline.eval.baselines import dateparser_dates

    found = dateparser_dates(text, None)
    if not found:
        return PubDate(None, None, None, "unknown")
    return PubDate(found[0].isoformat(), found[0], found[0], "day")


def _news_rows(news: NewsSet, part: str) -> list[tuple[str, str, date]]:
    """(key, text, gold day) of a news set's part; ECB+ is split by story so no story is seen in both parts."""
    return [(r.key, r.text, r.gold) for r in select(news.reports, lambda r: r.story or r.key, part)]


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    limit = options.get("limit")
    part = wanted_part(options)
    baseline = options.get("baseline")
    if baseline not in (None, "dateparser"):
        raise EvalError(f"baseline {baseline!r} does not date plain text; use --baseline dateparser")
    path = Path(path)
    if not (path / "gold_dates.json").exists():
        news = read_news(path)
        if news is None:
            raise EvalError(
                f"{path}: neither gold_dates.json (htmldate pages) nor news files (.tml, CAT or ECB+ XML) found"
            )
        rows = _news_rows(news, part)[: limit if isinstance(limit, int) and limit > 0 else None]
        dated = [(_first_dateparser_day(t) if baseline == "dateparser" else date_text(t), g) for _, t, g in rows]
        return {**describe(part), "layout": news.layout, **score(dated), "skipped": dict(sorted(news.skipped.items()))}
    pages = [r for r in select(_load(path, None), lambda r: r[0], part) if r[2] is not None]
    pages = pages[: limit if isinstance(limit, int) and limit > 0 else None]
    everything: list[tuple[PubDate, date]] = []
    english: list[tuple[PubDate, date]] = []
    no_text = 0
    for url, page, gold in pages:
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
    return {
        **describe(part),
        "layout": "htmldate",
        **score(everything),
        "no_text": no_text,
        "english": score(english),
    }


def _tune_rows(path: Path) -> list[tuple[str, str, date]]:
    if (path / "gold_dates.json").exists():
        pages = [r for r in select(_load(path, None), lambda r: r[0], "tune") if r[2] is not None]
        return [(url, text, gold) for url, page, gold in pages if gold and (text := page_text(url, _read(page)))]
    news = read_news(path)
    return _news_rows(news, "tune") if news else []


def tune_misses(path: Path, limit: int | None = None) -> Iterable[tuple[str, date, PubDate, str]]:
    """(key, true day, what we gave, text) for every tune-part report we do not date exactly: for reading while
    writing rules. There is deliberately no way to list check-part records."""
    for key, text, gold in _tune_rows(Path(path))[:limit]:
        pub = date_text(text)
        if not (pub.precision == "day" and pub.earliest == gold):
            yield key, gold, pub, text


def _reasoned(key: str, text: str) -> tuple[list[str], Reasoning] | None:
    """A report's cleaned lines and the publication-date reasoning over its text alone (None when it cleans to
    nothing), for the audits below."""
    from truceline.stages.clean import clean
    from truceline.timex.pubdate import EARLIEST
    from truceline.timex.pubdate_text import reason_over_text

    raw = RawDocument(id=key[:16], kind="text", content=text, origin="text")
    try:
        cleaned = clean(raw)
    except (Skip, TrucelineError):
        return None
    lines = [t for t in (cleaned.title, cleaned.standfirst, cleaned.body) if t]
    captions = [c.text for c in cleaned.captions]
    return lines, reason_over_text(lines, captions, [(EARLIEST, date.today())], cleaned.dateline)


def clue_audit(path: Path) -> Counter[tuple[str, bool]]:
    """(kind of clue, whether it holds the true day) for every clue the reasoning was offered on the tune part's
    reports from the package's floor on: how often each kind of evidence bounds a report wrongly. Tune part only,
    like tune_misses."""
    import re

    from truceline.timex.pubdate import EARLIEST

    out: Counter[tuple[str, bool]] = Counter()
    for key, text, gold in _tune_rows(Path(path)):
        if gold < EARLIEST:
            continue  # every clue is read from the package's floor on: none can hold a report from before it
        found = _reasoned(key, text)
        if found is None:
            continue
        r = found[1]
        for why, clue in r.offered:
            kind = re.sub(r"'[^']*'|\"[^\"]*\"|\d[\d-]*", "_", why)[:70]
            holds = any(lo <= gold <= hi for lo, hi in clue)
            out[(kind, holds)] += 1
            if not holds and "--audit-wrong" in sys.argv:
                print(f"WRONG {key}: {why}")
    return out


def _seed_rows(path: Path) -> list[tuple[str, str, date]]:
    """The shared seed reports with their true days (tests/fixtures/time/seed_pubdates.yaml), for the day audit."""
    import yaml

    gold_file = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "time" / "seed_pubdates.yaml"
    if not gold_file.exists():
        return []
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    rows = []
    for prefix, g in sorted(gold.items()):
        for f in sorted(path.glob(f"{prefix}_*.txt"))[:1]:
            rows.append((prefix, f.read_text(encoding="utf-8"), g["day"]))
    return rows


def day_audit(path: Path) -> dict[str, Counter[str]]:
    """How often each day cue (truceline.timex.pubdate_days) names the publication day, the day before it, or
    another day, on the tune part's reports (or the seeds): by kind, for the years the other clues leave ("read",
    only when they leave at most two) and, to judge the cue alone, in the true year ("true year")."""
    from truceline.timex.pubdate_days import day_cues
    from truceline.timex.pubdate_text import speaks_ahead_at
    from truceline.timex.tagger import find_candidates_in_lines

    rows = _seed_rows(path) if list(path.glob("[0-9][0-9][0-9]_*.txt")) else _tune_rows(path)
    out: dict[str, Counter[str]] = {}
    for key, text, gold in rows:
        found = _reasoned(key, text)
        if found is None:
            continue
        lines, r = found
        lo = min(a for a, _ in r.spans)
        hi = max(b for _, b in r.spans)
        body, cands = find_candidates_in_lines(lines, None)
        ahead = [speaks_ahead_at(body, c) for c in cands]
        settings = {"true year": range(gold.year - 1, gold.year + 1)}
        if (hi - lo).days <= 2 * 366:
            settings["read"] = range(lo.year - 1, hi.year + 1)
        for setting, years in settings.items():
            cues = day_cues(body, cands, years, r.weekdays, ahead)
            if len(r.weekdays) != 1:  # as the rule reads them (truceline.timex.pubdate_text._told_days)
                cues = [q for q in cues if q.kind != "weekday"]
            for kind in sorted({q.kind for q in cues}):
                near = [q.day for q in cues if q.kind == kind and q.day <= (gold if setting == "true year" else hi)]
                if not near:
                    out.setdefault(f"{kind} ({setting})", Counter())["no day before"] += 1
                    continue
                off = (gold - max(near)).days
                label = "0" if off == 0 else "1" if off == 1 else "2-7" if 2 <= off <= 7 else "other"
                out.setdefault(f"{kind} ({setting})", Counter())[label] += 1
                if "--show" in sys.argv and off != 0 and setting == "read":
                    print(f"  {kind} {key} gold {gold} cue {max(near)}: {[q.said for q in cues if q.kind == kind]}")
    return out


def weekday_audit(path: Path) -> Counter[str]:
    """Whether the weekdays a tune-part report tells of (as the reasoning collects them) include its own day, the
    day before it, or neither: what a rule pairing a year-less dateline's day with those weekdays would rest on."""
    out: Counter[str] = Counter()
    for key, text, gold in _tune_rows(Path(path)):
        found = _reasoned(key, text)
        if found is None or not found[1].weekdays:
            continue
        told = found[1].weekdays
        own = gold.isoweekday()
        before = own - 1 or 7
        out["its own day" if own in told else "the day before" if before in told else "other days"] += 1
    return out


if __name__ == "__main__":  # python -m truceline.eval.pubdate_text DIR [--english] [--misses]: the tune part's misses
    if "--weekdays" in sys.argv:
        print(dict(weekday_audit(Path(sys.argv[1]))))
        sys.exit(0)
    if "--days" in sys.argv:
        for kind, counts in sorted(day_audit(Path(sys.argv[1])).items()):
            print(
                f"{kind:24s} {sum(counts.values()):4d} reports: "
                + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            )
        sys.exit(0)
    if "--audit" in sys.argv or "--audit-wrong" in sys.argv:
        audit = clue_audit(Path(sys.argv[1]))
        for kind in sorted({k for k, _ in audit}):
            print(f"{audit[(kind, True)]:4d} hold {audit[(kind, False)]:4d} wrong  {kind}")
        sys.exit(0)
    for key, gold, pub, text in tune_misses(Path(sys.argv[1])):
        if "--english" in sys.argv and not is_english(text):
            continue
        verdict = "CONTAINS" if contains(pub, gold) else "MISS"
        if "--misses" in sys.argv and verdict == "CONTAINS":
            continue
        print(f"=== {verdict} {key}\ntrue {gold}  given {pub.value} {pub.earliest}..{pub.latest} ({pub.precision})")
        for line in pub.evidence:
            print("   ", line)
        print("   ", text[:600].replace("\n", " / "))
