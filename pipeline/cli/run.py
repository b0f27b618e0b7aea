"""`python -m pipeline run`: the pipeline over files and folders into an output folder, with a progress bar and a summary."""
from __future__ import annotations

import logging
import sys
import time
from contextlib import nullcontext
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from ..run.reading import InputError
from .common import BUNDLED_INPUTS, ConfigOption, config_folder, fail

if TYPE_CHECKING:
    from ..run.running import RunSummary

err = Console(stderr=True)


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


def run_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Files (.txt, .html, .jsonl) or folders; default: the bundled articles.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; a rerun resumes and adds to it.")] = Path("out"),
    table_format: Annotated[TableFormat, typer.Option("--format", "-f", help="Table file format.")] = TableFormat.parquet,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch (the unit a rerun resumes from).")] = 64,
    n_process: Annotated[int, typer.Option(min=1, help="Worker processes of the local engine, each loading the pipeline once.")] = 1,
    engine: Annotated[EngineName, typer.Option(help="local: this machine; dask: the workers of a Dask cluster.")] = EngineName.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786); default: start a local cluster.")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Dask workers: of the local cluster (default: one per core), or to wait for.")] = None,
    partition_docs: Annotated[int, typer.Option(min=1, help="Documents per part file of the dask engine's partitioned tables.")] = 10_000,
    tokens: Annotated[bool, typer.Option("--tokens", help="Give annotation records Prodigy tokens and spans their token_start/token_end.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first document that fails.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Delete the results and run state in --out first.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks, also of the documents that fail.")] = False,
    config: ConfigOption = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Also add this run's documents and facts to this DuckDB store (made if missing).")] = None,
) -> None:
    """Extract figures, places and organisations into --out: annotations.jsonl and the entities, facts,
    relations and docs tables. A rerun resumes: documents already done are not redone. Exits 1 if any
    document failed (after processing all the others), 2 if the run could not start."""
    from ..run.engines import EngineError
    from ..run.running import OutputError, run_inputs
    from ..store import FactsStore, StoreError

    if debug:
        logger = logging.getLogger("pipeline")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(logging.StreamHandler())
    sources = list(inputs) if inputs else [path for path in BUNDLED_INPUTS if path.exists()]
    config_dir = config_folder(config)
    started, began = time.perf_counter(), datetime.now()
    try:
        with FactsStore(store) if store else nullcontext() as facts_store, progress() as bar:
            report = progress_reporter(bar, bar.add_task("documents", total=None))
            options = {"batch_size": batch_size, "n_process": n_process, "strict": strict, "overwrite": overwrite, "tokens": tokens}
            cluster = {"engine": engine.value, "scheduler": scheduler, "workers": workers, "partition_docs": partition_docs}
            summary = run_inputs(sources, out, table_format=table_format.value, progress=report, config_dir=config_dir, **options, **cluster)
            if facts_store is not None:
                stored = facts_store.add_run(out, table_format.value, inputs=sources, summary=summary, started=began)
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume", 130)
    except Exception as error:  # one line each, never a traceback (unless --debug)
        if debug:
            raise
        if isinstance(error, (InputError, OutputError, EngineError, StoreError)):
            fail(str(error))
        if isinstance(error, OSError):
            fail(f"{error.filename}: {error.strerror}" if error.filename else str(error))
        fail(f"{type(error).__name__}: {error} (rerun with --debug for the traceback)")
    print_summary(summary, time.perf_counter() - started)
    if store:
        typer.echo(
            f"store: {stored.docs_added} documents added, {stored.docs_unchanged} already there, {stored.docs_replaced} replaced; "
            f"{stored.facts_added} facts, {stored.observations_built} observations built in {stored.seconds:.1f}s -> {store}",
            err=True,
        )
    raise typer.Exit(1 if summary.failed else 0)


def print_summary(summary: RunSummary, seconds: float, shown: int = 5) -> None:
    """Counts, the facts the checks flagged, the first few reasons (failures first), and the files written, on stderr."""
    done = f" ({summary.already_done} already done)" if summary.already_done else ""
    kept = f"; {summary.kept} documents of earlier runs kept" if summary.kept else ""
    typer.echo(
        f"{summary.inputs} documents: {summary.processed} processed{done}, {summary.skipped} skipped, "
        f"{summary.failed} failed in {seconds:.1f}s{kept}",
        err=True,
    )
    if summary.flagged:
        by_check = ", ".join(f"{name} {count}" for name, count in summary.flags.items())
        typer.echo(f"flagged facts: {summary.flagged} ({by_check})", err=True)
    problems = sorted(summary.problems, key=lambda row: not row["status"].startswith("failed"))
    for row in problems[:shown]:
        typer.echo(f"  {row['source']}: {row['status']} ({row['error']})", err=True)
    if len(problems) > shown:
        typer.echo(f"  ... {len(problems) - shown} more in the docs table", err=True)
    if summary.stopped:
        typer.echo("stopped at the first failure (--strict)", err=True)
    typer.echo("-> " + ", ".join(map(str, summary.written)), err=True)


def progress() -> Progress:
    """A progress bar on stderr: documents done of all, time taken and time left; when stderr is not a terminal,
    `run` prints a line every tenth instead (`progress_reporter`)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err,
        disable=not sys.stderr.isatty(),
    )


def progress_reporter(bar: Progress, task: TaskID) -> Callable[[float, int], None]:
    """What `run_inputs` reports progress to: the bar, or without one a line each time another tenth of the documents is done."""
    tenths = 0

    def report(done: float, total: int) -> None:
        nonlocal tenths
        bar.update(task, completed=done, total=total)
        if bar.disable and total and int(10 * done / total) > tenths:
            tenths = int(10 * done / total)
            typer.echo(f"{int(done)}/{total} documents done", err=True)

    return report
