"""The event classifier: its training data, its features, training it, and how it combines with the lexicon.

Sentences here are written for these tests and are not in the training file (a test checks that), so what the
packaged model does with them is what it does with a report nobody labelled.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from truceline.errors import InputError, ModelError
from truceline.events.coding import code_text, load_dictionary
from truceline.events.extract import code_events
from truceline.events.lexicon import load_lexicon
from truceline.events.ontology import PLOVER_TYPES, load_ontology
from truceline.events.triggers import find_candidates, open_candidates
from truceline.learn.event_data import Labelled, build, read_jsonl, resolve
from truceline.learn.event_train import train_events
from truceline.learn.events import NONE, EventTyper, dense, features, load_typer, packaged_model_path
from truceline.model import Analysis, Article, CleanedText, PubDate
from truceline.text import split_sentences

TRAINING = Path(__file__).resolve().parents[1] / "truceline" / "data" / "training"


def _events(text: str, nlp: Any, typer: EventTyper | None = None) -> list[Any]:
    """Events of `text` through the real path: the packaged model (code_text), or `typer` given to code_events."""
    if typer is None:
        return code_text(text, load_dictionary(), nlp)[0]
    sentences = split_sentences(text)
    docs = list(nlp.pipe(text[s:e] for s, e in sentences))
    article = Article("t", "t", None, None, None, PubDate(None, None, None, "unknown"), CleanedText(None, text))
    analysis = Analysis(article, actors=[], sentences=sentences)
    return code_events(analysis, list(enumerate(docs)), load_dictionary(), typer)


def test_the_labelled_sentences_are_valid_and_cover_every_type() -> None:
    items = read_jsonl(TRAINING / "events.jsonl")
    assert len(items) >= 500
    counts: dict[str, int] = {}
    for item in items:
        counts[item.type] = counts.get(item.type, 0) + 1
        assert item.text[item.start or 0 :].startswith(item.trigger or "")
    assert counts.get(NONE, 0) >= 150, "NONE examples keep aims, tolls and standing relations out of the rows"
    short = {t: counts.get(t, 0) for t in PLOVER_TYPES if counts.get(t, 0) < 25}
    assert not short, f"types with too few labelled sentences: {short}"
    modes = load_ontology().modes
    assert all(i.mode is None or i.mode in modes[i.type] for i in items if i.type != NONE)
    header = (TRAINING / "events.md").read_text(encoding="utf-8")
    assert "Source and licence" in header and "written by the Truceline authors" in header


def test_bad_labelled_lines_are_one_line_errors_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    for line, message in [
        ('{"text": "Rebels shelled the town.", "trigger": "shelled", "type": "FIGHT"}', "is not NONE or one of"),
        ('{"text": "Rebels shelled the town.", "trigger": "bombed", "type": "ASSAULT"}', "is not a word of the text"),
        ('{"text": "Rebels shelled the town.", "trigger": "shelled", "type": "ASSAULT", "mode": "x"}', "is not a mode"),
        ("not json", "not a JSON object"),
    ]:
        path.write_text('{"text": "Talks began.", "trigger": "Talks", "type": "CONSULT"}\n' + line + "\n")
        with pytest.raises(InputError, match=message) as raised:
            read_jsonl(path)
        assert "mine.jsonl:2" in str(raised.value)


def test_features_read_the_parse_around_the_trigger(nlp: Any) -> None:
    lex = load_lexicon()
    doc = nlp("The army said it would not withdraw its troops from the border town.")
    cand = next(c for c in find_candidates(doc, lex) if c.token.lower_ == "withdraw")
    feats = features(cand, lex)
    assert {"lem=withdraw", "lex=RETREAT", "modal=would", "neg", "obj=troop", "prep=from"} <= set(feats)
    assert "under=ccomp:say" in feats  # the clause is reported speech
    vector = dense(cand.token)
    assert vector.shape == (192,) and np.isclose(np.linalg.norm(vector[:96]), 1.0)


def test_open_candidates_are_verbs_the_lexicon_does_not_list(nlp: Any) -> None:
    lex = load_lexicon()
    doc = nlp("Pirates hijacked a tanker and said they wanted a ransom.")
    found = find_candidates(doc, lex)
    opened = {c.token.lower_ for c in open_candidates(doc, lex, found, frozenset())}
    assert "hijacked" in opened
    assert not opened & {"said", "wanted"}  # speech and wishes are stance cues, not events


def test_the_packaged_model_drops_a_standing_relation_and_keeps_an_act(nlp: Any) -> None:
    typer = load_typer()
    assert typer.model.meta["rebuild"].startswith("truceline train events --packaged")
    relation = _events("Tehran backs the Houthi movement, which controls most of northern Yemen.", nlp)
    assert not any(e.trigger.text == "backs" for e in relation)
    act = _events("Rebel gunners shelled the government quarter of Taiz on Friday night.", nlp)
    shelling = [e for e in act if e.trigger.text == "shelled"]
    assert shelling and shelling[0].type == "ASSAULT"
    assert shelling[0].type_probability is not None and 0.5 < shelling[0].type_probability <= 1.0


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Militiamen occupied the town hall of Bunia on Sunday.", "occupied", "ASSAULT"),
        # "exchanged 90 prisoners" was the second example until "exchange" entered the lexicon (verb_senses: people
        # exchanged); tests/test_events_ultimatums_exchanges.py holds its rows now
    ],
)
def test_a_verb_the_lexicon_lacks_is_parsed_proposed_and_read(nlp: Any, text: str, verb: str, expected: str) -> None:
    lex = load_lexicon()
    typer = load_typer()
    assert not lex.selects(text)  # the lexicon alone would not even parse this sentence
    assert typer.selects(text)
    doc = nlp(text)
    found = find_candidates(doc, lex)
    opened = [c for c in open_candidates(doc, lex, found, typer.event_nouns) if c.token.lower_ == verb]
    [reading] = typer.read(opened, lex)
    assert reading.type == expected and reading.mode in load_ontology().modes[expected]


def test_the_lexicon_policy_leaves_the_model_out(nlp: Any) -> None:
    typer = EventTyper(load_typer().model, str(packaged_model_path()), policy="lexicon")
    events = _events("Rebel gunners shelled the government quarter of Taiz on Friday night.", nlp, typer)
    assert events and all(e.type_probability is None for e in events)
    with pytest.raises(ModelError, match="unknown event typing policy"):
        EventTyper(typer.model, "x", policy="vote")


def _tiny(tmp_path: Path) -> Path:
    lines = []
    for place in ("Homs", "Hama", "Idlib", "Aleppo", "Daraa", "Raqqa", "Deir", "Tartus", "Latakia", "Qamishli"):
        lines.append({"text": f"Rebels attacked an army post near {place}.", "trigger": "attacked", "type": "PROTEST"})
        lines.append({"text": f"Farmers in {place} grow wheat.", "trigger": "grow", "type": "NONE"})
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_training_is_deterministic_and_the_model_decides_as_trained(tmp_path: Path, nlp: Any) -> None:
    built = build(read_jsonl(_tiny(tmp_path)), nlp)
    a = train_events(built, sources={"tiny": 20}, command="test")
    b = train_events(built, sources={"tiny": 20}, command="test")
    assert np.array_equal(a.weights, b.weights) and a.temperature == b.temperature
    a.save(tmp_path / "m.npz")
    typer = EventTyper.load(tmp_path / "m.npz")
    assert "attack" in typer.model.meta["event_verbs"]
    events = _events("Rebels attacked a police station near Kobani.", nlp, typer)
    assert [e.type for e in events if e.trigger.text == "attacked"] == ["PROTEST"]


def test_evidence_phrases_and_plover_conventions_resolve_to_our_labels(nlp: Any) -> None:
    lex = load_lexicon()
    text = "The envoy said his government would provide food aid to the refugees."
    at = text.index("would provide")
    item = Labelled(text, "AGREE", "test", evidence=((at, at + len("would provide food aid")),), plover=True)
    [(cand, label, _weight)] = resolve(item, nlp(text), lex)
    assert cand.token.lower_ == "provide" and label.startswith("AID/")  # PLOVER's AGREE is our planned AID


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        EventTyper.load(tmp_path / "none.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not a Truceline model file"):
        EventTyper.load(tmp_path / "bad.npz")


def test_test_sentences_are_not_training_sentences() -> None:
    texts = {item.text for item in read_jsonl(TRAINING / "events.jsonl")}
    source = Path(__file__).read_text(encoding="utf-8")
    assert not [t for t in texts if t in source]
