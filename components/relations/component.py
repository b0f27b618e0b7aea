"""The relation component: link every figure to its indicator, period, region, equivalent and base.

It works on the blank pipeline (sentences from the sentencizer, lemmas from the lookup
lemmatizer, no parser), reading the figures (`doc._.figures`), the REGION entities and the
INDICATOR/PERIOD candidates of the concept ruler (`doc.spans[candidates_key]`). Each relation
reads as one module with its cues: `indicators`, `periods`, `regions` (trade roles),
`comparison` (COMPARED_TO and comparison periods), `kinds` (level, change, share, index,
rate), `coordination` (`respectively`), over the mentions of `view`. EQUALS is here: a money
figure right after another in a different currency (`(about $7.9 billion)`); an equivalent
carries the indicator, period and region of the figure it converts.

It writes `doc._.relations`, `doc._.facts` and the linked INDICATOR/PERIOD spans in
`doc.spans[spans_key]`. Cue words are data (`lexicons/relation_cues.jsonl`).
"""
from datetime import date
from typing import Any, Callable, Collection, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from ..figure_normalizer import only_linking_words
from ..indicator_ids import IndicatorConcepts, phrase_words
from ..lemmatizer import lemma_lookup
from ..lexicon import FigureLexicon
from ..lexicon_pipe import LexiconPipe
from ..normal_forms import normal_form
from ..periods import FiscalYear, PeriodWords, fiscal_years, parse_date, resolve_period
from ..schema import CONCEPT_LABELS, Fact, Relation, SpanRef
from ..scoring import score_relations, score_spans
from .coordination import CoordinationRules
from .cues import Cues
from .figure import Figure
from .kinds import KindRules, change_pct, index_direction
from .periods import PeriodDates, PeriodRules
from .positions import restates, span_ref
from .regions import RegionRules

PERIOD_CACHE_SIZE = 10_000  # resolved (period text, publication date, reference, fiscal year) keys kept
FACTORY = "econ_figure_relations"


class DocView(KindRules, PeriodRules, RegionRules, CoordinationRules):
    """Every rule over one Doc's mentions; scope (periods, comparison bases, places) is decided here, once."""

    def __init__(self, doc: Doc, candidates_key: str, cues: Cues, dates: Callable[..., Any]) -> None:
        super().__init__(doc, candidates_key, cues, dates)
        periods = [s for s in self.candidate_periods if s.start >= self.dateline_end]
        self.weekday_periods = {(s.start, s.end) for s in periods if cues.weekdays.issuperset(self.words[s.start : s.end])}
        restated = [(first, second) for first, second in zip(periods, periods[1:]) if restates(self.words, first, second)]
        self.restated_at = {first.start: second for first, second in restated}
        deadlines = {s.start: figure for s in periods if (figure := self.aimed_figure(s)) is not None}
        self.aimed = set(deadlines.values())  # starts of the figures that are goals (`to $20 billion by 2030`)
        self.periods = [
            s for s in periods
            if s.start not in self.restated_at and s.start not in deadlines and not self.dates_no_figure(s)
        ]
        self.comparison = {(s.start, s.end) for s in self.periods if self.is_comparison(s)}
        self.comparison |= {(second.start, second.end) for first, second in restated if self.is_comparison(first)}
        self.comparison_ends = {end for _, end in self.comparison}
        places = [s for s in self.region_ents if s.start >= self.dateline_end and not self.describes_a_noun(s)]
        self.home = places[0].kb_id_ if places else ""
        self.regions = [s for s in places if not self.is_partner(s) and not self.is_listed_partner(s)]
        self.region_tokens = {index for s in self.regions for index in range(s.start, s.end)}


@Language.factory(
    FACTORY,
    assigns=["doc._.relations", "doc._.facts", "doc.spans"],
    requires=["doc.ents", "doc._.figures", "doc.spans", "token.lemma", "token.is_sent_start"],  # and `doc._.meta` (the date), set before the pipes
    default_config={"candidates_key": "concept_candidates", "spans_key": "concepts"},
    default_score_weights={
        "spans_concepts_f": 1.0, "spans_concepts_p": 0.0, "spans_concepts_r": 0.0, "relations_f": 1.0, "relations_p": 0.0, "relations_r": 0.0
    },
)
def make_figure_relations(nlp: Language, name: str, candidates_key: str, spans_key: str) -> "FigureRelations":
    """Build the relation component; its cue lexicon is loaded by `initialize` or `from_disk`."""
    return FigureRelations(nlp, name, candidates_key=candidates_key, spans_key=spans_key)


