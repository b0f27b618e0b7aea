"""`patterns build`: regenerate the lexicon- and gazetteer-derived pattern files, deterministically.

Writes `patterns/figures.jsonl` (from the figure lexicon: `lexicons/*.jsonl` plus the entries
`patterns train` learned in `lexicons/learned/`), `patterns/regions.jsonl` and
`patterns/organisations.jsonl` (from the gazetteer and the curated lexicons), one pattern file
per grammar file (`grammar/indicators.jsonl` and `grammar/periods.jsonl`, expanded with the
lexicons), and the derived lexicon `lexicons/country_currencies.jsonl` (each country's currency, from the gazetteer). Hand-kept
files (`org_shapes.jsonl`) and learned ones (`learned.jsonl`, `learned_concepts.jsonl`,
`lexicons/learned/`) are never touched. `stale_files` says which generated files differ from what
would be written (`patterns build --check`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

import spacy

from components.lexicon import FigureLexicon
from components.tokenizer import create_language_tokenizer, create_tokenizer

from ..files import replace_atomically
from ..loading import CONFIG_DIR
from .concepts import grammar_patterns
from .figures import figure_patterns
from .gazetteer import (
    country_currencies,
    is_english_word,
    organisation_patterns,
    region_patterns,
)
from .russian import russian_organisation_patterns, russian_region_patterns

LEARNED_LEXICON_DIR = "learned"
"""Sub-folder of `lexicons/` with the lexicon entries `patterns train` learned (read as extra entries)."""
GRAMMAR_DIR = "grammar"
"""Folder of a config folder with the INDICATOR and PERIOD grammar: each file gives the pattern file of its name."""


def pattern_tokenizer(lang: str = "en", extra_words: str | None = None) -> Callable[[str], list[str]]:
    """Tokenize a surface as the pipeline's tokenizer of a language does (token texts)."""
    tokenizer = (create_language_tokenizer(extra_words) if extra_words else create_tokenizer())(spacy.blank(lang))
    return lambda text: [token.text for token in tokenizer(text)]


def read_figure_lexicon(config_dir: Path | str = CONFIG_DIR, lang: str | None = None) -> FigureLexicon:
    """The figure lexicon of a config folder: `lexicons/*.jsonl` plus the learned entries of `lexicons/learned/`, and for
    another language than English its own entries (`lexicons/<lang>/`)."""
    lexicon_dir = Path(config_dir) / "lexicons"
    return FigureLexicon.from_dir(lexicon_dir, [lexicon_dir / LEARNED_LEXICON_DIR, *([lexicon_dir / lang] if lang else [])])


def jsonl_line(row: dict[str, Any]) -> str:
    """One row as a line of a generated file: sorted keys, non-ASCII kept."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"


def write_jsonl_atomic(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows as sorted-key JSONL, whole or not at all (`replace_atomically`); returns the count."""
    lines = [jsonl_line(row) for row in rows]
    replace_atomically(path, lambda temporary: temporary.write_text("".join(lines), encoding="utf-8"))
    return len(lines)


def generators(config_dir: Path) -> dict[str, Callable[[], list[dict[str, Any]]]]:
    """Each generated file of a config folder (a path under `patterns/`) and what makes its rows."""
    lexicon_dir = config_dir / "lexicons"
    tokenize = pattern_tokenizer()
    files: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "figures.jsonl": lambda: figure_patterns(read_figure_lexicon(config_dir), tokenize, is_english_word),
        "regions.jsonl": lambda: region_patterns(lexicon_dir),
        "organisations.jsonl": lambda: organisation_patterns(lexicon_dir),
    }
    for grammar in sorted((config_dir / GRAMMAR_DIR).glob("*.jsonl")):
        files[grammar.name] = lambda grammar=grammar: grammar_patterns(grammar, lexicon_dir)
    files["../lexicons/country_currencies.jsonl"] = country_currencies
    if (lexicon_dir / "ru").is_dir():
        files.update(russian_generators(config_dir))
    return files


def russian_generators(config_dir: Path) -> dict[str, Callable[[], list[dict[str, Any]]]]:
    """The generated files of the Russian pipeline (under `patterns/ru/`): figures from the shared and the Russian
    lexicons, places and organisations from `lexicons/ru/` (`pipeline.patterns.russian`), and the Russian grammar."""
    tokenize = pattern_tokenizer("ru", "ru/tokenizer.jsonl")
    files: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "ru/figures.jsonl": lambda: figure_patterns(read_figure_lexicon(config_dir, "ru"), tokenize, is_english_word),
        "ru/regions.jsonl": lambda: russian_region_patterns(config_dir / "lexicons"),
        "ru/organisations.jsonl": lambda: russian_organisation_patterns(config_dir / "lexicons"),
    }
    for grammar in sorted((config_dir / GRAMMAR_DIR / "ru").glob("*.jsonl")):
        files[f"ru/{grammar.name}"] = lambda grammar=grammar: grammar_patterns(grammar, config_dir / "lexicons" / "ru")
    return files


def build_patterns(config_dir: Path | str = CONFIG_DIR, only: Collection[str] | None = None) -> dict[str, int]:
    """Regenerate the derived pattern files of a config folder; returns patterns written per file.

    `only` restricts the files regenerated (e.g. `("figures.jsonl",)` after learning a currency word).
    """
    config_dir = Path(config_dir)
    files = generators(config_dir)
    unknown = set(only or ()) - set(files)
    if unknown:
        raise ValueError(f"not a generated pattern file: {', '.join(sorted(unknown))}")
    counts = {}
    for name, generate in files.items():
        if only is None or name in only:
            counts[name] = write_jsonl_atomic((config_dir / "patterns" / name).resolve(), generate())
    return counts


def stale_files(config_dir: Path | str = CONFIG_DIR) -> list[Path]:
    """The generated files of a config folder whose text differs from what `build_patterns` would write (or that are missing)."""
    config_dir = Path(config_dir)
    stale = []
    for name, generate in generators(config_dir).items():
        path = (config_dir / "patterns" / name).resolve()
        expected = "".join(jsonl_line(row) for row in generate())
        if not path.is_file() or path.read_text(encoding="utf-8") != expected:
            stale.append(path)
    return stale
