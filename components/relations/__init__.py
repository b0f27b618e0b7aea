"""The relation component (`figure_relations`); see `component.py`."""
from .component import FigureRelations, make_figure_relations

__all__ = ["FigureRelations", "make_figure_relations"]
