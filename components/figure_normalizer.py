"""The figure normaliser: a value, unit, hedge and range for every MONEY/PERCENT entity.

It reads the entities the ruler wrote, turns each figure's surface into a number with
its scale applied and a unit (ISO 4217 code, `%`, `pp` or `x`), resolves bare amounts
(`(about 16.6 billion)` after a tenge figure) into MONEY where the context plainly
means money, and drops the rest. The result goes to `doc._.figures`. Its words are lexicon
data (`FigureLexicon`): range joiners, equivalent links, per words and the cues of a bare amount's
currency are roles of `lexicons/relation_cues.jsonl`, sign words number words of kind `sign`.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Collection, Iterable, Sequence

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.lang.en.lex_attrs import _ordinal_words
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.training import Example

from .article_country import most_named, named_countries
from .doc_arrays import DocArrays, doc_arrays
from .lexicon import FigureLexicon, surface_key
from .lexicon_pipe import LexiconPipe
from .numbers import DIGITS, SIGNS, is_number_token, parse_number
from .schema import FIGURE_LABELS, Figure
from .scoring import score_values
from .segments import positions

ORDINAL_WORDS = frozenset(_ordinal_words)  # number-like to spaCy (`first`), never the end of a figure
MIN_AMOUNTS_FOR_CURRENCY = 3  # amounts in one currency that make a bare amount of the same article money
YEAR = re.compile(r"^(?:18|19|20|21)\d\d$")
MAX_HEDGE_TOKENS = 4
READINGS_CACHE_SIZE = 10_000  # figure surfaces whose reading is kept (the same figures recur)


@Language.factory(
    "econ_figure_normalizer",
    assigns=["doc.ents", "doc._.figures"],
    requires=["doc.ents", "token.lemma", "token.is_sent_start"],
    default_config={"bare_amount_label": "AMOUNT", "equivalent_currency": "USD"},
    default_score_weights={"value_acc": 1.0},
)
def make_figure_normalizer(nlp: Language, name: str, bare_amount_label: str, equivalent_currency: str) -> "FigureNormalizer":
    """Build the figure normaliser; its lexicon is loaded by `initialize` or `from_disk`."""
    return FigureNormalizer(nlp, name, bare_amount_label=bare_amount_label, equivalent_currency=equivalent_currency)


class FigureNormalizer(LexiconPipe):
    """Normalise MONEY/PERCENT entities and resolve bare amounts; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "figure_normalizer",
        *,
        bare_amount_label: str = "AMOUNT",
        equivalent_currency: str = "USD",
    ) -> None:
        super().__init__(nlp, name)
        self.bare_amount_label = bare_amount_label
        self.equivalent_currency = equivalent_currency
        self.lexicon: FigureLexicon | None = None
        self._figure_labels = (*FIGURE_LABELS, bare_amount_label)
        self._figure_label_ids = [get_string_id(label) for label in self._figure_labels]  # as `doc.to_array(ENT_TYPE)` holds them

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Index the lexicon tables."""
        self.lexicon = FigureLexicon(tables)
        self._hedge_ends = frozenset(text.rsplit(" ", 1)[-1] for text in self.lexicon.hedge_kinds)  # the last word of each hedge
        self._qualified_heads = frozenset(word for word in self.lexicon.qualified_codes if word.isalpha())  # `dollars`, after `US`
        self._readings: dict[tuple[tuple[str, ...], str], dict[str, Any] | None] = {}
        self._layouts: dict[tuple[tuple[str, ...], str], Layout] = {}  # by digit shape (`digit_shape`) and label
        self._currency_words: dict[tuple[str, ...], tuple[str, frozenset[str]]] = {}
        # The shapes hold when no word the layout looks up is written in digits (`digit_shape`).
        lexicon_words = (*self.lexicon.range_joiners, *self.lexicon.scale_by_word, *self.lexicon.number_words, *self.lexicon.sign_words)
        self._shapes_hold = not any(DIGITS.match(word) for word in lexicon_words)

    def score(self, examples: Iterable[Example], *, labels: Collection[str] | None = None, **kwargs: Any) -> dict[str, Any]:
        """`value_acc`: of the figures that match a reference figure with a value, the share whose value and unit
        match it (`components/scoring.py`); `labels` restricts the labels scored."""
        return score_values(examples, labels)

    def find(self, doc: Doc) -> list[tuple[Span, Figure]]:
        """Read every figure entity of the doc into (span, figure dict); unreadable ones are left out."""
        readings: list[tuple[Span, Figure]] = []
        bare: list[tuple[Span, Figure]] = []
        ents = list(doc.ents)  # spaCy builds the spans on every access
        arrays = doc_arrays(doc)
        for candidate in ents:
            if candidate.label_ not in self._figure_labels:
                continue
            ent, figure = self.read_trimmed(candidate, arrays)
            if figure is None or (figure["unit"] == "x" and not self.is_multiple_in_context(ent)):
                continue
            if ent.label_ == self.bare_amount_label:
                bare.append((ent, figure))
            else:
                readings.append((ent, figure))
        readings = sorted((item for item in readings if not self.is_exchange_rate(*item, arrays)), key=lambda item: item[0].start)
        self.resolve_bare_words(readings, [ent for ent in ents if ent.label_ == "REGION"], self.home_currency(doc, ents))
        readings = [(ent, figure) for ent, figure in readings if figure["unit"] is not None]
        equivalents = self.equivalent_currencies(readings) if bare else Counter()  # only bare amounts ask for them
        for ent, figure in bare:
            unit = self.implied_currency(ent, readings, equivalents)
            if unit is not None:
                figure.update(label="MONEY", unit=unit, unit_assumed=True)
                readings.append((Span(doc, ent.start, ent.end, label="MONEY", span_id=ent.id_), figure))
        return self.join_ranges(sorted(readings, key=lambda item: item[0].start))

    def join_ranges(self, readings: list[tuple[Span, Figure]]) -> list[tuple[Span, Figure]]:
        """One range figure (midpoint value, low and high) from two ends: two figures with a range word between
        them (`$400 to $500 million`, `2%-3%`, `between $2 and $3 billion`: see `joined_pair`), or a bare number
        before a figure (`between 3 and 4 billion dollars`, `2.5 to 3 percent`, `ranging from 1.5 to 2 billion
        euros`). After a plain `from`, `A to B unit` is a change: two figures. `between` and `from` stay outside
        the range, like a hedge."""
        assert self.lexicon is not None
        joined: list[tuple[Span, Figure]] = []
        words = doc_arrays(readings[0][0].doc).words if readings else []
        for span, figure in readings:
            doc, start = span.doc, span.start
            if figure["low"] is None and joined and self.is_range_pair(joined[-1], span, figure):
                joined.extend(self.joined_pair(joined.pop(), (span, figure)))
                continue
            low = None
            joiner = words[start - 1] if start >= 2 else ""
            if figure["low"] is None and joiner == "and" and start >= 3 and words[start - 3] == "between":
                low = self.bare_low_end(span, figure)
            elif figure["low"] is None and joiner == "to" and not self.follows_change_from(doc, start - 3):
                low = self.bare_low_end(span, figure)
            elif figure["low"] is None and joiner == "to" and not (joined and joined[-1][0].end > start - 2):
                joined.extend(self.bare_start_figure(span, figure))  # `from 37.9 to 32.5 percent`: two figures
            if low is not None:
                start -= 2
                if joined and joined[-1][0].end > start:
                    low = None  # the low end is part of the figure before: no range
            if low is None:
                joined.append((span, figure))
                continue
            whole = Span(doc, start, span.end, label=span.label_, span_id=span.id_)
            joined.append((whole, range_figure(whole, low, figure, self.hedge_before(whole, words))))
        return joined

    def is_range_pair(self, previous: tuple[Span, Figure], span: Span, figure: Figure) -> bool:
        """Whether a figure and the one before it may be the ends of a range: one range joiner or `and` between them, the
        same label and unit, and neither a range already."""
        assert self.lexicon is not None
        first_span, first = previous
        if first_span.end != span.start - 1 or first["low"] is not None or (first["label"], first["unit"]) != (figure["label"], figure["unit"]):
            return False
        joiner = doc_arrays(span.doc).words[span.start - 1]
        return joiner in self.lexicon.range_joiners or joiner == "and"

    def joined_pair(self, first: tuple[Span, Figure], second: tuple[Span, Figure]) -> list[tuple[Span, Figure]]:
        """Two figures that may be the ends of a range (`is_range_pair`): one range figure if the first is below the
        second and they are joined by a dash, by `and` after `between`, or by a `to` that ends no change (not `rose
        from $1.5 billion to $2 billion`, `fell 2% to 3%`: two figures). A first end without a scale takes the
        second's, in a range or not (`$400 to $500 million`: 4e8 to 5e8; `$2 and $3 billion`: 2e9 and 3e9)."""
        (first_span, first_figure), (span, figure) = first, second
        scaled = self.shared_scale_value(first_span, span)
        if scaled is not None:
            scaled = below_high_end(scaled, figure["value"])
        low = first_figure["value"] if scaled is None else scaled
        words = doc_arrays(span.doc).words
        joiner = words[span.start - 1]
        if joiner == "and":
            is_range = first_span.start >= 1 and words[first_span.start - 1] == "between"
        else:
            is_range = joiner != "to" or not self.ends_a_change(first_span)
        if is_range and low < figure["value"]:
            whole = Span(span.doc, first_span.start, span.end, label=span.label_, span_id=span.id_)
            merged = range_figure(whole, low, figure, self.hedge_before(whole, words))
            return [(whole, {**merged, "unit_assumed": first_figure["unit_assumed"] and figure["unit_assumed"]})]
        if is_range or scaled is None:
            return [first, second]
        return [(first_span, {**first_figure, "value": scaled}), second]

    def shared_scale_value(self, first: Span, second: Span) -> float | None:
        """The value of a figure without a scale word read with the scale of the figure after it (`$400` of `$400 to
        $500 million` -> 4e8); None if the first has a scale of its own or the second has none."""
        assert self.lexicon is not None
        texts = doc_arrays(first.doc).texts
        first_words = tuple(texts[first.start : first.end])
        scales = scale_words(texts[second.start : second.end], self.lexicon)
        if not scales or scale_words(first_words, self.lexicon):
            return None
        reading = self.reading((*first_words, *scales), first.label_)
        return None if reading is None or reading["low"] is not None else reading["value"]

    def follows_change_from(self, doc: Doc, index: int) -> bool:
        """Whether the token at `index` is a `from` that starts a change (`rose from`), not a range (`ranging from`)."""
        assert self.lexicon is not None
        if index < 0 or doc_arrays(doc).words[index] != "from":
            return False
        return index == 0 or lemmas_of(doc)[index - 1] not in self.lexicon.range_verbs

    def ends_a_change(self, span: Span) -> bool:
        """Whether a `to` after this figure ends a change, not a range: the figure (or its hedge) comes right after a
        `from` that starts a change or a `by` (`increased by $2 billion to $3 billion`), or a word of change comes
        before it in its clause (`rose 2% to 3%`, `cut the rate 25 basis points to 50 basis points`; see
        `is_change_word`). After `between` it is always a range."""
        assert self.lexicon is not None
        doc = span.doc
        words, lemmas = doc_arrays(doc).words, lemmas_of(doc)
        hedge = self.hedge_before(span, words)
        before = span.start - 1 - (len(hedge.split()) if hedge else 0)
        if before < 0 or words[before] == "between":
            return False
        if words[before] == "by":
            return True
        if words[before] == "from":
            return self.follows_change_from(doc, before)
        for index in range(before, doc_arrays(doc).segments.start(span.start) - 1, -1):
            if words[index] == ";" or (words[index] in self.lexicon.clause_conjunctions and index and words[index - 1] == ","):
                return False
            if self.is_change_word(words, lemmas, index):
                return True
        return False

    def is_change_word(self, words: Sequence[str], lemmas: Sequence[str], index: int) -> bool:
        """Whether a word says that something changed (`rose`, `cut`, `up`): not a change noun as written (`growth`,
        `rise`), nor one naming what follows (`a gain of`), nor the end of a compound (`write-down`)."""
        assert self.lexicon is not None
        word = words[index]
        if lemmas[index] not in self.lexicon.change_lemmas or word in self.lexicon.change_nouns:
            return False
        return words[index + 1] != "of" and (index == 0 or words[index - 1] != "-")

    def set_annotations(self, doc: Doc, readings: list[tuple[Span, Figure]]) -> None:
        """Write the figures to `doc._.figures` and keep only readable figures in `doc.ents`."""
        spans = [span for span, _ in readings]
        if not self.replace_figure_entities(doc, spans):
            others = [ent for ent in doc.ents if ent.label_ not in self._figure_labels]
            doc.set_ents(sorted([*others, *spans], key=lambda span: span.start), default="outside")  # raises on the overlap
        doc._.figures = [figure for _, figure in readings]

    def replace_figure_entities(self, doc: Doc, spans: list[Span]) -> bool:
        """What `doc.set_ents` with the figure spans and the other entities does (every token in neither outside an
        entity), touching only the tokens that change; False, with nothing written, where a figure overlaps another
        entity."""
        iob, types = doc.to_array(ENT_IOB), doc.to_array(ENT_TYPE)
        is_figure = np.zeros(len(doc), dtype=bool)
        for label in self._figure_label_ids:  # `np.isin` costs more on a few labels
            is_figure |= types == label
        in_other = ((iob == 1) | (iob == 3)) & (types != 0) & ~is_figure
        covered = np.zeros(len(doc), dtype=bool)
        for span in spans:
            covered[span.start : span.end] = True
        if (covered & in_other).any():
            return False
        stale = ~covered & ~in_other & ((iob != 2) | (types != 0))  # a dropped figure's tokens, and any not yet outside
        doc.set_ents(spans, outside=[Span(doc, index, index + 1) for index in np.flatnonzero(stale).tolist()], default="unmodified")
        return True

    def read_trimmed(self, span: Span, arrays: DocArrays) -> tuple[Span, Figure | None]:
        """Read a figure span, without a trailing dash or ordinal (`$ 70 -`, `$280 million first`), a leading end of a hedge (`plus or minus`)
        or a leading dash glued to the figure before (`-$500 million` of `$400-$500 million`); if it does not read, drop leading numbers
        (`2023 5 billion tenge`), then trailing ones, until it does."""
        assert self.lexicon is not None
        texts, words = arrays.texts, arrays.words
        end = span.end
        while end > span.start + 1 and (texts[end - 1] in self.lexicon.range_joiners or words[end - 1] in ORDINAL_WORDS):
            end -= 1
        start = span.start
        if end - start > 1 and self.may_end_a_hedge(words[start]) and " ".join(words[max(start - 2, 0) : start + 1]) in self.lexicon.hedge_kinds:
            start += 1  # `plus or minus 3%`: the sign word ends a hedge
        elif end - start > 1 and is_glued_dash(texts, arrays.spaced, start):
            start += 1  # `$400-$500 million`, `2%-3%`: a dash glued to a figure before joins a range, it is no minus
        if (start, end) != (span.start, span.end):
            span = Span(span.doc, start, end, label=span.label_, span_id=span.id_)
        for end in range(span.end, span.start, -1):
            if end < span.end and not is_number_token(texts[end], self.lexicon) and self.lexicon.scale(texts[end]) is None:
                break  # only trailing numbers and scales are dropped: `GH¢4.9 billion twelve months earlier`
            for start in range(span.start, end):
                if start > span.start and not is_number_token(texts[start - 1], self.lexicon) and texts[start - 1] not in self.lexicon.range_joiners:
                    break  # leading numbers, and the dash after them (`2015 – 4.6%`), may be dropped
                if start > span.start and not is_number_token(texts[start], self.lexicon):
                    continue  # what is left starts with its number: not `– 4.6%`, nor `dollars 20` of `5 dollars 20 years`
                trimmed = span if (start, end) == (span.start, span.end) else Span(span.doc, start, end, label=span.label_, span_id=span.id_)
                figure = self.read_span(trimmed, arrays)
                if figure is not None and not self.ends_in_a_count(trimmed, arrays.texts):
                    return trimmed, figure
        return span, None

    def ends_in_a_count(self, span: Span, texts: Sequence[str]) -> bool:
        """Whether the number after a figure's unit counts the next word: `three thousand dollars [two hundred]
        times`, `5 dollars [20] years ago`; that number is no part of the figure."""
        assert self.lexicon is not None
        doc = span.doc
        last = texts[span.end - 1]
        if span.end >= len(doc) or (not is_number_token(last, self.lexicon) and self.lexicon.scale(last) is None):
            return False
        after = doc[span.end]
        if not after.is_alpha or after.is_stop:
            return False
        kinds = [kind for kind, _ in segments(texts[span.start : span.end], self.lexicon)]
        return len(kinds) >= 3 and kinds[-1] == "number" and "unit" in kinds[1:-1]

    def read_span(self, span: Span, arrays: DocArrays) -> Figure | None:
        """The figure dict of one span of the doc of `arrays`, or None when its surface does not read as a figure."""
        assert self.lexicon is not None
        label = span.label_
        reading = self.reading(tuple(arrays.texts[span.start : span.end]), label)
        if reading is None:
            return None
        start, end = span.start_char, span.end_char
        figure: Figure = {  # a literal: calling the TypedDict costs three times as much
            "start": start,
            "end": end,
            "text": arrays.text[start:end],
            "label": label,
            "value": reading["value"],
            "unit": reading["unit"],
            "unit_assumed": False,  # decided for the whole article (`resolve_bare_words`)
            "approx": self.hedge_before(span, arrays.words),
            "low": reading["low"],
            "high": reading["high"],
            "pattern": span.id_ or None,
        }
        return figure

    def reading(self, words: tuple[str, ...], label: str) -> dict[str, Any] | None:
        """`read_surface` with this lexicon, remembered per surface (the returned dict is shared: copy it to change it)."""
        assert self.lexicon is not None
        key = (words, label)
        if key not in self._readings:
            if len(self._readings) >= READINGS_CACHE_SIZE:
                self._readings.clear()
            self._readings[key] = self.read_new_surface(words, label)
        return self._readings[key]

    def read_new_surface(self, words: tuple[str, ...], label: str) -> dict[str, Any] | None:
        """`read_surface`, its layout remembered per digit shape: new numbers in known words (`$ 382 million` after
        `$ 751 million`) are read from the layout of their shape, with their own digits."""
        assert self.lexicon is not None
        if not self._shapes_hold or read_whole(words, label, self.lexicon):
            return read_surface(words, label, self.lexicon)
        shape, digits = digit_shape(words)
        key = (shape, label)
        if key not in self._layouts:
            if len(self._layouts) >= READINGS_CACHE_SIZE:
                self._layouts.clear()
            self._layouts[key] = surface_layout(shape, label, self.lexicon)
        return read_layout(self._layouts[key], label, self.lexicon, digits)

    def is_exchange_rate(self, span: Span, figure: Figure, arrays: DocArrays) -> bool:
        """Whether a money figure states an exchange rate, which is not annotated: either side of an `=`
        (`($1 = 3.75 riyals)`), or a price of a currency (`470 tenge to the dollar`)."""
        assert self.lexicon is not None
        if figure["label"] != "MONEY":
            return False
        doc = span.doc
        texts, words = arrays.texts, arrays.words
        if (span.end < len(doc) and texts[span.end] == "=") or (span.start > 0 and texts[span.start - 1] == "="):
            return True
        if span.end + 2 >= len(doc) or words[span.end] != "to" or words[span.end + 1] not in self.lexicon.exchange_rate_determiners:
            return False
        for index in range(span.end + 2, min(span.end + 4, len(doc))):  # `to the dollar`, `to the US dollar`, not `to the euro area`
            if self.lexicon.currency(texts[index]) is not None:
                return index + 1 == len(doc) or not doc[index + 1].is_alpha or doc[index + 1].is_stop
        return False

    def is_multiple_in_context(self, span: Span) -> bool:
        """Whether a multiple reads as one: `1.8 times` always; `twice`, `double` and `two times` only in a
        comparison (`more than double the figure`, `grew by almost two times`, not `twice a year`)."""
        assert self.lexicon is not None
        first, last = span[0].lower_, span[-1].lower_
        if not (first in self.lexicon.contextual_multiples or (last == "times" and not DIGITS.match(first))):
            return True
        doc, cues = span.doc, self.lexicon.multiple_cues
        if span.end < len(doc) and doc[span.end].lower_ in cues["after"]:
            return True
        hedge = self.hedge_before(span, doc_arrays(doc).words)
        before = span.start - 1 - (len(hedge.split()) if hedge else 0)
        return before >= 0 and doc[before].lower_ in cues["before"]

    def hedge_before(self, span: Span, words: Sequence[str]) -> str | None:
        """The hedge (`about`, `more than`) directly before a span (`words`: its doc's lower-cased words), if any; right
        after another figure, `more than` compares (`9.4% more than $13 billion`) and is none."""
        assert self.lexicon is not None
        start = span.start
        if not start or not self.may_end_a_hedge(words[start - 1]):
            return None
        before = words[max(start - MAX_HEDGE_TOKENS, 0) : start]
        for size in range(len(before), 0, -1):
            text = " ".join(before[-size:])
            if text in self.lexicon.hedge_kinds:
                previous = start - size - 1
                if previous >= 0 and span.doc[previous].ent_type_ in FIGURE_LABELS:
                    return None
                return text
        return None

    def may_end_a_hedge(self, word: str) -> bool:
        """Whether a hedge may end with this word: it is the last word of one (a hedge is joined with spaces: a word
        with one is looked up whole)."""
        return word in self._hedge_ends or " " in word

    def bare_value(self, span: Span, figure: Figure) -> float | None:
        """The value of a bare number two tokens before a figure, read with the figure's scale and unit
        (`3 and 4 billion dollars` -> 3e9), or None if there is none."""
        assert self.lexicon is not None
        texts = doc_arrays(span.doc).texts
        if span.start < 2 or not is_number_token(texts[span.start - 2], self.lexicon) or not is_number_token(texts[span.start], self.lexicon):
            return None
        reading = self.reading((texts[span.start - 2], *texts[span.start + 1 : span.end]), figure["label"])
        return None if reading is None or reading["unit"] != figure["unit"] else reading["value"]

    def bare_low_end(self, span: Span, figure: Figure) -> float | None:
        """`bare_value` (see `below_high_end`), if it is below the figure's value (a range runs from low to high:
        `2023 to 5 billion` is none)."""
        low = self.bare_value(span, figure)
        arrays = doc_arrays(span.doc)
        if low is None or YEAR.match(arrays.texts[span.start - 2]) or is_glued_dash(arrays.texts, arrays.spaced, span.start - 3):
            return None  # not `2019 to 5 billion`, `2024-25 to 6.6 per cent`
        low = below_high_end(low, figure["value"])
        return low if low < figure["value"] else None

    def bare_start_figure(self, span: Span, figure: Figure) -> list[tuple[Span, Figure]]:
        """The bare start of a change `from 37.9 to 32.5 percent` as a figure of its own, in the unit and scale of
        the end (`37.9`, 37.9 %); none when it is a year (`from 2019 to 5 billion`)."""
        value = self.bare_value(span, figure)
        number = span.doc[span.start - 2]
        if value is None or YEAR.match(number.text):
            return []
        bare = Span(span.doc, number.i, number.i + 1, label=span.label_, span_id=span.id_)
        text = {"start": bare.start_char, "end": bare.end_char, "text": bare.text}
        return [(bare, {**figure, **text, "value": value, "approx": self.hedge_before(bare, doc_arrays(span.doc).words)})]

    def resolve_bare_words(self, readings: list[tuple[Span, Figure]], places: list[Span], home: str | None) -> None:
        """Read a sign or word shared by several currencies (`$`, `manat`, `Rs`, `shillings`) from the article,
        and mark every figure whose currency was so inferred (`unit_assumed`).

        It takes the currency of the nearest figure (preceding first) that names one of its
        readings explicitly (`TMT 23.6 billion` ... `18.9 billion manats`), but not the figure it
        gives the equivalent of; else the `home` currency of the article (`$17.8 billion` in a
        story on Canada), unless the figure is a world commodity price (`$52 a barrel`); else,
        for a sign of no country's own (not `$`), the currency of the country the article names
        most (`Rs50.4 trillion` in an article on Pakistan). A one-letter sign (`N18.8tn`,
        `T5 trillion`) that does not resolve gets no unit: it is no figure.
        """
        assert self.lexicon is not None
        if not readings:
            return
        texts = doc_arrays(readings[0][0].doc).texts
        keys, options = zip(*(self.currency_words(tuple(texts[span.start : span.end])) for span, _ in readings))
        explicit = [
            (index, figure["unit"])
            for index, (_, figure) in enumerate(readings)
            if not options[index] or (options[index] == {figure["unit"]} and keys[index] not in self.lexicon.letter_signs)
        ]
        countries = Counter(self.lexicon.country_currency.get(place.kb_id_) for place in places)
        for index, (span, figure) in enumerate(readings):
            key = keys[index]
            figure["unit_assumed"] = figure["label"] == "MONEY" and (len(options[index]) > 1 or key in self.lexicon.letter_signs)
            if not figure["unit_assumed"]:
                continue
            equivalent_of = index - 1 if index and only_linking_words(readings[index - 1][0], span, self.lexicon) else None
            choices = options[index] - ({readings[equivalent_of][1]["unit"]} if equivalent_of is not None else set())
            candidates = [
                (abs(index - other) + (other > index) * 0.5, unit)
                for other, unit in explicit
                if unit in choices and other != equivalent_of  # `10.5 million Australian dollars ($7.5 million)`
            ]
            if candidates:
                figure["unit"] = min(candidates)[1]
            elif home in choices and not self.is_world_price(span):
                figure["unit"] = home
            elif key in self.lexicon.local_signs:
                continue  # `$52 a barrel`, `$` in a story on Kazakhstan: the default, US dollars
            elif mentioned := [(count, code) for code, count in countries.items() if code in choices]:
                figure["unit"] = max(mentioned)[1]
            elif key in self.lexicon.letter_signs:
                figure["unit"] = None  # `N2` in a text on nothing Nigerian

    def home_currency(self, doc: Doc, ents: Sequence[Span]) -> str | None:
        """The currency of the country the article reports on: the one its places and organisations (by their
        country, `Reserve Bank of Australia`) and its currency names outside figures (`the Australian dollar
        slipped`, two votes each; not a denomination, `bonds in Canadian dollars`) name most; the first named wins a tie. None if the article names none."""
        assert self.lexicon is not None
        currencies = self.lexicon.country_currency
        named = [(currencies[country], start) for country, start in named_countries(ents) if country in currencies]
        words = doc_arrays(doc).words
        for index in sorted(index for word in self._qualified_heads.intersection(words) for index in positions(words, word)):
            if index:
                for size in (3, 2):
                    begin = index + 1 - size
                    currency = self.lexicon.currency(" ".join(words[begin : index + 1])) if begin >= 0 else None
                    if currency is not None:
                        if words[begin - 1 : begin] not in (["in"], ["of"]):  # not a denomination: `reserves in Canadian dollars`
                            named += [(currency.code, index)] * 2
                        break
        return most_named(named)

    def is_world_price(self, span: Span) -> bool:
        """Whether a money figure is a price per commodity unit (`$52 a barrel`, `$2,300 per ounce`), quoted in US dollars."""
        assert self.lexicon is not None
        words = doc_arrays(span.doc).words
        after = words[span.end : span.end + 3]
        if not after or after[0] not in self.lexicon.per_words:
            return False
        return any(" ".join(after[1:size]) in self.lexicon.quoted_per for size in (2, 3))

    def currency_words(self, surface: tuple[str, ...]) -> tuple[str, frozenset[str]]:
        """A figure surface's unit words as a `surface_key`, and the currencies they may mean if they are a bare sign or
        word (`lexicon.readings_of`), remembered per digit shape (`digit_shape`)."""
        assert self.lexicon is not None
        key = shape_of(surface) if self._shapes_hold else surface  # the unit words do not depend on the digits
        if key not in self._currency_words:
            if len(self._currency_words) >= READINGS_CACHE_SIZE:
                self._currency_words.clear()
            text = " ".join(unit_words(key, self.lexicon))
            self._currency_words[key] = (surface_key(text), frozenset(self.lexicon.readings_of(text)) if text else frozenset())
        return self._currency_words[key]

    def equivalent_currencies(self, readings: list[tuple[Span, Figure]]) -> Counter[str]:
        """Currencies this doc uses for equivalents: a money figure right after another one (`, or about $7.9 billion`)."""
        counts: Counter[str] = Counter()
        money = [(span, figure) for span, figure in readings if figure["label"] == "MONEY"]
        for (previous, first), (span, second) in zip(money, money[1:]):
            if first["unit"] != second["unit"] and only_linking_words(previous, span, self.lexicon):
                counts[second["unit"]] += 1
        return counts

    def implied_currency(
        self, span: Span, readings: list[tuple[Span, Figure]], equivalents: Counter[str]
    ) -> str | None:
        """The currency a bare amount plainly means, or None when the text does not say it is money."""
        doc = span.doc
        if span.end < len(doc) and doc[span.end].is_alpha and not doc[span.end].is_stop:
            return None  # `16.6 billion cubic metres`: a quantity of something else
        range_end = self.range_end_currency(span, readings)
        if range_end is not None:
            return range_end
        before = [(s, f) for s, f in readings if s.end <= span.start and f["label"] == "MONEY"]
        if not before:
            return None
        previous, figure = before[-1]
        if only_linking_words(previous, span, self.lexicon) and doc[previous.end].text in ("(", ","):
            for unit, _ in equivalents.most_common():
                if unit != figure["unit"]:
                    return unit
            return self.equivalent_currency if figure["unit"] != self.equivalent_currency else None
        cue = span.start - 1
        while cue > previous.end and doc[cue].lower_ in self.lexicon.hedge_kinds:  # type: ignore[union-attr]
            cue -= 1
        if previous.sent == span.sent and doc[cue].lower_ in self.lexicon.bare_amount_cues:
            return figure["unit"]
        names_money = any(token.lower_ in self.lexicon.money_words for token in doc[span.sent.start : span.start])
        return self.only_currency(readings, equivalents) if names_money and not span[-1].text.isupper() else None

    def range_end_currency(self, span: Span, readings: list[tuple[Span, Figure]]) -> str | None:
        """The currency of the money figure a bare amount is the other end of a range with: one range joiner (or `and`
        after `between`) between them (`400 million to 500 million dollars`, `2bn-3bn euros`, `between $2 billion and
        3 billion`); None if there is none."""
        assert self.lexicon is not None
        words = doc_arrays(span.doc).words
        for other, figure in readings:
            if figure["label"] != "MONEY" or (span.end + 1 != other.start and other.end + 1 != span.start):
                continue
            first = span if span.end < other.start else other
            joiner = words[first.end]
            if joiner in self.lexicon.range_joiners or (joiner == "and" and first.start >= 1 and words[first.start - 1] == "between"):
                return figure["unit"]
        return None

    def only_currency(self, readings: list[tuple[Span, Figure]], equivalents: Counter[str]) -> str | None:
        """The one currency of an article's amounts (equivalents aside), when it writes at least
        `MIN_AMOUNTS_FOR_CURRENCY` of them: `revenue stood at 502.5 billion` in a story of riyal amounts
        (the sentence names a sum of money before the amount, whose scale is a word, not `9M`)."""
        units = Counter(figure["unit"] for _, figure in readings if figure["label"] == "MONEY" and figure["unit"] not in equivalents)
        if len(units) != 1:
            return None
        ((unit, count),) = units.items()
        return unit if count >= MIN_AMOUNTS_FOR_CURRENCY else None


