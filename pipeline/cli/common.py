"""What the commands share: the bundled inputs and gold, the `--config` option, and one-line errors."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from spacy.language import Language

PROJECT_DIR = Path(__file__).resolve().parents[2]
BUNDLED_INPUTS = (PROJECT_DIR / "seeds", PROJECT_DIR / "corpus" / "articles", PROJECT_DIR / "corpus" / "ru" / "articles")
BUNDLED_GOLD = PROJECT_DIR / "corpus" / "gold"

CONFIG_HELP = "Config folder laid out like configs/ (pipeline.cfg, patterns/, lexicons/); default: the bundled configs/."
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help=CONFIG_HELP)]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear error line on stderr (plain text, never wrapped) and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def config_folder(path: Path | None) -> Path:
    """The config folder given, or the bundled one; exits with an error if it has no pipeline.cfg."""
    from ..loading import CONFIG_DIR

    folder = path if path is not None else CONFIG_DIR
    if not (folder / "pipeline.cfg").is_file():
        fail(f"{folder}: not a config folder (no pipeline.cfg)")
    return folder


def load_pipeline(folder: Path) -> Language:
    """The pipeline of a config folder (`config_folder`); exits with a one-line error if it cannot be built."""
    from ..run.engines.base import EngineError
    from ..run.engines.base import load_pipeline as load_or_explain

    try:
        return load_or_explain(folder)
    except EngineError as error:
        fail(str(error))
