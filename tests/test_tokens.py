"""Prodigy tokens on request: `annotations.jsonl` carries spans and relations; `run --tokens` adds the token
lists, and so does `python -m pipeline annotations --tokens IN OUT`, byte for byte as `run --tokens` writes them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from run_helpers import invoke

from pipeline.run.running import OutputError, run_inputs
from pipeline.run.tokens import with_tokens, without_tokens

SENTENCES = [
    "ASTANA. Kazakhstan's exports rose 12 percent to $3.1 billion in 2023 (about KZT1.4 trillion), the ministry said.",
    "Uzbekistan attracted $2.4 billion of foreign investment in the first quarter, up 8% on a year earlier.",
    "Kyrgyzstan's budget deficit narrowed to 1.2 percent of GDP in 2023 from 3.1 percent in 2022.",
]
LONG = "\n\n".join(SENTENCES[i % 3] for i in range(150))  # over 10,000 characters: annotated in pieces


def write_inputs(folder: Path) -> Path:
    folder.mkdir()
    records = [{"id": f"s{i}", "text": text, "meta": {"date": "2024-03-01"}} for i, text in enumerate(SENTENCES)]
    records.append({"id": "long", "text": LONG})
    (folder / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return folder


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_tokens_come_with_run_tokens_or_the_annotations_export(nlp, tmp_path):
    inputs = write_inputs(tmp_path / "in")
    run_inputs([inputs], tmp_path / "plain", nlp=nlp)
    run_inputs([inputs], tmp_path / "tokens", nlp=nlp, tokens=True)
    plain, tokened = tmp_path / "plain" / "annotations.jsonl", tmp_path / "tokens" / "annotations.jsonl"
    for record in read_jsonl(plain):
        assert "tokens" not in record and record["spans"] and record["relations"]
        assert not any("token_start" in span for span in record["spans"])
        assert not any("token_start" in relation["head_span"] for relation in record["relations"])
    for record in read_jsonl(tokened):
        assert [token["id"] for token in record["tokens"]] == list(range(len(record["tokens"])))
        assert all("token_start" in span for span in record["spans"])

    result = invoke("annotations", "--tokens", str(plain), str(tmp_path / "exported.jsonl"))
    assert result.exit_code == 0, result.output
    assert read_jsonl(tmp_path / "exported.jsonl") == read_jsonl(tokened)
    result = invoke("annotations", str(tokened), str(tmp_path / "stripped.jsonl"))
    assert result.exit_code == 0, result.output
    assert read_jsonl(tmp_path / "stripped.jsonl") == read_jsonl(plain)


@pytest.mark.parametrize("first,second", [(True, False), (False, True)])
def test_a_run_resumes_only_with_the_tokens_setting_of_the_folder(nlp, tmp_path, first, second):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kz.txt").write_text(SENTENCES[0], encoding="utf-8")
    run_inputs([tmp_path / "in"], tmp_path / "out", nlp=nlp, tokens=first)
    with pytest.raises(OutputError, match="--tokens"):
        run_inputs([tmp_path / "in"], tmp_path / "out", nlp=nlp, tokens=second)
    assert run_inputs([tmp_path / "in"], tmp_path / "out", nlp=nlp, tokens=second, overwrite=True).processed == 1


def test_a_hand_made_record_gets_token_ranges_where_its_spans_fall_on_tokens(nlp):
    text = "Exports rose 14.7 percent to $14.7 billion in 2023."
    record = {
        "id": "a",
        "text": text,
        "spans": [{"start": 29, "end": 42, "label": "MONEY", "value": 14.7e9}, {"start": 1, "end": 7, "label": "INDICATOR"}],
        "relations": [
            {"head_span": {"start": 29, "end": 42, "label": "MONEY"}, "child_span": {"start": 0, "end": 7, "label": "INDICATOR"}, "label": "INDICATOR"}
        ],
    }
    tokened = with_tokens(nlp, record)
    assert list(tokened) == ["id", "text", "tokens", "spans", "relations"]
    money, cut = tokened["spans"]
    assert money == {"start": 29, "end": 42, "label": "MONEY", "token_start": 5, "token_end": 7, "value": 14.7e9}  # $ | 14.7 | billion
    assert cut == record["spans"][1]  # `xports` is no token
    assert tokened["relations"][0]["child_span"] == {"start": 0, "end": 7, "label": "INDICATOR", "token_start": 0, "token_end": 0}
    assert without_tokens(tokened) == record
