"""Event coding: PLOVER events with stance, claims, ceasefires, dates, places and casualties from spaCy parses.

The stage entry points live in `truceline.stages.events`; this package holds the pieces it is built from:

    ontology   the PLOVER types and modes with CAMEO and ACLED mappings (data/plover.yaml)
    lexicon    trigger words and stance cues (data/triggers.yaml) and the cheap sentence pre-filter
    triggers   candidate triggers in a parsed sentence (verbal, nominal, ceasefire, phrasal)
    arguments  agent and recipient of a trigger, resolved to actors
    stance     negation, modality and attribution (who claims, denies or accuses)
    attach     date, place and casualty figures governing an event
    extract    the whole per-sentence coding, claim/denial links
"""

from truceline.events.extract import code_events
from truceline.events.lexicon import Lexicon, load_lexicon
from truceline.events.ontology import Ontology, load_ontology

__all__ = ["Lexicon", "Ontology", "code_events", "load_lexicon", "load_ontology"]
