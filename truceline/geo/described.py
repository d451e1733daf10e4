"""Places a report names by a description rather than a name: "talks in the Turkish capital" were held in Ankara.

News names a capital by its country's adjective more often than by its name once the name has been used ("the
Syrian capital", "the Kazakh capital"); the gazetteer knows both the adjective (its demonyms) and each country's
capital, so the description resolves as surely as the name would.
"""

from __future__ import annotations

from functools import cache

from truceline.geo import gazetteer
from truceline.geo.resolve import PRECISION
from truceline.model import Place

NEAR = frozenset({"near", "outside", "around"})  # "near the Syrian capital": near a town, ACLED's precision 2


def capital_described(adjective: str, start: int, end: int, text: str, cue: str | None) -> Place | None:
    """The capital of the country whose adjective is `adjective` ("Turkish"), as a place spanning `text` (the
    description) at start..end of the report; None when the adjective names no country with a known capital."""
    gaz = gazetteer.get()
    iso2 = gaz.demonyms.get(adjective.casefold()) or country_adjectives().get(adjective.casefold())
    e = _capitals().get(iso2 or "")
    if e is None:
        return None
    gid = gaz.geonameid[e]
    return Place(
        start=start,
        end=end,
        text=text,
        name=gaz.name[e],
        country=gaz.iso3.get(gaz.country[e]),
        lat=gaz.lat[e],
        lon=gaz.lon[e],
        geonameid=gid if gid > 0 else None,
        feature="capital",
        admin1=gaz.admin1[e] or None,
        precision=2 if cue in NEAR else PRECISION.get(gaz.kind[e], 1),
        source="geonames" if gaz.source[e] == "geonames" else gaz.source[e],
        cue=cue,
    )


@cache
def _capitals() -> dict[str, int]:
    """ISO-2 -> the gazetteer entry of that country's capital (the most populous, should a country list two)."""
    gaz = gazetteer.get()
    out: dict[str, int] = {}
    for e in sorted(gaz.capitals, key=lambda e: -gaz.population[e]):
        out.setdefault(gaz.country[e], e)
    return out


@cache
def country_adjectives() -> dict[str, str]:
    """Country adjective, folded -> ISO-2, from the packaged countries table of the actor dictionaries, which knows
    every country's adjective ("Haitian"); the gazetteer's own demonym list holds only the commonest."""
    from truceline.actors.loading import country_entries

    gaz = gazetteer.get()
    iso2_of = {iso3: iso2 for iso2, iso3 in gaz.iso3.items()}
    out: dict[str, str] = {}
    for entry in country_entries():
        iso2 = iso2_of.get(entry.country or "")
        if entry.kind == "demonym" and iso2:
            for form in entry.forms:
                out.setdefault(form.casefold(), iso2)
    return out
