"""Tests for pipeline.run.annotation_file: validation on read, atomic write (pipeline.run.files), round trip."""

import json
from pathlib import Path

import pytest

from pipeline.files import replace_atomically
from pipeline.run.annotation_file import AnnotationError, read_annotations, write_annotations

SEEDS = Path(__file__).parents[1] / "corpus/gold/seeds.jsonl"
TEXT = "Exports rose 14.7 percent to $14.7 billion in 2023."


def good(record_id: object = "a", **changes: object) -> dict:
    record = {
        "id": record_id,
        "text": TEXT,
        "meta": {"date": "2024-01-15"},
        "spans": [
            {"start": 0, "end": 7, "label": "INDICATOR"},
            {"start": 29, "end": 42, "label": "MONEY", "value": 14.7e9, "unit": "USD"},
        ],
        "relations": [
            {"head_span": {"start": 29, "end": 42, "label": "MONEY"},
             "child_span": {"start": 0, "end": 7, "label": "INDICATOR"},
             "label": "INDICATOR"},
        ],
    }
    record.update(changes)
    return record


def bad_span(**span: object) -> str:
    return json.dumps(good("z", spans=[good()["spans"][0], span]))


def bad_relation(relation: object) -> str:
    return json.dumps(good("z", relations=[relation]))


HEAD = {"start": 29, "end": 42}
CHILD = {"start": 0, "end": 7}

BAD_LINES = [
    ("invalid-json", '{"id": "z", "text": ', "invalid JSON"),
    ("not-object", "[1, 2]", "expected a JSON object, got list"),
    ("no-text", json.dumps({"id": "z", "spans": []}), '"text"'),
    ("text-not-string", json.dumps(good("z", text=5)), '"text"'),
    ("no-id", json.dumps({"text": TEXT}), '"id"'),
    ("id-float", json.dumps(good(1.5)), '"id"'),
    ("id-bool", json.dumps(good(True)), '"id"'),
    ("duplicate-id", json.dumps(good("a")), "duplicate id 'a'"),
    ("duplicate-id-int", json.dumps(good(7)), "duplicate id '7'"),
    ("spans-not-list", json.dumps(good("z", spans={"start": 0})), '"spans" is not a list'),
    ("span-not-object", json.dumps(good("z", spans=["MONEY"])), "span 0 is missing or not an object"),
    ("span-no-start", bad_span(end=7, label="INDICATOR"), "span 1 has no integer 'start'"),
    ("span-float-end", bad_span(start=0, end=7.0, label="INDICATOR"), "span 1 has no integer 'end'"),
    ("span-end-outside", bad_span(start=46, end=60, label="PERIOD"),
     f"span 1 end 60 is outside the text (length {len(TEXT)})"),
    ("span-negative-start", bad_span(start=-1, end=7, label="INDICATOR"), "span 1 start -1 is outside"),
    ("span-empty", bad_span(start=7, end=7, label="INDICATOR"), "span 1 is empty or reversed"),
    ("span-reversed", bad_span(start=8, end=7, label="INDICATOR"), "span 1 is empty or reversed"),
    ("span-unknown-label", bad_span(start=0, end=7, label="MONY"), "span 1 has unknown label 'MONY'"),
    ("span-no-label", bad_span(start=0, end=7), "span 1 has unknown label None"),
    ("value-string", bad_span(start=29, end=42, label="MONEY", value="14.7", unit="USD"),
     "span 1 value '14.7' is not a number"),
    ("value-nan", bad_span(start=29, end=42, label="MONEY", value=float("nan"), unit="USD"),
     "span 1 value nan is not a number"),
    ("unit-not-string", bad_span(start=13, end=25, label="PERCENT", value=14.7, unit=1),
     "span 1 unit 1 is not a string"),
    ("relations-not-list", json.dumps(good("z", relations={})), '"relations" is not a list'),
    ("relation-unknown-label", bad_relation({"head_span": HEAD, "child_span": CHILD, "label": "HAS"}),
     "relation 0 has unknown label 'HAS'"),
    ("relation-no-head", bad_relation({"child_span": CHILD, "label": "INDICATOR"}),
     "relation 0 head_span is missing or not an object"),
    ("relation-child-no-end", bad_relation({"head_span": HEAD, "child_span": {"start": 0}, "label": "REGION"}),
     "relation 0 child_span has no integer 'end'"),
    ("relation-child-outside", bad_relation({"head_span": HEAD, "child_span": {"start": 0, "end": 99},
                                             "label": "PERIOD"}),
     "relation 0 child_span end 99 is outside the text"),
]


