"""Running the pipeline over inputs into an output folder: every input accounted for, runs that resume.

An output folder holds the results and, in `.parts/`, the run state they are built from:

    annotations.jsonl                               one record per processed document
    entities, facts, relations, docs (.parquet|.csv)
    .parts/part-NNNNNN.jsonl                        committed batches of processed documents

Each batch goes through `process_documents` (plain data in and out, so an engine can call it on
its workers) and is committed as one part file: written to a temp file, then renamed. The results
are rebuilt from the parts at the end of every run, atomically file by file, and the parts are
compacted into one. A run first reads the parts: a document whose id is there with the same text
is already done, so a killed run resumes after its last committed batch and a finished one is not
redone.
"""
from __future__ import annotations

import itertools
import json
import logging
import re
import shutil
from collections import Counter, deque
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from components.fact_checks import CHECKS

from ..files import remove
from ..loading import pipeline_version
from .annotate import CHUNK_CHARS
from .annotation_file import write_annotations
from .engines import Engine, open_engine
from .export import (
    DOC_COLUMNS,
    TABLES,
    frame,
    frames_from_rows,
    write_datasets,
    write_tables,
)
from .processing import PROCESSED, Outcome, doc_row, outcome_class
from .reading import (
    SUFFIXES,
    Document,
    InputError,
    Rejected,
    content_hash,
    find_inputs,
    read_found,
)

log = logging.getLogger(__name__)

BATCH_CHARS = 2_000_000  # a batch is also committed once its texts reach this many characters
PARTS = ".parts"
PART_FILE = re.compile(r"part-(\d+)\.jsonl")
RESULT_FILES = ("annotations.jsonl", *(f"{name}.{suffix}" for name in (*TABLES, "docs") for suffix in ("parquet", "csv")))

DUPLICATE_ID = "failed: duplicate id"


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


