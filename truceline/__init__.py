"""Truceline: news reports about armed conflicts and ceasefires in, a sourced event timeline out.

The Python API, documented in the README's "Python API" section::

    import truceline

    with truceline.open("truceline.db") as db:          # read-only; write=True / create=True to ingest and process
        for event in db.events(actor="TUR", since="2020-01-01", type="ASSAULT", min_confidence=0.8):
            print(event.date, event.actor.name if event.actor else None, event.sentence)
        frame = db.events(story="S-1a2b").to_pandas()    # where pandas is installed

    reports = truceline.process(["text of a report", {"text": "...", "title": "...", "published": "2020-03-05"}])

Importing truceline is cheap: spaCy is loaded only when something is processed.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from truceline.errors import ConfigError, InputError, ModelError, StoreError, TrucelineError
    from truceline.pyapi import (
        ActorRecord,
        AgreementEventRecord,
        AgreementMentionRecord,
        AgreementRecord,
        ArticleRecord,
        ContradictionRecord,
        Database,
        EventRecord,
        LinkRecord,
        PlaceRecord,
        QuantityRecord,
        Records,
        ReportRecord,
        StoryRecord,
        TimelineRecord,
        TriggerRecord,
        open,
        process,
    )

__version__ = "0.1.0"

__all__ = [
    "ActorRecord",
    "AgreementEventRecord",
    "AgreementMentionRecord",
    "AgreementRecord",
    "ArticleRecord",
    "ConfigError",
    "ContradictionRecord",
    "Database",
    "EventRecord",
    "InputError",
    "LinkRecord",
    "ModelError",
    "PlaceRecord",
    "QuantityRecord",
    "Records",
    "ReportRecord",
    "StoreError",
    "StoryRecord",
    "TimelineRecord",
    "TriggerRecord",
    "TrucelineError",
    "open",
    "process",
]

# The names load on first use (PEP 562), so `import truceline` (and the CLI, which imports it for its version) stays
# as cheap as it was before the Python API.
_ERRORS = ("ConfigError", "InputError", "ModelError", "StoreError", "TrucelineError")


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module 'truceline' has no attribute {name!r}")
    module = _importlib.import_module("truceline.errors" if name in _ERRORS else "truceline.pyapi")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
