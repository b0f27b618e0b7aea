"""Running the pipeline over documents: Docs that carry their id and meta."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .reading import Document


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenized Doc with `doc._.doc_id` and `doc._.meta` set, ready for the components."""
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.meta = document.meta
    return doc


def annotate(nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    """Process documents with `nlp.pipe`; the components see each Doc's id and meta (its date resolves periods)."""
    docs = (make_doc(nlp, document) for document in documents)
    yield from nlp.pipe(docs, batch_size=batch_size, n_process=n_process)
