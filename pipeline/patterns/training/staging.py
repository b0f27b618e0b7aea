"""Staging and writing: the learned files' new rows, checked in a copy of the config folder, then
copied into it. Only learned files and `figures.jsonl` are ever written."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spacy.language import Language

from components.lexicon import read_jsonl

from ...files import replace_atomically
from ..build import build_patterns, write_jsonl_atomic
from ..learned import TrainingError, lexicon_tables, rulers
from .mining import CONCEPT_TABLE, Candidate

FIGURES_FILE = "patterns/figures.jsonl"


def learned_rows(config_dir: Path, candidates: list[Candidate]) -> dict[str, list[dict[str, Any]]]:
    """The new content of each learned file that gets candidates: its current rows, then the new ones."""
    files: dict[str, list[dict[str, Any]]] = {}
    for candidate in candidates:
        if candidate.file not in files:
            path = config_dir / candidate.file
            files[candidate.file] = read_jsonl(path) if path.exists() else []
        files[candidate.file].append(candidate.entry)
    return files


@contextmanager
def staged(config_dir: Path, kept: list[Candidate]) -> Iterator[tuple[Path, list[str]]]:
    """A temporary copy of the config folder with the kept candidates added to its learned files (and
    `figures.jsonl` regenerated if entries were learned): yields it and the names of the changed files."""
    files = learned_rows(config_dir, kept)
    with tempfile.TemporaryDirectory(prefix="econ-facts-train-") as temporary:
        staging = Path(temporary) / "configs"
        shutil.copytree(config_dir, staging)
        for name, rows in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            write_jsonl_atomic(staging / name, rows)
        changed = list(files)
        if any(candidate.table not in (None, CONCEPT_TABLE) for candidate in kept):  # a figure word: the figure patterns change
            build_patterns(staging, only=("figures.jsonl",))
            changed.append(FIGURES_FILE)
        yield staging, changed


def check_loaded(nlp: Language, candidates: list[Candidate], config_dir: Path) -> None:
    """Raise TrainingError if the config folder's pipeline.cfg does not read a learned file."""
    ids = {pattern.get("id") for ruler in rulers(nlp).values() for pattern in ruler.patterns}
    entries = {entry.get("id") for rows in lexicon_tables(nlp).values() for entry in rows if isinstance(entry, dict)}
    for candidate in candidates:
        if candidate.id not in (ids if candidate.table is None else entries):
            where = "the ruler's `files`" if candidate.table is None else "`extra_directories` of the econ.lexicon.v1 readers"
            raise TrainingError(f"{config_dir / 'pipeline.cfg'} does not read {candidate.file}: add it to {where}")


def file_diff(config_dir: Path, staging: Path, names: list[str]) -> list[str]:
    """Added and removed lines of each changed file (`figures.jsonl`: a count, its lines are long)."""
    lines = []
    for name in names:
        old_path = config_dir / name
        old = old_path.read_text(encoding="utf-8").splitlines() if old_path.exists() else []
        new = (staging / name).read_text(encoding="utf-8").splitlines()
        old_set, new_set = set(old), set(new)
        removed = [line for line in old if line not in new_set]
        added = [line for line in new if line not in old_set]
        lines.append(f"--- {old_path}" if old_path.exists() else f"(new file) {old_path}")
        if name == FIGURES_FILE:
            lines.append(f"~ {len(added)} of {len(new)} figure patterns regenerated with the learned words")
            continue
        lines += [f"- {line}" for line in removed] + [f"+ {line}" for line in added]
    return lines


def install(staging: Path, config_dir: Path, names: list[str]) -> list[Path]:
    """Copy the changed files from the staging folder into the config folder (each atomically)."""
    written = []
    for name in names:
        target = config_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        written.append(replace_atomically(target, lambda temporary, source=staging / name: shutil.copyfile(source, temporary)))
    return written