def read_surface(words: Sequence[str], label: str, lexicon: FigureLexicon) -> dict[str, Any] | None:
    """Value, unit and range of a figure surface given as tokens; None if it does not read.

    Reads one amount (`$7.9 billion`), a range (`$5-6 billion`: midpoint, low, high) or an
    amount with its minor unit (`3 dollars 50 cents`, `15 dollars and 15`).
    """
    if len(words) == 1 and words[0].lower() in lexicon.multiple_by_word:
        return {"value": lexicon.multiple_by_word[words[0].lower()], "unit": "x", "low": None, "high": None}
    if label == "PERCENT" and "±" in words:
        return read_tolerance(without_of_a(words, lexicon), label, lexicon)
    return read_layout(surface_layout(words, label, lexicon), label, lexicon)


def read_whole(words: Sequence[str], label: str, lexicon: FigureLexicon) -> bool:
    """Whether `read_surface` reads a surface whole, not from its layout: a multiple word (`twice`), a tolerance (`4±2%`)."""
    return (len(words) == 1 and words[0].lower() in lexicon.multiple_by_word) or (label == "PERCENT" and "±" in words)


def digit_shape(words: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str]]:
    """A surface with each digit token written as its position (`$ 382 million` -> `$ 1 million`), and those digits by
    position. `surface_layout` reads the shape as it reads the surface, when no lexicon word it looks up is digits:
    it only asks whether a token is digits."""
    shape = shape_of(words)
    return shape, {position: word for position, word in zip(shape, words) if position != word}