def linked_spans_key(nlp: Language | None = None) -> str:
    """The `doc.spans` key of the INDICATOR/PERIOD spans linked to a figure: the `spans_key` of the pipeline's
    relations pipe in its config, or of the factory's default config without one."""
    if nlp is not None:
        for name in nlp.pipe_names:
            if nlp.get_pipe_meta(name).factory == FACTORY:
                return nlp.get_pipe_config(name)["spans_key"]
    return Language.get_factory_meta(FACTORY).default_config["spans_key"]


class FigureRelations(LexiconPipe):
    """Links figures to indicators, periods, regions, equivalents and bases; see the module docstring."""

    def __init__(
        self, nlp: Language, name: str = "figure_relations", *, candidates_key: str = "concept_candidates", spans_key: str = "concepts"
    ) -> None:
        super().__init__(nlp, name)
        self.candidates_key = candidates_key
        self.spans_key = spans_key

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Index the figure lexicon (hedges, equivalent links), period words and relation cues."""
        self.figure_lexicon = FigureLexicon(tables)  # the hedges and equivalent links of `only_linking_words`
        self.cues = Cues.from_rows(tables["relation_cues"], tables["indicators"], tables["multiples"])
        self.period_words = PeriodWords.from_rows(tables["periods"])
        self.fiscal_years = fiscal_years(tables["fiscal_years"])
        self._concepts: IndicatorConcepts | None = None  # built on first use: it needs the lemmatizer's table
        self._period_dates: dict[tuple[str, date | None, tuple[date, date] | None, FiscalYear | None], tuple[date, date] | None] = {}

    def period_dates(
        self, text: str, published: date | None, reference: tuple[date, date] | None = None, country: str = ""
    ) -> tuple[date, date] | None:
        """`resolve_period` with the period lexicon and the fiscal year of `country`, remembered (the same period texts recur)."""
        key = (text, published, reference, self.fiscal_years.get(country))
        if key not in self._period_dates:
            if len(self._period_dates) >= PERIOD_CACHE_SIZE:
                self._period_dates.clear()
            self._period_dates[key] = resolve_period(text, self.period_words, published, reference, key[3])
        return self._period_dates[key]

    @property
    def concepts(self) -> IndicatorConcepts:
        """The indicator concepts of the lexicon, their phrases split by the tokenizer and lemmatised by the lemmatizer."""
        if self._concepts is None:
            self._concepts = IndicatorConcepts(self.tables.get("indicator_concepts", ()), self.lexicon_words, lemma_lookup(self.nlp))
        return self._concepts

    def lexicon_words(self, phrase: str) -> list[str]:
        """The lower-cased words of a lexicon phrase as the tokenizer splits it, punctuation left out."""
        return [token.lower_ for token in self.nlp.make_doc(phrase) if not token.is_punct]

    def indicator_id(self, indicator: Span | None, view: DocView) -> str | None:
        """The id of the concept an indicator span names (see `components/indicator_ids.py`)."""
        if indicator is None:
            return None
        return self.concepts.id_of(phrase_words(view.words[indicator.start : indicator.end], view.punct[indicator.start : indicator.end])) or None

    def score(self, examples: Iterable[Example], *, labels: Collection[str] | None = None, **kwargs: Any) -> dict[str, Any]:
        """P/R/F per label (`components/scoring.py`) of the linked INDICATOR and PERIOD spans (`spans_<key>_p`, ...;
        `labels` restricts the span labels scored) and of `doc._.relations` (`relations_p`, ...) against the references."""
        examples = list(examples)
        key = self.spans_key
        return {**score_spans(examples, f"spans_{key}", lambda doc: doc.spans.get(key, ()), labels), **score_relations(examples)}

    def find(self, doc: Doc) -> tuple[list[Figure], DocView]:
        """Find every figure's indicator, period, region, equivalent, base, kind and direction."""
        published = parse_date((doc._.meta or {}).get("date"))
        view = DocView(doc, self.candidates_key, self.cues, lambda text, reference, country: self.period_dates(text, published, reference, country))
        figures = figures_in(view)
        self.link(figures, view)
        link_respectively(figures, view)
        link_bases(figures, view)
        follow_equivalents(figures)
        return figures, view

    def link(self, figures: list[Figure], view: DocView) -> None:
        """Classify each figure and link its equivalent, indicator, period and region, in text order: an equivalent
        carries those of the figure it converts, a region is the default for the rest of its paragraph."""
        paragraph_regions: dict[int, Span] = {}
        for index, figure in enumerate(figures):
            previous = figures[index - 1] if index else None
            paragraph = view.paragraph(figure.span)
            indicator = view.indicator_for(figure.span)
            view.classify(figure, view.previous_stated(figures, index), indicator)
            if previous and self.converts(figure, previous, view):
                figure.equals = previous
            if figure.equals is not None:
                figure.indicator, figure.period, figure.region = figure.equals.indicator, figure.equals.period, figure.equals.region
            else:
                figure.indicator = indicator
                figure.period = view.period_for(figure.span, figure.indicator)
                figure.region = view.region_for(figure.span, figure.indicator, paragraph_regions.get(paragraph))
            if figure.region is not None:
                paragraph_regions[paragraph] = figure.region

    def converts(self, figure: Figure, previous: Figure, view: DocView) -> bool:
        """Whether a money figure is the equivalent of the one before it in another currency: only linking words
        between them (`(about $7.9 billion)`), or in brackets after the previous one's indicator."""
        if not (previous.data["label"] == "MONEY" == figure.data["label"] and previous.data["unit"] != figure.data["unit"]):
            return False
        return only_linking_words(previous.span, figure.span, self.figure_lexicon) or view.bracketed_after_indicator(previous.span, figure.span)

    def set_annotations(self, doc: Doc, found: tuple[list[Figure], DocView]) -> None:
        """Write `doc._.relations`, `doc._.facts` and the linked INDICATOR/PERIOD spans."""
        figures, view = found
        relations: list[Relation] = []
        linked: dict[tuple[int, int], Span] = {}
        refs: dict[int, SpanRef] = {}  # id of a linked span (held by the view) -> its ref, one dict per span, read only
        for figure in figures:
            children = (
                ("INDICATOR", figure.indicator),
                ("PERIOD", figure.period),
                ("REGION", figure.region),
                ("EQUALS", figure.equals),
                ("COMPARED_TO", figure.base),
            )
            for label, child in children:
                if child is None:
                    continue
                if isinstance(child, Figure):
                    relations.append({"head": figure.ref, "child": child.ref, "label": label})
                    continue
                child_ref = refs.get(id(child))
                if child_ref is None:
                    child_ref = refs[id(child)] = span_ref(child)
                relations.append({"head": figure.ref, "child": child_ref, "label": label})
                if child_ref["label"] in CONCEPT_LABELS:
                    linked[(child.start, child.end)] = child
        for alias in view.aliases:
            if (alias[1].start, alias[1].end) in linked:
                linked[(alias[0].start, alias[0].end)] = alias[0]
        doc.spans[self.spans_key] = sorted(linked.values(), key=lambda span: span.start)
        doc._.relations = relations
        dates = PeriodDates(view.candidate_periods, view.dates, view.sentence_start, view.span_text)
        columns = FactColumns(doc, view, dates, self.indicator_id)
        doc._.facts = [columns.fact(figure) for figure in figures]


