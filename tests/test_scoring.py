"""Tests for pipeline.evaluate.scoring on hand-built records."""

import copy
from pathlib import Path

import pytest

from pipeline.evaluate.scoring import annotated_labels, format_report, score
from pipeline.run.annotation_file import read_annotations

TEXT = "Exports rose 14.7 percent to $14.7 billion in 2023."
SEEDS = Path(__file__).parents[1] / "corpus/gold/seeds.jsonl"


def span(start: int, end: int, label: str, **extra: object) -> dict:
    return {"start": start, "end": end, "label": label, **extra}


def rel(label: str, head: tuple[int, int], child: tuple[int, int]) -> dict:
    return {
        "label": label,
        "head_span": {"start": head[0], "end": head[1]},
        "child_span": {"start": child[0], "end": child[1]},
    }


EXPORTS, ROSE, PCT, MONEY, YEAR = (0, 7), (8, 12), (13, 25), (29, 42), (46, 50)


def gold_record(record_id: str = "d1") -> dict:
    return {
        "id": record_id,
        "text": TEXT,
        "spans": [
            span(*EXPORTS, "INDICATOR"),
            span(*PCT, "PERCENT", value=14.7, unit="%"),
            span(*MONEY, "MONEY", value=14.7e9, unit="USD"),
            span(*YEAR, "PERIOD"),
        ],
        "relations": [
            rel("INDICATOR", PCT, EXPORTS),
            rel("INDICATOR", MONEY, EXPORTS),
            rel("PERIOD", MONEY, YEAR),
        ],
    }


def counts(stats: dict) -> tuple[int, int, int]:
    return stats["tp"], stats["fp"], stats["fn"]


def test_exact_match_scores_one() -> None:
    report = score([gold_record()], [gold_record()])
    for block in ("spans", "relations"):
        assert all(s["f1"] == 1.0 for s in report[block]["labels"].values())
        assert report[block]["errors"] == {"fp": [], "fn": []}
    assert counts(report["spans"]["micro"]) == (4, 0, 0)
    assert counts(report["relations"]["micro"]) == (3, 0, 0)
    assert report["values"] == {"matched": 2, "correct": 2, "accuracy": 1.0, "errors": []}
    assert report["missing"] == report["unexpected"] == []


def replace_span(record: dict, index: int, new: dict) -> dict:
    record["spans"][index] = new
    return record


@pytest.mark.parametrize(
    "pred_spans, label_counts, micro",
    [
        pytest.param(  # boundary off by one: fp + fn
            lambda s: [s[0], s[1], span(30, 42, "MONEY", value=14.7e9, unit="USD"), s[3]],
            {"MONEY": (0, 1, 1)}, (3, 1, 1), id="boundary-off-by-one",
        ),
        pytest.param(  # wrong label: fp for the predicted label, fn for the gold one
            lambda s: [span(*EXPORTS, "ORG"), s[1], s[2], s[3]],
            {"ORG": (0, 1, 0), "INDICATOR": (0, 0, 1)}, (3, 1, 1), id="wrong-label",
        ),
        pytest.param(  # duplicate prediction: the copy is a false positive
            lambda s: [*s, dict(s[2])],
            {"MONEY": (1, 1, 0)}, (4, 1, 0), id="duplicate",
        ),
        pytest.param(
            lambda s: s[:2], {"MONEY": (0, 0, 1), "PERIOD": (0, 0, 1)}, (2, 0, 2), id="missed",
        ),
    ],
)
def test_span_matching(pred_spans, label_counts: dict, micro: tuple[int, int, int]) -> None:
    pred = gold_record()
    pred["spans"] = pred_spans(pred["spans"])
    report = score([gold_record()], [pred])
    for label, expected in label_counts.items():
        assert counts(report["spans"]["labels"][label]) == expected
    assert counts(report["spans"]["micro"]) == micro
    tp, fp, fn = micro
    p, r = tp / (tp + fp), tp / (tp + fn)
    assert report["spans"]["micro"]["f1"] == pytest.approx(2 * p * r / (p + r))


def test_boundary_error_is_listed_with_surface() -> None:
    pred = replace_span(gold_record(), 2, span(30, 42, "MONEY", value=14.7e9, unit="USD"))
    errors = score([gold_record()], [pred])["spans"]["errors"]
    assert errors["fp"] == [{"id": "d1", "label": "MONEY", "start": 30, "end": 42, "text": "14.7 billion"}]
    assert errors["fn"] == [{"id": "d1", "label": "MONEY", "start": 29, "end": 42, "text": "$14.7 billion"}]


