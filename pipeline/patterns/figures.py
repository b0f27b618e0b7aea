"""Generate the MONEY / PERCENT / AMOUNT token patterns from the figure lexicon.

Every currency surface (symbol, code, name, minor unit) is combined with every number
form (digits, digit groups, number words, `a`/`an` + scale) and scale words, so a new
currency word added to the lexicon works in every shape: `$7.9 billion`, `KZT 751bn`,
`7.5 trillion tenge`, `75 USD million`, `$5-6 billion`, `50 cents`. Surfaces of the same
token length share one pattern (a token-by-token IN list); the normaliser resolves the
surface to its code.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable

from spacy.lang.en.lex_attrs import _ordinal_words
from spacy.lang.en.stop_words import STOP_WORDS

from components.lexicon import FigureLexicon

Token = dict[str, Any]
Pattern = dict[str, Any]

MIN_BARE_SCALE = 1e6  # bare amounts (`16.6 billion`) are candidates only with million or more
SIGN = {"ORTH": {"IN": ["-", "+", "−"]}, "SPACY": False}
DASH = {"ORTH": {"IN": ["-", "–", "—"]}}
DIGITS = {"LIKE_NUM": True, "IS_ALPHA": False}
# A number token; ordinals are number-like to spaCy but never a figure's number (`the first £100 player`).
NUMBER = {"LIKE_NUM": True, "LOWER": {"NOT_IN": sorted(_ordinal_words)}}
US_MARKER = {"ORTH": {"IN": ["US", "USD"]}}  # `$76 US`
# Extra spaces or one line break inside a figure (`48.8 billion  drams`, `4.5\nbillion`), never a paragraph break.
GAP = {"IS_SPACE": True, "ORTH": {"REGEX": r"^[^\n]*\n?[^\n]*$"}}


def figure_patterns(lexicon: FigureLexicon, tokenize: Callable[[str], list[str]], is_english: Callable[[str], bool]) -> list[Pattern]:
    """All figure patterns, deterministic, each with an id naming its shape."""
    scales = scale_tokens(lexicon)
    big_scales = sorted(w for w, f in lexicon.scale_by_word.items() if f >= MIN_BARE_SCALE)
    numbers = number_forms(lexicon, scales)
    before = surface_tokens(currency_surfaces_before(lexicon, is_english), tokenize, "before")
    after = surface_tokens(currency_surfaces_after(lexicon, is_english), tokenize, "after")
    minor_words = {w for e in lexicon.tables["currencies"] for m in e.get("minor", ()) for w in m["words"]}
    minor = surface_tokens(sorted(minor_words), tokenize, "after")
    percent = surface_tokens(percent_surfaces(lexicon, multiples=False), tokenize, "after")
    multiples = surface_tokens(percent_surfaces(lexicon, multiples=True), tokenize, "after")
    ambiguous = {w for e in lexicon.tables["currencies"] for w in e.get("ambiguous", ())} - minor_words
    scaled_only = surface_tokens(sorted(ambiguous), tokenize, "after")
    patterns: list[Pattern] = []

    def add(label: str, shape: str, tokens: list[Token]) -> None:
        patterns.append({"label": label, "pattern": tokens, "id": f"{label.lower()}/{shape}"})

    scale_star = {**scales, "OP": "*"}
    minor_any = {"LOWER": {"IN": sorted(w.lower() for w in minor_words if " " not in w)}}
    number = numbers["number"]
    gap = {**GAP, "OP": "?"}
    sign_word = lower_token(sorted(e["word"].lower() for e in lexicon.tables["number_words"] if e.get("kind") == "sign" and e.get("before_percent")))
    for size, unit in before.items():
        add("MONEY", f"currency-number/{size}", [{**SIGN, "OP": "?"}, *unit, *number, scale_star])
        add("MONEY", f"currency-number-gap/{size}", [{**SIGN, "OP": "?"}, *unit, *number, GAP, {**scales, "OP": "+"}])
        if size == "1":
            add("MONEY", f"currency-number-marker/{size}", [*unit, *number, scale_star, US_MARKER])
    for size, unit in after.items():
        add("MONEY", f"number-currency/{size}", [{**SIGN, "OP": "?"}, *number, gap, scale_star, gap, *unit])
        add("MONEY", f"number-code-scale/{size}", [*number, *unit, {**scales, "OP": "+"}])
        add("MONEY", f"number-scale-of-currency/{size}", [*number, gap, {**scales, "OP": "+"}, {"LOWER": "of"}, gap, *unit])  # `31.2 billion of US dollars`
        for form in ("article", "fraction"):  # `a billion dollars`, `half a million euros`
            add("MONEY", f"{form}-currency/{size}", [*numbers[form], scale_star, *unit])
    scale_plus = {**scales, "OP": "+"}
    for size in ("1", "1-orth"):  # `1 billion dollar 477 million 4 thousand`
        if size in after:
            add("MONEY", f"compound-scaled/{size}", [NUMBER, scale_plus, *after[size], NUMBER, scale_plus, {**NUMBER, "OP": "?"}, scale_star])
    for size, unit in scaled_only.items():
        add("MONEY", f"number-scale-currency/{size}", [*number, gap, {**scales, "OP": "+"}, gap, *unit])
    for size, unit in minor.items():
        add("MONEY", f"number-minor/{size}", [*number, {**DASH, "OP": "?"}, *unit])
    for size in ("1", "1-orth"):  # `3 dollars 50 cents`, `15 dollars and 15`
        if size in after:
            unit = after[size]
            add("MONEY", f"compound-minor/{size}", [*number, *unit, {"LOWER": "and", "OP": "?"}, *number, minor_any])
            add("MONEY", f"compound-and/{size}", [*number, *unit, {"LOWER": "and"}, *number])
    for size, unit in percent.items():
        add("PERCENT", f"number-unit/{size}", [{**sign_word, "OP": "?"}, {**SIGN, "OP": "?"}, *number, gap, scale_star, {**DASH, "OP": "?"}, gap, *unit])
        add("PERCENT", f"number-tolerance-unit/{size}", [{**SIGN, "OP": "?"}, NUMBER, {"ORTH": "±"}, NUMBER, *unit])  # `4±2%`
    add("AMOUNT", "number-scale", [*number, gap, {"ORTH": {"IN": big_scales}}, scale_star])
    for size, unit in multiples.items():  # `1.8 times`, `6-fold`: digits only (`three times a week` is no figure)
        add("PERCENT", f"number-multiple/{size}", [DIGITS, {"ORTH": "-", "OP": "?"}, *unit])
    add("PERCENT", "multiple-word", [{"LOWER": {"IN": sorted(lexicon.multiple_by_word)}}])
    counts = sorted(w for w, (_, kind) in lexicon.number_words.items() if kind in ("unit", "ten") and " " not in w)
    add("PERCENT", "number-word-times", [{"LOWER": {"IN": counts}}, {"LOWER": "times"}])  # kept only in a comparison
    for size, unit in percent.items():  # `0.7 of a percentage point`
        add("PERCENT", f"number-of-a-unit/{size}", [*number, {"LOWER": "of"}, {"LOWER": {"IN": sorted(lexicon.indefinite_articles)}}, *unit])
    return patterns


def lower_token(words: list[str]) -> Token:
    """A token matching any of the words in any case: the word itself when there is one (`{"LOWER": "minus"}`)."""
    return {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}


def percent_surfaces(lexicon: FigureLexicon, *, multiples: bool) -> list[str]:
    """Percent-unit words: those of multiples (unit `x`: times, fold) or the others (%, pp).

    Multi-word units also come hyphenated, as in `a 25-basis-point cut`.
    """
    words = {w for e in lexicon.tables["percent_units"] if (e["unit"] == "x") == multiples for w in e["words"]}
    return sorted(words | {"-".join(w.split()) for w in words if " " in w})


def scale_tokens(lexicon: FigureLexicon) -> Token:
    """One token spec matching any scale word as written, also capitalised (`Billion`)."""
    words = set(lexicon.scale_by_word)
    words |= {w.capitalize() for w in lexicon.scale_by_word if len(w) > 3}
    words |= {w.upper() for w in lexicon.scale_by_word if len(w) > 3}
    return {"ORTH": {"IN": sorted(words)}}


def number_forms(lexicon: FigureLexicon, scales: Token) -> dict[str, list[Token]]:
    """Token sequences for the number part.

    `number`: number-like tokens with an optional dash, which covers digits (`7.5`), digit
    groups (`10 000`), number words (`twenty-five`, `five million`) and ranges (`5-6`), but never
    starts with a scale word; the normaliser reads what they mean and trims a run that is not one
    number (`2023 5 billion`).
    `article` and `fraction`: `a billion`, `half a million`.
    """
    articles = sorted(w for w, (_, kind) in lexicon.number_words.items() if kind == "article")
    scale_words = {word.lower() for word in lexicon.scale_by_word}
    leading = {**NUMBER, "LOWER": {"NOT_IN": sorted(set(_ordinal_words) | scale_words)}}  # not `billion-3 billion euros`
    fractions = sorted(w for w, (_, kind) in lexicon.number_words.items() if kind == "fraction" and " " not in w)
    return {
        "number": [leading, {**DASH, "OP": "?"}, {**NUMBER, "OP": "*"}],
        "article": [{"LOWER": {"IN": articles}}, scales],
        "fraction": [{"LOWER": {"IN": articles}, "OP": "?"}, {"LOWER": {"IN": fractions}}, scales],
    }


def currency_surfaces_before(lexicon: FigureLexicon, is_english: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(surface, attribute) pairs written before a number: symbols and codes."""
    pairs: set[tuple[str, str]] = set()
    for entry in lexicon.tables["currencies"]:
        for symbol in entry.get("symbols", ()):
            pairs.add((symbol, case_attribute(symbol, is_english)))
        pairs |= {(sign, "ORTH") for sign in entry.get("letter_signs", ())}  # `N18.8tn`, `T5 trillion`: capitals only
        if entry["code"].lower() not in STOP_WORDS:  # `ALL 5` in a headline is no lek
            pairs |= code_surfaces(entry["code"], is_english)
    return sorted(pairs)


