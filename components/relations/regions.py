"""REGION: the economy whose statistic a figure is.

Among the places of the sentence that are not trade partners (`exports to China`), one
attached to the figure (`8.4 trillion soums in Samarkand region`, `Abai region (109.9
percent)`), else one attached to its indicator (`Kazakhstan's exports`, `production in
Kazakhstan`) with no other figure between, else the nearest before it; else the previous
figure's place in the paragraph. Dateline places (`ASTANA, Kazakhstan, March 25.`) are never
linked, nor a place of another economy than the article's that heads a list entry or ranking
(`Turkey - $53.1 million`).
"""
from spacy.tokens import Span

from .positions import distance
from .view import MentionView

MAX_LINK_WORDS = 4  # `7.4 percent, was recorded in Sulawesi`


class RegionRules(MentionView):
    """The place a figure describes, and the places that are trade partners."""

    def region_for(self, span: Span, indicator: Span | None, carried: Span | None) -> Span | None:
        """The place a figure describes; see the module docstring."""
        same = self.in_sentence(self.regions, span)
        if not same:
            return carried if carried is not None else self.last_earlier_region(span)
        for anchor, links in ((span, self.cues.figure_place_links), (indicator, self.cues.indicator_place_links)):
            attached = [
                s for s in same
                if anchor is not None and self.linked_by(s, anchor, links) and not self.figure_between(s, span) and not self.figure_between(span, s)
            ]
            if attached:
                return min(attached, key=lambda s: distance(s, anchor))  # type: ignore[arg-type]
        before = [s for s in same if s.end <= span.start and not self.figure_between(s, span)]
        if before:
            return before[-1]
        if carried is not None:
            return carried
        return self.last_earlier_region(span)

    def last_earlier_region(self, span: Span) -> Span | None:
        """The last place earlier in the figure's paragraph, if any."""
        earlier = self.earlier_in_paragraph(self.regions, span)
        return earlier[-1] if earlier else None

    def linked_by(self, first: Span, second: Span, links: frozenset[str]) -> bool:
        """Whether only link words (at most `MAX_LINK_WORDS`) stand between two spans, in either order."""
        left, right = (first, second) if first.end <= second.start else (second, first)
        between = self.words[left.end : right.start]
        if between[:1] == [","] and len(between) > 1 and between[1] in self.cues.passive_auxiliaries:
            between = between[1:]  # `7.4 percent, was recorded in Sulawesi`, not `KZT751bn, in Karaganda region`
        return left.end <= right.start and len(between) <= MAX_LINK_WORDS and all(word in links for word in between)

    def describes_a_noun(self, region: Span) -> bool:
        """Whether a place only qualifies a noun (`Monterrey-based brokerage`, `a Lagos-headquartered bank`)."""
        end = region.end
        return end + 1 < len(self.words) and self.words[end] == "-" and self.words[end + 1] in self.cues.place_qualifiers

    def is_partner(self, region: Span) -> bool:
        """Whether a place is a trade partner (`exports to China`, `trade with the EU`).

        After an inflow (`remittances to Kenya`, `investment into Kazakhstan`), `to`/`into`
        mark the economy that receives, which is the place the figure describes.
        """
        index = region.start - 1
        while index > 0 and self.words[index] in self.cues.partner_skip:
            index -= 1
        if self.second_of_pair(region, index) or self.holds_trade_share(region) or self.ranked_as_partner(region):
            return True
        if index >= 0 and self.words[index] in self.cues.flow_prepositions and self.after_outflow(region, index):
            return self.words[index] in self.cues.destination_prepositions  # `экспорт из Казахстана в Китай`
        if index < 0 or self.words[index] not in self.cues.partner:
            return False
        if self.words[index] in self.cues.receiving_prepositions:
            reach = self.sentence_start(region) if self.words[index - 1] in self.cues.pronoun_refers else max(self.sentence_start(region), index - 4)
            return not any(word in self.cues.inflows for word in self.words[reach:index])  # `while those to Chiapas rose 4.1%`
        return True

    def holds_trade_share(self, region: Span) -> bool:
        """Whether a place holds a share of a trade flow (`China accounted for 20% of Kazakhstan's exports`): a partner."""
        after = " ".join(self.words[region.end : region.end + 3])
        if not after.startswith(self.cues.share_verb_openings):
            return False
        return bool(self.cues.trade_flows & set(self.words[region.end : self.sentence_end(region)]))

    def ranked_as_partner(self, region: Span) -> bool:
        """Whether a place of another economy than the article's is ranked as an investor, source or partner (`Germany
        remained the largest investor`, `the United States was the main source of remittances, followed by Spain`)."""
        if self.home and region.kb_id_ == self.home:
            return False  # `Almaty remained the largest market`: a place of the article's economy holds a share of it
        after = self.words[region.end : region.end + 5]
        if not self.cues.partner_nouns.isdisjoint(after):
            article = next((index for index, word in enumerate(after) if word in self.cues.articles), None)
            if article is not None and any(word in self.cues.partner_nouns for word in after[article:]):
                return True  # `remained the largest investor`
        before = " ".join(self.words[max(0, region.start - 3) : region.start])
        return before.endswith(self.cues.ranking_links) and not self.cues.partner_nouns.isdisjoint(self.words[self.sentence_start(region) : region.start])

    def second_of_pair(self, region: Span, index: int) -> bool:
        """Whether a place is the second party of a pair (`trade between X and Y`, `между Таджикистаном и Узбекистаном`):
        the figure takes the first-named one."""
        if index < 0 or self.words[index] not in self.cues.coordinators:
            return False
        first = next((s for s in self.region_ents if s.end == index), None)
        return first is not None and first.start > 0 and self.words[first.start - 1] in self.cues.pair_openers

    def after_outflow(self, region: Span, index: int) -> bool:
        """Whether an outflow word (`экспорт`, `вывоз`) stands within four words before token `index`, in the sentence."""
        window = range(max(self.sentence_start(region), index - 4), index)
        return any(self.words[i] in self.cues.outflows or self.lemma(i) in self.cues.outflows for i in window)

    def is_listed_partner(self, region: Span) -> bool:
        """Whether a place of another economy than the article's heads an entry of a list or ranking
        (`Uzbekistan - $122.6 million (10.4 percent)`, `Turkey ($53.1 million)`, `Russia is in second place`)."""
        if not region.kb_id_ or not self.home or region.kb_id_ == self.home:
            return False
        following = self.words[region.end : region.end + 4]
        if following[:1] and (following[0] in self.cues.list_marks or following[0] == "("):
            return region.end + 1 in self.figure_by_start
        return following[:2] == ["is", "in"] and "place" in following