def test_f1_values() -> None:
    pred = replace_span(gold_record(), 2, span(30, 42, "MONEY"))
    report = score([gold_record()], [pred])
    assert report["spans"]["labels"]["MONEY"]["f1"] == 0.0
    assert report["spans"]["micro"]["precision"] == pytest.approx(0.75)
    assert report["spans"]["micro"]["recall"] == pytest.approx(0.75)
    assert report["spans"]["micro"]["f1"] == pytest.approx(0.75)


def test_missing_and_unexpected_documents() -> None:
    other = {"id": "x", "text": "Other.", "spans": [span(0, 5, "ORG")], "relations": []}
    report = score([gold_record("d1"), gold_record("d2")], [gold_record("d1"), other])
    assert report["missing"] == ["d2"]
    assert report["unexpected"] == ["x"]
    assert counts(report["spans"]["micro"]) == (4, 0, 4)
    assert counts(report["relations"]["micro"]) == (3, 0, 3)
    assert "ORG" not in report["spans"]["labels"]
    assert report["spans"]["micro"]["f1"] == pytest.approx(2 / 3)


def test_differing_text_raises() -> None:
    pred = gold_record()
    pred["text"] = TEXT.replace("2023", "2024")
    with pytest.raises(ValueError, match="d1"):
        score([gold_record()], [pred])


def test_duplicate_ids_raise() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        score([gold_record(), gold_record()], [])


@pytest.mark.parametrize(
    "pred_money, correct",
    [
        ({"value": 14.7e9 * 1.004, "unit": "USD"}, True),  # within 0.5 %
        ({"value": 14.7e9 * 0.996, "unit": "USD"}, True),
        ({"value": 14.7e9 * 1.006, "unit": "USD"}, False),  # outside
        ({"value": 14.7e9, "unit": "EUR"}, False),  # unit mismatch
        ({"value": 14.7e9}, False),  # unit missing
        ({"unit": "USD"}, False),  # value missing
        ({"value": "14.7e9", "unit": "USD"}, False),  # not a number
    ],
)
def test_value_accuracy(pred_money: dict, correct: bool) -> None:
    pred = replace_span(gold_record(), 2, span(*MONEY, "MONEY", **pred_money))
    values = score([gold_record()], [pred])["values"]
    assert (values["matched"], values["correct"]) == (2, 1 + correct)
    assert values["accuracy"] == pytest.approx((1 + correct) / 2)
    if not correct:
        assert values["errors"] == [{
            "id": "d1", "start": 29, "end": 42, "text": "$14.7 billion",
            "gold_value": 14.7e9, "gold_unit": "USD",
            "pred_value": pred_money.get("value"), "pred_unit": pred_money.get("unit"),
        }]


def test_value_zero_gold_needs_zero() -> None:
    gold = replace_span(gold_record(), 1, span(*PCT, "PERCENT", value=0, unit="%"))
    for pred_value, correct in ((0.0, 1), (0.001, 0)):
        pred = replace_span(gold_record(), 1, span(*PCT, "PERCENT", value=pred_value, unit="%"))
        assert score([gold], [pred])["values"]["correct"] == 1 + correct


def test_value_skipped_without_gold_value_and_unmatched_spans() -> None:
    gold = replace_span(gold_record(), 1, span(*PCT, "PERCENT"))
    pred = replace_span(gold_record(), 2, span(30, 42, "MONEY", value=14.7e9, unit="USD"))
    values = score([gold], [pred])["values"]
    assert (values["matched"], values["correct"]) == (0, 0)
    assert values["accuracy"] is None


