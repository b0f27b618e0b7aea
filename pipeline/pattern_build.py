"""`patterns build`: regenerate the lexicon- and gazetteer-derived pattern files, deterministically.

Writes `patterns/figures.jsonl` (from the figure lexicon), `patterns/regions.jsonl` and
`patterns/organisations.jsonl` (from the gazetteer and the curated lexicons),
`patterns/indicators.jsonl` and `patterns/periods.jsonl` (from their lexicons), and the
derived lexicon `lexicons/country_currencies.jsonl` (each country's currency, from the gazetteer). Hand-kept
files (`org_shapes.jsonl`) and learned ones (`learned.jsonl`) are never touched.
"""
from __future__ import annotations

import json
from pathlib import Path

import spacy

from components.lexicon import FigureLexicon, read_jsonl
from components.tokenizer import create_tokenizer

from .concept_patterns import indicator_patterns, period_patterns
from .figure_patterns import figure_patterns
from .gazetteer import country_currencies, is_english_word, organisation_patterns, region_patterns
from .loading import CONFIG_DIR



def build_patterns(config_dir: Path = CONFIG_DIR) -> dict[str, int]:
    """Regenerate the derived pattern files of a config folder; returns patterns written per file."""
    lexicon_dir = config_dir / "lexicons"
    nlp = spacy.blank("en")
    tokenizer = create_tokenizer()(nlp)

    def tokenize(text: str) -> list[str]:
        return [token.text for token in tokenizer(text)]

    generated = {
        "figures.jsonl": figure_patterns(
            FigureLexicon.from_dir(lexicon_dir), tokenize, is_english_word
        ),
        "regions.jsonl": region_patterns(lexicon_dir),
        "organisations.jsonl": organisation_patterns(lexicon_dir),
        "indicators.jsonl": indicator_patterns(read_jsonl(lexicon_dir / "indicators.jsonl"), tokenize),
        "periods.jsonl": period_patterns(read_jsonl(lexicon_dir / "periods.jsonl")),
    }
    counts = {}
    generated["../lexicons/country_currencies.jsonl"] = country_currencies()
    for name, patterns in generated.items():
        path = (config_dir / "patterns" / name).resolve()
        temporary = path.with_name(f".{path.name}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            for pattern in patterns:
                handle.write(json.dumps(pattern, ensure_ascii=False, sort_keys=True) + "\n")
        temporary.replace(path)
        counts[name] = len(patterns)
    return counts
