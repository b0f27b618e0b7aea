"""INDICATOR: the quantity a figure measures.

One named right after the figure's determiner (`a N ($M) trade deficit`); else the nearest
indicator before the figure in its sentence, outside asides and denominators, preferring the
clause's subject to a mention inside a phrase (`in global trade`), with a bare `the growth`
referring back to its quantity; else the subject after a fronted figure (`At 5.2%, inflation
...`); else one after it (not in a share phrase, `of total production`); else the last one
earlier in the paragraph. An indicator in brackets after
another (`industrial production index (IPI)`) is an alias.
"""
from spacy.tokens import Span

from .positions import in_brackets
from .view import MentionView


class IndicatorRules(MentionView):
    """The indicator a figure measures, and the mentions that are not one (asides, denominators, bare changes)."""

    def indicator_for(self, span: Span) -> Span | None:
        """The indicator a figure measures; see the module docstring."""
        same = self.in_sentence(self.indicators, span)
        if not same:
            return self.last_earlier_indicator(span)
        recorded = self.recorded_in(span, same)
        before = [s for s in same if s.end <= span.start and not self.in_aside(s, span) and not self.is_denominator(s)]
        if recorded is not None and (not before or self.words[before[-1].end - 1] in self.cues.change_nouns):
            return recorded  # `Growth of 7.2 percent was recorded in industrial production`
        named = self.named_after(span, same)
        if named is not None:
            return named  # `a 40.7 billion yen ($388 million) trade deficit`
        if before:
            return self.refer_back(self.subject_of(before, span), span)
        fronted = self.fronted_subject(span, same)
        if fronted is not None:
            return fronted  # `At $1.1 billion, the current account deficit was the smallest since 2019`
        after = [
            s for s in same
            if s.start >= span.end and (self.linked_by(span, s, self.cues.figure_indicator_links) or self.linked_past_owner(span, s))
            and not is_whole_of_share(self.words, span, s)
        ]
        if after:
            return after[0]  # `$5 billion in exports`
        return self.last_earlier_indicator(span)

    def fronted_subject(self, span: Span, same: list[Span]) -> Span | None:
        """The indicator opening the clause after a figure fronted with its comma (`At 5.2%, inflation remains ...`,
        `Standing at 61% of GDP, public debt is ...`): only fronting words before the figure, determiners, places and
        possessives between the comma and the indicator."""
        start = self.sentence_start(span)
        if start == span.start or any(self.words[index] not in self.cues.fronting_words for index in range(start, span.start)):
            return None
        comma = next((index for index in range(span.end, min(span.end + 4, len(self.words))) if self.words[index] == ","), None)
        if comma is None:
            return None
        skips = self.cues.phrase_determiners | self.cues.possessives
        for mention in same:
            if mention.start > comma:
                between = range(comma + 1, mention.start)
                possessors = {index - 1 for index in between if self.words[index] in self.cues.possessives}  # `the country's`
                if all(self.words[index] in skips or index in self.region_tokens or index in possessors for index in between):
                    return mention
                return None
        return None

    def last_earlier_indicator(self, span: Span) -> Span | None:
        """The last indicator earlier in the figure's paragraph, if any."""
        earlier = self.earlier_in_paragraph(self.indicators, span)
        return earlier[-1] if earlier else None

    def linked_past_owner(self, span: Span, indicator: Span) -> bool:
        """Whether a link word and the indicator's owner alone stand between a figure and it (`20% of the country's
        exports`, `39.8% of Kazakhstan's exports`, `54% of its exports`): a share's base."""
        between = range(span.end, indicator.start)
        if len(between) < 2 or self.words[span.end] not in self.cues.figure_indicator_links:
            return False
        if " ".join(self.words[span.end : indicator.start]).startswith(self.cues.share_texts):
            return False  # `46.6 percent of total industrial production`: the whole, not the share's own quantity
        return all(self.words[index] in self.cues.denominator_skips or index in self.region_tokens for index in between[1:])

    def named_after(self, span: Span, same: list[Span]) -> Span | None:
        """The indicator a figure stands before as its determiner's number (`a 5.2 percent economic growth`, `the
        823.2 million yen ($7 million) surplus`), skipping an equivalent in brackets."""
        if span.start == 0 or self.words[span.start - 1] not in self.cues.articles:
            return None
        index = self.past_equivalent(span.end)
        return next((s for s in same if s.start == index and not self.is_bare(s)), None)  # not `a 5% increase`; `a 5.2% economic growth`

    def subject_of(self, before: list[Span], span: Span) -> Span:
        """The indicator of the figure's clause among those before it: the nearest, unless it sits in a phrase
        (`in global trade`, `to the country's budget`) after a subject of the same clause with no figure between."""
        chosen = self.last_indicator(before)
        if not self.in_phrase(chosen) or len(before) < 2 or chosen.end == span.start - self.hedge_lengths.get(span.start, 0):
            return chosen  # `for personal income tax +6.4% yoy`: a mention right before the figure names it
        for other in reversed(before[: before.index(chosen)]):
            if self.figure_between(other, chosen) or self.words[other.end - 1] in self.cues.change_nouns:
                break
            if not self.in_phrase(other) and not (len(other) == 1 and self.words[other.start] in self.cues.measure_words):
                return other  # not a bare measure: `the largest share in the trade turnover` is a share of the turnover
        return chosen

    def in_phrase(self, mention: Span) -> bool:
        """Whether a mention follows a preposition, past its determiners, possessor and year (`in the 2024-25 budget`);
        remembered per mention start."""
        found = self.phrased.get(mention.start)
        if found is None:
            found = self.phrased[mention.start] = self.after_preposition(mention.start)
        return found

    def after_preposition(self, start: int) -> bool:
        """`in_phrase` of a mention starting at token `start`."""
        index = start - 1
        floor = self.sentence_starts[self.sentence_of[start]]
        while index > floor:
            word = self.words[index]
            if word in self.cues.phrase_determiners or self.doc[index].like_num:
                index -= 1
            elif word in self.cues.possessives and index - 1 > floor:
                index -= 2  # `the country's`
            else:
                break
        return index >= floor and self.words[index] in self.cues.phrase_prepositions

    def refer_back(self, mention: Span, span: Span) -> Span:
        """The quantity a bare change or share refers to (`The growth represents 18 percent`, `with a y-o-y growth by
        33-fold`, `its share fell to 20.8 percent`): the last other indicator before it in its paragraph or the one
        before; itself when there is none or when nothing marks it as a refer-back (`projects growth of 4 percent`)."""
        if not self.is_bare(mention):
            return mention
        index = mention.start - 1
        while index > 0 and (self.words[index] in self.cues.refer_skips or self.words[index].isspace() or self.words[index] in self.cues.record_words):
            index -= 1  # `a y-o-y growth`, `the biggest share`
        determined = index >= 0 and self.words[index] in self.cues.refer_determiners
        if not determined and len(mention) == 1:
            return self.clause_subject(mention) or mention  # `projects growth of 4 percent`: growth is the only noun
        paragraph = self.paragraph(span)
        earlier = [s for s in self.indicators if s.end <= mention.start and paragraph - self.paragraph(s) <= 1 and not self.is_bare(s)]
        return earlier[-1] if earlier else mention

    def clause_subject(self, mention: Span) -> Span | None:
        """The quantity a bare change is said of as the clause's subject (`Imports accelerated growth to 9.4%`), if any:
        the last indicator before it in its sentence, not in a phrase, with no figure between."""
        before = [s for s in self.in_sentence(self.indicators, mention) if s.end <= mention.start]
        subject = next((s for s in reversed(before) if not self.in_phrase(s)), None)
        if subject is None or self.is_bare(subject) or self.figure_between(subject, mention):
            return None
        return subject

    def is_bare(self, mention: Span) -> bool:
        """Whether a mention names no quantity of its own: a change (`the y-o-y growth`) or a lone measure (`share`); remembered."""
        key = (mention.start, mention.end)
        found = self.bare.get(key)
        if found is None:
            words = self.words[mention.start : mention.end]
            lone_measure = len(words) == 1 and words[0] in self.cues.bare_measures
            found = self.bare[key] = lone_measure or all(word in self.cues.change_nouns or word in self.cues.basis_words for word in words)
        return found

    def recorded_in(self, span: Span, same: list[Span]) -> Span | None:
        """The indicator named after `N was recorded in` (`... in Chile's consumer price index`), if any."""
        words, index = self.words, span.end
        following = words[index] if index < len(words) else None
        index += following == "," or following in self.cues.change_nouns  # `12.4% growth was registered in`
        if index >= len(words) or words[index] not in self.cues.passive_auxiliaries:
            return None
        if words[index + 1 : index + 3] not in ([verb, "in"] for verb in self.cues.recorded_verbs):
            return None
        index += 3
        index += index < len(words) and words[index] in self.cues.articles  # `was registered in the industrial production volume`
        region = next((r for r in self.region_ents if r.start == index), None)
        if region is not None and region.end < len(words) and words[region.end] in self.cues.possessives:
            index = region.end + 1
        return next((s for s in same if s.start == index), None)

    def last_indicator(self, before: list[Span]) -> Span:
        """The indicator the last of `before` stands for: itself, or the one it completes
        (`Net interest on the public debt topped $1 trillion`)."""
        if len(before) > 1 and self.complements(before[-2], before[-1]):
            return before[-2]
        return before[-1]

    def complements(self, head: Span, other: Span) -> bool:
        """Whether an indicator only completes the one before it (`interest on the public debt`, `revenue from export duties`)."""
        between = self.words[head.end : other.start]
        return (
            0 < len(between) <= 2
            and between[0] in self.cues.complement_prepositions
            and all(word in self.cues.articles for word in between[1:])
            and self.words[head.end - 1] not in self.cues.change_nouns
        )

    def in_aside(self, mention: Span, figure: Span, *, bracket_needs_figure: bool = False) -> bool:
        """Whether a mention sits in an aside closed before the figure (`Core inflation, which excludes food prices, rose`,
        `fell by 5.5% (against 25.1% growth in the previous year), amounting to N`)."""
        words = self.words  # lower-cased: the same as the text for `,`
        bracketed, after_opener = self.aside_marks(mention.start)
        if mention.end <= figure.start and bracketed and ")" in words[mention.end : figure.start]:
            opening = max(i for i in range(self.sentence_start(mention), mention.start) if words[i] == "(")
            closing = mention.end + words[mention.end : figure.start].index(")")
            # a period in brackets (`in the financial year (April 2017 to March 2018) was N`) is an aside only beside a figure of its own
            return not bracket_needs_figure or self.figure_within(opening + 1, closing)
        if not after_opener:
            return False
        between = words[mention.end : figure.start]
        if between[:1] == [","] and between[1:2] and between[1] in self.cues.relative_openers and "," not in between[1:]:
            return False  # `, mainly due to spending on services, which increased by 8%`: the figure's clause is on the mention
        return "," in between

    def aside_marks(self, start: int) -> tuple[bool, bool]:
        """Whether token `start` stands inside a bracket opened in its sentence, and whether an aside opener (`which`
        after a comma) is nearer before it in its sentence than any other comma; remembered per token."""
        found = self.asides.get(start)
        if found is None:
            words, sentence_start = self.words, self.sentence_starts[self.sentence_of[start]]
            opener = next(
                (
                    i for i in range(start - 1, sentence_start, -1)
                    if words[i] == "," or words[i] in self.cues.aside_openers and words[i - 1] == ","
                ),
                None,
            )
            found = self.asides[start] = (in_brackets(words, sentence_start, start), opener is not None and words[opener] != ",")
        return found

    def other_indicator_between(self, first: Span, second: Span, indicator: Span | None) -> bool:
        """Whether an indicator other than the figure's stands between two spans of one sentence (another clause)."""
        left, right = (first, second) if first.start < second.start else (second, first)
        return any(
            left.end <= s.start and s.end <= right.start and s != indicator and self.names_own_quantity(s)
            for s in self.in_sentence(self.indicators, left)  # `the growth` that refers back names no other quantity
        )

    def names_own_quantity(self, mention: Span) -> bool:
        """Whether a mention names a quantity of its own: no ratio's denominator, no bare change that refers back; remembered."""
        key = (mention.start, mention.end)
        found = self.own_quantities.get(key)
        if found is None:
            found = self.own_quantities[key] = not self.is_denominator(mention) and self.refer_back(mention, mention) == mention
        return found

    def is_denominator(self, indicator: Span) -> bool:
        """Whether an indicator is a ratio's denominator (`0.9 percent of GDP`, `20.4 percent of the country's total exports`,
        `a 3.3% budget deficit to GDP`); remembered."""
        key = (indicator.start, indicator.end)
        found = self.denominators.get(key)
        if found is None:
            found = self.denominators[key] = self.stands_in_ratio(indicator)
        return found

    def stands_in_ratio(self, indicator: Span) -> bool:
        """`is_denominator`, read from the words before the indicator."""
        index = indicator.start - 1
        while index > 0 and self.words[index] in self.cues.denominator_skips:
            index -= 1  # `20.4 percent of the country's total exports`
        if index < 1 or self.words[index] not in self.cues.ratio_links:
            return False
        if index in self.figure_by_end:
            return self.words[index] in self.cues.figure_indicator_links  # `0.9 percent of GDP`, not `rose 5% to GDP`
        return any(s.end == index and s.start in self.figure_by_end for s in self.indicators)



def is_whole_of_share(words: list[str], figure: Span, indicator: Span) -> bool:
    """Whether an indicator is the whole a percentage is a share of (`46.6 percent of total industrial production`), given
    the doc's lower-cased words."""
    return figure.label_ == "PERCENT" and words[indicator.start] == "total" and indicator.start == figure.end + 1 and words[figure.end] == "of"