@lru_cache(maxsize=READINGS_CACHE_SIZE)
def shape_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """The shape of `digit_shape` alone, remembered (a new surface is shaped to be read, then for its currency words)."""
    return tuple([str(index) if DIGITS.match(word) else word for index, word in enumerate(words)])


@dataclass(frozen=True)
class Layout:
    """What a figure surface's digits do not change: its sign, number runs (with their scale words), unit runs, whether
    two numbers are the ends of a range, the unit and its factor (`read_unit`), and the scale ending each number run."""

    sign: float
    numbers: list[list[str]]
    units: list[list[str]]
    is_range: bool
    unit: str | None
    factor: float
    scales: list[float]


def surface_layout(words: Sequence[str], label: str, lexicon: FigureLexicon) -> Layout:
    """The layout of a figure surface (`segments`, after dropping a sign and a percent's `of a`)."""
    if label == "PERCENT":
        words = without_of_a(words, lexicon)
    sign, words = leading_sign(words, lexicon)
    parts = segments(words, lexicon)
    numbers = [tokens for kind, tokens in parts if kind == "number"]
    units = [tokens for kind, tokens in parts if kind == "unit"]
    unit, factor = read_unit([word for run in units for word in run], label, lexicon)
    scales = [trailing_scale_of(tokens, lexicon) for tokens in numbers]
    return Layout(sign, numbers, units, ("range", []) in parts, unit, factor, scales)


