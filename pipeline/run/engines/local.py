"""`--engine local`: batches in this process, or on a pool of worker processes (`--n-process`)."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..processing import Batch, process_documents
from ..reading import Document
from .base import EngineError, load_pipeline


class LocalEngine:
    """The pipeline in this process.

    The pipeline is `nlp`, else loaded (from `config_dir`) at the first batch, so a run with nothing to do loads nothing.
    """

    in_flight = 0

    def __init__(self, nlp: Language | None = None, *, config_dir: Path | None = None, **options: Any) -> None:
        self.nlp, self.config_dir, self.options = nlp, config_dir, options

    def submit(self, documents: list[Document], version: str, progress: Callable[[float], None] | None = None) -> Callable[[], Batch]:
        if self.nlp is None:
            self.nlp = load_pipeline(self.config_dir)
        outcomes = process_documents(self.nlp, documents, version, progress=progress, **self.options)
        return lambda: outcomes

    def close(self) -> None:
        """Nothing to release."""


_worker_nlp: Language | EngineError | None = None  # the pipeline of a pool worker process, or why it has none


def _load_worker_pipeline(config_dir: Path | None) -> None:
    global _worker_nlp
    try:
        _worker_nlp = load_pipeline(config_dir)
    except EngineError as error:  # raised with its first batch: a failing initializer would only break the pool
        _worker_nlp = error


def _process_in_worker(documents: list[Document], version: str, options: dict[str, Any]) -> Batch:
    if isinstance(_worker_nlp, EngineError):
        raise _worker_nlp
    assert _worker_nlp is not None
    return process_documents(_worker_nlp, documents, version, **options)


class ProcessEngine:
    """Batches on `n_process` worker processes, each loading the pipeline (from `config_dir`) once when it starts.

    Workers send back Batches (records and run-state lines JSON-encoded, rows as Arrow tables), not Docs,
    so the main process only reads inputs and appends what it gets; up to two batches per worker are in flight.
    """

    def __init__(self, n_process: int, *, ordered: bool = False, config_dir: Path | None = None, **options: Any) -> None:
        self.options = options
        self.pool = ProcessPoolExecutor(n_process, initializer=_load_worker_pipeline, initargs=(config_dir,))
        self.in_flight = 0 if ordered else 2 * n_process

    def submit(self, documents: list[Document], version: str, progress: Callable[[float], None] | None = None) -> Callable[[], Batch]:
        future = self.pool.submit(_process_in_worker, documents, version, self.options)

        def result() -> Batch:
            try:
                return future.result()
            except EngineError:
                raise
            except BrokenProcessPool as error:
                raise EngineError(f"a worker process died ({error}); rerun to resume") from None

        return result

    def close(self) -> None:
        """Stop the worker processes (batches not yet started are dropped)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
