"""The typed, frozen records the Python API returns: the public JSON shapes of truceline/serialize.py (and of the
link stage's views) as dataclasses, nested actors and places as records of their own.

Every record is built from its JSON by `from_json`, which reads the keys it knows and ignores new ones (the JSON
contract only ever adds keys), and gives it back by `to_json`. Lists of records come as `Records`, a list with
`to_pandas()` (pandas is optional: a one-line error names it when it is missing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from truceline.errors import ConfigError

R = TypeVar("R", bound="Record")


class Record:
    """Base of every record: built from and turned back into its JSON object."""

    __slots__ = ()

    @classmethod
    def from_json(cls: type[R], data: Mapping[str, Any]) -> R:
        values = {}
        for f, convert in _converters(cls):
            if f in data:
                values[f] = convert(data[f])
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON object it was read from (tuples as lists, nested records as objects)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _freeze(value: Any) -> Any:
    """JSON lists become tuples and objects read-only mappings, so a frozen record is frozen all the way down."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return types.MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


_CONVERTERS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _converters(cls: type) -> tuple[tuple[str, Any], ...]:
    """For each field of a record class, the function that turns its JSON value into the field's type."""
    if cls not in _CONVERTERS:
        hints = typing.get_type_hints(cls)
        _CONVERTERS[cls] = tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))
    return _CONVERTERS[cls]


def _is_record(hint: Any) -> bool:
    return typing.get_origin(hint) is None and isinstance(hint, type) and issubclass(hint, Record)


def _converter(hint: Any) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if _is_record(hint):
        return lambda v: hint.from_json(v) if isinstance(v, Mapping) else None
    if origin in (types.UnionType, typing.Union) and len(args) == 1:
        return _converter(args[0])
    if origin is tuple and args and _is_record(args[0]):
        item = args[0]
        return lambda v: tuple(item.from_json(x) for x in v if isinstance(x, Mapping)) if v is not None else ()
    if origin is tuple:
        return lambda v: _freeze(list(v)) if v is not None else ()
    return _freeze


@dataclass(frozen=True, slots=True)
class ActorRecord(Record):
    """Who acts, is acted on or claims: the words of the report, their canonical name, ISO-3 country, CAMEO-style
    sector and code; `members` for a compound actor ("Turkey and Russia")."""

    text: str = ""
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    ner: str | None = None
    members: tuple[ActorRecord, ...] = ()
    confidence: float | None = None
    start_char: int | None = None
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceRecord(Record):
    """Where: the words of the report and, when resolved, the gazetteer's name, country, point and kind."""

    text: str = ""
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    admin1: str | None = None
    precision: int | None = None
    resolved: bool = False
    confidence: float | None = None
    start_char: int | None = None
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class QuantityRecord(Record):
    """A casualty or displacement figure as the report states it."""

    kind: str = ""
    value: int | None = None
    high: int | None = None
    qualifier: str | None = None
    who: str | None = None
    who_country: str | None = None
    since: str | None = None
    cumulative: bool = False
    according_to: str | None = None
    confidence: float | None = None
    text: str = ""
    start_char: int | None = None
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class TriggerRecord(Record):
    text: str = ""
    start_char: int | None = None
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class LinkRecord(Record):
    """A link from one event to another of the same report: ("denies", event id), ("alleges", ...)."""

    relation: str = ""
    event: str = ""


@dataclass(frozen=True, slots=True)
class EventRecord(Record):
    """One report's mention of an event (the JSON of `truceline events`), with the canonical event, story and
    event cluster linking placed it in (None when the reports are not linked)."""

    id: str = ""
    type: str = ""
    mode: str | None = None
    confidence: float | None = None
    type_probability: float | None = None
    date: str | None = None
    date_precision: str | None = None
    date_from_publication: bool = False
    date_confidence: float | None = None
    date_text: str | None = None
    actor: ActorRecord | None = None
    recipient: ActorRecord | None = None
    place: PlaceRecord | None = None
    killed: int | None = None
    injured: int | None = None
    casualties: tuple[QuantityRecord, ...] = ()
    stance: str = "asserted"
    claimed_by: ActorRecord | None = None
    ceasefire: str | None = None
    context: tuple[str, ...] = ()
    links: tuple[LinkRecord, ...] = ()
    trigger: TriggerRecord | None = None
    article_id: str = ""
    sentence: str = ""
    start_char: int | None = None
    end_char: int | None = None
    canonical_id: str | None = None
    story_id: str | None = None
    cluster_id: str | None = None

    @property
    def date_start(self) -> dt.date | None:
        """The first day `date` allows (a month's first day, a week's Monday); None when it names no day."""
        return _interval(self.date)[0]

    @property
    def date_end(self) -> dt.date | None:
        """The last day `date` allows."""
        return _interval(self.date)[1]


