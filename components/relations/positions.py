"""Token positions and spans the relation rules share: clause and bracket scope, datelines, aliases."""
import bisect

from spacy.tokens import Span

from ..doc_arrays import DocArrays
from ..periods import DATE_LINE
from ..schema import SpanRef

DASHES = frozenset({"-", "–", "—"})  # a spaced one ends a dateline
DATELINE_TOKENS = 16  # a dateline ends with a sentence or a dash within this many tokens


def in_brackets(words: list[str], start: int, index: int) -> bool:
    """Whether token `index` stands inside a bracket opened after token `start` (words are the doc's lower-cased tokens)."""
    between = words[start:index]
    return between.count("(") > between.count(")")


def restates(words: list[str], first: Span, second: Span) -> bool:
    """Whether a period in brackets right after another restates it (`the previous financial year (April 2016 to March 2017)`)."""
    return only_brackets_between(words, first, second) and words[second.end : second.end + 1] == [")"]


def only_brackets_between(words: list[str], first: Span, second: Span) -> bool:
    """Whether just an opening bracket stands between two spans (`2022 ($24.2 billion)`)."""
    return second.start - first.end == 1 and words[first.end] == "("


def distance(first: Span, second: Span) -> int:
    """Tokens between two spans."""
    return max(first.start - second.end, second.start - first.end, 0)


def span_ref(span: Span) -> SpanRef:
    """A span as the spec's relation end: character offsets and label."""
    return {"start": span.start_char, "end": span.end_char, "label": span.label_}


def aliases(words: list[str], candidates: list[Span], labels: list[str]) -> list[tuple[Span, Span]]:
    """(alias, named) pairs: an INDICATOR in brackets right after another (`index (IPI)`); `labels` are the candidates' labels."""
    return [
        (second, first)
        for first, second, first_label, second_label in zip(candidates, candidates[1:], labels, labels[1:])
        if first_label == second_label == "INDICATOR" and only_brackets_between(words, first, second) and words[second.end : second.end + 1] == [")"]
    ]


def dateline_length(arrays: DocArrays) -> int:
    """Tokens of the leading ` date YYYY-MM-DD ` line and dateline (`ASTANA, Kazakhstan, March 25.`,
    `ULAANBAATAR, March 15 -`, `MUMBAI:`, `ANKARA (Bloomberg) --`, `NEW DELHI, Nov 1 (PTI)`), read from a doc's arrays.

    A dateline tells where and when the reporter wrote, not what a figure describes. It ends
    at the last sentence end, spaced dash, colon or agency credit in brackets (after a capitalised
    place and a comma) before the first lower-case word (within
    `DATELINE_TOKENS`), past the ` date ` prefix of the bundled format.
    """
    texts, spaced, offsets = arrays.texts, arrays.spaced, arrays.offsets
    length = len(texts)
    flags = arrays.sentence_flags or [0] * length
    head = min(length, DATELINE_TOKENS)
    prefix = DATE_LINE.match(arrays.text[: offsets[head - 1] + len(texts[head - 1])]) if head else None
    first = bisect.bisect_right(offsets, prefix.end() - 1) if prefix else 0  # past the token holding the prefix's last character
    end = first
    for index in range(first, min(length, first + DATELINE_TOKENS)):
        text = texts[index]
        if text.isalpha() and text.islower():
            break
        spaced_dash = (text in DASHES or text == "--") and index > 0 and spaced[index - 1] and spaced[index]
        credit = text == ")" and index - 2 >= first and texts[index - 2] == "(" and texts[first].isupper() and "," in texts[first:index]
        if spaced_dash or index + 1 == length or flags[index + 1] == 1 or text == ":" or credit:
            end = index + 1  # `ALMATY. April 16. INTERFAX-KAZAKHSTAN -`, `NEW DELHI, Nov 1 (PTI)`: the last boundary before the text
    return end
