"""The entity ruler: MONEY, PERCENT, REGION and ORG (and bare AMOUNT candidates) from pattern files.

With a `spans_key` it writes `doc.spans[key]` instead: the concept ruler (`components/concept_ruler.py`)
is this class writing the INDICATOR/PERIOD candidates.
Modelled on spaCy's SpanRuler: token patterns go to a token matcher, phrase patterns to a
PhraseMatcher, `match(doc)` finds candidates (as Spans; `ranked_candidates(doc)` as tuples in the order
the choice tries them) and `set_annotations(doc, candidates)` writes `doc.ents`, keeping the longest
candidate where they overlap (then the label priority). Only the chosen become Spans.
Every pattern carries an `id` recording where it came from; the chosen pattern's id
is the entity's `ent_id_`, and a place pattern's `kb_id` (its country, ISO 3166 alpha-2)
the entity's `kb_id_`. Patterns are loaded at `[initialize]` time and written by
`to_disk` as `patterns.jsonl`.

Two optional pattern keys shape the choice. `"keep": [start, stop]` (a Python slice, `null` for
an open end) marks the matched tokens outside it as context: `["(", X, ")", "-"]` with
`"keep": [1, 2]` labels `X` only. The whole match competes for the tokens, so a match with
context beats a shorter one inside it; an empty slice (`[0, 0]`) claims the tokens and labels
nothing, vetoing the matches it covers. `"fallback": true` (the name-shape guesses) loses to
any other pattern matching the same number of tokens, so a listed place beats a shape.

The token patterns go to a `TokenPatternMatcher` rather than spaCy's Matcher: it gives the same
matches, but decides each `IN`/`REGEX` condition once per distinct word instead of at every token.
With `read_past_spaces` (the default) it also reads past an extra space inside a match, which
spaCy makes a token of: `48.8 billion  drams` and `the  first half` in scraped copy match as typed
with one space.
"""

from functools import partial
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, NamedTuple, Sequence

import srsly
from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import SimpleFrozenList, ensure_path, from_disk, to_disk

from .doc_arrays import doc_arrays
from .extensions import register_extensions
from .scoring import score_spans
from .token_matcher import TokenPatternMatcher

Pattern = dict[str, Any]


class Match(NamedTuple):
    """A candidate: its tokens and, as string hashes, its label, kb_id and pattern id (what its Span would hold)."""

    start: int
    end: int
    label: int
    kb_id: int
    pattern_id: int


as_match = partial(tuple.__new__, Match)
"""A Match from a tuple of its five fields (as `Match._make`, without its Python-level check)."""

Candidate = tuple[int, bool, int, int, int, int, int, int]
"""A match as the choice ranks it: (minus its length, fallback, label rank, start, end, label, kb_id, pattern id).
In that order, candidates come longest first, then non-fallback, then by label priority, then leftmost, then in Span order."""
FALLBACK = 1
"""A Candidate's fallback flag."""
START, END = 3, 4
"""Where a Candidate holds its start and end."""
MATCH = slice(3, None)
"""A Candidate's Match fields."""
IDS = slice(5, None)
"""A Candidate's label, kb_id and pattern id."""
LEARN_TOKENS = 20_000
"""The most tokens of a batch of Docs whose new words are learnt at once (about 64 news articles; a long text's pieces)."""


@Language.factory(
    "econ_entity_ruler",
    assigns=["doc.ents"],
    requires=["token.is_sent_start"],  # patterns may test IS_SENT_START
    default_config={
        "phrase_matcher_attr": "ORTH",
        "label_priority": ["MONEY", "PERCENT", "ORG", "REGION", "AMOUNT"],
        "expand_acronyms": True,
        "place_modifiers": [],
        "read_past_spaces": True,
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_entity_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str,
    label_priority: list[str],
    expand_acronyms: bool,
    place_modifiers: list[str],
    read_past_spaces: bool,
) -> "EconEntityRuler":
    """Build the entity ruler; its patterns are loaded by `initialize` or `from_disk`."""
    return EconEntityRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        label_priority=label_priority,
        expand_acronyms=expand_acronyms,
        place_modifiers=place_modifiers,
        read_past_spaces=read_past_spaces,
    )


