"""The entity ruler: MONEY, PERCENT, REGION and ORG (and bare AMOUNT candidates) from pattern files.

With a `spans_key` it writes `doc.spans[key]` instead (the INDICATOR/PERIOD candidates).
Modelled on spaCy's SpanRuler: token patterns go to a token matcher, phrase patterns to a
PhraseMatcher, `match(doc)` finds candidates and `set_annotations(doc, spans)` writes
`doc.ents`, keeping the longest candidate where they overlap (then the label priority).
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
"""

import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, ensure_path, from_disk, to_disk

from .extensions import register_extensions
from .token_matcher import TokenPatternMatcher

Pattern = dict[str, Any]


@Language.factory(
    "econ_entity_ruler",
    assigns=["doc.ents"],
    default_config={
        "phrase_matcher_attr": "ORTH",
        "label_priority": ["MONEY", "PERCENT", "ORG", "REGION", "AMOUNT"],
        "expand_acronyms": True,
        "spans_key": None,
        "place_modifiers": [],
    },
)
def make_entity_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str,
    label_priority: list[str],
    expand_acronyms: bool,
    spans_key: str | None,
    place_modifiers: list[str],
) -> "EconEntityRuler":
    """Build the entity ruler; its patterns are loaded by `initialize` or `from_disk`."""
    return EconEntityRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        label_priority=label_priority,
        expand_acronyms=expand_acronyms,
        spans_key=spans_key,
        place_modifiers=place_modifiers,
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
    ) -> None:
        register_extensions()
        self.place_modifiers = frozenset(word.lower() for word in place_modifiers)
        self.spans_key = spans_key
        self.nlp = nlp
        self.name = name
        self.phrase_matcher_attr = phrase_matcher_attr
        self.label_priority = list(label_priority)
        self.expand_acronyms = expand_acronyms
        self.clear()

    def clear(self) -> None:
        """Remove every pattern."""
        self._patterns: list[Pattern] = []
        self._span_ids: dict[int, tuple[int, int, int]] = {}  # match key -> label, kb_id, pattern id as the Span holds them
        self._keep: dict[tuple[int, int, int], slice] = {}  # label, kb_id, pattern id -> the matched tokens labelled
        self._fallback: set[tuple[int, int, int]] = set()  # label, kb_id, pattern id of the fallback patterns
        self.token_matcher = TokenPatternMatcher(self.nlp.vocab)
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
        texts = [text for _, text in phrases]
        for (key, _), phrase_doc in zip(phrases, self.nlp.tokenizer.pipe(texts)):
            self.phrase_matcher.add(key, [phrase_doc])

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as error:  # noqa: BLE001 - routed to spaCy's configurable error handler
            return error_handler(self.name, self, [doc], error)

    def match(self, doc: Doc) -> list[Span]:
        """All candidate spans, possibly overlapping, with their label and pattern id."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W036")
            matches = list(self.phrase_matcher(doc)) + self.token_matcher(doc)
        found = sorted({(start, end, *self._span_ids[key]) for key, start, end in matches if start < end})  # in Span order
        return [Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id) for start, end, label, kb_id, span_id in found]

    def set_annotations(self, doc: Doc, spans: Sequence[Span]) -> None:
        """Write the non-overlapping selection of `spans` to `doc.ents` (replacing what was there).

        With a `spans_key`, write to `doc.spans[spans_key]` instead, leaving out candidates
        that overlap an entity.
        """
        if self.spans_key is not None:
            taken = {index for ent in doc.ents for index in range(ent.start, ent.end)}
            spans = [span for span in spans if not taken.intersection(range(span.start, span.end))]
        listed = {(span.start, span.end): span for span in spans if not self.is_fallback(span)}
        chosen = [kept for span in self.select(spans) if (kept := self.kept(span, listed)) is not None]
        chosen = self.yield_to_listed(chosen, spans)
        chosen = [span for span in chosen if not (self.is_fallback(span) and in_title_case_line(span))]
        if self.place_modifiers:
            chosen = with_place_modifiers(doc, chosen, self.place_modifiers)
        if self.expand_acronyms:
            chosen = add_acronym_mentions(doc, chosen)
        chosen.sort(key=lambda span: span.start)
        if self.spans_key is None:
            doc.ents = chosen
        else:
            doc.spans[self.spans_key] = chosen

    def kept(self, span: Span, listed: dict[tuple[int, int], Span]) -> Span | None:
        """The part of a matched span its pattern labels (see `keep`); None when that part is empty.

        A guess whose kept part is exactly a listed name takes that name's label and pattern: `US` in
        `US Treasury Secretary` stays the listed place though an acronym before a title reads as an ORG.
        """
        keep = self._keep.get((span.label, span.kb_id, span.id))
        if keep is None:
            return span
        start, stop, _ = keep.indices(len(span))
        if start >= stop:
            return None
        start, stop = span.start + start, span.start + stop
        if self.is_fallback(span) and (start, stop) in listed:
            return listed[start, stop]
        return Span(span.doc, start, stop, label=span.label, kb_id=span.kb_id, span_id=span.id)

    def is_fallback(self, span: Span) -> bool:
        """Whether a span comes from a fallback pattern (a name-shape guess)."""
        return (span.label, span.kb_id, span.id) in self._fallback

    def yield_to_listed(self, chosen: list[Span], candidates: Sequence[Span]) -> list[Span]:
        """A guessed ORG does not swallow a listed ORG after its `of (the)`: it ends before `of`, the listed one follows.

        `Trade Department of the National Statistics Committee Anna Ivanova` (a shape running on into a person's
        name) gives `Trade Department` and the listed `National Statistics Committee`; the rest is left out.
        """
        listed = [
            span for span in candidates
            if span.label_ == "ORG" and (key := (span.label, span.kb_id, span.id)) not in self._fallback and key not in self._keep
        ]
        result = []
        for span in chosen:
            inner = None
            if span.label_ == "ORG" and self.is_fallback(span):
                inner = next((other for other in listed if span.start < other.start and other.end <= span.end
                              and of_before(span.doc, other.start) > span.start), None)
            if inner is None:
                result.append(span)
                continue
            cut = of_before(span.doc, inner.start)
            result += [Span(span.doc, span.start, cut, label=span.label, kb_id=span.kb_id, span_id=span.id), inner]
        return result

    def select(self, spans: Sequence[Span]) -> list[Span]:
        """Longest match first, then non-fallback, then label priority, then leftmost; no two share a token."""
        rank = {label: index for index, label in enumerate(self.label_priority)}

        def order(span: Span) -> tuple[int, bool, int, int]:
            fallback = (span.label, span.kb_id, span.id) in self._fallback
            return -(span.end - span.start), fallback, rank.get(span.label_, len(rank)), span.start

        ordered = sorted(spans, key=order)
        taken: set[int] = set()
        chosen: list[Span] = []
        for span in ordered:
            if not taken.intersection(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        return chosen

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


def pattern_key(pattern: Pattern) -> str:
    """The match key of a pattern: its label, id and kb_id."""
    return f"{pattern['label']}\t{pattern.get('id', '')}\t{pattern.get('kb_id', '')}"


def of_before(doc: Doc, start: int) -> int:
    """The index of the `of` just before token `start` (`of X`, `of the X`), or -1."""
    for index in (start - 1, start - 2):
        if index >= 0 and doc[index].lower_ == "of" and all(doc[i].lower_ == "the" for i in range(index + 1, start)):
            return index
    return -1


TITLE_CASE_MIN_WORDS = 3
"""A line is a title-case headline when at least this many words of four letters or more outside a span are all capitalised."""


def in_title_case_line(span: Span) -> bool:
    """Whether `span` stands in a title-case line (`Central Bank Keeps Policy Rate Unchanged`), where a name shape proves nothing."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    words = [token.text for token in doc[start:end] if token.is_alpha and len(token) >= 4 and not span.start <= token.i < span.end]
    return len(words) >= TITLE_CASE_MIN_WORDS and all(word[0].isupper() for word in words)


