"""Where a run's batches are processed: in this process or a pool of worker processes (`local`),
or on a Dask cluster (`dask`).

An engine takes batches of documents and gives back their Outcomes, in order. `submit` returns a
function that waits for the batch's Outcomes; a run keeps up to `in_flight` batches submitted
before it waits for the oldest, so a cluster is kept busy while results are committed in input order.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from spacy.language import Language

from ...loading import load
from ..processing import Outcome, process_documents
from ..reading import Document

ENGINES = ("local", "dask")


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


class Engine(Protocol):
    """Processes batches of documents into Outcomes."""

    in_flight: int  # how many batches may stay submitted and not yet waited for

    def submit(self, documents: list[Document], version: str) -> Callable[[], list[Outcome]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """The pipeline in this process.

    The pipeline is `nlp`, else loaded at the first batch, so a run with nothing to do loads nothing.
    """

    in_flight = 0

    def __init__(self, nlp: Language | None = None, **options: Any) -> None:
        self.nlp, self.options = nlp, options

    def submit(self, documents: list[Document], version: str) -> Callable[[], list[Outcome]]:
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


def _process_in_worker(documents: list[Document], version: str, options: dict[str, Any]) -> list[Outcome]:
    assert _worker_nlp is not None
    return process_documents(_worker_nlp, documents, version, **options)


class ProcessEngine:
    """Batches on `n_process` worker processes, each loading the pipeline once when it starts.

    Workers send back Outcomes (plain data: the annotation record and table rows), not Docs, so the
    main process only reads inputs and commits; up to two batches per worker are in flight.
    """

    def __init__(self, n_process: int, *, ordered: bool = False, **options: Any) -> None:
        self.options = options
        self.pool = ProcessPoolExecutor(n_process, initializer=_load_worker_pipeline)
        self.in_flight = 0 if ordered else 2 * n_process

    def submit(self, documents: list[Document], version: str) -> Callable[[], list[Outcome]]:
        future = self.pool.submit(_process_in_worker, documents, version, self.options)

        def result() -> list[Outcome]:
            try:
                return future.result()
            except BrokenProcessPool as error:
                raise EngineError(f"a worker process died ({error}); rerun to resume") from None

        return result

    def close(self) -> None:
        """Stop the worker processes (batches not yet started are dropped)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def open_engine(
    name: str,
    *,
    nlp: Language | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    ordered: bool = False,
    **options: Any,
) -> Engine:
    """The engine called `name`: local with `n_process` worker processes (none: this process), or dask.
    `options` (batch_size, chunk_chars) go to `process_documents`; `ordered` makes an engine finish each
    batch before the next is submitted (what --strict needs)."""
    n_process = options.pop("n_process", 1)
    if name == "local":
        if scheduler or workers:
            raise EngineError("--scheduler and --workers are options of --engine dask")
        return ProcessEngine(n_process, ordered=ordered, **options) if n_process > 1 else LocalEngine(nlp, **options)
    if name == "dask":
        if n_process > 1:
            raise EngineError("--n-process is an option of --engine local; with dask, use --workers")
        try:
            from .dask import DaskEngine
        except ImportError as error:
            raise EngineError(f"--engine dask needs Dask's distributed scheduler ({error}); install it with: pip install -e '.[dask]'") from None
        return DaskEngine(scheduler=scheduler, workers=workers, ordered=ordered, **options)
    raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")

