"""PERIOD: the time a figure describes.

A period right before the figure's indicator (`the 2024 GDP per capita`); else the nearest
period of the sentence that is not a comparison base (`compared to 2022`, `than in 2022`,
`from the same period`) nor in an aside nor in the next `, but` clause; a figure right after
a period in brackets (`the same period in 2022 ($24.2 billion)`) takes that one; else the
paragraph's earlier periods, if they agree. Report dates, record spans (`its lowest in two
months`), the deadline of an aim (`aims to raise exports to $10 billion by 2030`) and a period
restated in brackets right after it are never a figure's period.
"""
from typing import Any, Callable

from spacy.tokens import Span

from .comparison import ComparisonRules
from .positions import distance, only_brackets_between

MAX_OWNER_GAP = 6
RECORD_WINDOW = 3  # words before `in`/`since` searched for a record word (`the third increase in two years`)


class PeriodRules(ComparisonRules):
    """The period a figure refers to, and the periods that belong to no figure or to another one."""

    def period_for(self, span: Span, indicator: Span | None) -> Span | None:
        """The period a figure refers to; see the module docstring."""
        if span.start in self.aimed:
            return None  # `to $20 billion by 2030`: a goal, of no period
        same = self.in_sentence(self.periods, span)
        if self.weekday_periods:
            same = [p for p in same if self.may_date(p, span)]
        if not same:
            return self.agreed_earlier(span)
        start = span.start
        owned = [p for p in same if self.owner(p) == start]
        is_base = self.is_base_figure(start)
        if indicator is not None and indicator.end <= start and not (owned or is_base):
            modifying = next((p for p in same if p.end == indicator.start and (p.start, p.end) not in self.comparison), None)
            if modifying is not None and not any(indicator.end <= p.start and p.end <= start for p in same):  # `while three years ago it was N`
                return modifying  # `the 2024 GDP per capita would be $8,500`
        if not owned:
            bracketed = next((p for p in same if only_brackets_between(self.words, p, span)), None)
            if bracketed is not None:
                return bracketed  # not `in June (3.9% in May)`: the bracketed figure's own period
        if is_base and owned:  # `versus USD 390 a year earlier`: the base's own period, though a comparison one
            return owned[0]
        eligible = [
            (p, self.owner(p)) for p in same
            if (p.start, p.end) not in self.comparison and not (span.end <= p.start and self.another_clause(span, p))
            and not self.in_aside(p, span, bracket_needs_figure=True) and not self.other_indicator_between(p, span, indicator)
        ]
        own = [p for p, owner in eligible if owner is None or owner == start]
        # a base takes no period shared with a new level (`to 6.5 percent in FY26 from 9 percent`: FY26 is the new level's)
        shared = [] if is_base else [p for p, owner in eligible if owner is not None and not self.is_base_figure(owner)]
        for choice in (own, shared):  # `cut by 1.5 points to 12% in March`: the period of the new level holds for the cut
            if choice:
                return min(choice, key=lambda p: (distance(p, span), p.start < start))
        return self.agreed_earlier(span)

    def agreed_earlier(self, span: Span) -> Span | None:
        """The last of the figure's paragraph's earlier periods (no comparison base, none of a base, none in an aside),
        if they all agree."""
        earlier = [
            p for p in self.earlier_in_paragraph(self.periods, span)
            if (p.start, p.end) not in self.comparison and not self.owned_by_base(p) and not self.in_aside(p, span, bracket_needs_figure=True)
            and self.may_date(p, span)
        ]
        if len(earlier) > 1 and len({self.meaning(p) for p in earlier}) > 1:
            return None  # none when they differ
        return earlier[-1] if earlier else None

    def another_clause(self, span: Span, period: Span) -> bool:
        """Whether a period after a figure stands in another clause: after `, but`, opening a clause of its own, or past a `;`."""
        return self.contrasts(span.end, period.start) or self.opens_clause(period) or ";" in self.words[span.end : period.start]

    def may_date(self, period: Span, span: Span) -> bool:
        """Whether a period can be a figure's: a weekday (a decision date) dates only percentages (rates and their changes)."""
        return (period.start, period.end) not in self.weekday_periods or span.label_ == "PERCENT"

    def opens_clause(self, period: Span) -> bool:
        """Whether a period opens a clause with a figure of its own after a comma (`was 7.7%, in 2017 it doubled`)."""
        start = period.start
        if start < 2 or self.words[start - 2] != "," or self.words[start - 1] not in self.cues.owner_gaps:
            return False
        if self.words[period.end : period.end + 1] == [","]:
            return False  # `rose 5%, in the first quarter, to $3 billion`: an aside of the figure before
        return any(period.end <= f.start for f in self.in_sentence(self.figure_spans, period))

    def owner(self, period: Span) -> int | None:
        """The start of the figure a period belongs to by position (`$31.5m a year earlier`, `8.5 percent in May`,
        `4.9% y/y in September`, `$11.7bn on January 3`, `October's 0.24 percent`, `in 2015 – 4.6%`); remembered per period start."""
        start = period.start
        if start not in self.owners:
            self.owners[start] = self.owner_before(start)
            after = self.words[period.end : period.end + 1]
            if (
                self.owners[start] is None and after and (after[0] in self.cues.possessives or after[0] in self.cues.list_marks)
                and period.end + 1 in self.figure_by_start
            ):
                self.owners[start] = period.end + 1  # `October's 0.24 percent`, `in 2015 – 4.6%`
        return self.owners[start]

    def owner_before(self, start: int) -> int | None:
        """The start of a figure ending at most `MAX_OWNER_GAP` owner-gap words before token `start`, past its
        equivalent in brackets."""
        for gap in range(0, MAX_OWNER_GAP + 1):
            end = start - gap
            if end not in self.figure_by_end:
                continue
            between = self.words[end:start]
            if all(word in self.cues.owner_gaps for word in between) and between[-1:] != ["-"]:
                return self.figure_by_end[end].start
            if between[:1] == [")"] and all(word in self.cues.owner_gaps for word in between[1:]):
                inner = self.figure_by_end[end]  # `₾27 billion ($9.95bln) in 2012`: the period is the outer figure's
                if inner.start >= 2 and self.words[inner.start - 1] == "(" and inner.start - 1 in self.figure_by_end:
                    return self.figure_by_end[inner.start - 1].start
        return None

    def owned_by_base(self, period: Span) -> bool:
        """Whether a period belongs to a comparison base (`up from 4.97 percent in the second quarter`)."""
        owner = self.owner(period)
        return owner is not None and self.is_base_figure(owner)

    def is_record_span(self, period: Span) -> bool:
        """Whether a period only measures a record (`its lowest in nearly two months`, `the third increase in two years`,
        `the lowest since 2018`)."""
        index = period.start - 1
        while index > 0 and self.words[index] in self.cues.record_hedges:
            index -= 1
        if self.words[index] not in self.cues.record_prepositions:
            return False
        window = self.words[max(self.sentence_start(period), index - RECORD_WINDOW) : index]
        return any(word in self.cues.record_words for word in window)

    def aimed_figure(self, period: Span) -> int | None:
        """The start of the figure a period is the deadline of, when it is an aim's deadline rather than the time
        of a figure (`aims to raise exports to $10 billion by 2030`, `By 2030, the plan is to export $10bn`): after
        `by` or `until`, with an aim word (lemma) in the clause of the figure nearest it, before that figure. A
        forecast keeps its date (`debt will reach $9bn by 2027`), and so does a stock at a date (`by March,
        reserves had reached $35bn`)."""
        if period.start == 0 or self.words[period.start - 1] not in self.cues.horizon_prepositions:
            return None
        figures = self.in_sentence(self.figure_spans, period)
        if not figures:
            return None
        figure = min(figures, key=lambda figure: distance(figure, period))
        clause = range(self.clause_start(self.sentence_start(period), figure.start), figure.start)
        return figure.start if any(self.lemma(index) in self.cues.aim_lemmas for index in clause) else None

    def is_report_date(self, period: Span) -> bool:
        """Whether a day is the date of a report, not of a figure (`published Tuesday (Dec. 12)`, `said on Jan. 5`, `said
        on Tuesday`): a day after `on` or a weekday that no figure owns, in a sentence that decides no rate (a weekday:
        that names no rate)."""
        if (period.start, period.end) in self.weekday_periods:
            reported = self.words[max(0, period.start - 2) : period.start]  # `the central bank said (on) Thursday`
            return self.owner(period) is None and (not self.cues.decision_words & self.sentence_words(period) or bool(self.cues.report_verbs & set(reported)))
        if not any(len(self.texts[index]) <= 2 and self.doc[index].like_num for index in range(period.start, period.end)) or period.start == 0:
            return False
        before = self.words[max(0, period.start - 2) : period.start]
        if not (before[-1:] == ["on"] or any(word in self.cues.weekdays for word in before)):
            return False
        return self.owner(period) is None and not self.cues.rate_words & self.sentence_words(period)

    def dates_no_figure(self, period: Span) -> bool:
        """Whether a period is the time of no figure: a record span, a report date or a document's date."""
        return self.is_record_span(period) or self.is_report_date(period) or self.is_document_date(period)

    def is_document_date(self, period: Span) -> bool:
        """Whether a month names the issue of a document, not a figure's time (`than forecast in the May budget`,
        `the June outlook`): one word, no number, right before a document noun."""
        following = self.words[period.end : period.end + 1]
        return len(period) == 1 and self.texts[period.start].isalpha() and len(following) == 1 and following[0] in self.cues.document_nouns


