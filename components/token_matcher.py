"""A matcher for token patterns that reads each token once and decides each condition once per word.

spaCy's Matcher tests the `IN`, `NOT_IN` and `REGEX` conditions of every pattern in Python, at every
token. Here a token's word-level conditions (those in `WORD_ATTRS`) are decided once per distinct word,
by spaCy's own Matcher on a one-token doc, so attributes mean exactly what they mean to spaCy. The
patterns are then combined into one automaton built lazily from the text: a state is the set of
(pattern, token) positions still alive, and its move on a word is remembered. Matching a doc costs a
dictionary look-up per token, plus one per further token of a live match.

The matches are spaCy's: every (key, start, end) whose tokens match a pattern, with the operators
`?`, `*`, `+`, `!` and `{n}`, `{n,m}`, `{n,}`, `{,m}`. Besides the word-level attributes, a token may test
`SPACY` (a space follows it) and `IS_SENT_START`. With `skip_spaces`, a token of extra spaces (no
line break) inside a match is read past, so `the  first half` matches a pattern for `the first half`;
no match starts or ends on one.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

import srsly
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes that depend on the word alone.
WORD_ATTRS = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
# Token attributes that depend on the token's place in its doc.
PLACE_ATTRS = ("SPACY", "IS_SENT_START")
REPEATS = re.compile(r"\{(\d*)(,?)(\d*)\}")  # {n}, {n,m}, {n,}, {,m}
ONE, OPTIONAL, ANY, SOME, NOT = "", "?", "*", "+", "!"
DEAD, START = 0, 1  # the state with no live position; the state before the first token
PLACED = -1  # marks a move that depends on the word's place as well as the word
MAX_REMEMBERED = 500_000  # distinct words decided; past this the words and the automaton are forgotten and relearned


class TokenPatternMatcher:
    """Matches token patterns (lists of spaCy token dicts) added under string keys; see the module docstring."""

    def __init__(self, vocab: Vocab, *, skip_spaces: bool = False) -> None:
        self.vocab = vocab
        self.skip_spaces = skip_spaces
        self._word_matcher = Matcher(vocab, validate=True)  # one one-token pattern per word-level condition
        self._word_conditions: dict[str, int] = {}  # the condition, as JSON -> its index
        self._condition_ids: dict[tuple[int, bool | None, bool | None], int] = {}  # (word condition, space after, sentence start) -> index
        self._patterns: list[tuple[int, list[tuple[int, str]]]] = []  # key, then (condition, operator) per token
        self._word_matches: dict[int, frozenset[int]] = {}  # orth -> the word conditions it meets
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
        orths = doc.to_array(ORTH).tolist()
        if len(self._word_matches) > MAX_REMEMBERED:
            self._word_matches.clear()
            self._reset_states()
        self._learn_words({orth for orth in orths if orth not in self._word_matches})
        places = Places(doc)
        moves, accepts, follow = self._moves, self._accepts, self._follow
        length = len(orths)
        gaps = self._gaps(doc, orths)
        matches = []
        for start in range(length):
            state, end = START, start
            while end < length:
                if end > start and orths[end] in gaps:
                    end += 1  # `the  first half`: an extra space inside a match is read past
                    continue
                following = moves[state].get(orths[end])
                if following is None or following == PLACED:
                    following = follow(state, orths[end], places, end)
                if following == DEAD:
                    break
                state = following
                end += 1
                for key in accepts[state]:
                    matches.append((key, start, end))
        return matches

    def _gaps(self, doc: Doc, orths: list[int]) -> set[int]:
        """The orths of the doc's extra-space tokens (spaces only, no line break) when gaps are read past."""
        if not self.skip_spaces:
            return set()
        strings = self.vocab.strings
        return {orth for orth in set(orths) if (text := strings[orth]).isspace() and "\n" not in text}

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
        text = srsly.json_dumps(words, sort_keys=True)
        if text not in self._word_conditions:
            self._word_conditions[text] = len(self._word_conditions)
            self._word_matcher.add(str(self._word_conditions[text]), [[words]])
            self._word_matches.clear()
        condition = (self._word_conditions[text], place.get("SPACY"), place.get("IS_SENT_START"))
        return self._condition_ids.setdefault(condition, len(self._condition_ids))

    def _learn_words(self, orths: Iterable[int]) -> None:
        """Decide the word-level conditions for new words, matching them on a doc of those words."""
        words = list(orths)
        if not words:
            return
        strings = self.vocab.strings
        met: list[set[int]] = [set() for _ in words]
        for key, start, _ in self._word_matcher(Doc(self.vocab, words=[strings[orth] for orth in words])):
            met[start].add(int(strings[key]))
        self._word_matches.update((orth, frozenset(conditions)) for orth, conditions in zip(words, met))

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

    def _follow(self, state: int, orth: int, places: "Places", index: int) -> int:
        """The state after reading the word `orth` (token `index`) in `state`, computed and remembered:
        under the word alone, or (marked PLACED under the word) under the word and its place, where that decides."""
        moves = self._moves[state]
        following = moves.get(orth)
        if following is None:
            following = moves[orth] = self._move(state, orth)
        if following != PLACED:
            return following
        key = (orth, *places[index])
        if key not in moves:
            moves[key] = self._move(state, orth, places[index])
        return moves[key]

    def _move(self, state: int, orth: int, place: tuple[bool, bool] | None = None) -> int:
        """The state after reading the word `orth` in `state`, with its place (space after, sentence start);
        without one, PLACED if the place decides."""
        met = self._word_matches[orth]
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


class Places:
    """The places of a doc's tokens (a space after it, a sentence start), read when first asked for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.places: list[tuple[bool, bool]] | None = None

    def __getitem__(self, index: int) -> tuple[bool, bool]:
        if self.places is None:
            self.places = [(bool(spaced), sent_start == 1) for spaced, sent_start in self.doc.to_array([SPACY, SENT_START]).tolist()]
        return self.places[index]


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
