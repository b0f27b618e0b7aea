"""Russian REGION and ORG phrase patterns: each name of `lexicons/ru/` in every case form (pymorphy3).

Russian inflects the names the pipeline looks for ("Казахстан", "в Казахстане", "Карагандинской области"), so
each hand-kept name (and each country's Russian name from pycountry's `iso3166-1` translations) becomes a
phrase pattern per case form. The leading words of a name up to its first noun inflect together (an adjective
agrees with its noun: "Национальный банк" -> "Национальному банку"); the words after it are a complement and stay
as written ("Бюро национальной статистики", "Министерство экологии" -> "министерства экологии"). A word the
dictionary does not know as an adjective, such as the name of a new oblast ("Улытауская"), inflects like the
known adjective with its ending.
"""
from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from components.lexicon import read_jsonl
from components.normal_forms import morph

from .gazetteer import slugify

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
INFLECTING = frozenset({"NOUN", "ADJF", "PRTF"})
MODEL_ADJECTIVES = ("морская", "морской", "морское", "морские")  # inflect an unknown adjective of the same ending
MODEL_NOUN = "завод"  # inflect an unknown capitalised noun ending in a hard consonant (`Нацстатком`) like a masculine one
HARD_CONSONANTS = frozenset("бвдзклмнпрстфх")
ADJECTIVE_ENDINGS = ("ская", "ский", "ское", "ские")


def nominative_parse(word: str) -> Any | None:
    """The word's parse as a nominative noun or adjective, if it has one."""
    for parse in morph().parse(word.lower()):
        if parse.tag.POS in INFLECTING and parse.tag.case == "nomn":
            return parse
    return None


def word_forms(word: str, agree: frozenset[str] = frozenset()) -> dict[str, str] | None:
    """The word in each case (an adjective in the number, gender and animacy `agree` of its noun), or None if it does not
    inflect. A hyphenated adjective inflects by its ending (`Джалал-Абадская`), which the dictionary may split wrongly."""
    parse = None if "-" in word and word.lower().endswith(ADJECTIVE_ENDINGS) else nominative_parse(word)
    if parse is None:
        return model_adjective_forms(word) or model_noun_forms(word)
    forms = {}
    for case in CASES:
        wanted = {case} | ({g for g in agree if g not in ("anim", "inan") or case == "accs"} if parse.tag.POS != "NOUN" else set())
        inflected = parse.inflect(wanted) or parse.inflect({case})
        forms[case] = inflected.word if inflected else word.lower()
    return forms


def model_adjective_forms(word: str) -> dict[str, str] | None:
    """Case forms of an adjective the dictionary lacks, from the known adjective with its ending (-ская, -ский, ...)."""
    lower = word.lower()
    for ending, model in zip(ADJECTIVE_ENDINGS, MODEL_ADJECTIVES):
        if lower.endswith(ending):
            stem, model_stem = lower[: -len(ending)], model[: -len(ending)]
            forms = word_forms(model)
            return {case: stem + form[len(model_stem) :] for case, form in forms.items()} if forms else None
    return None


def model_noun_forms(word: str) -> dict[str, str] | None:
    """Case forms of a capitalised noun the dictionary lacks that ends in a hard consonant (`Нацстатком` ->
    `Нацстаткома`), from a known masculine noun; None for any other word and for abbreviations."""
    if not word[:1].isupper() or word.isupper() or word[-1:].lower() not in HARD_CONSONANTS:
        return None  # not an abbreviation (`НБК`, `ЕБРР`): those do not inflect
    forms = word_forms(MODEL_NOUN)
    return {case: word.lower() + form[len(MODEL_NOUN) :] for case, form in forms.items()} if forms else None


def match_case(form: str, written: str) -> str:
    """A lower-case form written with the capitals of the name (`Казахстана` from `Казахстан`)."""
    if written.isupper() and len(written) > 1:
        return form.upper()
    parts, pieces = written.split("-"), form.split("-")
    if len(parts) != len(pieces):
        return form.capitalize() if written[:1].isupper() else form
    return "-".join(piece.capitalize() if part[:1].isupper() else piece for part, piece in zip(parts, pieces))


def case_forms(name: str) -> list[str]:
    """A name in each case: its leading words up to the first noun inflect (agreeing in number), the rest stay."""
    words = name.split(" ")
    head = next((index for index, word in enumerate(words) if (parse := nominative_parse(word)) and parse.tag.POS == "NOUN"), None)
    lead = words if head is None else words[: head + 1]
    noun = nominative_parse(words[head]).tag if head is not None else None
    agree = frozenset(str(g) for g in (noun.number, noun.gender if noun.number == "sing" else None, noun.animacy) if g) if noun else frozenset()
    table = [word_forms(word, agree) for word in lead]
    if any(forms is None for forms in table):
        table = [forms for forms in table if forms is not None]
        if not table or len(lead) > 1:
            return [name]
    names = {name}
    for case in CASES:
        inflected = [match_case(forms[case], word) for forms, word in zip(table, lead)]
        names.add(" ".join([*inflected, *words[len(lead) :]]))
    return sorted(names)


@cache
def russian_country_names() -> tuple[tuple[str, str], ...]:
    """(Russian name, alpha-2 code) of every country pycountry's `iso3166-1` catalogue translates into Russian."""
    translations = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    pairs = []
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            russian = translations.gettext(english)
            if russian != english:
                pairs.append((russian, country.alpha_2))
    return tuple(sorted(set(pairs)))


def phrase_rows(label: str, source: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Phrase patterns of each entry's names (`name` and `variants`), every case form; `inflect: false` keeps them as
    written, and `case: exact` matches them only with their capitals (a token pattern of the words, split at spaces)."""
    rows = {}
    for entry in entries:
        slug = entry.get("id") or slugify(entry["name"])
        for surface in dict.fromkeys([entry["name"], *entry.get("variants", ())]):
            for form in case_forms(surface) if entry.get("inflect", True) else [surface]:
                pattern: str | list[dict[str, str]] = [{"ORTH": word} for word in form.split(" ")] if entry.get("case") == "exact" else form
                row = {"id": f"{label.lower()}/{source}/{slug}", "label": label, "pattern": pattern, "kb_id": entry.get("country", "")}
                rows.setdefault((form, label), row)
    return sorted(rows.values(), key=lambda row: (row["id"], str(row["pattern"])))


def russian_region_patterns(lexicon_dir: Path) -> list[dict[str, Any]]:
    """REGION phrase patterns: the curated Russian places of `lexicons/ru/regions.jsonl` first, then pycountry's
    Russian country names that they do not already give."""
    curated = read_jsonl(lexicon_dir / "ru" / "regions.jsonl")
    rows = phrase_rows("REGION", "ru-curated", curated)
    taken = {row["pattern"] for row in rows}
    countries = [{"name": name, "id": code.lower(), "country": code} for name, code in russian_country_names()]
    rows += [row for row in phrase_rows("REGION", "ru-pycountry", countries) if row["pattern"] not in taken]
    return rows


def russian_organisation_patterns(lexicon_dir: Path) -> list[dict[str, Any]]:
    """ORG phrase patterns of `lexicons/ru/organisations.jsonl`, every case form."""
    return phrase_rows("ORG", "ru-curated", read_jsonl(lexicon_dir / "ru" / "organisations.jsonl"))
