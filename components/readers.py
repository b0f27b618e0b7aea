"""Config readers that load pattern and lexicon files at `[initialize]` time."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from spacy.util import registry

from .lexicon import FigureLexicon, read_jsonl


@registry.readers("econ.patterns.v1")
def create_pattern_reader(directory: str, files: list[str]) -> list[dict[str, Any]]:
    """Read the pattern files of `directory` in order; a missing file (e.g. no learned patterns yet) is skipped."""
    patterns: list[dict[str, Any]] = []
    for name in files:
        path = Path(directory) / name
        if path.exists():
            patterns.extend(read_jsonl(path))
    return patterns


@registry.readers("econ.lexicon.v1")
def create_lexicon_reader(directory: str, extra_directories: Sequence[str] = ()) -> dict[str, list[dict[str, Any]]]:
    """Read the figure lexicon tables of `directory` (plus optional folders of added entries)."""
    return FigureLexicon.from_dir(directory, extra_directories).tables
