"""Training data for the event classifier (truceline.learn.events), assembled reproducibly, and the training.

Sources, each example keeping a note of where it came from:
  * labelled sentences, one JSON object a line (ours: data/training/events.jsonl, and events_cameo.jsonl with
    sentences written for every CAMEO category; a user's own file has the same shape): ``{"text": ...,
    "trigger": "shelled", "type": "ASSAULT", "mode": "shelling"}``; ``start`` (the trigger's character offset in
    ``text``) when the word occurs more than once; ``mode`` optional; ``cameo`` optional, the CAMEO category the
    sentence was written for (kept as the example's group, so cross-validation can hold out whole categories);
    type ``NONE`` for a word that names no event. The trigger is a word or a phrase (its syntactic head is used).
  * the bundled sample corpus gold (data/sample/gold.yaml): each gold event's type on the trigger inside its
    evidence phrase; lexicon candidates of the same sentences whose type no gold event there has are NONE, since
    the gold lists every event of the sentences it quotes.
  * the ontology's definitions (data/plover.yaml ``about``): every noun and verb of a type's definition, weighted
    down (they are word lists, not sentences).
  * the PLOVER gold-standard records of the *tune* part only (truceline/eval/split.py), read from the path given
    at training time and never copied: the EVT trigger nearest the root carries the record's type, converted to
    our conventions (PLOVER codes "will provide aid" as AGREE; we keep AID and put the intention in the stance).

Training is deterministic (linear.train), so the same inputs give the same model file; five folds split by the
hash of the text give out-of-fold probabilities, from which the temperature is fitted (calibrated
`type_probability`) and the cross-validated accuracy is recorded in the model's metadata.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import yaml

from truceline.errors import InputError
from truceline.events.lexicon import Lexicon, load_lexicon
from truceline.events.ontology import PLOVER_TYPES, load_ontology
from truceline.events.stance import modality
from truceline.events.triggers import Candidate, Token, find_candidates
from truceline.learn.events import NONE, candidate_lemma, dense, features
from truceline.learn.linear import Example

OUR_SENTENCES = ("data/training/events.jsonl", "data/training/events_cameo.jsonl")
DEFINITION_WEIGHT = 0.3
SAMPLE_NONE_WEIGHT = 0.5
_EVT = re.compile(r"\(EVT:\s*([^()]*?)\s*\)")
_DEFINITION_STOP = frozenset({"type", "code", "half", "mode", "context", "act", "part", "include", "plover", "cameo"})


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled trigger: a word of `text` (by `start`, else by `trigger`) or, when the exact word is not
    known, a word inside one of the `evidence` character spans."""

    text: str
    type: str  # a PLOVER type or NONE
    origin: str
    mode: str | None = None
    trigger: str | None = None
    start: int | None = None
    evidence: tuple[tuple[int, int], ...] = ()
    weight: float = 1.0
    plover: bool = False  # the type follows PLOVER's conventions for intentions and refusals
    none_others: frozenset[str] | None = None  # sample gold: other lexicon candidates here whose type is not one
    # of these are NONE
    group: str | None = None  # the CAMEO category the sentence was written for, when the file says