class EconEntityRuler(Pipe):
    """Rule-based entity recogniser writing `doc.ents`; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "econ_entity_ruler",
        *,
        phrase_matcher_attr: str = "ORTH",
        label_priority: Sequence[str] = ("MONEY", "PERCENT", "ORG", "REGION", "AMOUNT"),
        expand_acronyms: bool = True,
        spans_key: str | None = None,
        place_modifiers: Sequence[str] = (),
        read_past_spaces: bool = True,
    ) -> None:
        register_extensions()
        self.read_past_spaces = read_past_spaces
        self.place_modifiers = frozenset(word.lower() for word in place_modifiers)
        self.spans_key = spans_key
        self.nlp = nlp
        self.name = name
        self.phrase_matcher_attr = phrase_matcher_attr
        self.label_priority = list(label_priority)
        self.expand_acronyms = expand_acronyms
        strings = nlp.vocab.strings
        self._label_rank = {strings.add(label): index for index, label in enumerate(self.label_priority)}
        self._org, self._region = strings.add("ORG"), strings.add("REGION")
        self._acronym_labels = frozenset(strings.add(label) for label in ACRONYM_LABELS)
        self._acronym_id = strings.add("acronym")
        self.clear()

    def clear(self) -> None:
        """Remove every pattern."""
        self._patterns: list[Pattern] = []
        self._span_ids: dict[int, tuple[int, int, int]] = {}  # match key -> label, kb_id, pattern id as the Span holds them
        self._keep: dict[tuple[int, int, int], slice] = {}  # label, kb_id, pattern id -> the matched tokens labelled
        self._fallback: set[tuple[int, int, int]] = set()  # label, kb_id, pattern id of the fallback patterns
        self._ranks: dict[int, tuple[bool, int]] = {}  # match key -> fallback, label rank
        self.token_matcher = TokenPatternMatcher(self.nlp.vocab, skip_spaces=self.read_past_spaces)
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr=self.phrase_matcher_attr)

    def __len__(self) -> int:
        return len(self._patterns)

    @property
    def patterns(self) -> list[Pattern]:
        """All patterns, as loaded (one dict per pattern: label, pattern, id)."""
        return list(self._patterns)

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the patterns assign."""
        return tuple(sorted({pattern["label"] for pattern in self._patterns}))

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Sequence[Pattern] | None = None,
    ) -> None:
        """Replace the patterns with `patterns` (read by the `econ.patterns.v1` reader)."""
        self.clear()
        if patterns:
            self.add_patterns(patterns)

    def add_patterns(self, patterns: Iterable[Pattern]) -> None:
        """Add token patterns (list of token dicts) and phrase patterns (strings)."""
        strings = self.nlp.vocab.strings
        phrases: list[tuple[str, str]] = []
        for pattern in patterns:
            key = pattern_key(pattern)
            ids = (pattern["label"], pattern.get("kb_id", ""), pattern.get("id", ""))
            label, kb_id, span_id = (strings.add(text) for text in ids)
            self._span_ids[strings.add(key)] = (label, kb_id, span_id)
            if "keep" in pattern:
                self._keep[(label, kb_id, span_id)] = slice(*pattern["keep"])
            if pattern.get("fallback"):
                self._fallback.add((label, kb_id, span_id))
            if isinstance(pattern["pattern"], str):
                phrases.append((key, pattern["pattern"]))
            else:
                self.token_matcher.add(key, pattern["pattern"])
            self._patterns.append(pattern)
        rank = self._label_rank
        self._ranks = {key: (ids in self._fallback, rank.get(ids[0], len(rank))) for key, ids in self._span_ids.items()}
        texts = [text for _, text in phrases]
        for (key, _), phrase_doc in zip(phrases, self.nlp.tokenizer.pipe(texts)):
            self.phrase_matcher.add(key, [phrase_doc])

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.ranked_candidates(doc))
            return doc
        except Exception as error:  # noqa: BLE001 - routed to spaCy's configurable error handler
            return error_handler(self.name, self, [doc], error)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """`__call__` on each Doc, the words new to the token matcher learnt once per batch of Docs rather than per Doc
        (a batch of at most `batch_size` Docs and `LEARN_TOKENS` tokens, so a long text's pieces still stream)."""
        error_handler = self.get_error_handler()
        for docs in learning_batches(stream, batch_size):
            try:
                self.token_matcher.learn(docs)
            except Exception as error:  # noqa: BLE001 - routed to spaCy's configurable error handler; each Doc then learns its own
                error_handler(self.name, self, docs, error)
            yield from map(self, docs)

    def candidates(self, doc: Doc) -> list[Match]:
        """Every match, possibly overlapping, as (start, end, label, kb_id, pattern id), in Span order."""
        return in_span_order(self.ranked_candidates(doc))

    def ranked_candidates(self, doc: Doc) -> list[Candidate]:
        """Every match, possibly overlapping, in the order the choice tries them (see `Candidate`)."""
        matches = self.phrase_matcher(doc) + self.token_matcher(doc)
        ranks, span_ids = self._ranks, self._span_ids
        return sorted({(start - end, *ranks[key], start, end, *span_ids[key]) for key, start, end in matches if start < end})

    def match(self, doc: Doc) -> list[Span]:
        """All candidate spans, possibly overlapping, with their label and pattern id."""
        return [Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id) for start, end, label, kb_id, span_id in self.candidates(doc)]

    def set_annotations(self, doc: Doc, candidates: Sequence[Candidate]) -> None:
        """Write the non-overlapping selection of `candidates` (ranked) to `doc.ents` (replacing what was there).

        With a `spans_key`, write to `doc.spans[spans_key]` instead, leaving out candidates
        that overlap an entity. The choice is made on the matches; only the chosen become Spans.
        """
        arrays = doc_arrays(doc)
        if self.spans_key is not None:
            candidates = outside_entities(doc, candidates)
        chosen = self.select(candidates, len(doc))
        if self._keep:
            chosen = self.labelled_parts(chosen, candidates)
        if self._fallback:
            chosen = self.yield_to_listed(arrays.words, chosen, candidates)
            fallback = self._fallback
            chosen = [match for match in chosen if match[2:] not in fallback or not in_title_case_line(arrays.texts, match)]
        if self.place_modifiers:
            chosen = with_place_modifiers(arrays.words, chosen, self.place_modifiers, self._region)
        if self.expand_acronyms:
            chosen = add_acronym_mentions(arrays.texts, chosen, self._acronym_labels, self._acronym_id)
        chosen.sort()  # by start: no two share a token
        spans = [Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id) for start, end, label, kb_id, span_id in chosen]
        if self.spans_key is None:
            doc.set_ents(spans, default="outside")  # what `doc.ents = ...` does
        else:
            doc.spans[self.spans_key] = spans

    def labelled_parts(self, matches: list[Match], candidates: Sequence[Candidate]) -> list[Match]:
        """The matches cut to the part their pattern labels (see `kept`), those left with none dropped."""
        keeps = self._keep
        parts = [match if match[2:] not in keeps else self.kept(match, candidates) for match in matches]
        return [part for part in parts if part is not None]

    def kept(self, match: Match, candidates: Sequence[Candidate]) -> Match | None:
        """The part of a match its pattern labels (see `keep`); None when that part is empty.

        A guess whose kept part is exactly a listed name (one of the `candidates`) takes that name's label
        and pattern: `US` in `US Treasury Secretary` stays the listed place though an acronym before a title reads as an ORG.
        """
        keep = self._keep.get(match[2:])
        if keep is None:
            return match
        start, stop, _ = keep.indices(match.end - match.start)
        if start >= stop:
            return None
        start, stop = match.start + start, match.start + stop
        if self.is_fallback(match) and (listed := self.listed_at(candidates, start, stop)) is not None:
            return listed
        return match._replace(start=start, end=stop)

    def listed_at(self, candidates: Sequence[Candidate], start: int, end: int) -> Match | None:
        """The last in Span order of the non-fallback `candidates` covering exactly tokens `start` to `end`, if any."""
        listed = [candidate[MATCH] for candidate in candidates if candidate[START] == start and candidate[END] == end and not candidate[FALLBACK]]
        return as_match(max(listed)) if listed else None

    def is_fallback(self, match: Match) -> bool:
        """Whether a match comes from a fallback pattern (a name-shape guess)."""
        return match[2:] in self._fallback

    def yield_to_listed(self, words: list[str], chosen: list[Match], candidates: Sequence[Candidate]) -> list[Match]:
        """A guessed ORG does not swallow a listed ORG after its `of (the)`: it ends before `of`, the listed one follows
        (`words` are the doc's lower-cased tokens).

        `Trade Department of the National Statistics Committee Anna Ivanova` (a shape running on into a person's
        name) gives `Trade Department` and the listed `National Statistics Committee`; the rest is left out.
        """
        org, fallback = self._org, self._fallback
        if not any(match[2:] in fallback and match.label == org for match in chosen):
            return chosen
        listed = in_span_order(candidate for candidate in candidates
                               if (ids := candidate[IDS])[0] == org and ids not in fallback and ids not in self._keep)
        result = []
        for match in chosen:
            inner = None
            if match.label == org and self.is_fallback(match):
                inner = next((other for other in listed if match.start < other.start and other.end <= match.end
                              and of_before(words, other.start) > match.start), None)
            if inner is None:
                result.append(match)
                continue
            result += [match._replace(end=of_before(words, inner.start)), inner]
        return result

    def select(self, candidates: Sequence[Candidate], length: int) -> list[Match]:
        """The candidates (ranked) taken in turn where they share no token with one taken before: longest match first,
        then non-fallback, then label priority, then leftmost (`length`: the doc's, in tokens).

        None is longer than one before it, so it cannot hold one taken before without sharing its first token:
        it overlaps one taken before exactly when its first or last token is taken."""
        taken = bytearray(length)
        chosen: list[Match] = []
        for candidate in candidates:
            start, end = candidate[START], candidate[END]
            if not (taken[start] or taken[end - 1]):
                chosen.append(as_match(candidate[MATCH]))
                taken[start:end] = b"\x01" * (end - start)
        return chosen

    def score(self, examples: Iterable[Example], *, labels: Collection[str] | None = None, **kwargs: Any) -> dict[str, Any]:
        """Span P/R/F per label (`components/scoring.py`) of what the ruler writes against the references: `doc.ents`
        (`ents_p`, `ents_r`, `ents_f`, `ents_per_type`) or its span group (`spans_<key>_p`, ...); `labels` restricts
        the labels scored."""
        if self.spans_key is None:
            return score_spans(examples, "ents", lambda doc: doc.ents, labels)
        key = self.spans_key
        return score_spans(examples, f"spans_{key}", lambda doc: doc.spans.get(key, ()), labels)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the patterns as `patterns.jsonl`."""
        to_disk(ensure_path(path), {"patterns.jsonl": lambda p: srsly.write_jsonl(p, self._patterns)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "EconEntityRuler":
        """Load the patterns written by `to_disk`."""
        self.clear()
        from_disk(ensure_path(path), {"patterns.jsonl": lambda p: self.add_patterns(srsly.read_jsonl(p))}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return srsly.json_dumps(self._patterns).encode("utf-8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "EconEntityRuler":
        self.clear()
        self.add_patterns(srsly.json_loads(bytes_data))
        return self


def in_span_order(candidates: Iterable[Candidate]) -> list[Match]:
    """The candidates' matches, in Span order (start, end, label, kb_id, pattern id)."""
    return list(map(as_match, sorted([candidate[MATCH] for candidate in candidates])))


