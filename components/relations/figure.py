"""A figure being linked, with what the rules found for it."""
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span


@dataclass
class Figure:
    """A figure being linked: its span, its dict from `doc._.figures`, and what was found."""

    span: Span
    data: dict[str, Any]
    indicator: Span | None = None
    period: Span | None = None
    region: Span | None = None
    equals: "Figure | None" = None
    base: "Span | Figure | None" = None
    kind: str = "level"
    direction: str | None = None
    sentence: str = ""
