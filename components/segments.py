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
import re

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

LINE_BREAK = re.compile(r"\n\s*")
SENTENCE_ENDS = frozenset({".", "!", "?", "\"", "”", "’", "'"})


class Segments:
    """The paragraph and sentence starts of a doc (token indices), with look-ups by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        flags = doc.to_array(SENT_START).tolist() if doc.has_annotation("SENT_START") else [0] * len(doc)
        offsets = doc.to_array(IDX).tolist() if len(doc) else []
        paragraphs = {0}
        for match in LINE_BREAK.finditer(doc.text):
            index = bisect.bisect_left(offsets, match.end())  # the first token after the break
            if index < len(doc):
                paragraphs.add(index)
        for index in range(1, len(doc)):
            previous = doc[index - 1]
            if flags[index] == 1 and previous.text in SENTENCE_ENDS and not previous.whitespace_ and doc[index].text[:1].isupper():
                paragraphs.add(index)
        self.paragraph_starts = sorted(paragraphs)
        self.starts = sorted(paragraphs | {index for index, flag in enumerate(flags) if flag == 1})
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

    def paragraph_of_char(self, offset: int) -> int:
        """The number of the paragraph holding character `offset`."""
        return max(bisect.bisect_right(self.paragraph_chars, offset) - 1, 0)

    def text(self, token: int, doc_text: str) -> str:
        """The text of the sentence holding token `token`, without surrounding whitespace (`doc_text` is the doc's)."""
        last = self.doc[self.end(token) - 1]
        return doc_text[self.doc[self.start(token)].idx : last.idx + len(last)].strip()
