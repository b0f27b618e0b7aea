"""The entity ruler: MONEY, PERCENT, REGION and ORG (and bare AMOUNT candidates) from pattern files.

With a `spans_key` it writes `doc.spans[key]` instead (the INDICATOR/PERIOD candidates).
Modelled on spaCy's SpanRuler: token patterns go to a Matcher, phrase patterns to a
PhraseMatcher, `match(doc)` finds candidates and `set_annotations(doc, spans)` writes
`doc.ents`, keeping the longest candidate where they overlap (then the label priority).
Every pattern carries an `id` recording where it came from; the chosen pattern's id
is the entity's `ent_id_`, and a place pattern's `kb_id` (its country, ISO 3166 alpha-2)
the entity's `kb_id_`. Patterns are loaded at `[initialize]` time and written by
`to_disk` as `patterns.jsonl`.

The token patterns are matched only in the stretches of a doc that can hold a match: from a
word that can open a pattern up to the next word that no pattern token accepts. Which words
those are is learned once per word from the pattern tokens' word-level conditions, so the
matches are exactly those of the whole doc. Labels whose patterns open on different words
(figures and organisation shapes) get a Matcher and stretches of their own.
"""

import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, ensure_path, from_disk, to_disk
from spacy.vocab import Vocab

from .extensions import register_extensions

Pattern = dict[str, Any]
# Token attributes that depend on the word alone (the rest, like SPACY or IS_SENT_START, on its place in the doc).
WORD_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
OUTSIDE, INSIDE, OPENING = 0, 1, 2  # what a word can be in a token-pattern match: nothing, a later token, its first token


@Language.factory(
    "econ_entity_ruler",
    assigns=["doc.ents"],
    default_config={
        "phrase_matcher_attr": "ORTH",
        "label_priority": ["MONEY", "PERCENT", "ORG", "REGION", "AMOUNT"],
        "expand_acronyms": True,
        "spans_key": None,
    },
)
def make_entity_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str,
    label_priority: list[str],
    expand_acronyms: bool,
    spans_key: str | None,
) -> "EconEntityRuler":
    """Build the entity ruler; its patterns are loaded by `initialize` or `from_disk`."""
    return EconEntityRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        label_priority=label_priority,
        expand_acronyms=expand_acronyms,
        spans_key=spans_key,
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
    ) -> None:
        register_extensions()
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
        self.token_matchers: list[TokenMatcher] = []
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
            if isinstance(pattern["pattern"], str):
                phrases.append((key, pattern["pattern"]))
            self._patterns.append(pattern)
        texts = [text for _, text in phrases]
        for (key, _), phrase_doc in zip(phrases, self.nlp.tokenizer.pipe(texts)):
            self.phrase_matcher.add(key, [phrase_doc])
        token_patterns = [pattern for pattern in self._patterns if not isinstance(pattern["pattern"], str)]
        self.token_matchers = [TokenMatcher(self.nlp.vocab, group) for group in group_by_openers(token_patterns)]

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
            matches = list(self.phrase_matcher(doc))
            orths = doc.to_array(ORTH).tolist()
            for matcher in self.token_matchers:
                matches.extend(matcher(doc, orths))
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
        chosen = self.select(spans)
        if self.expand_acronyms:
            chosen = add_acronym_mentions(doc, chosen)
        chosen.sort(key=lambda span: span.start)
        if self.spans_key is None:
            doc.ents = chosen
        else:
            doc.spans[self.spans_key] = chosen

    def select(self, spans: Sequence[Span]) -> list[Span]:
        """Longest first, then by label priority, then leftmost; no two chosen spans share a token."""
        rank = {label: index for index, label in enumerate(self.label_priority)}
        ordered = sorted(spans, key=lambda s: (-(s.end - s.start), rank.get(s.label_, len(rank)), s.start))
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


