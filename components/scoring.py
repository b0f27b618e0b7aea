"""The scoring rules of `shared/spec/annotations.md` ("Scoring"), in one place: matching and P/R/F counting.

- Spans: a predicted span is correct when its start, end and label equal a gold span's.
- Values: over the matched MONEY and PERCENT spans with a gold value, the share whose unit is equal and whose
  value is within `VALUE_TOLERANCE` (relative) of the gold value.
- Relations: a predicted relation is correct when its label equals a gold relation's, its head matches that
  relation's head exactly, and its child overlaps that relation's child by at least one character.

Each gold span or relation matches one prediction at most. `python -m pipeline evaluate` (`pipeline/evaluate/scoring.py`)
counts with these on annotation records, and the components' `score` methods on spaCy `Example`s, in spaCy's shape
(`{prefix}_p`, `_r`, `_f`, `_per_type`), so `nlp.evaluate(examples)` reports the same figures.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span
from spacy.training import Example

from .schema import FIGURE_LABELS, Relation

VALUE_TOLERANCE = 0.005  # relative

SpanKey = tuple[int, int, str]  # start, end, label
RelationKey = tuple[str, int, int, int, int]  # label, head start, head end, child start, child end


def match_spans(gold: Sequence[SpanKey], predicted: Sequence[SpanKey]) -> tuple[list[int | None], list[int]]:
    """For each predicted span, the index of the gold span it matches (the first free one with its start, end and
    label), or None; and the indices of the gold spans left unmatched (by key, in order of first appearance)."""
    free: defaultdict[SpanKey, list[int]] = defaultdict(list)
    for index, key in enumerate(gold):
        free[key].append(index)
    matches = [free[key].pop(0) if free.get(key) else None for key in predicted]
    return matches, [index for indices in free.values() for index in indices]


def match_relations(gold: Sequence[RelationKey], predicted: Sequence[RelationKey]) -> tuple[list[int | None], list[int]]:
    """For each predicted relation, the index of the gold relation it matches, or None; and the indices of the gold
    relations left unmatched. Predictions whose child is exact are matched first, then those whose child overlaps."""
    matches: list[int | None] = [None] * len(predicted)
    taken = [False] * len(gold)
    for exact_child in (True, False):
        for index, relation in enumerate(predicted):
            if matches[index] is not None:
                continue
            for other, gold_relation in enumerate(gold):
                if not taken[other] and relation_matches(relation, gold_relation, exact_child):
                    matches[index], taken[other] = other, True
                    break
    return matches, [index for index, used in enumerate(taken) if not used]


def relation_matches(predicted: RelationKey, gold: RelationKey, exact_child: bool) -> bool:
    """The same label and head, and the same child (`exact_child`) or one overlapping it by a character."""
    label, head_start, head_end, child_start, child_end = predicted
    if (label, head_start, head_end) != gold[:3]:
        return False
    if exact_child:
        return (child_start, child_end) == gold[3:]
    return max(child_start, gold[3]) < min(child_end, gold[4])


def value_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Whether a predicted figure has the gold unit and a value within `VALUE_TOLERANCE` of the gold value."""
    value, unit = predicted.get("value"), predicted.get("unit")
    return (
        unit is not None
        and unit == gold.get("unit")
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
        and abs(value - gold["value"]) <= VALUE_TOLERANCE * abs(gold["value"])
    )


def valued_pairs(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]], matches: Sequence[int | None]
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """The (gold, predicted) pairs whose value is scored: matched MONEY/PERCENT spans with a gold value."""
    return [
        (gold[match], span)
        for span, match in zip(predicted, matches)
        if match is not None and span["label"] in FIGURE_LABELS and gold[match].get("value") is not None
    ]


