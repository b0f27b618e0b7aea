"""Paragraphs and sentences of a Doc as token offsets, computed once per doc.

The spec's scope rules read text the way wire copy is laid out:

- a paragraph ends at every line break (one-sentence-per-line stories are one paragraph a
  line), and where a sentence end is glued to the next sentence (`data showed Monday.Exports
  rose`), which is what a scraped page leaves of a lost line break;
- a sentence ends where the sentencizer says, and also at every paragraph end, so a
  headline or dateline without a full stop never runs into the text below it.
"""
from __future__ import annotations

import bisect

from spacy.attrs import IDX, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

SENTENCE_ENDS = frozenset({".", "!", "?", "\"", "”", "’", "'"})


class Segments:
    """The paragraph and sentence starts of a doc (token indices), with look-ups by token."""

    def __init__(self, doc: Doc, words: list[str] | None = None, text: str | None = None) -> None:
        """`words` are the doc's lower-cased token texts and `text` its `plain_text`, if the caller has them
        (read from the arrays otherwise, the text when first needed)."""
        self.doc = doc
        self.doc_text = text
        self.texts: dict[int, str] = {}  # sentence start -> its text, as read
        if words is None:
            words = [doc.vocab.strings[lower] for lower in doc.to_array(LOWER).tolist()]
        flags = doc.to_array(SENT_START).tolist() if doc.has_annotation("SENT_START") else [0] * len(doc)
        spaced = doc.to_array(SPACY).tolist()
        paragraphs = {0}
        for index, word in enumerate(words):
            if "\n" in word and index + 1 < len(doc):
                paragraphs.add(index + 1)  # line breaks are whitespace tokens
            elif index and flags[index] == 1 and words[index - 1] in SENTENCE_ENDS and not spaced[index - 1] and doc[index].text[:1].isupper():
                paragraphs.add(index)  # `Monday.Exports`
        self.paragraph_starts = sorted(paragraphs)
        self.starts = sorted(paragraphs | {index for index, flag in enumerate(flags) if flag == 1})
        offsets = doc.to_array(IDX).tolist() if len(doc) else []
        self.paragraph_chars = [offsets[index] for index in self.paragraph_starts if index < len(offsets)]

    def index(self, token: int) -> int:
        """The number of the sentence holding token `token`."""
        return bisect.bisect_right(self.starts, token) - 1

    def start(self, token: int) -> int:
        """Where the sentence holding token `token` starts."""
        return self.starts[self.index(token)]

    def end(self, token: int) -> int:
        """Where the sentence holding token `token` ends (exclusive)."""
        following = self.index(token) + 1
        return self.starts[following] if following < len(self.starts) else len(self.doc)

    def paragraph(self, token: int) -> int:
        """The number of the paragraph holding token `token`."""
        return bisect.bisect_right(self.paragraph_starts, token) - 1

    def text(self, token: int) -> str:
        """The text of the sentence holding token `token`, without surrounding whitespace."""
        start = self.start(token)
        if start not in self.texts:
            if self.doc_text is None:
                self.doc_text = plain_text(self.doc)
            last = self.doc[self.end(token) - 1]
            self.texts[start] = self.doc_text[self.doc[start].idx : last.idx + len(last)].strip()
        return self.texts[start]


def plain_text(doc: Doc) -> str:
    """`doc.text`, joined from the ORTH and SPACY arrays (without making a Token object per token)."""
    strings = doc.vocab.strings
    spaced = doc.to_array(SPACY).tolist()
    return "".join(strings[orth] + " " * flag for orth, flag in zip(doc.to_array(ORTH).tolist(), spaced))
