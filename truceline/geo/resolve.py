"""Toponym resolution: pick one gazetteer entry per mention from the report's focus, hierarchy and neighbours.

Score = log10(population) + kind prior (a country beats a namesake village) + focus bonus (countries the report
is about: passed in, mentioned, named by demonyms) + proximity to the places that are unambiguous in the same report
+ what the pattern said ("X province" wants a region, "the town of X" a settlement). Fuzzy (consonant-skeleton)
matches are only looked up inside the focus countries: global fuzzy matching pins villages on the wrong continent.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from truceline.geo.cues import cue, dateline_spans
from truceline.geo.evidence import require_evidence
from truceline.geo.gazetteer import Gazetteer
from truceline.geo.normalise import skeleton
from truceline.geo.recognise import STRONG_KINDS, Found, Mention
from truceline.model import Place

PRECISION = {
    "country": 4,
    "continent": 4,
    "region": 4,
    "sea": 4,
    "admin1": 3,
    "district": 2,
    "zone": 2,
    "road": 2,
    "river": 2,
}
KIND_PRIOR = {"country": 4.0, "continent": 2.0, "admin1": 0.5}
CURATED_POPULATION = 5000  # curated rows have no population; treat them as a small town
UNKNOWN_POPULATION = 500  # GeoNames' 0 means unknown; cities500 only lists places of 500 or more
NEARBY_KM = ((100.0, 1.0), (300.0, 0.5))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class _Context:
    """What the whole report says about where it is: focus weights, anchors, names used as regions."""

    def __init__(self, found: Found, gaz: Gazetteer, focus_iso3: Sequence[str]) -> None:
        to_iso2 = {v: k for k, v in gaz.iso3.items()}
        self.given = list(dict.fromkeys(to_iso2[c] for c in focus_iso3 if c in to_iso2))  # the story's first
        self.focus: Counter[str] = Counter({c: 2 for c in self.given})
        # Where the text first names each country (see main_country); a country only passed in ranks after every
        # one the text names, in the caller's order.
        self.first_at: dict[str, tuple[float, int]] = {c: (math.inf, rank) for rank, c in enumerate(self.given)}
        self.regions: set[str] = set()  # admin1 regions the report names ("Idlib province", "Florida")
        for iso2, start in found.demonyms:
            self._count(iso2, start)
        self.region_keys: set[str] = set()
        # Regions the text names beyond doubt ("Wash.", "Idlib province"): a bare "Washington" may then be the state.
        self.named_regions: set[str] = set()
        self.anchors: dict[tuple[int, int], set[tuple[float, float]]] = {}  # 1-degree cell -> distinct points
        for m in found.mentions:
            if m.country_hint:
                self._count(m.country_hint, m.start)
            if m.hint == "region":
                self.region_keys.add(m.key)
            if not m.entries:
                continue
            top = m.entries[0]
            if gaz.kind[top] == "country":
                self._count(gaz.country[top], m.start)
            elif len({gaz.country[e] for e in m.entries}) == 1 and _trusted(m, top, gaz):
                self._count(gaz.country[top], m.start)
                lat, lon = gaz.lat[top], gaz.lon[top]
                self.anchors.setdefault((math.floor(lat), math.floor(lon)), set()).add((lat, lon))
            if m.hint == "region" or gaz.kind[top] == "admin1":
                region = next((e for e in m.entries if gaz.kind[e] == "admin1"), None)
                if region is not None:
                    self.regions.add(gaz.name[region])
                    if m.hint == "region" or all(gaz.kind[e] == "admin1" for e in m.entries):
                        self.named_regions.add(gaz.name[region])
                    self._count(gaz.country[region], m.start)

        self.top = max(self.focus.values(), default=0)

    def _count(self, iso2: str, start: int) -> None:
        self.focus[iso2] += 1
        self.first_at[iso2] = min(self.first_at.get(iso2, (math.inf, 0)), (start, 0))

    def main_country(self) -> str | None:
        """The ISO-2 code the report is most about. A tie goes to the country the text names first (a report sets
        its scene in its first lines), then to the caller's order; never to the order of a set."""
        if not self.focus:
            return None
        return min(self.focus, key=lambda c: (-self.focus[c], self.first_at[c]))

    def focus_bonus(self, iso2: str) -> float:
        """Up to 2 for the country the report is most about, in proportion for the others; +1 if passed in."""
        weight = self.focus.get(iso2, 0)
        return (2.0 * weight / self.top if self.top else 0.0) + (1.0 if iso2 in self.given else 0.0)

    def proximity(self, lat: float, lon: float) -> float:
        best = 0.0
        cell_lat, cell_lon = math.floor(lat), math.floor(lon)
        # Only the neighbouring cells can hold an anchor within 300 km: a bounded look-up, however long the text.
        nearby = (
            point
            for dlat in range(-3, 4)
            for dlon in range(-4, 5)
            for point in self.anchors.get((cell_lat + dlat, cell_lon + dlon), ())
        )
        for alat, alon in nearby:
            d = distance_km(lat, lon, alat, alon)
            if d < 1.0:
                continue  # the anchor is this very place
            for limit, bonus in NEARBY_KM:
                if d <= limit:
                    best = max(best, bonus)
                    break
        return best


