"""Figures in the bundled sample corpus (written by another of us): each gold event's casualty figures must be
found in the sentence holding its evidence. A check on writing we did not tune the patterns to."""

from __future__ import annotations

import pytest

from truceline.sample import load_gold, report_texts
from truceline.stages.quantities import find_quantities
from truceline.text import split_sentences


def _evidence_sentence(text: str, evidence: str) -> str:
    at = text.find(evidence)
    for start, end in split_sentences(text):
        if start <= at < end:
            return text[start:end]
    return evidence


def test_gold_event_figures_are_found() -> None:
    gold = load_gold()
    texts = report_texts()
    checked = found = 0
    misses = []
    for key, entry in gold.items():
        for event in entry.get("events", []):
            if event.killed is None and event.injured is None:
                continue
            sentence = _evidence_sentence(texts.get(key, ""), event.evidence)
            figures = find_quantities(sentence)
            killed = [q.value for q in figures if q.kind == "killed"]
            injured = [q.value for q in figures if q.kind == "injured"]
            ok = (event.killed is None or event.killed in killed or event.killed == sum(killed)) and (
                event.injured is None or event.injured in injured or event.injured == sum(injured)
            )
            checked += 1
            found += ok
            if not ok:
                misses.append((key, event.killed, event.injured, sentence))
    if checked == 0:
        pytest.skip("the sample gold has no casualty figures")
    # Floor pinned from 31/31 at the time of writing; the corpus may grow, so a fraction, not a count.
    assert found / checked >= 0.9, misses
