"""COMPARED_TO: what a change is measured against, and which periods are comparison bases.

One cue parser (`comparison` cues: `against`, `vs.`, `compared with`, `than (in)`, `from`,
`up from`, `on`, ...) finds the base after a cue: a figure, a period's figure in brackets,
or the period. Only changes and indices have a base. A level next to an earlier level
(`rose to 34.19% from 33.95%`), a rate beside a rate (`grew 0.2%, compared with 0.3%`) and
an equivalent in brackets have none. A period after a cue is a comparison base: it goes to
COMPARED_TO, never to PERIOD.
"""
import re
from itertools import chain

from spacy.tokens import Span

from ..periods import SPLIT_YEAR
from .figure import Figure
from .indicators import IndicatorRules
from .positions import only_brackets_between

YEAR = re.compile(r"(?:19|20)\d\d")
CUE_WINDOW = 3  # tokens before a period or place searched for a comparison or partner cue
OWN_BASIS_CHARS = 24  # characters after a figure searched for its own basis (`yoy`, `month-on-month`)
DIRECTION_AFTER = 2  # tokens after a figure searched for `more`, `less`, `higher` and its own cue


class ComparisonRules(IndicatorRules):
    """Comparison cues, comparison periods and the base of a change."""

    def cues_before(self, span: Span) -> set[tuple[str, ...]]:
        """The comparison cues ending within `CUE_WINDOW` tokens before the span, within its sentence
        and the `CUE_WINDOW + 2` tokens before it."""
        return {phrase for _, phrase in self.cue_ends_before(span)}

    def cue_ends_before(self, span: Span) -> list[tuple[int, tuple[str, ...]]]:
        """(end, cue) of the cues of `cues_before`."""
        start = max(self.sentence_start(span), span.start - CUE_WINDOW - 2)
        ends = range(span.start, max(span.start - CUE_WINDOW, start), -1)
        if self.cue_ends.keys().isdisjoint(ends):
            return []  # no cue ends there
        return [(end, phrase) for end in ends for first, phrase in self.cue_ends.get(end, ()) if first >= start]

    def is_comparison(self, period: Span) -> bool:
        """Whether a period is a comparison base (`compared to 2022`, `than from January to December 2022`), not `from January through March`."""
        cues = self.cues_before(period)
        reach, floor = period.start, self.sentence_start(period)
        while reach > floor and period.start - reach < 6 and (
            self.words[reach - 1] in self.cues.base_skip or reach - 1 in self.indicator_tokens
        ):
            reach -= 1  # `compared to the amount recorded in the second quarter`, `than in the approved budget for 2026`
        for end in range(reach, period.start - CUE_WINDOW + 1):
            cues |= {phrase for _, phrase in self.cue_ends.get(end, ())}
        right_after_on = period.start > 0 and self.words[period.start - 1] == "on"
        if not cues and not right_after_on:
            return False  # no cue before it
        if self.is_horizon(period):
            cues -= self.cues.horizon_comparisons  # `к 2028 году достичь`: a horizon, not a base
        if cues - self.cues.weak_comparisons:
            return True
        words = set(self.words[period.start : period.end])
        if words & self.cues.range_words and not SPLIT_YEAR.fullmatch(self.span_text(period)):
            return False  # `from January through February 2024` is the figure's own period; `on 2023-24` compares
        if ("from",) in cues:
            return True
        # `over the same period last year`, `up 6% on a year earlier`, `in 2023 over 2022`; not `over the six months`,
        # `on average in 2026`, nor `over the eight months of 2022` where no period of the figure's own comes first
        if words & self.cues.shift_words:
            return ("over",) in cues or right_after_on
        texts = self.texts[period.start : period.end]
        if not any(YEAR.fullmatch(text) for text in texts):
            return False
        matched = bool(words & self.cues.matched_words)  # `over the same period of 2022`
        return right_after_on or ("over",) in cues and (len(texts) == 1 or matched or self.period_before(period))

    def period_before(self, period: Span) -> bool:
        """Whether another period stands before `period` in its sentence (`rose 12% in 2023 over the first half of 2022`)."""
        return any(other.end <= period.start for other in self.in_sentence(self.periods, period))

    def is_horizon(self, period: Span) -> bool:
        """Whether a period is a bare year (`2028 году`), which after a horizon cue (`к`) is a time reached, not a base."""
        words = self.words[period.start : period.end]
        return len(words) <= 2 and bool(YEAR.fullmatch(self.texts[period.start])) and not self.cues.shift_words.intersection(words)

    def is_base_figure(self, start: int) -> bool:
        """Whether the figure starting at token `start` follows a comparison cue (`from $31.5m`), with no change word
        between (not `imports from Russia decreased 4 times`)."""
        found = self.base_figures.get(start)
        if found is None:
            changes = self.cues.change_words
            found = self.base_figures[start] = any(
                not any(self.words[index] in changes or self.lemma(index) in changes for index in range(end, start))
                for end, _ in self.cue_ends_before(self.figure_by_start[start])
            )
        return found

    def after_comparison_period(self, span: Span) -> bool:
        """Whether a figure stands in brackets right after a comparison period (`than in 2022 ($13 billion)`)."""
        return span.start - 1 in self.comparison_ends and self.words[span.start - 1] == "("

    def base_for(self, figure: Figure, figures: list[Figure]) -> Span | Figure | None:
        """What a change is compared with, found after a comparison cue in its sentence: its own clause first
        (`rose 0.29% from the previous month and 2.63% from the same month last year`), then a lead clause's."""
        sentence_end = self.sentence_end(figure.span)
        by_start = self.figures_by_start(figures)
        periods = {p.start: p for p in self.in_sentence(self.periods, figure.span)}
        following = next((f.span.start for f in figures if f.span.start >= figure.span.end), sentence_end)
        clause_end = min(following, sentence_end)
        later = range(clause_end, sentence_end) if not self.own_verb_between(figure.span.end, clause_end) else range(0)
        order = chain(range(figure.span.end, clause_end), range(self.sentence_start(figure.span), figure.span.start), later)
        for index in filter(self.cue_starts.__contains__, order):  # where a cue starts, in that order
            phrase = self.cue_starts[index]
            if self.contrasts(min(index, figure.span.start), max(index, figure.span.end)):
                continue  # not `rose 3.6% compared to 2014, but in 2014 the growth was 4.8%`
            if phrase in self.cues.comparison_verbs and index > figure.span.start:
                continue  # `surpassed the 2016 level by 1.9 times` is the base of the figure after the verb only
            lead = index < figure.span.start and not any(index < f.span.start < figure.span.start for f in figures)
            if not (lead or self.same_indicator_at(index, figure)):  # a lead clause's base holds for its components
                continue
            position = index + len(phrase)
            while position < sentence_end:
                if position in self.restated_at:
                    position = self.restated_at[position].start  # `than in the previous financial year (April 2016 to March 2017)`
                if position in by_start and by_start[position] is not figure and phrase not in self.cues.period_only_comparisons:
                    base = by_start[position]
                    following = next((w for w in self.words[base.span.end : base.span.end + 3] if not w.isspace()), "")
                    if (
                        following in self.cues.change_nouns or base.data.get("unit") == "x"
                        or (figure.data.get("unit") == "%" and base.data["label"] == "PERCENT")
                    ):
                        return None  # `grew 0.2%, compared with 0.3% a year earlier`: a rate beside a rate, not its base
                    return base
                period = periods.get(position)
                if period is not None and (period.start, period.end) in self.comparison:
                    follower = next((f for f in figures if f.span.start > period.end and only_brackets_between(self.words, period, f.span)), None)
                    if follower is not None and follower is not figure:
                        return follower
                    return self.figure_of(period, figure, figures) if phrase in self.cues.comparison_verbs else period
                if self.words[position] not in self.cues.base_skip and position not in self.indicator_tokens:
                    break  # `compared with a loss of GH¢1.05 billion`: the base's own indicator is passed over
                position += 1
        return None

    def figures_by_start(self, figures: list[Figure]) -> dict[int, Figure]:
        """The figures of a list by their start token (indexed once per list)."""
        found = self.figure_indices.get(id(figures))
        if found is None:
            found = self.figure_indices[id(figures)] = {f.span.start: f for f in figures}
        return found

    def figure_of(self, period: Span, figure: Figure, figures: list[Figure]) -> Span | Figure:
        """The base a comparison verb names by its period: the figure of that period stated earlier in the sentence
        (`In 2016 growth was 7.7%; in 2017 it surpassed the 2016 figure by two times`), else the period."""
        meaning = self.meaning(period)
        earlier = [
            f for f in figures
            if f.span.start < figure.span.start and f.period is not None and self.same_sentence(f.span, figure.span) and self.meaning(f.period) == meaning
        ]
        return earlier[-1] if earlier else period

    def own_verb_between(self, start: int, end: int) -> bool:
        """Whether the next figure has a verb of its own between tokens `start` and `end` (`fell 3.2% in August and were
        14.8% below their January level`): its clause's base is its own, not the earlier figure's."""
        words = self.words[start:end]
        return any(word in self.cues.change_words or word in self.cues.passive_auxiliaries for word in words)

    def own_cue(self, span: Span) -> bool:
        """Whether a comparison cue follows a figure within `DIRECTION_AFTER` words, past its equivalent (`less than expected`)."""
        end = self.past_equivalent(span.end)
        for index in range(end, end + DIRECTION_AFTER + 1):
            cue = self.cue_starts.get(index)
            if cue is not None and cue not in self.cues.period_only_comparisons:
                return True
        return False

    def states_own_basis(self, span: Span) -> bool:
        """Whether a frequency basis follows a figure (`+7.9% yoy`, `3% m/m`): the change carries its own comparison."""
        after = self.text[span.end_char : span.end_char + OWN_BASIS_CHARS].lstrip().lower()
        return any(after.startswith(basis) and not after[len(basis) : len(basis) + 1].isalnum() for basis in self.cues.own_bases)

    def same_indicator_at(self, index: int, figure: Figure) -> bool:
        """Whether a cue at token `index` speaks of the figure's indicator (`revenue rose 6.2%, while net profit fell from $31.5m`)."""
        before = [s for s in self.in_sentence(self.indicators, figure.span) if s.end <= index and not self.is_denominator(s)]
        return not before or figure.indicator is None or figure.indicator in (self.last_indicator(before), self.subject_of(before, figure.span))

