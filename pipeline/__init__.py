"""econ-facts: read economic news into tables of figures, places and organisations.

    import pipeline
    nlp = pipeline.load()
    docs = list(nlp.pipe(texts))
    tables = pipeline.to_frames(docs)   # {"entities": DataFrame, ...}
"""
from .export import to_frames
from .loading import load

__all__ = ["load", "to_frames"]
