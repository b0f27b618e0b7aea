"""Build the pipeline from `configs/pipeline.cfg` and its pattern and lexicon files."""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language

import components  # noqa: F401 - registers the factories, readers and tokenizer

CONFIG_DIR = Path(__file__).resolve().parents[1] / "configs"
CONFIG_FILE = CONFIG_DIR / "pipeline.cfg"


def load(config_dir: Path | str | None = None) -> Language:
    """Build and initialise the pipeline from a config folder (default: the bundled `configs/`).

    The folder holds `pipeline.cfg`, `patterns/*.jsonl` and `lexicons/*.jsonl`.
    """
    folder = Path(config_dir) if config_dir is not None else CONFIG_DIR
    config = spacy.util.load_config(folder / "pipeline.cfg", overrides={"paths.configs": str(folder)}, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def pipeline_version(config_dir: Path | str | None = None) -> str:
    """`<package version>+<8 hex digits>`: the digits hash `pipeline.cfg` and the pattern and lexicon files,
    so a changed pattern set gives a new version."""
    folder = Path(config_dir) if config_dir is not None else CONFIG_DIR
    digest = hashlib.sha256()
    for path in sorted([folder / "pipeline.cfg", *folder.glob("patterns/*.jsonl"), *folder.glob("lexicons/*.jsonl")]):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        package = metadata.version("econ-facts")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        package = "unknown"
    return f"{package}+{digest.hexdigest()[:8]}"
