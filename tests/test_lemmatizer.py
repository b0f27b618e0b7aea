"""The remembering lookup lemmatizer gives spaCy's lookup lemmas."""
from __future__ import annotations

import spacy

from components.doc_arrays import doc_arrays
from components.lemmatizer import LookupLemmatizer

TEXT = (
    "Exports surged 12.5 percent while imports fell, and the ministries said mining outputs were rising. "
    "Exports rose again in the following months as prices climbed."
)


def test_lemmas_are_spacys_lookup_lemmas(nlp):
    reference = spacy.blank("en")
    reference.tokenizer = nlp.tokenizer
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    ours = nlp(TEXT)
    assert [token.lemma_ for token in ours] == [token.lemma_ for token in reference(TEXT)]
    lemmas = {token.text: token.lemma_ for token in ours}
    assert (lemmas["surged"], lemmas["fell"], lemmas["ministries"], lemmas["rising"]) == ("surge", "fall", "ministry", "rise")


def test_lemmas_already_set_are_kept_unless_overwrite(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LookupLemmatizer)
    doc = nlp.make_doc("exports surged")
    doc[1].lemma_ = "jump"
    lemmatizer(doc)
    assert [token.lemma_ for token in doc] == ["export", "jump"]
    lemmatizer.overwrite = True
    try:
        lemmatizer(doc)
    finally:
        lemmatizer.overwrite = False
    assert [token.lemma_ for token in doc] == ["export", "surge"]


def test_lemmatizer_tables_survive_a_disk_round_trip(nlp, tmp_path):
    nlp.get_pipe("lemmatizer").to_disk(tmp_path / "lemmatizer")
    fresh = LookupLemmatizer(nlp.vocab)
    fresh.from_disk(tmp_path / "lemmatizer")
    doc = fresh(nlp.make_doc("prices climbed"))
    assert [token.lemma_ for token in doc] == ["price", "climb"]


def test_the_doc_arrays_hold_the_lemmas_written(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    fresh = lemmatizer(nlp.make_doc("Exports Surged"))
    kept = nlp.make_doc("exports surged")
    kept[1].lemma_ = "Jump"
    lemmatizer(kept)
    for doc in (fresh, kept):
        assert doc_arrays(doc).lemmas == [token.lemma_.lower() for token in doc]
