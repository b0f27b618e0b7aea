"""The normalised nominative form of an indicator or a place, so that case forms of one name are one key.

Russian inflects the names the facts table keeps as written (`Карагандинской области`, `объема
промышленного производства`); their normal form puts the words up to the head noun in the
nominative, adjectives agreeing with the head (`Карагандинская область`, `объем промышленного
производства`), and keeps a complement after the head as written. A place written as an adjective
before its generic noun (`Карагандинской` + `области`) takes that noun along. Capitals and the
written е/ё stay as written. An English text is its own normal form.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span

NOUN, ADJECTIVES = "NOUN", frozenset({"ADJF", "PRTF"})
NORMAL_CACHE_SIZE = 20_000  # distinct phrases (and words) remembered


@cache
def morph() -> Any:
    """The pymorphy3 analyser, loaded on the first Russian phrase."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def normal_form(span: Span | None, text: str | None = None, lang: str | None = None) -> str | None:
    """The normal form of a fact's indicator or region span (`text`: its text as written, else the span's; `lang`: its
    doc's language, else read from the doc)."""
    if span is None:
        return None
    written = text if text is not None else span.text
    if (lang or span.doc.lang_) != "ru":
        return written
    words = written.split()
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.is_alpha and following.is_lower and is_adjective(words[-1]) and is_noun(following.text):
        words.append(following.text)  # `Карагандинской` + `области`
    return nominative_phrase(tuple(words))


@lru_cache(maxsize=NORMAL_CACHE_SIZE)
def part_of_speech(word: str) -> Any:
    """The most likely pymorphy3 parse of a word (remembered: the same words recur)."""
    return morph().parse(word.lower())[0]


def dictionary_form(word: str) -> str:
    """A word's most likely dictionary form, with е for ё, whatever its case or spelling (`объёма`, `объема` -> `объем`;
    `ставку` -> `ставка`): a key for phrases that name one thing in any form."""
    return part_of_speech(word).normal_form.replace("ё", "е")


def is_adjective(word: str) -> bool:
    return part_of_speech(word).tag.POS in ADJECTIVES


def is_noun(word: str) -> bool:
    return part_of_speech(word).tag.POS == NOUN


@lru_cache(maxsize=NORMAL_CACHE_SIZE)
def nominative_phrase(words: tuple[str, ...]) -> str:
    """The words up to the first noun in the nominative, adjectives agreeing with it in number and gender; the
    words after it as written. A phrase with no noun puts each adjective in the nominative singular."""
    parses = [part_of_speech(word) for word in words]
    head = next((index for index, parse in enumerate(parses) if parse.tag.POS == NOUN), None)
    number = parses[head].tag.number if head is not None else "sing"
    gender = parses[head].tag.gender if head is not None else None
    lead = len(words) if head is None else head + 1
    out = []
    for index, (word, parse) in enumerate(zip(words, parses)):
        if index < lead and (parse.tag.POS == NOUN or parse.tag.POS in ADJECTIVES):
            wanted = {"nomn", number or "sing"} | ({gender} if gender and number != "plur" and parse.tag.POS != NOUN else set())
            inflected = parse.inflect(wanted) or parse.inflect({"nomn"})
            out.append(as_written(inflected.word, word) if inflected else word)
        else:
            out.append(word)
    return " ".join(out)


def as_written(form: str, written: str) -> str:
    """A lower-case form with the written word's capitals, part by part of a hyphenated word, and its е for ё
    (`Карагандинская`, `Восточно-Казахстанская`, `объем`)."""
    if "ё" not in written.lower():
        form = form.replace("ё", "е")
    if written.isupper() and len(written) > 1:
        return form.upper()
    parts, pieces = written.split("-"), form.split("-")
    if len(parts) != len(pieces):
        return form[:1].upper() + form[1:] if written[:1].isupper() else form
    return "-".join(piece[:1].upper() + piece[1:] if part[:1].isupper() else piece for part, piece in zip(parts, pieces))