@pytest.mark.parametrize(
    "pred_relation, correct",
    [
        pytest.param(rel("INDICATOR", MONEY, EXPORTS), True, id="exact"),
        pytest.param(rel("INDICATOR", MONEY, (0, 6)), True, id="child-partial-overlap"),
        pytest.param(rel("INDICATOR", MONEY, (6, 10)), True, id="child-one-char-overlap"),
        pytest.param(rel("INDICATOR", MONEY, (7, 12)), False, id="child-adjacent"),
        pytest.param(rel("INDICATOR", MONEY, ROSE), False, id="child-no-overlap"),
        pytest.param(rel("INDICATOR", (30, 42), EXPORTS), False, id="head-off-by-one"),
        pytest.param(rel("PERIOD", MONEY, EXPORTS), False, id="wrong-label"),
    ],
)
def test_relation_matching(pred_relation: dict, correct: bool) -> None:
    gold = gold_record()
    gold["relations"] = [rel("INDICATOR", MONEY, EXPORTS)]
    pred = gold_record()
    pred["relations"] = [pred_relation]
    report = score([gold], [pred])
    expected = (1, 0, 0) if correct else (0, 1, 1)
    assert counts(report["relations"]["micro"]) == expected
    if not correct:
        fn = report["relations"]["errors"]["fn"]
        assert fn == [{
            "id": "d1", "label": "INDICATOR",
            "head": {"start": 29, "end": 42, "text": "$14.7 billion"},
            "child": {"start": 0, "end": 7, "text": "Exports"},
        }]


def test_relations_match_one_to_one() -> None:
    gold = gold_record()
    gold["relations"] = [rel("INDICATOR", MONEY, EXPORTS)]
    pred = gold_record()
    pred["relations"] = [rel("INDICATOR", MONEY, EXPORTS), rel("INDICATOR", MONEY, (0, 3))]
    stats = score([gold], [pred])["relations"]["labels"]["INDICATOR"]
    assert counts(stats) == (1, 1, 0)
    assert stats["precision"] == 0.5
    assert stats["f1"] == pytest.approx(2 / 3)


def test_relations_prefer_exact_child() -> None:
    # Two gold COMPARED_TO children; the first prediction overlaps both, the second
    # equals the first gold child and overlaps nothing else. Exact-first matching finds both.
    gold = gold_record()
    gold["relations"] = [rel("COMPARED_TO", MONEY, EXPORTS), rel("COMPARED_TO", MONEY, ROSE)]
    pred = gold_record()
    pred["relations"] = [rel("COMPARED_TO", MONEY, (5, 11)), rel("COMPARED_TO", MONEY, EXPORTS)]
    assert counts(score([gold], [pred])["relations"]["micro"]) == (2, 0, 0)


def test_label_restriction() -> None:
    pred = gold_record()
    pred["spans"] = [span(*EXPORTS, "ORG"), span(*MONEY, "MONEY", value=1.0, unit="USD")]
    pred["relations"] = [rel("PERIOD", MONEY, YEAR)]
    report = score([gold_record()], [pred], labels={"MONEY"}, relation_labels={"PERIOD"})
    assert list(report["spans"]["labels"]) == ["MONEY"]
    assert counts(report["spans"]["micro"]) == (1, 0, 0)
    assert report["values"]["matched"] == 1
    assert report["values"]["correct"] == 0
    assert list(report["relations"]["labels"]) == ["PERIOD"]
    assert counts(report["relations"]["micro"]) == (1, 0, 0)


def test_annotated_labels() -> None:
    with_meta = [{"meta": {"annotated_labels": ["MONEY"]}}, {"meta": {"annotated_labels": ["PERCENT"]}}]
    assert annotated_labels(with_meta) == {"MONEY", "PERCENT"}
    assert annotated_labels([*with_meta, {"meta": {}}]) is None
    assert annotated_labels([{"id": 1}]) is None
    assert annotated_labels([]) is None


def test_format_report() -> None:
    pred = replace_span(gold_record(), 2, span(30, 42, "MONEY"))
    text = format_report(score([gold_record()], [pred]))
    lines = text.splitlines()
    assert "MONEY" in text and "ORG" not in text and "\x1b" not in text
    assert any(line.split() == ["MONEY", "0", "1", "1", "0.000", "0.000", "0.000"] for line in lines)
    assert any(line.split() == ["micro", "3", "1", "1", "0.750", "0.750", "0.750"] for line in lines)
    assert "Values: accuracy 1.000 (n=1)" in lines
    assert lines.index("Values: accuracy 1.000 (n=1)") < next(
        i for i, line in enumerate(lines) if line.startswith("Relations")
    )


def test_seeds_score_perfectly_against_themselves() -> None:
    gold = read_annotations(SEEDS)
    report = score(gold, copy.deepcopy(gold))
    for block in ("spans", "relations"):
        assert report[block]["labels"]
        assert all(s["f1"] == 1.0 for s in report[block]["labels"].values())
        assert report[block]["micro"]["f1"] == 1.0
    assert report["values"]["matched"] > 0
    assert report["values"]["accuracy"] == 1.0
