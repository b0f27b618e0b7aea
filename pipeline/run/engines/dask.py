"""`--engine dask`: a run's batches processed on the workers of a Dask cluster.

Each worker loads the pipeline once, from its own installed copy of this package, when the
`PipelinePlugin` is registered; the driver ships documents (plain data) and gets Batches back (records
and run-state lines encoded on the worker, rows as Arrow tables), and never ships the pipeline. A
worker whose pipeline version differs from the driver's refuses work, so one run never mixes the
output of two pattern sets. The driver keeps reading the inputs and
writing the output folder, so the workers need no access to either.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker
from spacy.language import Language

from ...loading import pipeline_version
from ..processing import Batch, process_documents
from ..reading import Document
from .base import EngineError, load_pipeline

PLUGIN = "econ-facts-pipeline"
CONNECT_SECONDS = 30


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline on a worker when it starts (or when the plugin is registered), from `config_dir` (a path on
    the worker; default: its bundled configs/)."""

    idempotent = True  # a worker that has it keeps the pipeline it loaded

    def __init__(self, config_dir: Path | None = None) -> None:
        self.config_dir = config_dir

    def setup(self, worker: Any) -> None:
        self.nlp: Language = load_pipeline(self.config_dir)
        self.version = pipeline_version(self.config_dir)
        self.lock = threading.Lock()  # a worker with several threads runs one batch at a time


def process_on_worker(documents: list[Document], version: str, options: dict[str, Any]) -> Batch:
    """A batch on this worker's pipeline; runs on the worker."""
    worker = get_worker()
    plugin: PipelinePlugin = worker.plugins[PLUGIN]
    if plugin.version != version:
        raise EngineError(
            f"worker {worker.address} has pipeline version {plugin.version}, the run {version}: "
            "install the same version of the package and its configs on every worker"
        )
    with plugin.lock:
        return process_documents(plugin.nlp, documents, version, **options)


class DaskEngine:
    """Batches as Dask tasks on a cluster: the one at `scheduler`, else a local cluster of `workers` processes."""

    def __init__(
        self, *, scheduler: str | None = None, workers: int | None = None, ordered: bool = False, config_dir: Path | None = None, **options: Any
    ) -> None:
        self.options, self.cluster = options, None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            else:
                self.cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as error:
            self.close()
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        try:
            if scheduler and workers:
                self.client.wait_for_workers(workers, timeout=CONNECT_SECONDS)
            self.client.register_plugin(PipelinePlugin(config_dir), name=PLUGIN)
        except Exception as error:  # noqa: BLE001 - any failure to start is one clear message
            self.close()
            raise EngineError(f"the Dask workers could not start the pipeline: {type(error).__name__}: {error}") from None
        threads = sum(self.client.nthreads().values())
        self.in_flight = 0 if ordered else 2 * max(threads, 1)

    def submit(self, documents: list[Document], version: str, progress: Callable[[float], None] | None = None) -> Callable[[], Batch]:
        future = self.client.submit(process_on_worker, documents, version, self.options, pure=False)

        def result() -> Batch:
            try:
                return future.result()
            except EngineError:
                raise
            except Exception as error:  # noqa: BLE001 - a lost worker: the committed batches stay, a rerun resumes
                raise EngineError(f"a Dask task failed: {type(error).__name__}: {error}; rerun to resume") from None

        return result

    def close(self) -> None:
        """Disconnect from the cluster; a local cluster is shut down."""
        for part in (getattr(self, "client", None), self.cluster):
            if part is not None:
                part.close()
