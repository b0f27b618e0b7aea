"""The relation cue words by role, read from `lexicons/relation_cues.jsonl` (and the change and
measure words of `lexicons/indicators.jsonl`)."""
from dataclasses import dataclass
from typing import Any


@dataclass
class Cues:
    """Relation cue words by role, from `lexicons/relation_cues.jsonl`."""

    comparison: tuple[tuple[str, ...], ...]
    partner: frozenset[str]
    up: frozenset[str]
    down: frozenset[str]
    up_after: frozenset[str]  # right after a figure only: `9.4 percent above the estimate`
    down_after: frozenset[str]
    share: tuple[tuple[str, ...], ...]
    rate_words: frozenset[str]
    index_words: frozenset[str]
    indicator_place_links: frozenset[str]
    figure_place_links: frozenset[str]
    partner_skip: frozenset[str]
    figure_indicator_links: frozenset[str]
    aside_openers: frozenset[str]
    inflows: frozenset[str]
    change_nouns: frozenset[str]  # `growth in retail sales`: the complement is the indicator
    base_skip: frozenset[str]  # words between a comparison cue and its base (`compared to the amount recorded in`)
    record_words: frozenset[str]  # `its lowest in two months`: the span is no period of a figure
    weekdays: frozenset[str]
    phrase_prepositions: frozenset[str]  # `in global trade`, `to the country's budget`: a mention inside a phrase, not a subject
    measure_words: frozenset[str]  # `share`, `volume`: a quantity only with what it measures
    bare_measures: frozenset[str]  # `its share fell to N`: alone, a share of the quantity named before
    basis_words: frozenset[str]  # with change nouns, a bare change (`the y-o-y growth`) that refers back to its quantity
    share_texts: tuple[str, ...] = ()  # the share phrases as text, to find in a window of words

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]], indicator_rows: list[dict[str, Any]]) -> "Cues":
        def texts(role: str) -> list[str]:
            return [row["text"].lower() for row in rows if row["role"] == role]

        def phrases(role: str) -> tuple[tuple[str, ...], ...]:
            return tuple(sorted((tuple(text.split()) for text in texts(role)), key=len, reverse=True))

        share = phrases("share")
        return cls(
            comparison=phrases("comparison"),
            partner=frozenset(texts("partner")),
            up=frozenset(texts("up")),
            down=frozenset(texts("down")),
            up_after=frozenset(texts("up_after")),
            down_after=frozenset(texts("down_after")),
            share=share,
            share_texts=tuple(" ".join(phrase) for phrase in share),
            rate_words=frozenset(texts("rate_indicator")),
            index_words=frozenset(texts("index_indicator")),
            indicator_place_links=frozenset(texts("indicator_place_link")),
            figure_place_links=frozenset(texts("figure_place_link")),
            partner_skip=frozenset(texts("partner_skip")),
            figure_indicator_links=frozenset(texts("figure_indicator_link")),
            aside_openers=frozenset(texts("aside_opener")),
            inflows=frozenset(texts("inflow")),
            change_nouns=frozenset(row["word"] for row in indicator_rows if row.get("role") == "change_noun"),
            base_skip=frozenset(texts("base_skip")),
            record_words=frozenset(texts("record_word")),
            weekdays=frozenset(texts("weekday")),
            phrase_prepositions=frozenset(texts("phrase_preposition")),
            basis_words=frozenset(texts("basis_word")),
            bare_measures=frozenset(texts("bare_measure")),
            measure_words=frozenset(row["word"].lower() for row in indicator_rows if row.get("role") == "measure"),
        )
