"""Reading actor dictionaries (the packaged ones and the user's `--actors FILE`), with a validated schema.

A bad user file fails early with a ConfigError that names the file, the line and the allowed fields, instead of
quietly matching nothing. The schema is documented in truceline/data/actors/README.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from truceline.actors.entries import KINDS, Entry, Office, plural
from truceline.errors import ConfigError, ModelError

FIELDS: tuple[str, ...] = (
    "name",
    "kind",
    "aliases",
    "country",
    "sector",
    "code",
    "title",
    "offices",
    "role",
    "start",
    "end",
    "demonyms",
    "capital",
    "about",
    "based_in",
    "side",
    "alone",
    "group",
)
OFFICE_FIELDS: tuple[str, ...] = ("role", "sector", "start", "end", "country", "code")
_ISO3 = re.compile(r"[A-Z]{3}\Z")
_LINE = "__line__"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping, so errors can point at it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def packaged_sectors() -> dict[str, str]:
    """The sector codes table (code -> meaning) shipped in truceline/data/actors/sectors.yaml."""
    data = yaml.safe_load(_packaged_text("sectors.yaml"))
    return {str(k): str(v) for k, v in data.items()}


def _packaged_text(name: str) -> str:
    try:
        return (DATA_DIR / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"packaged actor dictionary {name!r} is missing; reinstall truceline") from exc


PACKAGED_YAML: tuple[str, ...] = (
    "agents.yaml",
    "peoples.yaml",
    "organisations.yaml",
    "groups.yaml",
    "leaders.yaml",
    "people.yaml",
)


def packaged_entries(sectors: dict[str, str]) -> list[Entry]:
    """Every entry of the packaged dictionaries, countries first so named actors can override them."""
    return list(_packaged_entries(tuple(sorted(sectors.items()))))


@cache
def _packaged_entries(sectors: tuple[tuple[str, str], ...]) -> tuple[Entry, ...]:
    entries = list(_country_rows(_packaged_text("countries.csv"), "countries.csv"))
    for name in PACKAGED_YAML:
        entries.extend(_yaml_entries(_packaged_text(name), name, dict(sectors)))
    return tuple(entries)


@cache
def country_entries() -> tuple[Entry, ...]:
    """The entries of the packaged countries table alone (names, adjectives, capitals), read once."""
    return tuple(_country_rows(_packaged_text("countries.csv"), "countries.csv"))


def user_entries(path: Path, sectors: dict[str, str]) -> list[Entry]:
    """Entries of a user dictionary (YAML or CSV, chosen by suffix); ConfigError when it does not validate."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheet exports often start with a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read actor dictionary {path}: {exc}; pass a readable UTF-8 YAML or CSV file"
        ) from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return list(_yaml_entries(text, str(path), sectors))
    if suffix == ".csv":
        return list(_csv_entries(text, str(path), sectors))
    raise ConfigError(f"actor dictionary {path} must end in .yaml, .yml or .csv (got {suffix or 'no suffix'!r})")


def _yaml_entries(text: str, origin: str, sectors: dict[str, str]) -> Iterator[Entry]:
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{origin}:{mark.line + 1}" if mark is not None else origin
        raise ConfigError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)}); fix the syntax") from exc
    if data is None:
        return
    if not isinstance(data, list):
        raise ConfigError(f"{origin}: an actor dictionary is a YAML list of entries (- name: ..., kind: ...)")
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise ConfigError(f"{origin}: item {i + 1} is not a mapping; each entry needs name: and kind:")
        yield from _entries(item, f"{origin}:{item.get(_LINE, '?')}", sectors)


