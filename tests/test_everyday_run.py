"""Running it every day, as a user does (issue 15, item 5): every file of a folder is a docs row, one run at a time
per output folder, a progress total known up front and moving inside a long document, and `evaluate` refusing a file
with no gold to score."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from run_helpers import cli

from pipeline.run import reading
from pipeline.run.reading import BINARY, UNSUPPORTED, count_inputs, find_inputs, read_found
from pipeline.run.running import run_inputs

ARTICLE = "Kazakhstan's exports rose 7 percent to $4.2 billion in 2023.\n"
ONLY = "only .txt, .jsonl, .html and .htm files are read from a folder; name it on the command line to read it as text"


def test_every_file_of_a_folder_is_a_docs_row(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "exports.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with zipfile.ZipFile(folder / "sub" / "archive.zip", "w") as archive:
        archive.writestr("inside.txt", ARTICLE)
    (folder / "scan.PDF").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (folder / "notes.md").write_text("# What to read next\n", encoding="utf-8")
    (folder / "README").write_text("Nothing here.\n", encoding="utf-8")
    (folder / "UPPER.TXT").write_text("Imports fell 3 percent in 2023.\n", encoding="utf-8")
    expected = {
        "README": (UNSUPPORTED, f"a file without a suffix; {ONLY}"),
        "UPPER.TXT": ("processed", None),
        "chart.png": (BINARY, "a PNG image"),
        "exports.txt": ("processed", None),
        "notes.md": (UNSUPPORTED, f"a .md file; {ONLY}"),
        "scan.PDF": (BINARY, "a PDF file"),
        "sub/archive.zip": (BINARY, "a ZIP archive (or .docx/.xlsx)"),
    }
    result = cli("run", "in", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "7 documents: 2 processed, 5 skipped, 0 failed" in result.stderr
    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet")
    errors = docs["error"].astype(object).where(docs["error"].notna(), None)
    rows = {str(Path(source).relative_to("in")): (status, error) for source, status, error in zip(docs["source"], docs["status"], errors)}
    assert rows == expected
    assert list(docs["source"]) == [f"in/{name}" for name in expected]  # in path order


def test_a_folder_with_nothing_to_read_is_one_error_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "in" / "data.zip").write_bytes(b"PK\x03\x04")
    result = cli("run", "in", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr == "error: no .txt, .jsonl, .html, .htm documents found in in (only 2 files of other types)\n"


HOLD_LOCK = (
    "from pathlib import Path; from pipeline.run.lock import OutputLock; "
    "lock = OutputLock(Path('out')); lock.acquire(); print('locked', flush=True); input()"
)


def test_a_second_run_on_one_out_is_refused_and_a_stale_lock_taken_over(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "exports.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK], cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        refused = cli("run", "in", "--out", "out", cwd=tmp_path)
    finally:
        holder.send_signal(signal.SIGKILL)  # dies holding it: its lock file stays, naming it
        holder.wait(timeout=30)
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.startswith(f"error: out is in use by another run (pid {holder.pid}, started ")
    assert refused.stderr.endswith("; wait for it to end, or choose another --out\n")
    assert not (tmp_path / "out" / "annotations.jsonl").exists()
    assert json.loads((tmp_path / "out" / ".lock").read_text(encoding="utf-8"))["pid"] == holder.pid

    taken = cli("run", "in", "--out", "out", cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert f"out: taking over a stale lock: the run that left it (pid {holder.pid}, started " in taken.stderr
    assert "1 documents: 1 processed" in taken.stderr
    assert not (tmp_path / "out" / ".lock").exists()


@pytest.mark.parametrize("engine", [{"n_process": 2}, {"engine": "dask", "workers": 1}], ids=["local, 2 processes", "dask"])
def test_the_main_process_holds_the_lock_while_workers_run(tmp_path, engine):
    (tmp_path / "in").mkdir()
    for number in range(3):
        (tmp_path / "in" / f"{number}.txt").write_text(ARTICLE, encoding="utf-8")
    second: list[subprocess.CompletedProcess] = []

    def start_a_second_run(done: float, total: int) -> None:
        if not second:
            second.append(cli("run", "in", "--out", "out", cwd=tmp_path))

    summary = run_inputs([tmp_path / "in"], tmp_path / "out", batch_size=1, progress=start_a_second_run, **engine)
    assert summary.processed == 3
    assert second[0].returncode == 2
    assert f"error: out is in use by another run (pid {os.getpid()}, started " in second[0].stderr
    assert not (tmp_path / "out" / ".lock").exists()


def test_a_run_in_this_process_refuses_a_second_on_the_same_out(tmp_path):
    from pipeline.run.lock import OutputLock
    from pipeline.run.running import OutputError

    (tmp_path / "out").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    lock = OutputLock(tmp_path / "out")
    assert lock.acquire() is None
    try:
        with pytest.raises(OutputError, match=f"in use by another run in this process \\(pid {os.getpid()}\\)"):
            run_inputs([tmp_path / "a.txt"], tmp_path / "out")
    finally:
        lock.release()


JSONL_FILES = {
    "plain.jsonl": b'{"text": "a"}\n{"text": "b"}\n',
    "no_final_break.jsonl": b'{"text": "a"}\n{"text": "b"}',
    "blank_lines.jsonl": b'\n{"text": "a"}\n\n  \t\n{"text": "b"}\r\n\r\n\n',
    "crlf.jsonl": b'{"text": "a"}\r\n{"text": "b"}\r\n{"text": "c"}\r\n',
    "broken.jsonl": b'{"text": "a"}\nnot json\n{"text": \n',
    "long_line.jsonl": b'{"text": "' + b"x" * 300 + b'"}\n   {"text": "b"}   \n',
    "empty.jsonl": b"",
    "only_blank.jsonl": b"\n \n\t\n",
    "binary.jsonl": b"\x89PNG\r\n\x1a\n" + bytes(40),
}


@pytest.mark.parametrize("chunk", [1, 2, 5, 16, 1 << 20])
def test_the_progress_total_counts_every_input_without_reading_it(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(reading, "COUNT_BYTES", chunk)
    (tmp_path / "sub").mkdir()
    for name, data in JSONL_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    found = find_inputs([tmp_path, tmp_path / "missing.txt"])
    assert count_inputs(found) == len(list(read_found(found))) == 2 + 2 + 2 + 3 + 3 + 2 + 1 + 1 + 1 + 2 + 1


def test_progress_has_the_total_and_moves_inside_a_long_document(nlp, tmp_path):
    paragraphs = [f"Exports rose {number} percent to ${number}.5 billion in 2023." for number in range(1, 60)]
    records = [{"id": "short", "text": ARTICLE}, {"id": "long", "text": "\n\n".join(paragraphs)}, {"id": "last", "text": ARTICLE}]
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records) + "\n", encoding="utf-8")
    reports: list[tuple[float, int]] = []
    run_inputs([tmp_path / "wire.jsonl"], tmp_path / "out", nlp=nlp, chunk_chars=400, progress=lambda *done_of: reports.append(done_of))
    assert {total for _, total in reports} == {3}
    done = [value for value, _ in reports]
    assert done == sorted(done) and done[-1] == 3
    inside = [value for value in done if 1 < value < 2]  # the long document's pieces, by the share of its characters done
    assert len(inside) >= 5 and inside == sorted(set(inside))


def test_evaluate_refuses_a_file_with_no_gold_spans(tmp_path):
    records = [{"id": "a", "text": ARTICLE, "spans": [], "relations": []}, {"id": "b", "text": "Imports fell 3 percent."}]
    (tmp_path / "raw.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    negatives = [{"id": "n", "text": "The bridge is 300 metres long.", "meta": {"annotated_labels": ["MONEY", "PERCENT"]}, "spans": []}]
    (tmp_path / "negatives.jsonl").write_text("".join(json.dumps(record) + "\n" for record in negatives), encoding="utf-8")
    refused = cli("evaluate", "raw.jsonl", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == (
        "error: raw.jsonl: no gold spans in its 2 record(s), so there is nothing to score; evaluate takes gold files "
        "whose records carry `spans` (a file of negatives declares meta.annotated_labels)\n"
    )
    scored = cli("evaluate", "negatives.jsonl", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    assert "span labels scored: MONEY, PERCENT" in scored.stdout
