"""The lexicon: currencies, scales, percent units, multiples, hedges, number words, period words, relation cues, money words, fact checks.

Read from the JSONL files in a lexicon folder (`configs/lexicons/`), indexed for the
normaliser and the pattern generator, and serialised whole with the pipeline.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

LEXICON_FILES = {
    "currencies": "currencies.jsonl",
    "scales": "scales.jsonl",
    "percent_units": "percent_units.jsonl",
    "multiples": "multiples.jsonl",
    "hedges": "hedges.jsonl",
    "number_words": "number_words.jsonl",
    "periods": "periods.jsonl",
    "fiscal_years": "fiscal_years.jsonl",
    "relation_cues": "relation_cues.jsonl",
    "country_currencies": "country_currencies.jsonl",
    "indicators": "indicators.jsonl",
    "money_words": "money_words.jsonl",
    "fact_checks": "fact_checks.jsonl",
    "indicator_concepts": "indicator_concepts.jsonl",
}


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    """Read a JSONL file into a list of dicts, skipping blank lines."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def surface_key(text: str) -> str:
    """Case-, space- and final-period-insensitive key of a currency or unit surface (`HK $` -> `hk$`, `Tk.` -> `tk`)."""
    key = "".join(text.lower().split())  # `split` and the regex `\s` take the same characters for spaces
    return key.rstrip(".") or key


@dataclass
class Currency:
    """How a currency surface reads: its ISO code and the factor to major units."""

    code: str
    factor: float = 1.0