@dataclass(frozen=True, slots=True)
class TimelineRecord(EventRecord):
    """One real-world event across reports (a row of `truceline timeline`): the fields of its most telling mention,
    with how many mentions, reports and independent sources tell of it, its outlets, the days its mentions allow,
    the casualty figures by source (`figures`), the claims and denials, and its mentions' event ids."""

    mentions: int | None = None
    reports: int | None = None
    independent_sources: int | None = None
    outlets: tuple[str, ...] = ()
    date_range: tuple[str | None, ...] = ()
    figures: Mapping[str, Any] = dataclasses.field(default_factory=lambda: types.MappingProxyType({}))
    claims: tuple[Mapping[str, Any], ...] = ()
    mention_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRecord(Record):
    """A stored report (the JSON of `truceline articles`): cleaned body, publication date with its precision and
    evidence, what the cleaner set apart, and the stories and event clusters it belongs to."""

    id: str = ""
    origin: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    published_earliest: str | None = None
    published_latest: str | None = None
    published_precision: str | None = None
    published_evidence: tuple[str, ...] = ()
    standfirst: str | None = None
    dateline: str | None = None
    bylines: tuple[str, ...] = ()
    captions: tuple[Mapping[str, Any], ...] = ()
    dropped_lines: tuple[Mapping[str, Any], ...] = ()
    body: str = ""
    story_ids: tuple[str, ...] = ()
    cluster_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryRecord(Record):
    """A story linking found (the JSON of `truceline stories`): its span of dates, report and source counts, its
    most named places and actor countries with their report counts, its headline and reports."""

    id: str = ""
    first: str | None = None
    last: str | None = None
    reports: int = 0
    independent_sources: int = 0
    outlets: int = 0
    clusters: int = 0
    places: tuple[tuple[str, int], ...] = ()
    actors: tuple[tuple[str, int], ...] = ()
    headline: str | None = None
    report_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementMentionRecord(Record):
    article_id: str = ""
    text: str = ""
    start_char: int | None = None
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class AgreementEventRecord(Record):
    """An event linked to an agreement: its violation, an accusation, a denial, its announcement..."""

    event_id: str = ""
    relation: str = ""
    date: str | None = None
    type: str | None = None
    stance: str | None = None
    sentence: str | None = None
    article_id: str = ""


@dataclass(frozen=True, slots=True)
class AgreementRecord(Record):
    """An agreement the reports speak of (the JSON of `truceline agreements`)."""

    id: str = ""
    name: str = ""
    kind: str | None = None
    origin: str | None = None
    signed: str | None = None
    in_force: str | None = None
    zone: str | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    status: str | None = None
    supersedes: str | None = None
    superseded_by: str | None = None
    extends: str | None = None
    extended_by: str | None = None
    proposed: Mapping[str, Any] | None = None  # {"day", "by", "start"} of a truce asked for and not told made
    terms: tuple[Mapping[str, Any], ...] = ()
    source: str | None = None
    mentions: tuple[AgreementMentionRecord, ...] = ()
    events: tuple[AgreementEventRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ContradictionRecord(Record):
    """What the reports of one event disagree on, with who says what (`positions`)."""

    id: str = ""
    canonical_id: str = ""
    story_id: str | None = None
    kind: str = ""
    subject: str = ""
    positions: tuple[Mapping[str, Any], ...] = ()
    event_type: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class ReportRecord(Record):
    """What `truceline.process` made of one text: its article and events, or why it was skipped or failed."""

    origin: str = ""
    article: ArticleRecord | None = None
    events: tuple[EventRecord, ...] = ()
    skipped: str | None = None
    failed: str | None = None


class Records(list[R]):
    """A list of records with `to_pandas()`: events as the flat typed columns of the Parquet export, other records
    one column per field."""

    def __init__(self, items: Iterable[R] = ()) -> None:
        super().__init__(items)

    def to_pandas(self) -> Any:
        try:
            import pandas
        except ImportError:
            raise ConfigError("to_pandas() needs pandas, which is not installed: `pip install pandas`") from None
        if self and all(isinstance(r, EventRecord) for r in self):
            return _event_frame(pandas, [r.to_json() for r in self])
        return pandas.DataFrame([r.to_json() for r in self])


def _event_frame(pandas: Any, items: list[dict[str, Any]]) -> Any:
    """Events as the Parquet export's typed columns; through pyarrow, so whole numbers stay nullable integers
    (Int64, not floats with NaN) and flags nullable booleans."""
    from truceline.export.flat import COLUMNS, flat_row
    from truceline.export.parquet import require_pyarrow, schema

    rows = [flat_row(item) for item in items]
    pa = require_pyarrow()
    table = pa.table({name: [r[name] for r in rows] for name, _ in COLUMNS}, schema=schema())
    nullable = {pa.int64(): pandas.Int64Dtype(), pa.bool_(): pandas.BooleanDtype()}
    return table.to_pandas(types_mapper=nullable.get)


def _interval(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    if not value:
        return None, None
    from truceline.timex.calendar import value_interval

    first, last, _ = value_interval(value)
    return first, last


__all__ = [
    "ActorRecord",
    "AgreementEventRecord",
    "AgreementMentionRecord",
    "AgreementRecord",
    "ArticleRecord",
    "ContradictionRecord",
    "EventRecord",
    "LinkRecord",
    "PlaceRecord",
    "QuantityRecord",
    "Record",
    "Records",
    "ReportRecord",
    "StoryRecord",
    "TimelineRecord",
    "TriggerRecord",
]