def read_jsonl(path: Path) -> list[Labelled]:
    """Labelled sentences from a JSONL file; a bad line is a one-line InputError naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read labelled sentences {path}: {exc}") from None
    ontology = load_ontology()
    out: list[Labelled] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{where}: not a JSON object ({exc})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise InputError(f"{where}: each line needs 'text', 'trigger' and 'type'")
        type_ = str(row.get("type", "")).upper()
        if type_ != NONE and type_ not in PLOVER_TYPES:
            raise InputError(f"{where}: type {row.get('type')!r} is not NONE or one of {', '.join(PLOVER_TYPES)}")
        mode = row.get("mode")
        if mode is not None and (type_ == NONE or mode not in ontology.modes[type_]):
            allowed = ", ".join(ontology.modes.get(type_, {})) or "none for NONE"
            raise InputError(f"{where}: mode {mode!r} is not a mode of {type_} ({allowed})")
        text, trigger, start = row["text"], row.get("trigger"), row.get("start")
        if start is None and isinstance(trigger, str):
            found = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", text)
            start = found.start() if found else None
        if not isinstance(trigger, str) or not isinstance(start, int) or text[start : start + len(trigger)] != trigger:
            raise InputError(f"{where}: trigger {trigger!r} is not a word of the text (give 'start' if it repeats)")
        group = row.get("cameo")
        if group is not None and not isinstance(group, str):
            raise InputError(f"{where}: 'cameo' must be a CAMEO code written as a string, such as \"0333\"")
        out.append(Labelled(text, type_, f"{path.name}:{number}", mode, trigger, start, group=group))
    return out


def our_sentences(name: str = OUR_SENTENCES[0]) -> list[Labelled]:
    """One of our files of labelled sentences (`OUR_SENTENCES`)."""
    return read_jsonl(Path(str(resources.files("truceline").joinpath(name))))


def sample_gold() -> list[Labelled]:
    """The bundled corpus gold: one item per gold event, in the sentence that holds its evidence phrase."""
    from truceline.sample import load_gold, report_texts
    from truceline.text import split_sentences

    texts = report_texts()
    out: list[Labelled] = []
    for key, entry in sorted(load_gold().items()):
        text = texts.get(key, "")
        sentences = [text[s:e] for s, e in split_sentences(text)]
        by_sentence: dict[str, list[Any]] = {}
        for gold in entry["events"]:
            sentence = next((s for s in sentences if gold.evidence in s), None)
            if sentence is not None:
                by_sentence.setdefault(sentence, []).append(gold)
        for sentence, golds in by_sentence.items():
            types = frozenset(g.type for g in golds)
            for gold in golds:
                at = sentence.index(gold.evidence)
                span = ((at, at + len(gold.evidence)),)
                out.append(Labelled(sentence, gold.type, f"sample:{key}", evidence=span, none_others=types))
    return out


def definitions() -> list[Labelled]:
    """The ontology's definition of each type (plover.yaml `about`), its nouns and verbs labelled with the type."""
    raw = yaml.safe_load(resources.files("truceline").joinpath("data/plover.yaml").read_text(encoding="utf-8"))
    out = []
    for type_, body in raw["types"].items():
        about = str(body.get("about") or "")
        if about:
            span = ((0, len(about)),)
            out.append(Labelled(about, type_, f"plover.yaml:{type_}", evidence=span, weight=DEFINITION_WEIGHT))
    return out


def plover_tune(path: Path) -> list[Labelled]:
    """PLOVER gold-standard records of the tune part, EVT phrases as evidence (read at training time only)."""
    from truceline.eval.plover import LEGACY_TYPES, load_records
    from truceline.eval.split import part_of

    out = []
    for record in load_records(path):
        if part_of(str(record.get("id") or record["text"])) != "tune":
            continue
        text = str(record["text"])
        info = record.get("textInfo")
        markup = str(info.get("markup") or "") if isinstance(info, dict) else ""
        spans: list[tuple[int, int]] = []
        pos = 0
        for phrase in _EVT.findall(markup):
            at = text.find(phrase, pos) if phrase else -1
            if at >= 0:
                spans.append((at, at + len(phrase)))
                pos = at + len(phrase)
        type_ = LEGACY_TYPES.get(str(record["event"]), str(record["event"]))
        if spans and type_ in PLOVER_TYPES:
            out.append(Labelled(text, type_, f"plover:{record.get('id')}", evidence=tuple(spans), plover=True))
    return out


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _covers(cand: Candidate, token: Token) -> bool:
    if cand.token.i == token.i or any(t.i == token.i for t in cand.extra):
        return True
    return any(t is not None and t.i == token.i for t in (cand.governor, cand.ceasefire_noun))


def _open(token: Token) -> Candidate:
    nominal = token.tag_.startswith("NN")
    head = token.head
    lex = load_lexicon()
    governor = head if nominal and head.i != token.i and head.lemma_.lower() in lex.light_verbs else None
    return Candidate(token, "", "general", nominal, governor=governor, lexical=False)


def _plover_label(cand: Candidate, gold: str, lex: Lexicon) -> str | None:
    """Our type for a PLOVER record's trigger: PLOVER folds intentions and refusals into AGREE / THREATEN /
    REJECT, we keep the act and its stance; None when the record cannot be read in our terms."""
    from truceline.eval.plover import plover_type

    stance = modality(cand, lex)
    ours = cand.type if cand.lexical else None
    if stance in ("planned", "threatened", "negated"):
        # the record's type may be PLOVER's name for the intention ("will withdraw" THREATEN): then only the act's
        # own type from the lexicon is a label we can trust; otherwise the record's type must survive the folding
        options = (ours,) if gold in ("AGREE", "THREATEN", "REJECT") else (ours, gold)
        for option in options:
            if option and plover_type(cast(Any, SimpleNamespace(type=option, stance=stance))) == gold:
                return option
        return None
    return gold


