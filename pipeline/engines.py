"""Where a run's batches are processed: in this process (`local`) or on a Dask cluster (`dask`).

An engine takes batches of documents and gives back their Outcomes, in order. `submit` returns a
function that waits for the batch's Outcomes; a run keeps up to `in_flight` batches submitted
before it waits for the oldest, so a cluster is kept busy while results are committed in input order.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from spacy.language import Language

from .loading import load
from .processing import Outcome, process_documents
from .reading import Document

ENGINES = ("local", "dask")


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


class Engine(Protocol):
    """Processes batches of documents into Outcomes."""

    in_flight: int  # batches submitted but not yet waited for

    def submit(self, documents: list[Document], version: str) -> Callable[[], list[Outcome]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """The pipeline in this process (with `n_process` > 1, spaCy's worker processes through `nlp.pipe`).

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


def open_engine(
    name: str,
    *,
    nlp: Language | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    ordered: bool = False,
    **options: Any,
) -> Engine:
    """The engine called `name`. `options` (batch_size, n_process, chunk_chars) go to `process_documents`;
    `ordered` makes an engine finish each batch before the next is submitted (what --strict needs)."""
    if name == "local":
        if scheduler or workers:
            raise EngineError("--scheduler and --workers are options of --engine dask")
        return LocalEngine(nlp, **options)
    if name == "dask":
        if options.get("n_process", 1) > 1:
            raise EngineError("--n-process is an option of --engine local; with dask, use --workers")
        try:
            from .dask_engine import DaskEngine
        except ImportError as error:
            raise EngineError(f"--engine dask needs Dask's distributed scheduler ({error}); install it with: pip install -e '.[dask]'") from None
        return DaskEngine(scheduler=scheduler, workers=workers, ordered=ordered, **options)
    raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")