def currency_surfaces_after(lexicon: FigureLexicon, is_english: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(surface, attribute) pairs written after a number: names, codes, and symbols that are not bare capitals (`300 PS`, `18 R`)."""
    pairs = {(s, a) for s, a in currency_surfaces_before(lexicon, is_english) if not (s.isalpha() and (len(s) == 1 or s.isupper()))}
    for entry in lexicon.tables["currencies"]:
        pairs |= code_surfaces(entry["code"], is_english)
    for entry in lexicon.tables["currencies"]:
        ambiguous = set(entry.get("ambiguous", ()))
        pairs |= {(word, "LOWER") for word in entry.get("words", ()) if word not in ambiguous}
    return sorted(pairs)


def code_surfaces(code: str, is_english: Callable[[str], bool]) -> set[tuple[str, str]]:
    """An ISO code as written (`USD`), and in lower case too unless that is an English word (`all`)."""
    pairs = {(code, "ORTH")}
    if not is_english(code):
        pairs.add((code, "LOWER"))
    return pairs


def case_attribute(symbol: str, is_english: Callable[[str], bool]) -> str:
    """Match a symbol case-insensitively unless that reads as an English word (`A $` but not `a $`; `TL`, `Rs`)."""
    letters = "".join(char for char in symbol if char.isalpha()).lower()
    if is_english(letters) and (len(letters) == 1 or letters == symbol.lower()):
        return "ORTH"
    return "LOWER"


def surface_tokens(
    surfaces: Iterable[str | tuple[str, str]], tokenize: Callable[[str], list[str]], position: str
) -> dict[str, list[Token]]:
    """Group surfaces by token count and attribute into token-by-token IN lists.

    Each surface is tokenized as it stands next to a number (`position`: "before" or
    "after"), both spaced and glued (`$US 5`, `$US5`). Keys are `<n>` or `<n>-<attr>`;
    `hong kong dollars` and `new zealand dollars` share the 3-token entry (the IN lists
    over-generate `hong zealand dollars`, which the normaliser reads by its head word).
    """
    columns: dict[tuple[int, str], list[set[str]]] = defaultdict(list)
    for item in surfaces:
        surface, attribute = item if isinstance(item, tuple) else (item, "LOWER")
        for tokens in tokens_in_context(surface, tokenize, position):
            key = (len(tokens), attribute)
            if not columns[key]:
                columns[key] = [set() for _ in tokens]
            for column, token in zip(columns[key], tokens):
                column.add(token.lower() if attribute == "LOWER" else token)
    grouped: dict[str, list[Token]] = {}
    for (size, attribute), column_sets in sorted(columns.items()):
        name = f"{size}" if attribute == "LOWER" else f"{size}-{attribute.lower()}"
        grouped[name] = [{attribute: {"IN": sorted(values)}} for values in column_sets]
    return grouped


def tokens_in_context(surface: str, tokenize: Callable[[str], list[str]], position: str) -> list[list[str]]:
    """The token sequences of a unit surface written spaced or glued to a number on the given side."""
    if position == "before":
        texts, keep = (f"{surface} 1", f"{surface}1"), lambda tokens: tokens[:-1] if tokens[-1:] == ["1"] else []
    else:
        texts, keep = (f"1 {surface}", f"1{surface}"), lambda tokens: tokens[1:] if tokens[:1] == ["1"] else []
    variants: list[list[str]] = []
    for text in texts:
        tokens = keep(tokenize(text))
        if position == "after" and len(tokens) > 1 and tokens[-1] == ".":  # `500 pct.`: the period may end the sentence
            tokens = tokens[:-1]
        if tokens and tokens not in variants:
            variants.append(tokens)
    return variants
