"""`--engine local`: batches in this process, or on a pool of worker processes (`--n-process`)."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from ...loading import load
from ..processing import Batch, process_documents
from ..reading import Document
from .base import EngineError


class LocalEngine:
    """The pipeline in this process.

    The pipeline is `nlp`, else loaded at the first batch, so a run with nothing to do loads nothing.
    """

    in_flight = 0

    def __init__(self, nlp: Language | None = None, **options: Any) -> None:
        self.nlp, self.options = nlp, options

    def submit(self, documents: list[Document], version: str) -> Callable[[], Batch]:
        if self.nlp is None:
            self.nlp = load()
        outcomes = process_documents(self.nlp, documents, version, **self.options)
        return lambda: outcomes

    def close(self) -> None:
        """Nothing to release."""


_worker_nlp: Language | None = None  # the pipeline of a pool worker process


def _load_worker_pipeline() -> None:
    global _worker_nlp
    _worker_nlp = load()


def _process_in_worker(documents: list[Document], version: str, options: dict[str, Any]) -> Batch:
    assert _worker_nlp is not None
    return process_documents(_worker_nlp, documents, version, **options)


class ProcessEngine:
    """Batches on `n_process` worker processes, each loading the pipeline once when it starts.

    Workers send back Batches (records and run-state lines JSON-encoded, rows as Arrow tables), not Docs,
    so the main process only reads inputs and appends what it gets; up to two batches per worker are in flight.
    """

    def __init__(self, n_process: int, *, ordered: bool = False, **options: Any) -> None:
        self.options = options
        self.pool = ProcessPoolExecutor(n_process, initializer=_load_worker_pipeline)
        self.in_flight = 0 if ordered else 2 * n_process

    def submit(self, documents: list[Document], version: str) -> Callable[[], Batch]:
        future = self.pool.submit(_process_in_worker, documents, version, self.options)

        def result() -> Batch:
            try:
                return future.result()
            except BrokenProcessPool as error:
                raise EngineError(f"a worker process died ({error}); rerun to resume") from None

        return result

    def close(self) -> None:
        """Stop the worker processes (batches not yet started are dropped)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
