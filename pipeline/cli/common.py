"""What the commands share: the bundled inputs and gold, and one-line errors."""
from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

PROJECT_DIR = Path(__file__).resolve().parents[2]
BUNDLED_INPUTS = (PROJECT_DIR / "seeds", PROJECT_DIR / "corpus" / "articles")
BUNDLED_GOLD = PROJECT_DIR / "corpus" / "gold"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear error line on stderr (plain text, never wrapped) and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
