"""Teaching the rulers: `run` -> correct -> `patterns train` -> the next pipeline finds what it missed.

Every training writes into a temp copy of configs/, never into the bundled one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from run_helpers import invoke
from typer.testing import CliRunner

import pipeline
from components.lexicon import FigureLexicon
from pipeline.cli import app
from pipeline.evaluate.evaluation import predict_records
from pipeline.loading import CONFIG_DIR
from pipeline.patterns.learned import lexicon_tables
from pipeline.patterns.training.lexicon_words import lexicon_entries
from pipeline.patterns.training.train import held_out_split, token_boundary_check, train
from pipeline.run.annotate import annotate
from pipeline.run.annotation_file import AnnotationError, read_annotations
from pipeline.run.export import doc_to_record
from pipeline.run.reading import Document

PROJECT_DIR = Path(__file__).resolve().parents[1]

TRAIN = {
    "r1": "Altyn Sunqar Aqua said fish catch rose to 2.5 million cowries in 2023.",
    "r2": "Nomad reported revenue of 3 billion tenge in 2023, Kazakhstan's statistics bureau said.",
}
DEV = {
    "d1": "Fish catch at Altyn Sunqar Aqua reached 1,200 cowries in 2022.",
    "d2": "Nomad herders in Kazakhstan sold livestock worth 5 billion tenge in 2022.",
    "d3": "Fish catch fell to three billion cowries in 2021, Altyn Sunqar Aqua said.",
}
# Neither in the training nor in the dev file: the code before the number, a glued scale, number + scale word.
NEW = "Fish catch at Altyn Sunqar Aqua was worth XCW 300bn in the first quarter, against 45 thousand cowries a year earlier."
ORG, INDICATOR = "Altyn Sunqar Aqua", "fish catch"
LEARNED_FILES = ("patterns/learned.jsonl", "patterns/learned_concepts.jsonl", "lexicons/learned/currencies.jsonl")


def span(text: str, surface: str, label: str, **extra) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "label": label, **extra}


def relation(text: str, head: str, head_label: str, child: str, child_label: str) -> dict:
    return {
        "head_span": span(text, head, head_label),
        "child_span": span(text, child, child_label),
        "label": child_label,
    }


def dev_records() -> list[dict]:
    d1, d2, d3 = DEV["d1"], DEV["d2"], DEV["d3"]
    return [
        {"id": "d1", "text": d1, "spans": [
            span(d1, "Fish catch", "INDICATOR"), span(d1, ORG, "ORG"),
            span(d1, "1,200 cowries", "MONEY", value=1200.0, unit="XCW"), span(d1, "2022", "PERIOD"),
        ], "relations": [
            relation(d1, "1,200 cowries", "MONEY", "Fish catch", "INDICATOR"),
            relation(d1, "1,200 cowries", "MONEY", "2022", "PERIOD"),
        ]},
        {"id": "d2", "text": d2, "spans": [  # `Nomad` is no organisation here
            span(d2, "Kazakhstan", "REGION"), span(d2, "5 billion tenge", "MONEY", value=5e9, unit="KZT"), span(d2, "2022", "PERIOD"),
        ]},
        {"id": "d3", "text": d3, "spans": [
            span(d3, "Fish catch", "INDICATOR"), span(d3, "three billion cowries", "MONEY", value=3e9, unit="XCW"),
            span(d3, "2021", "PERIOD"), span(d3, ORG, "ORG"),
        ]},
    ]


def corrected_records(predicted: dict[str, dict]) -> list[dict]:
    """What the analyst does to the `run` output: adds the missed organisations, indicator and money."""
    records = json.loads(json.dumps([predicted["r1"], predicted["r2"]]))
    r1, r2 = records
    added = [
        span(r1["text"], ORG, "ORG"),
        span(r1["text"], INDICATOR, "INDICATOR"),
        span(r1["text"], "2.5 million cowries", "MONEY", value=2.5e6, unit="XCW"),
        span(r1["text"], "2023", "PERIOD"),
    ]
    annotated = {(p["start"], p["end"]) for p in r1["spans"]}
    r1["spans"] = sorted(r1["spans"] + [s for s in added if (s["start"], s["end"]) not in annotated], key=lambda s: s["start"])
    r2["spans"] = sorted(r2["spans"] + [span(r2["text"], "Nomad", "ORG")], key=lambda s: s["start"])
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()}


def found(nlp, text: str) -> dict[str, tuple]:
    record = predict_records(nlp, [{"id": "x", "text": text}])[0]
    return {s["text"]: (s["label"], s.get("value"), s.get("unit")) for s in record["spans"]}


def test_the_unseen_names_are_missed_today(nlp):
    for text in (*TRAIN.values(), *DEV.values(), NEW):
        spans = found(nlp, text)
        assert ORG not in spans
        assert not any("cowries" in surface or "XCW" in surface for surface in spans)
        assert not any(surface.lower() == INDICATOR for surface in spans)
    assert "Nomad" not in found(nlp, TRAIN["r2"])


def test_teach_loop_run_correct_train_list_build(tmp_path, configs):
    bundled = snapshot(CONFIG_DIR)
    # 1. `run` writes the annotations (spans and relations, no tokens: `patterns train` needs none).
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "wire.jsonl", [{"id": key, "text": text} for key, text in TRAIN.items()])
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "in", "--out", "out", "--format", "csv"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    predicted = {record["id"]: record for record in read_jsonl(tmp_path / "out" / "annotations.jsonl")}
    for record in predicted.values():
        assert "tokens" not in record and not any("token_start" in s for s in record["spans"])
    # 2. The analyst corrects it; 3. `patterns train` learns from it.
    corrected = write_jsonl(tmp_path / "corrected.jsonl", corrected_records(predicted))
    dev = write_jsonl(tmp_path / "dev.jsonl", dev_records())
    result = invoke("patterns", "train", str(corrected), "--dev", str(dev), "--into", str(configs))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Added (3):" in out
    for learned_id in (
        "learned/ORG/altyn-sunqar-aqua@corrected.jsonl#r1", "learned/INDICATOR/fish-catch@corrected.jsonl#r1", "learned/MONEY/cowries@corrected.jsonl#r1"
    ):
        assert learned_id in out
    assert "learned/ORG/nomad@corrected.jsonl#r2" in out and "Skipped, would lower dev precision (1" in out
    assert "ORG precision 1.000 -> " in out and "'Nomad' (ORG) in d2" in out
    assert "PERIOD '2023': already matched by period/year" in out  # a miss no pattern fixes: it was not linked
    rows = {line.split()[0]: line.split() for line in out.splitlines() if "->" in line and line.startswith("  ")}
    assert rows["MONEY"][1:4] == ["1.000", "0.333", "0.500"] and rows["MONEY"][5:8] == ["1.000", "1.000", "1.000"]
    assert rows["ORG"][5:8] == ["1.000", "1.000", "1.000"] and rows["INDICATOR"][5:8] == ["1.000", "1.000", "1.000"]
    assert "Before:" in out and "After:" in out and "Wrote: " in out
    # The learned files, with ids that say where each came from; figures.jsonl regenerated.
    assert read_jsonl(configs / "patterns/learned.jsonl") == [
        {"id": "learned/ORG/altyn-sunqar-aqua@corrected.jsonl#r1", "label": "ORG", "pattern": ORG}
    ]
    assert read_jsonl(configs / "patterns/learned_concepts.jsonl") == [
        {"id": "learned/INDICATOR/fish-catch@corrected.jsonl#r1", "label": "INDICATOR", "pattern": [{"LOWER": "fish"}, {"LOWER": "catch"}]}
    ]
    assert read_jsonl(configs / "lexicons/learned/currencies.jsonl") == [
        {"code": "XCW", "id": "learned/MONEY/cowries@corrected.jsonl#r1", "words": ["cowries"]}
    ]
    assert "cowries" in (configs / "patterns/figures.jsonl").read_text(encoding="utf-8")
    now, original = snapshot(configs), snapshot(CONFIG_DIR)
    changed = {name for name, (_, data) in now.items() if original.get(name, (0, None))[1] != data}
    assert changed == {*LEARNED_FILES, "patterns/figures.jsonl"}
    assert snapshot(CONFIG_DIR) == bundled
    # 4. The next pipeline finds them, also in other sentences, numbers and scales.
    trained = pipeline.load(configs)
    spans = found(trained, NEW)
    assert spans[ORG] == ("ORG", None, None)
    assert spans["Fish catch"] == ("INDICATOR", None, None)
    assert spans["XCW 300bn"] == ("MONEY", 3e11, "XCW")
    assert spans["45 thousand cowries"] == ("MONEY", 45000.0, "XCW")
    assert found(trained, DEV["d3"])["three billion cowries"] == ("MONEY", 3e9, "XCW")
    assert "Nomad" not in found(trained, DEV["d2"])
    # `patterns list` shows them with their source.
    result = invoke("patterns", "list", "--config", str(configs))
    assert result.exit_code == 0, result.output
    assert "Learned (3):" in result.output
    assert "learned/ORG" in result.output and "learned/MONEY (lexicon: currencies.jsonl)" in result.output
    assert f"{ORG}    from corrected.jsonl#r1" in result.output
    assert "currency XCW: cowries    from corrected.jsonl#r1" in result.output
    result = invoke("patterns", "list", "--config", str(configs), "--label", "ORG")
    assert "Learned (1):" in result.output and "cowries" not in result.output and "org/curated" in result.output
    # `patterns build` regenerates the derived files but keeps the learned ones and their words.
    learned_before = {name: (configs / name).read_bytes() for name in LEARNED_FILES}
    figures_before = (configs / "patterns/figures.jsonl").read_bytes()
    result = invoke("patterns", "build", "--config", str(configs))
    assert result.exit_code == 0, result.output
    assert {name: (configs / name).read_bytes() for name in LEARNED_FILES} == learned_before
    assert (configs / "patterns/figures.jsonl").read_bytes() == figures_before
    assert snapshot(CONFIG_DIR) == bundled


def test_dry_run_writes_nothing_and_force_keeps_a_harmful_pattern(tmp_path, configs):
    corrected = write_jsonl(tmp_path / "corrected.jsonl", corrected_records({key: {"id": key, "text": text, "spans": []} for key, text in TRAIN.items()}))
    dev = write_jsonl(tmp_path / "dev.jsonl", dev_records())
    before = snapshot(configs)
    result = train(corrected, dev=dev, config_dir=configs, dry_run=True)
    assert snapshot(configs) == before
    status = {candidate.id: candidate.status for candidate in result.candidates}
    assert status == {
        "learned/ORG/altyn-sunqar-aqua@corrected.jsonl#r1": "added",
        "learned/INDICATOR/fish-catch@corrected.jsonl#r1": "added",
        "learned/MONEY/cowries@corrected.jsonl#r1": "added",
        "learned/ORG/nomad@corrected.jsonl#r2": "skipped",
    }
    assert result.written == []
    assert f'+ {{"id": "learned/ORG/altyn-sunqar-aqua@corrected.jsonl#r1", "label": "ORG", "pattern": "{ORG}"}}' in result.diff
    assert result.after["spans"]["micro"]["f1"] == 1.0 > result.before["spans"]["micro"]["f1"]

    out = invoke("patterns", "train", str(corrected), "--dev", str(dev), "--into", str(configs), "--force").output
    assert "Kept with --force although they lower dev precision (1):" in out
    ids = [row["id"] for row in read_jsonl(configs / "patterns/learned.jsonl")]
    assert ids == ["learned/ORG/altyn-sunqar-aqua@corrected.jsonl#r1", "learned/ORG/nomad@corrected.jsonl#r2"]
    assert found(pipeline.load(configs), DEV["d2"])["Nomad"][0] == "ORG"

    again = train(corrected, dev=dev, config_dir=configs, dry_run=True)  # nothing left to learn: no duplicates
    assert again.candidates == [] and again.written == []


BAD_LINES = [
    pytest.param('{"id": "b", "text": "Exports rose', "invalid JSON", id="invalid-json"),
    pytest.param(
        json.dumps({"id": "b", "text": "Exports rose.", "spans": [{"start": 8, "end": 40, "label": "ORG"}]}), "outside the text", id="offsets-outside"
    ),
    pytest.param(
        json.dumps({"id": "b", "text": "Altyn Sunqar Aqua rose.", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}),
        "does not fall on token boundaries (it cuts the token 'Sunqar'",
        id="cuts-a-token",
    ),
    pytest.param(
        json.dumps({"id": "b", "text": "Exports rose.", "spans": [{"start": 0, "end": 7, "label": "COMPANY"}]}), "unknown label 'COMPANY'", id="unknown-label"
    ),
]


@pytest.mark.parametrize("line, reason", BAD_LINES)
def test_bad_annotation_lines_are_named(tmp_path, nlp, line, reason):
    good = json.dumps({"id": "a", "text": TRAIN["r1"], "spans": [span(TRAIN["r1"], ORG, "ORG")]})
    path = tmp_path / "corrected.jsonl"
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as error:
        read_annotations(path, check_tokens=token_boundary_check(nlp))
    assert error.value.line == 2 and reason in str(error.value)


@pytest.mark.parametrize("line, reason", [BAD_LINES[0], BAD_LINES[2]])
def test_train_rejects_a_bad_file_and_writes_nothing(tmp_path, configs, line, reason):
    good = json.dumps({"id": "a", "text": TRAIN["r1"], "spans": [span(TRAIN["r1"], ORG, "ORG")]})
    path = tmp_path / "corrected.jsonl"
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    before = snapshot(configs)
    result = invoke("patterns", "train", str(path), "--into", str(configs))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}:3: ") and reason in lines[0]
    assert snapshot(configs) == before


def test_held_out_split_is_deterministic():
    records = [{"id": f"doc-{i}", "text": "x"} for i in range(10)]
    train_part, held = held_out_split(records)
    assert len(held) == 2 and len(train_part) == 8
    assert {r["id"] for r in held}.isdisjoint(r["id"] for r in train_part)
    _, shuffled_held = held_out_split(list(reversed(records)))
    assert sorted(r["id"] for r in shuffled_held) == sorted(r["id"] for r in held)
    assert held_out_split(records[:1]) == (records[:1], [])
    assert len(held_out_split(records[:2])[1]) == 1


@pytest.mark.parametrize("text, surface, label, value, unit, expected", [
    ("It cost 2.5 million cowries.", "2.5 million cowries", "MONEY", 2.5e6, "XCW", [("currencies", {"code": "XCW", "words": ["cowries"]})]),
    ("It cost XCW 5 million.", "XCW 5 million", "MONEY", 5e6, "XCW", [("currencies", {"code": "XCW"})]),
    ("It cost Ƶ 500 million.", "Ƶ 500 million", "MONEY", 5e8, "XZZ", [("currencies", {"code": "XZZ", "symbols": ["Ƶ"]})]),
    ("It cost 50 zorks.", "50 zorks", "MONEY", 0.5, "KZT", [("currencies", {"code": "KZT", "minor": [{"words": ["zorks"], "factor": 0.01}]})]),
    ("It was $5 zillion.", "$5 zillion", "MONEY", 5e21, "USD", [("scales", {"factor": 1e21, "words": ["zillion"]})]),
    ("It was 5 zillion tenge.", "5 zillion tenge", "MONEY", 5e21, "KZT", [("scales", {"factor": 1e21, "words": ["zillion"]})]),
    ("It rose 20 pipz.", "20 pipz", "PERCENT", 0.2, "pp", [("percent_units", {"unit": "pp", "factor": 0.01, "words": ["pipz"]})]),
    ("It cost 5 million tenge.", "5 million tenge", "MONEY", 5e6, "KZT", "every word is known"),
    ("It cost 5-6 million cowries.", "5-6 million cowries", "MONEY", 5.5e6, "XCW", "only a single amount"),
    ("It cost 5 million cowries.", "5 million cowries", "MONEY", 5e6, "cowries", "not an ISO 4217 code"),
])
def test_lexicon_entries_from_a_missed_figure(nlp, text, surface, label, value, unit, expected):
    start = text.index(surface)
    doc = nlp.make_doc(text)
    learned = lexicon_entries(doc.char_span(start, start + len(surface)), {"label": label, "value": value, "unit": unit}, FigureLexicon(lexicon_tables(nlp)))
    if isinstance(expected, str):
        assert isinstance(learned, str) and expected in learned
    else:
        assert [(table, entry) for table, entry, _ in learned] == expected


def test_annotation_records_carry_prodigy_tokens(nlp):
    text = "ASTANA. Kazakhstan's exports rose 12 percent to $3.1 billion in 2023 (about KZT1.4 trillion), the Bureau of National Statistics said."
    record = doc_to_record(next(annotate(nlp, [Document(id="t", text=text)])), tokens=True)
    tokens = record["tokens"]
    assert [token["id"] for token in tokens] == list(range(len(tokens)))
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == text
    assert all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
    ends = [s for s in record["spans"]] + [r[key] for r in record["relations"] for key in ("head_span", "child_span")]
    assert len(record["spans"]) >= 6 and record["relations"]
    for item in ends:
        assert tokens[item["token_start"]]["start"] == item["start"]
        assert tokens[item["token_end"]]["end"] == item["end"]  # token_end is inclusive, as in Prodigy
    glued = next(s for s in record["spans"] if s["text"] == "KZT1.4 trillion")
    assert glued["token_end"] - glued["token_start"] == 2  # KZT | 1.4 | trillion
    assert token_boundary_check(nlp)(record) is None  # an exported record is a valid training record


def test_run_and_evaluate_take_a_config_folder_trained_with_into(tmp_path, configs):
    corrected = write_jsonl(tmp_path / "corrected.jsonl", corrected_records({key: {"id": key, "text": text, "spans": []} for key, text in TRAIN.items()}))
    dev = write_jsonl(tmp_path / "dev.jsonl", dev_records())
    assert invoke("patterns", "train", str(corrected), "--dev", str(dev), "--into", str(configs)).exit_code == 0
    write_jsonl(tmp_path / "new.jsonl", [{"id": "new", "text": NEW}])
    money = {}
    for name, option in (("bundled", []), ("trained", ["--config", str(configs)])):
        result = invoke("run", str(tmp_path / "new.jsonl"), "--out", str(tmp_path / name), *option)
        assert result.exit_code == 0, result.output
        (record,) = read_jsonl(tmp_path / name / "annotations.jsonl")
        money[name] = {(s["text"], s["value"], s["unit"]) for s in record["spans"] if s["label"] == "MONEY"}
    assert money == {"bundled": set(), "trained": {("XCW 300bn", 3e11, "XCW"), ("45 thousand cowries", 45000.0, "XCW")}}
    scores = {}
    for name, option in (("bundled", []), ("trained", ["--config", str(configs)])):
        result = invoke("evaluate", str(dev), "--json", *option)
        assert result.exit_code == 0, result.output
        scores[name] = json.loads(result.stdout)["spans"]["labels"]["MONEY"]["f1"]
    assert scores["trained"] == 1.0 > scores["bundled"]


@pytest.mark.parametrize("command", [["run", "new.jsonl"], ["evaluate", "dev.jsonl"], ["annotations", "--tokens", "dev.jsonl", "out.jsonl"], ["bench"]])
@pytest.mark.parametrize("folder, error", [("nowhere", "nowhere: not a config folder (no pipeline.cfg)"), ("broken", "broken: the pipeline cannot be built")])
def test_a_bad_config_folder_is_one_error_line(tmp_path, monkeypatch, command, folder, error):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "pipeline.cfg").write_text("[nlp]\nlang = \"en\"\npipeline = [\"no_such_pipe\"]\n", encoding="utf-8")
    write_jsonl(tmp_path / "new.jsonl", [{"id": "new", "text": NEW}])
    write_jsonl(tmp_path / "dev.jsonl", dev_records())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--config", folder])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {error}") and result.stderr.count("\n") == 1, result.stderr