class TokenMatcher:
    """A Matcher for token patterns that runs only on the stretches of a doc that can hold a match."""

    def __init__(self, vocab: Vocab, patterns: list[Pattern]) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=True)
        self.word_matcher = Matcher(vocab)  # one-token patterns: the word-level conditions of the pattern tokens
        conditions: set[str] = set()
        for pattern in patterns:
            self.matcher.add(pattern_key(pattern), [pattern["pattern"]])
            for role, words in word_conditions(pattern["pattern"]):
                if (condition := srsly.json_dumps([role, words], sort_keys=True)) not in conditions:
                    conditions.add(condition)
                    self.word_matcher.add(role, [[words]])
        self.roles: dict[int, int] = {}  # orth -> OUTSIDE, INSIDE or OPENING

    def __call__(self, doc: Doc, orths: list[int]) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match in `doc`, whose token orths are `orths`."""
        return [
            (key, start + first, start + last)
            for start, end in self.windows(orths)
            for key, first, last in self.matcher(doc[start:end])
        ]

    def windows(self, orths: list[int]) -> list[tuple[int, int]]:
        """(start, end) of the stretches that hold every match: from a word that can open one to the next word no token takes."""
        self.learn_words({orth for orth in orths if orth not in self.roles})
        windows = []
        start = None
        for index, orth in enumerate(orths):
            role = self.roles[orth]
            if role == OUTSIDE and start is not None:
                windows.append((start, index))
                start = None
            elif role == OPENING and start is None:
                start = index
        if start is not None:
            windows.append((start, len(orths)))
        return windows

    def learn_words(self, orths: set[int]) -> None:
        """Find what each new word can be in a match, matching the word-level conditions on a doc of the words."""
        if not orths:
            return
        words = list(orths)
        strings = self.vocab.strings
        roles = dict.fromkeys(range(len(words)), OUTSIDE)
        for key, start, _ in self.word_matcher(Doc(self.vocab, words=[strings[orth] for orth in words])):
            roles[start] = max(roles[start], OPENING if strings[key] == "OPENING" else INSIDE)
        self.roles.update((orth, roles[index]) for index, orth in enumerate(words))


def pattern_key(pattern: Pattern) -> str:
    """The match key of a pattern: its label, id and kb_id."""
    return f"{pattern['label']}\t{pattern.get('id', '')}\t{pattern.get('kb_id', '')}"


def word_conditions(tokens: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(role, word-level conditions) of each token of a pattern: OPENING up to its first required token, then INSIDE.

    A `!` token may take any word.
    """
    conditions = []
    opening = True
    for token in tokens:
        words = {} if token.get("OP") == "!" else {key: value for key, value in token.items() if key in WORD_ATTRS}
        conditions.append(("OPENING" if opening else "INSIDE", words))
        opening = opening and is_optional(token)
    return conditions


def group_by_openers(patterns: list[Pattern]) -> list[list[Pattern]]:
    """Token patterns by label, the labels whose patterns can open on the same word condition together."""
    groups: list[tuple[set[str], list[Pattern]]] = []  # (opening conditions, patterns)
    by_label: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        by_label.setdefault(pattern["label"], []).append(pattern)
    for label_patterns in by_label.values():
        openers = {
            srsly.json_dumps(words, sort_keys=True)
            for pattern in label_patterns
            for role, words in word_conditions(pattern["pattern"])
            if role == "OPENING"
        }
        shared = [group for group in groups if group[0] & openers]
        groups = [group for group in groups if not group[0] & openers]
        merged = [pattern for group in shared for pattern in group[1]] + label_patterns
        groups.append((openers.union(*(group[0] for group in shared)), merged))
    return [group_patterns for _, group_patterns in groups]


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
    added = [
        Span(doc, token.i, token.i + 1, label=acronyms[token.text], span_id="acronym")
        for token in doc
        if token.text in acronyms and token.i not in taken
    ]
    return spans + added


def is_optional(token: dict[str, Any]) -> bool:
    """Whether a pattern token may match no word (`?`, `*`, `{0,n}`)."""
    operator = token.get("OP", "")
    return operator in ("?", "*") or operator.startswith(("{0", "{,"))


def is_acronym(text: str) -> bool:
    """Two to eight characters, starting with a capital, with no lower-case letter: `ADB`, `EDB`, `S&P`."""
    return 2 <= len(text) <= 8 and text[0].isupper() and not any(char.islower() for char in text)