def prf(counts: Mapping[str, int]) -> dict[str, Any]:
    """tp, fp, fn, precision, recall and F1 (0.0 where undefined)."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


class Tally:
    """True positives, false positives and false negatives per label."""

    def __init__(self) -> None:
        self.counts: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def add(self, label: str, kind: str) -> None:
        """Count one `tp`, `fp` or `fn` of a label."""
        self.counts[label][kind] += 1

    def add_spans(self, gold: Sequence[SpanKey], predicted: Sequence[SpanKey]) -> tuple[list[int | None], list[int]]:
        """Count one document's spans; return their `match_spans`."""
        matches, unmatched = match_spans(gold, predicted)
        self.add_matches([key[2] for key in predicted], matches, [gold[index][2] for index in unmatched])
        return matches, unmatched

    def add_relations(self, gold: Sequence[RelationKey], predicted: Sequence[RelationKey]) -> tuple[list[int | None], list[int]]:
        """Count one document's relations; return their `match_relations`."""
        matches, unmatched = match_relations(gold, predicted)
        self.add_matches([key[0] for key in predicted], matches, [gold[index][0] for index in unmatched])
        return matches, unmatched

    def add_matches(self, labels: Sequence[str], matches: Sequence[int | None], missed: Sequence[str]) -> None:
        """A prediction (by label) that matched is a tp, one that did not an fp; each missed gold label an fn."""
        for label, match in zip(labels, matches):
            self.add(label, "fp" if match is None else "tp")
        for label in missed:
            self.add(label, "fn")

    def micro(self) -> dict[str, Any]:
        """`prf` over every label."""
        return prf(sum(self.counts.values(), Counter()))

    def spacy_scores(self, prefix: str) -> dict[str, Any]:
        """spaCy's shape: micro `{prefix}_p`, `_r`, `_f`, and `_per_type` ({label: {p, r, f}})."""
        micro = self.micro()
        per_type = {label: prf(counts) for label, counts in sorted(self.counts.items())}
        return {
            f"{prefix}_p": micro["precision"],
            f"{prefix}_r": micro["recall"],
            f"{prefix}_f": micro["f1"],
            f"{prefix}_per_type": {label: {"p": s["precision"], "r": s["recall"], "f": s["f1"]} for label, s in per_type.items()},
        }


def span_keys(spans: Iterable[Span], labels: Collection[str] | None = None) -> list[SpanKey]:
    """(start, end, label) of spans, in character offsets; only those of `labels` if given."""
    return [(span.start_char, span.end_char, span.label_) for span in spans if labels is None or span.label_ in labels]


def relation_key(relation: Relation) -> RelationKey:
    """(label, head start, head end, child start, child end) of a relation of `doc._.relations`."""
    head, child = relation["head"], relation["child"]
    return relation["label"], head["start"], head["end"], child["start"], child["end"]


def score_spans(
    examples: Iterable[Example], prefix: str, spans_of: Callable[[Doc], Iterable[Span]], labels: Collection[str] | None = None
) -> dict[str, Any]:
    """Span P/R/F (`Tally.spacy_scores`) of the spans `spans_of` gives on each predicted Doc against its reference."""
    tally = Tally()
    for example in examples:
        tally.add_spans(span_keys(spans_of(example.reference), labels), span_keys(spans_of(example.predicted), labels))
    return tally.spacy_scores(prefix)


def score_relations(examples: Iterable[Example], prefix: str = "relations") -> dict[str, Any]:
    """Relation P/R/F (`Tally.spacy_scores`) of `doc._.relations` on each predicted Doc against its reference."""
    tally = Tally()
    for example in examples:
        gold, predicted = (list(map(relation_key, doc._.relations or ())) for doc in (example.reference, example.predicted))
        tally.add_relations(gold, predicted)
    return tally.spacy_scores(prefix)


def score_values(examples: Iterable[Example], labels: Collection[str] | None = None) -> dict[str, Any]:
    """`value_acc`: of `doc._.figures` that match a reference figure with a value, the share whose value and unit
    match it (None when none does)."""
    matched = correct = 0
    for example in examples:
        gold, predicted = ([f for f in doc._.figures or () if labels is None or f["label"] in labels] for doc in (example.reference, example.predicted))
        matches, _ = match_spans([(f["start"], f["end"], f["label"]) for f in gold], [(f["start"], f["end"], f["label"]) for f in predicted])
        pairs = valued_pairs(gold, predicted, matches)
        matched += len(pairs)
        correct += sum(value_matches(gold_figure, figure) for gold_figure, figure in pairs)
    return {"value_acc": correct / matched if matched else None}
