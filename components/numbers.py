"""Reading the numeric part of a figure: digits, digit groups, number words, scales, signs."""
from __future__ import annotations

import re
from typing import Sequence

from .lexicon import FigureLexicon

DIGITS = re.compile(r"^[+\-−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)$")
THOUSANDS_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
SIGNS = {"-": -1.0, "−": -1.0, "+": 1.0}  # sign words (`minus`) are number words of kind `sign`


def parse_digits(text: str) -> float | None:
    """Parse one digit token: `1,234.5`, `+4`, `-1.3`, `.001`, `1,5` (decimal comma)."""
    if not DIGITS.match(text):
        return None
    sign = SIGNS.get(text[0], 1.0)
    body = text.lstrip("+-−")
    if "," in body and not THOUSANDS_GROUPS.match(body):
        head, _, tail = body.partition(",")
        if "," in tail or "." in body or len(tail) == 3:
            body = body.replace(",", "")
        else:
            body = f"{head}.{tail}"
    else:
        body = body.replace(",", "")
    try:
        return sign * float(body)
    except ValueError:
        return None


def is_number_token(text: str, lexicon: FigureLexicon) -> bool:
    """Whether a token is part of a number (digits or a number word)."""
    return bool(DIGITS.match(text)) or text.lower() in lexicon.number_words


def parse_number(words: Sequence[str], lexicon: FigureLexicon) -> float | None:
    """Value of a run of number tokens and scale words: `7.5 trillion`, `10 000`, `twenty-five million`.

    Digit groups separated by spaces are joined (`10 000` -> 10000); number words add up
    (`forty five`); scale words multiply the number read so far.
    """
    digits = ""
    word_total: float | None = None
    scale = 1.0
    for word in words:
        if word in ("-", "‐"):
            continue
        if DIGITS.match(word):
            if scale != 1.0 or word_total is not None:
                return None
            if digits and not (re.fullmatch(r"\d{3}", word) and re.fullmatch(r"\d{1,3}(?:\d{3})*", digits)):
                return None
            digits += word
        elif word.lower() in lexicon.number_words:
            if digits or scale != 1.0:
                return None
            value, kind = lexicon.number_words[word.lower()]
            if kind == "fraction":  # `a quarter million`, `half a billion`
                word_total = (1.0 if word_total is None else word_total) * value
            else:
                word_total = (word_total or 0.0) + value
        else:
            factor = lexicon.scale(word)
            if factor is None:
                return None
            scale *= factor
    if digits:
        base = parse_digits(digits)
    elif word_total is not None:
        base = word_total
    else:
        base = 1.0 if scale != 1.0 else None
    return None if base is None else base * scale
