"""Running the pipeline over inputs into an output folder: every input accounted for, runs that resume.

An output folder holds the results and, in `.parts/`, the run state they are built from:

    annotations.jsonl                               one record per processed document
    entities, facts, relations, docs (.parquet|.csv)
    .parts/part-NNNNNN.jsonl                        committed documents: a header line, then one line each

Each batch goes through `process_documents` (plain data in and out, so an engine can call it on its workers, which
encode the results) and is committed as one part file: written to a temp file, then renamed. As batches commit, the
results are appended to in input order (`results.Results`), together with the part that will replace the run's
parts, and at the end of the run all are renamed into place. A run first reads the parts: a document whose id is
there with the same text is already done (its line is copied when its turn comes), so a killed run resumes after
its last committed batch and a finished one is not redone.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections import Counter, deque
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from spacy.language import Language

from ..files import remove, replace_atomically
from ..loading import pipeline_version
from .annotate import CHUNK_CHARS
from .engines import Engine, open_engine
from .export import TABLES
from .lock import OutputInUse, OutputLock
from .processing import PROCESSED, Batch, Outcome, doc_row, line_parts, outcome_class, write_line
from .reading import (
    SUFFIXES,
    Document,
    Foreign,
    InputError,
    Rejected,
    content_hash,
    count_inputs,
    find_inputs,
    found_path,
    read_found,
)
from .results import Results

BATCH_CHARS = 2_000_000  # a batch is also committed once its texts reach this many characters
PARTS = ".parts"
PART_FILE = re.compile(r"part-(\d+)\.jsonl")
RESULT_FILES = ("annotations.jsonl", *(f"{name}.{suffix}" for name in (*TABLES, "docs") for suffix in ("parquet", "csv")))

DUPLICATE_ID = "failed: duplicate id"

log = logging.getLogger(__name__)


class OutputError(ValueError):
    """An output folder that this run cannot use; the message says why and what to do."""


@dataclass
class RunSummary:
    """What a run did with its inputs: `processed + skipped + failed == inputs`."""

    out: Path
    version: str
    inputs: int = 0
    processed: int = 0
    already_done: int = 0  # of `processed`: taken from the output folder, done by an earlier run
    skipped: int = 0
    failed: int = 0
    kept: int = 0  # documents of earlier runs that are not among these inputs, kept in the results
    stopped: bool = False  # `strict` stopped the run at its first failure
    problems: list[dict[str, Any]] = field(default_factory=list)  # docs rows of the skipped and failed inputs
    written: list[Path] = field(default_factory=list)
    flagged: int = 0  # facts in the written results that fail at least one check
    flags: dict[str, int] = field(default_factory=dict)  # facts each check flagged, in the order of the checks


@dataclass
class Stored:
    """A processed document of the run state: its docs-table row, and where its line lies in which part."""

    doc: dict[str, Any]
    path: Path
    offset: int
    length: int


class OutputFolder:
    """An output folder: the results, and the committed parts in `.parts/` they are built from.

    `done` holds the processed documents of the parts by id, in the order they were committed. The folder is locked
    for this run from the start until `finish` or `close`.
    """

    def __init__(self, out: Path, version: str, *, overwrite: bool = False, tokens: bool = False) -> None:
        """Open `out` for a run (made if missing) and lock it, or raise OutputError if another run holds it. Without
        `overwrite` it must be empty of results, or hold the results and run state of this pipeline version, with
        tokens in its records if and only if `tokens`; `overwrite` deletes both first."""
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out}: the output path exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        self.lock = OutputLock(out)
        self.files: dict[Path, BinaryIO] = {}
        try:
            taken_over = self.lock.acquire()
        except OutputInUse as error:
            raise OutputError(str(error)) from None
        if taken_over:
            log.warning(taken_over)
        try:
            self._open(out, version, overwrite=overwrite, tokens=tokens)
        except BaseException:
            self.close()
            raise

    def _open(self, out: Path, version: str, *, overwrite: bool, tokens: bool) -> None:
        """Check the folder's results and run state against this run (or delete them: `overwrite`), and read the parts."""
        self.out, self.version, self.tokens, self.parts = out, version, tokens, out / PARTS
        if overwrite:
            shutil.rmtree(self.parts, ignore_errors=True)
            for name in RESULT_FILES:
                remove(out / name)
        elif not self.parts.is_dir() and any((out / name).exists() for name in RESULT_FILES):
            raise OutputError(f"{out} holds results but no run state ({PARTS}/) to resume from; rerun with --overwrite to replace them")
        self.parts.mkdir(parents=True, exist_ok=True)
        self.done: dict[str, Stored] = {}
        self.numbers: list[int] = []
        self.reserved = 0  # the number of the part that the results of this run will come with
        self._load()

    def _load(self) -> None:
        for stale in self.parts.glob(".*.tmp"):  # a write that a kill interrupted: never trusted
            remove(stale)
        found = sorted((int(match.group(1)), path) for path in self.parts.iterdir() if (match := PART_FILE.fullmatch(path.name)))
        parts = [(number, path, *self._read(path)) for number, path in found]
        floor = max((header.get("supersedes", 0) for _, _, header, _ in parts), default=0)
        for number, path, header, stored in parts:
            if number <= floor:  # compacted into a later part
                path.unlink()
                continue
            if header.get("version") != self.version:
                raise OutputError(
                    f"{self.out} was made by pipeline version {header.get('version')}, this is {self.version}; "
                    "rerun with --overwrite to redo it, or choose another --out"
                )
            if header.get("tokens", False) != self.tokens:
                made, asked = ("with", "without") if header.get("tokens") else ("without", "with")
                raise OutputError(
                    f"{self.out} was made {made} --tokens and this run is {asked}; rerun {made} --tokens to resume "
                    "(`python -m pipeline annotations --tokens` adds tokens to a file), or --overwrite to redo it"
                )
            for entry in stored:
                self.done.setdefault(entry.doc["doc_id"], entry)
            self.numbers.append(number)

    def _read(self, path: Path) -> tuple[dict[str, Any], list[Stored]]:
        """The header of a part and its processed documents (their docs-table rows and where their lines lie)."""
        stored = []
        try:
            with path.open("rb") as file:
                header = json.loads(file.readline())
                offset = file.tell()
                for line in file:
                    row = line_parts(line)[0]
                    if row["status"] == PROCESSED:
                        stored.append(Stored(row, path, offset, len(line)))
                    offset += len(line)
            return header, stored
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise OutputError(f"{path}: damaged run state ({error}); rerun with --overwrite to start afresh") from None

    def line(self, stored: Stored) -> bytes:
        """The run-state line of a stored document."""
        file = self.files.get(stored.path)
        if file is None:
            file = self.files[stored.path] = stored.path.open("rb")
        file.seek(stored.offset)
        return file.read(stored.length)

    def header(self, **fields: Any) -> bytes:
        """The first line of a part."""
        return (json.dumps({"version": self.version, **({"tokens": True} if self.tokens else {}), **fields}) + "\n").encode()

    def commit(self, outcomes: list[Outcome]) -> None:
        """Commit processed documents as one part (temp file, synced, then renamed)."""
        if not outcomes:
            return
        number = max([*self.numbers, self.reserved]) + 1

        def write(temporary: Path) -> None:
            with temporary.open("wb") as file:
                file.write(self.header())
                for outcome in outcomes:
                    write_line(file, outcome.line)
                file.flush()
                os.fsync(file.fileno())

        replace_atomically(self.parts / f"part-{number:06d}.jsonl", write)
        self.numbers.append(number)

    def results(self, table_format: str, partition_docs: int | None) -> Results:
        """The results of this run, to be written as its documents are committed, with the part that replaces the parts."""
        self.reserved = self.reserved or max(self.numbers, default=0) + 1
        state = self.parts / f"part-{self.reserved:06d}.jsonl"
        try:
            return Results(self.out, state, self.header(supersedes=self.reserved - 1), table_format, partition_docs)
        except BaseException:
            self.close()
            raise

    def finish(self, results: Results) -> list[Path]:
        """Rename the results into place, then delete the parts their run-state part replaces; unlock the folder."""
        try:
            written = results.finish()
            for number in self.numbers:
                (self.parts / f"part-{number:06d}.jsonl").unlink(missing_ok=True)
        finally:
            self.close()
        self.numbers, self.reserved = [self.reserved], 0
        return written

    def close(self) -> None:
        """Close the parts read and unlock the folder."""
        for file in self.files.values():
            file.close()
        self.files = {}
        self.lock.release()


