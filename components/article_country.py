"""The country an article reports on: the one its places and organisations name most.

The figure normaliser reads it as a currency (a bare `$` in a story on Canada); the relations
read it for what a fiscal year is (`FY2024` in a story on India).
"""
from collections import Counter
from typing import Iterable

from spacy.tokens import Span

COUNTRY_LABELS = ("REGION", "ORG")


def named_countries(ents: Iterable[Span]) -> list[tuple[str, int]]:
    """(country code, token index) of each place and organisation with a country (`Almaty`: KZ,
    `Reserve Bank of Australia`: AU), in text order."""
    return [(ent.kb_id_, ent.start) for ent in ents if ent.label_ in COUNTRY_LABELS and ent.kb_id_]


def most_named(named: Iterable[tuple[str, int]]) -> str | None:
    """The code of (code, position) pairs named most often; the first named wins a tie. None if there are none."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for code, position in named:
        votes[code] += 1
        first.setdefault(code, position)
    return min(votes, key=lambda code: (-votes[code], first[code])) if votes else None
