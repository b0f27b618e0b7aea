"""econ-facts: read economic news into tables of figures, places and organisations.

    import pipeline
    nlp = pipeline.load()
    docs = list(nlp.pipe(texts))
    tables = pipeline.to_frames(docs)   # {"entities": DataFrame, ...}
    pipeline.show_entities(docs[0])     # and show_relations, convert_currency, plot_indicator (pipeline/notebook/viz.py)
"""
from .loading import load
from .notebook.viz import convert_currency, plot_indicator, show_entities, show_relations
from .run.export import to_frames

__all__ = ["convert_currency", "load", "plot_indicator", "show_entities", "show_relations", "to_frames"]
