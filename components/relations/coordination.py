"""Coordination: figures listed with `respectively` take the mentions listed before them, in order."""
from spacy.tokens import Span

from .figure import Figure
from .view import MentionView


class CoordinationRules(MentionView):
    """Runs of figures and the mentions listed before them."""

    def respective_groups(self, figures: list["Figure"]) -> list[list["Figure"]]:
        """Runs of figures joined by `and` or commas and followed by `respectively` (`S/ 1.21 billion and S/ 870 mln respectively`)."""
        if self.cues.respectively_words.isdisjoint(self.words):
            return []  # no `respectively` in the doc
        groups: list[list[Figure]] = []
        run: list[Figure] = []
        for figure in figures:
            if run and self.joined(run[-1].span, figure.span) and self.same_sentence(run[-1].span, figure.span):
                run.append(figure)
            else:
                run = [figure]
            end = figure.span.end
            if len(run) > 1 and self.cues.respectively_words.intersection(self.words[end : end + 2]):
                groups.append(list(run))
        return groups

    def coordinated_before(self, mentions: list[Span], group: list["Figure"]) -> list[Span]:
        """The last mentions before a group of figures in its sentence, as many as the figures, if they are
        joined by `and` or commas (`Arequipa and Cusco received ...`); else none."""
        before = [m for m in self.in_sentence(mentions, group[0].span) if m.end <= group[0].span.start][-len(group):]
        joined = all(self.joined(a, b) for a, b in zip(before, before[1:]))
        return before if len(before) == len(group) and joined else []

    def joined(self, first: Span, second: Span) -> bool:
        """Whether only commas and coordinators (`and`, `и`) stand between two spans."""
        return all(word == "," or word in self.cues.coordinators for word in self.words[first.end : second.start])
