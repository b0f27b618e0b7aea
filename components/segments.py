"""Paragraphs and sentences of a Doc as token offsets, computed once per doc.

The spec's scope rules read text the way wire copy is laid out:

- a paragraph ends at every line break (one-sentence-per-line stories are one paragraph a
  line), except before the items of a list after a lead-in ending with `:` (lines opening with
  a dash or bullet), which belong to the lead-in's sentence; and where a sentence end is glued to the next sentence (`data showed Monday.Exports
  rose`), which is what a scraped page leaves of a lost line break;
- a sentence ends where the sentencizer says, and also at every paragraph end, so a
  headline or dateline without a full stop never runs into the text below it.

Segments are built from a Doc's arrays; `components.doc_arrays.doc_arrays(doc).segments` gives them.
"""
from __future__ import annotations

import bisect
from functools import cached_property

SENTENCE_ENDS = frozenset({".", "!", "?", "\"", "”", "’", "'"})
ITEM_MARKS = frozenset({"-", "–", "—", "•", "·", "*"})  # a line opening with one is a list item


class Segments:
    """The paragraph and sentence starts of a doc (token indices), with look-ups by token."""

    def __init__(self, texts: list[str], words: list[str], spaced: list[int], offsets: list[int], sentence_flags: list[int], text: str) -> None:
        """The doc's token texts, lower-cased words, space flags, character offsets and SENT_START flags, and its text."""
        self.length = len(texts)
        self.token_texts = texts
        self.offsets = offsets
        self.doc_text = text
        self.texts: dict[int, str] = {}  # sentence start -> its text, as read
        paragraphs = {0}
        in_list = False  # after a lead-in ending with `:`, its items belong to its sentence
        breaks = {index for index in token_positions(text, offsets, "\n") if index + 1 < self.length}  # whitespace tokens
        for index in sorted(breaks):
            previous = next((words[i] for i in range(index - 1, -1, -1) if not words[i].isspace()), "")
            in_list = texts[index + 1] in ITEM_MARKS and (previous == ":" or in_list)
            if not in_list:
                paragraphs.add(index + 1)
        sentence_starts = positions(sentence_flags, 1)
        for index in sentence_starts:
            if index and index not in breaks and words[index - 1] in SENTENCE_ENDS and not spaced[index - 1] and texts[index][:1].isupper():
                paragraphs.add(index)  # `Monday.Exports`
        self.paragraph_starts = sorted(paragraphs)
        self.starts = sorted(paragraphs.union(sentence_starts))
        self.paragraph_chars = [offsets[index] for index in self.paragraph_starts if index < len(offsets)]

    def index(self, token: int) -> int:
        """The number of the sentence holding token `token`."""
        return bisect.bisect_right(self.starts, token) - 1

    def start(self, token: int) -> int:
        """Where the sentence holding token `token` starts."""
        return self.starts[self.index(token)]

    def end(self, token: int) -> int:
        """Where the sentence holding token `token` ends (exclusive)."""
        return self.bounds(self.index(token))[1]

    def bounds(self, number: int) -> tuple[int, int]:
        """Where sentence number `number` (`index`) starts and ends (exclusive)."""
        following = number + 1
        return self.starts[number], self.starts[following] if following < len(self.starts) else self.length

    @cached_property
    def sentence_of(self) -> list[int]:
        """The number of the sentence holding each token (`index` of every token, for callers that ask per token)."""
        return segment_numbers(self.starts, self.length)

    @cached_property
    def paragraph_of(self) -> list[int]:
        """The number of the paragraph holding each token."""
        return segment_numbers(self.paragraph_starts, self.length)

    def paragraph(self, token: int) -> int:
        """The number of the paragraph holding token `token`."""
        return bisect.bisect_right(self.paragraph_starts, token) - 1

    def text(self, token: int) -> str:
        """The text of the sentence holding token `token`, without surrounding whitespace."""
        start = self.start(token)
        if start not in self.texts:
            last = self.end(token) - 1
            self.texts[start] = self.doc_text[self.offsets[start] : self.offsets[last] + len(self.token_texts[last])].strip()
        return self.texts[start]


def positions(values: list[int], value: int) -> list[int]:
    """The indices at which `values` holds `value`, in order (`list.index` scans in C)."""
    found: list[int] = []
    index = -1
    try:
        while True:
            index = values.index(value, index + 1)
            found.append(index)
    except ValueError:
        return found


def token_positions(text: str, offsets: list[int], char: str) -> list[int]:
    """The tokens (by their character `offsets` in `text`) that hold `char`, in order, each once."""
    found: list[int] = []
    at = text.find(char)
    while at != -1:
        index = bisect.bisect_right(offsets, at) - 1
        if not found or found[-1] != index:
            found.append(index)
        at = text.find(char, at + 1)
    return found


def segment_numbers(starts: list[int], length: int) -> list[int]:
    """The number of the segment (sentence, paragraph) holding each of `length` tokens, from the segments' sorted starts."""
    numbers: list[int] = []
    for number, (start, end) in enumerate(zip(starts, starts[1:] + [length])):
        numbers.extend([number] * (end - start))
    return numbers
