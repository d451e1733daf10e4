"""Agreements as objects: ceasefires, truces, pauses, memoranda, protocols, with their dates, parties, mediators,
zone, terms, status and what superseded or extended what.

They come from three places, each object saying which (``origin``):

- ``known``: the agreement rows of truceline/data/known_dates.yaml (its date and cues; its parties, signing place
  and zone read from its one-line description by the per-report stages' own dictionaries);
- ``user``: the files named by ``agreements:`` in truceline.yaml (schema in `load_user_file`);
- ``corpus``: a mention in a report that names none of the known ones and is specific enough to be one (it has a
  date, a name, or the sentence announces it: truceline/link/resolve.py).

The status follows from the events linked to the agreement (resolve.py): collapsed, superseded (a later truce for
the same zone and parties came into force), extended (a later protocol to it, or its sides agreed to extend it),
violated (a violation or an accusation of one), in force (its day of effect has passed), proposed (founded by a call
for it, "the UN called for a humanitarian pause", and neither made nor begun since), else announced. The history
keeps its latest changes (resolve.HISTORY) with their dates and the events behind them; every linked event stays in
link_agreement_events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from truceline.errors import ConfigError
from truceline.store.link import LinkTables

KINDS = ("ceasefire", "truce", "pause", "memorandum", "protocol", "agreement")
TRUCE_KINDS = ("ceasefire", "truce", "pause")
STATUS_ORDER = ("collapsed", "superseded", "extended", "violated", "in force", "announced", "proposed")
USER_FIELDS = {
    "id": "a short unique id",
    "name": "what it is called",
    "kind": f"one of {', '.join(KINDS)}",
    "signed": "the day it was agreed (YYYY-MM-DD)",
    "in_force": "the day it took effect",
    "parties": "ISO-3 country codes of its parties",
    "mediators": "ISO-3 codes of who brokered it",
    "zone": "the place it covers",
    "aliases": "other names reports use for it",
    "terms": "what it provides, one line each",
    "supersedes": "the id of an agreement it replaced",
}


def kind_of(text: str) -> str:
    low = text.lower()
    for kind in ("memorandum", "protocol", "pause", "truce"):
        if kind in low:
            return kind
    if "ceasefire" in low or "cease-fire" in low or "cessation of hostilities" in low:
        return "ceasefire"  # "a permanent cessation of hostilities" is the African Union's word for one
    return "agreement"


def _iso(value: object, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", text):
        raise ConfigError(f"{where}: {text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return text


def _codes(value: object, where: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) and re.match(r"^[A-Za-z]{3}$", x) for x in items):
        raise ConfigError(f"{where}: expected ISO-3 country codes (e.g. [TUR, RUS]), got {value!r}")
    return [x.upper() for x in items]


def _strings(value: object, where: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return list(items)


def load_user_file(path: Path) -> list[dict[str, Any]]:
    """A user's agreements file: a YAML list (or ``{agreements: [...]}``) of objects with the fields of
    USER_FIELDS; ``id`` and ``name`` are required, and ``signed`` or ``in_force``."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read agreements file {path}: {str(exc).splitlines()[0]}") from None
    if isinstance(raw, dict) and "agreements" in raw:
        raw = raw["agreements"]
    if not isinstance(raw, list):
        raise ConfigError(f"agreements file {path}: expected a list of agreements (fields: {', '.join(USER_FIELDS)})")
    out = []
    for i, row in enumerate(raw, start=1):
        where = f"agreements file {path}, entry {i}"
        if not isinstance(row, dict):
            raise ConfigError(f"{where}: expected a mapping with {', '.join(USER_FIELDS)}")
        unknown = sorted(set(row) - set(USER_FIELDS))
        if unknown:
            raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(USER_FIELDS)}")
        if not row.get("id") or not row.get("name"):
            raise ConfigError(f"{where}: 'id' and 'name' are required")
        kind = str(row.get("kind") or kind_of(str(row["name"])))
        if kind not in KINDS:
            raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        signed, in_force = _iso(row.get("signed"), where), _iso(row.get("in_force"), where)
        if signed is None and in_force is None:
            raise ConfigError(f"{where}: give 'signed' or 'in_force' (YYYY-MM-DD)")
        out.append(
            new_agreement(
                f"U-{row['id']}",
                "user",
                str(row["name"]),
                kind,
                signed or in_force,
                in_force,
                str(row["zone"]) if row.get("zone") else None,
                parties=_codes(row.get("parties"), where),
                mediators=_codes(row.get("mediators"), where),
                names=_names_of(str(row["name"]), _strings(row.get("aliases"), where)),
                terms=[{"text": t} for t in _strings(row.get("terms"), where)],
                source=str(path),
                supersedes=f"U-{row['supersedes']}" if row.get("supersedes") else None,
                zone_country=_country_of(str(row["zone"])) if row.get("zone") else None,
            )
        )
    return out


def _country_of(zone: str) -> str | None:
    """The country of a place named in words ("Goma", "North Kivu"), by the places stage's own dictionaries."""
    from truceline.stages.places import find_places

    places = find_places(zone, focus=[], ner=[])
    return next((p.country for p in places if p.country), None)


