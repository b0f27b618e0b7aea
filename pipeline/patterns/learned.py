"""Learned patterns and lexicon entries: their ids, where a loaded pipeline keeps them, and how they read.

Shared by `patterns train` (`training`) and `patterns list` (`listing`).
"""
from __future__ import annotations

import json
from typing import Any

from spacy.language import Language

from components.entity_ruler import EconEntityRuler
from components.lexicon_pipe import LexiconPipe

from .gazetteer import slugify

LEARNED_PREFIX = "learned/"


class TrainingError(Exception):
    """A problem with the config folder that stops training before anything is written."""


def learned_id(label: str, surface: str, source: str, record_id: str) -> str:
    """`learned/<LABEL>/<slug>@<file name>#<record id>`."""
    slug = slugify(surface) or "-".join(f"u{ord(char):04x}" for char in surface if not char.isspace())
    return f"{LEARNED_PREFIX}{label}/{slug}@{source}#{record_id}"


def rulers(nlp: Language) -> dict[str, EconEntityRuler]:
    """The pipeline's rulers by pipe name."""
    return {name: pipe for name, pipe in nlp.pipeline if isinstance(pipe, EconEntityRuler)}


def lexicon_tables(nlp: Language) -> dict[str, list[dict[str, Any]]]:
    """The figure lexicon tables the pipeline loaded (base plus learned)."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, LexiconPipe) and pipe.tables:
            return pipe.tables
    raise TrainingError("the pipeline has no lexicon component")


def pattern_text(pattern: str | list[dict[str, Any]]) -> str:
    """A readable form of a phrase or token pattern (`fish catch`, `[LOWER IN (…)] …`)."""
    if isinstance(pattern, str):
        return pattern
    words = []
    for token in pattern:
        value = next(iter(token.values())) if token else "*"
        words.append(value if isinstance(value, str) else json.dumps(token, ensure_ascii=False))
    return " ".join(words)


def describe_entry(table: str, entry: dict[str, Any]) -> str:
    """A lexicon entry in words: `currency XCW: cowries`, `scale x1e+21: zillion`, `percent unit pp x0.01: bips`."""
    if table == "currencies":
        parts = [*entry.get("words", ()), *entry.get("symbols", ())]
        parts += [f"{word} (x{row['factor']:g})" for row in entry.get("minor", ()) for word in row["words"]]
        return f"currency {entry['code']}: {', '.join(parts) or entry['code']}"
    if table == "indicator_concepts":
        return f"indicator concept {entry['concept']}: {', '.join(entry['phrases'])}"
    if table == "scales":
        return f"scale x{entry['factor']:g}: {', '.join(entry['words'])}"
    return f"percent unit {entry['unit']} x{entry['factor']:g}: {', '.join(entry['words'])}"
