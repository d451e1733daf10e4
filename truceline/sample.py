"""The bundled sample corpus: where it lives, its gold file, and a scorer that compares pipeline output with it.

The corpus (``data/sample/reports/``) is a set of short reports we wrote ourselves about the Idlib ceasefires of
2019-2020, with the noise real pages carry. ``data/sample/gold.yaml`` says what a careful reader takes from each
report; its schema is documented at the top of that file. The scorer is deliberately strict: an article is found
only through ``Article.origin`` (file name, ``NAME.jsonl:LINE`` for JSONL lines), an event only when the same type
is extracted from the sentence holding the gold evidence phrase, and every field is compared exactly, so a wrong
pipeline scores low instead of being rounded up.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from truceline.errors import EvalError
from truceline.model import Actor, Analysis, Event, Place

SAMPLE_DIR: Path = Path(__file__).resolve().parent / "data" / "sample"
REPORTS_DIR: Path = SAMPLE_DIR / "reports"
GOLD_PATH: Path = SAMPLE_DIR / "gold.yaml"

PLOVER_TYPES: frozenset[str] = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "REB", "IGO", "NGO", "CVL"})
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_PARTIAL = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ACTOR = re.compile(r"^([A-Z]{3}(?:\+[A-Z]{3})*)(?:-([A-Z]{3}))?$")
_JSONL_ORIGIN = re.compile(r"^(.*\.jsonl(?:\.gz)?):(\d+)(?:\s.*)?$", re.S)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|nav|header|footer|figure|figcaption|section|article|title|br)\b[^>]*>", re.I
)
_DROP_ELEMENTS = re.compile(r"<(script|style|head)\b.*?</\1>", re.I | re.S)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a reader sees in a report. `evidence` is a verbatim substring of exactly one sentence."""

    type: str
    # (countries, sector); several countries for a compound actor; no sector for a place's country acted on
    actor: tuple[frozenset[str], str | None] | None
    recipient: tuple[frozenset[str], str | None] | None
    stance: str
    claimed_by: str | None
    date: str | None
    place: tuple[str, str] | None  # (name as written, ISO-3)
    killed: int | None
    injured: int | None
    evidence: str


def _iso(value: Any, where: str) -> str | None:
    """YAML turns bare dates into `date` objects; the gold speaks ISO strings, so normalise and check here."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _ISO_PARTIAL.match(text):
        raise EvalError(f"{where}: {text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); fix gold.yaml")
    return text


def _actor(value: Any, where: str) -> tuple[frozenset[str], str | None] | None:
    if value is None:
        return None
    m = _ACTOR.match(str(value))
    if not m or (m.group(2) is not None and m.group(2) not in SECTORS):
        raise EvalError(
            f"{where}: actor {value!r} is not 'ISO3-SECTOR' (or 'ISO3+ISO3-SECTOR', or 'ISO3' alone); fix gold.yaml"
        )
    return frozenset(m.group(1).split("+")), m.group(2)


def _place(value: Any, where: str) -> tuple[str, str] | None:
    if value is None:
        return None
    name, sep, country = str(value).rpartition(",")
    if not sep or not re.fullmatch(r"[A-Z]{3}", country.strip()):
        raise EvalError(f"{where}: place {value!r} is not 'Name, ISO3'; fix gold.yaml")
    return name.strip(), country.strip()


def _event(raw: dict[str, Any], where: str) -> GoldEvent:
    etype = str(raw.get("type"))
    if etype not in PLOVER_TYPES:
        raise EvalError(f"{where}: event type {etype!r} is not one of the 16 PLOVER types; fix gold.yaml")
    stance = str(raw.get("stance", "asserted"))
    if stance not in {"asserted", "claimed", "denied", "planned", "threatened", "negated"}:
        raise EvalError(f"{where}: stance {stance!r} is unknown; fix gold.yaml")
    evidence = raw.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        raise EvalError(f"{where}: every event needs an evidence phrase; fix gold.yaml")
    return GoldEvent(
        type=etype,
        actor=_actor(raw.get("actor"), where),
        recipient=_actor(raw.get("recipient"), where),
        stance=stance,
        claimed_by=raw.get("claimed_by"),
        date=_iso(raw.get("date"), where),
        place=_place(raw.get("place"), where),
        killed=raw.get("killed"),
        injured=raw.get("injured"),
        evidence=evidence,
    )


def load_gold(path: Path = GOLD_PATH) -> dict[str, dict[str, Any]]:
    """The gold file as {report key: entry}, dates as ISO strings and events as GoldEvent objects.

    Keys are file names relative to REPORTS_DIR, and ``NAME.jsonl:LINE`` (1-based) for JSONL lines.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict):
        raise EvalError(f"{path}: expected a top-level 'reports' mapping; see the schema at the top of the file")
    gold: dict[str, dict[str, Any]] = {}
    for key, raw in data["reports"].items():
        where = f"{path.name}:{key}"
        entry = dict(raw)
        for field in ("published", "earliest", "latest"):
            entry[field] = _iso(raw.get(field), f"{where}.{field}")
        entry.setdefault("captions", 0)
        entry["chrome"] = list(raw.get("chrome") or [])
        entry["events"] = [_event(ev, f"{where}.events[{i}]") for i, ev in enumerate(raw.get("events") or [])]
        gold[str(key)] = entry
    return gold


