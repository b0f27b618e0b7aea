"""The mentions of one Doc the relation rules read, indexed by token, sentence and paragraph.

Scope comes from `components/segments.py`: a paragraph ends at every line break and glued
sentence end, and nothing is carried into a new paragraph. Words are the lower-cased tokens,
read once per Doc from its arrays.
"""
import bisect
from functools import lru_cache
from typing import Any, Callable

from spacy.tokens import Doc, Span

from ..article_country import COUNTRY_LABELS, most_named, named_countries
from ..doc_arrays import doc_arrays
from ..schema import FIGURE_LABELS
from .cues import Cues
from .figure import Figure
from .positions import aliases, dateline_length


class MentionView:
    """The mentions of one Doc (indicators, figures, comparison cues) with sentence and paragraph lookups.

    The rule classes built on it add what scope decides: `periods`, `weekday_periods`, `comparison`, `restated_at`, `aimed`,
    `regions` and `home` are set by `DocView` once the rules can tell them apart.
    """

    periods: list[Span]
    weekday_periods: set[tuple[int, int]]  # (start, end) of the periods that are weekdays alone (`Thursday`)
    comparison: set[tuple[int, int]]  # (start, end) of the periods that are comparison bases
    comparison_ends: set[int]
    restated_at: dict[int, Span]  # start of a period restated in brackets -> its restatement
    aimed: set[int]  # starts of the figures that are an aim's goal (`to $20 billion by 2030`), of no period
    regions: list[Span]
    home: str  # the kb_id of the economy the article opens on

    def __init__(self, doc: Doc, candidates_key: str, cues: Cues, dates: Callable[..., Any]) -> None:
        """`dates(text, reference, country)` resolves a period's text to its dates (or None), `country` (the
        article's, ISO 3166) deciding what a fiscal year is."""
        self.doc = doc
        self.cues = cues
        self.resolve_dates = dates
        arrays = doc_arrays(doc)
        self.words = arrays.words
        self.texts = arrays.texts
        self.lemmas = arrays.lemmas or [""] * len(doc)  # lower-cased
        self.punct = arrays.punct
        self.text = arrays.text  # `Span.text` walks Token objects
        self.sentences = arrays.segments
        starts = self.sentences.starts
        self.sentence_of = self.sentences.sentence_of  # token index -> its sentence's number
        self.paragraph_of = self.sentences.paragraph_of
        self.sentence_starts = starts
        self.sentence_ends = starts[1:] + [len(arrays)]
        self.word_sets: dict[int, set[str]] = {}  # sentence number -> its words, as asked for
        self.ents = list(doc.ents)  # spaCy builds the spans on every access
        ent_labels = [e.label_ for e in self.ents]  # each `label_` is a look-up in the string store
        places = [e for e, label in zip(self.ents, ent_labels) if label in COUNTRY_LABELS]
        self.country = most_named(named_countries(places)) or ""  # the country the article reports on
        figure_ents = [(e, label) for e, label in zip(self.ents, ent_labels) if label in FIGURE_LABELS]
        self.figure_spans = [e for e, _ in figure_ents]
        self.figure_by_offsets = {(e.start_char, e.end_char, label): e for e, label in figure_ents}  # (start, end char, label) -> figure
        self.region_ents = [e for e, label in zip(self.ents, ent_labels) if label == "REGION"]
        self.figure_rows = doc._.figures or []  # the normaliser's figures
        hedges = {f["start"]: f["approx"] for f in self.figure_rows if f.get("approx")}
        self.hedge_lengths = {e.start: len(hedges[e.start_char].split()) for e in self.figure_spans if e.start_char in hedges}
        hedge_tokens = {index for start, length in self.hedge_lengths.items() for index in range(start - length, start)}
        self.cue_starts: dict[int, tuple[str, ...]] = {}  # token index -> the longest comparison cue starting there
        self.cue_ends: dict[int, list[tuple[int, tuple[str, ...]]]] = {}  # token index -> (start, cue) of the cues ending there
        comparisons = self.find_phrases(cues.comparison)  # the index phrases are among them
        for start, phrase in comparisons:
            if start and self.words[start - 1] in cues.revision_words:
                continue  # `(revised from 0.2%)` corrects a figure; it does not compare
            if hedge_tokens.intersection(range(start, start + len(phrase))):
                continue  # `more than $30 billion`, `over 4%`: a hedge's words compare nothing
            self.cue_starts.setdefault(start, phrase)
            self.cue_ends.setdefault(start + len(phrase), []).append((start, phrase))
        self.index_sentences = {self.sentence_of[start] for start, phrase in comparisons if phrase in cues.index_phrase_set}  # `in % to`
        candidates = list(doc.spans[candidates_key]) if candidates_key in doc.spans else []
        labels = [s.label_ for s in candidates]
        self.aliases = aliases(self.words, candidates, labels)  # (alias, named) pairs: `industrial production index (IPI)`
        alias_of = {(alias.start, alias.end) for alias, _ in self.aliases}
        self.indicators = [s for s, label in zip(candidates, labels) if label == "INDICATOR" and (s.start, s.end) not in alias_of]
        self.candidate_periods = [s for s, label in zip(candidates, labels) if label == "PERIOD"]  # the datelines' too
        self.indicator_tokens = {index for s in self.indicators for index in range(s.start, s.end)}
        dateline_end = dateline_length(arrays)
        self.figure_starts = [e.start for e in self.figure_spans]
        self.figure_ends = [e.end for e in self.figure_spans]
        self.figure_by_start = {e.start: e for e in self.figure_spans}
        self.figure_by_end = {e.end: e for e in self.figure_spans}
        self.by_sentence: dict[int, dict[int, list[Span]]] = {}  # id of a list of spans -> its spans by sentence, as asked for
        self.by_paragraph: dict[int, dict[int, list[Span]]] = {}  # id of a list of spans -> its spans by paragraph, as asked for
        self.figure_indices: dict[int, dict[int, Figure]] = {}  # id of a list of figures -> its figures by start, as asked for
        self.base_figures: dict[int, bool] = {}  # figure start -> is_base_figure, as found
        self.owners: dict[int, int | None] = {}  # period start -> owner, as found
        self.own_quantities: dict[tuple[int, int], bool] = {}  # indicator (start, end) -> names_own_quantity, as found
        self.denominators: dict[tuple[int, int], bool] = {}  # indicator (start, end) -> is_denominator, as found
        self.asides: dict[int, tuple[bool, bool]] = {}  # mention start -> aside_marks, as found
        self.phrased: dict[int, bool] = {}  # mention start -> in_phrase, as found
        self.bare: dict[tuple[int, int], bool] = {}  # mention (start, end) -> is_bare, as found
        self.mention_words: dict[tuple[int, int], frozenset[str]] = {}  # mention (start, end) -> the words of its text, as asked for
        self.dateline_end = dateline_end

    def lemma(self, index: int) -> str:
        """The lower-cased lemma of token `index`."""
        return self.lemmas[index]

    def dates(self, text: str, reference: Any = None) -> Any:
        """A period text's dates (or None), a fiscal year being that of the article's country (the component remembers them)."""
        return self.resolve_dates(text, reference, self.country)

    def meaning(self, period: Span) -> Any:
        """What a period means (its dates, else its words), to tell whether earlier periods agree."""
        text = self.span_text(period)
        return self.dates(text) or text.lower()

    def span_text(self, span: Span) -> str:
        """A span's text, cut from the doc's text."""
        return self.text[span.start_char : span.end_char]

    def paragraph(self, span: Span) -> int:
        return self.paragraph_of[span.start]

    def sentence(self, span: Span) -> int:
        return self.sentence_of[span.start]

    def sentence_start(self, span: Span) -> int:
        return self.sentence_starts[self.sentence_of[span.start]]

    def sentence_end(self, span: Span) -> int:
        return self.sentence_ends[self.sentence_of[span.start]]

    def sentence_words(self, span: Span) -> set[str]:
        """The words of the span's sentence, as a set (built once per sentence)."""
        sentence = self.sentence_of[span.start]
        if sentence not in self.word_sets:
            self.word_sets[sentence] = set(self.words[self.sentence_starts[sentence] : self.sentence_ends[sentence]])
        return self.word_sets[sentence]

    def same_sentence(self, first: Span, second: Span) -> bool:
        return self.sentence_of[first.start] == self.sentence_of[second.start]

    def in_sentence(self, spans: list[Span], span: Span) -> list[Span]:
        """The spans of `spans` in the sentence of `span` (indexed once per list)."""
        buckets = self.by_sentence.get(id(spans))
        if buckets is None:
            buckets = self.by_sentence[id(spans)] = by_segment(spans, self.sentence_of)
        return buckets.get(self.sentence_of[span.start], [])

    def earlier_in_paragraph(self, spans: list[Span], span: Span) -> list[Span]:
        """The spans of `spans` that end before `span` in its paragraph (indexed once per list)."""
        buckets = self.by_paragraph.get(id(spans))
        if buckets is None:
            buckets = self.by_paragraph[id(spans)] = by_segment(spans, self.paragraph_of)
        start = span.start
        return [s for s in buckets.get(self.paragraph_of[start], ()) if s.end <= start]

    def figure_between(self, first: Span, second: Span) -> bool:
        """Whether a figure lies wholly between two spans."""
        return self.figure_within(first.end, second.start)

    def figure_within(self, start: int, end: int) -> bool:
        """Whether a figure lies wholly between token indices `start` and `end`."""
        index = bisect.bisect_left(self.figure_starts, start)
        return index < len(self.figure_ends) and self.figure_ends[index] <= end

    def past_equivalent(self, index: int) -> int:
        """Token `index`, or the token after the bracketed figure that starts there (`($388 million)`)."""
        if index + 1 in self.figure_by_start and self.words[index] == "(":
            return self.figure_by_start[index + 1].end + 1
        return index

    def past_restatement(self, index: int) -> int:
        """Token `index`, or the token after a relative form in commas that starts there (`4.6%, or 1.66 billion manats, more`)."""
        inner = self.figure_by_start.get(index + 2)
        if inner is not None and self.words[index : index + 2] == [",", "or"] and self.words[inner.end : inner.end + 1] == [","]:
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

    def clause_start(self, start: int, end: int) -> int:
        """Where a figure's clause begins between token indices `start` and `end`: after the last `;` or
        comma and clause conjunction (`, and`, `, while`, `, but`)."""
        words = self.words
        for index in range(end - 1, start, -1):
            if words[index] == ";" or (words[index - 1] == "," and words[index] in self.cues.clause_conjunctions):
                return index + 1
        return start

    def contrasts(self, start: int, end: int) -> bool:
        """Whether a contrasting clause (`, but`, `, whereas`) begins between token indices `start` and `end`;
        `, while` often joins parallel clauses and does not count."""
        words = self.words
        return any(words[index - 1] == "," and words[index] in self.cues.contrast_conjunctions for index in range(start + 1, end))

    def find_phrases(self, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, tuple[str, ...]]]:
        """(token index, phrase) of every occurrence of `phrases`, by index, then in the order of `phrases`."""
        firsts, singles, pairs = phrase_index(phrases)
        words = self.words
        last = len(words) - 1
        found = []
        for index in [i for i, word in enumerate(words) if word in firsts]:
            matched = singles.get(words[index], [])
            longer = pairs.get((words[index], words[index + 1])) if index < last else None
            if longer:
                matched = matched + [(order, phrase) for order, phrase in longer if tuple(words[index : index + len(phrase)]) == phrase]
            if matched:
                found.extend((index, phrase) for _, phrase in sorted(matched))
        return found

    def cue_at(self, index: int) -> tuple[str, ...] | None:
        """The comparison cue phrase starting at token `index`, if any."""
        return self.cue_starts.get(index)


def by_segment(spans: list[Span], segment_of: list[int]) -> dict[int, list[Span]]:
    """The spans of a list by the number of the segment holding their start (`segment_of`: token index -> segment), in list order."""
    buckets: dict[int, list[Span]] = {}
    for item in spans:
        buckets.setdefault(segment_of[item.start], []).append(item)
    return buckets


Openings = dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]


@lru_cache(maxsize=16)
def phrase_index(phrases: tuple[tuple[str, ...], ...]) -> tuple[frozenset[str], dict[str, list[tuple[int, tuple[str, ...]]]], Openings]:
    """The first words of `phrases`, the one-word phrases by their word and the longer ones by their first two words,
    each with its order."""
    singles: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    pairs: Openings = {}
    for order, phrase in enumerate(phrases):
        if len(phrase) == 1:
            singles.setdefault(phrase[0], []).append((order, phrase))
        else:
            pairs.setdefault(phrase[:2], []).append((order, phrase))
    return frozenset(phrase[0] for phrase in phrases), singles, pairs
