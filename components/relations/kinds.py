"""The kind (level, change, share, index, rate) and direction (up, down) of a figure, from its clause's words."""
from spacy.tokens import Span

from .comparison import DIRECTION_AFTER, ComparisonRules
from .figure import Figure

INDEX_RANGE = (50.0, 200.0)  # percentages read as an index (a level against a base of 100) where the wording allows it
LEVEL_REACH = 7  # clause words before a figure searched for `to ... of` (`to an 11-month low of`)
SHARE_AFTER = 3  # tokens after a figure searched for `of the total`
SHARE_BEFORE = 4  # tokens before a figure searched for `accounted for`, `made up`
NO_WORDS: frozenset[str] = frozenset()  # the words of no mention


class KindRules(ComparisonRules):
    """What kind of figure a figure is, read from its clause."""

    def classify(self, figure: Figure, previous: Figure | None, indicator: Span | None) -> None:
        """Set `kind` (level, change, share, index, rate) and `direction` (up, down, None) from the wording.

        The words read are those of the figure's clause: since the previous figure of the
        sentence, cut at `, and` / `, while` / `;`; plus the two words after it (`4.6 percent
        more`). A share phrase is read close to the figure (`accounted for`, `of the total`).
        """
        span = figure.span
        figure_start, figure_end = span.start, span.end
        if self.is_base_figure(figure_start) or self.after_comparison_period(span):
            figure.kind, figure.direction = "level", None  # `from ... 2022 ($24.2 billion)`: the base itself
            return
        words = self.words
        start = self.clause_start(previous.span.end if previous else self.sentence_starts[self.sentence_of[figure_start]], figure_start)
        hedged = figure_start - self.hedge_lengths.get(figure_start, 0)  # `more than` says nothing of a change
        clause_end = max(start, hedged)
        before, before_lemmas = words[start:clause_end], self.lemmas[start:clause_end]
        end = self.past_restatement(self.past_equivalent(figure_end))  # `613 billion tenge (US$1.3 billion) more`
        after = self.words_after(end, span)
        shares = self.shares_near(before[-SHARE_BEFORE:] + words[figure_end : figure_end + SHARE_AFTER])
        direction = self.stated_direction(figure, before, before_lemmas, after, shares)
        hedge = words[hedged:figure_start]  # its own lemma
        if (self.states_level(before, before_lemmas) or (hedge and self.states_level(before + hedge, before_lemmas + hedge))) and after[:1] != ["more"]:
            figure.new_level, direction = True, None  # `rose to 8.7%`, `eased to an 11-month low of 6.1 percent`: the new level, not the change
        unit = figure.data.get("unit")
        if unit == "%" and not direction and not self.text_words(indicator).isdisjoint(self.cues.index_words):
            figure.kind = "index"  # `the IPI amounted to 101.9 percent`, also after `made up`
        elif not direction and (self.states_share(figure, shares) or self.share_indicator(figure, indicator)):
            figure.kind = "share"
        elif self.bracketed_index(figure, direction, previous):
            figure.kind = "index"  # `Production declined in Atyrau (97.6 percent)`: the index, not a fall of 97.6%
        elif direction or unit == "x":
            figure.kind = "change"
        elif previous is not None and previous.kind in ("change", "share") and (
            continues_list(before, self.cues.list_marks) or relative_form(before)
            or elliptic_change(before, self.cues.elliptic_prepositions) or coordinated(self.outside_periods(start, hedged), self.cues.coordinators)
            or (before[-1:] and before[-1] in self.cues.coordinators and self.cue_at(end) is not None)  # `over Q1 and 31.4 per cent compared to Q2`
        ):
            figure.kind, direction = previous.kind, previous.direction  # `metallurgy - 10.6 percent` in a list
        elif figure.data["label"] == "PERCENT" and not self.text_words(indicator).isdisjoint(self.cues.rate_words):
            figure.kind = "rate"
        elif self.in_index_range(figure) and self.sentence(figure.span) in self.index_sentences:
            figure.kind = "index"  # `in % to the same period of 2023`
        figure.direction = direction
        if figure.kind == "index":
            figure.direction = index_direction(figure)

    def shares_near(self, near: list[str]) -> list[str]:
        """The share phrases in the words `near` a figure (`accounted for`, `of the total`), not in `per share`."""
        text = " ".join(near)
        for phrase in self.cues.not_share_texts:
            text = text.replace(phrase, "")  # `850 tenge per share`
        return [phrase for phrase in self.cues.share_texts if phrase in text]

    def text_words(self, mention: Span | None) -> frozenset[str]:
        """The lower-cased whitespace-separated words of a mention's text (none for no mention), remembered per mention."""
        if mention is None:
            return NO_WORDS
        key = (mention.start, mention.end)
        found = self.mention_words.get(key)
        if found is None:
            found = self.mention_words[key] = frozenset(self.span_text(mention).lower().split())
        return found

    def outside_periods(self, start: int, end: int) -> list[str]:
        """The words from token `start` to `end` that stand in no period (`3.1% in 2024 and 5.6%` -> `and`)."""
        within = [period for period in self.periods if start < period.start and period.end <= end]
        inside = {index for period in within for index in range(period.start, period.end)}
        inside |= {period.start - 1 for period in within if self.words[period.start - 1] in self.cues.owner_gaps}  # `in 2024`
        return [self.words[index] for index in range(start, end) if index not in inside]

    def previous_stated(self, figures: list[Figure], index: int) -> Figure | None:
        """The figure before `figures[index]` in its sentence whose kind a list or an elliptic clause continues, past a base
        and its equivalent (`rose 2.1% compared with Q1 (N5.1 trillion) and by 30.5% compared to ...`)."""
        sentence = self.sentence(figures[index].span)
        for position in range(index - 1, -1, -1):
            previous = figures[position]
            if self.sentence_of[previous.span.start] != sentence:
                return None
            if not (self.is_base_figure(previous.span.start) or self.after_comparison_period(previous.span)) or previous.kind != "level":
                return previous
        return None

    def states_share(self, figure: Figure, shares: list[str]) -> bool:
        """Whether the share phrases around a figure make it a share: a share verb (`made up`, `accounted for`)
        makes a money figure one only beside a share noun (`$2 billion of the total`), else it states the amount."""
        if figure.data["label"] == "MONEY":
            return any(text not in self.cues.share_verb_texts for text in shares)
        return bool(shares)

    def share_indicator(self, figure: Figure, indicator: Span | None) -> bool:
        """Whether a percentage measures a share by its indicator (`the share of exports in turnover was 66%`,
        `доля экспорта составила 61,3%`)."""
        return figure.data.get("unit") == "%" and indicator is not None and self.words[indicator.start] in self.cues.share_heads

    def words_after(self, end: int, span: Span) -> list[str]:
        """The words from `end` (past the figure's equivalent and restatement) that can say its direction: up to
        DIRECTION_AFTER, in its sentence, before any punctuation (`4.6 percent more than`, not `, down 22.4 percent`)."""
        after = []
        for index in range(end, min(end + DIRECTION_AFTER, self.sentence_end(span))):
            if self.punct[index]:
                break
            after.append(self.words[index])
        return after

    def stated_direction(self, figure: Figure, before: list[str], lemmas: list[str], after: list[str], shares: list[str]) -> str | None:
        """Up, down or None from the clause's words (lower-cased before the figure with their `lemmas`, lower after it), leaving
        out the share phrases found (`made up` is no rise, also beside `of total`); a negative value is down, a `+` up."""
        if figure.data.get("value") is not None and figure.data["value"] < 0:
            return "down"
        cues = self.cues
        words: set[str] | list[str] = before + lemmas + after
        if shares:
            words = set(words).difference(*(text.split() for text in shares))
        last = (before[-1], lemmas[-1]) if before else ()
        if not cues.up.isdisjoint(words) or not cues.up_next.isdisjoint(last) or not cues.up_after.isdisjoint(after):
            direction: str | None = "up"
        elif not cues.down.isdisjoint(words) or not cues.down_after.isdisjoint(after):
            direction = "down"
        else:
            direction = cues.multiple_directions.get(figure.data["text"].lower())
        if direction is None and figure.data["text"].startswith("+"):
            return "up"  # `, +4% on the year`
        return direction

    def in_index_range(self, figure: Figure) -> bool:
        """Whether a figure is a percentage an index can be (`104.6%`, `97.6 percent`), not `4.6%` or `350%`."""
        value = figure.data.get("value")
        return figure.data.get("unit") == "%" and value is not None and INDEX_RANGE[0] <= value <= INDEX_RANGE[1]

    def bracketed_index(self, figure: Figure, direction: str | None, previous: Figure | None) -> bool:
        """Whether a figure in brackets is an index: after a rise or fall it agrees with (`growth was highest in
        Ulytau (118.4 percent)`, not the size of a fall), or next in a list of bracketed indices (`and Abai (109.9%)`)."""
        start = figure.span.start
        if not (start and self.words[start - 1] == "(" and self.in_index_range(figure)):
            return False
        if direction is None:
            return previous is not None and previous.kind == "index" and self.words[previous.span.start - 1 : previous.span.start] == ["("]
        return (figure.data["value"] > 100) == (direction == "up")

    def compared_level_kind(self, figure: Figure) -> str:
        """The kind of a level compared with a period (`102.3% against January-May 2023`): an index where the value
        can be one and the indicator is no rate, else a change (`it was 0.1% compared to the previous year`)."""
        indicator_words = self.text_words(figure.indicator)
        return "index" if self.in_index_range(figure) and not indicator_words & self.cues.rate_words else "change"

    def states_level(self, before: list[str], lemmas: list[str]) -> bool:
        """Whether the clause words before a figure (lower-cased, with their `lemmas`) end in a level preposition (`to`, `до`)
        or in `to ... of` with no change word after the `to` (`rose to`, `fell to a record low of`, `выросли до`)."""
        words, lemmas = before[-LEVEL_REACH:], lemmas[-LEVEL_REACH:]
        levels = self.cues.level_prepositions
        if words[-1:] and words[-1] in levels:
            return True
        if words[-1:] != ["of"] or not levels.intersection(words):
            return False
        index = max(position for position, word in enumerate(words) if word in levels)
        changes = self.cues.change_words
        return not any(word in changes or lemma in changes for word, lemma in zip(words[index + 1 :], lemmas[index + 1 :]))


