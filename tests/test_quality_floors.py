"""The seeds', the corpus' and the Russian corpus' F1 stay within 0.02 of what the README's Quality section reports.

The figures below are the README's ("Our own sets" table). When a change moves them, the README
and this table move together; a fall of more than 0.02 fails here first.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.evaluation import evaluate_file

PROJECT_DIR = Path(__file__).resolve().parents[1]
MARGIN = 0.02
SPAN_LABELS = ("MONEY", "PERCENT", "REGION", "ORG", "INDICATOR", "PERIOD")
RELATION_LABELS = ("INDICATOR", "PERIOD", "REGION", "EQUALS", "COMPARED_TO")
README_FIGURES = {
    # gold file: span F1 per label, value accuracy, relation F1 per label, relation micro F1
    "corpus/gold/seeds.jsonl": ((1.000, 1.000, 1.000, 1.000, 1.000, 1.000), 1.000, (1.000, 1.000, 1.000, 1.000, 0.957), 0.994),
    "corpus/gold/corpus.jsonl": ((1.000, 1.000, 1.000, 1.000, 0.965, 0.994), 1.000, (0.986, 0.986, 0.969, 0.973, 1.000), 0.982),
    # the Russian sample corpus (its records say `lang: ru`, so the Russian pipeline reads them)
    "corpus/ru/gold.jsonl": ((1.000, 1.000, 1.000, 1.000, 0.970, 1.000), 1.000, (0.987, 1.000, 0.966, 1.000, 0.941), 0.984),
}


@pytest.fixture(scope="module", params=sorted(README_FIGURES))
def report(request, nlp):
    return request.param, evaluate_file(nlp, PROJECT_DIR / request.param)


def test_span_f1_floors(report):
    path, found = report
    spans, _, _, _ = README_FIGURES[path]
    for label, figure in zip(SPAN_LABELS, spans):
        assert found["spans"]["labels"][label]["f1"] >= figure - MARGIN, (label, found["spans"]["errors"])


def test_value_accuracy_floor(report):
    path, found = report
    assert found["values"]["accuracy"] >= README_FIGURES[path][1] - MARGIN, found["values"]["errors"]


def test_relation_f1_floors(report):
    path, found = report
    _, _, relations, micro = README_FIGURES[path]
    for label, figure in zip(RELATION_LABELS, relations):
        assert found["relations"]["labels"][label]["f1"] >= figure - MARGIN, (label, found["relations"]["errors"])
    assert found["relations"]["micro"]["f1"] >= micro - MARGIN
