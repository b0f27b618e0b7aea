"""Runs that resume and never duplicate: a killed run, rerun, ends with exactly the outputs of a
clean run; a second run redoes nothing; `--overwrite` starts afresh; an output folder made by
another pipeline version, or without run state, is refused."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from run_helpers import TABLES, cli, write_corpus

from pipeline.loading import CONFIG_DIR, pipeline_version
from pipeline.run import running
from pipeline.run.running import PARTS, run_inputs

RUN = ("run", "in", "--out", "out", "--batch-size", "2")


def assert_same_outputs(got: Path, expected: Path) -> None:
    assert (got / "annotations.jsonl").read_bytes() == (expected / "annotations.jsonl").read_bytes()
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(got / f"{name}.parquet"), pd.read_parquet(expected / f"{name}.parquet"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """A folder with `in/` and `out/`, the outputs of one uninterrupted run."""
    folder = tmp_path_factory.mktemp("clean")
    write_corpus(folder / "in")
    result = cli(*RUN, cwd=folder)
    assert result.returncode == 1, result.stderr  # the broken line
    assert "32 documents: 30 processed, 1 skipped, 1 failed" in result.stderr
    return folder


def copy_of(clean: Path, tmp_path: Path) -> Path:
    shutil.copytree(clean, tmp_path / "run")
    return tmp_path / "run"


def test_a_killed_run_resumes_to_the_outputs_of_a_clean_run(clean, tmp_path):
    write_corpus(tmp_path / "in")
    parts = tmp_path / "out" / PARTS
    command = [sys.executable, "-m", "pipeline", *RUN]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        deadline = time.monotonic() + 300
        while not list(parts.glob("part-*.jsonl")):
            assert process.poll() is None, "the run ended before it committed a part"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        process.kill()
    assert process.returncode == -signal.SIGKILL
    assert not (tmp_path / "out" / "annotations.jsonl").exists()
    committed = sum(len(path.read_text(encoding="utf-8").splitlines()) - 1 for path in parts.glob("part-*.jsonl"))
    assert 2 <= committed < 30
    (parts / ".part-000099.jsonl.x1y2.tmp").write_text('{"version": "torn', encoding="utf-8")  # a write the kill cut short

    result = cli(*RUN, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"32 documents: 30 processed ({committed} already done), 1 skipped, 1 failed" in result.stderr
    assert_same_outputs(tmp_path / "out", clean / "out")
    assert len(list(parts.iterdir())) == 1  # compacted; the torn temp file is gone


def test_a_second_run_redoes_nothing_and_duplicates_nothing(clean, tmp_path):
    folder = copy_of(clean, tmp_path)
    result = cli(*RUN, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert "32 documents: 30 processed (30 already done), 1 skipped, 1 failed" in result.stderr
    assert_same_outputs(folder / "out", clean / "out")
    docs = pd.read_parquet(folder / "out" / "docs.parquet")
    assert docs["doc_id"].dropna().is_unique and len(docs) == 32
    facts = pd.read_parquet(folder / "out" / "facts.parquet")
    assert not facts.duplicated(["doc_id", "start", "end"]).any()
    assert len(list((folder / "out" / PARTS).iterdir())) == 1


def test_two_worker_processes_give_the_outputs_of_one(clean, tmp_path):
    folder = copy_of(clean, tmp_path)
    result = cli("run", "in", "--out", "two", "--batch-size", "2", "--n-process", "2", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert "32 documents: 30 processed, 1 skipped, 1 failed" in result.stderr
    assert_same_outputs(folder / "two", clean / "out")


def test_overwrite_starts_afresh(clean, tmp_path):
    folder = copy_of(clean, tmp_path)
    (folder / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli(*RUN, "--overwrite", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert "32 documents: 30 processed, 1 skipped, 1 failed" in result.stderr
    assert_same_outputs(folder / "out", clean / "out")
    assert (folder / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"  # only our own files go


def test_an_output_of_another_pipeline_version_is_refused(clean, tmp_path):
    folder = copy_of(clean, tmp_path)
    (part,) = (folder / "out" / PARTS).glob("part-*.jsonl")
    header, rest = part.read_text(encoding="utf-8").split("\n", 1)
    part.write_text(json.dumps({**json.loads(header), "version": "0.0.1+00000000"}) + "\n" + rest, encoding="utf-8")
    before = (folder / "out" / "annotations.jsonl").read_bytes()

    result = cli(*RUN, cwd=folder)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: out was made by pipeline version 0.0.1+00000000")
    assert "--overwrite" in result.stderr
    assert (folder / "out" / "annotations.jsonl").read_bytes() == before


def test_results_without_run_state_are_never_clobbered(clean, tmp_path):
    folder = copy_of(clean, tmp_path)
    shutil.rmtree(folder / "out" / PARTS)
    result = cli(*RUN, cwd=folder)
    assert result.returncode == 2
    assert result.stderr == "error: out holds results but no run state (.parts/) to resume from; rerun with --overwrite to replace them\n"
    assert_same_outputs(folder / "out", clean / "out")


def test_a_done_id_with_another_text_is_a_duplicate_and_new_inputs_are_added(nlp, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "kz.txt").write_text("Kazakhstan's exports rose 12 percent to $3.1 billion in 2023.\n", encoding="utf-8")
    (second / "uz.txt").write_text("Uzbekistan attracted $2.4 billion of foreign investment in 2023.\n", encoding="utf-8")
    (second / "kz.txt").write_text("An edited text that reuses the id kz.\n", encoding="utf-8")
    out = tmp_path / "out"

    assert run_inputs([first], out, nlp=nlp).processed == 1
    summary = run_inputs([second], out, nlp=nlp)
    assert (summary.inputs, summary.processed, summary.failed, summary.kept) == (2, 1, 1, 1)
    (problem,) = summary.problems
    assert problem["status"] == "failed: duplicate id"
    assert problem["error"] == f"id 'kz' is in {out} for another text (from {first / 'kz.txt'}); rerun with --overwrite to redo it"

    docs = pd.read_parquet(out / "docs.parquet")
    assert list(zip(docs["doc_id"], docs["status"])) == [("kz", "processed"), ("kz", "failed: duplicate id"), ("uz", "processed")]
    records = [json.loads(line) for line in (out / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(record["id"], record["text"][:10]) for record in records] == [("kz", "Kazakhstan"), ("uz", "Uzbekistan")]


def test_the_pipeline_version_follows_the_patterns_and_lexicons(tmp_path):
    configs = shutil.copytree(CONFIG_DIR, tmp_path / "configs")
    version = pipeline_version(configs)
    assert version == pipeline_version(CONFIG_DIR) and version.count("+") == 1
    lexicon = next((configs / "lexicons").glob("*.jsonl"))
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pipeline_version(configs) != version


def test_a_batch_is_committed_by_count_or_by_size(nlp, tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for name, text in (("a", "Exports rose 5 percent."), ("b", "Imports fell 2 percent."), ("c", "GDP grew 3 percent.")):
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    counts: list[tuple[float, int]] = []
    run_inputs([tmp_path / "in"], tmp_path / "by_count", batch_size=2, nlp=nlp, progress=lambda *done_of: counts.append(done_of))
    assert counts == [(1, 3), (2, 3), (2, 3), (3, 3), (3, 3)]  # each document, then each batch committed
    monkeypatch.setattr(running, "BATCH_CHARS", 40)
    counts.clear()
    run_inputs([tmp_path / "in"], tmp_path / "by_size", batch_size=64, nlp=nlp, progress=lambda *done_of: counts.append(done_of))
    assert counts == [(1, 3), (2, 3), (2, 3), (3, 3), (3, 3)]  # 23 + 23 characters reach 40


@pytest.mark.parametrize("table_format", ["parquet", "csv"])
def test_a_run_that_adds_inputs_gives_the_files_of_one_run_over_all(nlp, tmp_path, table_format):
    folders = [tmp_path / "first", tmp_path / "second"]
    for folder, texts in zip(folders, (["Exports rose 5 percent in 2023.", "GDP grew 3 percent."], ["Imports fell 2 percent to $4 billion."])):
        folder.mkdir()
        for index, text in enumerate(texts):
            (folder / f"{folder.name}-{index}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "second" / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01")
    for folder in folders:
        run_inputs([folder], tmp_path / "added", nlp=nlp, table_format=table_format, batch_size=1)
    summary = run_inputs(folders, tmp_path / "whole", nlp=nlp, table_format=table_format, batch_size=1)
    assert (summary.processed, summary.skipped) == (3, 1)
    for name in ("annotations.jsonl", *(f"{table}.{table_format}" for table in TABLES)):
        got, expected = tmp_path / "added" / name, tmp_path / "whole" / name
        if name.endswith(".parquet"):
            pd.testing.assert_frame_equal(pd.read_parquet(got), pd.read_parquet(expected))
        else:
            assert got.read_bytes() == expected.read_bytes(), name
    assert len(list((tmp_path / "added" / PARTS).iterdir())) == 1
