"""Stage 4, actors: names mapped to canonical actors with ISO-3 country and sector, from data files.

The implementation lives in truceline/actors/ (dictionaries, matcher, resolver, PETRARCH reader); this module
keeps the stage contract the pipeline imports.
"""

from __future__ import annotations

from truceline.actors import ActorDictionary, load_petrarch_dictionaries

__all__ = ["ActorDictionary", "load_petrarch_dictionaries"]
