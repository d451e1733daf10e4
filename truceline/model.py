"""The one data model every stage reads and writes.

Every extracted value carries the character span it came from. Unless a docstring says otherwise, offsets
(`start`, `end`) index into the cleaned article body (`Article.body`), so a person can check any figure by
slicing the text: ``article.body[ref.start:ref.end] == ref.text``.

All classes are frozen, slotted dataclasses; stages build new ones instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century", "unknown"]
Stance = Literal["asserted", "claimed", "denied", "planned", "threatened", "negated"]

STANCES: tuple[str, ...] = ("asserted", "claimed", "denied", "planned", "threatened", "negated")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One report as read from disk or stdin, before cleaning.

    `id` is a content hash, so re-ingesting the same report is a no-op. `kind` says how `content` is to be
    read: "text" (plain text as scraped), "html" (a whole page).
    """

    id: str
    kind: Literal["text", "html"]
    content: str
    origin: str  # path (and line number for JSONL) it was read from
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given by metadata, unparsed
    source: str | None = None  # outlet name


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line the cleaner removed from the body, kept so users can see what was dropped and why."""

    text: str
    reason: str  # e.g. "chrome:comments", "repeated-title", "cookie-notice"


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption or credit, kept apart from the body (its dates still count as evidence)."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The parts of a report the cleaner separates. `body` is the text all offsets index into."""

    title: str | None
    body: str
    standfirst: str | None = None
    captions: tuple[Caption, ...] = ()
    bylines: tuple[str, ...] = ()
    dateline: str | None = None
    dropped_lines: tuple[DroppedLine, ...] = ()
    html_date: str | None = None  # a publication date read from HTML metadata, if any (ISO)
    html_date_why: str | None = None  # where html_date came from when not htmldate's own pick


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date: a day, or an honest interval [earliest, latest] with the reasoning behind it."""

    value: str | None  # ISO date when known to the day, else the interval's TIMEX3-style value ("2019-06")
    earliest: date | None
    latest: date | None
    precision: Precision
    evidence: tuple[str, ...] = ()  # human-readable chain, most trusted first
    # Calibrated probability that the true publication day lies in [earliest, latest] (truceline.learn.confidence);
    # None when not scored yet or when nothing dates the report.
    confidence: float | None = None
    # When the text leaves several periods and nothing in it chooses ("Feb 3" of either year a story spans), each of
    # them, first to last: [earliest, latest] is their span. Empty when it leaves one.
    periods: tuple[tuple[date, date], ...] = ()

    @property
    def anchor(self) -> date | None:
        """The date relative expressions are resolved against: the day itself, else the interval's end."""
        return self.latest if self.latest is not None else self.earliest


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression found in the body, normalised TIMEX3-style, with the interval it denotes."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3 value: 2019-06-13, 2019-W24, 2019-04, 2011, PRESENT_REF, P1W, ...
    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "unknown"
    modifier: str | None = None  # since, until, early, mid, late, approx, before, after
    anchored: bool = False  # True when resolved against the publication date (relative expression)
    confidence: float | None = None  # calibrated probability that `value` is right (truceline.learn.confidence)


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of a political actor, mapped to a canonical name, ISO-3 country and sector when known.

    `members` is non-empty for compound actors ("Turkey and Russia"); each member is an Actor itself.
    Unknown actors keep their text and NER label with name/country/sector left None.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, REB, IGO, NGO, CVL, MED, ...
    code: str | None = None  # CAMEO-style code, e.g. TURGOV
    ner: str | None = None  # spaCy label when the actor is unknown to our dictionaries
    members: tuple[Actor, ...] = ()
    # Calibrated probability that the country/code is right for the role the actor has in its event (actor,
    # recipient, claimant); None for a mention not scored (truceline.learn.confidence).
    confidence: float | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "start_char": self.start,
            "end_char": self.end,
        }
        if self.code:
            out["code"] = self.code
        if self.ner:
            out["ner"] = self.ner
        if self.members:
            out["members"] = [m.as_json() for m in self.members]
        out["confidence"] = self.confidence
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A place name in the body, resolved to the gazetteer when possible.

    `precision` follows ACLED's geo_precision spirit: 1 exact town, 2 near a town / part of a region,
    3 region (province, governorate), 4 country. Unresolved places keep their text with `resolved=False`
    and, when the report names it, their enclosing `region`.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # city, village, admin1, country, crossing, road, zone, district, ...
    admin1: str | None = None  # name of the province/governorate
    region: str | None = None  # enclosing region named in the report, for unresolved places
    precision: int = 1
    resolved: bool = True
    source: str | None = None  # which gazetteer row resolved it ("geonames", "curated:<id>")
    cue: str | None = None  # word introducing it ("in", "near", "east of") or "based"/"possessive"; for event_place
    confidence: float | None = None  # calibrated probability that it lies within 161 km of the place meant

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "admin1": self.admin1,
            "precision": self.precision,
            "resolved": self.resolved,
            "start_char": self.start,
            "end_char": self.end,
            "confidence": self.confidence,
        }


