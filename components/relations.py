"""The relation component: link every figure to its indicator, period, region, equivalent and base.

It works on the blank pipeline (sentences from the sentencizer, lemmas from the lookup
lemmatizer, no parser), reading the figures (`doc._.figures`), the REGION entities and the
INDICATOR/PERIOD candidates of the concept ruler (`doc.spans[candidates_key]`):

Scope comes from `components/segments.py`: a paragraph ends at every line break and glued
sentence end, and nothing is carried into a new paragraph.

- INDICATOR: one named right after the figure's determiner (`a N ($M) trade deficit`); else
  the nearest indicator before the figure in its sentence, outside asides and denominators,
  preferring the clause's subject to a mention inside a phrase (`in global trade`), with a
  bare `the growth` referring back to its quantity; else one after it (not in a share
  phrase, `of total production`); else the last one earlier in the paragraph. An indicator
  in brackets after another (`industrial production index (IPI)`) is an alias.
- PERIOD: a period right before the figure's indicator (`the 2024 GDP per capita`); else the
  nearest period of the sentence that is not a comparison base (`compared to 2022`, `than in
  2022`, `from the same period`) nor in an aside; a figure right after a period in brackets
  (`the same period in 2022 ($24.2 billion)`) takes that one; else the paragraph's earlier
  periods, if they agree. Report dates, record spans (`its lowest in two months`) and a
  period restated in brackets right after it are never a figure's period.
- REGION: among the places of the sentence that are not trade partners (`exports to China`),
  one attached to the figure (`8.4 trillion soums in Samarkand region`, `Abai region (109.9
  percent)`), else one attached to its indicator (`Kazakhstan's exports`, `production in
  Kazakhstan`) with no other figure between, else the nearest before it; else the previous figure's place in the paragraph.
  Dateline places (`ASTANA, Kazakhstan, March 25.`) are never linked, nor a place of another
  economy than the article's that heads a list entry or ranking (`Turkey - $53.1 million`).
- EQUALS: a money figure right after another in a different currency (`(about $7.9 billion)`).
- COMPARED_TO: for changes and indices only, the base after a comparison cue (a figure before
  a period's figure in brackets, or the period), else the paragraph's last base for a change.
  A level next to an earlier level (`rose to 34.19% from 33.95%`, `stood at 3.8%, compared
  with 3.7%`) has none.

It writes `doc._.relations`, `doc._.facts` and the linked INDICATOR/PERIOD spans in
`doc.spans[spans_key]`. Cue words are data (`lexicons/relation_cues.jsonl`).
"""
import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Any, Callable

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import register_extensions
from .figure_normalizer import only_linking_words
from .lexicon import FigureLexicon
from .lexicon_pipe import LexiconPipe
from .periods import SPLIT_YEAR, PeriodWords, resolve_period
from .segments import Segments