class OutputFolder:
    """An output folder: the results, and the committed parts in `.parts/` they are built from.

    `done` holds the processed documents of the parts by id, in the order they were committed.
    """

    def __init__(self, out: Path, version: str, *, overwrite: bool = False, tokens: bool = False) -> None:
        """Open `out` for a run (made if missing). Without `overwrite` it must be empty of results, or
        hold the results and run state of this pipeline version, with tokens in its records if and only if
        `tokens`; `overwrite` deletes both first."""
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out}: the output path exists and is not a folder")
        self.out, self.version, self.tokens, self.parts = out, version, tokens, out / PARTS
        if overwrite:
            shutil.rmtree(self.parts, ignore_errors=True)
            for name in RESULT_FILES:
                remove(out / name)
        elif not self.parts.is_dir() and any((out / name).exists() for name in RESULT_FILES):
            raise OutputError(f"{out} holds results but no run state ({PARTS}/) to resume from; rerun with --overwrite to replace them")
        self.parts.mkdir(parents=True, exist_ok=True)
        self.done: dict[str, Outcome] = {}
        self.numbers: list[int] = []
        self._load()

    def _load(self) -> None:
        for stale in self.parts.glob(".*.tmp"):  # a write that a kill interrupted: never trusted
            stale.unlink()
        found = sorted((int(match.group(1)), path) for path in self.parts.iterdir() if (match := PART_FILE.fullmatch(path.name)))
        parts = [(number, path, *self._read(path)) for number, path in found]
        floor = max((header.get("supersedes", 0) for _, _, header, _ in parts), default=0)
        for number, path, header, outcomes in parts:
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
            for outcome in outcomes:
                self.done.setdefault(outcome.doc["doc_id"], outcome)
            self.numbers.append(number)

    def _read(self, path: Path) -> tuple[dict[str, Any], list[Outcome]]:
        try:
            header, *lines = path.read_text(encoding="utf-8").splitlines()
            return json.loads(header), [Outcome(**json.loads(line)) for line in lines]
        except (ValueError, TypeError) as error:
            raise OutputError(f"{path}: damaged run state ({error}); rerun with --overwrite to start afresh") from None

    def _write_part(self, outcomes: list[Outcome], **header: Any) -> None:
        number = max(self.numbers, default=0) + 1
        lines = ({"doc": outcome.doc, "record": outcome.record, "rows": outcome.rows} for outcome in outcomes)
        header = {"version": self.version, **({"tokens": True} if self.tokens else {}), **header}
        write_annotations(self.parts / f"part-{number:06d}.jsonl", itertools.chain([header], lines))
        self.numbers.append(number)

    def commit(self, outcomes: list[Outcome]) -> None:
        """Commit processed documents as one part (temp file, then rename)."""
        if outcomes:
            self._write_part(outcomes)
            self.done.update((outcome.doc["doc_id"], outcome) for outcome in outcomes)

    def finish(self, docs: list[dict[str, Any]], table_format: str, partition_docs: int | None = None) -> list[Path]:
        """Write the results for the docs-table rows `docs`, in that order, then compact the parts into one.

        With `partition_docs`, each table is a partitioned dataset, a part file per that many documents.
        """
        annotations = self.out / "annotations.jsonl"
        write_annotations(annotations, (self.done[row["doc_id"]].record for row in docs if row["status"] == PROCESSED))
        if partition_docs:
            groups = [docs[start : start + partition_docs] for start in range(0, len(docs), partition_docs)] or [[]]
            written = write_datasets([self._tables(group) for group in groups], self.out, table_format)
        else:
            written = write_tables(self._tables(docs), self.out, table_format)
        old = list(self.numbers)
        self._write_part([self.done[row["doc_id"]] for row in docs if row["status"] == PROCESSED], supersedes=max(old, default=0))
        for number in old:
            (self.parts / f"part-{number:06d}.jsonl").unlink()
        self.numbers = self.numbers[-1:]
        return [annotations, *written]

    def _tables(self, docs: list[dict[str, Any]]) -> dict[str, Any]:
        """The tables of the documents whose docs-table rows are `docs`."""
        processed = [self.done[row["doc_id"]] for row in docs if row["status"] == PROCESSED]
        rows = {name: [row for outcome in processed for row in outcome.rows[name]] for name in TABLES}
        return {**frames_from_rows(rows), "docs": frame(docs, DOC_COLUMNS)}


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
    progress: Callable[[int], None] | None = None,
    nlp: Language | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    partition_docs: int = 10_000,
    tokens: bool = False,
) -> RunSummary:
    """Process every input document into `out`, resuming from the parts earlier runs committed there.

    Ids: a document whose id was already taken in this run is `failed: duplicate id` (the first one
    keeps it); so is one whose id is in `out` for a different text. `strict` stops at the first
    failure. `progress` is called with the number of inputs accounted for after each batch. Files
    inside `out` are not inputs.

    `engine` is `local` (the pipeline `nlp`, else `load()` once there is something to process) or
    `dask` (on the cluster at `scheduler`, else on a local one of `workers` processes); the dask
    engine writes each table as a partitioned dataset, a part per `partition_docs` documents. With `tokens`,
    the annotation records carry Prodigy tokens (and `out` must have been made with them).
    Raises InputError when no input file exists at all, OutputError when `out` cannot be used,
    EngineError when the engine cannot start or loses its workers.
    """
    inputs, out = list(inputs), Path(out)
    own = out.resolve()  # the output folder may lie inside an input folder: its files are not inputs
    found = [item for item in find_inputs(inputs) if not (isinstance(item, Path) and own in item.resolve().parents)]
    if not any(isinstance(item, Path) for item in found):
        reasons = [f"{item.source}: {item.error}" for item in found if isinstance(item, Rejected)]
        names = ", ".join(map(str, inputs))
        raise InputError("; ".join(reasons) or f"no {', '.join(SUFFIXES)} documents found in {names}")
    folder = OutputFolder(out, pipeline_version(), overwrite=overwrite, tokens=tokens)
    stored = list(folder.done)
    options = {"batch_size": batch_size, "n_process": n_process, "chunk_chars": chunk_chars, "tokens": tokens}
    with closing(open_engine(engine, nlp=nlp, scheduler=scheduler, workers=workers, ordered=strict, **options)) as processor:
        batches = _Batches(folder, processor, strict=strict, progress=progress)
        stopped = False
        for item in read_found(found):
            is_failure = batches.add(item)
            if len(batches.pending) >= batch_size or batches.pending_chars >= BATCH_CHARS or (strict and is_failure):
                stopped = batches.flush()
                if stopped:
                    break
        stopped = stopped or batches.flush(drain=True)
    rows = batches.rows
    done_here = {row["doc_id"] for row in rows if row["status"] == PROCESSED}
    kept = [folder.done[doc_id].doc for doc_id in stored if doc_id not in done_here]
    counts = Counter(outcome_class(row["status"]) for row in rows)
    facts = [fact for row in kept + rows if row["status"] == PROCESSED for fact in folder.done[row["doc_id"]].rows["facts"]]
    flagged, flags = flag_counts(facts)
    return RunSummary(
        out=out,
        version=folder.version,
        inputs=len(rows),
        processed=counts["processed"],
        already_done=len(done_here.intersection(stored)),
        skipped=counts["skipped"],
        failed=counts["failed"],
        kept=len(kept),
        stopped=stopped,
        problems=[row for row in rows if row["status"] != PROCESSED],
        written=folder.finish(kept + rows, table_format, partition_docs if engine == "dask" else None),
        flagged=flagged,
        flags=flags,
    )


