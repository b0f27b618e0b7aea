"""The kind (level, change, share, index, rate) and direction (up, down) of a figure, from its clause's words."""
from spacy.tokens import Span

from .comparison import DIRECTION_AFTER, ComparisonRules
from .figure import Figure
from .positions import LIST_MARKS

LEVEL_REACH = 7  # clause words before a figure searched for `to ... of` (`to an 11-month low of`)
SHARE_AFTER = 3  # tokens after a figure searched for `of the total`
SHARE_BEFORE = 4  # tokens before a figure searched for `accounted for`, `made up`


class KindRules(ComparisonRules):
    """What kind of figure a figure is, read from its clause."""

    def classify(self, figure: Figure, previous: Figure | None, indicator: Span | None) -> None:
        """Set `kind` (level, change, share, index, rate) and `direction` (up, down, None) from the wording.

        The words read are those of the figure's clause: since the previous figure of the
        sentence, cut at `, and` / `, while` / `;`; plus the two words after it (`4.6 percent
        more`). A share phrase is read close to the figure (`accounted for`, `of the total`).
        """
        if self.is_base_figure(figure.span.start) or self.after_comparison_period(figure.span):
            figure.kind, figure.direction = "level", None  # `from ... 2022 ($24.2 billion)`: the base itself
            return
        start = self.clause_start(previous.span.end if previous else self.sentence_start(figure.span), figure.span.start)
        hedged = figure.span.start - self.hedge_lengths.get(figure.span.start, 0)  # `more than` says nothing of a change
        before = [[self.words[index], self.lemma(index)] for index in range(start, max(start, hedged))]
        after = []
        end = self.past_restatement(self.past_equivalent(figure.span.end))  # `613 billion tenge (US$1.3 billion) more`
        for index in range(end, min(end + DIRECTION_AFTER, self.sentence_end(figure.span))):
            if self.punct[index]:
                break
            after.append(self.words[index])  # `4.6 percent more than`, not `, down 22.4 percent`
        near = " ".join([forms[0] for forms in before[-SHARE_BEFORE:]] + self.words[figure.span.end : figure.span.end + SHARE_AFTER])
        share = next((text for text in self.cues.share_texts if text in near), None)
        words = {word for forms in before for word in forms} | set(after)
        if share:
            words -= set(share.split())  # `made up` is no rise
        rising = self.cues.up & words or self.cues.up_next & set(before[-1] if before else ()) or self.cues.up_after & set(after)
        falling = self.cues.down & words or self.cues.down_after & set(after)
        direction = "up" if rising else "down" if falling else self.cues.multiple_directions.get(figure.data["text"].lower())
        if figure.data.get("value") is not None and figure.data["value"] < 0:
            direction = "down"
        hedge = [[word, word] for word in self.words[hedged : figure.span.start]]
        if (self.states_level(before) or self.states_level(before + hedge)) and after[:1] != ["more"]:
            figure.new_level, direction = True, None  # `rose to 8.7%`, `eased to an 11-month low of 6.1 percent`: the new level, not the change
        indicator_words = set(self.span_text(indicator).lower().split()) if indicator is not None else set()
        if share and not direction:
            figure.kind = "share"
        elif direction or figure.data.get("unit") == "x":
            figure.kind = "change"
        elif previous is not None and previous.kind in ("change", "share") and (
            continues_list([forms[0] for forms in before]) or relative_form(before) or elliptic_change(before)
            or (before[-1:] and before[-1][0] == "and" and self.cue_at(end) is not None)  # `over Q1 and 31.4 per cent compared to Q2`
        ):
            figure.kind, direction = previous.kind, previous.direction  # `metallurgy - 10.6 percent` in a list
        elif figure.data["label"] == "PERCENT" and indicator_words & self.cues.index_words:
            figure.kind = "index"
        elif figure.data["label"] == "PERCENT" and indicator_words & self.cues.rate_words:
            figure.kind = "rate"
        figure.direction = direction

    def states_level(self, before: list[list[str]]) -> bool:
        """Whether the clause words before a figure end in `to` or in `to ... of` with no change word after the `to`
        (`rose to`, `fell to a record low of`); each word is given as [lower, lemma]."""
        words = [forms[0] for forms in before[-LEVEL_REACH:]]
        if words[-1:] == ["to"]:
            return True
        if words[-1:] != ["of"] or "to" not in words:
            return False
        index = len(words) - 1 - words[::-1].index("to")
        changes = self.cues.change_words
        return not any(forms[0] in changes or forms[1] in changes for forms in before[-LEVEL_REACH:][index + 1 :])



def elliptic_change(before: list[list[str]]) -> bool:
    """Whether a figure continues the change before it with its verb left out (`and construction output by 1.7%`)."""
    return bool(before) and before[-1][0] == "by"


def relative_form(before: list[list[str]]) -> bool:
    """Whether a figure restates the previous one in another form (`by $2.0 billion, or 0.7 percent`)."""
    return [forms[0] for forms in before][-2:] in ([",", "or"], ["or"])


def continues_list(words: list[str]) -> bool:
    """Whether the words since the previous figure continue a list (`, metallurgy - 10.6 percent`)."""
    return bool(words) and words[-1] in LIST_MARKS