def index_direction(figure: Figure) -> str | None:
    """Up for an index over 100, down under it."""
    value = figure.data["value"]
    return "up" if value > 100 else "down" if value < 100 else None


def change_pct(figure: Figure) -> float | None:
    """The signed change in percent a figure states, where it can be derived: a change in % signed by its direction,
    an index minus 100, a multiple (`rose 1.8 times` = +80, `decreased 4.6 times` = -78.3), a change in money over its
    base figure in the same currency. None for levels, shares, rates and changes in points."""
    change = signed_change(figure)
    return round(change, 6) if change is not None else None


def signed_change(figure: Figure) -> float | None:
    """`change_pct` before rounding off float noise (`104.6 - 100`)."""
    value, unit = figure.data.get("value"), figure.data.get("unit")
    if value is None:
        return None
    if figure.kind == "index":
        return value - 100 if unit == "%" else None
    if figure.kind != "change" or (figure.direction is None and value >= 0):
        return None
    sign = -1 if figure.direction == "down" or value < 0 else 1
    size = abs(value)
    if unit == "%":
        return sign * size
    if unit == "x":
        return multiple_change(size, sign)
    base = figure.base
    if isinstance(base, Figure) and base.data.get("unit") == unit and base.data.get("value"):
        return sign * size / abs(base.data["value"]) * 100  # `rose by $2 billion from $10 billion`
    return None


