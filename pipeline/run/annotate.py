"""Running the pipeline over documents: Docs that carry their id and meta, long texts in pieces."""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..languages import document_language
from ..loading import Pipelines
from .reading import Document

CHUNK_CHARS = 10_000  # a longer text is processed in pieces of at most this many characters
CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def make_doc(nlp: Language, document: Document, text: str | None = None) -> Doc:
    """A tokenized Doc of the document's text (or a piece of it) with `doc._.doc_id` and `doc._.meta` set."""
    doc = nlp.make_doc(document.text if text is None else text)
    doc._.doc_id = document.id
    doc._.meta = document.meta
    return doc


def annotate(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1, chunk_chars: int = CHUNK_CHARS
) -> Iterator[Doc]:
    """Process documents with `nlp.pipe`, one Doc each; the components see each Doc's id and meta (its date resolves periods).

    A text longer than `chunk_chars` is processed in pieces (`annotate_pieces`), joined back into one Doc
    (`join_pieces`); no relation links two pieces. `run` never joins them: it builds a document's record and rows
    from its pieces' (`pipeline.run.processing`).
    """
    group: list[tuple[int, Doc]] = []
    for _, start, doc, last in annotate_pieces(nlp, documents, batch_size=batch_size, n_process=n_process, chunk_chars=chunk_chars):
        group.append((start, doc))
        if last:
            yield doc if len(group) == 1 else join_pieces([piece for _, piece in group], [start for start, _ in group])
            group = []


def annotate_pieces(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1, chunk_chars: int = CHUNK_CHARS
) -> Iterator[tuple[Document, int, Doc, bool]]:
    """(document, start, Doc, last) for each processed piece of each document, in order: a text longer than
    `chunk_chars` is processed in pieces (`chunk_bounds`), so memory and time stay bounded; `start` is the piece's
    offset in the text, `last` whether it is the document's last piece.

    Each run of documents in one language goes through that language's pipeline (`nlp` for its own, the others
    loaded when first needed: `Pipelines.around`).
    """
    pipelines = Pipelines.around(nlp)
    for lang, run in groupby(documents, key=language_of):
        yield from annotate_in_language(pipelines[lang], run, batch_size=batch_size, n_process=n_process, chunk_chars=chunk_chars)


def language_of(document: Document) -> str:
    """The document's language: the one reading found, else from its meta and text."""
    return document.lang or document_language(document.text, document.meta)


def annotate_in_language(
    nlp: Language, documents: Iterable[Document], *, batch_size: int, n_process: int, chunk_chars: int
) -> Iterator[tuple[Document, int, Doc, bool]]:
    """`annotate_pieces` for documents of the pipeline's language."""
    layout: deque[tuple[Document, list[int]]] = deque()  # each document read so far, with its piece starts

    def pieces() -> Iterator[Doc]:
        for document in documents:
            bounds = chunk_bounds(document.text, chunk_chars)
            layout.append((document, [start for start, _ in bounds]))
            for start, end in bounds:
                yield make_doc(nlp, document, document.text[start:end])

    starts: deque[int] = deque()
    for doc in nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process):
        if not starts:
            document, first = layout.popleft()
            starts.extend(first)
        yield document, starts.popleft(), doc, not starts


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of at most `limit` characters that make up `text`.

    A piece ends after a paragraph break where there is one, else after a line break, a sentence
    end or a space; only a run of `limit` characters with none of these is cut anywhere.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for pattern in CUTS:
            last = None
            for last in pattern.finditer(text, start, start + limit):
                pass
            if last is not None and last.end() > start:
                end = last.end()
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def join_pieces(pieces: list[Doc], starts: list[int]) -> Doc:
    """One Doc from processed pieces of a text, with the pieces' figures, relations and facts at their offsets in the whole."""
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["user_data"])
    doc._.doc_id, doc._.meta = pieces[0]._.doc_id, pieces[0]._.meta
    pairs = list(zip(starts, pieces))
    doc._.figures = [shifted(figure, start) for start, piece in pairs for figure in piece._.figures or ()]
    doc._.facts = [shifted(fact, start) for start, piece in pairs for fact in piece._.facts or ()]
    doc._.relations = [
        {**relation, "head": shifted(relation["head"], start), "child": shifted(relation["child"], start)}
        for start, piece in pairs
        for relation in piece._.relations or ()
    ]
    return doc


def shifted(item: dict[str, Any], delta: int) -> dict[str, Any]:
    """A copy of a `{start, end, ...}` dict moved `delta` characters on."""
    return {**item, "start": item["start"] + delta, "end": item["end"] + delta}