YEAR = re.compile(r"(?:19|20)\d\d")
DATE_PREFIX = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\s")
CUE_WINDOW = 3  # tokens before a period or place searched for a comparison or partner cue
PLACE_QUALIFIERS = {"based", "headquartered", "listed", "registered", "owned", "made", "born", "bound"}
COMPLEMENT_PREPOSITIONS = {"on", "of", "from", "for", "under"}
REVISION_WORDS = {"revised", "up", "down", "upwardly", "downwardly"}  # `revised up from`: `up from` is a cue of its own
# Words between a figure and the period it owns: a preposition, and a basis such as `y/y` or `year-on-year`.
OWNER_GAP_WORDS = {"in", "for", "during", "at", "on", "y", "/", "m", "q", "yoy", "mom", "qoq", "year", "-", "month", "quarter"}
MAX_OWNER_GAP = 6
RECORDED_VERBS = {"recorded", "registered", "observed", "noted", "seen", "posted"}  # `N was recorded in X`
MAX_LINK_WORDS = 4  # `7.4 percent, was recorded in Sulawesi`
PERIOD_ONLY_CUES = {("on",)}  # `up 6% on a year earlier` compares; `on $3 billion of sales` names no base
DATELINE_TOKENS = 16  # a dateline ends with a sentence or a dash within this many tokens
LEVEL_REACH = 7  # clause words before a figure searched for `to ... of` (`to an 11-month low of`)
DIRECTION_AFTER = 2  # tokens after a figure searched for `more`, `less`, `higher`
SHARE_AFTER = 3  # tokens after a figure searched for `of the total`
SHARE_BEFORE = 4  # tokens before a figure searched for `accounted for`, `made up`
CONTRAST_CONJUNCTIONS = {"but", "whereas", "although"}  # `while` often joins parallel clauses
CLAUSE_CONJUNCTIONS = {"and", "while"} | CONTRAST_CONJUNCTIONS
PERIOD_CACHE_SIZE = 10_000  # resolved (period text, publication date, reference) triples kept


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

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]], indicator_rows: list[dict[str, Any]]) -> "Cues":
        def texts(role: str) -> list[str]:
            return [row["text"].lower() for row in rows if row["role"] == role]

        def phrases(role: str) -> tuple[tuple[str, ...], ...]:
            return tuple(sorted((tuple(text.split()) for text in texts(role)), key=len, reverse=True))

        return cls(
            comparison=phrases("comparison"),
            partner=frozenset(texts("partner")),
            up=frozenset(texts("up")),
            down=frozenset(texts("down")),
            up_after=frozenset(texts("up_after")),
            down_after=frozenset(texts("down_after")),
            share=phrases("share"),
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


@dataclass
class Figure:
    """A figure being linked: its span, its dict from `doc._.figures`, and what was found."""

    span: Span
    data: dict[str, Any]
    indicator: Span | None = None
    period: Span | None = None
    region: Span | None = None
    equals: "Figure | None" = None
    base: "Span | Figure | None" = None
    kind: str = "level"
    direction: str | None = None
    sentence: str = ""
    links: dict[str, Any] = field(default_factory=dict)


@Language.factory(
    "figure_relations",
    assigns=["doc._.relations", "doc._.facts", "doc.spans"],
    default_config={"candidates_key": "concept_candidates", "spans_key": "concepts"},
)
def make_figure_relations(nlp: Language, name: str, candidates_key: str, spans_key: str) -> "FigureRelations":
    """Build the relation component; its cue lexicon is loaded by `initialize` or `from_disk`."""
    return FigureRelations(nlp, name, candidates_key=candidates_key, spans_key=spans_key)


class FigureRelations(LexiconPipe):
    """Links figures to indicators, periods, regions, equivalents and bases; see the module docstring."""

    def __init__(
        self, nlp: Language, name: str = "figure_relations", *, candidates_key: str = "concept_candidates", spans_key: str = "concepts"
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.candidates_key = candidates_key
        self.spans_key = spans_key

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Index the hedges, period words and relation cues."""
        self.hedges = FigureLexicon(tables).hedge_kinds
        self.cues = Cues.from_rows(tables["relation_cues"], tables["indicators"])
        self.share_texts = tuple(" ".join(phrase) for phrase in self.cues.share)
        self.period_words = PeriodWords.from_rows(tables["periods"])
        self._period_dates: dict[tuple[str, date | None, tuple[date, date] | None], tuple[date, date] | None] = {}

    def period_dates(
        self, text: str, published: date | None, reference: tuple[date, date] | None = None
    ) -> tuple[date, date] | None:
        """`resolve_period` with the period lexicon, remembered (the same period texts recur)."""
        key = (text, published, reference)
        if key not in self._period_dates:
            if len(self._period_dates) >= PERIOD_CACHE_SIZE:
                self._period_dates.clear()
            self._period_dates[key] = resolve_period(text, self.period_words, published, reference)
        return self._period_dates[key]

    def find(self, doc: Doc) -> tuple[list[Figure], Segments]:
        """Find every figure's indicator, period, region, equivalent, base, kind and direction."""
        published = parse_date((doc._.meta or {}).get("date"))
        view = DocView(doc, self.candidates_key, self.cues, lambda period: self.period_dates(period.text, published) or period.text.lower())
        figures = [
            Figure(span, data, sentence=view.sentences.text(span.start))
            for data in doc._.figures or ()
            if (span := doc.char_span(data["start"], data["end"], label=data["label"])) is not None
        ]
        paragraph_bases: dict[int, Span | Figure] = {}
        paragraph_regions: dict[int, Span] = {}
        for index, figure in enumerate(figures):
            previous = figures[index - 1] if index else None
            indicator = view.indicator_for(figure.span)
            self.classify(figure, previous if previous and view.same_sentence(previous.span, figure.span) else None, view, indicator)
            if previous and previous.data["label"] == "MONEY" == figure.data["label"] and previous.data["unit"] != figure.data["unit"]:
                if only_linking_words(previous.span, figure.span, self.hedges) or view.bracketed_after_indicator(previous.span, figure.span):
                    figure.equals = previous
            if figure.equals is not None:
                figure.indicator, figure.period, figure.region = figure.equals.indicator, figure.equals.period, figure.equals.region
            else:
                figure.indicator = indicator
                figure.period = view.period_for(figure.span, figure.indicator)
                figure.region = view.region_for(figure.span, figure.indicator, paragraph_regions.get(view.paragraph(figure.span)))
            if figure.region is not None:
                paragraph_regions[view.paragraph(figure.span)] = figure.region
        for group in view.respective_groups(figures):
            for attribute, mentions in (("region", view.regions), ("indicator", view.indicators)):
                for figure, mention in zip(group, view.coordinated_before(mentions, group)):
                    setattr(figure, attribute, mention)
        for figure in figures:
            if figure.equals is not None:
                continue  # an equivalent is compared with nothing of its own
            if figure.kind == "level" and view.own_cue(figure.span):
                base = view.base_for(figure, figures)
                if isinstance(base, Span):  # `it was 0.1% compared to the previous year`: a change on that period
                    figure.kind, figure.base = "change", base
                continue  # a level next to a level has no base
            if figure.kind not in ("change", "index"):
                continue
            figure.base = view.base_for(figure, figures)
            paragraph = view.paragraph(figure.span)
            if figure.base is not None:
                paragraph_bases[paragraph] = figure.base
            elif figure.kind == "change" and not (figure.period is not None and view.same_sentence(figure.period, figure.span)) and not view.own_cue(figure.span):
                figure.base = paragraph_bases.get(paragraph)  # a list continuing the previous sentence; not `£5.8bn less than forecast`
        return figures, view.sentences

    def classify(self, figure: Figure, previous: Figure | None, view: "DocView", indicator: Span | None) -> None:
        """Set `kind` (level, change, share, index, rate) and `direction` (up, down, None) from the wording.

        The words read are those of the figure's clause: since the previous figure of the
        sentence, cut at `, and` / `, while` / `;`; plus the two words after it (`4.6 percent
        more`). A share phrase is read close to the figure (`accounted for`, `of the total`).
        """
        doc = figure.span.doc
        if view.is_base_figure(figure.span.start) or view.after_comparison_period(figure.span):
            figure.kind, figure.direction = "level", None  # `from ... 2022 ($24.2 billion)`: the base itself
            return
        start = clause_start(view.words, previous.span.end if previous else view.sentence_start(figure.span), figure.span.start)
        before = [[view.words[token.i], token.lemma_.lower()] for token in doc[start : figure.span.start]]
        after = []
        end = view.past_restatement(view.past_equivalent(figure.span.end))  # `613 billion tenge (US$1.3 billion) more`
        for token in doc[end : min(end + DIRECTION_AFTER, view.sentence_end(figure.span))]:
            if token.is_punct:
                break
            after.append(token.lower_)  # `4.6 percent more than`, not `, down 22.4 percent`
        near = " ".join([forms[0] for forms in before[-SHARE_BEFORE:]] + view.words[figure.span.end : figure.span.end + SHARE_AFTER])
        share = next((text for text in self.share_texts if text in near), None)
        words = {word for forms in before for word in forms} | set(after)
        if share:
            words -= set(share.split())  # `made up` is no rise
        rising, falling = self.cues.up & words or self.cues.up_after & set(after), self.cues.down & words or self.cues.down_after & set(after)
        direction = "up" if rising else "down" if falling else None
        if figure.data.get("value") is not None and figure.data["value"] < 0:
            direction = "down"
        if self.states_level(before) and after[:1] != ["more"]:
            direction = None  # `rose to 8.7%`, `eased to an 11-month low of 6.1 percent`: the new level, not the change
        indicator_words = set(indicator.text.lower().split()) if indicator is not None else set()
        if share and not direction:
            figure.kind = "share"
        elif direction or figure.data.get("unit") == "x":
            figure.kind = "change"
        elif previous is not None and previous.kind in ("change", "share") and (
            continues_list([forms[0] for forms in before]) or relative_form(before) or elliptic_change(before)
            or (before[-1:] and before[-1][0] == "and" and view.cue_at(end) is not None)  # `over Q1 and 31.4 per cent compared to Q2`
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
        changes = self.cues.up | self.cues.down | self.cues.change_nouns
        return not any(forms[0] in changes or forms[1] in changes for forms in before[-LEVEL_REACH:][index + 1 :])

    def set_annotations(self, doc: Doc, found: tuple[list[Figure], Segments]) -> None:
        """Write `doc._.relations`, `doc._.facts` and the linked INDICATOR/PERIOD spans."""
        figures, sentences = found
        published = parse_date((doc._.meta or {}).get("date"))
        relations: list[dict[str, Any]] = []
        linked: dict[tuple[int, int], Span] = {}
        candidates = list(doc.spans[self.candidates_key]) if self.candidates_key in doc.spans else []
        for figure in figures:
            base = figure.base
            head = span_ref(figure.span)
            children = {
                "INDICATOR": figure.indicator,
                "PERIOD": figure.period,
                "REGION": figure.region,
                "EQUALS": figure.equals.span if figure.equals else None,
                "COMPARED_TO": base.span if isinstance(base, Figure) else base,
            }
            for label, child in children.items():
                if child is None:
                    continue
                relations.append({"head": dict(head), "child": span_ref(child), "label": label})
                if child.label_ in ("INDICATOR", "PERIOD"):
                    linked[(child.start, child.end)] = child
        for alias in aliases(candidates):
            if (alias[1].start, alias[1].end) in linked:
                linked[(alias[0].start, alias[0].end)] = alias[0]
        doc.spans[self.spans_key] = sorted(linked.values(), key=lambda span: span.start)
        doc._.relations = relations
        periods = [span for span in candidates if span.label_ == "PERIOD"]
        absolute = {(p.start, p.end): self.period_dates(p.text, published) for p in periods}
        anchors = [(p, sentences.start(p.start)) for p in periods if absolute[(p.start, p.end)] is not None]

        def resolve(period: Span | None, reference: tuple[date, date] | None = None) -> tuple[date, date] | None:
            """A period's dates; one that refers to another (`the same period of 2023`) takes the nearest fixed one as reference."""
            if period is None:
                return None
            found = absolute.get((period.start, period.end))
            if found is None:
                reference = reference or anchor_range(period, sentences.start(period.start), anchors, absolute)
                found = self.period_dates(period.text, published, reference) if reference else None
            return found

        doc_id = doc._.doc_id
        doc._.facts = [self.fact(doc_id, figure, resolve) for figure in figures]

    def fact(self, doc_id: Any, figure: Figure, resolve: Callable[..., tuple[date, date] | None]) -> dict[str, Any]:
        """One plain dict per figure: what, how much, when, where, against what."""
        own = resolve(figure.period)
        base = figure.base
        base_period = resolve(base, own) if isinstance(base, Span) else None
        data = figure.data
        return {
            "doc_id": doc_id,
            "start": data["start"],
            "end": data["end"],
            "text": data["text"],
            "label": data["label"],
            "value": data["value"],
            "unit": data["unit"],
            "approx": data.get("approx"),
            "low": data.get("low"),
            "high": data.get("high"),
            "kind": figure.kind,
            "direction": figure.direction,
            "indicator": figure.indicator.text if figure.indicator is not None else None,
            "period": figure.period.text if figure.period is not None else None,
            "period_start": own[0].isoformat() if own else None,
            "period_end": own[1].isoformat() if own else None,
            "region": figure.region.text if figure.region is not None else None,
            "equals": figure.equals.data["text"] if figure.equals else None,
            "equals_value": figure.equals.data["value"] if figure.equals else None,
            "equals_unit": figure.equals.data["unit"] if figure.equals else None,
            "compared_to": (base.data["text"] if isinstance(base, Figure) else base.text) if base is not None else None,
            "compared_to_value": base.data["value"] if isinstance(base, Figure) else None,
            "compared_to_period_start": base_period[0].isoformat() if base_period else None,
            "compared_to_period_end": base_period[1].isoformat() if base_period else None,
            "sentence": figure.sentence,
        }


class DocView:
    """The mentions of one Doc (indicators, periods, places, figures) with sentence and paragraph lookups."""

    def __init__(self, doc: Doc, candidates_key: str, cues: Cues, meaning: Callable[[Span], Any]) -> None:
        """`meaning` gives what a period means (its dates, else its words), to tell whether earlier periods agree."""
        self.doc = doc
        self.cues = cues
        self.meaning = meaning
        strings = doc.vocab.strings
        self.words = [strings[lower] for lower in doc.to_array(LOWER).tolist()]
        self.sentences = Segments(doc, self.words)
        self.cue_starts: dict[int, tuple[str, ...]] = {}  # token index -> the longest comparison cue starting there
        self.cue_ends: dict[int, list[tuple[int, tuple[str, ...]]]] = {}  # token index -> (start, cue) of the cues ending there
        for start, phrase in self.find_phrases(cues.comparison):
            if start and self.words[start - 1] in REVISION_WORDS:
                continue  # `(revised from 0.2%)` corrects a figure; it does not compare
            self.cue_starts.setdefault(start, phrase)
            self.cue_ends.setdefault(start + len(phrase), []).append((start, phrase))
        candidates = list(doc.spans[candidates_key]) if candidates_key in doc.spans else []
        alias_of = {(alias.start, alias.end) for alias, _ in aliases(candidates)}
        self.indicators = [s for s in candidates if s.label_ == "INDICATOR" and (s.start, s.end) not in alias_of]
        self.indicator_tokens = {index for s in self.indicators for index in range(s.start, s.end)}
        dateline_end = dateline_length(doc)
        self.ents = list(doc.ents)  # spaCy builds the spans on every access
        self.figure_spans = [e for e in self.ents if e.label_ in ("MONEY", "PERCENT")]
        self.figure_starts = [e.start for e in self.figure_spans]
        self.figure_by_start = {e.start: e for e in self.figure_spans}
        self.figure_by_end = {e.end: e for e in self.figure_spans}
        self.by_sentence: dict[int, dict[int, list[Span]]] = {}
        self.base_figures: dict[int, bool] = {}  # figure start -> is_base_figure, as found
        self.owners: dict[int, int | None] = {}  # period start -> owner, as found
        periods = [s for s in candidates if s.label_ == "PERIOD" and s.start >= dateline_end]
        restated = [(first, second) for first, second in zip(periods, periods[1:]) if restates(first, second)]
        self.restated_at = {first.start: second for first, second in restated}  # start of a restated period -> its restatement
        self.periods = [s for s in periods if s.start not in self.restated_at and not self.is_record_span(s) and not self.is_report_date(s)]
        self.comparison = {(s.start, s.end) for s in self.periods if self.is_comparison(s)}
        self.comparison |= {(second.start, second.end) for first, second in restated if self.is_comparison(first)}
        self.comparison_ends = {end for _, end in self.comparison}
        places = [s for s in self.ents if s.label_ == "REGION" and s.start >= dateline_end and not describes_a_noun(s)]
        self.home = places[0].kb_id_ if places else ""  # the economy the article opens on
        self.regions = [s for s in places if not self.is_partner(s) and not self.is_listed_partner(s)]

    def paragraph(self, span: Span) -> int:
        return self.sentences.paragraph(span.start)

    def sentence(self, span: Span) -> int:
        return self.sentences.index(span.start)

    def sentence_start(self, span: Span) -> int:
        return self.sentences.start(span.start)

    def sentence_end(self, span: Span) -> int:
        return self.sentences.end(span.start)

    def same_sentence(self, first: Span, second: Span) -> bool:
        return self.sentence(first) == self.sentence(second)

    def cues_before(self, span: Span) -> set[tuple[str, ...]]:
        """The comparison cues ending within `CUE_WINDOW` tokens before the span, within its sentence
        and the `CUE_WINDOW + 2` tokens before it."""
        start = max(self.sentence_start(span), span.start - CUE_WINDOW - 2)
        return {
            phrase
            for end in range(span.start, max(span.start - CUE_WINDOW, start), -1)
            for first, phrase in self.cue_ends.get(end, ())
            if first >= start
        }

    def is_record_span(self, period: Span) -> bool:
        """Whether a period only measures a record (`its lowest in nearly two months`, `the third increase in two years`)."""
        index = period.start - 1
        while index > 0 and self.words[index] in ("nearly", "almost", "about", "over", "more", "than", "some"):
            index -= 1
        if self.words[index] != "in":
            return False
        window = self.words[max(self.sentence_start(period), index - 3) : index]
        return any(word in self.cues.record_words for word in window)

    def is_report_date(self, period: Span) -> bool:
        """Whether a day is the date of a report, not of a figure (`published Tuesday (Dec. 12)`, `said on Jan. 5`):
        a day after `on` or a weekday that no figure owns, in a sentence that decides no rate."""
        if not any(token.like_num and len(token.text) <= 2 for token in period) or period.start == 0:
            return False
        before = self.words[max(0, period.start - 2) : period.start]
        if not (before[-1:] == ["on"] or any(word in self.cues.weekdays for word in before)):
            return False
        sentence = self.words[self.sentence_start(period) : self.sentence_end(period)]
        return self.owner(period) is None and not self.cues.rate_words & set(sentence)

    def is_comparison(self, period: Span) -> bool:
        """Whether a period is a comparison base (`compared to 2022`, `than from January to December 2022`), not `from January through March`."""
        cues = self.cues_before(period)
        reach = period.start
        while reach > self.sentence_start(period) and period.start - reach < 6 and (
            self.words[reach - 1] in self.cues.base_skip or reach - 1 in self.indicator_tokens
        ):
            reach -= 1  # `compared to the amount recorded in the second quarter`, `than in the approved budget for 2026`
        for end in range(reach, period.start - CUE_WINDOW):
            cues |= {phrase for _, phrase in self.cue_ends.get(end, ())}
        if cues - {("from",), ("over",), ("on",)}:
            return True
        words = {token.lower_ for token in period}
        if words & {"-", "–", "—", "through", "to", "till", "until"} and not SPLIT_YEAR.fullmatch(period.text):
            return False  # `from January through February 2024` is the figure's own period; `on 2023-24` compares
        shifted = bool(words & {"last", "previous", "prior", "earlier", "ago"}) or any(YEAR.fullmatch(t.text) for t in period)
        # `over the same period last year`, `up 6% on a year earlier`; not `over the six months`, `on average in 2026`
        right_after_on = period.start > 0 and self.words[period.start - 1] == "on"
        return ("from",) in cues or (shifted and (("over",) in cues or right_after_on))

    def is_partner(self, region: Span) -> bool:
        """Whether a place is a trade partner (`exports to China`, `trade with the EU`).

        After an inflow (`remittances to Kenya`, `investment into Kazakhstan`), `to`/`into`
        mark the economy that receives, which is the place the figure describes.
        """
        index = region.start - 1
        while index > 0 and self.words[index] in self.cues.partner_skip:
            index -= 1
        if index < 0 or self.words[index] not in self.cues.partner:
            return False
        if self.words[index] in ("to", "into"):
            return not any(word in self.cues.inflows for word in self.words[max(self.sentence_start(region), index - 4) : index])
        return True

    def is_listed_partner(self, region: Span) -> bool:
        """Whether a place of another economy than the article's heads an entry of a list or ranking
        (`Uzbekistan - $122.6 million (10.4 percent)`, `Turkey ($53.1 million)`, `Russia is in second place`)."""
        if not region.kb_id_ or not self.home or region.kb_id_ == self.home:
            return False
        following = self.words[region.end : region.end + 4]
        if following[:1] in (["-"], ["–"], ["—"], [":"], ["("]):
            return region.end + 1 in self.figure_by_start
        return following[:2] == ["is", "in"] and "place" in following

    def in_sentence(self, spans: list[Span], span: Span) -> list[Span]:
        """The spans of `spans` in the sentence of `span` (indexed once per list)."""
        key = id(spans)
        if key not in self.by_sentence:
            buckets: dict[int, list[Span]] = {}
            for item in spans:
                buckets.setdefault(self.sentence(item), []).append(item)
            self.by_sentence[key] = buckets
        return self.by_sentence[key].get(self.sentence(span), [])

    def earlier_in_paragraph(self, spans: list[Span], span: Span) -> list[Span]:
        paragraph = self.paragraph(span)
        return [s for s in spans if s.end <= span.start and self.paragraph(s) == paragraph]

    def indicator_for(self, span: Span) -> Span | None:
        """The indicator a figure measures; see the module docstring."""
        same = self.in_sentence(self.indicators, span)
        recorded = self.recorded_in(span, same)
        before = [s for s in same if s.end <= span.start and not self.in_aside(s, span) and not self.is_denominator(s)]
        if recorded is not None and (not before or before[-1][-1].lower_ in self.cues.change_nouns):
            return recorded  # `Growth of 7.2 percent was recorded in industrial production`
        named = self.named_after(span, same)
        if named is not None:
            return named  # `a 40.7 billion yen ($388 million) trade deficit`
        if before:
            return self.refer_back(self.subject_of(before, span), span)
        after = [
            s for s in same
            if s.start >= span.end and self.linked_by(span, s, self.cues.figure_indicator_links) and not is_whole_of_share(span, s)
        ]
        if after:
            return after[0]  # `$5 billion in exports`
        earlier = self.earlier_in_paragraph(self.indicators, span)
        return earlier[-1] if earlier else None

    def past_equivalent(self, index: int) -> int:
        """Token `index`, or the token after the bracketed figure that starts there (`($388 million)`)."""
        if self.words[index : index + 1] == ["("] and index + 1 in self.figure_by_start:
            return self.figure_by_start[index + 1].end + 1
        return index

    def past_restatement(self, index: int) -> int:
        """Token `index`, or the token after a relative form in commas that starts there (`4.6%, or 1.66 billion manats, more`)."""
        inner = self.figure_by_start.get(index + 2)
        if self.words[index : index + 2] == [",", "or"] and inner is not None and self.words[inner.end : inner.end + 1] == [","]:
            return inner.end + 1
        return index

    def bracketed_after_indicator(self, first: Span, second: Span) -> bool:
        """Whether a figure stands in brackets after another and the indicator it names (`the 188 billion tenge
        surplus ($421.5 million)`)."""
        between = range(first.end, second.start - 1)
        return (
            second.start - 1 > first.end and self.words[second.start - 1] == "("
            and all(index in self.indicator_tokens for index in between)
        )

    def named_after(self, span: Span, same: list[Span]) -> Span | None:
        """The indicator a figure stands before as its determiner's number (`a 5.2 percent economic growth`, `the
        823.2 million yen ($7 million) surplus`), skipping an equivalent in brackets."""
        if span.start == 0 or self.words[span.start - 1] not in ("a", "an", "the"):
            return None
        index = self.past_equivalent(span.end)
        return next((s for s in same if s.start == index and s[-1].lower_ not in self.cues.change_nouns), None)

    def subject_of(self, before: list[Span], span: Span) -> Span:
        """The indicator of the figure's clause among those before it: the nearest, unless it sits in a phrase
        (`in global trade`, `to the country's budget`) after a subject of the same clause with no figure between."""
        chosen = self.last_indicator(before)
        if not self.in_phrase(chosen) or len(before) < 2:
            return chosen
        for other in reversed(before[: before.index(chosen)]):
            if self.figure_between(other, chosen) or other[-1].lower_ in self.cues.change_nouns:
                break
            if not self.in_phrase(other) and not (len(other) == 1 and other.text.lower() in self.cues.measure_words):
                return other  # not a bare measure: `the largest share in the trade turnover` is a share of the turnover
        return chosen

    def in_phrase(self, mention: Span) -> bool:
        """Whether a mention follows a preposition, past its determiners, possessor and year (`in the 2024-25 budget`)."""
        index = mention.start - 1
        floor = self.sentence_start(mention)
        while index > floor:
            word = self.words[index]
            if word in ("the", "a", "an", "its", "their", "-", "–") or self.doc[index].like_num:
                index -= 1
            elif word in ("'s", "’s") and index - 1 > floor:
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
        while index > 0 and (self.words[index] in ("y", "o", "-", "yoy") or self.words[index].isspace() or self.words[index] in self.cues.record_words):
            index -= 1  # `a y-o-y growth`, `the biggest share`
        determined = index >= 0 and self.words[index] in ("the", "this", "that", "its", "their", "a")
        if not determined and len(mention) == 1:
            return mention  # `projects growth of 4 percent`: growth is the only noun
        paragraph = self.paragraph(span)
        earlier = [s for s in self.indicators if s.end <= mention.start and paragraph - self.paragraph(s) <= 1 and not self.is_bare(s)]
        return earlier[-1] if earlier else mention

    def is_bare(self, mention: Span) -> bool:
        """Whether a mention names no quantity of its own: a change (`the y-o-y growth`) or a lone measure (`share`)."""
        if len(mention) == 1 and mention[0].lower_ in self.cues.bare_measures:
            return True
        return all(token.lower_ in self.cues.change_nouns or token.lower_ in self.cues.basis_words for token in mention)

    def recorded_in(self, span: Span, same: list[Span]) -> Span | None:
        """The indicator named after `N was recorded in` (`... in Chile's consumer price index`), if any."""
        words, index = self.words, span.end
        index += words[index : index + 1] == [","] or bool(self.cues.change_nouns & set(words[index : index + 1]))  # `12.4% growth was registered in`
        if words[index : index + 1] not in (["was"], ["were"]) or words[index + 1 : index + 3] not in ([verb, "in"] for verb in RECORDED_VERBS):
            return None
        index += 3
        region = next((r for r in self.ents if r.start == index and r.label_ == "REGION"), None)
        if region is not None and words[region.end : region.end + 1] in (["'s"], ["’s"]):
            index = region.end + 1
        return next((s for s in same if s.start == index), None)

    def respective_groups(self, figures: list["Figure"]) -> list[list["Figure"]]:
        """Runs of figures joined by `and` or commas and followed by `respectively` (`S/ 1.21 billion and S/ 870 mln respectively`)."""
        groups: list[list[Figure]] = []
        run: list[Figure] = []
        for figure in figures:
            if run and set(self.words[run[-1].span.end : figure.span.start]) <= {",", "and"} and self.same_sentence(run[-1].span, figure.span):
                run.append(figure)
            else:
                run = [figure]
            end = figure.span.end
            if len(run) > 1 and "respectively" in self.words[end : end + 2]:
                groups.append(list(run))
        return groups

    def coordinated_before(self, mentions: list[Span], group: list["Figure"]) -> list[Span]:
        """The last mentions before a group of figures in its sentence, as many as the figures, if they are
        joined by `and` or commas (`Arequipa and Cusco received ...`); else none."""
        before = [m for m in self.in_sentence(mentions, group[0].span) if m.end <= group[0].span.start][-len(group):]
        joined = all(set(self.words[a.end : b.start]) <= {",", "and"} for a, b in zip(before, before[1:]))
        return before if len(before) == len(group) and joined else []

    def last_indicator(self, before: list[Span]) -> Span:
        """The indicator the last of `before` stands for: itself, or the one it completes
        (`Net interest on the public debt topped $1 trillion`)."""
        if len(before) > 1 and self.complements(before[-2], before[-1]):
            return before[-2]
        return before[-1]

    def complements(self, head: Span, other: Span) -> bool:
        """Whether an indicator only completes the one before it (`interest on the public debt`, `revenue from export duties`)."""
        between = [token.lower_ for token in self.doc[head.end : other.start]]
        return (
            0 < len(between) <= 2
            and between[0] in COMPLEMENT_PREPOSITIONS
            and all(word in ("the", "a", "an") for word in between[1:])
            and head[-1].lower_ not in self.cues.change_nouns
        )

    def in_aside(self, mention: Span, figure: Span, *, bracket_needs_figure: bool = False) -> bool:
        """Whether a mention sits in an aside closed before the figure (`Core inflation, which excludes food prices, rose`,
        `fell by 5.5% (against 25.1% growth in the previous year), amounting to N`)."""
        words = self.words  # lower-cased: the same as the text for `,`
        if mention.end <= figure.start and in_brackets(words, self.sentence_start(mention), mention.start) and ")" in words[mention.end : figure.start]:
            opening = max(i for i in range(self.sentence_start(mention), mention.start) if words[i] == "(")
            closing = mention.end + words[mention.end : figure.start].index(")")
            # a period in brackets (`in the financial year (April 2017 to March 2018) was N`) is an aside only beside a figure of its own
            return not bracket_needs_figure or self.figure_between(self.doc[opening : opening + 1], self.doc[closing : closing + 1])
        opener = next(
            (i for i in range(mention.start - 1, self.sentence_start(mention), -1) if words[i] == "," or words[i] in self.cues.aside_openers and words[i - 1] == ","),
            None,
        )
        if opener is None or words[opener] == ",":
            return False
        return "," in words[mention.end : figure.start]

    def figure_between(self, first: Span, second: Span) -> bool:
        """Whether a figure lies wholly between two spans."""
        index = bisect.bisect_left(self.figure_starts, first.end)
        return index < len(self.figure_spans) and self.figure_spans[index].end <= second.start

    def period_for(self, span: Span, indicator: Span | None) -> Span | None:
        """The period a figure refers to; see the module docstring."""
        same = self.in_sentence(self.periods, span)
        if indicator is not None:
            modifying = next((p for p in same if p.end == indicator.start and (p.start, p.end) not in self.comparison), None)
            owns = any(self.owner(p) == span.start for p in same)
            crossed = any(indicator.end <= p.start and p.end <= span.start for p in same)  # `while three years ago it was N`
            if modifying is not None and indicator.end <= span.start and not (owns or crossed or self.is_base_figure(span.start)):
                return modifying  # `the 2024 GDP per capita would be $8,500`
        for period in same:
            if period.end < span.start and only_brackets_between(period, span):
                return period
        if self.is_base_figure(span.start):  # `versus USD 390 a year earlier`: the base's own period, though a comparison one
            owned = [p for p in same if self.owner(p) == span.start]
            if owned:
                return owned[0]
        eligible = [
            p for p in same
            if (p.start, p.end) not in self.comparison and not self.other_indicator_between(p, span, indicator) and not self.in_aside(p, span, bracket_needs_figure=True)
            and not (span.end <= p.start and contrasts(self.words, span.end, p.start))  # a period of the next `, but` clause
        ]
        owners = {(p.start, p.end): self.owner(p) for p in eligible}
        own = [p for p in eligible if owners[(p.start, p.end)] in (None, span.start)]
        shared = [p for p in eligible if owners[(p.start, p.end)] is not None and not self.is_base_figure(owners[(p.start, p.end)])]
        if self.is_base_figure(span.start):
            shared = []  # `to 6.5 percent in FY26 from 9 percent`: the new level's period is not the base's own
        for choice in (own, shared):  # `cut by 1.5 points to 12% in March`: the period of the new level holds for the cut
            if choice:
                return min(choice, key=lambda p: (distance(p, span), p.start < span.start))
        earlier = [
            p for p in self.earlier_in_paragraph(self.periods, span)
            if (p.start, p.end) not in self.comparison and not self.owned_by_base(p) and not self.in_aside(p, span, bracket_needs_figure=True)
        ]
        return earlier[-1] if earlier and len({self.meaning(p) for p in earlier}) == 1 else None  # none when they differ

    def owned_by_base(self, period: Span) -> bool:
        """Whether a period belongs to a comparison base (`up from 4.97 percent in the second quarter`)."""
        owner = self.owner(period)
        return owner is not None and self.is_base_figure(owner)

    def after_comparison_period(self, span: Span) -> bool:
        """Whether a figure stands in brackets right after a comparison period (`than in 2022 ($13 billion)`)."""
        return span.start - 1 in self.comparison_ends and self.words[span.start - 1] == "("

    def other_indicator_between(self, first: Span, second: Span, indicator: Span | None) -> bool:
        """Whether an indicator other than the figure's stands between two spans (another clause)."""
        left, right = (first, second) if first.start < second.start else (second, first)
        return any(
            left.end <= s.start and s.end <= right.start and s != indicator and not self.is_denominator(s) and self.refer_back(s, s) == s
            for s in self.indicators  # `the growth` that refers back names no other quantity
        )

    def is_denominator(self, indicator: Span) -> bool:
        """Whether an indicator is a ratio's denominator (`0.9 percent of GDP`, `20.4 percent of the country's total exports`)."""
        index = indicator.start - 1
        while index > 0 and self.words[index] in ("the", "total", "its", "their", "'s", "’s", "country", "nation"):
            index -= 1  # `20.4 percent of the country's total exports`
        return index >= 1 and self.words[index] == "of" and index in self.figure_by_end

    def is_base_figure(self, start: int) -> bool:
        """Whether the figure starting at token `start` follows a comparison cue (`from $31.5m`)."""
        if start not in self.base_figures:
            self.base_figures[start] = bool(self.cues_before(self.figure_by_start[start]))
        return self.base_figures[start]

    def owner(self, period: Span) -> int | None:
        """The start of the figure a period belongs to by position (`$31.5m a year earlier`, `8.5 percent in May`,
        `4.9% y/y in September`, `$11.7bn on January 3`, `October's 0.24 percent`, `in 2015 – 4.6%`); remembered per period start."""
        start = period.start
        if start not in self.owners:
            self.owners[start] = self.owner_before(start)
            after = self.words[period.end : period.end + 1]
            if self.owners[start] is None and after in (["'s"], ["’s"], ["-"], ["–"], ["—"], [":"]) and period.end + 1 in self.figure_by_start:
                self.owners[start] = period.end + 1  # `October's 0.24 percent`, `in 2015 – 4.6%`
        return self.owners[start]

    def owner_before(self, start: int) -> int | None:
        """The start of a figure ending at most `MAX_OWNER_GAP` owner-gap words before token `start`, past its
        equivalent in brackets."""
        for gap in range(0, MAX_OWNER_GAP + 1):
            end = start - gap
            between = self.words[end:start]
            if end in self.figure_by_end and all(word in OWNER_GAP_WORDS for word in between) and between[-1:] != ["-"]:
                return self.figure_by_end[end].start
            if between[:1] == [")"] and end in self.figure_by_end and all(word in OWNER_GAP_WORDS for word in between[1:]):
                inner = self.figure_by_end[end]  # `₾27 billion ($9.95bln) in 2012`: the period is the outer figure's
                if inner.start >= 2 and self.words[inner.start - 1] == "(" and inner.start - 1 in self.figure_by_end:
                    return self.figure_by_end[inner.start - 1].start
        return None

    def region_for(self, span: Span, indicator: Span | None, carried: Span | None) -> Span | None:
        """The place a figure describes; see the module docstring."""
        same = self.in_sentence(self.regions, span)
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
        earlier = self.earlier_in_paragraph(self.regions, span)
        return earlier[-1] if earlier else None

    def linked_by(self, first: Span, second: Span, links: frozenset[str]) -> bool:
        """Whether only link words (at most `MAX_LINK_WORDS`) stand between two spans, in either order."""
        left, right = (first, second) if first.end <= second.start else (second, first)
        between = self.words[left.end : right.start]
        if between[:1] == [","] and between[1:2] in (["was"], ["were"]):
            between = between[1:]  # `7.4 percent, was recorded in Sulawesi`, not `KZT751bn, in Karaganda region`
        return left.end <= right.start and len(between) <= MAX_LINK_WORDS and all(word in links for word in between)

    def base_for(self, figure: Figure, figures: list[Figure]) -> Span | Figure | None:
        """What a change is compared with, found after a comparison cue in its sentence: its own clause first
        (`rose 0.29% from the previous month and 2.63% from the same month last year`), then a lead clause's."""
        sentence_end = self.sentence_end(figure.span)
        by_start = {f.span.start: f for f in figures}
        periods = {p.start: p for p in self.in_sentence(self.periods, figure.span)}
        following = next((f.span.start for f in figures if f.span.start >= figure.span.end), sentence_end)
        clause_end = min(following, sentence_end)
        order = chain(range(figure.span.end, clause_end), range(self.sentence_start(figure.span), figure.span.start), range(clause_end, sentence_end))
        for index in order:
            phrase = self.cue_at(index)
            if phrase is None or contrasts(self.words, min(index, figure.span.start), max(index, figure.span.end)):
                continue  # not `rose 3.6% compared to 2014, but in 2014 the growth was 4.8%`
            lead = index < figure.span.start and not any(index < f.span.start < figure.span.start for f in figures)
            if not (lead or self.same_indicator_at(index, figure)):  # a lead clause's base holds for its components
                continue
            position = index + len(phrase)
            while position < sentence_end:
                if position in self.restated_at:
                    position = self.restated_at[position].start  # `than in the previous financial year (April 2016 to March 2017)`
                if position in by_start and by_start[position] is not figure and phrase not in PERIOD_ONLY_CUES:
                    base = by_start[position]
                    following = next((w for w in self.words[base.span.end : base.span.end + 3] if not w.isspace()), "")
                    if following in self.cues.change_nouns or base.data.get("unit") == "x" or (figure.data.get("unit") == "%" and base.data["label"] == "PERCENT"):
                        return None  # `grew 0.2%, compared with 0.3% a year earlier`: a rate beside a rate, not its base
                    return base
                period = periods.get(position)
                if period is not None and (period.start, period.end) in self.comparison:
                    follower = next((f for f in figures if f.span.start > period.end and only_brackets_between(period, f.span)), None)
                    return follower if follower is not None and follower is not figure else period
                if self.words[position] not in self.cues.base_skip and position not in self.indicator_tokens:
                    break  # `compared with a loss of GH¢1.05 billion`: the base's own indicator is passed over
                position += 1
        return None

    def own_cue(self, span: Span) -> bool:
        """Whether a comparison cue follows a figure within `DIRECTION_AFTER` words, past its equivalent (`less than expected`)."""
        end = self.past_equivalent(span.end)
        cues = (self.cue_starts.get(index) for index in range(end, end + DIRECTION_AFTER + 1))
        return any(cue is not None and cue not in PERIOD_ONLY_CUES for cue in cues)

    def same_indicator_at(self, index: int, figure: Figure) -> bool:
        """Whether a cue at token `index` speaks of the figure's indicator (`revenue rose 6.2%, while net profit fell from $31.5m`)."""
        before = [s for s in self.in_sentence(self.indicators, figure.span) if s.end <= index and not self.is_denominator(s)]
        return not before or figure.indicator is None or figure.indicator in (self.last_indicator(before), self.subject_of(before, figure.span))

    def find_phrases(self, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, tuple[str, ...]]]:
        """(token index, phrase) of every occurrence of `phrases`, by index, then in the order of `phrases`."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            by_first.setdefault(phrase[0], []).append(phrase)
        return [
            (index, phrase)
            for index, word in enumerate(self.words)
            for phrase in by_first.get(word, ())
            if tuple(self.words[index : index + len(phrase)]) == phrase
        ]

    def cue_at(self, index: int) -> tuple[str, ...] | None:
        """The comparison cue phrase starting at token `index`, if any."""
        return self.cue_starts.get(index)


def clause_start(words: list[str], start: int, end: int) -> int:
    """Where the figure's clause begins between `start` and `end` (token indices into the lower-cased `words`):
    after the last `, and`, `, while`, `;`."""
    for index in range(end - 1, start, -1):
        if words[index] == ";" or (words[index - 1] == "," and words[index] in CLAUSE_CONJUNCTIONS):
            return index + 1
    return start


def contrasts(words: list[str], start: int, end: int) -> bool:
    """Whether a contrasting clause (`, but`, `, while`, `, whereas`) begins between token indices `start` and `end`."""
    return any(words[index - 1] == "," and words[index] in CONTRAST_CONJUNCTIONS for index in range(start + 1, end))


def in_brackets(words: list[str], start: int, index: int) -> bool:
    """Whether token `index` stands inside a bracket opened after token `start` (words are the doc's lower-cased tokens)."""
    depth = 0
    for word in words[start:index]:
        depth += (word == "(") - (word == ")")
    return depth > 0


def elliptic_change(before: list[list[str]]) -> bool:
    """Whether a figure continues the change before it with its verb left out (`and construction output by 1.7%`)."""
    return bool(before) and before[-1][0] == "by"


def relative_form(before: list[list[str]]) -> bool:
    """Whether a figure restates the previous one in another form (`by $2.0 billion, or 0.7 percent`)."""
    return [forms[0] for forms in before][-2:] in ([",", "or"], ["or"])


def continues_list(words: list[str]) -> bool:
    """Whether the words since the previous figure continue a list (`, metallurgy - 10.6 percent`)."""
    return bool(words) and words[-1] in ("-", "–", "—", ":")


def anchor_range(period: Span, sentence: int, anchors: list[tuple[Span, int]], ranges: dict[tuple[int, int], Any]) -> Any:
    """The dates of the fixed period a relative one leans on: nearest in its sentence, else the last before it.

    `sentence` is where the period's sentence starts; `anchors` are the fixed periods, each with the start of its sentence.
    """
    same = [a for a, start in anchors if start == sentence and a != period]
    if same:
        return ranges[min(((a.start, a.end) for a in same), key=lambda key: abs(key[0] - period.start))]
    before = [a for a, _ in anchors if a.end <= period.start]
    return ranges[(before[-1].start, before[-1].end)] if before else None


def dateline_length(doc: Doc) -> int:
    """Tokens of the leading ` date YYYY-MM-DD ` line and dateline (`ASTANA, Kazakhstan, March 25.`,
    `ULAANBAATAR, March 15 -`, `MUMBAI:`, `ANKARA (Bloomberg) --`).

    A dateline tells where and when the reporter wrote, not what a figure describes. It ends
    at the last sentence end, spaced dash or colon before the first lower-case word (within
    `DATELINE_TOKENS`), past the ` date ` prefix of the bundled format.
    """
    prefix = DATE_PREFIX.match(doc[:DATELINE_TOKENS].text)
    first = doc.char_span(0, prefix.end(), alignment_mode="expand").end if prefix else 0
    end = first
    for token in doc[first : min(len(doc), first + DATELINE_TOKENS)]:
        if token.is_alpha and token.is_lower:
            break
        spaced_dash = token.text in ("-", "–", "—", "--") and token.i > 0 and doc[token.i - 1].whitespace_ and token.whitespace_
        if spaced_dash or token.is_sent_end or token.text == ":":
            end = token.i + 1  # `ALMATY. April 16. INTERFAX-KAZAKHSTAN -`: the last boundary before the text
    return end


def aliases(candidates: list[Span]) -> list[tuple[Span, Span]]:
    """(alias, named) pairs: an INDICATOR in brackets right after another (`index (IPI)`)."""
    pairs = []
    for first, second in zip(candidates, candidates[1:]):
        doc = first.doc
        if first.label_ == second.label_ == "INDICATOR" and second.start == first.end + 1 and doc[first.end].text == "(":
            if second.end < len(doc) and doc[second.end].text == ")":
                pairs.append((second, first))
    return pairs


def is_whole_of_share(figure: Span, indicator: Span) -> bool:
    """Whether an indicator is the whole a percentage is a share of (`46.6 percent of total industrial production`)."""
    return figure.label_ == "PERCENT" and indicator[0].lower_ == "total" and indicator.start == figure.end + 1 and figure.doc[figure.end].lower_ == "of"


def describes_a_noun(region: Span) -> bool:
    """Whether a place only qualifies a noun (`Monterrey-based brokerage`, `a Lagos-headquartered bank`)."""
    doc = region.doc
    return region.end + 1 < len(doc) and doc[region.end].text == "-" and doc[region.end + 1].lower_ in PLACE_QUALIFIERS


def restates(first: Span, second: Span) -> bool:
    """Whether a period in brackets right after another restates it (`the previous financial year (April 2016 to March 2017)`)."""
    doc = first.doc
    return only_brackets_between(first, second) and second.end < len(doc) and doc[second.end].text == ")"


def only_brackets_between(first: Span, second: Span) -> bool:
    """Whether just an opening bracket stands between two spans (`2022 ($24.2 billion)`)."""
    return second.start - first.end == 1 and first.doc[first.end].text == "("


def distance(first: Span, second: Span) -> int:
    """Tokens between two spans."""
    return max(first.start - second.end, second.start - first.end, 0)


def span_ref(span: Span) -> dict[str, Any]:
    """A span as the spec's relation end: character offsets and label."""
    return {"start": span.start_char, "end": span.end_char, "label": span.label_}


def parse_date(text: Any) -> date | None:
    """An ISO date string as a date, or None."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
