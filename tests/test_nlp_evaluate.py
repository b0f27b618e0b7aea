"""`nlp.evaluate` on gold Examples reports what `python -m pipeline evaluate` does: the same P/R/F per label for
spans and relations, and the same value accuracy, counted by the one implementation in `components/scoring.py`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.evaluation import evaluate_file
from pipeline.evaluate.examples import cut_at, gold_examples
from pipeline.run.annotation_file import read_annotations

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"


def gold_file(tmp_path: Path, name: str, labels: list[str] | None) -> Path:
    """A bundled gold file, its records declaring `meta.annotated_labels` if `labels` are given."""
    records = read_annotations(GOLD / name)
    if labels is not None:
        records = [{**record, "meta": {**record.get("meta", {}), "annotated_labels": labels}} for record in records]
    path = tmp_path / name
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def as_spacy(block: dict) -> dict[str, dict[str, float]]:
    """A `pipeline evaluate` block's per-label figures in the shape of spaCy's `_per_type`."""
    return {label: {"p": s["precision"], "r": s["recall"], "f": s["f1"]} for label, s in block["labels"].items()}


@pytest.mark.parametrize(
    "name,labels",
    [("seeds.jsonl", None), ("corpus.jsonl", None), ("seeds.jsonl", ["MONEY", "PERCENT"]), ("corpus.jsonl", ["REGION", "PERIOD"])],
)
def test_nlp_evaluate_reports_what_pipeline_evaluate_does(nlp, tmp_path, name, labels):
    path = gold_file(tmp_path, name, labels)
    report = evaluate_file(nlp, path)
    scores = nlp.evaluate(gold_examples(nlp, read_annotations(path)), scorer_cfg={"labels": labels})
    spans = {**scores["ents_per_type"], **scores["spans_concepts_per_type"]}
    assert spans == as_spacy(report["spans"])
    assert scores["relations_per_type"] == as_spacy(report["relations"])
    assert scores["relations_f"] == report["relations"]["micro"]["f1"]
    assert scores["value_acc"] == report["values"]["accuracy"]
    assert len(spans) == len(labels or ["MONEY", "PERCENT", "REGION", "ORG", "INDICATOR", "PERIOD"])


def test_the_concept_ruler_scores_its_candidates(nlp):
    scores = nlp.evaluate(gold_examples(nlp, read_annotations(GOLD / "seeds.jsonl")))
    candidates, linked = scores["spans_concept_candidates_per_type"], scores["spans_concepts_per_type"]
    assert set(linked) == {"INDICATOR", "PERIOD"}
    assert all(candidates[label]["r"] >= linked[label]["r"] for label in linked)  # a linked span was a candidate


@pytest.mark.parametrize(
    "text,offsets,tokens",
    [
        ("Exports rose 4%.", {0, 7}, ["Exports", "rose", "4", "%", "."]),  # on token boundaries: the Doc as it is
        ("Exports rose 4%.", {2, 10}, ["Ex", "ports", "ro", "se", "4", "%", "."]),  # cut inside words
        ("KZT751bn in 2023", {3, 4}, ["KZT", "7", "51", "bn", "in", "2023"]),
    ],
)
def test_the_reference_is_cut_at_gold_offsets(nlp, text, offsets, tokens):
    doc = cut_at(nlp.make_doc(text), offsets)
    assert [token.text for token in doc] == tokens
    assert doc.text == text
