"""Checks that flag doubtful facts (`econ_fact_checks`): each fact of `doc._.facts` gets `flags`, the names of the
checks it fails joined by `;` in the order of `CHECKS`, or `""` when it passes them all.

- `implausible_value`: a value beyond any economy's scale (money over the ceiling once converted to US dollars at an
  order-of-magnitude rate; a percentage, points or a multiple over its maximum), or a number that does not read
  cleanly: glued to digits or `^` the ruler did not take (`10^400 dollars`), or digit groups that are neither
  thousands, nor lakhs in a South Asian amount, nor a decimal comma (`1,234,5678`). Flagged, never rescaled.
- `change_inconsistent`: a change with a base figure and, in its sentence, the level of the same unit it reached,
  where the levels imply another change than the one stated, beyond what the rounding of the printed numbers (and a
  hedge) allows: `rose 10% to $120m from $100m` (+20%), not `up 9% to $1.2bn from $1.1bn` (anything from 0 to +19%).
- `shares_exceed_total`: shares of one whole in one paragraph and period adding up to over 100% beyond rounding.
  The whole is the words after `of` (`54% of exports`), carried along a list that names none (`, gas 30% and metals
  25%`); ratios to GDP and the like are no parts of a whole. Every share of the group is flagged.
- `equals_rate_outlier`: an EQUALS pair (the fact with `equals`) whose implied exchange rate is more than a factor
  from the median of the article's other pairs of the same two currencies and year, beyond rounding.
- `period_after_publication`: a figure whose period starts after the publication date (`meta.date`), with no
  forward-looking word in its sentence.

Thresholds and word lists are data (`lexicons/fact_checks.jsonl`; comparison cues and hedges come from their own
lexicons). Data flows one way: the component reads the facts, the relations and the Doc, and only adds `flags`.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .doc_arrays import doc_arrays
from .lexicon import FigureLexicon
from .lexicon_pipe import LexiconPipe
from .numbers import THOUSANDS_GROUPS, parse_digits
from .periods import parse_date
from .relations.cues import Cues
from .relations.kinds import multiple_change

CHECKS = ("implausible_value", "change_inconsistent", "shares_exceed_total", "equals_rate_outlier", "period_after_publication")
PRINTED_NUMBER = re.compile(r"\d(?:[\d,]|\s(?=\d{3}(?!\d)))*(?:\.\d+)?")  # `1,234.5`, `10 000`
LAKH_GROUPS = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d+)?")  # `12,34,567`
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}|0,\d+")  # `2,5%`, `12,75`
GLUE = frozenset("0123456789^")  # a figure touching these is part of a number the ruler did not take (`10^400`)
LEVEL_KINDS = ("level", "rate", "share")  # what a change can reach
SHARE_KINDS = ("share", "level")  # a share, or a figure continuing a list of shares
MAX_LIST_GAP = 6  # tokens between one share's phrase and the next share of its list
MAX_WHOLE_WORDS = 5  # words of a whole after `of`
Interval = tuple[float, float]


@dataclass(frozen=True)
class CheckData:
    """The thresholds and word lists of `lexicons/fact_checks.jsonl`."""

    max_values: dict[str, float]  # unit (`%`, `pp`, `x`) -> the largest plausible size
    money_ceiling_usd: float
    units_per_usd: dict[str, float]  # currency -> its order-of-magnitude rate (1 where none is listed)
    outlier_factor: float
    hedge_margin: float
    lakh_currencies: frozenset[str]
    lakh_words: frozenset[str]
    forward_lemmas: frozenset[str]
    forward_words: frozenset[str]
    denominators: tuple[tuple[str, ...], ...]
    whole_skips: frozenset[str]
    list_marks: frozenset[str]
    list_words: frozenset[str]
    subpart_words: frozenset[str]

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> "CheckData":
        def texts(role: str) -> frozenset[str]:
            return frozenset(row["text"].lower() for row in rows if row["role"] == role)

        def number(role: str) -> float:
            return float(next(row["value"] for row in rows if row["role"] == role))

        return cls(
            max_values={row["unit"]: float(row["value"]) for row in rows if row["role"] == "max_value"},
            money_ceiling_usd=number("money_ceiling_usd"),
            units_per_usd={row["code"]: float(row["value"]) for row in rows if row["role"] == "units_per_usd"},
            outlier_factor=number("outlier_factor"),
            hedge_margin=number("hedge_margin"),
            lakh_currencies=frozenset(row["code"] for row in rows if row["role"] == "lakh_currency"),
            lakh_words=texts("lakh_word"),
            forward_lemmas=texts("forward_lemma"),
            forward_words=texts("forward_word"),
            denominators=tuple(tuple(text.split()) for text in sorted(texts("denominator"))),
            whole_skips=texts("whole_skip"),
            list_marks=texts("list_mark"),
            list_words=texts("list_word"),
            subpart_words=texts("subpart_word"),
        )


@Language.factory(
    "econ_fact_checks",
    assigns=["doc._.facts"],
    requires=["doc._.facts", "doc._.relations", "doc.spans", "token.lemma", "token.is_sent_start"],  # and `doc._.meta` (the date)
    default_config={"candidates_key": "concept_candidates"},
)
def make_fact_checks(nlp: Language, name: str, candidates_key: str) -> "FactChecks":
    """Build the fact checks (`candidates_key`: the concept ruler's INDICATOR and PERIOD candidates); their lexicon
    is loaded by `initialize` or `from_disk`."""
    return FactChecks(nlp, name, candidates_key=candidates_key)


class FactChecks(LexiconPipe):
    """Adds `flags` to every fact of `doc._.facts`; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "fact_checks", *, candidates_key: str = "concept_candidates") -> None:
        super().__init__(nlp, name)
        self.candidates_key = candidates_key

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Index the check data, the comparison cues and the hedges."""
        self.data = CheckData.from_rows(tables["fact_checks"])
        self.cues = Cues.from_rows(tables["relation_cues"], tables["indicators"], tables["multiples"])
        self.comparisons = frozenset(self.cues.comparison)
        self.comparison_sizes = sorted({len(cue) for cue in self.comparisons})
        self.comparison_ends = frozenset(cue[-1] for cue in self.comparisons)  # the last word of each
        self.hedge_kinds = FigureLexicon(tables).hedge_kinds
        self.stop_words = frozenset(self.nlp.Defaults.stop_words)

    def find(self, doc: Doc) -> list[str]:
        """The flags of each fact, in the order of `doc._.facts`."""
        facts = doc._.facts or []
        if not facts:
            return []
        view = FactView(doc, facts, self)
        failed: list[set[str]] = [set() for _ in facts]
        checks = (
            ("implausible_value", view.implausible_values()),
            ("change_inconsistent", view.inconsistent_changes()),
            ("shares_exceed_total", view.shares_over_total()),
            ("equals_rate_outlier", view.rate_outliers()),
            ("period_after_publication", view.periods_after_publication(parse_date((doc._.meta or {}).get("date")))),
        )
        for name, indices in checks:
            for index in indices:
                failed[index].add(name)
        return [";".join(name for name in CHECKS if name in names) if names else "" for names in failed]

    def set_annotations(self, doc: Doc, found: list[str]) -> None:
        """Add each fact's `flags`."""
        for fact, flags in zip(doc._.facts or (), found):
            fact["flags"] = flags