@pytest.mark.parametrize("bad_line, fragment", [case[1:] for case in BAD_LINES], ids=[c[0] for c in BAD_LINES])
def test_bad_record_is_rejected_with_its_line(tmp_path: Path, bad_line: str, fragment: str) -> None:
    path = tmp_path / "gold.jsonl"
    # line 1 good, line 2 blank, line 3 good, line 4 bad, line 5 good
    lines = [json.dumps(good("a")), "", json.dumps(good(7)), bad_line, json.dumps(good("b"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        read_annotations(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), 4)
    assert str(error).startswith(f"{path}:4: ")
    assert fragment in str(error)
    assert "\n" not in str(error)


def test_non_utf8_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(good("a")).encode() + b"\n" + '{"id": "b", "text": "Caf\xe9"}'.encode("latin-1"))
    with pytest.raises(AnnotationError, match=r":2: not UTF-8"):
        read_annotations(path)


def test_check_tokens_problem_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    write_annotations(path, [good("a"), good("b")])
    seen = []

    def check(record: dict) -> str | None:
        seen.append(record["id"])
        return "span 0 does not end on a token boundary" if record["id"] == "b" else None

    with pytest.raises(AnnotationError, match=r":2: span 0 does not end on a token boundary"):
        read_annotations(path, check_tokens=check)
    assert seen == ["a", "b"]


def test_round_trip(tmp_path: Path) -> None:
    records = [good("a"), good("ü-2", text="Tenge fell 2% in Astana — Ақмола.", spans=[], relations=[])]
    path = tmp_path / "out.jsonl"
    assert write_annotations(path, records) == 2
    assert "Ақмола" in path.read_text(encoding="utf-8")  # ensure_ascii=False
    assert read_annotations(path) == records
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temp file left


def test_ids_are_normalised_to_str(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    write_annotations(path, [good(12), good("x", spans=[], relations=[])])
    assert [r["id"] for r in read_annotations(path)] == ["12", "x"]


def test_missing_spans_and_relations_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    write_annotations(path, [{"id": "p", "text": "No figures here."}])
    assert read_annotations(path) == [{"id": "p", "text": "No figures here."}]


def test_failed_write_keeps_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_annotations(path, [good("a")])
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        write_annotations(path, [good("b"), good("c", spans=[{"start": 0, "end": 1, "value": float("nan")}])])
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def write_file(path: Path, text: str = "new") -> None:
    path.write_text(text, encoding="utf-8")


def write_folder(path: Path, text: str = "new") -> None:
    path.mkdir()
    (path / "part-00000.csv").write_text(text, encoding="utf-8")


def read_back(path: Path) -> str:
    return (path / "part-00000.csv" if path.is_dir() else path).read_text(encoding="utf-8")


@pytest.mark.parametrize("old", [write_file, write_folder])
@pytest.mark.parametrize("new", [write_file, write_folder])
def test_replace_atomically_swaps_in_a_file_or_folder(tmp_path: Path, old, new) -> None:
    path = tmp_path / "facts.csv"
    old(path, "old")

    def failing(temporary: Path) -> None:
        new(temporary)
        raise OSError("disk full")

    with pytest.raises(OSError):
        replace_atomically(path, failing)
    assert read_back(path) == "old" and [p.name for p in tmp_path.iterdir()] == ["facts.csv"]
    replace_atomically(path, new)
    assert read_back(path) == "new" and [p.name for p in tmp_path.iterdir()] == ["facts.csv"]


def test_replace_atomically_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "annotations.jsonl"
    write_annotations(path, [good("a")])
    path.chmod(0o640)
    write_annotations(path, [good("b")])
    assert path.stat().st_mode & 0o777 == 0o640


def test_seeds_file_is_valid() -> None:
    records = read_annotations(SEEDS)
    assert records
    assert all(isinstance(r["id"], str) and r["spans"] for r in records)
