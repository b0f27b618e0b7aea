"""Canonical indicators: the `indicator_id` of a fact, one id per concept whatever the outlet calls it.

`lexicons/indicator_concepts.jsonl` lists the concepts (`industrial_production`: `industrial production`,
`industrial output`, `volume of industrial production`, `IPI`, ...) and the frame words around an indicator that do
not change what it measures (`volume of`, `total`, `growth`). A phrase is compared by its key: its words lower-cased
and lemmatised (the lookup lemmatizer's table), punctuation left out. The key of the phrase, then the key with its
frame words taken off one at a time, is looked up among the concepts' phrases; a phrase of no concept gets its
shortest framed-off key, words joined by `_` (`Coffee exports` -> `coffee_export`), so an indicator always has an id.
Concept phrases learned by `patterns train` come in `lexicons/learned/indicator_concepts.jsonl` (same rows).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence

Key = tuple[str, ...]
NOT_ID = re.compile(r"[^\w]+")
ID_CACHE_SIZE = 20_000  # phrases whose id is remembered


class IndicatorConcepts:
    """The concepts of the lexicon, indexed by the keys of their phrases."""

    def __init__(self, rows: Iterable[dict[str, Any]], words_of: Callable[[str], list[str]], lemma_of: Callable[[str], str]) -> None:
        """`words_of` splits a lexicon phrase into lower-cased words (the pipeline's tokenizer, punctuation left out);
        `lemma_of` gives a lower-cased word's lemma."""
        rows = list(rows)
        self.lemma_of = lemma_of
        self.concepts: dict[Key, str] = {}
        for row in rows:
            if row.get("role") == "concept":
                for phrase in row["phrases"]:
                    self.concepts.setdefault(self.key(words_of(phrase)), row["concept"])
        self.frames = {side: {self.key(words_of(row["text"])) for row in rows if row.get("role") == f"frame_{side}"} for side in ("before", "after")}
        self.ids: dict[tuple[str, ...], str] = {}  # a phrase's words -> its id, as found

    def key(self, words: Sequence[str]) -> Key:
        """The key of a phrase's lower-cased words (punctuation already left out): their lemmas."""
        return tuple(self.lemma_of(word) for word in words)

    def concept_of(self, words: Sequence[str]) -> str | None:
        """The concept a phrase names, if the lexicon lists it (with or without its frame words)."""
        for key in self.framed_off(self.key(words)):
            if key in self.concepts:
                return self.concepts[key]
        return None

    def id_of(self, words: Sequence[str]) -> str:
        """The id of a phrase: its concept's, else its shortest framed-off key, words joined by `_` (remembered)."""
        phrase = tuple(words)
        if phrase not in self.ids:
            if len(self.ids) >= ID_CACHE_SIZE:
                self.ids.clear()
            self.ids[phrase] = self.find_id(phrase)
        return self.ids[phrase]

    def find_id(self, words: Sequence[str]) -> str:
        """The id of `id_of`, looked up."""
        keys = list(self.framed_off(self.key(words)))
        found = next((self.concepts[key] for key in keys if key in self.concepts), None)
        return found or NOT_ID.sub("_", "_".join(keys[-1])).strip("_")

    def framed_off(self, key: Key) -> Iterable[Key]:
        """The key, then the key with one more frame word taken off the front or the back, while words are left."""
        yield key
        while True:
            shorter = self.without_frame(key)
            if shorter is None:
                return
            key = shorter
            yield key

    def without_frame(self, key: Key) -> Key | None:
        """The key with its longest leading (else trailing) frame taken off, if that leaves words."""
        for size in range(len(key) - 1, 0, -1):
            if key[:size] in self.frames["before"]:
                return key[size:]
        for size in range(len(key) - 1, 0, -1):
            if key[-size:] in self.frames["after"]:
                return key[:-size]
        return None


def phrase_words(words: Sequence[str], punct: Sequence[int]) -> list[str]:
    """The lower-cased words of a phrase's tokens, punctuation left out (`non-oil` -> `non`, `oil`)."""
    return [word for word, is_punct in zip(words, punct) if not is_punct]