@dataclass
class FigureLexicon:
    """All word lists the figure patterns and the normaliser share."""

    tables: dict[str, list[dict[str, Any]]]
    currency_by_surface: dict[str, Currency] = field(init=False)
    scale_by_word: dict[str, float] = field(init=False)
    percent_by_surface: dict[str, tuple[str, float]] = field(init=False)
    multiple_by_word: dict[str, float] = field(init=False)
    contextual_multiples: set[str] = field(init=False)  # multiples only next to a comparison cue (`twice the level`)
    multiple_cues: dict[str, frozenset[str]] = field(init=False)  # those cues, "before" and "after" the figure
    hedge_kinds: dict[str, str] = field(init=False)
    number_words: dict[str, tuple[float, str]] = field(init=False)
    qualified_codes: dict[str, set[str]] = field(init=False)
    local_signs: set[str] = field(init=False)  # shared signs and words of a country's own currency at home (`$`, `dollars`)
    quoted_per: frozenset[str] = field(init=False)  # commodity units whose `$` price is a world price, in US dollars (`a barrel`)
    letter_signs: set[str] = field(init=False)  # one-letter signs (`N`, `T`, `K`, `R`): money only where the article says which
    country_currency: dict[str, str] = field(init=False)
    money_words: frozenset[str] = field(init=False)  # nouns naming a sum of money (`revenue`, `spending`)
    change_lemmas: frozenset[str] = field(init=False)  # words of a change (`rise`, `cut`, `up`, `raise`): `rose 2% to 3%` is no range
    change_nouns: frozenset[str] = field(init=False)  # change words that, as written, read as nouns (`growth`, `rise`): `growth is seen at`
    range_verbs: frozenset[str] = field(init=False)  # lemmas that make the `from A to B` after them a range (`ranging from`)
    clause_conjunctions: frozenset[str] = field(init=False)  # `, and` / `, while` / `, but` begin a clause
    range_joiners: frozenset[str] = field(init=False)  # `-`, `to` between two figures: the ends of one range (`$400 to $500 million`)
    equivalent_links: frozenset[str] = field(init=False)  # `(`, `or`, `worth`: with a hedge, all that stands between a figure and its equivalent
    per_words: frozenset[str] = field(init=False)  # `a`, `per` before a commodity unit: a price per unit (`$52 a barrel`)
    exchange_rate_determiners: frozenset[str] = field(init=False)  # `the`, `one` after `to`: a price of a currency (`470 tenge to the dollar`)
    bare_amount_cues: frozenset[str] = field(init=False)  # `from`, `than`: a bare amount after one is in the currency of the money figure before
    sign_words: dict[str, float] = field(init=False)  # `minus` -1, `plus` 1 (number words of kind `sign`)
    indefinite_articles: frozenset[str] = field(init=False)  # `a`, `an` (number words of kind `article`): `a billion`, `0.7 of a percentage point`

    def __post_init__(self) -> None:
        self.currency_by_surface = {}
        for entry in self.tables["currencies"]:
            code = entry["code"]
            for minor in entry.get("minor", ()):
                for surface in minor["words"]:
                    self.currency_by_surface.setdefault(surface_key(surface), Currency(code, minor["factor"]))
            for surface in (*entry.get("symbols", ()), *entry.get("words", ()), code):
                self.currency_by_surface[surface_key(surface)] = Currency(code)
            for surface in (*entry.get("ambiguous", ()), *entry.get("letter_signs", ())):
                self.currency_by_surface.setdefault(surface_key(surface), Currency(code))
        self.qualified_codes = {}
        for entry in self.tables["currencies"]:
            for word in entry.get("words", ()):
                qualifier, _, head = word.rpartition(" ")
                if qualifier:
                    self.qualified_codes.setdefault(surface_key(head), set()).add(entry["code"])
            for surface in (*entry.get("shared", ()), *entry.get("local", ()), *entry.get("letter_signs", ())):
                self.qualified_codes.setdefault(surface_key(surface), set()).add(entry["code"])
        self.local_signs = {surface_key(s) for e in self.tables["currencies"] for s in e.get("local", ())}
        self.quoted_per = frozenset(word for e in self.tables["currencies"] for word in e.get("quoted_per", ()))
        self.letter_signs = {surface_key(s) for e in self.tables["currencies"] for s in e.get("letter_signs", ())}
        self.country_currency = {row["country"]: row["code"] for row in self.tables["country_currencies"]}
        self.money_words = frozenset(row["word"] for row in self.tables.get("money_words", ()))
        cues = self.tables.get("relation_cues", ())
        self.change_lemmas = frozenset(row["text"] for row in cues if row["role"] in ("up", "up_next", "down", "change_verb"))
        self.change_nouns = frozenset(row["word"] for row in self.tables.get("indicators", ()) if row.get("role") == "change_noun")
        self.range_verbs = frozenset(row["text"] for row in cues if row["role"] == "range_verb")
        self.clause_conjunctions = frozenset(row["text"] for row in cues if row["role"] in ("clause_conjunction", "contrast_conjunction"))
        self.range_joiners = frozenset(row["text"] for row in cues if row["role"] == "range_joiner")
        self.equivalent_links = frozenset(row["text"] for row in cues if row["role"] == "equivalent_link")
        self.per_words = frozenset(row["text"] for row in cues if row["role"] == "per_word")
        self.exchange_rate_determiners = frozenset(row["text"] for row in cues if row["role"] == "exchange_rate_determiner")
        self.bare_amount_cues = frozenset(row["text"] for row in cues if row["role"] == "bare_amount_cue")
        self.scale_by_word = {w: float(e["factor"]) for e in self.tables["scales"] for w in e["words"]}
        self.percent_by_surface = {
            surface_key(w): (e["unit"], float(e["factor"])) for e in self.tables["percent_units"] for w in e["words"]
        }
        self.multiple_by_word = {e["word"].lower(): float(e["value"]) for e in self.tables["multiples"] if "word" in e}
        self.contextual_multiples = {e["word"].lower() for e in self.tables["multiples"] if e.get("context")}
        self.multiple_cues = {
            side: frozenset(w for e in self.tables["multiples"] if e.get("cues") == side for w in e["words"]) for side in ("before", "after")
        }
        self.hedge_kinds = {e["text"].lower(): e.get("kind", "approx") for e in self.tables["hedges"]}
        words = self.tables["number_words"]
        self.number_words = {e["word"].lower(): (float(e["value"]), e.get("kind", "unit")) for e in words if e.get("kind") != "sign"}
        self.sign_words = {e["word"].lower(): float(e["value"]) for e in words if e.get("kind") == "sign"}
        self.indefinite_articles = frozenset(word for word, (_, kind) in self.number_words.items() if kind == "article")

    @classmethod
    def from_dir(cls, directory: Path | str, extra_dirs: Iterable[Path | str] = ()) -> "FigureLexicon":
        """Read every lexicon file of `directory`; files of the same name in `extra_dirs` add entries."""
        tables: dict[str, list[dict[str, Any]]] = {}
        for name, filename in LEXICON_FILES.items():
            tables[name] = []
            for folder in (directory, *extra_dirs):
                path = Path(folder) / filename
                if path.exists():
                    tables[name].extend(read_jsonl(path))
        return cls(tables)

    def currency(self, surface: str) -> Currency | None:
        """The currency a surface names (`US$`, `tenge`, `hong kong dollars`, `cents`), if known."""
        return self.currency_by_surface.get(surface_key(surface))

    def readings_of(self, surface: str) -> set[str]:
        """Currencies a bare sign or word may mean (`manat`: AZN, TMT; `Rs`: INR, PKR, LKR, NPR)."""
        default = self.currency(surface)
        qualified = self.qualified_codes.get(surface_key(surface), set())
        return qualified | ({default.code} if default and qualified else set())

    def scale(self, word: str) -> float | None:
        """The factor of a scale word (`bn` -> 1e9); case-sensitive, then lower-case."""
        factor = self.scale_by_word.get(word)
        return factor if factor is not None else self.scale_by_word.get(word.lower())