def with_place_modifiers(doc: Doc, spans: list[Span], modifiers: frozenset[str]) -> list[Span]:
    """`eastern Kazakhstan`: a REGION takes in a direction word (`modifiers`, lower case) just before it."""
    taken = {index for span in spans for index in range(span.start, span.end)}
    extended = []
    for span in spans:
        before = span.start - 1
        if span.label_ == "REGION" and before >= 0 and before not in taken and doc[before].lower_ in modifiers:
            span = Span(doc, before, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id)
        extended.append(span)
    return extended


def add_acronym_mentions(doc: Doc, spans: list[Span]) -> list[Span]:
    """`Asian Development Bank (ADB)`: label the bracketed acronym, and its later mentions, like the name."""
    acronyms: dict[str, str] = {}
    for span in spans:
        if span.label_ in ("ORG", "REGION", "INDICATOR") and span.end + 2 < len(doc):
            opening, candidate, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
            if opening.text == "(" and closing.text == ")" and is_acronym(candidate.text):
                acronyms.setdefault(candidate.text, span.label_)
    if not acronyms:
        return spans
    taken = {index for span in spans for index in range(span.start, span.end)}
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]  # not a Token object per token
    added = [
        Span(doc, index, index + 1, label=acronyms[text], span_id="acronym")
        for index, text in enumerate(texts)
        if text in acronyms and index not in taken
    ]
    return spans + added


def is_acronym(text: str) -> bool:
    """Two to eight characters without a space, starting with a capital, and either with no lower-case
    letter (`ADB`, `S&P`, `M2`) or with another capital (`BMWi`, `StatsSA`)."""
    if not 2 <= len(text) <= 8 or not text[0].isupper() or any(char.isspace() for char in text):
        return False
    return not any(char.islower() for char in text) or sum(char.isupper() for char in text) >= 2