def read_layout(layout: Layout, label: str, lexicon: FigureLexicon, digits: dict[str, str] | None = None) -> dict[str, Any] | None:
    """The reading of a surface from its layout, its digits put back in the number runs if it was read as a shape
    (`digit_shape`)."""
    sign, numbers, scales, unit, factor = layout.sign, layout.numbers, layout.scales, layout.unit, layout.factor
    if digits:
        numbers = [[digits.get(word, word) for word in tokens] for tokens in numbers]
    values = [parse_number(tokens, lexicon) for tokens in numbers]
    if not values or None in values:
        return None
    if len(values) > 2 or (len(values) == 2 and not layout.is_range):
        return read_compound(values, numbers, layout.units, label, lexicon, sign)  # type: ignore[arg-type]
    if unit is None and label != "AMOUNT":
        return None
    if len(values) == 2 and scales[-1] != 1.0 and scales[0] == 1.0:
        values[0] *= scales[-1]  # `$5-6 billion`: the scale applies to both ends  # type: ignore[operator]
    amounts = [sign * value * factor for value in values]  # type: ignore[operator]
    if not all(math.isfinite(amount) for amount in amounts):
        return None  # a 400-digit "number" is no figure (and JSON cannot hold infinity)
    if len(amounts) == 2 and not amounts[0] < amounts[1]:
        return None  # a range runs from low to high: `in 2015 – 4.6%` is a year, then a figure
    if len(amounts) == 1:
        return {"value": tidy(amounts[0]), "unit": unit, "low": None, "high": None}
    low, high = amounts
    return {"value": tidy((low + high) / 2), "unit": unit, "low": tidy(low), "high": tidy(high)}


