"""Hostile input: each kind read on its own, then a dirty archive end to end through the CLI.

Every input document is accounted for in the docs table (`processed + skipped + failed ==
inputs`), the good articles come out exactly as they do on their own, and the run exits 1
because some documents failed, after processing all the others.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from components.extensions import DOC_ATTRIBUTES
from pipeline.run import processing, reading
from pipeline.run.annotate import annotate, chunk_bounds
from pipeline.run.export import TABLES, doc_to_record, frame, table_rows
from pipeline.run.processing import PIPELINE_ERROR, outcome_class, process_documents
from pipeline.run.reading import (
    BINARY,
    EMPTY,
    INVALID_JSON,
    INVALID_RECORD,
    NOT_FOUND,
    TOO_LARGE,
    UNREADABLE,
    Document,
    Foreign,
    Rejected,
    content_hash,
    decode,
    find_inputs,
    html_to_text,
    read_inputs,
    read_jsonl_file,
    read_text_file,
)
from pipeline.run.running import run_inputs

PROJECT_DIR = Path(__file__).resolve().parents[1]
GOOD_ARTICLES = [
    PROJECT_DIR / "seeds" / "000_7004adba4835f820.txt",
    PROJECT_DIR / "corpus" / "articles" / "101_uzbekistan_trade.txt",
    PROJECT_DIR / "corpus" / "articles" / "107_tajikistan_budget.txt",
]
RUSSIAN = "Экспорт Казахстана вырос на 12% до $3,1 млрд в 2023 году.\n"
FRENCH = "Les exportations de la Côte d'Ivoire ont augmenté de 12 percent, à $3.1 billion.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Wire</title><style>p {color: red}</style>"
    "<script>var total = '$9 billion';</script></head><body><h1>Trade</h1>"
    "<p class=\"lead\" data-x=\"a>b\">Uzbekistan&nbsp;attracted $2.4 billion of foreign investment in 2023.</p>"
    "<!-- $7 billion in a comment --><p>Exports rose 8 percent.<br>Imports fell.</p></body></html>"
)


# -- reading each kind of input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        pytest.param(b"Exports rose 5%.", "Exports rose 5%.", "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfExports", "Exports", "utf-8-sig", id="utf-8-bom"),
        pytest.param("Экспорт 5%".encode("utf-16"), "Экспорт 5%", "utf-16", id="utf-16-bom"),
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", id="windows-1251"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, "cp1252", id="windows-1252"),
        pytest.param(b"Caf\xe9 \x81 rose", "Caf\xe9 \x81 rose", "latin-1", id="latin-1"),
    ],
)
def test_decode_tries_utf8_then_a_detected_encoding(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_text_files_of_every_kind(tmp_path):
    files = {
        "ru.txt": RUSSIAN.encode("cp1251"),
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n",
        "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        "nul.txt": b"abc\x00def" * 20,
        "noise.txt": bytes(range(1, 32)) * 10,
        "page.html": PAGE.encode(),
        "scraped.txt": b"  <div><p>Kyrgyzstan received 450 million soms.</p></div>",
        "blank_page.htm": b"<html><body><script>x()</script></body></html>",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    read = {name: read_text_file(tmp_path / name) for name in files}

    assert read["ru.txt"] == Document("ru", RUSSIAN, {"source": str(tmp_path / "ru.txt")}, str(tmp_path / "ru.txt"), "cp1251", lang="ru")
    for name in ("empty.txt", "blank.txt", "blank_page.htm"):
        assert (read[name].status, read[name].id) == (EMPTY, Path(name).stem)
    assert (read["scan.txt"].status, read["scan.txt"].error) == (BINARY, "a PDF file")
    assert (read["nul.txt"].status, read["nul.txt"].error) == (BINARY, "contains NUL bytes")
    assert (read["noise.txt"].status, read["noise.txt"].error) == (BINARY, "mostly control characters")
    page = read["page.html"]
    assert page.html and page.text == (
        "Trade\n\nUzbekistan attracted $2.4 billion of foreign investment in 2023.\n\nExports rose 8 percent.\nImports fell."
    )
    assert read["scraped.txt"].html and read["scraped.txt"].text == "Kyrgyzstan received 450 million soms."


def test_html_to_text_keeps_text_that_only_looks_like_markup():
    assert html_to_text("<p>Inflation &lt; 5% and rates > 3%</p>") == "Inflation < 5% and rates > 3%"
    assert html_to_text("<p>x <5 y</p><![if odd]>") == "x <5 y"
    assert html_to_text("<script>never closed") == ""


def test_unreadable_files_are_rejected_not_raised(tmp_path, monkeypatch):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "fifo.txt")  # opening it would block forever
    (tmp_path / "big.txt").write_text("Exports rose 5 percent.\n" * 10)
    (tmp_path / "locked.txt").write_text("Exports rose 5 percent.")
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    found = {item.id: item for item in read_inputs([tmp_path])}
    assert (found["dangling"].status, found["dangling"].error) == (UNREADABLE, "No such file or directory")
    assert (found["fifo"].status, found["fifo"].error) == (UNREADABLE, "not a regular file")
    assert (found["locked"].status, found["locked"].error) == (UNREADABLE, "Permission denied")
    assert (found["big"].status, found["big"].error) == (TOO_LARGE, "240 bytes; the limit is 100")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and lists everything")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    (tmp_path / "ok.txt").write_text("Exports rose 5 percent.")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        found = find_inputs([tmp_path])
    finally:
        locked.chmod(0o755)
    assert found == [tmp_path / "ok.txt", Rejected(str(locked), UNREADABLE, "Permission denied")]


def test_find_inputs_reports_missing_paths_and_keeps_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.jsonl", "c.html", "skip.csv", "b/1.txt"):
        (tmp_path / name).write_text("x")
    found = find_inputs([tmp_path, tmp_path / "missing.txt"])
    assert found == [
        tmp_path / "a.jsonl",
        tmp_path / "b" / "1.txt",
        tmp_path / "b" / "2.txt",
        tmp_path / "c.html",
        Foreign(tmp_path / "skip.csv"),
        Rejected(str(tmp_path / "missing.txt"), NOT_FOUND, "no such file or folder", id="missing"),
    ]


def test_jsonl_bad_lines_are_reported_with_their_line_numbers(tmp_path, monkeypatch):
    lines = [
        json.dumps({"id": "ok-1", "text": "Exports rose 3 percent."}),
        '{"id": "broken", "text": "Exports rose',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "number-text", "text": 5}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"text": "No id here: exports rose 1 percent."}),
        json.dumps({"id": "blank", "text": " \n "}),
        json.dumps({"id": "bad-meta", "text": "x", "meta": "2024"}),
        json.dumps({"id": True, "text": "x"}),
        json.dumps({"id": 7, "text": "Surrogate \ud800 escape", "meta": {"date": "2024-01-02"}}),
        json.dumps({"id": "huge", "text": "x" * 300}),
        json.dumps({"id": "ok-2", "text": "Ещё одна запись"}, ensure_ascii=False),
    ]
    path = tmp_path / "wire.jsonl"
    path.write_bytes("\n".join(lines[:-1]).encode() + b"\n" + lines[-1].encode("cp1251") + b"\n")
    monkeypatch.setattr(reading, "MAX_BYTES", 200)
    got = [(item.source.rsplit(":", 1)[1], item.id, getattr(item, "status", "document")) for item in read_jsonl_file(path)]
    no_id = content_hash("No id here: exports rose 1 percent.")
    assert got == [
        ("1", "ok-1", "document"),
        ("2", None, INVALID_JSON),
        ("3", "no-text", INVALID_RECORD),
        ("4", "number-text", INVALID_RECORD),
        ("5", None, INVALID_RECORD),
        ("7", no_id, "document"),
        ("8", "blank", EMPTY),
        ("9", "bad-meta", INVALID_RECORD),
        ("10", None, INVALID_RECORD),
        ("11", "7", "document"),
        ("12", None, TOO_LARGE),
        ("13", "ok-2", "document"),
    ]
    items = list(read_jsonl_file(path))
    assert items[1].error == "Unterminated string starting at: column 26"
    assert items[3].error == "'text' is a number, not a string"
    assert items[9].text == "Surrogate \ufffd escape" and items[9].meta["date"] == "2024-01-02"
    assert (items[-1].text, items[-1].encoding) == ("Ещё одна запись", "cp1251")


def test_jsonl_files_that_hold_no_records(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n \n")
    (tmp_path / "archive.jsonl").write_bytes(b"PK\x03\x04" + bytes(100))
    assert [(item.status, item.error) for item in read_inputs([tmp_path])] == [(BINARY, "a ZIP archive (or .docx/.xlsx)"), (EMPTY, "no records")]


# -- long texts and failing documents ---------------------------------------------------------


def test_chunk_bounds_cover_a_5_mb_dump_in_bounded_pieces():
    paragraph = "Exports rose 12 percent to $3.1 billion. " * 20
    text = ("\n\n".join([paragraph] * 6000))[: 5 * 2**20]
    bounds = chunk_bounds(text, 10_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= 10_000 for start, end in bounds)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])  # cut at paragraph breaks
    assert chunk_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # no break at all: cut anywhere
    assert chunk_bounds("one two. three", 10) == [(0, 9), (9, 14)]


def test_a_long_text_in_pieces_gives_the_rows_of_its_pieces(nlp):
    paragraphs = [path.read_text(encoding="utf-8").strip() for path in GOOD_ARTICLES]
    text = "\n\n".join(paragraphs * 2)
    (whole,) = annotate(nlp, [Document("long", text, {"date": "2024-03-25"})], chunk_chars=2500)
    bounds = chunk_bounds(text, 2500)
    assert len(bounds) > 3
    record = doc_to_record(whole)
    assert record["text"] == text and whole.text == text
    for span in record["spans"] + [end for relation in record["relations"] for end in (relation["head_span"], relation["child_span"])]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    expected = {name: [] for name in table_rows(whole)}
    for start, end in bounds:
        (piece,) = annotate(nlp, [Document("long", text[start:end], {"date": "2024-03-25"})])
        for name, rows in table_rows(piece).items():
            offsets = [key for key in rows[0] if key.endswith(("start", "end")) and isinstance(rows[0][key], int)] if rows else []
            expected[name] += [{**row, **{key: row[key] + start for key in offsets}} for row in rows]
    assert table_rows(whole) == expected
    assert set(DOC_ATTRIBUTES) == {"doc_id", "meta", "figures", "relations", "facts"}  # what join_pieces carries over


@pytest.mark.parametrize("tokens", [False, True])
def test_run_builds_a_long_text_from_its_pieces_as_if_they_were_one_doc(nlp, tokens):
    """`run` never joins the pieces: it shifts their records and rows, and gets what the joined Doc gives."""
    paragraphs = [path.read_text(encoding="utf-8").strip() for path in GOOD_ARTICLES]
    documents = [Document("long", "\n\n".join(paragraphs * 2), {"date": "2024-03-25"}), Document("short", paragraphs[0])]
    batch = process_documents(nlp, documents, "test", chunk_chars=2500, tokens=tokens)
    wholes = list(annotate(nlp, documents, chunk_chars=2500))
    starts = dict.fromkeys(TABLES, 0)
    for outcome, whole in zip(batch.outcomes, wholes):
        assert json.loads(bytes(outcome.annotation)) == doc_to_record(whole, tokens=tokens)
        line = json.loads(outcome.line)
        assert line["rows"] == table_rows(whole) and line["doc"]["status"] == "processed"
        for name, count in zip(TABLES, outcome.counts):
            rows = batch.tables[name].slice(starts[name], count).to_pandas()
            pd.testing.assert_frame_equal(rows, frame(table_rows(whole)[name], TABLES[name][0]))
            starts[name] += count


def test_a_document_that_breaks_the_pipeline_fails_alone():
    nlp = pipeline.load()

    @nlp.component("explode_on_marker")
    def explode(doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom\nsecond line")
        return doc

    nlp.add_pipe("explode_on_marker")
    documents = [
        Document("a", "Exports rose 5 percent."),
        Document("b", "EXPLODE: exports rose 6 percent."),
        Document("c", "Imports fell 2 percent.", {"weight": float("nan")}),  # NaN cannot be written as JSON
        Document("d", "Imports fell 3 percent."),
    ]
    batch = process_documents(nlp, documents, "test")
    outcomes = batch.outcomes
    assert [(o.doc["doc_id"], o.doc["status"], o.doc["error"]) for o in outcomes] == [
        ("a", "processed", None),
        ("b", PIPELINE_ERROR, "the pipeline failed: RuntimeError: boom second line"),
        ("c", PIPELINE_ERROR, "the results cannot be written as JSON: ValueError: Out of range float values are not JSON compliant"),
        ("d", "processed", None),
    ]
    assert [json.loads(bytes(o.annotation))["id"] for o in outcomes if o.line] == ["a", "d"]
    assert batch.tables["facts"].column("doc_id").to_pylist() == ["a", "d"]


# -- a dirty archive through the command line -------------------------------------------------


def build_hostile_corpus(folder: Path) -> dict[str, str]:
    """Good articles mixed with every kind of bad input; returns the expected status by source."""
    folder.mkdir()
    (folder / "sub").mkdir()
    expected: dict[str, str] = {}

    def add(name: str, data: bytes | str, status: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[str(path)] = status

    for article in GOOD_ARTICLES:
        add(article.name, article.read_bytes(), "processed")
    add("ru.txt", RUSSIAN.encode("cp1251"), "processed")
    add("fr.txt", FRENCH.encode("cp1252"), "processed")
    add("page.html", PAGE, "processed")
    add("scraped.txt", "<div><p>Kyrgyzstan received 450 million soms in grants, up 8 percent.</p></div>", "processed")
    add("odd.txt", "1.2.3 $ %% 10^6 1e9 — 📈 " + "9" * 10_000 + " مرحبا 5% שלום\n", "processed")
    long_text = "\n\n".join(article.read_text(encoding="utf-8").strip() for article in GOOD_ARTICLES * 5)
    add("long.txt", long_text, "processed")
    add("empty.txt", "", "empty")
    add("blank.txt", " \n\t\n", "empty")
    add("scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nstream\x00\x01\x02", "skipped: binary")
    add("sub/" + GOOD_ARTICLES[0].name, "Another text with the same file stem.", "failed: duplicate id")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    expected[str(folder / "dangling.txt")] = "failed: unreadable"
    os.mkfifo(folder / "pipe.txt")
    expected[str(folder / "pipe.txt")] = "failed: unreadable"
    wire = [
        (json.dumps({"id": "w-1", "text": "Mongolia's exports rose 5 percent in 2023."}), "processed"),
        ('{"id": "w-2", "text": "cut off', "failed: invalid JSON"),
        (json.dumps({"id": "w-3", "title": "no text"}), "failed: invalid record"),
        (json.dumps({"id": "w-4", "text": ["not", "a", "string"]}), "failed: invalid record"),
        (json.dumps({"id": "w-1", "text": "A second record with the id w-1."}), "failed: duplicate id"),
        (json.dumps({"text": "Armenia's GDP grew 8.3 percent."}), "processed"),
        (json.dumps({"id": "w-6", "text": ""}), "empty"),
    ]
    (folder / "wire.jsonl").write_text("".join(line + "\n" for line, _ in wire), encoding="utf-8")
    expected.update({f"{folder / 'wire.jsonl'}:{number}": status for number, (_, status) in enumerate(wire, start=1)})
    return expected


def test_hostile_corpus_end_to_end(tmp_path, nlp):
    expected = build_hostile_corpus(tmp_path / "in")
    missing = tmp_path / "missing.txt"
    expected[str(missing)] = "failed: not found"
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    command = [sys.executable, "-m", "pipeline", "run", str(tmp_path / "in"), str(missing), "--out", str(tmp_path / "out")]
    result = subprocess.run(command, check=False, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr

    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet")
    assert dict(zip(docs["source"], docs["status"])) == expected
    assert len(docs) == len(expected)  # every input once
    counts = {kind: sum(outcome_class(status) == kind for status in expected.values()) for kind in ("processed", "skipped", "failed")}
    assert sum(counts.values()) == len(expected)
    summary = f"{len(expected)} documents: {counts['processed']} processed, {counts['skipped']} skipped, {counts['failed']} failed"
    assert summary in result.stderr
    reasons = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(reasons) == 6 and all(": failed: " in line for line in reasons[:5])
    by_source = docs.set_index("source")
    assert by_source.loc[str(tmp_path / "in" / "ru.txt"), "encoding"] == "cp1251"
    assert by_source.loc[str(tmp_path / "in" / "fr.txt"), "encoding"] == "cp1252"
    assert bool(by_source.loc[str(tmp_path / "in" / "page.html"), "html"])
    assert by_source.loc[str(tmp_path / "in" / "sub" / GOOD_ARTICLES[0].name), "error"].endswith(
        f"is already the id of {tmp_path / 'in' / GOOD_ARTICLES[0].name}"
    )

    records = [json.loads(line) for line in (tmp_path / "out" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    processed = docs[docs["status"] == "processed"]
    assert [record["id"] for record in records] == processed["doc_id"].tolist()
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
    page = next(record for record in records if record["id"] == "page")
    assert "<" not in page["text"] and "$9 billion" not in page["text"]
    assert [span["text"] for span in page["spans"] if span["label"] == "MONEY"] == ["$2.4 billion"]

    facts = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    good_ids = [article.stem for article in GOOD_ARTICLES]
    alone = pipeline.to_frames(annotate(nlp, reading.read_documents(GOOD_ARTICLES)))["facts"]
    ours = facts[facts["doc_id"].isin(good_ids)].reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, alone)
    assert len(alone) > 20


def test_an_unwritable_output_folder_is_one_error_line(tmp_path):
    shutil.copy(GOOD_ARTICLES[1], tmp_path / "a.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".parts").write_text("not a folder")
    command = [sys.executable, "-m", "pipeline", "run", "a.txt", "--out", "out"]
    result = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.fullmatch(r"error: out/\.parts: .+\n", result.stderr)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_long_document_held_in_temporary_files_gives_the_same_files(nlp, tmp_path, monkeypatch, n_process):
    """Past SPOOL_BYTES of JSON and ARROW_ROWS rows, a document's line and rows wait in temporary files; the files
    of the run are the same, also when they cross from worker processes."""
    paragraphs = [path.read_text(encoding="utf-8").strip() for path in GOOD_ARTICLES]
    records = [{"id": "long", "text": "\n\n".join(paragraphs * 3)}, {"id": "short", "text": paragraphs[0]}]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    run_inputs([tmp_path / "in"], tmp_path / "held", nlp=nlp, chunk_chars=2500)
    monkeypatch.setattr(processing, "ARROW_ROWS", 40)
    monkeypatch.setattr(processing, "SPOOL_BYTES", 2000)
    run_inputs([tmp_path / "in"], tmp_path / "spilled", nlp=nlp, chunk_chars=2500, n_process=n_process)
    for name in ("annotations.jsonl", ".parts/part-000001.jsonl"):
        assert (tmp_path / "spilled" / name).read_bytes() == (tmp_path / "held" / name).read_bytes()
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "spilled" / f"{name}.parquet"), pd.read_parquet(tmp_path / "held" / f"{name}.parquet"))
