"""The engine interface: what `running` and `bench` ask of an engine, and the error it raises."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from ...loading import CONFIG_DIR, load
from ..processing import Batch, one_line
from ..reading import Document


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


def load_pipeline(config_dir: Path | None = None) -> Language:
    """`load(config_dir)`, or EngineError with one line that names the config folder and what broke."""
    try:
        return load(config_dir)
    except Exception as error:  # noqa: BLE001 - a broken config folder is one clear line, whatever broke
        folder = config_dir or CONFIG_DIR
        raise EngineError(one_line(f"{folder}: the pipeline cannot be built from this config folder: {type(error).__name__}: {error}")) from error


class Engine(Protocol):
    """Processes batches of documents into Batches (Outcomes, encoded, and Arrow rows)."""

    in_flight: int  # how many batches may stay submitted and not yet waited for

    def submit(self, documents: list[Document], version: str, progress: Callable[[float], None] | None = None) -> Callable[[], Batch]:
        """Start processing a batch; the function returned waits for its Batch. An engine that runs the pipeline in
        this process calls `progress` with the documents done so far (see `process_documents`); others do not."""
        ...

    def close(self) -> None: ...