def _csv_entries(text: str, origin: str, sectors: dict[str, str]) -> Iterator[Entry]:
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = reader.fieldnames or []
    bad = [h for h in header if h not in FIELDS or h == "offices"]
    if bad:
        allowed = ", ".join(f for f in FIELDS if f != "offices")
        raise ConfigError(f"{origin}:1: unknown column(s) {', '.join(bad)}; allowed columns: {allowed}")
    for row in reader:
        line = _source_line(text, reader.line_num)
        item: dict[str, Any] = {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        if None in row:
            raise ConfigError(f"{origin}:{line}: more cells than columns; quote cells that contain commas")
        for key in ("aliases", "demonyms"):
            if key in item:
                item[key] = [a.strip() for a in str(item[key]).split("|") if a.strip()]
        yield from _entries(item, f"{origin}:{line}", sectors)


def _source_line(text: str, record_number: int) -> int:
    """The file line of a CSV record, counting the comment lines the reader never saw."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        seen += 1
        if seen == record_number:
            return number
    return record_number


def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"{where}: {message}; allowed fields: {', '.join(FIELDS)} (see truceline/data/actors/README.md)")


def _entries(item: dict[str, Any], where: str, sectors: dict[str, str]) -> list[Entry]:
    item = {k: v for k, v in item.items() if k != _LINE}
    unknown = [k for k in item if k not in FIELDS]
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(where, "every entry needs a non-empty name")
    kind = item.get("kind")
    if kind not in KINDS or kind in ("demonym", "capital"):
        allowed = ", ".join(k for k in KINDS if k not in ("demonym", "capital"))
        raise ConfigError(f"{where}: kind must be one of {allowed} (got {kind!r})")
    sector = _sector(item.get("sector"), where, sectors)
    country = _country(item.get("country"), where)
    forms = [name.strip(), *_strings(item.get("aliases"), "aliases", where)]
    if kind == "agent":
        forms += [plural(f) for f in forms]
    offices = _offices(item, where, sectors)
    if kind == "person" and any(item.get(k) for k in ("role", "start", "end")):
        sector = None  # a one-office shorthand: the sector is the office's, and out of office the person is ELI
    code = item.get("code")
    if kind == "country":
        country = country or (code if isinstance(code, str) and _ISO3.match(code) else None)
        if country is None:
            raise _fail(where, "a country entry needs country: (its ISO-3 code)")
        demonyms = _strings(item.get("demonyms"), "demonyms", where)
        return list(_country_entries(country, forms, demonyms, str(item.get("capital") or ""), where))
    entry = Entry(
        name=name.strip(),
        kind=str(kind),
        forms=tuple(dict.fromkeys(forms)),
        country=country,
        sector=sector,
        code=str(code) if code else None,
        title=_flag(item.get("title", False), "title", where),
        offices=offices,
        about=_country(item.get("about"), where),
        based_in=_country(item.get("based_in"), where),
        side=str(item["side"]) if item.get("side") else None,
        alone=_flag(item.get("alone", True), "alone", where),
        group=str(item["group"]) if item.get("group") else None,
        origin=where,
    )
    if kind in ("group", "org") and country:
        # "the Hamas-run health ministry", "Houthi-controlled Sanaa": what a group runs is of the group's country
        ruled = tuple(f"{form}-{way}" for way in _RUN_BY for form in entry.forms if "-" not in form)
        return [entry, Entry(name=entry.name, kind="demonym", forms=ruled, country=country, code=country, origin=where)]
    return [entry]


# the words that make "X-led coalition", "X-run ministry", "X-controlled areas" the leader's or ruler's ("X-backed"
# does not: a backer does not own what it backs)
_RUN_BY = ("led", "run", "controlled", "administered")
_SHIPS_OF = ("flagged", "owned", "registered")


def _flag(value: Any, field: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("1", "true", "yes"):
        return True
    if str(value).strip().lower() in ("0", "false", "no", ""):
        return False
    raise _fail(where, f"{field} must be true or false, got {value!r}")


def _strings(value: Any, field: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise _fail(where, f"{field} must be a list of strings")


def _sector(value: Any, where: str, sectors: dict[str, str]) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or value not in sectors:
        raise ConfigError(f"{where}: unknown sector {value!r}; allowed sectors: {', '.join(sectors)}")
    return value


def _country(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO3.match(value):
        raise _fail(where, f"country codes are three capital letters (ISO 3166-1 alpha-3), got {value!r}")
    return value


def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(where, f"dates are ISO YYYY-MM-DD, got {value!r}") from None


def _offices(item: dict[str, Any], where: str, sectors: dict[str, str]) -> tuple[Office, ...]:
    raw = item.get("offices") or []
    if item.get("role") or item.get("start") or item.get("end"):
        raw = [*raw, {k: item.get(k) for k in ("role", "start", "end", "sector")}]
    if not isinstance(raw, list):
        raise _fail(where, "offices must be a list of {role, sector, start, end, country, code}")
    offices = []
    for office in raw:
        if not isinstance(office, dict):
            raise _fail(where, "each office is a mapping {role, sector, start, end}")
        here = f"{where.rsplit(':', 1)[0]}:{office.get(_LINE, where.rsplit(':', 1)[-1])}"
        office = {k: v for k, v in office.items() if k != _LINE}
        bad = [k for k in office if k not in OFFICE_FIELDS]
        if bad:
            raise ConfigError(f"{here}: unknown office field {bad[0]!r}; allowed: {', '.join(OFFICE_FIELDS)}")
        offices.append(
            Office(
                role=str(office.get("role") or ""),
                sector=_sector(office.get("sector"), here, sectors),
                start=_date(office.get("start"), here),
                end=_date(office.get("end"), here),
                country=_country(office.get("country"), here),
                country_set="country" in office,
                code=str(office["code"]) if office.get("code") else None,
            )
        )
    offices.sort(key=lambda o: o.start or date.min)
    return tuple(offices)


def _country_rows(text: str, origin: str) -> Iterator[Entry]:
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        names = [row["name"], *[a for a in row["aliases"].split("|") if a]]
        demonyms = [d for d in row["demonyms"].split("|") if d]
        yield from _country_entries(row["iso3"], names, demonyms, row["capital"], f"{origin}:{row['iso3']}")


def _country_entries(iso3: str, names: list[str], demonyms: list[str], capital: str, where: str) -> Iterator[Entry]:
    """A country row gives up to four entries: the country, its adjective, its people, its capital."""
    yield Entry(name=names[0], kind="country", forms=tuple(dict.fromkeys(names)), country=iso3, code=iso3, origin=where)
    if demonyms:
        adjectives = [demonyms[0], *[d for d in demonyms[1:] if not d.endswith("s")]]
        # "Saudi-led coalition", "US-led forces": the leader owns the agent ("X-backed" does not: not added); a
        # "British-flagged tanker", a "Greek-owned ship": the flag state or owner is whose ship was hit or seized.
        adjectives += [f"{form}-{way}" for way in (*_RUN_BY, *_SHIPS_OF) for form in (*adjectives, *names)]
        people = [d for d in demonyms[1:] if d.endswith("s")]
        yield Entry(name=names[0], kind="demonym", forms=tuple(adjectives), country=iso3, code=iso3, origin=where)
        if people:
            yield Entry(
                name=f"{demonyms[0]} people",
                kind="demonym",
                forms=tuple(people),
                country=iso3,
                sector="CVL",
                code=f"{iso3}CVL",
                people=True,
                origin=where,
            )
    if capital:
        yield Entry(
            name=f"{demonyms[0]} government" if demonyms else f"Government of {names[0]}",  # reads well in a timeline
            kind="capital",
            forms=tuple(c.strip() for c in capital.split("|") if c.strip()),  # "Kyiv|Kiev": a spelling of before
            country=iso3,
            sector="GOV",
            code=f"{iso3}GOV",
            origin=where,
        )