def multiple_change(size: float, sign: int) -> float | None:
    """The change in percent a multiple states: `rose 1.8 times` = +80, `decreased 4.6 times` = -78.3, `halved`
    (0.5x down) = -50; None for a multiple that says no change (`rose 0.5 times`)."""
    if size > 1:
        return (size - 1) * 100 if sign > 0 else (1 / size - 1) * 100
    return (size - 1) * 100 if sign < 0 and size > 0 else None


def elliptic_change(before: list[str], prepositions: frozenset[str]) -> bool:
    """Whether a figure continues the change before it with its verb left out (`and construction output by 1.7%`,
    `а импорт — на 5%`): the word before it is an elliptic preposition."""
    return bool(before) and before[-1] in prepositions


def coordinated(words: list[str], coordinators: frozenset[str]) -> bool:
    """Whether a figure is coordinated with the previous one, nothing else between but their periods (`rose 4.1% and 6.3%,
    respectively`, `3.1 percent in 2024 and 5.6 percent in 2025`)."""
    return words == [","] or (len(words) in (1, 2) and words[-1] in coordinators and words[:-1] in ([], [","]))


def relative_form(before: list[str]) -> bool:
    """Whether a figure restates the previous one in another form (`by $2.0 billion, or 0.7 percent`)."""
    return before[-2:] in ([",", "or"], ["or"])


def continues_list(words: list[str], marks: frozenset[str]) -> bool:
    """Whether the words since the previous figure continue a list: they end in a list mark (`, metallurgy - 10.6 percent`)."""
    return bool(words) and words[-1] in marks
