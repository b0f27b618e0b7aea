"""`patterns build`: regenerate the lexicon- and gazetteer-derived pattern files, deterministically.

Writes `patterns/figures.jsonl` (from the figure lexicon), `patterns/regions.jsonl` and
`patterns/organisations.jsonl` (from the gazetteer and the curated lexicons). Hand-kept
files (`org_shapes.jsonl`) and learned ones (`learned.jsonl`) are never touched.
"""
from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import load_lookups

from components.lexicon import FigureLexicon
from components.tokenizer import create_tokenizer

from .figure_patterns import figure_patterns
from .gazetteer import organisation_patterns, region_patterns
from .loading import CONFIG_DIR

GENERATED_FILES = ("figures.jsonl", "regions.jsonl", "organisations.jsonl")


def english_words() -> set[str]:
    """Lower-case English base forms: the lemmas of spaCy's lookup table, and the stop words."""
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    return {str(lemma).lower() for lemma in table.values()} | set(STOP_WORDS)


def build_patterns(config_dir: Path = CONFIG_DIR) -> dict[str, int]:
    """Regenerate the derived pattern files of a config folder; returns patterns written per file."""
    lexicon_dir = config_dir / "lexicons"
    nlp = spacy.blank("en")
    tokenizer = create_tokenizer()(nlp)
    words = english_words()
    generated = {
        "figures.jsonl": figure_patterns(
            FigureLexicon.from_dir(lexicon_dir), lambda text: [t.text for t in tokenizer(text)], words
        ),
        "regions.jsonl": region_patterns(lexicon_dir),
        "organisations.jsonl": organisation_patterns(lexicon_dir),
    }
    counts = {}
    for name, patterns in generated.items():
        path = config_dir / "patterns" / name
        temporary = path.with_name(f".{name}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            for pattern in patterns:
                handle.write(json.dumps(pattern, ensure_ascii=False, sort_keys=True) + "\n")
        temporary.replace(path)
        counts[name] = len(patterns)
    return counts
