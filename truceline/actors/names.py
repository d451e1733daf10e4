"""Display names that read well in a timeline: "Turkish military", "Syrian Foreign Ministry", "Syrian government
forces", instead of the dictionary's join of country and agent names ("Turkey military", "Syria ministry").

Only the name changes; country, sector and code stay as coded. The adjective is the first demonym of the
packaged countries table; an agent whose written words say which one it is ("foreign ministry", "defence
minister") keeps those words; "regime" is named as what it is coded, the government.
"""

from __future__ import annotations

import re
from functools import cache

# agent names shown as written in the text (they say which ministry or office), and institutions capitalised
_AS_WRITTEN = frozenset({"ministry", "minister", "spokesman", "president", "governor", "commander"})
_INSTITUTIONS = frozenset({"ministry"})
_LABELS = {"regime": "government", "regime forces": "government forces"}
_OWNER_WORDS = re.compile(r"^(?:'s|\u2019s|of(?: the)?)\s+|\s+(?:of(?: the)?)$", re.IGNORECASE)


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(country or capital-government name -> ISO-3, ISO-3 -> adjective) from the packaged countries table."""
    from truceline.actors.loading import country_entries

    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for entry in country_entries():
        if entry.country:
            if entry.kind in ("country", "capital"):
                names[entry.name] = entry.country
            elif entry.kind == "demonym" and not entry.people and entry.forms:
                adjectives.setdefault(entry.country, entry.forms[0])
    return names, adjectives


def owner_is_country(owner_name: str | None) -> bool:
    return owner_name is not None and owner_name in _countries()[0]


def display_name(country: str, agent_name: str, written: str = "") -> str | None:
    """'Syrian Foreign Ministry' for SYR + ministry written 'foreign ministry'; None when the country has no
    adjective (the caller keeps its own name)."""
    adjective = _countries()[1].get(country)
    if adjective is None:
        return None
    if agent_name.startswith(f"{adjective} "):
        return agent_name  # already named as the country's ("Saudi coalition")
    words = _LABELS.get(agent_name, agent_name)
    written = _OWNER_WORDS.sub("", written.strip()).strip()
    if agent_name in _AS_WRITTEN and written and written.lower() != adjective.lower():
        words = written.lower()
        if agent_name in _INSTITUTIONS:
            words = words.title()
    return f"{adjective} {words}"