def report_key(origin: str) -> str:
    """The gold key of an article origin: the file name, plus ``:LINE`` for a JSONL line.

    Ingest may append a note after the line number (``x.jsonl:3 (id=abc)``); only path and line count.
    """
    m = _JSONL_ORIGIN.match(origin)
    if m:
        return f"{Path(m.group(1)).name}:{m.group(2)}"
    return Path(origin).name


def _html_text(page: str) -> str:
    """Visible text of one of our HTML pages, one block per line: enough to check the gold against it."""
    page = _DROP_ELEMENTS.sub("\n", page)
    page = _BLOCK_TAG.sub("\n", page)
    return html.unescape(_TAG.sub("", page))


def report_texts(reports_dir: Path = REPORTS_DIR) -> dict[str, str]:
    """Readable text of every report by gold key (HTML tags stripped, gzip opened, JSONL split into lines)."""
    texts: dict[str, str] = {}
    for path in sorted(p for p in reports_dir.rglob("*") if p.is_file()):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        content = raw.decode("utf-8")
        inner = path.name.removesuffix(".gz")
        if inner.endswith(".jsonl"):
            for number, line in enumerate(content.splitlines(), start=1):
                if line.strip():
                    texts[f"{path.name}:{number}"] = str(json.loads(line)["text"])
        elif inner.endswith((".html", ".htm")):
            texts[path.name] = _html_text(content)
        else:
            texts[path.name] = content
    return texts


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _body_code(actor: Actor) -> str | None:
    """The CAMEO-style code of an international body without a country, as the gold writes it: UNO for every UN
    body (IGOUNO, IGOUNOOCHA), else the last three letters of its code (IGOWSTNAT -> NAT, NGOHLHIRC -> IRC)."""
    code = (actor.code or "").upper()
    if actor.country or not code.startswith(("IGO", "NGO")) or len(code) < 6:
        return None
    return "UNO" if "UNO" in code else code[-3:]


def _countries(actor: Actor | None) -> frozenset[str]:
    if actor is None:
        return frozenset()
    members = actor.members or (actor,)
    return frozenset(c for c in (m.country or _body_code(m) for m in members) if c)


