"""Which language a document is in, and which pipeline config reads it (`configs/languages.jsonl`).

A record's `meta.lang` decides; without one, the text's script does: mostly Cyrillic letters is
Russian, unless the letters of another Cyrillic language (Kazakh's ә ғ қ ң ө ұ ү һ і) are a visible
share of them; anything else is English. A language with no `config` has no pipeline yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from components.lexicon import read_jsonl

LANGUAGES_FILE = Path(__file__).resolve().parents[1] / "configs" / "languages.jsonl"
SAMPLE_CHARS = 20_000  # the script is read from the start of a text
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
DEFAULT = "en"


@dataclass(frozen=True)
class LanguageRow:
    """One row of `languages.jsonl`."""

    lang: str
    script: str
    config: str | None = None  # the pipeline config file of `configs/`; None: not supported yet
    letters: str = ""  # letters that mark the language among the texts of its script
    min_share: float = 0.0  # the share of the script's letters they must reach


@cache
def languages() -> tuple[LanguageRow, ...]:
    """The rows of `configs/languages.jsonl`, in order."""
    return tuple(LanguageRow(**{key: value for key, value in row.items() if key != "note"}) for row in read_jsonl(LANGUAGES_FILE))


def language_row(lang: str) -> LanguageRow | None:
    """The row of a language code, if it is listed."""
    return next((row for row in languages() if row.lang == lang), None)


def config_name(lang: str) -> str:
    """The pipeline config file of a supported language; ValueError for one that has none."""
    row = language_row(lang)
    if row is None or row.config is None:
        raise ValueError(f"no pipeline for language {lang!r}")
    return row.config


def supported(lang: str) -> bool:
    """Whether a language has a pipeline."""
    row = language_row(lang)
    return row is not None and row.config is not None


def detect_language(text: str) -> str:
    """The language of a text from its script: the marked language of the script whose letters dominate, else
    the script's plain language (the first row of the script with no marking letters)."""
    sample = text[:SAMPLE_CHARS]
    cyrillic = len(CYRILLIC.findall(sample))
    if not cyrillic or cyrillic <= len(LATIN.findall(sample)):  # the Latin letters are counted only where they may lose
        return DEFAULT
    rows = [row for row in languages() if row.script == "cyrillic"]
    for row in rows:
        if row.letters and sum(sample.count(letter) for letter in row.letters) >= max(1, row.min_share * cyrillic):
            return row.lang
    return next(row.lang for row in rows if not row.letters)


def document_language(text: str, meta: dict[str, Any] | None = None) -> str:
    """A document's language: `meta.lang` where given (lower-cased), else `detect_language`."""
    given = (meta or {}).get("lang")
    return given.strip().lower() if isinstance(given, str) and given.strip() else detect_language(text)
