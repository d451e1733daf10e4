"""The Python API (`import truceline`): a database opened with `truceline.open`, texts analysed in memory with
`truceline.process`, and the typed records both return. Importing it does not load spaCy; processing does."""

from truceline.pyapi.database import Database, open
from truceline.pyapi.memory import process
from truceline.pyapi.records import (
    ActorRecord,
    AgreementEventRecord,
    AgreementMentionRecord,
    AgreementRecord,
    ArticleRecord,
    ContradictionRecord,
    EventRecord,
    LinkRecord,
    PlaceRecord,
    QuantityRecord,
    Records,
    ReportRecord,
    StoryRecord,
    TimelineRecord,
    TriggerRecord,
)

__all__ = [
    "ActorRecord",
    "AgreementEventRecord",
    "AgreementMentionRecord",
    "AgreementRecord",
    "ArticleRecord",
    "ContradictionRecord",
    "Database",
    "EventRecord",
    "LinkRecord",
    "PlaceRecord",
    "QuantityRecord",
    "Records",
    "ReportRecord",
    "StoryRecord",
    "TimelineRecord",
    "TriggerRecord",
    "open",
    "process",
]
