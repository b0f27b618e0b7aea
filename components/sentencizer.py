"""spaCy's rule-based sentencizer, reading a doc's token texts and punctuation flags from its arrays.

spaCy's `Sentencizer.predict` walks the doc one Token object at a time. This one makes the same
decision from `doc_arrays(doc)` (read once and shared with the components after it): a sentence
ends after a run of sentence-final characters (`punct_chars`), at the first token after it that
is no punctuation. Writing the starts, the configuration, the scorer and the serialisation are
spaCy's own.
"""
from __future__ import annotations

from typing import Callable, Iterable

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .doc_arrays import doc_arrays


@Language.factory(
    "econ_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool, scorer: Callable | None
) -> "ArraySentencizer":
    """Build the sentencizer (spaCy's default sentence-final characters unless `punct_chars` is given)."""
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


class ArraySentencizer(Sentencizer):
    """spaCy's `Sentencizer`, predicting from the doc's arrays; see the module docstring."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """For each doc, whether each token starts a sentence."""
        return [sentence_starts(arrays.texts, arrays.punct, self.punct_chars) for arrays in map(doc_arrays, docs)]


def sentence_starts(texts: list[str], punct: list[int], punct_chars: set[str]) -> list[bool]:
    """Whether each token starts a sentence: the first, and the first non-punctuation token after a sentence-final character."""
    starts = [False] * len(texts)
    if not texts:
        return starts
    starts[0] = True
    seen_end = False
    for index, text in enumerate(texts):
        final = text in punct_chars
        if seen_end and not punct[index] and not final:
            starts[index] = True
            seen_end = False
        elif final:
            seen_end = True
    return starts