class FactColumns:
    """The fact of each figure of a doc; what a fact takes from an indicator, period or region is worked out once per mention."""

    def __init__(self, doc: Doc, view: DocView, dates: PeriodDates, indicator_id: Callable[[Span | None, DocView], str | None]) -> None:
        self.doc_id, self.lang = doc._.doc_id, doc.lang_
        self.view = view
        self.dates = dates
        self.indicator_id = indicator_id
        self.indicators: dict[int, tuple[str, str | None, str | None]] = {}  # id of an indicator -> its text, id, normal form
        self.periods: dict[int, tuple[str, str | None, str | None]] = {}  # id of a period -> its text, first and last day
        self.regions: dict[int, tuple[str, str | None, str | None]] = {}  # id of a region -> its text, id, normal form

    def indicator(self, span: Span | None) -> tuple[str | None, str | None, str | None]:
        """An indicator's text, id and normal form (all None for none)."""
        return self.named(self.indicators, span, lambda found: self.indicator_id(found, self.view))

    def region(self, span: Span | None) -> tuple[str | None, str | None, str | None]:
        """A region's text, id and normal form (all None for none)."""
        return self.named(self.regions, span, region_id)

    def named(
        self, known: dict[int, tuple[str, str | None, str | None]], span: Span | None, code: Callable[[Span], str | None]
    ) -> tuple[str | None, str | None, str | None]:
        """A mention's text, id (`code`) and normal form, worked out once per mention and kept in `known`."""
        if span is None:
            return None, None, None
        found = known.get(id(span))
        if found is None:
            text = self.view.span_text(span)
            found = known[id(span)] = (text, code(span), normal_form(span, text, self.lang))
        return found

    def period(self, span: Span | None) -> tuple[str | None, str | None, str | None]:
        """A period's text and first and last days in ISO form (all None for none; the days None where unresolved)."""
        if span is None:
            return None, None, None
        found = self.periods.get(id(span))
        if found is None:
            found = self.periods[id(span)] = (self.view.span_text(span), *iso_days(self.dates.of(span)))
        return found

    def fact(self, figure: Figure) -> Fact:
        """The fact of one figure: what, how much, when, where, against what."""
        base, equals = figure.base, figure.equals
        base_figure = base.data if isinstance(base, Figure) else None
        base_period = self.dates.of(base, self.dates.of(figure.period)) if base is not None and base_figure is None else None
        data = figure.data
        indicator, indicator_id, indicator_norm = self.indicator(figure.indicator)
        period, period_start, period_end = self.period(figure.period)
        region, region_code, region_norm = self.region(figure.region)
        return {
            "doc_id": self.doc_id,
            "start": data["start"],
            "end": data["end"],
            "text": data["text"],
            "label": data["label"],
            "value": data["value"],
            "unit": data["unit"],
            "unit_assumed": bool(data.get("unit_assumed")),
            "approx": data.get("approx"),
            "low": data.get("low"),
            "high": data.get("high"),
            "kind": figure.kind,
            "direction": figure.direction,
            "change_pct": change_pct(figure),
            "indicator": indicator,
            "indicator_id": indicator_id,
            "indicator_norm": indicator_norm,
            "period": period,
            "period_start": period_start,
            "period_end": period_end,
            "region": region,
            "region_id": region_code,
            "region_norm": region_norm,
            "equals": equals.data["text"] if equals else None,
            "equals_value": equals.data["value"] if equals else None,
            "equals_unit": equals.data["unit"] if equals else None,
            "compared_to": (base_figure["text"] if base_figure is not None else self.view.span_text(base)) if base is not None else None,
            "compared_to_value": base_figure["value"] if base_figure is not None else None,
            "compared_to_unit": base_figure["unit"] if base_figure is not None else None,
            "compared_to_period_start": base_period[0].isoformat() if base_period else None,
            "compared_to_period_end": base_period[1].isoformat() if base_period else None,
            "sentence": figure.sentence,
        }