class FactView:
    """One Doc's facts with where they stand (tokens, sentence, paragraph) and the figures their relations link."""

    def __init__(self, doc: Doc, facts: list[dict[str, Any]], checks: FactChecks) -> None:
        self.facts = facts
        self.data, self.cues, self.stop_words = checks.data, checks.cues, checks.stop_words
        self.hedge_kinds = checks.hedge_kinds
        self.arrays = arrays = doc_arrays(doc)
        segments = arrays.segments
        offsets = arrays.offsets
        self.tokens = [(max(bisect.bisect_right(offsets, f["start"]) - 1, 0), bisect.bisect_left(offsets, f["end"])) for f in facts]
        sentence_of, paragraph_of = segments.sentence_of, segments.paragraph_of  # per token, as the relations read them
        self.sentence = [sentence_of[start] for start, _ in self.tokens]
        self.sentence_range = [segments.bounds(number) for number in self.sentence]
        self.paragraph = [paragraph_of[start] for start, _ in self.tokens]
        self.in_sentence: dict[int, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self.sentence):
            self.in_sentence[sentence].append(index)
        by_offsets = {(fact["start"], fact["end"]): index for index, fact in enumerate(facts)}
        self.linked: dict[str, dict[int, int]] = {"COMPARED_TO": {}, "EQUALS": {}}
        for relation in doc._.relations or ():
            links = self.linked.get(relation["label"])
            if links is None:
                continue
            head = by_offsets.get((relation["head"]["start"], relation["head"]["end"]))
            child = by_offsets.get((relation["child"]["start"], relation["child"]["end"]))
            if head is not None and child is not None:
                links[head] = child
        self.bases = set(self.linked["COMPARED_TO"].values())
        self.doc, self.candidates_key = doc, checks.candidates_key
        self.comparisons, self.comparison_sizes, self.comparison_ends = checks.comparisons, checks.comparison_sizes, checks.comparison_ends

    # implausible_value

    def implausible_values(self) -> Iterable[int]:
        """Facts beyond their unit's scale, or whose number does not read cleanly."""
        for index, fact in enumerate(self.facts):
            if self.beyond_scale(fact) or self.glued(fact) or not self.regular_grouping(fact):
                yield index

    def beyond_scale(self, fact: dict[str, Any]) -> bool:
        """Whether a figure's size is beyond any economy: money over the ceiling in US-dollar terms, `%`, `pp`, `x` over their maximum."""
        ends = [abs(end) for end in (fact["low"], fact["high"]) if is_number(end)]
        size = max(abs(fact["value"]), *ends) if ends else abs(fact["value"])
        unit = fact["unit"]
        if fact["label"] == "MONEY":
            return size / self.data.units_per_usd.get(unit, 1.0) > self.data.money_ceiling_usd
        return unit in self.data.max_values and size > self.data.max_values[unit]

    def glued(self, fact: dict[str, Any]) -> bool:
        """Whether the figure touches digits or `^` it does not include (`10^400 dollars`, `$3.4bn1`), or a separator
        after a digit (`2023,5%`): a number the ruler read only part of."""
        text, start, end = self.arrays.text, fact["start"], fact["end"]
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return before in GLUE or after in GLUE or (before in (".", ",") and start >= 2 and text[start - 2].isdigit())

    def regular_grouping(self, fact: dict[str, Any]) -> bool:
        """Whether every number the figure prints groups its digits regularly: thousands (`1,234,567`), a decimal
        comma (`2,5`), or lakhs and crores (`12,34,567`) in a South Asian currency or next to a lakh or crore word."""
        if "," not in fact["text"]:
            return True
        lakhs = fact["unit"] in self.data.lakh_currencies or bool(set(fact["text"].lower().split()) & self.data.lakh_words)
        for printed in printed_numbers(fact["text"]):
            if "," not in printed or THOUSANDS_GROUPS.fullmatch(printed) or DECIMAL_COMMA.fullmatch(printed):
                continue
            if not (lakhs and LAKH_GROUPS.fullmatch(printed)):
                return False
        return True

    # change_inconsistent

    def inconsistent_changes(self) -> Iterable[int]:
        """Changes whose base figure and reached level imply a change the stated one cannot be, even rounded."""
        for index, base in self.linked["COMPARED_TO"].items():
            change = self.facts[index]
            level = self.reached_level(index, base)
            stated = stated_change(change, self.bounds(index)) if change["kind"] == "change" else None
            if level is None or stated is None or self.facts[level]["value"] < 0 or self.facts[base]["value"] < 0:
                continue  # a signed level (a deficit written with a minus) has no relative change
            implied = implied_change(self.bounds(level), self.bounds(base), change["unit"] in ("%", "x"))
            if implied is not None and (stated[1] < implied[0] or stated[0] > implied[1]):
                yield index

    def reached_level(self, index: int, base: int) -> int | None:
        """The level a change reached: the nearest figure of its sentence in the base's unit that is a level of the
        same indicator and period, neither a base nor an equivalent, with no other figure between it and the change
        than the base and equivalents (`rose 10% to $120m from $100m`, `reached $120m, up 10% from $100m`)."""
        candidates = [other for other in self.in_sentence[self.sentence[index]] if self.may_be_reached(other, index, base)]
        return min(candidates, key=lambda other: abs(self.tokens[other][0] - self.tokens[index][0]), default=None)

    def may_be_reached(self, other: int, index: int, base: int) -> bool:
        """Whether a figure of the change's sentence may be the level it reached (see `reached_level`)."""
        fact, change = self.facts[other], self.facts[index]
        return (
            other not in (index, base)
            and other not in self.bases
            and fact["unit"] == self.facts[base]["unit"]
            and fact["kind"] in LEVEL_KINDS
            and fact["equals"] is None
            and fact["indicator"] == change["indicator"]
            and (fact["period_start"] == change["period_start"] or None in (fact["period_start"], change["period_start"]))
            and self.only_base_or_equivalents_between(index, other, base)
        )

    def only_base_or_equivalents_between(self, index: int, other: int, base: int) -> bool:
        """Whether only the base and equivalents stand between two figures (not another change and its base)."""
        return all(between == base or self.facts[between]["equals"] is not None for between in range(min(index, other) + 1, max(index, other)))

    # shares_exceed_total

    def shares_over_total(self) -> Iterable[int]:
        """Every share of a whole whose shares in one paragraph and period add up to over 100%, rounding and hedges
        allowed. A list of shares in one sentence is one group; lists of the same whole in other sentences of the
        paragraph join it when their first shares have the same region (a partner heading a list may be read as its
        region, so the others' regions are not compared)."""
        groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        sentences: dict[tuple[Any, ...], set[int]] = defaultdict(set)
        for members, whole in self.share_lists():
            first = members[0]
            period = next((self.facts[m]["period_start"] for m in members if self.facts[m]["period_start"]), None)
            key: tuple[Any, ...] = (self.paragraph[first], whole, period, self.facts[first]["region"])
            while self.sentence[first] in sentences[key]:  # two lists in one sentence are two statements
                key = (*key, self.sentence[first])  # (`54% of exports in 2022 and 60% of exports in 2023`)
            sentences[key].add(self.sentence[first])
            groups[key].extend(members)
        for members in groups.values():
            if len(members) > 1 and sum(self.bounds(member)[0] for member in members) > 100:
                yield from members

    def share_lists(self) -> Iterable[tuple[list[int], tuple[str, ...]]]:
        """Lists of shares of one whole that is no denominator (`54% of exports, gas 30%`): their facts and the whole.
        A share joins the list before it when the words between continue the list and it names no other whole and
        no other period after it (`54% of exports in 2022 and 60% of exports in 2023` are two lists)."""
        current: list[int] = []
        whole: tuple[str, ...] | None = None
        period: str | None = None
        after = 0
        for index, fact in enumerate(self.facts):
            if fact["unit"] != "%" or fact["kind"] not in SHARE_KINDS or index in self.bases or self.after_comparison(index):
                continue
            own, end = self.whole_after(index)
            own_period, following = self.period_after(end)
            joins = (
                current
                and self.sentence[current[-1]] == self.sentence[index]
                and self.continues_list(after, self.hedge_start(index))
                and (own is None or whole is None or own == whole)
                and (own_period is None or period is None or own_period == period)
            )
            if not joins:
                yield from self.share_list(current, whole)
                current, whole, period = [], None, None
            current.append(index)
            whole, period, after = whole or own, period or own_period, following
        yield from self.share_list(current, whole)

    def share_list(self, members: list[int], whole: tuple[str, ...] | None) -> Iterable[tuple[list[int], tuple[str, ...]]]:
        """The list, if it holds a share and has a whole that is no denominator: the one after an `of`, else the one
        its first share's indicator names (`China's share of imports was 40%, Russia's 35%`), else the one the
        sentence opens with (`Of total exports, oil accounted for 60%, gas 30%`)."""
        shares = [member for member in members if self.facts[member]["kind"] == "share"]
        if not shares:
            return
        whole = whole or self.whole_of_indicator(shares[0]) or self.whole_opening_sentence(shares[0])
        if whole is not None and not self.is_denominator(whole):
            yield members, whole

    def whole_after(self, index: int) -> tuple[tuple[str, ...] | None, int]:
        """The whole a figure is a share of, from the words after its `of` (`54% of the country's total exports` ->
        `exports`), and the token after that phrase; no whole (and the figure's end) without one (`of the total`)."""
        end = self.tokens[index][1]
        if end >= len(self.arrays.words) or self.arrays.words[end] != "of":
            return None, end
        return self.phrase_at(end + 1)

    def phrase_at(self, position: int) -> tuple[tuple[str, ...] | None, int]:
        """The words of the noun phrase starting at a token, without determiners and `total` (the relation cues'
        denominator skips), up to a stop word, a number or punctuation; and the token after it."""
        words, punct = self.arrays.words, self.arrays.punct
        skips = self.cues.denominator_skips | self.data.whole_skips
        whole: list[str] = []
        while position < len(words) and len(whole) < MAX_WHOLE_WORDS:
            word = words[position]
            if word not in skips:
                if (punct[position] and word not in ("-", "–")) or word.isspace() or word in self.stop_words or any(c.isdigit() for c in word):
                    break
                whole.append(word)
            position += 1
        return (tuple(whole) or None), position

    def whole_of_indicator(self, index: int) -> tuple[str, ...] | None:
        """The whole a `share of X (in Y)` indicator names: Y, else X."""
        words = (self.facts[index]["indicator"] or "").lower().split()
        if len(words) < 3 or words[0] not in self.cues.bare_measures or words[1] != "of":
            return None
        rest = words[2:]
        whole = rest[len(rest) - rest[::-1].index("in") :] if "in" in rest else rest
        return tuple(word for word in whole if word not in self.cues.denominator_skips) or None

    def whole_opening_sentence(self, index: int) -> tuple[str, ...] | None:
        """The whole a sentence opens with (`Of total exports, ...`)."""
        start = self.sentence_range[index][0]
        words = self.arrays.words
        while start < len(words) and words[start].isspace():
            start += 1
        return self.phrase_at(start + 1)[0] if start < len(words) and words[start] == "of" else None

    @cached_property
    def period_ends(self) -> dict[int, int]:
        """Where each PERIOD candidate starts and ends (tokens); read only when a share needs it."""
        return {span.start: span.end for span in self.doc.spans.get(self.candidates_key, ()) if span.label_ == "PERIOD"}

    def period_after(self, position: int) -> tuple[str | None, int]:
        """The text of a period that follows at `position`, maybe after a preposition (`54% of exports in 2023, gas
        ...`), and the token after it; else None and `position`."""
        start = position + (position < len(self.arrays.words) and self.arrays.words[position] in self.cues.phrase_prepositions)
        for begin in (position, start):
            if begin in self.period_ends:
                end = self.period_ends[begin]
                return self.arrays.text[self.arrays.offsets[begin] : self.arrays.offsets[end - 1] + len(self.arrays.texts[end - 1])], end
        return None, position

    def continues_list(self, after: int, start: int) -> bool:
        """Whether the words between a share's phrase and the next figure (or its hedge) continue a list of shares
        (`, gas`, `and metals for`): a list mark, then only names and list words; no stop word (`was`, `in`), no
        change, no `with` that makes the next figure a part of the share before."""
        gap = [position for position in range(after, start) if not self.arrays.words[position].isspace()]
        words = [self.arrays.words[position] for position in gap]
        if not words or len(words) > MAX_LIST_GAP or not self.data.list_marks & set(words):
            return False
        lemmas, changes = self.arrays.lemmas or self.arrays.words, self.cues.change_words
        for position, word in zip(gap, words):
            if word in self.data.list_marks or word in self.data.list_words:
                continue
            if word in self.data.subpart_words or word in self.stop_words or word in changes or lemmas[position] in changes:
                return False
            if self.arrays.punct[position]:
                return False
        return True

    def after_comparison(self, index: int) -> bool:
        """Whether a comparison cue stands right before the figure (and its hedge): `up from 50%`, `against 48%`."""
        words, position = self.arrays.words, self.hedge_start(index)
        if position > 0 and words[position - 1] not in self.comparison_ends:
            return False
        return any(tuple(words[max(position - size, 0) : position]) in self.comparisons for size in self.comparison_sizes)

    def hedge_start(self, index: int) -> int:
        """The token where a figure's hedge starts (`more than 50%`), else the figure's first token."""
        hedge = self.facts[index]["approx"]
        return self.tokens[index][0] - (len(hedge.split()) if hedge else 0)

    def is_denominator(self, whole: tuple[str, ...]) -> bool:
        """Whether a whole is a measure figures are put in ratio to, not parted into shares (`GDP`)."""
        return any(whole[start : start + len(name)] == name for name in self.data.denominators for start in range(len(whole)))

    # equals_rate_outlier

    def rate_outliers(self) -> Iterable[int]:
        """EQUALS pairs whose exchange rate is more than the outlier factor from the median of the article's other
        pairs of the same currencies (and year, where both have one), even at the ends their rounding allows. Of an
        even number of others, the pair must be far from both middle ones: one odd pair does not drag a median."""
        pairs = [pair for index, other in self.linked["EQUALS"].items() if (pair := self.exchange_rate(index, other)) is not None]
        rates: dict[tuple[tuple[str, str], str | None], list[float]] = defaultdict(list)
        for _, key, year, _, rate in pairs:
            rates[(key, year)].append(rate)
        comparable: dict[tuple[tuple[str, str], str | None], list[float]] = {}  # the rates a pair of this year compares with
        for key, year in rates:
            same = [rate for (k, y), found in rates.items() if k == key and (year is None or y in (year, None)) for rate in found]
            comparable[(key, year)] = sorted(same)
        factor = self.data.outlier_factor
        for index, key, year, (low, high), rate in pairs:
            others = comparable[(key, year)]
            if len(others) > 1 and all(low > factor * median or high * factor < median for median in middle_without(others, rate)):
                yield index

    def exchange_rate(self, index: int, other: int) -> tuple[int, tuple[str, str], str | None, Interval, float] | None:
        """An EQUALS pair's rate as units of the first currency (alphabetically) per unit of the second: the head, its
        currencies, its year, the rate's interval after rounding and hedges, and the rate as printed."""
        head, equal = self.facts[index], self.facts[other]
        if head["unit"] == equal["unit"] or not head["value"] or not equal["value"]:
            return None
        top, bottom = (index, other) if head["unit"] < equal["unit"] else (other, index)
        top_bounds, bottom_bounds = self.bounds(top), self.bounds(bottom)
        if bottom_bounds[0] <= 0:
            return None
        rate = abs(self.facts[top]["value"] / self.facts[bottom]["value"])
        year = head["period_start"][:4] if head["period_start"] else None
        interval = (top_bounds[0] / bottom_bounds[1], top_bounds[1] / bottom_bounds[0])
        return index, (self.facts[top]["unit"], self.facts[bottom]["unit"]), year, interval, rate

    def bounds(self, index: int) -> Interval:
        """`printed_bounds` of a fact, with the kind of its hedge (`more than`: above) and the hedge margin."""
        fact = self.facts[index]
        return printed_bounds(fact, self.hedge_kinds.get(fact["approx"] or ""), self.data.hedge_margin)

    # period_after_publication

    def periods_after_publication(self, published: date | None) -> Iterable[int]:
        """Facts whose period starts after the publication date, in a sentence with no forward-looking word."""
        if published is None:
            return
        lemmas = self.arrays.lemmas or self.arrays.words
        for index, fact in enumerate(self.facts):
            start = parse_date(fact["period_start"])
            if start is None or start <= published:
                continue
            first, last = self.sentence_range[index]
            if self.data.forward_words.isdisjoint(self.arrays.words[first:last]) and self.data.forward_lemmas.isdisjoint(lemmas[first:last]):
                yield index


