"""Round trips: the saved pipeline in a fresh process, each component's bytes and disk, DocBin, n_process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

TEXT = (
    "ASTANA, Kazakhstan. Output in Karaganda region reached 7.5 trillion tenge (about 16.6 billion), "
    "up 4.3 percent, the Bureau of National Statistics said."
)
EXPECTED_ENTS = [
    ("ASTANA", "REGION"),
    ("Kazakhstan", "REGION"),
    ("Karaganda", "REGION"),
    ("7.5 trillion tenge", "MONEY"),
    ("16.6 billion", "MONEY"),
    ("4.3 percent", "PERCENT"),
    ("Bureau of National Statistics", "ORG"),
]
LABELS = {label for _, label in EXPECTED_ENTS}

FRESH_PROCESS = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({
    "ents": [[e.start_char, e.end_char, e.label_, e.ent_id_] for e in doc.ents],
    "figures": doc._.figures,
}))
"""


def ents_of(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents if e.label_ in LABELS]


def blank_with_our_tokenizer():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "econ.tokenizer.v1"}}})


def test_the_sentence_has_every_label(nlp):
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in LABELS] == EXPECTED_ENTS
    assert [(f["text"], f["unit"]) for f in doc._.figures] == [
        ("7.5 trillion tenge", "KZT"), ("16.6 billion", "USD"), ("4.3 percent", "%")
    ]
    assert [f["value"] for f in doc._.figures] == pytest.approx([7.5e12, 16.6e9, 4.3], rel=1e-9)


def test_saved_pipeline_loads_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    result = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS, str(tmp_path / "model"), TEXT],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    doc = nlp(TEXT)
    assert [tuple(ent) for ent in loaded["ents"]] == [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents]
    assert loaded["figures"] == json.loads(json.dumps(doc._.figures))


def test_entity_ruler_bytes_round_trip(nlp):
    ruler = nlp.get_pipe("entity_ruler")
    nlp2 = blank_with_our_tokenizer()
    ruler2 = nlp2.add_pipe("econ_entity_ruler")
    assert len(ruler2) == 0
    ruler2.from_bytes(ruler.to_bytes())
    assert ruler2.patterns == ruler.patterns
    assert ents_of(nlp2(TEXT)) == ents_of(ruler(nlp.make_doc(TEXT)))


def test_entity_ruler_disk_round_trip(nlp, tmp_path):
    ruler = nlp.get_pipe("entity_ruler")
    ruler.to_disk(tmp_path / "ruler")
    nlp2 = blank_with_our_tokenizer()
    ruler2 = nlp2.add_pipe("econ_entity_ruler")
    ruler2.from_disk(tmp_path / "ruler")
    assert ruler2.patterns == ruler.patterns
    assert ents_of(nlp2(TEXT)) == ents_of(ruler(nlp.make_doc(TEXT)))


def test_figure_normalizer_bytes_round_trip(nlp):
    nlp2 = blank_with_our_tokenizer()
    nlp2.add_pipe("sentencizer")
    nlp2.add_pipe("econ_entity_ruler").from_bytes(nlp.get_pipe("entity_ruler").to_bytes())
    normalizer2 = nlp2.add_pipe("econ_figure_normalizer")
    assert normalizer2.lexicon is None
    normalizer2.from_bytes(nlp.get_pipe("figure_normalizer").to_bytes())
    doc, doc2 = nlp(TEXT), nlp2(TEXT)
    assert ents_of(doc2) == ents_of(doc)
    assert doc2._.figures == doc._.figures


def test_figure_normalizer_disk_round_trip(nlp, tmp_path):
    nlp.get_pipe("entity_ruler").to_disk(tmp_path / "ruler")
    nlp.get_pipe("figure_normalizer").to_disk(tmp_path / "normalizer")
    nlp2 = blank_with_our_tokenizer()
    nlp2.add_pipe("sentencizer")
    nlp2.add_pipe("econ_entity_ruler").from_disk(tmp_path / "ruler")
    nlp2.add_pipe("econ_figure_normalizer").from_disk(tmp_path / "normalizer")
    doc, doc2 = nlp(TEXT), nlp2(TEXT)
    assert ents_of(doc2) == ents_of(doc)
    assert doc2._.figures == doc._.figures


def test_docbin_keeps_figures_and_entities(nlp):
    doc = nlp(TEXT)
    doc_bin = DocBin(store_user_data=True)
    doc_bin.add(doc)
    restored = next(DocBin().from_bytes(doc_bin.to_bytes()).get_docs(nlp.vocab))
    assert ents_of(restored) == ents_of(doc)
    assert list(restored._.figures) == doc._.figures
    money = [e for e in restored.ents if e.label_ == "MONEY"]
    assert [(e.text, e._.unit) for e in money] == [("7.5 trillion tenge", "KZT"), ("16.6 billion", "USD")]
    assert [e._.value for e in money] == pytest.approx([7.5e12, 16.6e9], rel=1e-9)
    assert restored.ents[0]._.value is None  # ASTANA: not a figure


def test_pipe_with_two_processes_matches_one(nlp):
    texts = [
        TEXT,
        "The National Bank of Kazakhstan kept the base rate at 14.75 percent.",
        "Uzbekistan attracted about $2.4 billion of foreign investment.",
        "Remittances to Tajikistan fell -1.3% in March, the World Bank said.",
        "Investment in Central Asia could reach $5-6 billion.",
    ]

    def summary(docs):
        return [(ents_of(doc), doc._.figures) for doc in docs]

    single = summary(nlp.pipe(texts, n_process=1))
    assert summary(nlp.pipe(texts, n_process=2, batch_size=2)) == single
    assert [len(ents) for ents, _ in single] == [7, 2, 2, 3, 2]