def read_tolerance(words: Sequence[str], label: str, lexicon: FigureLexicon) -> dict[str, Any] | None:
    """`4±2%`: value 4, low 2, high 6."""
    index = list(words).index("±")
    centre = read_surface([*words[:index], *words[index + 2 :]], label, lexicon)
    spread = read_surface(words[index + 1 :], label, lexicon)
    if centre is None or spread is None or centre["low"] is not None:
        return None
    value, margin = centre["value"], spread["value"]
    return {**centre, "low": tidy(value - margin), "high": tidy(value + margin)}


def without_of_a(words: Sequence[str], lexicon: FigureLexicon) -> Sequence[str]:
    """`0.7 of a percentage point` -> `0.7 percentage point`: drop an `of a`/`of an` after the number."""
    for index in range(1, len(words) - 2):
        if words[index].lower() == "of" and words[index + 1].lower() in lexicon.indefinite_articles:
            return [*words[:index], *words[index + 2 :]]
    return words


def tidy(value: float | None) -> float | None:
    """Drop binary noise from scaling (`16.6 * 1e9` -> 16600000000.0, not ...000002)."""
    return None if value is None else float(f"{value:.12g}")


def read_compound(
    values: list[float], numbers: list[list[str]], units: list[list[str]], label: str, lexicon: FigureLexicon, sign: float
) -> dict[str, Any] | None:
    """`3 dollars 50 cents`, `15 dollars and 15`: the major amount plus the minor one (cents by default);
    `1 billion dollar 477 million 4 thousand`: the sum of the scaled parts, each of a smaller scale."""
    if label != "MONEY" or not units or len(units) > 2:
        return None
    major = lexicon.currency(" ".join(units[0]))
    minor = lexicon.currency(" ".join(units[1])) if len(units) == 2 else None
    if major is None or major.factor != 1.0 or (minor is not None and minor.code != major.code):
        return None
    scales = [trailing_scale_of(group, lexicon) for group in numbers]
    if len(values) > 2 or (minor is None and scales[1] != 1.0):
        if minor is not None or any(smaller >= larger for larger, smaller in zip(scales, scales[1:-1])) or scales[-1] >= scales[-2]:
            return None
        value = sum(values)
    elif minor is None and scales[0] != 1.0:
        return None  # `3 million dollars 5`: no cents after a scaled amount
    else:
        value = values[0] + values[1] * (minor.factor if minor is not None else 0.01)
    if not math.isfinite(value):
        return None
    return {"value": tidy(sign * value), "unit": major.code, "low": None, "high": None}