def run_inputs(
    inputs: Iterable[Path | str],
    out: Path | str,
    *,
    table_format: str = "parquet",
    batch_size: int = 64,
    n_process: int = 1,
    strict: bool = False,
    overwrite: bool = False,
    chunk_chars: int = CHUNK_CHARS,
    progress: Callable[[float, int], None] | None = None,
    nlp: Language | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    partition_docs: int = 10_000,
    tokens: bool = False,
    config_dir: Path | None = None,
) -> RunSummary:
    """Process every input document into `out`, resuming from the parts earlier runs committed there.

    Ids: a document whose id was already taken in this run is `failed: duplicate id` (the first one
    keeps it); so is one whose id is in `out` for a different text. `strict` stops at the first
    failure. `progress` is called with the number of inputs accounted for and the number of inputs (counted before
    the run starts: a JSONL file's records by a byte scan of its lines): after each batch, and, where this process
    runs the pipeline, after each piece of a document, counting the share of its characters done. Files inside `out`
    are not inputs.

    `engine` is `local` (the pipeline `nlp`, else `load()` once there is something to process) or
    `dask` (on the cluster at `scheduler`, else on a local one of `workers` processes); the dask
    engine writes each table as a partitioned dataset, a part per `partition_docs` documents. With `tokens`,
    the annotation records carry Prodigy tokens (and `out` must have been made with them). The pipeline is built from
    `config_dir` (default: the bundled configs/), whose files make the version the results carry.
    Raises InputError when no input file exists at all, OutputError when `out` cannot be used,
    EngineError when the engine cannot start or loses its workers.
    """
    inputs, out = list(inputs), Path(out)
    own = out.resolve()  # the output folder may lie inside an input folder: its files are not inputs
    found = [item for item in find_inputs(inputs) if isinstance(item, Rejected) or own not in found_path(item).resolve().parents]
    if not any(isinstance(item, Path) for item in found):
        reasons = [f"{item.source}: {item.error}" for item in found if isinstance(item, Rejected)]
        names = ", ".join(map(str, inputs))
        others = sum(isinstance(item, Foreign) for item in found)
        besides = f" (only {others} file{'s' if others > 1 else ''} of other types)" if others else ""
        raise InputError("; ".join(reasons) or f"no {', '.join(SUFFIXES)} documents found in {names}{besides}")
    folder = OutputFolder(out, pipeline_version(config_dir), overwrite=overwrite, tokens=tokens)
    options = {"batch_size": batch_size, "n_process": n_process, "chunk_chars": chunk_chars, "tokens": tokens}
    partitions = partition_docs if engine == "dask" else None
    results = folder.results(table_format, partitions)
    try:
        engine_options = {"nlp": nlp, "scheduler": scheduler, "workers": workers, "ordered": strict, "config_dir": config_dir}
        with closing(open_engine(engine, **engine_options, **options)) as processor:
            batches = _Batches(folder, processor, results, strict=strict, progress=progress, total=count_inputs(found) if progress else 0)
            for item in read_found(found):
                is_failure = batches.add(item)
                if len(batches.pending) >= batch_size or batches.pending_chars >= BATCH_CHARS or (strict and is_failure):
                    if batches.flush():
                        break
            batches.flush(drain=True)
        kept = [stored for doc_id, stored in folder.done.items() if doc_id not in batches.processed]
        if kept:
            results = with_kept(folder, results, kept, table_format, partitions)
    except BaseException:
        results.abandon()
        folder.close()
        raise
    counts = batches.counts
    return RunSummary(
        out=out,
        version=folder.version,
        inputs=sum(counts.values()),
        processed=counts["processed"],
        already_done=batches.already_done,
        skipped=counts["skipped"],
        failed=counts["failed"],
        kept=len(kept),
        stopped=batches.stopped,
        problems=batches.problems,
        written=folder.finish(results),
        flagged=results.flagged,
        flags=results.flags(),
    )


