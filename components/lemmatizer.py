"""spaCy's lookup lemmatizer (English) and its Russian pymorphy3 lemmatizer, each looking each distinct word up once.

In lookup mode a lemma depends on the word alone, and so does a Russian one without part-of-speech tags, so the
lemma of every word seen is remembered and a doc's lemmas are written with one `Doc.from_array` call, instead of
one Token at a time. The lemmas, the tables (`lemma_lookup` from spacy-lookups-data) and their serialisation are
those of spaCy's `Lemmatizer` and `RussianLemmatizer`.
"""
from __future__ import annotations

from typing import Any, Callable

from spacy.attrs import LEMMA, ORTH
from spacy.errors import Errors
from spacy.lang.ru.lemmatizer import RussianLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .doc_arrays import doc_arrays
from .normal_forms import dictionary_form

MAX_REMEMBERED = 500_000  # distinct words whose lemmas are kept; past this the memory starts again


@Language.factory(
    "econ_lookup_lemmatizer",
    assigns=["token.lemma"],
    default_config={"overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_lookup_lemmatizer(nlp: Language, name: str, overwrite: bool, scorer: Callable | None) -> "LookupLemmatizer":
    """Build the lemmatizer; its `lemma_lookup` table is loaded by `initialize` or `from_disk`."""
    return LookupLemmatizer(nlp.vocab, name, overwrite=overwrite, scorer=scorer)


class LookupLemmatizer(Lemmatizer):
    """spaCy's `Lemmatizer` in lookup mode, remembering the lemma of every word it has seen."""

    def __init__(
        self, vocab: Vocab, name: str = "lemmatizer", *, overwrite: bool = False, scorer: Callable | None = lemmatizer_score
    ) -> None:
        super().__init__(vocab, None, name, mode="lookup", overwrite=overwrite, scorer=scorer)
        self._lemmas: dict[str, tuple[int, str]] = {}  # word -> its lemma and that lower-cased, for the tables in `_lemmas_from`
        self._lemmas_from: Lookups | None = None

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        return set_lemmas_of(self, doc)

    def set_lemmas(self, doc: Doc) -> None:
        """Give every token the lemma of its word (keeping lemmas already set, unless `overwrite`); the doc's arrays
        (`doc_arrays`) take the lower-cased lemmas from here rather than read them back."""
        if not len(doc):
            return
        if self._lemmas_from is not self.lookups or len(self._lemmas) > MAX_REMEMBERED:
            self._lemmas, self._lemmas_from = {}, self.lookups
        arrays = doc_arrays(doc)
        remembered, look_up = self._lemmas.get, self._look_up
        lemmas = [remembered(text) or look_up(text) for text in arrays.texts]
        took_all = write_lemmas(doc, [lemma for lemma, _ in lemmas], self.overwrite)
        arrays.remember_lemmas([lower for _, lower in lemmas] if took_all else None)

    def _look_up(self, text: str) -> tuple[int, str]:
        """The lemma of a word from the `lemma_lookup` table (the word itself if it has none), and that lower-cased, remembered."""
        found = self.lookups.get_table("lemma_lookup", {}).get(text, text)
        lemma = found if isinstance(found, str) else found[0]
        lower = lemma.lower()
        self._lemmas[text] = remembered = (self.vocab.strings.add(lemma), lemma if lower == lemma else lower)  # one string kept where it can
        return remembered


def set_lemmas_of(pipe: Any, doc: Doc) -> Doc:
    """Run a remembering lemmatizer's `set_lemmas` on a doc, routing an error to spaCy's configurable error handler."""
    try:
        pipe.set_lemmas(doc)
        return doc
    except Exception as error:  # noqa: BLE001 - routed to spaCy's configurable error handler
        return pipe.get_error_handler()(pipe.name, pipe, [doc], error)


def write_lemmas(doc: Doc, lemmas: list[int], overwrite: bool) -> bool:
    """Set the tokens' lemmas (string ids) in one `Doc.from_array` call, keeping lemmas already set unless `overwrite`;
    whether the tokens took all of `lemmas`."""
    array = doc.to_array(LEMMA)
    kept = not overwrite and array.any()  # a doc without lemmas takes them all
    if kept:
        lemmas = [current or lemma for current, lemma in zip(array.tolist(), lemmas)]
    array[:] = lemmas
    doc.from_array([LEMMA], array)
    return not kept


@Language.factory(
    "econ_russian_lemmatizer",
    assigns=["token.lemma"],
    default_config={"mode": "pymorphy3", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_russian_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool, scorer: Callable | None) -> "RememberingRussianLemmatizer":
    """Build spaCy's Russian (pymorphy3) lemmatizer that looks each distinct word up once."""
    return RememberingRussianLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite, scorer=scorer)


class RememberingRussianLemmatizer(RussianLemmatizer):
    """spaCy's Russian lemmatizer, remembering the lemma of every word it has seen. Without part-of-speech tags (no
    tagger in the pipeline) it lemmatises a word alone, from its pymorphy3 analyses, so the lemma depends on the word;
    a doc with tags goes through spaCy's own lemmatizer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[int, int] = {}  # orth -> lemma

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("POS"):
            return super().__call__(doc)
        return set_lemmas_of(self, doc)

    def set_lemmas(self, doc: Doc) -> None:
        """Give every token the lemma of its word (keeping lemmas already set, unless `overwrite`)."""
        if not len(doc):
            return
        if len(self._lemmas) > MAX_REMEMBERED:
            self._lemmas = {}
        orths = doc.to_array(ORTH).tolist()
        write_lemmas(doc, [self._lemmas.get(orth) or self._analyse(doc[index]) for index, orth in enumerate(orths)], self.overwrite)

    def _analyse(self, token: Token) -> int:
        """The lemma of a token's word by spaCy's Russian lemmatizer (without tags: from the word alone), remembered; a
        word with no letter (a number, a sign) is its own lemma, as pymorphy3 would find, without asking it."""
        text = token.text
        lemma = self.vocab.strings.add(self.lemmatize(token)[0] if any(char.isalpha() for char in text) else text)
        self._lemmas[token.orth] = lemma
        return lemma


def lemma_lookup(nlp: Language) -> Callable[[str], str]:
    """The lemma of a word as a key of phrases (indicator concepts): with the Russian lemmatizer, the word's most likely
    dictionary form (`normal_forms.dictionary_form`: spaCy's lemmatizer keeps an ambiguous word as written, so
    `ставку` would not meet `ставка`); else by the `lemma_lookup` table of the pipeline's lemmatizer (the word itself
    without one)."""
    lemmatizer = next((pipe for _, pipe in nlp.pipeline if isinstance(pipe, Lemmatizer)), None)
    if isinstance(lemmatizer, RussianLemmatizer):
        return dictionary_form
    table = lemmatizer.lookups.get_table("lemma_lookup", {}) if lemmatizer is not None else {}

    def lemma_of(word: str) -> str:
        found = table.get(word, word)
        return found if isinstance(found, str) else found[0]

    return lemma_of