def is_number(value: Any) -> bool:
    """Whether a fact's value cell holds a number (not None, not NaN)."""
    return isinstance(value, (int, float)) and not math.isnan(value)


def middle_without(ordered: list[float], value: float) -> set[float]:
    """The median of sorted values once `value` is taken out: one value, or the two middle ones of an even count."""
    removed = bisect.bisect_left(ordered, value)
    count = len(ordered) - 1
    return {ordered[position + (position >= removed)] for position in ((count - 1) // 2, count // 2)}


def printed_bounds(fact: dict[str, Any], hedge: str | None, margin: float) -> Interval:
    """The sizes a figure's printed number stands for: its value (or range) give or take half a unit of its last
    printed digit (`$1.2bn`: 1.15bn to 1.25bn), widened by the kind of its hedge: `approx` (`about`) by `margin`,
    `above` (`more than`) open above, `below` (`less than`) down to 0."""
    ends = [abs(value) for value in (fact["low"], fact["high"]) if is_number(value)] or [abs(fact["value"])]
    half = half_unit(fact)
    low, high = max(min(ends) - half, 0.0), max(ends) + half
    if hedge == "approx":
        low, high = low * (1 - margin), high * (1 + margin)
    elif hedge == "above":
        high = math.inf
    elif hedge == "below":
        low = 0.0
    return low, high


def half_unit(fact: dict[str, Any]) -> float:
    """Half a unit of the last digit a figure prints, in its unit (`$1.2bn`: 0.05e9, `120%`: 0.5); a number in words
    (`doubled`, `five billion`) counts as printed to one significant digit."""
    printed = printed_numbers(fact["text"])
    value = abs(fact["value"])
    if not printed:
        digit = 10.0 ** math.floor(math.log10(value)) if value else 1.0
        return digit / 2
    first = parse_digits(printed[0])
    reference = fact["low"] if is_number(fact["low"]) and "±" not in fact["text"] else fact["value"]
    scale = abs(reference / first) if first else 1.0
    return 0.5 * 10.0 ** -max(decimals(number) for number in printed) * scale


def printed_numbers(text: str) -> list[str]:
    """The numbers a figure prints, digit groups joined (`10 000` -> `10000`), without a trailing comma."""
    return ["".join(number.split()).rstrip(",") for number in PRINTED_NUMBER.findall(text)]


def decimals(printed: str) -> int:
    """Digits after the decimal point (or decimal comma: `2,5`) of a printed number."""
    if "." in printed:
        return len(printed.rpartition(".")[2])
    return len(printed.rpartition(",")[2]) if DECIMAL_COMMA.fullmatch(printed) else 0


def change_sign(fact: dict[str, Any]) -> int | None:
    """The sign of the change a fact states (from `change_pct`, else its direction), or None when it says none."""
    if is_number(fact["change_pct"]):
        return (fact["change_pct"] > 0) - (fact["change_pct"] < 0)
    if fact["direction"] in ("up", "down"):
        return 1 if fact["direction"] == "up" else -1
    return -1 if fact["value"] < 0 else None


def stated_change(fact: dict[str, Any], bounds: Interval) -> Interval | None:
    """The signed change a change fact states, from the `bounds` of its size: in percent for `%` and `x` (`1.8
    times` up: +75 to +85), else in its own unit (money, points)."""
    sign = change_sign(fact)
    if sign is None:
        return None
    low, high = bounds
    if fact["unit"] == "x":
        ends = [multiple_change(size, sign) for size in (low, high)]
        return None if None in ends else (min(ends), max(ends))  # type: ignore[type-var]
    if sign == 0:
        return -high, high
    return (low, high) if sign > 0 else (-high, -low)


def implied_change(level: Interval, base: Interval, relative: bool) -> Interval | None:
    """The change from a base to a level, given the bounds of both: in percent if `relative`, else in their unit."""
    (level_low, level_high), (base_low, base_high) = level, base
    if not relative:
        return level_low - base_high, level_high - base_low
    if base_low <= 0:
        return None
    return (level_low - base_high) / base_high * 100, (level_high - base_low) / base_low * 100