def _sector(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.members:
        sectors = {m.sector for m in actor.members if m.sector}
        return sectors.pop() if len(sectors) == 1 else actor.sector
    return actor.sector


def _actor_country_ok(gold: tuple[frozenset[str], str | None] | None, got: Actor | None) -> bool:
    return _countries(got) == (gold[0] if gold else frozenset())


def _actor_sector_ok(gold: tuple[frozenset[str], str | None] | None, got: Actor | None) -> bool:
    return _sector(got) == (gold[1] if gold else None)


def _date_ok(gold: str | None, ev: Event) -> bool:
    if gold is None:
        # No time in the text: the honest outputs are no date, or the publication date marked as such.
        return ev.date is None or ev.date_from_publication
    return ev.date == gold


def _place_ok(gold: tuple[str, str] | None, got: Place | None) -> bool:
    if gold is None:
        return got is None
    if got is None or got.country != gold[1]:
        return False
    return _norm(gold[0]) in {_norm(got.text), _norm(got.name)}


def _count_ok(gold: int | None, got: Any) -> bool:
    return (got.value if got is not None else None) == gold


def _field_checks(gold: GoldEvent, ev: Event) -> dict[str, bool]:
    return {
        "actor_country_accuracy": _actor_country_ok(gold.actor, ev.actor),
        "actor_sector_accuracy": _actor_sector_ok(gold.actor, ev.actor),
        "recipient_country_accuracy": _actor_country_ok(gold.recipient, ev.recipient),
        "recipient_sector_accuracy": _actor_sector_ok(gold.recipient, ev.recipient),
        "stance_accuracy": ev.stance == gold.stance,
        "claimed_by_accuracy": (ev.claimed_by.country if ev.claimed_by else None) == gold.claimed_by,
        "date_accuracy": _date_ok(gold.date, ev),
        "place_accuracy": _place_ok(gold.place, ev.place),
        "killed_accuracy": _count_ok(gold.killed, ev.killed),
        "injured_accuracy": _count_ok(gold.injured, ev.injured),
    }


def _all_fields_ok(gold: GoldEvent, ev: Event) -> bool:
    """Type (already matched), actor, recipient, date and place all right: the row an analyst need not touch."""
    checks = _field_checks(gold, ev)
    return all(
        checks[name]
        for name in (
            "actor_country_accuracy",
            "actor_sector_accuracy",
            "recipient_country_accuracy",
            "recipient_sector_accuracy",
            "date_accuracy",
            "place_accuracy",
        )
    )


FIELD_METRICS: tuple[str, ...] = (
    "actor_country_accuracy",
    "actor_sector_accuracy",
    "recipient_country_accuracy",
    "recipient_sector_accuracy",
    "stance_accuracy",
    "claimed_by_accuracy",
    "date_accuracy",
    "place_accuracy",
    "killed_accuracy",
    "injured_accuracy",
)


def _pubdate_ok(entry: dict[str, Any], analysis: Analysis) -> bool:
    """Right when the predicted interval lies inside the gold one.

    A report whose text dates nothing (gold interval null) is right when the prediction stays honest: no date,
    or an interval that holds the true day (e.g. a year taken from the rest of the corpus).
    """
    pub = analysis.article.published
    if entry["earliest"] is None:
        if pub.earliest is None or pub.latest is None:
            return True
        return pub.earliest <= date.fromisoformat(entry["published"]) <= pub.latest
    if pub.earliest is None or pub.latest is None:
        return False
    lo, hi = date.fromisoformat(entry["earliest"]), date.fromisoformat(entry["latest"])
    return lo <= pub.earliest <= pub.latest <= hi


def _chrome_kept(entry: dict[str, Any], analysis: Analysis) -> int:
    lines = {line.strip() for line in analysis.article.body.splitlines()}
    return sum(1 for chrome in entry["chrome"] if chrome.strip() in lines)


def _match_events(gold_events: list[GoldEvent], events: list[Event]) -> list[tuple[GoldEvent, Event | None]]:
    """Pair each gold event with at most one extracted event (same type, sentence holding the evidence).

    When several extracted events qualify, the one agreeing on most fields is taken, so a pipeline is judged on
    its best reading of the sentence; an extracted event is never used twice.
    """
    used: set[int] = set()
    pairs: list[tuple[GoldEvent, Event | None]] = []
    for gold in gold_events:
        candidates = [
            (i, ev)
            for i, ev in enumerate(events)
            if i not in used and ev.type == gold.type and gold.evidence in ev.sentence
        ]
        if not candidates:
            pairs.append((gold, None))
            continue
        best_i, best = max(candidates, key=lambda c: sum(_field_checks(gold, c[1]).values()))
        used.add(best_i)
        pairs.append((gold, best))
    return pairs


def score(analyses: Sequence[Analysis], gold: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Per-field figures of `analyses` against `gold` (as returned by load_gold); every figure is in [0, 1].

    Article-level figures are over all gold reports (a report the pipeline lost counts as wrong); field
    accuracies are over matched events; event_precision counts extracted events in sentences that hold a gold
    evidence phrase (the gold lists every event of those sentences, not of every sentence). Reports whose gold is
    `exhaustive` list every event of the report, so there every row counts: event_precision_exhaustive is the
    share of their rows that match a gold event, event_recall_exhaustive the share of their gold events matched.
    event_all_fields is the share of matched events whose actor, recipient, date and place are all right.
    """
    by_key: dict[str, Analysis] = {}
    for item in analyses:
        key = report_key(item.article.origin)
        if key in gold:
            by_key[key] = item
    n_articles = len(gold)
    found = pub_ok = prec_ok = captions_ok = title_ok = 0
    chrome_total = chrome_dropped = 0
    gold_events = matched = 0
    field_hits = dict.fromkeys(FIELD_METRICS, 0)
    in_gold_sentences = matched_in_gold_sentences = 0
    all_fields = rows_exhaustive = rows_exhaustive_matched = gold_exhaustive = gold_exhaustive_matched = 0
    for key, entry in gold.items():
        chrome_total += len(entry["chrome"])
        gold_events += len(entry["events"])
        gold_exhaustive += len(entry["events"]) if entry.get("exhaustive") else 0
        analysis = by_key.get(key)
        if analysis is None:
            continue
        found += 1
        pub_ok += _pubdate_ok(entry, analysis)
        prec_ok += analysis.article.published.precision == entry.get("precision")
        captions_ok += len(analysis.article.cleaned.captions) == entry["captions"]
        title_ok += _norm(analysis.article.title) == _norm(entry.get("title"))
        chrome_dropped += len(entry["chrome"]) - _chrome_kept(entry, analysis)
        pairs = _match_events(entry["events"], analysis.events)
        for gold_event, ev in pairs:
            if ev is None:
                continue
            matched += 1
            all_fields += _all_fields_ok(gold_event, ev)
            for name, ok in _field_checks(gold_event, ev).items():
                field_hits[name] += ok
        phrases = [g.evidence for g in entry["events"]]
        matched_ids = {id(ev) for _, ev in pairs if ev is not None}
        if entry.get("exhaustive"):
            rows_exhaustive += len(analysis.events)
            rows_exhaustive_matched += len(matched_ids)
            gold_exhaustive_matched += len(matched_ids)
        for ev in analysis.events:
            if any(p in ev.sentence for p in phrases):
                in_gold_sentences += 1
                matched_in_gold_sentences += id(ev) in matched_ids

    def ratio(num: int, den: int) -> float:
        return num / den if den else 0.0

    scores = {
        "articles_found": ratio(found, n_articles),
        "pubdate_exact": ratio(pub_ok, n_articles),
        "pubdate_precision_match": ratio(prec_ok, n_articles),
        "title_exact": ratio(title_ok, n_articles),
        "captions_ok": ratio(captions_ok, n_articles),
        "chrome_dropped": ratio(chrome_dropped, chrome_total),
        "event_recall": ratio(matched, gold_events),
        "event_precision": ratio(matched_in_gold_sentences, in_gold_sentences),
        "event_all_fields": ratio(all_fields, matched),
    }
    if gold_exhaustive:  # only when some report's gold lists every event
        scores["event_precision_exhaustive"] = ratio(rows_exhaustive_matched, rows_exhaustive)
        scores["event_recall_exhaustive"] = ratio(gold_exhaustive_matched, gold_exhaustive)
    scores.update({name: ratio(hits, matched) for name, hits in field_hits.items()})
    return scores


def main() -> None:
    """`python -m truceline.sample`: run the pipeline over the bundled corpus and print the scores as JSON."""
    from truceline.pipeline import analyse_paths  # late: the pipeline loads spaCy, the gold checks do not need it

    print(json.dumps(score(analyse_paths([str(REPORTS_DIR)]), load_gold()), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
