"""Build the pipeline from `configs/pipeline.cfg` and its pattern and lexicon files."""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from weakref import WeakKeyDictionary

import spacy
from spacy.language import Language

import components  # noqa: F401 - registers the factories, readers and tokenizer

from .languages import DEFAULT, config_name, languages

CONFIG_DIR = Path(__file__).resolve().parents[1] / "configs"
CONFIG_FILE = CONFIG_DIR / "pipeline.cfg"


def load(config_dir: Path | str | None = None, lang: str = DEFAULT) -> Language:
    """Build and initialise the pipeline of a language from a config folder (default: the bundled `configs/`).

    The folder holds each language's config (`pipeline.cfg` for English, `pipeline-ru.cfg` for Russian: the
    `config` of `languages.jsonl`), `patterns/*.jsonl` and `lexicons/*.jsonl` (a language's own in `<lang>/` below them).
    """
    folder = Path(config_dir) if config_dir is not None else CONFIG_DIR
    config = spacy.util.load_config(folder / config_name(lang), overrides={"paths.configs": str(folder)}, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def pipeline_version(config_dir: Path | str | None = None) -> str:
    """`<package version>+<8 hex digits>`: the digits hash `pipeline.cfg` and the pattern and lexicon files,
    so a changed pattern set gives a new version."""
    folder = Path(config_dir) if config_dir is not None else CONFIG_DIR
    digest = hashlib.sha256()
    configs = {folder / row.config for row in languages() if row.config and (folder / row.config).is_file()}
    own = [path for row in languages() for kind in ("patterns", "lexicons") for path in folder.glob(f"{kind}/{row.lang}/*.jsonl")]
    for path in sorted([*configs, *folder.glob("patterns/*.jsonl"), *folder.glob("lexicons/*.jsonl"), *own]):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        package = metadata.version("econ-facts")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        package = "unknown"
    return f"{package}+{digest.hexdigest()[:8]}"


class Pipelines:
    """The pipeline of each language, a document's language loading its pipeline when it first needs one.

    `Pipelines.around(nlp)` is the one set that holds `nlp` for its language, so an English run never loads
    another language's pipeline, and one that meets Russian loads it once.
    """

    _around: WeakKeyDictionary[Language, "Pipelines"] = WeakKeyDictionary()

    def __init__(self, nlp: Language | None = None, config_dir: Path | str | None = None) -> None:
        self.config_dir = config_dir
        self.loaded: dict[str, Language] = {nlp.lang: nlp} if nlp is not None else {}

    @classmethod
    def around(cls, nlp: Language) -> "Pipelines":
        """The pipelines that go with `nlp` (made on first use, then the same set each time)."""
        found = cls._around.get(nlp)
        if found is None:
            found = cls._around[nlp] = cls(nlp)
        return found

    def __getitem__(self, lang: str) -> Language:
        if lang not in self.loaded:
            self.loaded[lang] = load(self.config_dir, lang)
        return self.loaded[lang]