def with_kept(folder: OutputFolder, results: Results, kept: list[Stored], table_format: str, partition_docs: int | None) -> Results:
    """The results written again with the documents of earlier runs that are not among this run's inputs (`kept`)
    first, as every run lists them, then this run's, read back from the run-state part written with them."""
    this_run = results.discard()
    rebuilt = folder.results(table_format, partition_docs)
    for stored in kept:
        rebuilt.add_line(folder.line(stored))
    with this_run.open("rb") as file:
        file.readline()  # the header
        for line in file:
            rebuilt.add_line(line)
    this_run.unlink()
    return rebuilt


@dataclass
class _Entry:
    """An input document in the run's order: its docs row once it is known (None while it is processed), and the
    stored document or the Outcome (with its rows) that it comes with."""

    row: dict[str, Any] | None = None
    stored: Stored | None = None
    outcome: Outcome | None = None
    tables: dict[str, Any] | None = None


class _Batches:
    """The inputs of a run in order, from reading to the results: the documents waiting for the next batch, the
    batches submitted to the engine but not yet committed (oldest first), and the entries not yet written, which
    are written in input order as soon as every one before them is known."""

    def __init__(
        self, folder: OutputFolder, engine: Engine, results: Results, *, strict: bool, progress: Callable[[float, int], None] | None, total: int = 0
    ) -> None:
        self.folder, self.engine, self.results, self.strict, self.progress = folder, engine, results, strict, progress
        self.total = total  # the inputs, for `progress`
        self.queue: deque[_Entry] = deque()
        self.pending: list[Document] = []
        self.pending_entries: list[_Entry] = []
        self.pending_chars = 0
        self.submitted: deque[tuple[list[_Entry], Callable[[], Batch]]] = deque()
        self.claimed: dict[str, str] = {}  # id -> source of the document that has it in this run
        self.processed: set[str] = set()  # the ids written as processed
        self.counts: Counter[str] = Counter()  # written entries by outcome class
        self.problems: list[dict[str, Any]] = []  # the docs rows of the skipped and failed ones
        self.already_done = 0
        self.added = self.in_flight = 0
        self.stopped = False  # `strict` stopped at a failure

    def add(self, item: Document | Rejected) -> bool:
        """Give the next input its docs row, or queue it for processing; True if it failed outright."""
        version = self.folder.version
        entry = _Entry()
        if isinstance(item, Rejected):
            entry.row = doc_row(item, version)
        elif item.id in self.claimed:
            entry.row = doc_row(item, version, DUPLICATE_ID, f"id {item.id!r} is already the id of {self.claimed[item.id]}")
        else:
            self.claimed[item.id] = item.source or ""
            stored = self.folder.done.get(item.id)
            if stored is None:
                self.pending.append(item)
                self.pending_entries.append(entry)
                self.pending_chars += len(item.text)
            elif stored.doc["content_hash"] == content_hash(item.text):
                entry.row, entry.stored = stored.doc, stored
            else:
                error = (
                    f"id {item.id!r} is in {self.folder.out} for another text (from {stored.doc['source']}); "
                    "rerun with --overwrite to redo it"
                )
                entry.row = doc_row(item, version, DUPLICATE_ID, error)
        self.queue.append(entry)
        self.added += 1
        if not self.pending and not self.submitted:
            self._write_ready()
        return entry.row is not None and outcome_class(entry.row["status"]) == "failed"

    def flush(self, drain: bool = False) -> bool:
        """Submit the pending documents as a batch, then commit the oldest batches until no more than the engine's
        `in_flight` are left (none when `drain`). True if `strict` stopped the run at a failure: its later entries
        are dropped, and nothing after it is committed."""
        if self.pending and not self.stopped:
            self.submitted.append((self.pending_entries, self.engine.submit(self.pending, self.folder.version, self._batch_progress())))
            self.in_flight += len(self.pending)
            self.pending, self.pending_entries, self.pending_chars = [], [], 0
        while self.submitted and (drain or len(self.submitted) > self.engine.in_flight) and not self.stopped:
            self._commit_oldest()
        if not self.submitted:
            self._write_ready()
        if self.progress:
            self.progress(self.added - self.in_flight, self.total)
        return self.stopped

    def _batch_progress(self) -> Callable[[float], None] | None:
        """For the engine, while it processes the pending documents: the documents of the batch done so far (a
        fraction of the one in progress) to `progress`."""
        if self.progress is None:
            return None
        progress, before, total = self.progress, self.added - self.in_flight - len(self.pending), self.total
        return lambda done: progress(before + done, total)

    def _commit_oldest(self) -> None:
        """Wait for the oldest submitted batch, then write what is ready."""
        entries, result = self.submitted.popleft()
        batch = result()
        self.in_flight -= len(entries)
        starts = dict.fromkeys(TABLES, 0)
        for entry, outcome in zip(entries, batch.outcomes):
            entry.row = outcome.doc
            if outcome.line:
                entry.outcome, entry.tables = outcome, outcome.tables
                if entry.tables is None:  # its rows are in the batch's tables
                    entry.tables = {name: batch.tables[name].slice(starts[name], count) for name, count in zip(TABLES, outcome.counts)}
                    starts = {name: starts[name] + count for name, count in zip(TABLES, outcome.counts)}
        self._write_ready()

    def _write_ready(self) -> None:
        """Commit the documents processed in this run among the entries whose every predecessor is known, as one part,
        then write them all to the results (with `strict`, up to the first failure)."""
        ready = []
        while self.queue and self.queue[0].row is not None and not self.stopped:
            ready.append(self.queue.popleft())
            self.stopped = self.strict and outcome_class(ready[-1].row["status"]) == "failed"
        if self.stopped:
            self.queue.clear()
        self.folder.commit([entry.outcome for entry in ready if entry.outcome])
        for entry in ready:
            self._write(entry)

    def _write(self, entry: _Entry) -> None:
        row = entry.row
        self.counts[outcome_class(row["status"])] += 1
        if entry.outcome:
            outcome = entry.outcome
            self.results.add(row, outcome.line, outcome.record, entry.tables, outcome.flags)
        elif entry.stored:
            self.results.add_line(self.folder.line(entry.stored))
            self.already_done += 1
        else:
            self.results.add(row)
            self.problems.append(row)
        if row["status"] == PROCESSED:
            self.processed.add(row["doc_id"])
