"""A matcher for token patterns that reads each token once and decides each condition once per word.

spaCy's Matcher tests the `IN`, `NOT_IN` and `REGEX` conditions of every pattern in Python, at every
token. Here a token's word-level conditions (those in `WORD_ATTRS`) are decided once per distinct word,
reading the word's lexeme as spaCy's Matcher reads it (`WordConditions`): a string that equals a value or
is `IN` a list is one look-up, other string and flag tests are run in Python, and anything else is left to
spaCy's own Matcher on a doc of the new words. Words that meet the same conditions are one class. The
patterns are then combined into one automaton built lazily from the text: a state is the set of
(pattern, token) positions still alive, and its move on a class of words is remembered. Matching a doc
costs a dictionary look-up per token, plus one per further token of a live match.

The matches are spaCy's: every (key, start, end) whose tokens match a pattern, with the operators
`?`, `*`, `+`, `!` and `{n}`, `{n,m}`, `{n,}`, `{,m}`. Besides the word-level attributes, a token may test
`SPACY` (a space follows it) and `IS_SENT_START`. With `skip_spaces`, a token of extra spaces (no
line break) inside a match is read past, so `the  first half` matches a pattern for `the first half`;
no match starts or ends on one.
"""
from __future__ import annotations

import re
from functools import partial
from itertools import chain, compress, count, repeat
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator, Sequence

import srsly
from spacy.attrs import IDS, SENT_START
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .doc_arrays import doc_arrays

# Token attributes that depend on the word alone.
WORD_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
# The word attributes tested in Python (of those spaCy's Matcher accepts): strings, as the lexeme property that holds them ...
STRING_PROPERTIES = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "SHAPE": "shape_"}
# ... and the lexeme's flags (spaCy's Matcher compares a flag's 1 or 0 with a pattern's true or false).
FLAGS = {name: IDS[name] for name in WORD_ATTRS if name.startswith(("IS_", "LIKE_"))}
# Token attributes that depend on the token's place in its doc.
PLACE_ATTRS = ("SPACY", "IS_SENT_START")
REPEATS = re.compile(r"\{(\d*)(,?)(\d*)\}")  # {n}, {n,m}, {n,}, {,m}
ONE, OPTIONAL, ANY, SOME, NOT = "", "?", "*", "+", "!"
DEAD, START = 0, 1  # the state with no live position; the state before the first token
PLACED = -1  # marks a move that depends on the word's place as well as the word
MAX_REMEMBERED = 500_000  # distinct words decided; past this the words are forgotten and decided again

WordTest = Callable[["WordColumns", Sequence[int]], list[int]]  # the indices of the words passing, of those at the indices given