def _trusted(m: Mention, e: int, gaz: Gazetteer) -> bool:
    """Only names that are hard to mistake set the report's focus: a lone hamlet could be a misread word."""
    return m.forced or m.locative or gaz.population[e] >= 15000 or not gaz.source[e].startswith("geonames")


def _candidates(m: Mention, gaz: Gazetteer, ctx: _Context) -> list[tuple[int, float]]:
    out = [(e, 0.0) for e in m.entries]
    in_focus = [c for c, w in ctx.focus.items() if w >= 2]
    if in_focus and not any(gaz.country[e] in in_focus for e in m.entries) and len(m.key) >= 4:
        seen = set(m.entries)
        fuzzy = (e for cc in in_focus for e in gaz.fuzzy(cc, skeleton(m.key)))
        out += [
            (e, -0.5) for e in fuzzy if e not in seen and _spelled_alike(m.key, e, gaz) and _fuzzy_fits(e, gaz, ctx)
        ]
    return out


# How alike two spellings of one name are at least (difflib's ratio of their keys): transliterations of one name
# differ in a vowel or two ("Saraqeb" / "Saraqib" 0.86, "Khan Shaykhun" / "Khan Sheikhoun" 0.82, "Idleb" / "Idlib"
# 0.80); names that only share their consonants do not ("Balyun", a Syrian village, / Belen, a Turkish town across the
# border, 0.55)
SPELLED_ALIKE = 0.7


def _spelled_alike(key: str, e: int, gaz: Gazetteer) -> bool:
    return SequenceMatcher(None, key, gaz.primary_key[e]).ratio() >= SPELLED_ALIKE


def _fuzzy_fits(e: int, gaz: Gazetteer, ctx: _Context) -> bool:
    """A spelling match only (no name of the gazetteer's) is believable in the country the report is most about,
    or near a place it names beyond doubt: not a town 5,000 km away in another country the report only mentions
    ("Nairab" near Idlib read as Nyurba in Siberia because the report names Russia twice)."""
    if not ctx.anchors or gaz.country[e] == ctx.main_country():
        return True
    return ctx.proximity(gaz.lat[e], gaz.lon[e]) > 0.0


def _score(e: int, m: Mention, gaz: Gazetteer, ctx: _Context, container: str | None = None) -> float:
    """How well entry `e` fits mention `m`. `container`: the region of the place written just before, with a comma
    ("Tacoma, Washington", "Atlanta, Georgia"): a region of that name is what the second name means."""
    kind = gaz.kind[e]
    population = gaz.population[e] or (
        CURATED_POPULATION if gaz.source[e].startswith("curated") else UNKNOWN_POPULATION
    )
    score = math.log10(population + 1) + KIND_PRIOR.get(kind, 0.0) + ctx.focus_bonus(gaz.country[e])
    if gaz.primary_key[e] == m.key:
        score += 1.0  # its main name, not one of many alternates ("London" is also a Dutch hamlet's alias)
    if kind not in STRONG_KINDS:
        # Near another place of the report, or inside a region it names: either is evidence, not both.
        in_region = 1.0 if gaz.admin1[e] and gaz.admin1[e] in ctx.regions else 0.0
        score += max(ctx.proximity(gaz.lat[e], gaz.lon[e]), in_region)
    if m.hint == "region":
        score += 5.0 if kind == "admin1" else 0.0
    elif m.hint == "settlement":
        score -= 5.0 if kind in STRONG_KINDS else 0.0
    elif kind == "admin1":
        # A bare "Idlib" is the city unless the report also calls it "Idlib province" (or names it beyond doubt
        # elsewhere, "Wash."), or the name closes "Town, Region".
        if container is not None and gaz.name[e] == container:
            score += 5.0
        else:
            score += 1.0 if m.key in ctx.region_keys or gaz.name[e] in ctx.named_regions else -2.0
    return score


