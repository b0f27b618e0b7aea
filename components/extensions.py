"""The custom attributes this project puts on Doc and Span, registered in one place.

Values stored on a Doc are plain (str, float, dict, list) so that DocBin and
`nlp.pipe(n_process=N)` carry them. Span attributes are module-level getters over
`doc._.figures`, never stored Span objects.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = ("doc_id", "meta", "figures", "relations", "facts")


def figure_of(span: Span) -> dict[str, Any] | None:
    """The figure dict (see `doc._.figures`) whose offsets equal the span's, if any."""
    for figure in span.doc._.figures or ():
        if figure["start"] == span.start_char and figure["end"] == span.end_char:
            return figure
    return None


def value_of(span: Span) -> float | None:
    """The span's normalised value (scale applied), or None."""
    figure = figure_of(span)
    return None if figure is None else figure["value"]


def unit_of(span: Span) -> str | None:
    """The span's unit: an ISO 4217 code, `%`, `pp` or `x`; or None."""
    figure = figure_of(span)
    return None if figure is None else figure["unit"]


def register_extensions() -> None:
    """Register the extensions once (safe to call repeatedly)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, getter in (("figure", figure_of), ("value", value_of), ("unit", unit_of)):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)