def leading_sign(words: Sequence[str], lexicon: FigureLexicon) -> tuple[float, list[str]]:
    """Strip a sign word (`minus`) or a sign glued before a currency symbol (`-$5`)."""
    words = list(words)
    if words and words[0].lower() in lexicon.sign_words:
        return lexicon.sign_words[words[0].lower()], words[1:]
    if len(words) > 1 and words[0] in SIGNS:  # a separate sign token: `-$5`, `− 1.3%` (the patterns want it glued)
        return SIGNS[words[0]], words[1:]
    return 1.0, words


def segments(words: Sequence[str], lexicon: FigureLexicon) -> list[tuple[str, list[str]]]:
    """Split a figure surface into runs: ("number", tokens incl. scales), ("unit", tokens), ("range", [])."""
    parts: list[tuple[str, list[str]]] = []
    for index, word in enumerate(words):
        if word.isspace():
            continue  # `48.8 billion  drams`, `4.5\nbillion`
        last = parts[-1] if parts else ("", [])
        numeric = is_number_token(word, lexicon)  # also `a`, `an`: `a billion`
        if word in lexicon.range_joiners and last[0] == "number" and is_range_continuation(words[index + 1 :], lexicon):
            parts.append(("range", []))
        elif word in ("-", "‐") or (word.lower() == "and" and last[0] == "unit"):
            continue  # `forty-five`, `12-cent`, `15 dollars and 15`
        elif lexicon.scale(word) is not None and not numeric and (parts or lexicon.currency(word) is None):
            if last[0] == "number":
                last[1].append(word)
            elif len(parts) >= 2 and last[0] == "unit" and parts[-2][0] == "number":
                parts[-2][1].append(word)  # `75 USD million`
            else:
                return []
        elif numeric:
            if last[0] == "number" and not is_digits_after_scale(last[1], word, lexicon):
                last[1].append(word)
            else:
                parts.append(("number", [word]))
        elif last[0] == "unit":
            last[1].append(word)
        else:
            parts.append(("unit", [word]))
    return parts