def _names_of(name: str, aliases: Iterable[str] = ()) -> list[str]:
    """The words a report may call an agreement by: the capitalised words of its name and aliases."""
    found: list[str] = []
    for text in (name, *aliases):
        for word in re.findall(r"\b[A-Z][A-Za-z-]+", text):
            low = word.lower()
            if low not in found and low not in ("the", "a", "an") and kind_of(low) == "agreement":
                found.append(low)
    return found


def new_agreement(
    agreement_id: str,
    origin: str,
    name: str,
    kind: str,
    signed: str | None,
    in_force: str | None,
    zone: str | None,
    *,
    parties: Sequence[str] = (),
    mediators: Sequence[str] = (),
    names: Sequence[str] = (),
    terms: Sequence[Mapping[str, Any]] = (),
    source: str | None = None,
    supersedes: str | None = None,
    zone_country: str | None = None,
) -> dict[str, Any]:
    return {
        "id": agreement_id,
        "seq": 0,
        "origin": origin,
        "name": name,
        "kind": kind,
        "signed": signed,
        "in_force": in_force,
        "zone": zone,
        "status": "announced",
        "data": {
            "parties": list(parties),
            "mediators": list(mediators),
            "names": list(names),
            "terms": list(terms),
            "source": source,
            "supersedes": supersedes,
            "superseded_by": None,
            "extends": None,
            "extended_by": None,
            "zone_country": zone_country,
            "history": [],
        },
    }


def known_agreements() -> list[dict[str, Any]]:
    """The agreement rows of truceline/data/known_dates.yaml as objects."""
    from truceline.actors import ActorDictionary
    from truceline.stages.places import find_places
    from truceline.timex.known import known_dates

    actors = ActorDictionary.load()
    out = []
    for row in known_dates():
        if row.kind != "agreement":
            continue
        names = [c for c in row.cues[0] if " " not in c and kind_of(c) == "agreement" and c.isalpha()]
        places = find_places(row.what, focus=[], ner=[])
        verb = re.search(r"\b(agreed|signed|took effect|declared)\b", row.what)
        cut = verb.start() if verb else len(row.what)
        parties = [p.country for p in places if p.feature == "country" and p.country and p.start < cut]
        # and the states of the people or bodies who made it ("Erdogan and Putin agreed"), in office that day
        found = actors.find(row.what[:cut], when=row.date)
        parties += [m.country for a in found for m in (a.members or (a,)) if m.country]
        signing = [p for p in places if p.feature != "country" and p.name and p.name.lower() in names]
        zone = next((p for p in places if p.feature != "country" and p not in signing), None)
        if zone is None:  # "de-escalation zones in Syria": a country that is not a party
            zone = next((p for p in places if p.feature == "country" and p.country not in parties), None)
        label = " ".join(w for w in row.id.split("-") if not w.isdigit())
        out.append(
            new_agreement(
                f"K-{row.id}",
                "known",
                label[:1].upper() + label[1:],
                kind_of(row.id),
                row.date.isoformat(),
                None,
                zone.name if zone else None,
                parties=sorted(set(parties)),
                names=names,
                source=f"truceline/data/known_dates.yaml: {row.what} ({row.source})",
                zone_country=zone.country if zone else None,
            )
        )
    return out


def seed(tables: LinkTables, user_files: Sequence[Path] = ()) -> int:
    """Store the known and the user's agreements not stored yet; returns how many were added."""
    from truceline.timex.known import known_dates

    users = [a for path in user_files for a in load_user_file(path)]
    known_ids = [f"K-{r.id}" for r in known_dates() if r.kind == "agreement"]
    if all(tables.agreement(i) is not None for i in known_ids + [a["id"] for a in users]):
        return 0  # the common case: seeded on an earlier run; nothing to parse
    wanted = [*known_agreements(), *users]
    added = 0
    for agreement in wanted:
        if tables.agreement(agreement["id"]) is None:
            agreement["seq"] = next_seq(tables)
            tables.save_agreement(agreement)
            added += 1
    return added


def next_seq(tables: LinkTables) -> int:
    seq = tables.state("agreement_seq") + 1
    tables.set_state("agreement_seq", seq)
    return seq


def status_of(agreement: Mapping[str, Any], relations: Iterable[str], today: str | None) -> str:
    """The agreement's status from the relations of its linked events and its own dates (see the module doc)."""
    data = agreement["data"]
    seen = set(relations)
    if "collapse" in seen or data.get("fate") == "collapse":
        return "collapsed"  # an act ended it, or a report tells that it collapsed
    if data.get("superseded_by"):
        return "superseded"
    if data.get("extended_by") or "extension" in seen:
        return "extended"  # a later protocol extends it, or its sides agreed to extend it ("extend their truce")
    if seen & {"violation", "accusation"}:
        return "violated"
    start = agreement.get("in_force") or agreement.get("signed")
    # a truce a report says took effect on its own day is in force that day; one only signed, from the day after
    began = agreement.get("in_force") and today and str(agreement["in_force"])[:10] <= today
    if "in force" in seen or "observance" in seen or began or (start and today and str(start) < today):
        return "in force"
    if data.get("proposed") and not start and "announcement" not in seen:
        return "proposed"  # asked for, and no report has told it made or begun
    return "announced"
