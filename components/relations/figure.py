"""A figure being linked, with what the rules found for it."""
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span

from .. import schema


@dataclass
class Figure:
    """A figure being linked: its span, its dict from `doc._.figures`, and what was found."""

    span: Span
    data: schema.Figure
    indicator: Span | None = None
    period: Span | None = None
    region: Span | None = None
    equals: "Figure | None" = None
    base: "Span | Figure | None" = None
    kind: str = "level"
    direction: str | None = None
    new_level: bool = False  # stated after `to` (`rose sixfold to $3.7bn`): the level reached, never a change
    sentence: str = ""

    @cached_property
    def ref(self) -> schema.SpanRef:
        """The figure as a relation end (its offsets and label, those of its span), one dict shared by its relations."""
        return {"start": self.data["start"], "end": self.data["end"], "label": self.data["label"]}
