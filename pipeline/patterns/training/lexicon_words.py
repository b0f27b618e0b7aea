"""Inducing lexicon words: the currency, minor-unit, scale or percent word that makes a missed figure
read as its gold value and unit."""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from components.figure_normalizer import leading_sign, read_surface, read_unit, segments, tidy
from components.lexicon import FigureLexicon, surface_key
from components.numbers import parse_number
from components.scoring import VALUE_TOLERANCE

PERCENT_UNITS = ("%", "pp", "x")


def lexicon_entries(span: Span, gold: dict[str, Any], lexicon: FigureLexicon) -> list[tuple[str, dict[str, Any], str]] | str:
    """The lexicon entries (table, entry, surface) that make a missed figure read as its gold value and unit.

    Learns one word group the lexicon does not list as it stands: a currency word (after the
    number), symbol (before it) or code; a minor unit (`50 zorks` = 0.5 KZT); a scale word
    (`$5 zillion`, `5 zillion tenge`: its factor from the gold value); or a percent word with
    its factor (`20 pipz` = 0.2 pp). Returns the reason when nothing can be learned.
    """
    label, unit, value = gold["label"], gold.get("unit"), gold.get("value")
    if unit is None or value is None:
        return "no value and unit annotated"
    if label == "MONEY" and not re.fullmatch(r"[A-Z]{3}", str(unit)):
        return f"unit {unit!r} is not an ISO 4217 code"
    if label == "PERCENT" and unit not in PERCENT_UNITS:
        return f"unit {unit!r} is not one of {', '.join(PERCENT_UNITS)}"
    doc = span.doc
    words = [token.text for token in span]
    sign, rest = leading_sign(words, lexicon)
    runs = located_runs(segments(rest, lexicon), list(span)[len(words) - len(rest) :])
    numbers = [run for kind, run in runs if kind == "number"]
    units = [run for kind, run in runs if kind == "unit"]

    def text_of(run: list[Any]) -> str:
        return doc.text[run[0].idx : run[-1].idx + len(run[-1])]

    def listed(run: list[Any]) -> bool:  # the run as it stands is a unit surface (not read by a fallback)
        if label == "PERCENT":
            return surface_key(text_of(run)) in lexicon.percent_by_surface
        return lexicon.currency(text_of(run)) is not None

    unknown = [run for run in units if not listed(run)]
    if not unknown:
        reading = read_surface(words, label, lexicon)
        if reading is not None and reading["unit"] == unit and close(reading["value"], value):
            return "every word is known; no figure pattern has this shape"
        return f"no unknown word; it reads as {reading['value']:g} {reading['unit']}" if reading else "no unknown word; it does not read"
    if not numbers:
        return "no number in it reads"
    if len(numbers) > 1 or any(kind == "range" for kind, _ in runs):
        return "only a single amount teaches a word (not a range or a compound amount)"
    if len(unknown) > 1:
        return "more than one unknown word group"
    number = parse_number([t.text for t in numbers[0]], lexicon)
    if not number:
        return "its number does not read"
    ratio = value / (sign * number)
    run = unknown[0]
    surface = text_of(run)
    after = run[0].i > numbers[0][-1].i
    known = [other for other in units if other is not run]
    if label == "PERCENT":
        if known or not after or ratio <= 0:
            return "only a percent word after the number is learned"
        return [("percent_units", {"unit": unit, "factor": tidy(ratio), "words": [surface]}, surface)]
    if known:  # a known currency: the unknown word is a scale (`$5 zillion`)
        code, factor = read_unit([t.text for t in known[0]], label, lexicon)
        scale = ratio / factor
        if code != unit or len(run) != 1 or not after or scale <= 1 or close(scale, 1):
            return f"the known unit reads as {code}; the unknown word {surface!r} is no scale of it"
        return [("scales", {"factor": tidy(scale), "words": [surface]}, surface)]
    if close(ratio, 1):
        if surface == unit:
            return [("currencies", {"code": unit}, surface)]
        kind = "words" if after else "symbols"
        return [("currencies", {"code": unit, kind: [surface.lower() if after else surface]}, surface)]
    if after and len(run) == 1 and ratio < 1:
        return [("currencies", {"code": unit, "minor": [{"words": [surface.lower()], "factor": tidy(ratio)}]}, surface)]
    if after and len(run) >= 2 and ratio > 1:  # `5 zillion cowries`, `5 zillion tenge`: a scale word, then the currency
        scale, currency = run[0].text, run[1:]
        learned = [("scales", {"factor": tidy(ratio), "words": [scale]}, scale)]
        if listed(currency):
            code = lexicon.currency(text_of(currency)).code  # type: ignore[union-attr]
            return learned if code == unit else f"{text_of(currency)!r} reads as {code}, not {unit}"
        return [*learned, ("currencies", {"code": unit, "words": [text_of(currency).lower()]}, text_of(currency))]
    return f"{surface!r} does not explain the gold value {value:g} {unit}"


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
