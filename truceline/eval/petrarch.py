"""`truceline eval petrarch FILE --actors DICTS`: coder logic on PETRARCH2's unit-test records.

The records use fictional actors defined in the small PETR.Validate.* dictionaries, so this run also proves
that user dictionaries passed with --actors are used. Every event we code in a record becomes (source,
target, CAMEO) triples (compound actors expand to one triple per member) and is compared with the record's
`<EventCoding>` triples.

Level of comparison, reported in the output: the CAMEO *root* (first two digits), because our PLOVER type and
mode map to one representative CAMEO code each, not to PETRARCH's verb-pattern leaf codes; actors by the first
three letters of their code (the country or group root), because agents such as GOV/MIL come from our own
role resolution. `dyad` scores (source, target) pairs alone: it shows the user dictionaries at work,
independent of PETRARCH's test verb codes. Intentions and threats are folded as in `eval plover` (planned cooperation → 03, threats → 13).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from truceline.errors import EvalError
from truceline.eval.plover import plover_type
from truceline.eval.split import describe, select, wanted_part
from truceline.events.coding import code_text, load_dictionary
from truceline.events.ontology import load_ontology
from truceline.model import Actor, Event
from truceline.nlp import load_nlp

Triple = tuple[str, str, str]

_PLOVER_ROOT = {"AGREE": "03", "THREATEN": "13", "REJECT": "12"}


def _roots(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""]
    out = []
    for one in actor.members or (actor,):
        code = (one.code or one.country or "")[:3].upper()
        out.append(code)
    return out or [""]


def event_triples(event: Event) -> set[Triple]:
    """(source root, target root, CAMEO root) for every member pair of an event."""
    folded = plover_type(event)
    if folded != event.type and folded in _PLOVER_ROOT:
        root = _PLOVER_ROOT[folded]
    else:
        root = load_ontology().cameo(event.type, event.mode)[:2]
    return {(s, t, root) for s in _roots(event.actor) for t in _roots(event.recipient)}


def load_records(path: Path) -> list[tuple[str, str, set[Triple]]]:
    """(id, text, gold triples) for each <Sentence> of a PETRARCH unit-test file."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise EvalError(f"{path}: not a readable PETRARCH records XML file ({exc})") from None
    records = []
    for sentence in tree.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        if not text:
            continue
        gold: set[Triple] = set()
        for coding in sentence.findall("EventCoding"):
            code = coding.get("eventcode") or ""
            if code.isdigit():
                source = (coding.get("sourcecode") or "")[:3].upper()
                target = (coding.get("targetcode") or "")[:3].upper()
                gold.add((source, target, code[:2]))
        records.append((sentence.get("id") or "", text, gold))
    if not records:
        raise EvalError(f"{path}: no <Sentence> records with <Text>; is this a PETRARCH unit-test file?")
    return records


def run(path: Path, options: dict[str, object]) -> dict[str, object]:
    part = wanted_part(options)
    records = select(load_records(path), lambda r: r[0] or r[1], part)
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        records = records[:limit]
    actors = options.get("actors") or []
    if not actors:
        raise EvalError("eval petrarch needs the PETR.Validate.* dictionaries: pass them with --actors FILE ...")
    dictionary: Any = load_dictionary(actors if isinstance(actors, list) else [])
    nlp = load_nlp()
    tp = fp = fn = 0
    root_tp = root_fp = root_fn = 0
    dyad_tp = dyad_fp = dyad_fn = 0
    for _id, text, gold in records:
        events, _docs = code_text(text, dictionary, nlp)
        predicted: set[Triple] = set()
        for event in events:
            predicted |= event_triples(event)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        gold_dyads = {g[:2] for g in gold}
        got_dyads = {p[:2] for p in predicted if p[0] or p[1]}
        dyad_tp += len(gold_dyads & got_dyads)
        dyad_fp += len(got_dyads - gold_dyads)
        dyad_fn += len(gold_dyads - got_dyads)
        gold_roots = {g[2] for g in gold}
        got_roots = {p[2] for p in predicted}
        root_tp += len(gold_roots & got_roots)
        root_fp += len(got_roots - gold_roots)
        root_fn += len(gold_roots - got_roots)
    return {
        **describe(part),
        "records": len(records),
        "level": "CAMEO root (2 digits); source/target by the first 3 letters of their codes",
        "triple": _prf(tp, fp, fn),
        "event_root_only": _prf(root_tp, root_fp, root_fn),
        "dyad": _prf(dyad_tp, dyad_fp, dyad_fn),
        "note": "the unit-test verb dictionary assigns test codes (e.g. 'delayed their meeting' = 191), so "
        "event codes agree with real CAMEO only in part; 'dyad' scores who-to-whom with the user dictionaries",
    }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
