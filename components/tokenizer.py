"""Tokenizer that keeps figures matchable: splits glued currency codes, scales and units.

`KZT751bn` -> `KZT 751 bn`, `$US113` -> `$US 113`, `13pct` -> `13 pct`, `100元` -> `100 元`.
The splits are generic shapes (an ISO-like code before a digit, a unit after a digit); which
words are currencies or scales is left to the pattern files. The unit and scale abbreviations
split off a digit, the special cases kept whole (`p.p.`, `U.S.`) and the spaCy exceptions left
out (`m.`) are data: `lexicons/tokenizer.jsonl` of the bundled `configs/`, read when the
tokenizer is built (a saved pipeline carries its tokenizer's rules). Two marks of wire copy are
split too: an agency between slashes (`/Kazinform/` -> `/ Kazinform /`) and a possessive written
with a backtick (`Armenia`s` -> `Armenia `s`). Every Unicode space reads as a space first
(`components/unicode_text.py`), so `KZT 751 bn` with no-break spaces splits like the plain one.
"""
from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .lexicon import read_jsonl
from .unicode_text import plain_spaces

BUNDLED_LEXICONS = Path(__file__).resolve().parents[1] / "configs" / "lexicons"
TOKENIZER_WORDS = "tokenizer.jsonl"

# A dollar sign with a country marker glued after it ($US, $A, $C, $NZ, $HK, $S), before a digit.
DOLLAR_MARKER_PREFIX = r"\$(?:US|A|C|NZ|HK|S)(?=[0-9.])"
# A dollar, cedi or pound sign with a country marker glued before it (HK$10, NZ$5, Mex$3, GH¢5, E£3).
MARKED_DOLLAR_PREFIX = r"[A-Z][A-Za-z]{0,2}[$¢₵£](?=[0-9.])"
# A code or letter symbol glued to a number: USD10m, KZT751bn, Rs500, PS8.1bn (one letter stays: Q1, H1, G20).
CODE_PREFIX = r"[A-Z][A-Za-z]{1,2}(?=[0-9])"
# A one-letter currency sign glued to a number: N18.8tn (naira), T5 (tenge), K12 (kwacha, kina, kyat), R321.3 (rand).
# These are the lexicon's `letter_signs`; the normaliser keeps such a figure only where the article says which currency.
LETTER_SIGN_PREFIX = r"[NTKR](?=[0-9])"
# A sign glued to a currency symbol (-$5, +€3), and a Unicode minus before a digit (−1.3%).
SIGN_PREFIX = r"(?:[+\-−](?=[$€£¥₸₽₹])|−(?=[0-9]))"
# Currency codes and signs glued after a digit (the listed units and scales join them: `unit_suffix`).
CURRENCY_SUFFIX = r"[A-Z]{3}|[元₸₽€£¥₹$₼₾₺₴₩₦₱₡₭₮₫¢]"
# A sentence-final period after a glued unit (`USD10m.`), so the unit is split next.
UNIT_PERIOD_SUFFIX = r"(?:(?<=[0-9][A-Za-z])|(?<=[0-9][A-Za-z]{2}))\."
# Ranges written with a hyphen or dash between numbers (5-6, 2023–2024), and a tolerance (4±2).
NUMBER_RANGE_INFIX = r"(?<=[0-9])[\-–—±](?=[0-9$€£¥₸₽₹])"
# The ends of a range written out in full, glued to its dash: a unit after the low end (`2%-3%`, `$400m-$500m`,
# `€1.5bn–€2bn`, `2 billion-3 billion`) splits from its number and from the dash (`range_unit_infixes`), and so
# does a currency sign before the high end (`$400-$500 million`, `$400 million-$500 million`).
RANGE_SIGNS = "$€£¥₸₽₹"
RANGE_DASH_AFTER_WORD_INFIX = rf"(?<=[a-z])[\-–—](?=[{RANGE_SIGNS}][0-9])|(?<=illion)[\-–—](?=[0-9])"
SIGN_AFTER_RANGE_INFIX = rf"(?:(?<=[0-9][\-–—][{RANGE_SIGNS}])|(?<=[0-9][A-Za-z%][\-–—][{RANGE_SIGNS}])|(?<=[a-z]{{2}}[\-–—][{RANGE_SIGNS}]))(?=[0-9])"
# An en or em dash glued between a word and a figure: `31.2 percent—0.3 points`, `2015—growth`.
DASH_INFIX = r"(?<=[0-9A-Za-z%])[–—](?=[0-9A-Za-z$€£¥₸₽₹])"
# A credit between slashes in a dateline: `/Kazinform/`, `/Trend/` (the opening and the closing slash).
CREDIT_SLASH_PREFIX = r"/(?=[A-Z][\w.-]*/$)"
CREDIT_SLASH_SUFFIX = r"(?<=[A-Za-z]{2})/$"  # two letters: `S/` (the sol) stays whole
# A dash glued after a figure that ends the chunk, before a space: a headline's `in Q3 2023- NBS`, `rose 5%- official`,
# `N18.8tn- report` (a unit of one or two letters glued to the number).
TRAILING_DASH_SUFFIX = r"(?:(?<=[0-9%])|(?<=[0-9][A-Za-z])|(?<=[0-9][A-Za-z]{2}))[\-–—]$"
# A possessive typed with a backtick: Armenia`s.
BACKTICK_POSSESSIVE_SUFFIX = r"(?<=[A-Za-z])`[sS]$"
# Chunks (space-separated strings) whose tokens the tokenizer caches: room for the ~18k chunks of the
# phrase patterns, tokenized at load, and for those of the texts (spaCy's default is 10,000).
CACHE_SIZE = 100_000


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, escaped, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def unit_suffix(units: Iterable[str]) -> str:
    """A unit or scale glued after a digit: one of `units` (`751bn`, `13pct`, `5m`), a currency code or a currency sign."""
    return rf"(?<=[0-9])(?:{alternation(units)}|{CURRENCY_SUFFIX})"


