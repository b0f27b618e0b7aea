"""Inducing lexicon words: the currency, minor-unit, scale or percent word that makes a missed figure
read as its gold value and unit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from components.figure_normalizer import leading_sign, read_surface, read_unit, segments, tidy
from components.lexicon import FigureLexicon, surface_key
from components.numbers import parse_number
from components.scoring import VALUE_TOLERANCE

PERCENT_UNITS = ("%", "pp", "x")


Entries = list[tuple[str, dict[str, Any], str]]  # (table, entry, surface)


@dataclass(frozen=True)
class UnknownWords:
    """The one word group of a missed figure that the lexicon does not list, with the factor the gold value asks
    of it (`ratio`: the gold value over the number read) and the gold unit and value."""

    run: list[Any]
    after: bool  # whether it follows the number
    ratio: float
    unit: str
    value: float

    @property
    def surface(self) -> str:
        """The group as written."""
        return run_text(self.run)


def lexicon_entries(span: Span, gold: dict[str, Any], lexicon: FigureLexicon) -> list[tuple[str, dict[str, Any], str]] | str:
    """The lexicon entries (table, entry, surface) that make a missed figure read as its gold value and unit.

    Learns one word group the lexicon does not list as it stands: a currency word (after the
    number), symbol (before it) or code; a minor unit (`50 zorks` = 0.5 KZT); a scale word
    (`$5 zillion`, `5 zillion tenge`: its factor from the gold value); or a percent word with
    its factor (`20 pipz` = 0.2 pp). Returns the reason when nothing can be learned.
    """
    label, unit, value = gold["label"], gold.get("unit"), gold.get("value")
    problem = gold_problem(label, unit, value)
    if problem:
        return problem
    words = [token.text for token in span]
    sign, rest = leading_sign(words, lexicon)
    runs = located_runs(segments(rest, lexicon), list(span)[len(words) - len(rest) :])
    numbers = [run for kind, run in runs if kind == "number"]
    units = [run for kind, run in runs if kind == "unit"]
    unknown = [run for run in units if not listed(run, label, lexicon)]
    if not unknown:
        return known_words_reason(words, label, unit, value, lexicon)
    problem = amount_problem(numbers, runs, unknown)
    if problem:
        return problem
    number = parse_number([t.text for t in numbers[0]], lexicon)
    if not number:
        return "its number does not read"
    run = unknown[0]
    word = UnknownWords(run, after=run[0].i > numbers[0][-1].i, ratio=value / (sign * number), unit=unit, value=value)
    known = [other for other in units if other is not run]
    if label == "PERCENT":
        return percent_entries(word, known)
    if known:  # a known currency: the unknown word is a scale (`$5 zillion`)
        return scale_entries(word, known[0], label, lexicon)
    return currency_entries(word, label, lexicon)


def gold_problem(label: str, unit: Any, value: Any) -> str | None:
    """Why the gold annotation teaches nothing (no value or unit, or a unit of the wrong kind), else None."""
    if unit is None or value is None:
        return "no value and unit annotated"
    if label == "MONEY" and not re.fullmatch(r"[A-Z]{3}", str(unit)):
        return f"unit {unit!r} is not an ISO 4217 code"
    if label == "PERCENT" and unit not in PERCENT_UNITS:
        return f"unit {unit!r} is not one of {', '.join(PERCENT_UNITS)}"
    return None


def known_words_reason(words: list[str], label: str, unit: str, value: float, lexicon: FigureLexicon) -> str:
    """Why a figure whose words are all known was missed: no pattern has its shape, or it reads otherwise."""
    reading = read_surface(words, label, lexicon)
    if reading is not None and reading["unit"] == unit and close(reading["value"], value):
        return "every word is known; no figure pattern has this shape"
    return f"no unknown word; it reads as {reading['value']:g} {reading['unit']}" if reading else "no unknown word; it does not read"


def amount_problem(numbers: list[list[Any]], runs: list[tuple[str, list[Any]]], unknown: list[list[Any]]) -> str | None:
    """Why a figure is no single amount with one unknown word group, else None."""
    if not numbers:
        return "no number in it reads"
    if len(numbers) > 1 or any(kind == "range" for kind, _ in runs):
        return "only a single amount teaches a word (not a range or a compound amount)"
    if len(unknown) > 1:
        return "more than one unknown word group"
    return None


def percent_entries(word: UnknownWords, known: list[list[Any]]) -> Entries | str:
    """A percent word after the number, alone, with its factor (`20 pipz` = 0.2 pp)."""
    if known or not word.after or word.ratio <= 0:
        return "only a percent word after the number is learned"
    return [("percent_units", {"unit": word.unit, "factor": tidy(word.ratio), "words": [word.surface]}, word.surface)]


def scale_entries(word: UnknownWords, known: list[Any], label: str, lexicon: FigureLexicon) -> Entries | str:
    """A scale word after the number of a known currency (`$5 zillion`), with its factor from the gold value."""
    code, factor = read_unit([t.text for t in known], label, lexicon)
    scale = word.ratio / factor
    if code != word.unit or len(word.run) != 1 or not word.after or scale <= 1 or close(scale, 1):
        return f"the known unit reads as {code}; the unknown word {word.surface!r} is no scale of it"
    return [("scales", {"factor": tidy(scale), "words": [word.surface]}, word.surface)]


def currency_entries(word: UnknownWords, label: str, lexicon: FigureLexicon) -> Entries | str:
    """A currency code, symbol (before the number) or word (after it); a minor unit (`50 zorks` = 0.5 KZT); or a
    scale word followed by a currency (`5 zillion cowries`, `5 zillion tenge`)."""
    unit, surface, ratio = word.unit, word.surface, word.ratio
    if close(ratio, 1):
        if surface == unit:
            return [("currencies", {"code": unit}, surface)]
        kind = "words" if word.after else "symbols"
        return [("currencies", {"code": unit, kind: [surface.lower() if word.after else surface]}, surface)]
    if word.after and len(word.run) == 1 and ratio < 1:
        return [("currencies", {"code": unit, "minor": [{"words": [surface.lower()], "factor": tidy(ratio)}]}, surface)]
    if word.after and len(word.run) >= 2 and ratio > 1:
        scale, currency = word.run[0].text, word.run[1:]
        learned = [("scales", {"factor": tidy(ratio), "words": [scale]}, scale)]
        if listed(currency, label, lexicon):
            code = lexicon.currency(run_text(currency)).code  # type: ignore[union-attr]
            return learned if code == unit else f"{run_text(currency)!r} reads as {code}, not {unit}"
        return [*learned, ("currencies", {"code": unit, "words": [run_text(currency).lower()]}, run_text(currency))]
    return f"{surface!r} does not explain the gold value {word.value:g} {unit}"


def run_text(run: list[Any]) -> str:
    """The text of a run of tokens, as written."""
    return run[0].doc.text[run[0].idx : run[-1].idx + len(run[-1])]


def listed(run: list[Any], label: str, lexicon: FigureLexicon) -> bool:
    """Whether a run as it stands is a unit surface of the lexicon (not one read by a fallback)."""
    if label == "PERCENT":
        return surface_key(run_text(run)) in lexicon.percent_by_surface
    return lexicon.currency(run_text(run)) is not None


def located_runs(parts: list[tuple[str, list[str]]], tokens: list[Any]) -> list[tuple[str, list[Any]]]:
    """The runs of `segments` with their tokens, in text order (a scale may join an earlier number: `75 USD million`)."""
    located: list[tuple[str, list[Any]]] = []
    used: set[int] = set()
    for kind, words in parts:
        run = []
        for word in words:
            index = next((i for i, token in enumerate(tokens) if i not in used and token.text == word), None)
            if index is not None:
                used.add(index)
                run.append(tokens[index])
        if run or kind == "range":
            located.append((kind, sorted(run, key=lambda token: token.i)))
    return located


def close(a: float | None, b: float) -> bool:
    """Whether two values agree within the scoring tolerance."""
    return a is not None and abs(a - b) <= VALUE_TOLERANCE * abs(b)
