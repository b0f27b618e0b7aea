"""Expand the INDICATOR and PERIOD grammar (`configs/grammar/*.jsonl`) with the lexicons into token patterns.

A grammar file holds three kinds of line:

- a pattern, `{"id": "period/month-year", "label": "PERIOD", "pattern": [slot, ...]}`, with the
  ruler's optional `keep` and `fallback` keys, which are copied onto the generated pattern;
- a named shape, `{"shape": "year", ...}`: one slot, or a sequence of slots (`"pattern": [...]`)
  spliced in where a pattern says `{"shape": "year"}`;
- listed phrases, `{"phrases": [{"role": "name", "label": "INDICATOR", "id": "indicator/name"}, ...]}`:
  one phrase pattern per lexicon row of those roles, in lexicon order, its id ending in the phrase.

A slot is one token. A string is that word in any case (`"of"`). An object names what the token
matches: `word` (one word), `words` (a list of words and role references), `role` (the words of a
lexicon role: `{"role": "month"}`), `shape` (a named shape) or `token` (spaCy token attributes,
merged with the rest); `except` (words and roles it must not be), `case: "exact"` (match as written,
`ORTH`, instead of lower-cased, `LOWER`), `sorted` (sort the word list) and `op` (`?`, `*`, `+`) refine
it. A role reference, `{"role": "plural_possessive", "lexicon": "relation_cues"}`, reads the
lexicon of the grammar file's name unless it names another; it gives the role's words sorted as
written, followed by their plurals with `"plural": true`, and only the rows a `where` selects
(`{"months": [3, 6]}`: a value from 3 to 6; `{"alone": true}`: that value).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from components.lexicon import read_jsonl

Token = dict[str, Any]
Pattern = dict[str, Any]
Row = dict[str, Any]

RULER_KEYS = ("keep", "fallback")
"""Keys of a grammar pattern that the rulers read, copied onto the generated pattern."""
NOTE_KEYS = ("note", "example")
"""Keys that explain a line to its reader; the expander ignores them."""
PATTERN_KEYS = {"id", "label", "pattern", *RULER_KEYS, *NOTE_KEYS}
SLOT_KEYS = {"word", "words", "role", "shape", "token", "except", "case", "sorted", "op", "lexicon", "plural", "where"}
ROLE_KEYS = {"role", "lexicon", "plural", "where"}


class GrammarError(ValueError):
    """A grammar line that does not expand: names the file, the line and what is wrong."""


def phrase_pattern(phrase: str, tokenize: Callable[[str], list[str]]) -> list[Token]:
    """A token pattern for a listed phrase: case-insensitive, but exact for an acronym (`GDP`, `IPI`)."""
    return [{"ORTH": t} if phrase.isupper() else {"LOWER": t.lower()} for t in tokenize(phrase)]


def grammar_patterns(grammar_path: Path | str, lexicon_dir: Path | str) -> list[Pattern]:
    """The patterns of a grammar file, in its order, with the words of the lexicons in `lexicon_dir`."""
    return Grammar(Path(grammar_path), Path(lexicon_dir)).patterns()


class Grammar:
    """One grammar file, its named shapes, and the lexicons its roles read."""

    def __init__(self, path: Path, lexicon_dir: Path) -> None:
        self.path = path
        self.lexicon_dir = lexicon_dir
        self.lines = list(enumerate(read_jsonl(path), start=1))
        self.shapes = {line["shape"]: line for _, line in self.lines if "shape" in line}
        self.lexicons: dict[str, list[Row]] = {}

    def patterns(self) -> list[Pattern]:
        """Every pattern and listed phrase, in file order."""
        patterns: list[Pattern] = []
        for number, line in self.lines:
            try:
                if "id" in line:
                    patterns.append(self.pattern(line))
                elif "phrases" in line:
                    patterns += self.phrases(line["phrases"])
                elif "shape" not in line:
                    raise ValueError("a line is a pattern (`id`), a shape (`shape`) or listed phrases (`phrases`)")
            except KeyError as error:
                raise GrammarError(f"{self.path}:{number}: no key {error} in {line}") from None
            except (ValueError, OSError) as error:  # OSError: a lexicon that cannot be read
                raise GrammarError(f"{self.path}:{number}: {error}") from None
        return patterns

    def pattern(self, line: dict[str, Any]) -> Pattern:
        """A pattern line as the ruler reads it."""
        check_keys(line, PATTERN_KEYS, "pattern")
        pattern = {"label": line["label"], "pattern": self.sequence(line["pattern"]), "id": line["id"]}
        return pattern | {key: line[key] for key in RULER_KEYS if key in line}

    def phrases(self, specs: list[dict[str, str]]) -> list[Pattern]:
        """One phrase pattern for each lexicon row of the roles named, in lexicon order."""
        by_role = {spec["role"]: spec for spec in specs}
        patterns = []
        for row in self.rows(self.path.stem):
            spec = by_role.get(row.get("role", ""))
            if spec is not None:
                slug = row["phrase"].lower().replace(" ", "-")
                patterns.append({"label": spec["label"], "pattern": row["phrase"], "id": f"{spec['id']}/{slug}"})
        return patterns

    def sequence(self, slots: list[str | dict[str, Any]]) -> list[Token]:
        """The tokens of a list of slots, named sequences spliced in."""
        return [token for slot in slots for token in self.tokens(slot)]

    def tokens(self, slot: str | dict[str, Any]) -> list[Token]:
        """The tokens of one slot: one, or a named sequence's."""
        if isinstance(slot, str):
            return [{"LOWER": slot.lower()}]
        check_keys(slot, SLOT_KEYS, "slot")
        if "shape" not in slot:
            return [self.token(slot)]
        shape = self.shape(slot["shape"])
        tokens = self.sequence(shape["pattern"]) if "pattern" in shape else self.tokens(shape)
        if "op" in slot:
            if len(tokens) != 1:
                raise ValueError(f"`op` on the sequence shape {slot['shape']!r}")
            tokens = [{**tokens[0], "OP": slot["op"]}]
        return tokens

    def token(self, slot: dict[str, Any]) -> Token:
        """One spaCy token dict from a slot that is no shape reference."""
        attribute = "ORTH" if slot.get("case") == "exact" else "LOWER"
        token = dict(slot.get("token", {}))
        if "word" in slot:
            token[attribute] = slot["word"] if attribute == "ORTH" else slot["word"].lower()
        elif "words" in slot or "role" in slot:
            token[attribute] = {"IN": self.word_list(slot, attribute)}
        if "except" in slot:
            token[attribute] = {"NOT_IN": self.words_of(slot["except"], attribute)}
        if "op" in slot:
            token["OP"] = slot["op"]
        if not token:
            raise ValueError(f"a slot that matches nothing: {slot}")
        return token

    def word_list(self, slot: dict[str, Any], attribute: str) -> list[str]:
        """The words a slot lists (`words`, or a `role` of its own), sorted if it says so."""
        items = slot["words"] if "words" in slot else [{key: slot[key] for key in ROLE_KEYS if key in slot}]
        words = self.words_of(items, attribute)
        return sorted(words) if slot.get("sorted") else words

    def words_of(self, items: Iterable[str | dict[str, Any]], attribute: str) -> list[str]:
        """Words and role references in order, lower-cased for a `LOWER` slot, each word once."""
        words: list[str] = []
        for item in items:
            if isinstance(item, str):
                words.append(item)
            elif "shape" in item:
                words += self.word_list(self.shape(item["shape"]), attribute)
            else:
                words += self.role_words(item)
        if attribute == "LOWER":
            words = [word.lower() for word in words]
        return list(dict.fromkeys(words))

    def role_words(self, reference: dict[str, Any]) -> list[str]:
        """The words of a lexicon role, sorted as written, then their plurals if asked."""
        check_keys(reference, ROLE_KEYS, "role")
        rows = [row for row in self.rows(reference.get("lexicon", self.path.stem)) if row.get("role") == reference["role"]]
        rows = [row for row in rows if all(selects(value, row.get(key)) for key, value in reference.get("where", {}).items())]
        if not rows:
            raise ValueError(f"no words of the role {reference['role']!r} in {reference.get('lexicon', self.path.stem)}.jsonl")
        words = sorted({row["word"] if "word" in row else row["text"] for row in rows})
        if reference.get("plural"):
            words += [word + "s" for word in words if not word.endswith("s")]
        return words

    def shape(self, name: str) -> dict[str, Any]:
        """A named shape's line."""
        if name not in self.shapes:
            raise ValueError(f"no shape {name!r}")
        return {key: value for key, value in self.shapes[name].items() if key not in ("shape", *NOTE_KEYS)}

    def rows(self, lexicon: str) -> list[Row]:
        """The rows of a lexicon of the lexicon folder (`periods` reads `periods.jsonl`), read once."""
        if lexicon not in self.lexicons:
            self.lexicons[lexicon] = read_jsonl(self.lexicon_dir / f"{lexicon}.jsonl")
        return self.lexicons[lexicon]


def check_keys(line: dict[str, Any], allowed: set[str], kind: str) -> None:
    """Raise ValueError naming the keys of a grammar line, slot or role reference that mean nothing there."""
    unknown = set(line) - allowed
    if unknown:
        raise ValueError(f"unknown {kind} key {', '.join(sorted(unknown))} in {line}")


def selects(wanted: Any, value: Any) -> bool:
    """Whether a row's value meets a `where` condition: within `[low, high]`, or equal."""
    if isinstance(wanted, list):
        low, high = wanted
        return value is not None and low <= value <= high
    return value == wanted