def _place(m: Mention, e: int, gaz: Gazetteer, cue_word: str | None) -> Place:
    kind = gaz.kind[e]
    gid = gaz.geonameid[e]
    return Place(
        start=m.start,
        end=m.end,
        text=m.text,
        name=gaz.name[e],
        country=gaz.iso3.get(gaz.country[e]) if gaz.country[e] else None,
        lat=gaz.lat[e],
        lon=gaz.lon[e],
        geonameid=gid if gid > 0 else None,
        feature="capital" if e in gaz.capitals else kind,
        admin1=gaz.admin1[e] or None,
        precision=PRECISION.get(kind, 1),
        source="geonames" if gaz.source[e] == "geonames" else gaz.source[e],
        cue=cue_word,
    )


def resolve(found: Found, gaz: Gazetteer, text: str, focus_iso3: Sequence[str] = ()) -> list[Place]:
    to_iso2 = {v: k for k, v in gaz.iso3.items()}
    require_evidence(text, found, gaz, [to_iso2[c] for c in focus_iso3 if c in to_iso2])
    ctx = _Context(found, gaz, focus_iso3)
    places: list[Place] = []
    hosted: list[int] = []  # facilities waiting for the report's main town
    size: dict[int, int] = {}  # population of each resolved place, by position
    datelines = dateline_spans(text)
    for m in found.mentions:
        on_dateline = any(a <= m.start and m.end <= b for a, b in datelines)
        cue_word = "dateline" if on_dateline else cue(text, m.start, m.end, gaz.context)
        last = places[-1] if places else None
        container = last.admin1 if last is not None and last.resolved and text[last.end : m.start] == ", " else None
        candidates = _candidates(m, gaz, ctx)
        if m.country_hint and m.hint == "settlement":
            # "the Syrian town of X", "the village of X in northern Burkina Faso": the text says whose it is
            candidates = [(e, p) for e, p in candidates if gaz.country[e] == m.country_hint]
        scored = [(_score(e, m, gaz, ctx, container) + penalty, e) for e, penalty in candidates]
        if scored:
            best = _best(scored)
            if _dubious(m, best, gaz, ctx):
                continue
            places.append(_place(m, best, gaz, cue_word))
            size[len(places) - 1] = gaz.population[best]
        elif m.inner and (inner := _inner_place(m, gaz, ctx)) is not None:
            within = _place(m, inner, gaz, cue_word)
            places.append(
                replace(within, name=m.text, feature="facility", precision=1, source=f"within:{gaz.name[inner]}")
            )
        elif m.forced:
            if m.hint == "facility":
                hosted.append(len(places))
            places.append(_unresolved(m, gaz, ctx, cue_word))
    _host(places, hosted, size, ctx.regions)
    return _fill_countries(_fill_regions(places), ctx, gaz)


def _best(scored: list[tuple[float, int]]) -> int:
    """The entry with the highest score. Equal scores go to the candidate listed first: the gazetteer lists a
    name's entries most populous first and fuzzy matches come after exact ones, so a tie falls to the better-known
    place rather than to whichever entry happens to have the larger id."""
    return max(enumerate(scored), key=lambda item: (item[1][0], -item[0]))[1][1]


