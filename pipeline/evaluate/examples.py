"""spaCy `Example`s of gold annotation records, so that `nlp.evaluate` scores the pipeline as `pipeline evaluate` does.

The predicted side of an Example is a Doc of the record's text as `annotate` makes it, with its id and meta (whose
date resolves periods). The reference side holds the gold where the pipes write theirs: the MONEY, PERCENT, REGION
and ORG spans in `doc.ents`, the INDICATOR and PERIOD spans in each span group a pipe writes (its `spans_key`), the
figures with their values in `doc._.figures` and the relations in `doc._.relations`. It is tokenized as the
prediction is, cut at every gold offset inside a token, so that every gold span is one.

`nlp.evaluate(gold_examples(nlp, records), scorer_cfg={"labels": labels})` scores only those span labels, as
`pipeline evaluate` does with a file's `meta.annotated_labels`. Unlike `annotate`, `nlp.evaluate` processes a text
over `CHUNK_CHARS` whole.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from components.schema import CONCEPT_LABELS, ENTITY_LABELS, FIGURE_LABELS, Relation, SpanRef

from ..run.annotate import make_doc
from .evaluation import documents_of


def gold_examples(nlp: Language, records: list[dict[str, Any]]) -> list[Example]:
    """One Example per gold record (see the module docstring)."""
    span_keys = span_group_keys(nlp)
    return [
        Example(make_doc(nlp, document), reference_doc(nlp, record, span_keys))
        for document, record in zip(documents_of(records), records)
    ]


def span_group_keys(nlp: Language) -> list[str]:
    """The keys of the span groups the pipes write (their `spans_key`): where the reference keeps the gold INDICATOR
    and PERIOD spans."""
    return sorted({key for _, pipe in nlp.pipeline if (key := getattr(pipe, "spans_key", None))})


def reference_doc(nlp: Language, record: dict[str, Any], span_keys: Iterable[str]) -> Doc:
    """The gold of one record as a Doc (see the module docstring)."""
    spans = record.get("spans", [])
    doc = cut_at(nlp.make_doc(record["text"]), {offset for span in spans for offset in (span["start"], span["end"])})

    def gold_spans(labels: tuple[str, ...]) -> list[Any]:
        return [doc.char_span(span["start"], span["end"], label=span["label"]) for span in spans if span["label"] in labels]

    doc.ents = gold_spans(ENTITY_LABELS)
    for key in span_keys:
        doc.spans[key] = gold_spans(CONCEPT_LABELS)
    doc._.figures = [
        {"start": span["start"], "end": span["end"], "label": span["label"], "value": span.get("value"), "unit": span.get("unit")}
        for span in spans
        if span["label"] in FIGURE_LABELS
    ]
    doc._.relations = [
        Relation(head=span_ref(relation["head_span"]), child=span_ref(relation["child_span"]), label=relation["label"])
        for relation in record.get("relations", [])
    ]
    return doc


def span_ref(span: dict[str, Any]) -> SpanRef:
    """A gold relation end as a relation end of `doc._.relations`."""
    return SpanRef(start=span["start"], end=span["end"], label=span.get("label"))


def cut_at(doc: Doc, offsets: set[int]) -> Doc:
    """The Doc, or a Doc of its tokens cut at each offset that falls inside one."""
    ordered = sorted(offsets)
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc:
        start = token.idx
        cuts = ordered[bisect.bisect_right(ordered, start) : bisect.bisect_left(ordered, start + len(token))]
        bounds = [0, *(cut - start for cut in cuts), len(token)]
        words += [token.text[first:last] for first, last in zip(bounds, bounds[1:])]
        spaces += [False] * len(cuts) + [bool(token.whitespace_)]
    return doc if len(words) == len(doc) else Doc(doc.vocab, words=words, spaces=spaces)