QuantityKind = Literal["killed", "injured", "missing", "displaced", "detained", "refugees"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "some", "less_than"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A casualty or displacement figure: "more than 360 civilians killed"."""

    start: int
    end: int
    text: str
    kind: QuantityKind
    value: int  # the number as stated (the lower bound for ranges)
    qualifier: Qualifier = "exact"
    high: int | None = None  # upper bound when a range is given
    who: str | None = None  # "civilians", "Turkish soldiers", "fighters"
    who_country: str | None = None  # ISO-3 when the figure concerns one country's people
    since: str | None = None  # period start, TIMEX3: "XXXX-04" (since late April), "2011-03", "XXXX-01-12"
    cumulative: bool = False  # True for war-long or period totals rather than one incident
    according_to: str | None = None  # the source the figure is attributed to: "the UN", "Russia's defence ministry"
    confidence: float | None = None  # calibrated probability that it is the incident's toll of its kind


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, where and when, and who says so.

    `sentence_start`/`sentence_end` give the evidence sentence in the body. `links` point at other events of
    the same article by their index in the article's event list: ("alleges", i) from an ACCUSE to the event it
    alleges, ("denies", i) from a denial to the claim it denies, ("retaliates", i) and so on.
    """

    article_id: str
    index: int  # position within the article's events; with article_id forms the id
    type: str  # PLOVER type
    mode: str | None
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger: Trigger
    actor: Actor | None = None
    recipient: Actor | None = None
    place: Place | None = None
    time: TimeRef | None = None  # the expression governing the clause, if any
    date: str | None = None  # ISO date or TIMEX3-style value
    # day, month, ...; since / until / before / after when the date bounds the act ("killed 105 since April 28");
    # "reported by" when the clause names no time and the report's date (or its publication date) stands in
    date_precision: str = "unknown"
    date_from_publication: bool = False
    killed: Quantity | None = None
    injured: Quantity | None = None
    other_quantities: tuple[Quantity, ...] = ()
    stance: Stance = "asserted"
    claimed_by: Actor | None = None
    context: tuple[str, ...] = ()  # PLOVER contexts, e.g. ("ceasefire",)
    ceasefire: str | None = None  # declared, agreed, observed, violated, rejected, extended
    links: tuple[tuple[str, int], ...] = ()
    # Calibrated probabilities (truceline.learn.confidence), None until scored: `confidence` that the row is an
    # event of this type a coder would code; `date_confidence` that `date` is right (for a "reported by" date: that
    # the clause names no other time, so the report's date is the honest bound).
    confidence: float | None = None
    date_confidence: float | None = None
    # the event classifier's probability for `type` (truceline.learn.events); None when no model was consulted
    type_probability: float | None = None

    @property
    def id(self) -> str:
        return f"{self.article_id}-e{self.index}"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned report with its publication date: what `truceline articles` shows."""

    id: str
    origin: str
    title: str | None
    url: str | None
    source: str | None
    published: PubDate
    cleaned: CleanedText

    @property
    def body(self) -> str:
        return self.cleaned.body


@dataclass(slots=True)
class Analysis:
    """Everything the per-article stages found in one article (what the store writes in one transaction)."""

    article: Article
    times: list[TimeRef] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
