"""Unicode spacing and invisible marks, made plain before a text is tokenised.

Scraped news is full of characters that look like nothing or like a space: a no-break space in
`$3 billion`, a narrow no-break or thin space in `3 %`, a zero-width space or a bidi mark left by
a CMS. spaCy splits on the ASCII space only, so `KZT 751 bn` with no-break spaces was three
tokens around two whitespace tokens, and no pattern matched it.

- `plain_spaces` reads every Unicode space separator as a space and every line or paragraph
  separator as a line break. It replaces one character by one, so offsets do not move; the
  tokenizer applies it to every text.
- `without_invisible_marks` drops zero-width characters, bidi marks and soft hyphens, which
  shifts the offsets after them; reading applies it, so the text a record carries, and its
  offsets, are the text the pipeline read (the docs table says when it changed).
"""
from __future__ import annotations

import re

# The space separators of Unicode (category Zs) besides the space: no-break, Ogham, the en and em
# spaces, thin and hair spaces, narrow no-break, medium mathematical and ideographic spaces.
SPACE_SEPARATORS = "\u00a0\u1680" + "".join(chr(code) for code in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
LINE_SEPARATORS = "\u2028\u2029"  # categories Zl and Zp
SPACES = str.maketrans(SPACE_SEPARATORS + LINE_SEPARATORS, " " * len(SPACE_SEPARATORS) + "\n" * len(LINE_SEPARATORS))
# Zero-width space, non-joiner and joiner, left-to-right and right-to-left marks, the bidi
# embeddings, overrides and isolates, the word joiner and invisible operators, the Arabic letter
# mark, the byte-order mark (a zero-width no-break space inside a text) and the soft hyphen.
INVISIBLE_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]")


def plain_spaces(text: str) -> str:
    """The text with every Unicode space as a space and every line or paragraph separator as `\\n` (same length)."""
    return text if text.isascii() else text.translate(SPACES)


def without_invisible_marks(text: str) -> str:
    """The text without zero-width characters, bidi marks and soft hyphens."""
    return text if text.isascii() else INVISIBLE_MARKS.sub("", text)
