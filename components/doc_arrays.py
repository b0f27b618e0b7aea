"""A Doc's token arrays, read once and shared by every component and exporter that follows.

Reading a token's text through `doc[i]` makes a Token object each time, and each component used
to read the same attributes again. `doc_arrays(doc)` reads them from `doc.to_array` on first use
and keeps them in a weak cache keyed by the Doc, so they live exactly as long as the Doc does.
Only what the tokenizer fixed is kept (texts, lower-cased words, spaces, offsets, punctuation and
the text itself), plus the lemmas once the Doc has them and the sentence and paragraph segments
once it has sentence starts: a Doc that changes length is read again, and lemmas or sentence
starts it gains later are read when they appear.
"""
from __future__ import annotations

from functools import cached_property
from weakref import WeakKeyDictionary

from spacy.attrs import IDX, IS_PUNCT, LEMMA, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from .segments import Segments


class DocArrays:
    """The token arrays of one Doc (never the Doc itself, so the cache holds it weakly)."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        self.texts: list[str] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        self.words: list[str] = [text.lower() for text in self.texts]  # the LOWER attribute of English
        self.spaced: list[int] = doc.to_array(SPACY).tolist()
        self.offsets: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.punct: list[int] = doc.to_array(IS_PUNCT).tolist()
        self.text: str = "".join([text + " " if spaced else text for text, spaced in zip(self.texts, self.spaced)])  # `doc.text`
        self.lemmas: list[str] | None = None  # lower-cased, once the Doc has lemmas
        self.sentence_flags: list[int] | None = None  # SENT_START, once the Doc has sentence starts
        self.catch_up(doc)

    def catch_up(self, doc: Doc) -> None:
        """Read the lemmas and sentence starts the Doc has gained since they were last read."""
        if self.lemmas is None and doc.has_annotation("LEMMA"):
            strings = doc.vocab.strings
            self.lemmas = [strings[lemma].lower() for lemma in doc.to_array(LEMMA).tolist()]
        if self.sentence_flags is None and doc.has_annotation("SENT_START"):
            self.sentence_flags = doc.to_array(SENT_START).tolist()
            self.__dict__.pop("segments", None)

    def remember_lemmas(self, lemmas: list[str] | None) -> None:
        """Take the lower-cased lemmas from the lemmatizer that has just written them all, instead of reading them
        back; None: read them from the Doc on next use (it kept some lemmas of its own)."""
        self.lemmas = lemmas

    def __len__(self) -> int:
        return len(self.texts)

    @cached_property
    def segments(self) -> Segments:
        """The paragraphs and sentences (without sentence starts, a sentence ends only where a paragraph does)."""
        return Segments(self.texts, self.words, self.spaced, self.offsets, self.sentence_flags or [0] * len(self), self.text)


CACHE: WeakKeyDictionary[Doc, DocArrays] = WeakKeyDictionary()


def doc_arrays(doc: Doc) -> DocArrays:
    """The Doc's arrays, read on first use (again if the Doc changed length; lemmas and sentence starts once it has them)."""
    arrays = CACHE.get(doc)
    if arrays is None or len(arrays) != len(doc):
        arrays = CACHE[doc] = DocArrays(doc)
    elif arrays.lemmas is None or arrays.sentence_flags is None:
        arrays.catch_up(doc)
    return arrays
