"""spaCy's conventions: `econ_` factory names, the concept ruler's own factory, the linked-span key read from the
config, and what each pipe assigns and requires."""
from __future__ import annotations

import pytest
import spacy

from components.entity_ruler import EconEntityRuler
from pipeline.evaluate.evaluation import predict_records
from pipeline.loading import CONFIG_DIR

TEXT = "Kazakhstan's exports rose 4.3 percent to $31.4 billion in 2023."


def test_every_factory_is_ours(nlp):
    assert [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names] == [
        "econ_lookup_lemmatizer",
        "econ_sentencizer",
        "econ_entity_ruler",
        "econ_figure_normalizer",
        "econ_concept_ruler",
        "econ_indicator_phrases",
        "econ_figure_relations",
        "econ_fact_checks",
    ]


def test_the_concept_ruler_is_the_entity_ruler_writing_candidates(nlp):
    ruler = nlp.get_pipe("concept_ruler")
    assert isinstance(ruler, EconEntityRuler) and ruler.spans_key == "concept_candidates"
    doc = nlp(TEXT)
    assert {(span.text, span.label_) for span in doc.spans["concept_candidates"]} >= {("exports", "INDICATOR"), ("2023", "PERIOD")}


@pytest.mark.parametrize("spans_key", ["concepts", "linked"])
def test_the_record_takes_the_linked_spans_from_the_configured_key(spans_key):
    overrides = {"paths.configs": str(CONFIG_DIR), "components.figure_relations.spans_key": spans_key}
    config = spacy.util.load_config(CONFIG_DIR / "pipeline.cfg", overrides=overrides, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    (record,) = predict_records(nlp, [{"id": "t", "text": TEXT}])
    concepts = [(TEXT[span["start"] : span["end"]], span["label"]) for span in record["spans"] if span["label"] in ("INDICATOR", "PERIOD")]
    assert concepts == [("exports", "INDICATOR"), ("2023", "PERIOD")]


PIPES = {  # pipe: (what it assigns, what it requires)
    "lemmatizer": (["token.lemma"], []),
    "sentencizer": (["token.is_sent_start", "doc.sents"], []),
    "entity_ruler": (["doc.ents"], ["token.is_sent_start"]),
    "figure_normalizer": (["doc.ents", "doc._.figures"], ["doc.ents", "token.lemma", "token.is_sent_start"]),
    "concept_ruler": (["doc.spans"], ["doc.ents", "token.is_sent_start"]),
    "indicator_phrases": (["doc.spans"], ["doc.spans", "doc.ents", "token.lemma", "token.is_sent_start"]),
    "figure_relations": (
        ["doc._.relations", "doc._.facts", "doc.spans"],
        ["doc.ents", "doc._.figures", "doc.spans", "token.lemma", "token.is_sent_start"],
    ),
    "fact_checks": (["doc._.facts"], ["doc._.facts", "doc._.relations", "doc.spans", "token.lemma", "token.is_sent_start"]),
}


@pytest.mark.parametrize("name", PIPES)
def test_each_pipe_says_what_it_assigns_and_requires(nlp, name):
    summary = nlp.analyze_pipes()
    assert (summary["summary"][name]["assigns"], summary["summary"][name]["requires"]) == PIPES[name]
    assert summary["problems"][name] == []


def test_each_lexicon_pipe_has_its_own_tables():
    nlp = spacy.blank("en")
    first, second = (nlp.add_pipe("econ_fact_checks", name=name) for name in ("first", "second"))
    first.tables["fact_checks"] = []
    assert second.tables == {}
