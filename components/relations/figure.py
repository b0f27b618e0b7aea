"""A figure being linked, with what the rules found for it."""
from dataclasses import dataclass, field

from spacy.tokens import Span

from .. import schema


@dataclass(slots=True)
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
    ref: schema.SpanRef = field(init=False)  # the figure as a relation end, one dict shared by its relations

    def __post_init__(self) -> None:
        self.ref = {"start": self.data["start"], "end": self.data["end"], "label": self.data["label"]}  # its span's offsets and label
