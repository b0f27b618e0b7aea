"""Running the pipeline over documents: Docs that carry their id and meta."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .reading import Document


def annotate(nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    """Process documents with `nlp.pipe`; each Doc gets `doc._.doc_id` and `doc._.meta`."""
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        doc._.doc_id = document.id
        doc._.meta = document.meta
        yield doc