class TokenPatternMatcher:
    """Matches token patterns (lists of spaCy token dicts) added under string keys; see the module docstring."""

    def __init__(self, vocab: Vocab, *, skip_spaces: bool = False) -> None:
        self.vocab = vocab
        self.skip_spaces = skip_spaces
        self._word_conditions = WordConditions(vocab)
        self._condition_ids: dict[tuple[int, bool | None, bool | None], int] = {}  # (word condition, space after, sentence start) -> index
        self._patterns: list[tuple[int, list[tuple[int, str]]]] = []  # key, then (condition, operator) per token
        self._forget_words()
        self._reset_states()

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        """Add a pattern under `key`; raise ValueError for an attribute or operator it cannot test."""
        tokens = []
        for token in pattern:
            condition = self._condition(token, key)
            tokens.extend((condition, operator) for operator in expand_operator(token.get("OP", ONE), key))
        self._patterns.append((self.vocab.strings.add(key), tokens))
        self._reset_states()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match in `doc`."""
        if not self._patterns:
            return []
        classes = self._classes_of(doc_arrays(doc).texts)
        places = Places(doc)
        moves, accepts, follow, gaps = self._moves, self._accepts, self._follow, self._gap_classes
        length = len(classes)
        matches = []
        for start in self._possible_starts(classes):
            state, end, word_class = START, start, classes[start]
            while True:
                following = moves[state].get(word_class)
                if following is None or following == PLACED:
                    following = follow(state, word_class, places, end)
                if following == DEAD:
                    break
                state = following
                end += 1
                for key in accepts[state]:
                    matches.append((key, start, end))
                while end < length and classes[end] in gaps:
                    end += 1  # `the  first half`: an extra space inside a match is read past
                if end == length:
                    break
                word_class = classes[end]
        return matches

    def _possible_starts(self, classes: list[int]) -> Iterator[int]:
        """The indices of the words a match may start at: those whose class does not lead from the start to no match
        (a move not yet known, or known only with the word's place, counts as possible)."""
        return compress(count(), map(self._moves[START].get, classes, repeat(PLACED)))

    def learn(self, docs: Iterable[Doc]) -> None:
        """Decide the word conditions of the docs' words not seen before at once (matching them then finds them known)."""
        self._learn_new(chain.from_iterable(doc_arrays(doc).texts for doc in docs))

    def _classes_of(self, words: list[str]) -> list[int]:
        """The class of each word (learning the words not seen before)."""
        self._learn_new(words)
        return list(map(self._word_classes.__getitem__, words))

    def _learn_new(self, words: Iterable[str]) -> None:
        """Learn the classes of the words not seen before."""
        if len(self._word_classes) > MAX_REMEMBERED:
            self._word_classes.clear()
        new = set(words).difference(self._word_classes)
        if new:
            self._learn_words(list(new))

    def _learn_words(self, words: list[str]) -> None:
        """Decide the word-level conditions of new words, and so their classes."""
        for word, met in zip(words, self._word_conditions.met_by(words)):
            self._word_classes[word] = self._class(met, self.skip_spaces and word.isspace() and "\n" not in word)

    def _class(self, met: frozenset[int], gap: bool) -> int:
        """The class of the words that meet the word conditions `met` and are (or are not) an extra space, made on first sight."""
        word_class = self._class_ids.get((met, gap))
        if word_class is None:
            word_class = self._class_ids[met, gap] = len(self._class_conditions)
            self._class_conditions.append(met)
            if gap:
                self._gap_classes.add(word_class)
        return word_class

    def _forget_words(self) -> None:
        """Forget the words' classes (after the word conditions changed)."""
        self._word_classes: dict[str, int] = {}  # word -> its class
        self._class_ids: dict[tuple[frozenset[int], bool], int] = {}  # (the word conditions met, an extra space) -> class
        self._class_conditions: list[frozenset[int]] = []  # class -> the word conditions its words meet
        self._gap_classes: set[int] = set()  # the classes of extra spaces (read past when `skip_spaces`)

    def _condition(self, token: dict[str, Any], key: str) -> int:
        """The index of a pattern token's condition (without its operator)."""
        words: dict[str, Any] = {}
        place: dict[str, bool] = {}
        for attr, value in token.items():
            name = attr.upper()
            if name == "OP":
                continue
            if name in PLACE_ATTRS:
                place[name] = bool(value)
            elif name in WORD_ATTRS:
                words[name] = value
            else:
                raise ValueError(f"pattern {key!r}: the token attribute {attr!r} cannot be matched here")
        known = len(self._word_conditions)
        word_condition = self._word_conditions.add(words)
        if len(self._word_conditions) > known:
            self._forget_words()
        condition = (word_condition, place.get("SPACY"), place.get("IS_SENT_START"))
        return self._condition_ids.setdefault(condition, len(self._condition_ids))

    def _reset_states(self) -> None:
        """Forget the automaton (after the patterns changed); it is rebuilt as text is read."""
        self._condition_list = sorted(self._condition_ids, key=self._condition_ids.__getitem__)
        self._states: dict[frozenset[tuple[int, int]], int] = {}
        self._positions: list[frozenset[tuple[int, int]]] = []
        self._accepts: list[tuple[int, ...]] = []
        self._moves: list[dict[int | tuple[int, bool, bool], int]] = []
        self._state(frozenset())
        self._state(self._closure((pattern, 0) for pattern in range(len(self._patterns))))

    def _state(self, positions: frozenset[tuple[int, int]]) -> int:
        """The index of the state with these live positions, made on first sight."""
        if positions not in self._states:
            self._states[positions] = len(self._positions)
            self._positions.append(positions)
            ends = {self._patterns[pattern][0] for pattern, index in positions if index == len(self._patterns[pattern][1])}
            self._accepts.append(tuple(sorted(ends)))
            self._moves.append({})
        return self._states[positions]

    def _closure(self, positions: Iterable[tuple[int, int]]) -> frozenset[tuple[int, int]]:
        """The positions, and every position reached from them by skipping optional tokens."""
        reached = set()
        for pattern, index in positions:
            tokens = self._patterns[pattern][1]
            reached.add((pattern, index))
            while index < len(tokens) and tokens[index][1] in (OPTIONAL, ANY):
                index += 1
                reached.add((pattern, index))
        return frozenset(reached)

    def _follow(self, state: int, word_class: int, places: "Places", index: int) -> int:
        """The state after reading a word of `word_class` (token `index`) in `state`, computed and remembered:
        under the class alone, or (marked PLACED under the class) under the class and the word's place, where that decides."""
        moves = self._moves[state]
        following = moves.get(word_class)
        if following is None:
            following = moves[word_class] = self._move(state, word_class)
        if following != PLACED:
            return following
        key = (word_class, *places[index])
        if key not in moves:
            moves[key] = self._move(state, word_class, places[index])
        return moves[key]

    def _move(self, state: int, word_class: int, place: tuple[bool, bool] | None = None) -> int:
        """The state after reading a word of `word_class` in `state`, with its place (space after, sentence start);
        without one, PLACED if the place decides."""
        met = self._class_conditions[word_class]
        advanced = []
        for pattern, index in self._positions[state]:
            tokens = self._patterns[pattern][1]
            if index == len(tokens):
                continue
            condition, operator = tokens[index]
            word_condition, space_after, starts_sentence = self._condition_list[condition]
            meets = word_condition in met
            if meets and (space_after, starts_sentence) != (None, None):
                if place is None:
                    return PLACED
                meets = space_after in (None, place[0]) and starts_sentence in (None, place[1])
            if meets != (operator == NOT):
                advanced.append((pattern, index + 1))
                if operator in (ANY, SOME):
                    advanced.append((pattern, index))
        return self._state(self._closure(advanced)) if advanced else DEAD


class WordConditions:
    """The word-level conditions of token patterns, and which of them words meet, decided as spaCy's Matcher decides.

    Each test reads the word's lexeme, which holds what spaCy's Matcher reads. A condition that one of the word's
    strings equals a value or is `IN` a list is looked up by that string; one made of other tests on strings (`REGEX`,
    `NOT_IN`) and flags (`"IS_ALPHA": true`) is run in Python, one test at a time over all the new words; any other
    goes to a spaCy Matcher.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._indices: dict[str, int] = {}  # the condition, as JSON -> its index
        self._looked_up: dict[str, dict[str, list[int]]] = {}  # lexeme property -> its string -> the conditions met
        self._tested: list[tuple[int, list[WordTest]]] = []  # condition, the tests it is made of
        self._matcher = Matcher(vocab, validate=True)  # one one-token pattern per remaining condition

    def __len__(self) -> int:
        return len(self._indices)

    def add(self, condition: dict[str, Any]) -> int:
        """The index of a condition (a spaCy token pattern of word attributes), added on first sight."""
        text = srsly.json_dumps(condition, sort_keys=True)
        if text in self._indices:
            return self._indices[text]
        index = self._indices[text] = len(self._indices)
        looked_up = looked_up_strings(condition)
        if looked_up is not None:
            table = self._looked_up.setdefault(looked_up[0], {})
            for string in looked_up[1]:
                table.setdefault(string, []).append(index)
        elif (tests := word_tests(condition)) is not None:
            self._tested.append((index, tests))
        else:
            self._matcher.add(str(index), [[condition]])
        return index

    def met_by(self, words: list[str]) -> list[frozenset[int]]:
        """The conditions each word meets."""
        met: list[set[int]] = [set() for _ in words]
        columns = WordColumns(self.vocab, words)
        for prop, table in self._looked_up.items():
            for conditions, found in zip(met, map(table.get, columns.strings(prop))):
                if found:
                    conditions.update(found)
        everyone = range(len(words))
        for condition, tests in self._tested:
            passing: Sequence[int] = everyone
            for test in tests:
                passing = test(columns, passing)
                if not passing:
                    break
            for index in passing:
                met[index].add(condition)
        if len(self._matcher):
            strings = self.vocab.strings
            for key, start, _ in self._matcher(Doc(self.vocab, words=words)):
                met[start].add(int(strings[key]))
        return [frozenset(conditions) for conditions in met]


class WordColumns:
    """The strings and flags of a list of words' lexemes, one column per property or flag, read when first asked for."""

    def __init__(self, vocab: Vocab, words: list[str]) -> None:
        self.vocab = vocab
        self.words = words
        self._lexemes: list[Lexeme] | None = None
        self._strings: dict[str, list[str]] = {"orth_": words}  # a lexeme's `orth_` is its word
        self._flags: dict[int, list[bool]] = {}

    def lexemes(self) -> list[Lexeme]:
        """The words' lexemes."""
        if self._lexemes is None:
            self._lexemes = [self.vocab[word] for word in self.words]
        return self._lexemes

    def strings(self, prop: str) -> list[str]:
        """The lexemes' string property `prop` (`orth_`, `lower_`, `shape_`)."""
        if prop not in self._strings:
            self._strings[prop] = list(map(attrgetter(prop), self.lexemes()))
        return self._strings[prop]

    def flags(self, flag: int) -> list[bool]:
        """The lexemes' flag `flag`."""
        if flag not in self._flags:
            self._flags[flag] = [lexeme.check_flag(flag) for lexeme in self.lexemes()]
        return self._flags[flag]


def looked_up_strings(condition: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """(lexeme property, the strings it may be) when a condition is just that (`"LOWER": "bn"`, `"ORTH": {"IN": [...]}`)."""
    if len(condition) != 1:
        return None
    (name, value), = condition.items()
    if name not in STRING_PROPERTIES:
        return None
    if isinstance(value, str):
        return STRING_PROPERTIES[name], frozenset([value])
    if isinstance(value, dict) and list(value) == ["IN"] and is_strings(value["IN"]):
        return STRING_PROPERTIES[name], frozenset(value["IN"])
    return None


def word_tests(condition: dict[str, Any]) -> list[WordTest] | None:
    """Tests of words that together decide the condition as spaCy's Matcher does; None if a part of it is not one of them."""
    tests = []
    for name, value in condition.items():
        if name in FLAGS and isinstance(value, bool):
            tests.append(partial(flag_is, FLAGS[name], value))
            continue
        if name not in STRING_PROPERTIES or not isinstance(value, (str, dict)) or not value:
            return None
        for operator, operand in value.items() if isinstance(value, dict) else [("IN", [value])]:
            test = string_test(STRING_PROPERTIES[name], operator, operand)
            if test is None:
                return None
            tests.append(test)
    return tests


def string_test(prop: str, operator: str, operand: Any) -> WordTest | None:
    """The test of a lexeme's string property `prop` by `IN`, `NOT_IN` or `REGEX` (spaCy's `re.search`); None for another."""
    if operator in ("IN", "NOT_IN") and is_strings(operand):
        return partial(string_in if operator == "IN" else string_not_in, prop, frozenset(operand))
    if operator == "REGEX" and isinstance(operand, str):
        return partial(string_searched, prop, re.compile(operand))
    return None


def is_strings(value: Any) -> bool:
    """Whether `value` is a list of strings."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def flag_is(flag: int, value: bool, columns: WordColumns, indices: Sequence[int]) -> list[int]:
    """Those of the words at `indices` whose lexeme's flag is `value`."""
    flags = columns.flags(flag)
    return [index for index in indices if flags[index] == value]


def string_in(prop: str, strings: frozenset[str], columns: WordColumns, indices: Sequence[int]) -> list[int]:
    """Those of the words at `indices` whose string property `prop` is one of `strings`."""
    column = columns.strings(prop)
    return [index for index in indices if column[index] in strings]


def string_not_in(prop: str, strings: frozenset[str], columns: WordColumns, indices: Sequence[int]) -> list[int]:
    """Those of the words at `indices` whose string property `prop` is none of `strings`."""
    column = columns.strings(prop)
    return [index for index in indices if column[index] not in strings]


def string_searched(prop: str, pattern: re.Pattern[str], columns: WordColumns, indices: Sequence[int]) -> list[int]:
    """Those of the words at `indices` in whose string property `prop` `pattern` is found."""
    column, search = columns.strings(prop), pattern.search
    return [index for index in indices if search(column[index])]  # a match is true, no match None


class Places:
    """The places of a doc's tokens (a space after it, a sentence start), read from the doc's arrays when first asked for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spaced: list[int] | None = None
        self.sentence_flags: list[int] = []

    def __getitem__(self, index: int) -> tuple[bool, bool]:
        if self.spaced is None:
            arrays = doc_arrays(self.doc)
            self.spaced = arrays.spaced
            self.sentence_flags = arrays.sentence_flags if arrays.sentence_flags is not None else self.doc.to_array(SENT_START).tolist()
        return bool(self.spaced[index]), self.sentence_flags[index] == 1


def expand_operator(operator: str, key: str) -> list[str]:
    """The operators of the tokens one pattern token stands for: `{2,3}` -> ['', '', '?']."""
    if operator in (ONE, OPTIONAL, ANY, SOME, NOT):
        return [operator]
    repeats = REPEATS.fullmatch(operator)
    if not repeats or not (repeats.group(1) or repeats.group(3)):
        raise ValueError(f"pattern {key!r}: unknown operator {operator!r}")
    low = int(repeats.group(1) or 0)
    if not repeats.group(2):
        return [ONE] * low
    if not repeats.group(3):
        return [ONE] * low + [ANY]
    return [ONE] * low + [OPTIONAL] * (int(repeats.group(3)) - low)