def is_digits_after_scale(group: Sequence[str], word: str, lexicon: FigureLexicon) -> bool:
    """Whether digits follow a scale word (`2 million 300`), which starts a new number."""
    return bool(group) and lexicon.scale(group[-1]) is not None and bool(DIGITS.match(word))


def is_range_continuation(rest: Sequence[str], lexicon: FigureLexicon) -> bool:
    """Whether what follows a dash starts another number (possibly after a currency symbol)."""
    for word in rest[:2]:
        if DIGITS.match(word):
            return True
        if lexicon.currency(word) is None:
            return False
    return False


def trailing_scale_of(group: Sequence[str], lexicon: FigureLexicon) -> float:
    """Product of the scale words at the end of a number group (1.0 if none)."""
    factor = 1.0
    for word in reversed(group):
        scale = lexicon.scale(word)
        if scale is None or is_number_token(word, lexicon):
            break
        factor *= scale
    return factor


def below_high_end(low: float, high: float) -> float:
    """A range's low end read with the high end's scale, or one scale step (a thousand) down where that scale makes
    it the larger and the smaller one does not (`$800 to $1.2 billion`: 8e8)."""
    return low / 1000 if low >= high > low / 1000 else low


def range_figure(whole: Span, low: float, high_end: Figure, hedge: str | None) -> Figure:
    """The figure of a range span from its low value and the figure of its high end: midpoint value, low and high."""
    high = high_end["value"]
    return {**high_end, "start": whole.start_char, "text": whole.text, "value": tidy((low + high) / 2), "low": tidy(low), "high": high, "approx": hedge}


