"""Score predicted annotation records against gold, as the "Scoring" section of
shared/spec/annotations.md says: the matching and counting of `components/scoring.py`, with
the false positives, false negatives and value errors listed."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from components.schema import RELATION_LABELS, SPAN_LABELS
from components.scoring import RelationKey, SpanKey, Tally, prf, value_matches, valued_pairs

MAX_VALUE_ERRORS = 50
MAX_ERRORS = 200  # false positives and false negatives kept per kind


def annotated_labels(records: Iterable[dict]) -> set[str] | None:
    """Union of meta.annotated_labels if every record has it, else None."""
    union: set[str] = set()
    seen_any = False
    for record in records:
        meta = record.get("meta")
        labels = meta.get("annotated_labels") if isinstance(meta, dict) else None
        if labels is None:
            return None
        union.update(labels)
        seen_any = True
    return union if seen_any else None


class _Tally(Tally):
    """Per-label tp/fp/fn counts plus capped lists of fp and fn examples."""

    def __init__(self, order: tuple[str, ...]) -> None:
        super().__init__()
        self.order = order
        self.errors: dict[str, list[dict]] = {"fp": [], "fn": []}

    def error(self, kind: str, example: dict) -> None:
        if len(self.errors[kind]) < MAX_ERRORS:
            self.errors[kind].append(example)

    def summary(self) -> dict:
        rank = {label: i for i, label in enumerate(self.order)}
        names = sorted(self.counts, key=lambda label: (rank.get(label, len(rank)), label))
        return {
            "labels": {name: prf(self.counts[name]) for name in names},
            "micro": self.micro(),
            "errors": self.errors,
        }


def _by_id(records: Iterable[dict], what: str) -> dict[str, dict]:
    by_id: dict[str, dict] = {}
    for record in records:
        record_id = str(record["id"])
        if record_id in by_id:
            raise ValueError(f"duplicate {what} id {record_id!r}")
        by_id[record_id] = record
    return by_id


def _kept(items: list[dict], allowed: frozenset[str] | None) -> list[dict]:
    return [item for item in items if allowed is None or item["label"] in allowed]


def _span_key(span: dict) -> SpanKey:
    return span["start"], span["end"], span["label"]


def _relation_key(relation: dict) -> RelationKey:
    head, child = relation["head_span"], relation["child_span"]
    return relation["label"], head["start"], head["end"], child["start"], child["end"]


def _span_example(record_id: str, text: str, span: dict) -> dict:
    start, end = span["start"], span["end"]
    return {"id": record_id, "label": span["label"], "start": start, "end": end, "text": text[start:end]}


def _relation_example(record_id: str, text: str, relation: dict) -> dict:
    def part(span: dict) -> dict:
        return {"start": span["start"], "end": span["end"], "text": text[span["start"]:span["end"]]}

    return {
        "id": record_id,
        "label": relation["label"],
        "head": part(relation["head_span"]),
        "child": part(relation["child_span"]),
    }


def _score_spans(
    record_id: str, text: str, gold: list[dict], pred: list[dict], tally: _Tally, values: dict
) -> None:
    matches, unmatched = tally.add_spans([_span_key(span) for span in gold], [_span_key(span) for span in pred])
    for span, match in zip(pred, matches):
        if match is None:
            tally.error("fp", _span_example(record_id, text, span))
    for gold_span, span in valued_pairs(gold, pred, matches):
        values["matched"] += 1
        if value_matches(gold_span, span):
            values["correct"] += 1
        elif len(values["errors"]) < MAX_VALUE_ERRORS:
            values["errors"].append({
                "id": record_id,
                "start": span["start"],
                "end": span["end"],
                "text": text[span["start"]:span["end"]],
                "gold_value": gold_span["value"],
                "gold_unit": gold_span.get("unit"),
                "pred_value": span.get("value"),
                "pred_unit": span.get("unit"),
            })
    for index in unmatched:
        tally.error("fn", _span_example(record_id, text, gold[index]))


def _score_relations(
    record_id: str, text: str, gold: list[dict], pred: list[dict], tally: _Tally
) -> None:
    matches, unmatched = tally.add_relations([_relation_key(r) for r in gold], [_relation_key(r) for r in pred])
    for relation, match in zip(pred, matches):
        if match is None:
            tally.error("fp", _relation_example(record_id, text, relation))
    for index in unmatched:
        tally.error("fn", _relation_example(record_id, text, gold[index]))


def score(
    gold: Iterable[dict],
    pred: Iterable[dict],
    labels: Collection[str] | None = None,
    relation_labels: Collection[str] | None = None,
) -> dict[str, Any]:
    """Score predictions against gold, pairing records by "id".

    `labels` restricts the span labels scored, `relation_labels` the relation labels.
    Gold records without a prediction count as all false negatives ("missing");
    predictions whose id is not in gold are ignored ("unexpected").
    Raises ValueError on duplicate ids or when a pair's texts differ.
    """
    span_labels = frozenset(labels) if labels is not None else None
    rel_labels = frozenset(relation_labels) if relation_labels is not None else None
    gold_by_id, pred_by_id = _by_id(gold, "gold"), _by_id(pred, "predicted")
    spans, relations = _Tally(SPAN_LABELS), _Tally(RELATION_LABELS)
    values: dict[str, Any] = {"matched": 0, "correct": 0, "errors": []}
    for record_id, gold_record in gold_by_id.items():
        text = gold_record["text"]
        pred_record = pred_by_id.get(record_id, {})
        if pred_record and pred_record.get("text") != text:
            raise ValueError(f"record {record_id!r}: predicted text differs from gold text")
        _score_spans(
            record_id,
            text,
            _kept(gold_record.get("spans", []), span_labels),
            _kept(pred_record.get("spans", []), span_labels),
            spans,
            values,
        )
        _score_relations(
            record_id,
            text,
            _kept(gold_record.get("relations", []), rel_labels),
            _kept(pred_record.get("relations", []), rel_labels),
            relations,
        )
    values["accuracy"] = values["correct"] / values["matched"] if values["matched"] else None
    return {
        "documents": len(gold_by_id),
        "missing": [record_id for record_id in gold_by_id if record_id not in pred_by_id],
        "unexpected": [record_id for record_id in pred_by_id if record_id not in gold_by_id],
        "spans": spans.summary(),
        "values": values,
        "relations": relations.summary(),
    }


def format_report(report: dict) -> str:
    """Render a score() report as a plain-text table."""
    values = report["values"]
    accuracy = "n/a" if values["accuracy"] is None else f"{values['accuracy']:.3f}"
    return "\n".join([
        f"Documents: {report['documents']} (without prediction: {len(report['missing'])},"
        f" unexpected predictions: {len(report['unexpected'])})",
        "",
        *_table("Spans", report["spans"]),
        "",
        f"Values: accuracy {accuracy} (n={values['matched']})",
        "",
        *_table("Relations", report["relations"]),
    ])


def _table(title: str, block: dict) -> list[str]:
    width = max(len(title), len("micro"), *map(len, block["labels"]))
    rows = [f"{title:<{width}}  {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for name, s in [*block["labels"].items(), ("micro", block["micro"])]:
        rows.append(
            f"{name:<{width}}  {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}"
            f"  {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}"
        )
    return rows
