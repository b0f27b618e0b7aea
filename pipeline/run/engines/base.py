"""The engine interface: what `running` and `bench` ask of an engine, the error it raises, and how a process that runs
batches loads the pipeline."""
from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from ...loading import CONFIG_DIR, load
from ..processing import Batch, one_line
from ..reading import Document


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


COLLECTOR_THRESHOLDS = (20_000, 20, 50)  # allocations before the youngest generation is collected, then each older one


def load_pipeline(config_dir: Path | None = None) -> Language:
    """`load(config_dir)` in a process that runs batches (`tune_collector`), or EngineError with one line that names
    the config folder and what broke."""
    try:
        nlp = load(config_dir)
    except Exception as error:  # noqa: BLE001 - a broken config folder is one clear line, whatever broke
        folder = config_dir or CONFIG_DIR
        raise EngineError(one_line(f"{folder}: the pipeline cannot be built from this config folder: {type(error).__name__}: {error}")) from error
    tune_collector()
    return nlp


def tune_collector() -> None:
    """Set this process's garbage collector for running batches: what is alive now (the loaded pipeline, kept to the
    end) leaves the collector's generations (`gc.freeze`), and the youngest generation is collected after 20,000
    allocations rather than Python's 700. The pipeline makes many short-lived objects that reference counting frees;
    with the defaults the collector scans them again and again, about a tenth of the pipeline's time."""
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


class Engine(Protocol):
    """Processes batches of documents into Batches (Outcomes, encoded, and Arrow rows)."""

    in_flight: int  # how many batches may stay submitted and not yet waited for

    def submit(self, documents: list[Document], version: str, progress: Callable[[float], None] | None = None) -> Callable[[], Batch]:
        """Start processing a batch; the function returned waits for its Batch. An engine that runs the pipeline in
        this process calls `progress` with the documents done so far (see `process_documents`); others do not."""
        ...

    def close(self) -> None: ...
