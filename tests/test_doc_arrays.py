"""The shared token arrays and the array sentencizer give what spaCy's Token objects and Sentencizer give."""
from __future__ import annotations

import pytest
from spacy.pipeline import Sentencizer

from components.doc_arrays import doc_arrays
from components.sentencizer import ArraySentencizer

TEXTS = [
    "Exports rose 4.2% in March. Imports fell (to $3.1bn).\n\nThe ministry said so!",
    "Output grew... again? Yes . . . it did",
    "KAZAKHSTAN:  Inflation eased to 8.4 per cent.Prices of food rose",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_arrays_read_what_the_tokens_hold(nlp, text):
    doc = nlp(text)
    arrays = doc_arrays(doc)
    assert arrays.text == doc.text
    assert arrays.texts == [token.text for token in doc]
    assert arrays.words == [token.lower_ for token in doc]
    assert arrays.lemmas == [token.lemma_.lower() for token in doc]
    assert arrays.offsets == [token.idx for token in doc]
    assert [bool(flag) for flag in arrays.punct] == [token.is_punct for token in doc]


def test_arrays_catch_up_with_lemmas_and_sentences_set_later(nlp):
    doc = nlp.make_doc("Exports rose. Imports fell.")
    before = doc_arrays(doc)
    assert before.lemmas is None and before.sentence_flags is None
    assert before.segments.starts == [0]  # no sentence starts yet: one sentence to the paragraph end
    nlp.get_pipe("lemmatizer")(doc)
    nlp.get_pipe("sentencizer")(doc)
    after = doc_arrays(doc)
    assert after is before
    assert after.lemmas[1] == "rise"
    assert after.segments.starts == [0, 3]


@pytest.mark.parametrize("text", TEXTS)
def test_array_sentencizer_splits_like_spacys(nlp, text):
    ours = nlp.get_pipe("sentencizer")
    assert isinstance(ours, ArraySentencizer)
    reference = Sentencizer()
    mine, theirs = nlp.make_doc(text), nlp.make_doc(text)
    ours(mine)
    reference(theirs)
    assert [sentence.text for sentence in mine.sents] == [sentence.text for sentence in theirs.sents]


def test_array_sentencizer_sentences(nlp):
    doc = nlp("Exports rose 4.2% in March. Imports fell (to $3.1bn). Output grew!")
    assert [sentence.text for sentence in doc.sents] == ["Exports rose 4.2% in March.", "Imports fell (to $3.1bn).", "Output grew!"]


def test_array_sentencizer_survives_a_bytes_round_trip(nlp):
    sentencizer = ArraySentencizer(punct_chars=[";"])
    restored = ArraySentencizer().from_bytes(sentencizer.to_bytes())
    assert restored.punct_chars == {";"}