def is_glued_dash(texts: Sequence[str], spaced: Sequence[int], index: int) -> bool:
    """Whether the token at `index` is a hyphen glued to a word, number or `%` before it (`400-`, `%-`), not a minus sign."""
    if index == 0 or texts[index] != "-" or spaced[index - 1]:
        return False
    previous = texts[index - 1]
    return previous[-1].isalnum() or previous == "%"


def lemmas_of(doc: Doc) -> list[str]:
    """The doc's lower-cased lemmas, or its lower-cased words where it has none."""
    arrays = doc_arrays(doc)
    return arrays.lemmas if arrays.lemmas is not None else arrays.words


def only_linking_words(first: Span, second: Span, lexicon: FigureLexicon) -> bool:
    """Whether only equivalent links (brackets, commas, `or`, `worth`) and a hedge stand between two spans (`3.5 trillion
    tenge, or about $7.9 billion`, `US$1,081 million, worth about 4.4 trillion pesos`)."""
    if not 0 < second.start - first.end <= MAX_HEDGE_TOKENS + 2:
        return False
    between = [word for word in doc_arrays(first.doc).words[first.end : second.start] if not word.isspace()]  # `(over  $ 48 million)`
    words = [word for word in between if word not in lexicon.equivalent_links]
    return not words or " ".join(words) in lexicon.hedge_kinds


def scale_words(surface: Sequence[str], lexicon: FigureLexicon) -> list[str]:
    """The scale words of a figure surface (`million` in `$500 million`, `bn` in `KZT 3 bn`)."""
    return [
        word
        for kind, tokens in segments(surface, lexicon)
        if kind == "number"
        for word in tokens
        if lexicon.scale(word) is not None and not is_number_token(word, lexicon)
    ]


def unit_words(surface: Sequence[str], lexicon: FigureLexicon) -> list[str]:
    """The unit tokens of a figure surface (`Turkish lira` in `2.5 billion Turkish lira`)."""
    return [word for kind, tokens in segments(surface, lexicon) if kind == "unit" for word in tokens]


def read_unit(words: Sequence[str], label: str, lexicon: FigureLexicon) -> tuple[str | None, float]:
    """The unit and the factor to it (`cents` -> USD, 0.01; `basis points` -> pp, 0.01)."""
    if not words:
        return None, 1.0
    if label == "PERCENT":
        found = lexicon.percent_by_surface.get(surface_key(" ".join(words)))
        return found if found else (None, 1.0)
    for surface in (" ".join(words), *unique_runs(words)):
        currency = lexicon.currency(surface)
        if currency is not None:
            return currency.code, currency.factor
    return None, 1.0


def unique_runs(words: Sequence[str]) -> list[str]:
    """Fallback surfaces for a unit: the first half of a repeated unit, then each word, last first."""
    half = len(words) // 2
    runs = [" ".join(words[:half])] if half and words[:half] == words[half:] else []
    return runs + list(reversed(words))
