"""Candidates that need evidence: place names that are also English words, and alternate names that are words or
abbreviations. Run before resolution, because only then are the report's countries known.

"Aid groups appealed ..." matched Anderson, USA (GeoNames lists "Aid" among its alternate names); "Reading the
statement, ..." matched Reading. A wrong pin is worse than none, so such a candidate is kept only with evidence:
a place cue or pattern ("in Split", "the town of Deal"), a candidate inside a country the report is about, or a
large place named by its main name (larger still when the word opens a sentence, or is a verb or adjective).
"""

from __future__ import annotations

from collections.abc import Iterable

from truceline.geo.gazetteer import Gazetteer
from truceline.geo.recognise import STRONG_KINDS, Found, Mention
from truceline.geo.tokens import BIG_CITY
from truceline.geo.words import WORD

MILLION = 1_000_000
SHORT = 3  # alternate names this short are abbreviations ("Aid", "NYC")
TRUSTED_POPULATION = 15_000


def report_countries(found: Found, gaz: Gazetteer, given: Iterable[str]) -> set[str]:
    """ISO-2 codes the report is about: passed in, named (countries, regions, demonyms) or holding its sure towns."""
    countries = set(given) | {iso2 for iso2, _ in found.demonyms}
    for m in found.mentions:
        if m.country_hint:
            countries.add(m.country_hint)
        if not m.entries or m.common:
            continue
        top = m.entries[0]
        sure = m.forced or m.locative or gaz.population[top] >= TRUSTED_POPULATION
        one_country = len({gaz.country[e] for e in m.entries}) == 1
        if gaz.country[top] and (gaz.kind[top] in STRONG_KINDS or (sure and one_country)):
            countries.add(gaz.country[top])
    return countries


def _evidenced(m: Mention, e: int, gaz: Gazetteer, countries: set[str], named_with: frozenset[tuple[str, str]]) -> bool:
    if gaz.kind[e] in STRONG_KINDS or not gaz.source[e].startswith("geonames"):
        return True
    if named_with:
        # "Springfield, Ill.", "Bam, Iran", "Atlanta, Georgia": the name after the comma says which country (and
        # region); when it names several (Georgia the country or the state), any of them will do.
        return any(gaz.country[e] == cc and region in ("", gaz.admin1[e]) for cc, region in named_with)
    in_focus = gaz.country[e] in countries
    population = gaz.population[e]
    if gaz.primary_key[e] != m.key:
        if not (m.common or len(m.key.replace(" ", "")) <= SHORT):
            return True
        # An alternate name that is a word ("Aid", "Christian", "Ramadan") or an abbreviation.
        return (in_focus and not m.initial) or (population >= MILLION and m.common != WORD)
    if not m.common or m.locative:
        return True  # "in Split": a place cue is evidence for a main name (never for an alternate one)
    if in_focus:
        return True
    if m.initial:
        return population >= (MILLION if m.common == WORD else BIG_CITY)
    # Capitalised inside a sentence a noun is often a name ("Cambridge"); a verb or adjective rarely ("Mobile").
    return population >= (BIG_CITY if m.common == WORD else TRUSTED_POPULATION)


def _country_part(m: Mention, gaz: Gazetteer) -> int | None:
    """'South Lebanon', 'Northern Syria': a direction word before a country's name (the entry), else None.

    Not when the whole phrase is itself the name of a country, region or continent ('Northern Ireland', 'South
    America', 'North Korea'): that name is the place, not a part of the country named by its last word."""
    words = m.text.split()
    if len(words) < 2 or "prefix" not in gaz.context.get(words[0].lower(), ()):
        return None
    if any(gaz.kind[e] in STRONG_KINDS and gaz.primary_key[e] == m.key for e in m.entries):
        return None
    tail = m.key.split(" ", 1)[1] if " " in m.key else ""
    return next((e for e in gaz.lookup(tail) if gaz.kind[e] == "country"), None)


def _named_with(text: str, m: Mention, following: Mention | None, gaz: Gazetteer) -> frozenset[tuple[str, str]]:
    """'Springfield, Ill.' or 'Bam, Iran': the (ISO-2 country, region or "") pairs a region or country named right
    after a place may stand for; empty when none is."""
    if following is None or text[m.end : following.start] != ", ":
        return frozenset()
    return frozenset(
        (gaz.country[e], gaz.name[e] if gaz.kind[e] == "admin1" else "")
        for e in following.entries
        if gaz.kind[e] in ("admin1", "country") and gaz.country[e]
    )


def require_evidence(text: str, found: Found, gaz: Gazetteer, given: Iterable[str]) -> None:
    """Drop the candidates nothing vouches for; a mention left with none (and no pattern behind it) disappears."""
    countries = report_countries(found, gaz, given)
    mentions = found.mentions
    for at, m in enumerate(mentions):
        country = _country_part(m, gaz)
        if country is not None and not any(gaz.country[e] == gaz.country[country] for e in m.entries):
            m.entries = (country,)  # "South Lebanon" is the south of Lebanon, not a town in Ohio
            continue
        if m.forced or not m.entries:
            continue  # a pattern ("the town of Deal", "Mobile County") vouches for every candidate
        named_with = _named_with(text, m, mentions[at + 1] if at + 1 < len(mentions) else None, gaz)
        m.entries = tuple(e for e in m.entries if _evidenced(m, e, gaz, countries, named_with))
    found.mentions[:] = [m for m in found.mentions if m.entries or m.forced]
