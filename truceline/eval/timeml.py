"""`truceline eval timeml DIR`: score time-expression tagging on TempEval-3-style .tml files.

Scoring follows TempEval-3: strict span match (exact offsets) and relaxed match (any overlap, one-to-one);
value and type F1 count a relaxed match as correct only when the attribute agrees too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from truceline.errors import EvalError, Skip, TrucelineError
from truceline.eval.split import describe, select, wanted_part
from truceline.learn.calibration import calibration_block

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    confidence: float | None = None  # ours only: the calibrated confidence that the value is right


@dataclass(frozen=True, slots=True)
class TmlDoc:
    name: str
    text: str
    dct: date | None
    gold: tuple[Timex, ...]


Tagger = Callable[[str, date | None], list[Timex]]


def parse_tml(path: Path) -> TmlDoc:
    """The plain text inside <TEXT>, its creation date and its gold TIMEX3 spans (offsets into that text)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc}); pass a folder of TimeML .tml files") from exc
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise EvalError(f"{path}: no <TEXT> element; is this a TimeML .tml file?")
    dct = None
    m = _DCT.search(raw)
    if m:
        attrs = dict(_ATTR.findall(m.group()))
        try:
            dct = date.fromisoformat(attrs.get("value", "")[:10])
        except ValueError:
            dct = None
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    content = body.group(1)
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attrs = open_timex
                gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    parts.append(html.unescape(content[pos:]))
    return TmlDoc(path.name, "".join(parts), dct, tuple(gold))


_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"") | {"'s", "n't", "'re", "'ve", "'ll", "'d", "''"}