class PeriodDates:
    """The dates of a doc's PERIOD candidates, each worked out once: a fixed period by its text, one that refers to
    another (`the same period of 2023`) against a reference, by default the nearest fixed period (`anchor_range`)."""

    def __init__(self, periods: list[Span], dates: Callable[..., Any], sentence_start: Callable[[Span], int], text: Callable[[Span], str]) -> None:
        """`dates(text, reference=None)` resolves a period's text; `sentence_start` and `text` give a span's sentence start and text."""
        self.periods = periods
        self.by_key = {(p.start, p.end): p for p in periods}
        self.dates = dates
        self.sentence_start = sentence_start
        self.text = text
        self.fixed: dict[tuple[int, int], Any] = {}  # (start, end) of a period -> its dates from its text alone, as asked for
        self.resolved: dict[tuple[int, int, Any], Any] = {}  # (start, end, reference) -> the dates found, as asked for
        self.anchors: list[tuple[int, int, int]] | None = None  # the fixed periods as (start, end, start of their sentence), once needed

    def of(self, period: Span | None, reference: Any = None) -> Any:
        """A period's dates (None for no period); one that refers to another takes `reference`, else the nearest fixed one's."""
        if period is None:
            return None
        key = (period.start, period.end, reference)
        if key not in self.resolved:
            self.resolved[key] = self.resolve(period, reference)
        return self.resolved[key]

    def resolve(self, period: Span, reference: Any) -> Any:
        """`of`, worked out."""
        found = self.fixed_dates(period.start, period.end) if (period.start, period.end) in self.by_key else None
        if found is None:
            reference = reference or anchor_range(period, self.sentence_start(period), self.fixed_anchors(), self.fixed)
            found = self.dates(self.text(period), reference) if reference else None
        return found

    def fixed_dates(self, start: int, end: int) -> Any:
        """The dates of the period at (start, end) from its text alone."""
        key = (start, end)
        if key not in self.fixed:
            self.fixed[key] = self.dates(self.text(self.by_key[key]))
        return self.fixed[key]

    def fixed_anchors(self) -> list[tuple[int, int, int]]:
        """The periods whose text alone gives their dates, as (start, end, start of their sentence)."""
        if self.anchors is None:
            self.anchors = [(p.start, p.end, self.sentence_start(p)) for p in self.periods if self.fixed_dates(p.start, p.end) is not None]
        return self.anchors


def anchor_range(period: Span, sentence: int, anchors: list[tuple[int, int, int]], ranges: dict[tuple[int, int], Any]) -> Any:
    """The dates of the fixed period a relative one leans on: nearest in its sentence, else the last before it.

    `sentence` is where the period's sentence starts; `anchors` are the fixed periods as (start, end, start of their sentence).
    """
    own = (period.start, period.end)
    same = [(start, end) for start, end, anchor_sentence in anchors if anchor_sentence == sentence and (start, end) != own]
    if same:
        return ranges[min(same, key=lambda key: abs(key[0] - own[0]))]
    before = [(start, end) for start, end, _ in anchors if end <= own[0]]
    return ranges[before[-1]] if before else None
