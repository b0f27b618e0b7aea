"""Unicode spaces and invisible marks of scraped text read like plain text (issue 13, item 1)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from run_helpers import cli

from components.unicode_text import plain_spaces, without_invisible_marks
from pipeline.run.reading import read_documents

NBSP, NARROW, THIN, EM, IDEOGRAPHIC = "\u00a0", "\u202f", "\u2009", "\u2003", "\u3000"
ZERO_WIDTH, LRM, RLM, SOFT_HYPHEN, BOM = "\u200b", "\u200e", "\u200f", "\u00ad", "\ufeff"

FIGURES = [
    # (sentence, figure text as read, value, unit)
    (f"Mining output reached ${3}{NBSP}billion in 2025.", "$3 billion", 3e9, "USD"),
    (f"Tax receipts reached KZT{NBSP}751{NBSP}bn last year.", "KZT 751 bn", 751e9, "KZT"),
    (f"Wholesale prices rose 4.5{NARROW}percent in May.", "4.5 percent", 4.5, "%"),
    (f"Retail sales grew 2{THIN}% in the quarter.", "2 %", 2.0, "%"),
    (f"The deficit narrowed to 1.2{EM}trillion tenge.", "1.2 trillion tenge", 1.2e12, "KZT"),
    (f"Imports fell to 640{IDEOGRAPHIC}million euros.", "640 million euros", 640e6, "EUR"),
    (f"Grain exports were worth 5{NBSP}200 million dollars.", None, None, None),  # a space-grouped number is no figure of ours
]


@pytest.mark.parametrize("sentence, text, value, unit", FIGURES)
def test_unicode_spaces_read_as_spaces(nlp, sentence, text, value, unit):
    doc = nlp(sentence)
    assert len(doc.text) == len(sentence)  # one character for one: offsets stay those of the input
    if text is None:
        return
    (figure,) = [f for f in doc._.figures if f["text"] == text]
    assert (figure["value"], figure["unit"]) == (pytest.approx(value), unit)
    assert plain_spaces(sentence)[figure["start"] : figure["end"]] == text


def test_line_and_paragraph_separators_break_lines():
    assert plain_spaces("Exports rose.\u2028Imports fell.\u2029") == "Exports rose.\nImports fell.\n"


@pytest.mark.parametrize(
    "raw, plain",
    [
        (f"Exports rose 5{ZERO_WIDTH}% to $2{ZERO_WIDTH}billion", "Exports rose 5% to $2billion"),
        (f"{RLM}Kazakh{SOFT_HYPHEN}stan's GDP grew 4.8%{LRM}", "Kazakhstan's GDP grew 4.8%"),
        (f"output {BOM}rose", "output rose"),
        ("plain ASCII text stays as it is", "plain ASCII text stays as it is"),
    ],
)
def test_invisible_marks_are_dropped(raw, plain):
    assert without_invisible_marks(raw) == plain


def test_reading_makes_the_text_plain_and_says_so(tmp_path):
    (tmp_path / "scraped.txt").write_text(f"Industrial output rose 3.1{NBSP}percent in Kazakh{ZERO_WIDTH}stan.", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Industrial output rose 3.1 percent in Kazakhstan.", encoding="utf-8")
    documents = {document.id: document for document in read_documents([tmp_path])}
    assert documents["scraped"].text == documents["clean"].text
    assert (documents["scraped"].normalised, documents["clean"].normalised) == (True, False)


def test_run_reads_scraped_spacing_and_flags_the_doc(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    record = {"id": "scraped", "text": f"Kazakhstan's exports reached ${7}.4{NBSP}billion{LRM} in January{NARROW}2025."}
    (inputs / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = cli("run", str(inputs), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    docs = pd.read_parquet(tmp_path / "out" / "docs.parquet")
    assert bool(docs.set_index("doc_id").loc["scraped", "normalised"])
    facts = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    (fact,) = facts.itertuples()
    assert (fact.value, fact.unit, fact.region) == (pytest.approx(7.4e9), "USD", "Kazakhstan")
    annotations = [json.loads(line) for line in (tmp_path / "out" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    (annotation,) = annotations
    money = next(span for span in annotation["spans"] if span["label"] == "MONEY")
    assert annotation["text"][money["start"] : money["end"]] == "$7.4 billion"  # offsets into the text the record carries