def parse_cat(path: Path) -> TmlDoc:
    """A CAT XML document (MEANTIME, ECB+ style: tokens plus TIMEX3 markables over token ids), detokenised with
    plain spacing rules so our tagger sees ordinary text; gold spans are mapped through token offsets."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise EvalError(f"{path}: not readable CAT XML ({exc})") from exc
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    last_sentence = None
    # CAT corpora annotate only the first sentences of each document: keep the text up to the last sentence
    # holding any markable, so unannotated sentences do not count as false positives.
    sentence_of = {t.get("t_id", ""): int(t.get("sentence") or 0) for t in root.iter("token")}
    anchored = [sentence_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last_annotated = max(anchored, default=-1)
    for tok in root.iter("token"):
        if int(tok.get("sentence") or 0) > last_annotated:
            break
        word = tok.text or ""
        sentence = tok.get("sentence")
        if parts:
            sep = (
                "\n" if sentence != last_sentence else ("" if word in _NO_SPACE_BEFORE or parts[-1] in "([{$" else " ")
            )
            parts.append(sep)
            length += len(sep)
        spans[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        last_sentence = sentence
    dct = None
    gold: list[Timex] = []
    for timex in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in timex.iter("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                dct = None
        located = [spans[i] for i in ids if i in spans]
        if located:
            gold.append(Timex(located[0][0], located[-1][1], timex.get("type", ""), timex.get("value", "")))
    gold.sort(key=lambda t: t.start)
    return TmlDoc(path.name, "".join(parts), dct, tuple(gold))


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(docs: list[TmlDoc], tagger: Tagger) -> dict[str, object]:
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    calibration: list[tuple[float | None, bool]] = []  # per prediction: right when matched with the gold value
    for doc in docs:
        pred = tagger(doc.text, doc.dct)
        n_gold += len(doc.gold)
        n_pred += len(pred)
        used: set[int] = set()
        for g in doc.gold:
            for i, p in enumerate(pred):
                if i in used or not (p.start < g.end and g.start < p.end):
                    continue
                used.add(i)
                relaxed += 1
                strict += p.start == g.start and p.end == g.end
                value_ok += p.value == g.value
                type_ok += p.type == g.type
                calibration.append((p.confidence, p.value == g.value))
                break
        calibration.extend((p.confidence, False) for i, p in enumerate(pred) if i not in used)
    return {
        "files": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "value_f1": _prf(value_ok, n_pred, n_gold)["f1"],
        "type_f1": _prf(type_ok, n_pred, n_gold)["f1"],
        "calibration": {"time": calibration_block(calibration)},
    }


def load(path: Path, limit: int | None = None) -> list[TmlDoc]:
    if not path.exists():
        raise EvalError(f"{path} does not exist; pass a .tml file or a folder of them (e.g. TBAQ-cleaned)")
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files and path.is_dir():
        # CAT XML (MEANTIME): the same scoring over token-anchored TIMEX3 markables.
        cat = [f for f in sorted(path.rglob("*.xml")) if b"<token " in f.read_bytes()[:4000]]
        return [parse_cat(f) for f in cat[:limit]]
    if not files:
        raise EvalError(f"{path}: no .tml files found; pass a folder of TempEval-3-style TimeML files")
    return [parse_cat(f) if f.suffix == ".xml" else parse_tml(f) for f in files[:limit]]


def truceline_tagger(text: str, anchor: date | None) -> list[Timex]:
    from truceline.learn.confidence import score_times
    from truceline.stages.dates import tag_times

    if anchor is None:
        anchor = _inferred_anchor(text)
    return [Timex(r.start, r.end, r.type, r.value, r.confidence) for r in score_times(tag_times(text, anchor))]


def _inferred_anchor(text: str) -> date | None:
    """A document without a creation time is dated the way the pipeline dates a scraped report: from its text
    (dateline, explicit dates with weekdays ...), used only when that reasoning gets the day."""
    from truceline.model import RawDocument
    from truceline.stages.clean import clean
    from truceline.stages.dates import infer_publication_date

    raw = RawDocument(id="eval", kind="text", content=text, origin="eval")
    try:
        pub = infer_publication_date(raw, clean(raw))
    except (TrucelineError, Skip):
        return None  # nothing readable enough to date: resolve against no anchor (X placeholders)
    return pub.earliest if pub.precision == "day" else None


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    """Score our tagger (or, with options["baseline"], a peer) on the .tml files under `path`."""
    limit = options.get("limit")
    part = wanted_part(options)
    docs = select(load(Path(path)), lambda d: d.name, part)[: limit if isinstance(limit, int) and limit > 0 else None]
    baseline = options.get("baseline")
    if baseline is None:
        return {**describe(part), **score(docs, truceline_tagger)}
    from truceline.eval.baselines import settings, tagger

    peer = tagger(str(baseline), [d.text for d in docs], [d.dct for d in docs])
    return {**describe(part), "baseline_settings": settings(str(baseline)), **score(docs, peer)}


def tune_misses(path: Path) -> list[tuple[str, str, str, str, str]]:
    """(file, kind, text, gold value, our value) for every tune-part miss: a wrong value on a matched expression
    ("value"), a gold expression we missed ("missed") or one we tagged that the gold does not ("extra"). For reading
    while writing rules; there is deliberately no way to list check-part records."""
    out: list[tuple[str, str, str, str, str]] = []
    for doc in select(load(Path(path)), lambda d: d.name, "tune"):
        pred = truceline_tagger(doc.text, doc.dct)
        used: set[int] = set()
        for g in doc.gold:
            match = next((i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end), None)
            if match is None:
                out.append((doc.name, "missed", doc.text[g.start : g.end], g.value, ""))
                continue
            used.add(match)
            if pred[match].value != g.value:
                p = pred[match]
                out.append((doc.name, "value", doc.text[min(p.start, g.start) : max(p.end, g.end)], g.value, p.value))
        out.extend(
            (doc.name, "extra", doc.text[p.start : p.end], "", p.value) for i, p in enumerate(pred) if i not in used
        )
    return out


if __name__ == "__main__":  # python -m truceline.eval.timeml DIR: the tune part's misses, one per line
    import sys

    for name, kind, text, gold_value, ours in tune_misses(Path(sys.argv[1])):
        print(f"{kind:6} {name[:28]:28} {text[:50]!r:54} gold={gold_value:14} ours={ours}")