def flag_counts(facts: Iterable[dict[str, Any]]) -> tuple[int, dict[str, int]]:
    """How many facts fail a check, and how many each check flagged (those that flagged any, in the order of the checks)."""
    counts: Counter[str] = Counter()
    flagged = 0
    for fact in facts:
        names = [name for name in (fact.get("flags") or "").split(";") if name]
        flagged += bool(names)
        counts.update(names)
    return flagged, {name: counts[name] for name in CHECKS if counts[name]}


class _Batches:
    """The docs rows of a run in input order, the documents waiting for the next batch, and the
    batches submitted to the engine but not yet committed (oldest first)."""

    def __init__(self, folder: OutputFolder, engine: Engine, *, strict: bool, progress: Callable[[int], None] | None) -> None:
        self.folder, self.engine, self.strict, self.progress = folder, engine, strict, progress
        self.rows: list[dict[str, Any]] = []  # an empty dict holds the place of a document being processed
        self.pending: list[tuple[int, Document]] = []
        self.pending_chars = 0
        self.submitted: deque[tuple[list[int], Callable[[], list[Outcome]]]] = deque()
        self.claimed: dict[str, str] = {}  # id -> source of the document that has it in this run
        self.checked = 0  # rows before this one hold no failure (strict)

    def add(self, item: Document | Rejected) -> bool:
        """Give the next input its docs row, or queue it for processing; True if it failed outright."""
        version = self.folder.version
        if isinstance(item, Rejected):
            row = doc_row(item, version)
        elif item.id in self.claimed:
            row = doc_row(item, version, DUPLICATE_ID, f"id {item.id!r} is already the id of {self.claimed[item.id]}")
        else:
            self.claimed[item.id] = item.source or ""
            stored = self.folder.done.get(item.id)
            if stored is None:
                self.pending.append((len(self.rows), item))
                self.pending_chars += len(item.text)
                row = {}
            elif stored.doc["content_hash"] == content_hash(item.text):
                row = stored.doc
            else:
                error = (
                    f"id {item.id!r} is in {self.folder.out} for another text (from {stored.doc['source']}); "
                    "rerun with --overwrite to redo it"
                )
                row = doc_row(item, version, DUPLICATE_ID, error)
        self.rows.append(row)
        return bool(row) and outcome_class(row["status"]) == "failed"

    def flush(self, drain: bool = False) -> bool:
        """Submit the pending documents as a batch, then commit the oldest batches until no more than
        the engine's `in_flight` are left (none when `drain`). With `strict`, drop the rows after the
        first failure, commit nothing after it, and return True if there was one."""
        if self.pending:
            documents = [document for _, document in self.pending]
            self.submitted.append(([index for index, _ in self.pending], self.engine.submit(documents, self.folder.version)))
            self.pending, self.pending_chars = [], 0
        stopped = False
        while self.submitted and (drain or len(self.submitted) > self.engine.in_flight) and not stopped:
            stopped = self._commit_oldest()
        if not stopped and not self.submitted:
            stopped = self._strict_failure() is not None
        if self.progress:
            self.progress(len(self.rows) - sum(len(indices) for indices, _ in self.submitted))
        return stopped

    def _commit_oldest(self) -> bool:
        """Wait for the oldest submitted batch and commit it; True if `strict` stops the run there."""
        indices, result = self.submitted.popleft()
        outcomes = list(zip(indices, result()))
        for index, outcome in outcomes:
            self.rows[index] = outcome.doc
        failure = self._strict_failure()  # with strict, the engine is ordered: this was the only batch submitted
        self.folder.commit([o for i, o in outcomes if o.doc["status"] == PROCESSED and (failure is None or i < failure)])
        return failure is not None

    def _strict_failure(self) -> int | None:
        """With `strict`, the index of the first failed row (whose later rows are then dropped)."""
        if not self.strict:
            return None
        failure = next((i for i in range(self.checked, len(self.rows)) if outcome_class(self.rows[i]["status"]) == "failed"), None)
        self.checked = len(self.rows)
        if failure is not None:
            del self.rows[failure + 1 :]
        return failure