def _in_spans(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def resolve(item: Labelled, doc: Any, lex: Lexicon) -> list[tuple[Candidate, str, float]]:
    """(candidate, label TYPE/mode or NONE, weight) for one labelled item in its parsed text."""
    found = find_candidates(doc, lex)
    chosen: Candidate | None = None
    if item.start is not None:
        end = item.start + len(item.trigger or "")
        span = doc.char_span(item.start, end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        root = span.root
        chosen = next((c for c in found if _covers(c, root)), None) or _open(root)
    else:
        inside = [c for c in found if _in_spans(c.token, item.evidence)]
        same = [c for c in inside if c.type == item.type]
        pool = same or inside
        if not pool and item.none_others is None:  # the sample gold's phrases name no trigger word: no guessing
            words = [t for t in doc if _in_spans(t, item.evidence) and t.pos_ in ("VERB", "NOUN") and t.is_alpha]
            words = [t for t in words if t.lemma_.lower() not in _DEFINITION_STOP | lex.speech_verbs | lex.plan_cues]
            if item.origin.startswith("plover.yaml"):  # a definition: every word of it
                return [(_open(t), f"{item.type}/general", item.weight) for t in words]
            pool = [_open(t) for t in words]
        if pool:
            chosen = min(pool, key=lambda c: (_depth(c.token), c.nominal, c.token.i))
    if chosen is None:
        return []
    type_: str | None = item.type
    if item.plover and type_ != NONE:
        type_ = _plover_label(chosen, item.type, lex)
    if type_ is None:
        return []
    out = [(chosen, _label(chosen, type_, item.mode), item.weight)]
    if item.none_others is not None:
        for cand in found:
            if cand is not chosen and cand.type not in item.none_others and not _in_spans(cand.token, item.evidence):
                out.append((cand, NONE, SAMPLE_NONE_WEIGHT))
    return out


def _label(cand: Candidate, type_: str, mode: str | None) -> str:
    if type_ == NONE:
        return NONE
    if mode is None:
        mode = cand.mode if cand.lexical and cand.type == type_ else "general"
    return f"{type_}/{mode}"


def all_labels() -> list[str]:
    ontology = load_ontology()
    return [NONE, *(f"{t}/{m}" for t in PLOVER_TYPES for m in ontology.modes[t])]


@dataclass(frozen=True, slots=True)
class Built:
    examples: list[Example]
    origins: list[str]
    lemmas: list[tuple[str, bool]]  # (trigger lemma, nominal) of each example
    texts: list[str]
    groups: list[str | None]  # the CAMEO category of each example's sentence, None when unknown


def build(items: Iterable[Labelled], nlp: Any) -> Built:
    """Parse every text once and turn each labelled item into classifier examples (sample NONEs deduplicated)."""
    items = list(items)
    lex = load_lexicon()
    unique = sorted({i.text for i in items})
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=128), strict=True))
    examples: list[Example] = []
    origins: list[str] = []
    lemmas: list[tuple[str, bool]] = []
    texts: list[str] = []
    groups: list[str | None] = []
    seen: set[tuple[str, int]] = set()
    for item in items:
        doc = docs[item.text]
        for cand, label, weight in resolve(item, doc, lex):
            key = (item.text, cand.token.i)
            if label == NONE and weight == SAMPLE_NONE_WEIGHT and key in seen:
                continue
            seen.add(key)
            vector = dense(cand.token)
            examples.append(Example(features(cand, lex), label, dense=vector.tolist(), weight=weight))
            origins.append(item.origin)
            lemmas.append((candidate_lemma(cand, lex), cand.nominal))
            texts.append(item.text)
            groups.append(item.group)
    # a sample NONE on a word another item labels as an event is that item's, not a NONE
    positive = {(t, lem) for t, (lem, _), e in zip(texts, lemmas, examples, strict=True) if e.label != NONE}
    keep = [
        i
        for i, e in enumerate(examples)
        if not (e.label == NONE and e.weight == SAMPLE_NONE_WEIGHT and (texts[i], lemmas[i][0]) in positive)
    ]
    return Built(
        [examples[i] for i in keep],
        [origins[i] for i in keep],
        [lemmas[i] for i in keep],
        [texts[i] for i in keep],
        [groups[i] for i in keep],
    )


def gather(files: Sequence[Path], *, packaged: bool, plover: Path | None) -> tuple[list[Labelled], dict[str, int]]:
    """Every labelled item the command was given, and a count per source (recorded in the model file)."""
    items: list[Labelled] = []
    sources: dict[str, int] = {}

    def add(name: str, more: list[Labelled]) -> None:
        items.extend(more)
        sources[name] = len(more)

    if packaged:
        for name in OUR_SENTENCES:
            add(f"truceline/{name} (ours)", our_sentences(name))
        add("truceline/data/sample/gold.yaml (ours)", sample_gold())
        add("truceline/data/plover.yaml about (ours)", definitions())
    for path in files:
        add(str(path), read_jsonl(path))
    if plover is not None:
        if not plover.is_file():
            raise InputError(f"{plover}: no PLOVER gold-standard file there (expected plover_gsr.json)")
        add(f"PLOVER gold-standard records, tune part ({plover.name})", plover_tune(plover))
    return items, sources