def iso_days(dates: tuple[date, date] | None) -> tuple[str | None, str | None]:
    """The first and last day of a period in ISO form (None, None for no dates)."""
    return (dates[0].isoformat(), dates[1].isoformat()) if dates else (None, None)


def region_id(region: Span) -> str | None:
    """A place's id from its pattern's (`region/curated/kz` -> `KZ`, `region/ru-curated/kz-karaganda` -> `kz-karaganda`):
    the same place in every language, spelling and case form has one."""
    slug = region.id_.rsplit("/", 1)[-1]  # `id_` is "" for none
    if not slug:
        return None
    return slug.upper() if len(slug) == 2 else slug


def figures_in(view: DocView) -> list[Figure]:
    """The normaliser's figures (`doc._.figures`, which are entities) with their spans and sentences."""
    sentences: dict[int, str] = {}  # sentence number -> its text, as asked for
    figures = []
    for data in view.figure_rows:
        span = view.figure_by_offsets.get((data["start"], data["end"], data["label"]))
        if span is not None:
            number = view.sentence_of[span.start]
            if number not in sentences:
                sentences[number] = view.sentences.text(span.start)
            figures.append(Figure(span, data, sentence=sentences[number]))
    return figures


def link_respectively(figures: list[Figure], view: DocView) -> None:
    """`respectively`: the figures of a group take the regions and the indicators listed before them, in order."""
    for group in view.respective_groups(figures):
        for attribute, mentions in (("region", view.regions), ("indicator", view.indicators)):
            for figure, mention in zip(group, view.coordinated_before(mentions, group)):
                setattr(figure, attribute, mention)


