"""Refit the confidence calibration shipped in truceline/data/models/calibration.json.

    .venv/bin/python bench/fit_calibration.py [--shared ../shared] [--fit-part check] [--out PATH]
                                              [--only SET ...] [--limit N] [--cache DIR [--refresh SET ...]]

Every gold set is coded by the real path (the code the evaluations run), and each item the pipeline outputs becomes
one observation: its signals (truceline/learn/confidence.py) and whether it was right:

| field | sets | right when |
|---|---|---|
| event | PLOVER (main event), ACLED notes (the note's event), bundled corpus (events in gold sentences) | PLOVER type right; ACLED sub-type right; a gold event of its type in its sentence |
| actor | PLOVER (source, target), bundled corpus (actor, recipient, claimant of matched events) | code matches the gold (PLOVER scorer); country right (corpus scorer) |
| date | bundled corpus (matched events) | the corpus scorer's date check (a "reported by" date: the clause names no time) |
| time | TimeML TBAQ and MEANTIME | matched to a gold expression with the same value (unmatched: wrong) |
| place | GeoWebNews | overlaps a gold toponym and lies within 161 km (a place overlapping no gold: wrong) |
| quantity | casualties (GVA reports) | the figure equals the incident's gold total of its kind |
| pubdate | publication dates of HTML pages | the interval holds the gold day |

The models are fitted on the `--fit-part` of every set (default: check, as issue 10 asks: the tune parts are what
rules are written against, so the pipeline is more often right there than on text it has not seen, and a model
fitted there would be over-confident). The split is truceline/eval/split.py's; the bundled corpus is split the same
way by report key. The L2 strength of each field is chosen by two-fold cross-validation within the fitted part
(the date, whose only gold is our own corpus, keeps the hand-set ranking: only a slope and an offset are fitted; so
does any field where that does better on cross-fitted log loss than the full model), and
the script prints, per field: ECE of the hand-set priors (before), of the fitted model on the fitted part (in
sample), cross-fitted on that part (each half scored by the model of the other half: the honest figure), and on
the other part. The same figures go into the file's metadata. Deterministic: the same data gives the same file.

Gold data is read from ../shared at fitting time and never copied into the project; sets that are missing are
skipped with a note (the bundled corpus always runs).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from truceline.eval.split import RULE, part_of  # noqa: E402
from truceline.learn import confidence as conf  # noqa: E402
from truceline.learn import signals as sig  # noqa: E402
from truceline.learn.calibration import (  # noqa: E402
    FieldModel,
    Fitter,
    Observation,
    auc,
    brier,
    choose_l2,
    cross_fitted,
    cross_fitted_loss,
    ece,
    fit_field,
    fit_scaled,
)

Row = tuple[str, str, Observation]  # (field, part, observation)
STAGE_ONE = ("time", "place", "quantity", "pubdate")  # fields the date signals read the confidences of
STAGE_TWO = ("event", "actor", "date")
# Fields whose only gold is our own corpus, in-sample for the rules: the hand-set ranking is kept and only its
# slope and offset are fitted (truceline.learn.calibration.fit_scaled).
SCALED = frozenset({"date"})


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _limited(items: list[Any], limit: int | None) -> list[Any]:
    return items[:limit] if limit else items


# -- collectors: one per gold set ------------------------------------------------------------------------------------
def plover_rows(path: Path, limit: int | None) -> Iterator[Row]:
    from truceline.eval.plover import LEGACY_TYPES, _gold_codes, _match, load_records, plover_type, scored_codes
    from truceline.events.coding import code_text, load_dictionary, main_event
    from truceline.nlp import load_nlp

    dictionary, nlp = load_dictionary([]), load_nlp()
    for record in _limited(load_records(path), limit):
        key = str(record.get("id") or record["text"])
        part = part_of(key)
        events, docs = code_text(str(record["text"]), dictionary, nlp)
        event = main_event(events, docs)
        if event is None:
            continue
        same = sum(1 for e in events if e.sentence_start == event.sentence_start)
        gold_type = LEGACY_TYPES.get(str(record["event"]), str(record["event"]))
        signals = sig.event_signals(event, docs.get(event.sentence_start), same)
        yield "event", part, Observation(signals, plover_type(event) == gold_type, key, "plover")
        for role, actor, gold in (("actor", event.actor, "source"), ("recipient", event.recipient, "target")):
            if actor is not None:
                ok = _match(_gold_codes(record.get(gold)), scored_codes(actor))
                signals = sig.actor_signals(actor, role, event, dictionary)
                yield "actor", part, Observation(signals, ok, key, "plover")


def acled_rows(path: Path, limit: int | None) -> Iterator[Row]:
    from truceline.eval.acled_types import acled_event, load_snippets
    from truceline.events.coding import code_text, load_dictionary
    from truceline.events.ontology import load_ontology
    from truceline.nlp import load_nlp

    dictionary, nlp, ontology = load_dictionary([]), load_nlp(), load_ontology()
    for row in _limited(load_snippets(path), limit):
        key = str(row.get("id") or row.get("EventSnippet"))
        gold = ontology.normalise_acled(row.get("SubType") or "")
        if gold is None:
            continue
        events, docs = code_text(row.get("EventSnippet") or "", dictionary, nlp)
        event = acled_event(events, docs)
        if event is None:
            continue
        got = ontology.acled_subevent(event.type, event.mode, event.actor, event.recipient)
        same = sum(1 for e in events if e.sentence_start == event.sentence_start)
        signals = sig.event_signals(event, docs.get(event.sentence_start), same)
        yield "event", part_of(key), Observation(signals, got == gold, key, "acled")


def casualty_rows(path: Path, limit: int | None) -> Iterator[Row]:
    from truceline.eval.casualties import read_gold
    from truceline.stages.quantities import find_quantities

    for key, text, killed, injured in _limited(read_gold(path), limit):
        gold = {"killed": killed, "injured": injured}
        figures = find_quantities(text)
        for q, signals in zip(figures, sig.quantities_signals(text, figures), strict=True):
            if q.kind in gold:
                yield "quantity", part_of(key), Observation(signals, q.value == gold[q.kind], key, "casualties")


def geowebnews_rows(path: Path, limit: int | None) -> Iterator[Row]:
    from truceline.eval.geowebnews import load, place_outcomes
    from truceline.geo import gazetteer
    from truceline.stages.places import find_places

    gaz = gazetteer.get()
    for article in _limited(load(path), limit):
        part, group = part_of(article.text), _digest(article.text)
        for place, right in place_outcomes(article, find_places(article.text)):
            yield "place", part, Observation(sig.place_signals(place, gaz), right, group, "geowebnews")


def timeml_rows(path: Path, limit: int | None, name: str = "timeml") -> Iterator[Row]:
    from truceline.eval.timeml import _inferred_anchor, load
    from truceline.stages.dates import tag_times

    for doc in _limited(load(path), limit):
        part = part_of(doc.name)
        anchor = doc.dct if doc.dct is not None else _inferred_anchor(doc.text)
        refs = tag_times(doc.text, anchor)
        right: dict[int, bool] = {}
        for g in doc.gold:  # one-to-one, in gold order, as truceline.eval.timeml.score matches them
            for i, p in enumerate(refs):
                if i not in right and p.start < g.end and g.start < p.end:
                    right[i] = p.value == g.value
                    break
        for i, ref in enumerate(refs):
            yield "time", part, Observation(sig.time_signals(ref), right.get(i, False), doc.name, name)


def pubdate_rows(path: Path, limit: int | None) -> Iterator[Row]:
    from truceline.eval.pubdate import _load, _read, our_pubdate

    for url, page, gold in _limited(_load(path, None), limit):
        pub = our_pubdate(url, _read(page))
        signals = sig.pubdate_signals(pub, url)
        if signals is None or pub.earliest is None or pub.latest is None:
            continue
        right = gold is not None and pub.earliest <= gold <= pub.latest
        yield "pubdate", part_of(url), Observation(signals, right, url, "pubdate")


SETS: list[tuple[str, str, Callable[[Path, int | None], Iterator[Row]]]] = [
    ("plover", "plover/plover_gsr.json", plover_rows),
    ("acled", "acled_types/case2021_task2.tsv", acled_rows),
    ("casualties", "casualties/gva.jsonl", casualty_rows),
    ("geowebnews", "geo/GWN.xml", geowebnews_rows),
    ("tbaq", "timeml/TBAQ-cleaned", lambda p, n: timeml_rows(p, n, "tbaq")),
    ("meantime", "meantime_en/intra-doc_annotation", lambda p, n: timeml_rows(p, n, "meantime")),
    ("pubdate", "pubdate", pubdate_rows),
]


class Corpus:
    """The bundled corpus, analysed once and parsed per event sentence; its rows depend on the calibration of the
    fields its date signals read (time, pubdate), so they are drawn after those are fitted."""

    def __init__(self, reports: Path | None = None) -> None:
        from truceline.events.coding import load_dictionary
        from truceline.nlp import load_nlp
        from truceline.pipeline import analyse_paths
        from truceline.sample import REPORTS_DIR, load_gold, report_key

        self.gold = load_gold()
        self.dictionary = load_dictionary([])
        self.analyses = [
            a for a in analyse_paths([str(reports or REPORTS_DIR)]) if report_key(a.article.origin) in self.gold
        ]
        nlp = load_nlp()
        self.docs: list[list[tuple[int, Any]]] = []
        for analysis in self.analyses:
            starts = {e.sentence_start for e in analysis.events}
            wanted = [i for i, (s, _) in enumerate(analysis.sentences) if s in starts]
            body = analysis.article.body
            texts = [body[analysis.sentences[i][0] : analysis.sentences[i][1]] for i in wanted]
            self.docs.append(list(zip(wanted, nlp.pipe(texts), strict=True)))

    def rows(self, cal: conf.Calibration) -> Iterator[Row]:
        from truceline.sample import _actor_country_ok, _date_ok, _match_events, report_key

        for analysis, docs in zip(self.analyses, self.docs, strict=True):
            conf.annotate(analysis, docs, self.dictionary, cal)
            key = report_key(analysis.article.origin)
            part = part_of(key)
            gold_events = self.gold[key]["events"]
            pairs = [(g, e) for g, e in _match_events(gold_events, analysis.events) if e is not None]
            matched = {id(e) for _, e in pairs}
            phrases = [g.evidence for g in gold_events]
            doc_at = {analysis.sentences[i][0]: doc for i, doc in docs}
            per_sentence = Counter(e.sentence_start for e in analysis.events)
            pub = analysis.article.published
            for ev in analysis.events:
                if any(p in ev.sentence for p in phrases):
                    signals = sig.event_signals(ev, doc_at.get(ev.sentence_start), per_sentence[ev.sentence_start])
                    yield "event", part, Observation(signals, id(ev) in matched, key, "corpus")
            for g, ev in pairs:
                for role, actor, ok in (
                    ("actor", ev.actor, _actor_country_ok(g.actor, ev.actor)),
                    ("recipient", ev.recipient, _actor_country_ok(g.recipient, ev.recipient)),
                    ("claimed_by", ev.claimed_by, ev.claimed_by is not None and ev.claimed_by.country == g.claimed_by),
                ):
                    if actor is not None:
                        signals = sig.actor_signals(actor, role, ev, self.dictionary)
                        yield "actor", part, Observation(signals, ok, key, "corpus")
                if ev.date is not None:
                    times = [t for t in analysis.times if ev.sentence_start <= t.start < ev.sentence_end]
                    signals = sig.date_signals(ev, pub, times)
                    yield "date", part, Observation(signals, _date_ok(g.date, ev), key, "corpus")


# -- fitting and reporting ---------------------------------------------------------------------------------------------
def _scores(pairs: list[tuple[float, bool]]) -> dict[str, float | None]:
    if not pairs:
        return {"ece": None, "brier": None, "auc": None}
    return {"ece": ece(pairs), "brier": brier(pairs), "auc": auc(pairs)}


def _with(model: FieldModel, observations: list[Observation]) -> list[tuple[float, bool]]:
    return [(model.probability(o.features), o.right) for o in observations]


def fit(rows: list[Row], field: str, fit_part: str, prior_rows: list[Row] | None = None) -> tuple[FieldModel, dict]:
    """Fit one field on the fit part; measure the priors and the model on both parts. `prior_rows` are the rows to
    measure the priors on when a field's signals read other fields' confidences (the date)."""
    fitted = [o for f, p, o in rows if f == field and p == fit_part]
    other = [o for f, p, o in rows if f == field and p != fit_part]
    before = prior_rows if prior_rows is not None else rows
    fitted_before = [o for f, p, o in before if f == field and p == fit_part]
    other_before = [o for f, p, o in before if f == field and p != fit_part]
    prior = conf.PRIOR[field]
    scaled: Fitter = partial(fit_scaled, prior=prior)
    l2: float | None = None
    fitter = scaled
    if field not in SCALED:  # the full model, unless scaling the hand-set one does better on unseen halves
        l2 = choose_l2(fitted)
        full: Fitter = partial(fit_field, l2=l2)
        if cross_fitted_loss(fitted, full) <= cross_fitted_loss(fitted, scaled):
            fitter = full
        else:
            l2 = None
    model = fitter(fitted)
    crossed = list(zip(cross_fitted(fitted, fitter), (o.right for o in fitted), strict=True))
    by_source = {
        source: _scores([pair for pair, o in zip(crossed, fitted, strict=True) if o.source == source])
        for source in sorted({o.source for o in fitted})
    }
    report = {
        "method": "hand-set signals, slope and offset fitted (Platt)" if l2 is None else "logistic regression",
        "l2": l2,
        "examples": len(fitted),
        "right": round(sum(o.right for o in fitted) / len(fitted), 4),
        "sources": dict(sorted(Counter(o.source for o in fitted).items())),
        f"{fit_part}_prior": _scores(_with(prior, fitted_before)),
        f"{fit_part}_fitted_in_sample": _scores(_with(model, fitted)),
        f"{fit_part}_cross_fitted": _scores(crossed),
        f"{fit_part}_cross_fitted_by_source": by_source,
        "other_part_prior": _scores(_with(prior, other_before)),
        "other_part_fitted": _scores(_with(model, other)),
    }
    return model, report


def _write_cache(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for field, part, o in rows:
            out.write(json.dumps([field, part, dict(o.features), o.right, o.group, o.source]) + "\n")


def _read_cache(path: Path) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        field, part, features, right, group, source = json.loads(line)
        rows.append((field, part, Observation(features, right, group, source)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--fit-part", choices=("tune", "check"), default="check")
    ap.add_argument("--out", type=Path, default=conf.MODEL_PATH)
    ap.add_argument("--only", nargs="*", help="gold sets to read (default: all present); the bundled corpus always")
    ap.add_argument("--limit", type=int, help="at most N records of each set (for trying the script)")
    ap.add_argument("--cache", type=Path, help="a folder to keep each set's observations in and reuse them from")
    ap.add_argument("--refresh", nargs="*", help="sets to read again although their observations are cached")
    args = ap.parse_args()

    rows: list[Row] = []
    for name, where, collect in SETS:
        path = args.shared / "eval" / where
        if args.only is not None and name not in args.only:
            continue
        cached = args.cache / f"{name}.jsonl" if args.cache else None
        if cached is not None and cached.exists() and name not in (args.refresh or ()):
            rows.extend(_read_cache(cached))
            continue
        if not path.exists():
            print(f"skipping {name}: {path} is missing", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        found = list(collect(path, args.limit))
        rows.extend(found)
        print(f"{name}: {len(found)} observations, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            _write_cache(cached, found)

    models: dict[str, FieldModel] = {}
    reports: dict[str, Any] = {}
    for field in STAGE_ONE:
        if any(f == field and p == args.fit_part for f, p, _ in rows):
            models[field], reports[field] = fit(rows, field, args.fit_part)
    corpus = Corpus()
    # the corpus's own "before": every confidence its date signals read comes from the priors as well
    prior_rows = rows + list(corpus.rows(conf.prior_calibration()))
    merged = rows + list(corpus.rows(conf.Calibration(dict(models), {})))
    for field in STAGE_TWO:
        if any(f == field and p == args.fit_part for f, p, _ in merged):
            models[field], reports[field] = fit(merged, field, args.fit_part, prior_rows)

    data = {
        "format": conf.FORMAT,
        "meta": {
            "source": "fitted by bench/fit_calibration.py on public gold sets in ../shared/eval (sources and licences "
            "in that folder's README) and on the bundled corpus we wrote; the file holds fitted weights and figures "
            "only, no text of those sets",
            "licence": "MIT, like the package",
            "script": "bench/fit_calibration.py",
            "fitted_on": f"the {args.fit_part} part of every gold set present (split: {RULE}); "
            "the bundled corpus split the same way by report key",
            "limit": args.limit,
            "fields": reports,
        },
        "fields": {name: models[name].as_json() for name in conf.FIELDS if name in models},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    part = args.fit_part
    print(f"fitted on {part}; ECE / AUC (cross-fitted: each half scored by the model of the other half)")
    print(f"| field | {part} examples | right | {part} prior | {part} cross-fitted | other part: prior | fitted |")
    print("|---|---|---|---|---|---|---|")
    for name in conf.FIELDS:
        if name not in reports:
            continue
        r = reports[name]
        cells = [r[f"{part}_prior"], r[f"{part}_cross_fitted"], r["other_part_prior"], r["other_part_fitted"]]
        text = " | ".join(_cell(c) for c in cells)
        print(f"| {name} | {r['examples']} | {r['right']:.3f} | {text} |")


def _cell(scores: dict[str, float | None]) -> str:
    return " / ".join("-" if scores[k] is None else f"{scores[k]:.3f}" for k in ("ece", "auc"))


if __name__ == "__main__":
    main()
