"""The relation component (`econ_figure_relations`); see `component.py`."""
from .component import FigureRelations, linked_spans_key, make_figure_relations

__all__ = ["FigureRelations", "linked_spans_key", "make_figure_relations"]