def _inner_place(m: Mention, gaz: Gazetteer, ctx: _Context) -> int | None:
    """The town inside a facility's name ("Aleppo Airport"), if it is a sure one: in the story's countries, or big."""
    best = _best([(_score(e, m, gaz, ctx), e) for e in m.inner])
    sure = ctx.focus.get(gaz.country[best], 0) > 0 or gaz.population[best] >= 100_000 or gaz.kind[best] in STRONG_KINDS
    return best if sure else None


def _host(places: list[Place], hosted: list[int], size: dict[int, int], regions: set[str]) -> None:
    """Streets and buildings with no town in their name: pin them to the report's main town (precision 2).

    The main town is scored by size, inside a region the report names, and only then by mentions: a story about
    New Orleans streets names "Franklin" and "Lafayette" often, but those are streets, not the town.
    """
    weight: dict[str, float] = {}
    first: dict[str, int] = {}
    for at, p in enumerate(places):
        if p.resolved and p.feature in ("capital", "city", "town", "village") and p.name:
            if p.name not in first:
                first[p.name] = at
                in_region = 2.0 if p.admin1 and p.admin1 in regions else 0.0
                weight[p.name] = math.log10(size.get(at, 0) + 1) + in_region
            weight[p.name] += 0.5
    if not hosted or not weight:
        return
    town = places[first[max(weight, key=lambda name: weight[name])]]
    for at in hosted:
        facility = places[at]
        places[at] = replace(
            facility,
            name=facility.text,
            country=town.country,
            lat=town.lat,
            lon=town.lon,
            admin1=town.admin1,
            feature="facility",
            precision=2,
            resolved=True,
            source=f"host:{town.name}",
        )


def _dubious(m: Mention, e: int, gaz: Gazetteer, ctx: _Context) -> bool:
    """A lone capitalised word that only names a hamlet abroad is more likely a word than a place."""
    if m.forced or m.locative or gaz.kind[e] not in ("village", "town") or gaz.source[e] != "geonames":
        return False
    if gaz.population[e] >= 1000:
        return False
    return ctx.focus.get(gaz.country[e], 0) == 0 and " " not in m.text.strip()


def _unresolved(m: Mention, gaz: Gazetteer, ctx: _Context, cue_word: str | None) -> Place:
    return Place(
        start=m.start,
        end=m.end,
        text=m.text,
        country=gaz.iso3.get(m.country_hint) if m.country_hint else None,  # else _fill_countries decides
        feature="admin1" if m.hint == "region" else None,
        region=m.region,
        precision=3 if m.hint == "region" else 2 if m.region else 1,
        resolved=False,
        cue=cue_word,
    )


def _fill_regions(places: list[Place]) -> list[Place]:
    """Unresolved places with no region named next to them take the nearest region or province of the text."""
    regions = [p for p in places if p.resolved and p.feature == "admin1"]  # in text order
    starts = [r.start for r in regions]
    out = []
    for p in places:
        if not p.resolved and p.region is None and regions:
            at = bisect.bisect_left(starts, p.start)
            near = regions[max(0, at - 1) : at + 1]
            nearest = min(near, key=lambda r: abs(r.start - p.start))
            if abs(nearest.start - p.start) < 400:
                p = replace(p, region=nearest.name, country=p.country or nearest.country)
        out.append(p)
    return out


_NOT_SCENES = frozenset(("country", "capital", "continent", "region", "sea", "river", "facility"))


def _fill_countries(places: list[Place], ctx: _Context, gaz: Gazetteer) -> list[Place]:
    """Unknown places with no country yet ("near the village of X") take the country of the report's scene: the one
    whose towns and regions it names most, ties to the first named. Countries and capitals do not count (they
    mostly stand for governments that speak), so a Turkish report on Idlib puts its unknown villages in Syria.
    Without a known town, the report's main country (focus) stands in."""
    if all(p.resolved or p.country for p in places):
        return places
    towns: Counter[str] = Counter(
        p.country for p in places if p.resolved and p.country and p.feature not in _NOT_SCENES
    )  # in text order
    scene = min(towns, key=lambda c: -towns[c]) if towns else None  # min keeps the first of equal counts
    if scene is None:
        main = ctx.main_country()
        scene = gaz.iso3.get(main) if main else None
    return [p if p.resolved or p.country else replace(p, country=scene) for p in places]
