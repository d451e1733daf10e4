"""Actors: dictionaries of countries, organisations, armed groups, office holders and agents, and the code
that finds them in reports and resolves noun phrases to them.

Public API: `ActorDictionary` (load, find, resolve, story_country, compound, kind_of) and
`load_petrarch_dictionaries` for the PETRARCH2 validation dictionaries. Data lives in truceline/data/actors/.
"""

from __future__ import annotations

from truceline.actors.dictionary import ActorDictionary
from truceline.actors.entries import Entry, Office
from truceline.actors.petrarch import load_petrarch_dictionaries

__all__ = ["ActorDictionary", "Entry", "Office", "load_petrarch_dictionaries"]
