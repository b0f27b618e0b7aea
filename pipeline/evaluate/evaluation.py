"""Scoring the pipeline against gold annotation files (rules: `pipeline.evaluate.scoring`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from components.relations import linked_spans_key

from ..run.annotate import annotate
from ..run.annotation_file import read_annotations
from ..run.export import doc_to_record
from ..run.reading import Document
from .scoring import annotated_labels, score


def documents_of(records: list[dict[str, Any]]) -> list[Document]:
    """The documents (id, text, meta) of annotation records."""
    return [Document(id=record["id"], text=record["text"], meta=dict(record.get("meta") or {})) for record in records]


def predict_records(nlp: Language, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pipeline's annotation records for the texts of gold records (same ids)."""
    concepts_key = linked_spans_key(nlp)
    return [doc_to_record(doc, concepts_key) for doc in annotate(nlp, documents_of(gold))]


def evaluate_file(nlp: Language, path: Path, *, all_labels: bool = False) -> dict[str, Any]:
    """Score the pipeline on one gold file.

    Files whose records all declare `meta.annotated_labels` (the benchmarks) are scored on
    those span labels only, unless `all_labels`.
    """
    gold = read_annotations(path)
    labels = None if all_labels else annotated_labels(gold)
    report = score(gold, predict_records(nlp, gold), labels=labels)
    report["file"] = str(path)
    report["labels_scored"] = sorted(labels) if labels else "all"
    return report
