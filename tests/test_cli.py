"""The command line on temp folders: `python -m pipeline run | evaluate` as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
SEEDS_GOLD = PROJECT_DIR / "corpus" / "gold" / "seeds.jsonl"

KZ_TEXT = (
    " date 2024-03-25 ASTANA, Kazakhstan, March 25. Exports rose 12 percent to $3.1 billion, "
    "the Ministry of Trade and Integration said.\n"
)
UZ_TEXT = "Uzbekistan attracted $2.4 billion of foreign investment in the first quarter.\n"
WIRE = [
    {"id": "kg-1", "text": "Kyrgyzstan received 450 million soms in grants, up 8 percent."},
    {"id": "tj-1", "text": "The National Bank of Tajikistan kept the rate at 9 percent.", "meta": {"date": "2024-05-02"}},
]
LABELS = ("MONEY", "PERCENT", "REGION", "ORG")
ENTITY_COLUMNS = ["doc_id", "start", "end", "label", "text", "value", "unit", "unit_assumed", "approx", "low", "high", "pattern"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def write_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "kz_exports.txt").write_text(KZ_TEXT, encoding="utf-8")
    (folder / "uz_invest.txt").write_text(UZ_TEXT, encoding="utf-8")
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in WIRE), encoding="utf-8")
    return folder


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_run_writes_annotations_and_csv(tmp_path):
    write_inputs(tmp_path / "in")
    result = cli("run", "in", "--out", "out", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    records = {record["id"]: record for record in read_jsonl(tmp_path / "out" / "annotations.jsonl")}
    assert sorted(records) == ["kg-1", "kz_exports", "tj-1", "uz_invest"]
    assert records["kz_exports"]["text"] == KZ_TEXT
    assert records["uz_invest"]["text"] == UZ_TEXT
    assert records["kg-1"]["text"] == WIRE[0]["text"]
    assert records["kz_exports"]["meta"]["date"] == "2024-03-25"
    assert "date" not in records["uz_invest"]["meta"]
    assert records["tj-1"]["meta"]["date"] == "2024-05-02"
    spans = [s for s in records["kz_exports"]["spans"] if s["label"] in LABELS]
    assert [(s["text"], s["label"], s.get("value"), s.get("unit")) for s in spans] == [
        ("ASTANA", "REGION", None, None),
        ("Kazakhstan", "REGION", None, None),
        ("12 percent", "PERCENT", 12.0, "%"),
        ("$3.1 billion", "MONEY", 3.1e9, "USD"),
        ("Ministry of Trade and Integration", "ORG", None, None),
    ]
    for record in records.values():
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]

    table = pd.read_csv(tmp_path / "out" / "entities.csv")
    assert list(table.columns) == ENTITY_COLUMNS
    figures = table[table["label"].isin(["MONEY", "PERCENT"])]
    assert sorted(zip(figures["doc_id"], figures["text"])) == [
        ("kg-1", "450 million soms"),
        ("kg-1", "8 percent"),
        ("kz_exports", "$3.1 billion"),
        ("kz_exports", "12 percent"),
        ("tj-1", "9 percent"),
        ("uz_invest", "$2.4 billion"),
    ]
    soms = table[table["text"] == "450 million soms"].iloc[0]
    assert (soms["value"], soms["unit"], soms["start"], soms["end"]) == (450e6, "KGS", 20, 36)

    docs = pd.read_csv(tmp_path / "out" / "docs.csv")
    assert list(zip(docs["doc_id"], docs["source"], docs["status"])) == [
        ("kz_exports", "in/kz_exports.txt", "processed"),
        ("uz_invest", "in/uz_invest.txt", "processed"),
        ("kg-1", "in/wire.jsonl:1", "processed"),
        ("tj-1", "in/wire.jsonl:2", "processed"),
    ]
    assert "4 documents: 4 processed, 0 skipped, 0 failed" in result.stderr


def test_run_writes_parquet_with_float_values(tmp_path):
    write_inputs(tmp_path / "in")
    result = cli("run", "in", "--out", "out", "--format", "parquet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    table = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    assert list(table.columns) == ENTITY_COLUMNS
    assert table["value"].dtype == "float64"
    assert table.loc[table["text"] == "$2.4 billion", "value"].tolist() == [2.4e9]


def test_run_without_inputs_reads_the_bundled_documents(tmp_path):
    result = cli("run", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = read_jsonl(tmp_path / "out" / "annotations.jsonl")
    assert len(records) == 24  # 2 seeds, 12 English and 10 Russian articles: one mixed run
    assert {"000_7004adba4835f820", "004_03ae42dea88061ec", "112_samruk_kazyna_results", "610_kazakhstan_gdp_h1"} <= {r["id"] for r in records}
    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet")
    assert docs["lang"].value_counts().to_dict() == {"en": 14, "ru": 10}


MISSING_PATHS = [
    pytest.param("missing.txt", id="relative"),
    pytest.param("LONG/missing_quarterly_statistics_bulletin.txt", id="long-absolute"),
    pytest.param("[draft] bulletin.txt", id="brackets-in-name"),
]


@pytest.mark.parametrize("name", MISSING_PATHS)
def test_run_missing_path_is_a_one_line_error(tmp_path, name):
    if name.startswith("LONG/"):
        folder = tmp_path / ("quarterly_bulletins_" * 4)
        folder.mkdir()
        name = str(folder / name.removeprefix("LONG/"))
    result = cli("run", name, "--out", "out", cwd=tmp_path)
    assert_one_line_error(result, name, "no such file or folder")
    assert not (tmp_path / "out").exists()


def test_run_invalid_jsonl_line_is_reported_and_the_good_lines_processed(tmp_path):
    lines = [json.dumps(WIRE[0]), '{"id": "kg-2", "text": "Exports rose', json.dumps(WIRE[1])]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("run", "wire.jsonl", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "3 documents: 2 processed, 0 skipped, 1 failed" in result.stderr
    (reason,) = [line for line in result.stderr.splitlines() if "wire.jsonl:2" in line]
    assert "failed: invalid JSON" in reason and "Unterminated string" in reason
    assert [record["id"] for record in read_jsonl(tmp_path / "out" / "annotations.jsonl")] == ["kg-1", "tj-1"]


def test_run_strict_stops_at_the_first_failure(tmp_path):
    lines = [json.dumps(WIRE[0]), '{"id": "kg-2", "text": "Exports rose', json.dumps(WIRE[1])]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("run", "wire.jsonl", "--out", "out", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "2 documents: 1 processed, 0 skipped, 1 failed" in result.stderr
    assert "stopped at the first failure (--strict)" in result.stderr
    assert [record["id"] for record in read_jsonl(tmp_path / "out" / "annotations.jsonl")] == ["kg-1"]
    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet")
    assert docs["status"].tolist() == ["processed", "failed: invalid JSON"]


def test_run_out_pointing_to_a_file_is_an_error(tmp_path):
    write_inputs(tmp_path / "in")
    (tmp_path / "out.csv").write_text("keep me\n", encoding="utf-8")
    result = cli("run", "in", "--out", "out.csv", cwd=tmp_path)
    assert_one_line_error(result, "out.csv", "not a folder")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "keep me\n"


def test_evaluate_prints_a_table(tmp_path):
    result = cli("evaluate", str(SEEDS_GOLD), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}
    for label in ("MONEY", "PERCENT", "REGION", "ORG"):
        assert label in rows
    assert rows["MONEY"][:3] == ["18", "0", "0"]  # tp fp fn: every gold MONEY span of the seeds
    assert "Values:" in result.stdout


def test_evaluate_json(tmp_path):
    result = cli("evaluate", "--json", str(SEEDS_GOLD), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"spans", "relations", "values"} <= set(report)
    assert report["documents"] == 2
    assert report["spans"]["labels"]["ORG"]["tp"] == 8
    assert report["values"]["matched"] == 39
