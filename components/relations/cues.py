"""The relation cue words by role, read from `lexicons/relation_cues.jsonl` (and the change and
measure words of `lexicons/indicators.jsonl`); the indicator phrases and the fact checks read them too."""
from dataclasses import dataclass
from typing import Any


@dataclass
class Cues:
    """Relation cue words by role, from `lexicons/relation_cues.jsonl`."""

    comparison: tuple[tuple[str, ...], ...]
    partner: frozenset[str]
    up: frozenset[str]
    down: frozenset[str]
    up_next: frozenset[str]  # right before a figure only: `added 3%`, not `he added GDP would be ...` or `added a further $1.1b`
    up_after: frozenset[str]  # right after a figure only: `9.4 percent above the estimate`
    down_after: frozenset[str]
    share: tuple[tuple[str, ...], ...]
    rate_words: frozenset[str]
    index_words: frozenset[str]
    index_phrases: tuple[tuple[str, ...], ...]  # `in % to`: the sentence's percentages are indices (comparison cues too)
    indicator_place_links: frozenset[str]
    figure_place_links: frozenset[str]
    partner_skip: frozenset[str]
    figure_indicator_links: frozenset[str]
    aside_openers: frozenset[str]
    relative_openers: frozenset[str]  # `, which rose 8%` after a mention: a clause on that mention
    inflows: frozenset[str]
    change_nouns: frozenset[str]  # `growth in retail sales`: the complement is the indicator
    base_skip: frozenset[str]  # words between a comparison cue and its base (`compared to the amount recorded in`)
    record_words: frozenset[str]  # `its lowest in two months`: the span is no period of a figure
    report_verbs: frozenset[str]  # `said`: a weekday after one dates the report, not a decision
    decision_words: frozenset[str]  # `rate`: a weekday in a sentence naming one dates a decision
    weekdays: frozenset[str]
    document_nouns: frozenset[str]  # `the May budget`: a month before one dates the document, not a figure
    phrase_prepositions: frozenset[str]  # `in global trade`, `to the country's budget`: a mention inside a phrase, not a subject
    measure_words: frozenset[str]  # `share`, `volume`: a quantity only with what it measures
    pace_words: frozenset[str]  # `grew at an annual pace of 2%`: the manner between a change verb and its figure
    bare_measures: frozenset[str]  # `its share fell to N`: alone, a share of the quantity named before
    own_bases: tuple[str, ...]  # `yoy`, `m/m` right after a change: its own comparison
    basis_words: frozenset[str]  # with change nouns, a bare change (`the y-o-y growth`) that refers back to its quantity
    complement_prepositions: frozenset[str]  # `exports of gold` after `exports`: one indicator completes the other
    recorded_verbs: frozenset[str]  # `N was recorded in X`
    owner_gaps: frozenset[str]  # words between a figure and the period it owns (`8.5 percent in May`, `4.9% y/y in`)
    record_hedges: frozenset[str]  # `its lowest in nearly two months`
    clause_conjunctions: frozenset[str]  # `, and` / `, while` / `, but` begin a clause
    contrast_conjunctions: frozenset[str]  # `, but`: a clause with its own period and base
    place_qualifiers: frozenset[str]  # `Monterrey-based`: the place only qualifies a noun
    revision_words: frozenset[str]  # `revised up from`: a correction, not a comparison
    shift_words: frozenset[str]  # `last`, `previous`: a period shifted back, a base after `over`/`on`
    matched_words: frozenset[str]  # `same`, `corresponding`: with a year, a period matched to the figure's (a base after `over`)
    range_words: frozenset[str]  # `from January through March`: the figure's own period, not a base
    denominator_skips: frozenset[str]  # `20.4 percent of the country's total exports`
    refer_skips: frozenset[str]  # the tokens of `y-o-y`, `yoy` before a bare change
    refer_determiners: frozenset[str]  # `the growth`, `its share`: a bare change that refers back
    phrase_determiners: frozenset[str]  # skipped between a preposition and its mention (`in the 2024-25 budget`)
    fronting_words: frozenset[str]  # `At $1.1 billion, the deficit was ...`: what may open a sentence before a fronted figure
    receiving_prepositions: frozenset[str]  # `remittances to Kenya`: after an inflow, the receiving economy
    comparison_verbs: frozenset[tuple[str, ...]]  # `exceeded the 2022 level by 14%`: the base of a figure after it, a period
    period_only_comparisons: frozenset[tuple[str, ...]]  # `on`: compares with a period (`on a year earlier`), never a figure
    weak_comparisons: frozenset[tuple[str, ...]]  # `from`, `over`, `on`: a comparison period only with a shifted period
    multiple_directions: dict[str, str]  # `doubled`, `a doubling`: a multiple that says its own direction
    horizon_prepositions: frozenset[str]  # `by`, `until`: a period that may be the deadline of an aim (`by 2030`)
    aim_lemmas: frozenset[str]  # `aim`, `plan`, `goal`: a clause stating an aim, whose `by 2030` is a deadline
    articles: frozenset[str]  # `the`, `a`, `an`
    possessives: frozenset[str]  # `'s`: `the country's budget`, `October's 0.24 percent`
    plural_possessives: frozenset[str]  # `'`: `the businesses' own funds`
    phrase_openers: frozenset[str]  # articles, possessives, `of`, `its`: a word that can be a verb still opens a noun phrase after them
    list_conjunctions: frozenset[str]  # `and`, `&`: `oil and gas condensate exports`
    list_marks: frozenset[str]  # dashes and `:` between a list entry's name and its figure (`metallurgy - 10.6 percent`)
    passive_auxiliaries: frozenset[str]  # `was`, `were`: `N was recorded in X`
    share_texts: tuple[str, ...] = ()  # the share phrases as text, to find in a window of words
    record_prepositions: frozenset[str] = frozenset()  # `in`, `since`: the span a record is measured over (`the lowest since 2018`)
    ratio_links: frozenset[str] = frozenset()  # `of`, `to`: before a ratio's denominator (`3% of GDP`, `a 3.3% deficit to GDP`)
    pronoun_refers: frozenset[str] = frozenset()  # `those to Chiapas`: a pronoun that stands for the flow named before
    partner_nouns: frozenset[str] = frozenset()  # `the largest investor`: a place ranked as one is a partner
    ranking_links: tuple[str, ...] = ()  # `followed by`: the next place of a ranking
    trade_flows: frozenset[str] = frozenset()  # `exports`, `trade`: a place holding a share of one is a partner
    not_share_texts: tuple[str, ...] = ()  # `per share`: a share word that makes no share
    share_verb_texts: frozenset[str] = frozenset()  # `made up`, `accounted for`: a share for a percentage, for money only with `of total` after
    change_words: frozenset[str] = frozenset()  # up, down and change nouns: a change is named
    level_prepositions: frozenset[str] = frozenset()  # `to`, `до`: `rose to 8.7%` states the level reached
    horizon_comparisons: frozenset[tuple[str, ...]] = frozenset()  # `к`: compares, but before a bare year (`к 2028 году`) is a horizon
    elliptic_prepositions: frozenset[str] = frozenset()  # `by`, `на`: `and construction output by 1.7%` continues a change
    coordinators: frozenset[str] = frozenset()  # `and`, `и`: figures and mentions joined in a list
    respectively_words: frozenset[str] = frozenset()  # `respectively`, `соответственно`
    pair_openers: frozenset[str] = frozenset()  # `between`, `между`: the second party of `between X and Y` is the partner
    origin_prepositions: frozenset[str] = frozenset()  # `из`: after an outflow (`экспорт из X`), the economy that sends
    destination_prepositions: frozenset[str] = frozenset()  # `в`: after an outflow (`экспорт из X в Y`), the partner
    outflows: frozenset[str] = frozenset()  # `экспорт`, `вывоз` (words and lemmas): the flows whose origin is the economy
    share_heads: frozenset[str] = frozenset()  # `share`, `доля` opening a figure's indicator: its percentage is a share
    index_phrase_set: frozenset[tuple[str, ...]] = frozenset()  # `index_phrases`, to tell them among the comparison cues found
    flow_prepositions: frozenset[str] = frozenset()  # `origin_prepositions` and `destination_prepositions`
    share_verb_openings: tuple[str, ...] = ()  # `share_verb_texts` as a tuple, for `str.startswith`

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]], indicator_rows: list[dict[str, Any]], multiple_rows: list[dict[str, Any]]) -> "Cues":
        def texts(role: str) -> list[str]:
            return [row["text"].lower() for row in rows if row["role"] == role]

        def phrases(*roles: str) -> tuple[tuple[str, ...], ...]:
            return tuple(sorted((tuple(text.split()) for role in roles for text in texts(role)), key=len, reverse=True))

        share = phrases("share", "share_verb")
        articles, possessives = frozenset(texts("article")), frozenset(texts("possessive"))
        change_nouns = frozenset(row["word"] for row in indicator_rows if row.get("role") == "change_noun")
        return cls(
            multiple_directions={
                row["word"].lower(): "up" if row["value"] > 1 else "down" for row in multiple_rows if row.get("form") in ("verb", "noun")
            },
            comparison=phrases("comparison", "index_phrase", "comparison_verb", "horizon_comparison"),  # `in % to January-May 2023` compares too
            partner=frozenset(texts("partner")),
            up=frozenset(texts("up")),
            down=frozenset(texts("down")),
            up_next=frozenset(texts("up_next")),
            up_after=frozenset(texts("up_after")),
            down_after=frozenset(texts("down_after")),
            share=share,
            share_texts=tuple(" ".join(phrase) for phrase in share),
            share_verb_texts=frozenset(texts("share_verb")),
            share_verb_openings=tuple(texts("share_verb")),
            not_share_texts=tuple(texts("not_share")),
            trade_flows=frozenset(texts("trade_flow")),
            partner_nouns=frozenset(texts("partner_noun")),
            pronoun_refers=frozenset(texts("pronoun_refer")),
            ratio_links=frozenset(texts("ratio_link")),
            record_prepositions=frozenset(texts("record_preposition")),
            ranking_links=tuple(texts("ranking_link")),
            rate_words=frozenset(texts("rate_indicator")),
            index_words=frozenset(texts("index_indicator")),
            index_phrases=phrases("index_phrase"),
            index_phrase_set=frozenset(phrases("index_phrase")),
            indicator_place_links=frozenset(texts("indicator_place_link")),
            figure_place_links=frozenset(texts("figure_place_link")),
            partner_skip=frozenset(texts("partner_skip")),
            figure_indicator_links=frozenset(texts("figure_indicator_link")),
            aside_openers=frozenset(texts("aside_opener")),
            relative_openers=frozenset(texts("relative_opener")),
            inflows=frozenset(texts("inflow")),
            change_nouns=change_nouns,
            change_words=frozenset(texts("up") + texts("up_next") + texts("down")) | change_nouns,
            base_skip=frozenset(texts("base_skip")),
            record_words=frozenset(texts("record_word")),
            decision_words=frozenset(texts("decision_word")),
            report_verbs=frozenset(texts("report_verb")),
            weekdays=frozenset(texts("weekday")),
            document_nouns=frozenset(texts("document_noun")),
            phrase_prepositions=frozenset(texts("phrase_preposition")),
            own_bases=tuple(texts("own_basis")),
            basis_words=frozenset(texts("basis_word")),
            pace_words=frozenset(texts("pace_word")),
            bare_measures=frozenset(texts("bare_measure")),
            measure_words=frozenset(row["word"].lower() for row in indicator_rows if row.get("role") == "measure"),
            complement_prepositions=frozenset(texts("complement_preposition")),
            recorded_verbs=frozenset(texts("recorded_verb")),
            owner_gaps=frozenset(texts("owner_gap")),
            record_hedges=frozenset(texts("record_hedge")),
            clause_conjunctions=frozenset(texts("clause_conjunction") + texts("contrast_conjunction")),
            contrast_conjunctions=frozenset(texts("contrast_conjunction")),
            place_qualifiers=frozenset(texts("place_qualifier")),
            revision_words=frozenset(texts("revision_word")),
            shift_words=frozenset(texts("shift_word")),
            matched_words=frozenset(texts("matched_word")),
            range_words=frozenset(texts("range_word")),
            denominator_skips=frozenset(texts("denominator_skip")),
            refer_skips=frozenset(texts("refer_skip")),
            refer_determiners=frozenset(texts("refer_determiner")),
            phrase_determiners=frozenset(texts("phrase_determiner")),
            fronting_words=frozenset(texts("fronting_word")),
            receiving_prepositions=frozenset(texts("receiving_preposition")),
            comparison_verbs=frozenset(phrases("comparison_verb")),
            period_only_comparisons=frozenset(phrases("period_only_comparison", "comparison_verb")),
            weak_comparisons=frozenset(phrases("weak_comparison")),
            horizon_prepositions=frozenset(texts("horizon_preposition")),
            aim_lemmas=frozenset(texts("aim_lemma")),
            articles=articles,
            possessives=possessives,
            plural_possessives=frozenset(texts("plural_possessive")),
            phrase_openers=frozenset(texts("phrase_opener")) | articles | possessives,
            list_conjunctions=frozenset(texts("list_conjunction")),
            list_marks=frozenset(texts("list_mark")),
            passive_auxiliaries=frozenset(texts("passive_auxiliary")),
            level_prepositions=frozenset(texts("level_preposition")),
            horizon_comparisons=frozenset(phrases("horizon_comparison")),
            elliptic_prepositions=frozenset(texts("elliptic_preposition")),
            coordinators=frozenset(texts("coordinator")),
            respectively_words=frozenset(texts("respectively")),
            share_heads=frozenset(texts("share_head")),
            pair_openers=frozenset(texts("pair_opener")),
            origin_prepositions=frozenset(texts("origin_preposition")),
            destination_prepositions=frozenset(texts("destination_preposition")),
            flow_prepositions=frozenset(texts("origin_preposition") + texts("destination_preposition")),
            outflows=frozenset(texts("outflow")),
        )