def pattern_key(pattern: Pattern) -> str:
    """The match key of a pattern: its label, id and kb_id."""
    return f"{pattern['label']}\t{pattern.get('id', '')}\t{pattern.get('kb_id', '')}"


ACRONYM_LABELS = ("ORG", "REGION", "INDICATOR")
"""The labels of names whose bracketed acronym is a mention of them."""


def outside_entities(doc: Doc, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates that share no token with an entity (nor with a blocked token)."""
    inside = (doc.to_array(ENT_IOB) % 2).tolist()  # I (1) and B (3) are odd, O (2) and missing (0) even
    return [candidate for candidate in candidates if 1 not in inside[candidate[START] : candidate[END]]]


def of_before(words: list[str], start: int) -> int:
    """The index of the `of` just before token `start` (`of X`, `of the X`), or -1 (`words` lower-cased)."""
    for index in (start - 1, start - 2):
        if index >= 0 and words[index] == "of" and all(words[i] == "the" for i in range(index + 1, start)):
            return index
    return -1


TITLE_CASE_MIN_WORDS = 3
"""A line is a title-case headline when at least this many words of four letters or more outside a span are all capitalised."""


def in_title_case_line(texts: list[str], match: Match) -> bool:
    """Whether `match` stands in a title-case line (`Central Bank Keeps Policy Rate Unchanged`), where a name shape proves nothing.

    The line's words are read outward from the match, so a story's line is told by its first lower-case word."""
    capitalised = 0
    for word in words_on_line_around(texts, match.start, match.end):
        if len(word) >= 4 and word.isalpha():
            if not word[0].isupper():
                return False
            capitalised += 1
    return capitalised >= TITLE_CASE_MIN_WORDS


def words_on_line_around(texts: list[str], start: int, end: int) -> Iterator[str]:
    """The tokens on the line of tokens `start` to `end` (up to a token holding a line break) outside them: those
    before, nearest first, then those after."""
    for index in range(start - 1, -1, -1):
        if "\n" in texts[index]:
            break
        yield texts[index]
    for index in range(end, len(texts)):
        if "\n" in texts[index]:
            break
        yield texts[index]


def with_place_modifiers(words: list[str], matches: list[Match], modifiers: frozenset[str], region: int) -> list[Match]:
    """`eastern Kazakhstan`: a REGION takes in a direction word (`modifiers`; `words` and they lower-cased) just before it."""
    if not any(match.label == region and match.start > 0 and words[match.start - 1] in modifiers for match in matches):
        return matches
    taken = {index for match in matches for index in range(match.start, match.end)}
    extended = []
    for match in matches:
        before = match.start - 1
        if match.label == region and before >= 0 and before not in taken and words[before] in modifiers:
            match = match._replace(start=before)
        extended.append(match)
    return extended


def add_acronym_mentions(texts: list[str], matches: list[Match], labels: frozenset[int], acronym_id: int) -> list[Match]:
    """`Asian Development Bank (ADB)`: label the bracketed acronym, and its later mentions, like the name
    (of the `labels`: ORG, REGION, INDICATOR); the mentions take the pattern id `acronym_id`."""
    bracketed = bracketed_acronyms(texts)
    if not bracketed:
        return matches
    acronyms: dict[str, int] = {}
    for match in matches:
        if match.end in bracketed and match.label in labels:
            acronyms.setdefault(bracketed[match.end], match.label)
    if not acronyms:
        return matches
    taken = {index for match in matches for index in range(match.start, match.end)}
    added = [
        Match(index, index + 1, label, 0, acronym_id)
        for text, label in acronyms.items()
        for index in indices_of(texts, text)
        if index not in taken
    ]
    return matches + added


def bracketed_acronyms(texts: list[str]) -> dict[int, str]:
    """The acronyms standing alone in brackets (`( ADB )`), by the index of their opening bracket."""
    return {
        index: texts[index + 1]
        for index in indices_of(texts, "(")
        if index + 2 < len(texts) and texts[index + 2] == ")" and is_acronym(texts[index + 1])
    }


def indices_of(items: list[str], item: str) -> Iterator[int]:
    """The indices at which `item` stands in `items` (each found by `list.index`, a scan in C)."""
    index = -1
    while True:
        try:
            index = items.index(item, index + 1)
        except ValueError:
            return
        yield index


def is_acronym(text: str) -> bool:
    """Two to eight characters without a space, starting with a capital, and either with no lower-case
    letter (`ADB`, `S&P`, `M2`) or with another capital (`BMWi`, `StatsSA`)."""
    if not 2 <= len(text) <= 8 or not text[0].isupper() or any(char.isspace() for char in text):
        return False
    return not any(char.islower() for char in text) or sum(char.isupper() for char in text) >= 2


def learning_batches(stream: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """The Docs of a stream in batches of at most `size` Docs and `LEARN_TOKENS` tokens (the last may hold more)."""
    batch: list[Doc] = []
    tokens = 0
    for doc in stream:
        batch.append(doc)
        tokens += len(doc)
        if len(batch) >= size or tokens >= LEARN_TOKENS:
            yield batch
            batch, tokens = [], 0
    if batch:
        yield batch