def link_bases(figures: list[Figure], view: DocView) -> None:
    """Give each change and index its base (an equivalent is compared with nothing of its own); a change without
    one takes the base of an earlier sentence of its paragraph (a list continuing the previous sentence)."""
    paragraph_bases: dict[int, tuple[Span | Figure, Span | None]] = {}  # a paragraph's last base, and the period it frames
    for figure in figures:
        if figure.equals is not None:
            continue
        if figure.kind == "level" and view.own_cue(figure.span):
            compare_level(figure, figures, view)
            continue
        if figure.kind not in ("change", "index"):
            continue
        figure.base = view.base_for(figure, figures)
        paragraph = view.paragraph(figure.span)
        if figure.base is not None:
            base_start = figure.base.start if isinstance(figure.base, Span) else figure.base.span.start
            paragraph_bases[paragraph] = (figure.base, figure.period if base_start < figure.span.start else None)
        elif figure.kind == "change":
            figure.base = carried_base(figure, view, *paragraph_bases.get(paragraph, (None, None)))


def compare_level(figure: Figure, figures: list[Figure], view: DocView) -> None:
    """A level with its own comparison cue compared with a period is a change on that period (`it was 0.1% compared
    to the previous year`) or an index (`amounted to 103.8% compared to the same period of 2023`); a level next to
    a level has no base."""
    base = view.base_for(figure, figures)
    kind = view.compared_level_kind(figure)
    if isinstance(base, Span) and (kind == "index" or not figure.new_level):
        figure.kind, figure.base, figure.direction = kind, base, index_direction(figure) if kind == "index" else None


def follow_equivalents(figures: list[Figure]) -> None:
    """The equivalent of a change or index is one too, with the same direction and the matching base."""
    for figure in figures:
        if figure.equals is not None and figure.equals.kind in ("change", "index"):
            figure.kind, figure.direction = figure.equals.kind, figure.equals.direction
            figure.base = equivalent_base(figure, figures)


def equivalent_base(figure: Figure, figures: list[Figure]) -> Span | Figure | None:
    """The base of an equivalent of a change: the change's base period, or its base figure's equivalent in the
    equivalent's currency (`by 400 billion som ($4.5 billion)` from `247.8 billion som ($2.8 billion)`)."""
    base = figure.equals.base if figure.equals is not None else None
    if isinstance(base, Figure):
        return next((f for f in figures if f.equals is base and f.data["unit"] == figure.data["unit"]), None)
    return base


def carried_base(figure: Figure, view: DocView, carried: Span | Figure | None, lead_period: Span | None) -> Span | Figure | None:
    """The base a change takes from an earlier sentence of its paragraph: none where it says its own comparison
    (`£5.8bn less than forecast`) or a period of its own, unless the lead change's base came first and framed
    that same period (`Compared to the same period last year, it fell 7.4%. Exports in the first half declined
    9.1%.`); with its own basis (`+7.9% yoy`) only a base period, never a figure."""
    if view.own_cue(figure.span):
        return None
    if carried is figure or (isinstance(carried, Figure) and carried.span == figure.span):
        return None
    if figure.period is not None and view.same_sentence(figure.period, figure.span):
        if lead_period is None or view.same_sentence(lead_period, figure.span):
            return None
        if view.dates(view.span_text(figure.period)) != view.dates(view.span_text(lead_period)):
            return None
    if view.states_own_basis(figure.span):
        return carried if isinstance(carried, Span) else None
    return carried
