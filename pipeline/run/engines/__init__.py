"""Where a run's batches are processed: in this process or a pool of worker processes (`local`),
or on a Dask cluster (`dask`).

An engine takes batches of documents and gives back a Batch each: their Outcomes, in order, encoded
where they were made, and their rows as Arrow tables. `submit` returns a function that waits for the Batch; a run keeps up to `in_flight` batches submitted
before it waits for the oldest, so a cluster is kept busy while results are committed in input order.

The interface is in `base` (Engine, EngineError), the engines in `local` and `dask`; this module
chooses one by name. The dask engine is imported only when chosen, so the local one needs no Dask.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from .base import Engine, EngineError
from .local import LocalEngine, ProcessEngine

ENGINES = ("local", "dask")


def open_engine(
    name: str,
    *,
    nlp: Language | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    ordered: bool = False,
    config_dir: Path | None = None,
    **options: Any,
) -> Engine:
    """The engine called `name`: local with `n_process` worker processes (none: this process), or dask.
    `options` (batch_size, chunk_chars) go to `process_documents`; `ordered` makes an engine finish each
    batch before the next is submitted (what --strict needs). A pipeline it loads is built from `config_dir`
    (default: the bundled configs/)."""
    n_process = options.pop("n_process", 1)
    if name == "local":
        if scheduler or workers:
            raise EngineError("--scheduler and --workers are options of --engine dask")
        if n_process > 1:
            return ProcessEngine(n_process, ordered=ordered, config_dir=config_dir, **options)
        return LocalEngine(nlp, config_dir=config_dir, **options)
    if name == "dask":
        if n_process > 1:
            raise EngineError("--n-process is an option of --engine local; with dask, use --workers")
        try:
            from .dask import DaskEngine
        except ImportError as error:
            raise EngineError(f"--engine dask needs Dask's distributed scheduler ({error}); install it with: pip install -e '.[dask]'") from None
        return DaskEngine(scheduler=scheduler, workers=workers, ordered=ordered, config_dir=config_dir, **options)
    raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")

