"""Documents to Outcomes: the pipeline on a batch, as plain data that any engine can move between processes."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from components.relations import linked_spans_key

from .annotate import CHUNK_CHARS, annotate
from .export import doc_to_record, table_rows
from .reading import Document, Rejected, content_hash

log = logging.getLogger(__name__)

PROCESSED = "processed"
PIPELINE_ERROR = "failed: pipeline error"


@dataclass
class Outcome:
    """What became of one input document: its docs-table row, and once processed its annotation record and table rows."""

    doc: dict[str, Any]
    record: dict[str, Any] | None = None
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def outcome_class(status: str) -> str:
    """`processed`, `skipped` (statuses `empty`, `skipped: …`) or `failed` (`failed: …`)."""
    if status == PROCESSED:
        return "processed"
    return "failed" if status.startswith("failed") else "skipped"


def one_line(text: str, limit: int = 300) -> str:
    """A message on one line of at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def doc_row(item: Document | Rejected, version: str, status: str = PROCESSED, error: str | None = None) -> dict[str, Any]:
    """The docs-table row of an input (see `export.DOC_COLUMNS`); a Rejected brings its own status and error."""
    if isinstance(item, Rejected):
        source, facts = item.source, {"status": item.status, "error": item.error, "html": None, "normalised": None, "chars": None, "content_hash": None}
    else:
        source = item.source or item.meta.get("source")
        facts = {
            "status": status, "error": error, "html": item.html, "normalised": item.normalised, "chars": len(item.text), "content_hash": content_hash(item.text)
        }
    return {"doc_id": item.id, "source": source, "encoding": item.encoding, **facts, "version": version}


def process_documents(
    nlp: Language,
    documents: list[Document],
    version: str,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    tokens: bool = False,
) -> list[Outcome]:
    """Annotate documents: one Outcome each, in order, `processed` or `failed: pipeline error`; with `tokens`, the
    annotation records carry Prodigy tokens.

    When the batch fails, its documents are redone one at a time, so only the ones at fault fail.
    Plain data in and out: an engine can run this on its workers.
    """
    docs = annotate(nlp, documents, batch_size=batch_size, n_process=n_process, chunk_chars=chunk_chars)
    concepts_key = linked_spans_key(nlp)
    try:
        return [outcome_of(document, doc, version, concepts_key, tokens=tokens) for document, doc in zip(documents, docs)]  # one Doc alive at a time
    except Exception:  # any error: find the documents at fault
        log.debug("a batch failed; processing its documents one at a time", exc_info=True)
        return [process_document(nlp, document, version, chunk_chars=chunk_chars, tokens=tokens) for document in documents]


def process_document(nlp: Language, document: Document, version: str, *, chunk_chars: int = CHUNK_CHARS, tokens: bool = False) -> Outcome:
    """One document through the pipeline: `processed`, or `failed: pipeline error`."""
    try:
        (doc,) = annotate(nlp, [document], chunk_chars=chunk_chars)
    except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
        return failed(document, version, error, "the pipeline failed")
    return outcome_of(document, doc, version, linked_spans_key(nlp), tokens=tokens)


def outcome_of(document: Document, doc: Doc, version: str, concepts_key: str, *, tokens: bool = False) -> Outcome:
    """The processed Outcome of a document from its Doc (`concepts_key`: see `doc_to_record`), or `failed: pipeline
    error` if it cannot be exported."""
    try:
        record, rows = doc_to_record(doc, concepts_key, tokens=tokens), table_rows(doc)
    except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
        return failed(document, version, error, "exporting failed")
    try:
        json.dumps([record, rows], allow_nan=False)  # what the output files can hold
    except (TypeError, ValueError) as error:
        return failed(document, version, error, "the results cannot be written as JSON")
    return Outcome(doc_row(document, version), record, rows)


def failed(document: Document, version: str, error: Exception, what: str) -> Outcome:
    """A `failed: pipeline error` Outcome whose error says what failed and why (with --debug, the traceback is logged)."""
    log.debug("%s: %s", document.source or document.id, what, exc_info=error)
    return Outcome(doc_row(document, version, PIPELINE_ERROR, one_line(f"{what}: {type(error).__name__}: {error}")))