def range_unit_infixes(units: Iterable[str]) -> list[str]:
    """The splits of a unit glued between the low end of a range and its dash (`2%-3%`, `$400m-$500m`, `2bn–€3bn`):
    before the unit, and after it (a look-behind holds words of one length, so one per length), where `units`
    (or `%`) follow a digit; and the dash after a word before a currency sign or after `million`/`billion`."""
    ends = sorted({"%", *units}, key=len)
    before = rf"(?<=[0-9])(?=(?:{alternation(ends)})[\-–—][{RANGE_SIGNS}]?[0-9])"
    behind = "|".join(rf"(?<=[0-9](?:{alternation(group)}))" for _, group in groupby(ends, key=len))
    after = rf"(?:{behind})[\-–—](?=[{RANGE_SIGNS}]?[0-9])|{RANGE_DASH_AFTER_WORD_INFIX}"
    return [before, after]


def restates_whitespace(text: str, tokens: list[dict[int, str]]) -> bool:
    """Whether an exception just keeps a whitespace chunk whole (`" "`, `"\\n"`), as the tokenizer would anyway.

    Such a rule still counts as a special case, and spaCy caches no chunk of a Doc after one.
    """
    return text.isspace() and tokens == [{ORTH: text}]


def sentence_end_pattern(abbreviations: Iterable[str]) -> re.Pattern[str] | None:
    """Where one of `abbreviations` (kept whole with its period) ends a sentence: after a space, and before a line
    break, the end of the text, or a space and a capital (`составил $36,2 млрд. Экспорт`)."""
    words = [word.rstrip(".") for word in abbreviations]
    if not words:
        return None
    return re.compile(rf"(?<=\s)(?i:{alternation(words)})(?=\.(?:\s*$|[^\S\n]*\n|\s+[A-ZА-ЯЁ]))")


def split_sentence_end_periods(doc: Doc, pattern: re.Pattern[str]) -> None:
    """Split the period off an abbreviation that ends a sentence (`pattern`): it ends the sentence, not the figure."""
    tokens = [span[0] for match in pattern.finditer(doc.text) if (span := doc.char_span(match.start(), match.end() + 1)) is not None and len(span) == 1]
    if tokens:
        with doc.retokenize() as retokenizer:
            for token in tokens:
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])


class PlainSpaceTokenizer(Tokenizer):
    """spaCy's Tokenizer, reading every Unicode space separator as a space (offsets unchanged), and splitting the
    period off an abbreviation that ends a sentence (`sentence_end`, from the `sentence_end` special cases)."""

    sentence_end: re.Pattern[str] | None = None

    def __call__(self, string: str) -> Doc:
        doc = super().__call__(plain_spaces(string))
        if self.sentence_end is not None:
            split_sentence_end_periods(doc, self.sentence_end)
        return doc

    def __reduce__(self) -> tuple:
        cls, args, _, _ = super().__reduce__()
        return cls, args, {"sentence_end": self.sentence_end}, None


@registry.tokenizers("econ.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Return a factory building the default tokenizer with the figure splits added (its words: `lexicons/tokenizer.jsonl`)."""
    return tokenizer_factory(None)


@registry.tokenizers("econ.language_tokenizer.v1")
def create_language_tokenizer(extra_words: str) -> Callable[[Language], Tokenizer]:
    """`econ.tokenizer.v1` on the language's own defaults, with its own words too (`extra_words`, a file of the bundled
    `configs/lexicons/`, e.g. `ru/tokenizer.jsonl`)."""
    return tokenizer_factory(extra_words)


def tokenizer_factory(extra_words: str | None) -> Callable[[Language], Tokenizer]:
    """A factory building the language's default tokenizer with the figure splits added."""
    rows = read_jsonl(BUNDLED_LEXICONS / TOKENIZER_WORDS) + (read_jsonl(BUNDLED_LEXICONS / extra_words) if extra_words else [])

    def texts(role: str) -> list[str]:
        return [row["text"] for row in rows if row["role"] == role]

    units = texts("glued_unit")
    range_units = [row["text"] for row in rows if row["role"] == "glued_unit" and row.get("range", True)]
    dropped = frozenset(texts("dropped_exception"))

    def make_tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        figure_prefixes = [DOLLAR_MARKER_PREFIX, MARKED_DOLLAR_PREFIX, CODE_PREFIX, LETTER_SIGN_PREFIX, SIGN_PREFIX]
        prefixes = [*figure_prefixes, CREDIT_SLASH_PREFIX, *defaults.prefixes]
        suffixes = [UNIT_PERIOD_SUFFIX, unit_suffix(units), CREDIT_SLASH_SUFFIX, BACKTICK_POSSESSIVE_SUFFIX, TRAILING_DASH_SUFFIX, *defaults.suffixes]
        infixes = [*range_unit_infixes(range_units), SIGN_AFTER_RANGE_INFIX, NUMBER_RANGE_INFIX, DASH_INFIX, *defaults.infixes]
        rules = {
            text: tokens
            for text, tokens in defaults.tokenizer_exceptions.items()
            if text not in dropped and not restates_whitespace(text, tokens)
        }
        for text in texts("special_case"):
            rules[text] = [{ORTH: text}]
        tokenizer = PlainSpaceTokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=CACHE_SIZE,
        )
        tokenizer.sentence_end = sentence_end_pattern(row["text"] for row in rows if row["role"] == "special_case" and row.get("sentence_end"))
        return tokenizer

    return make_tokenizer
