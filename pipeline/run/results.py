"""The results of a run, written as its documents are committed, in their final order, and renamed into place at the end.

`Results` appends each document's annotation record to `annotations.jsonl`, its rows to the `entities`, `facts` and
`relations` tables and its row to the `docs` table (a Parquet row group, or CSV lines, per flush), and its run-state
line to the part that will replace the run's parts (`running.OutputFolder`). Each is written under a temporary name
beside its place and renamed into place by `finish`: the results become final by rename, never by a rewrite, and are
never held whole in memory. With `partition_docs`, each table is a partitioned dataset: a folder of part files
(`part-00000.parquet`, …) of that many documents each.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from components.fact_checks import CHECKS

from ..files import remove, swap_in, temporary_for
from .export import DOC_COLUMNS, SCHEMAS, TABLES, arrow_table, frame
from .processing import PROCESSED, Line, SpilledTable, line_parts, unprocessed_line, write_line

FLUSH_DOCS = 256  # documents whose rows are gathered into one row group (or run of CSV lines) before they are written


class TableFile:
    """One table file written in pieces: Parquet row groups of the table's schema, or CSV lines under one header."""

    def __init__(self, path: Path, name: str, file_format: str) -> None:
        self.name = name
        if file_format == "parquet":
            self.writer: pq.ParquetWriter | None = pq.ParquetWriter(path, SCHEMAS[name])
        else:
            self.writer, self.file = None, path.open("w", encoding="utf-8", newline="")
            self.file.write(frame([], DOC_COLUMNS if name == "docs" else TABLES[name][0]).to_csv(index=False))

    def write(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        if self.writer is not None:
            self.writer.write_table(table)
        else:
            table.to_pandas().to_csv(self.file, header=False, index=False)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        else:
            self.file.close()


class Results:
    """The results of a run being written: see the module docstring. `state` is the path of the run-state part they
    come with, whose first line is `header`."""

    def __init__(self, out: Path, state: Path, header: bytes, table_format: str, partition_docs: int | None = None) -> None:
        self.format, self.partition_docs = table_format, partition_docs
        self.paths = [out / "annotations.jsonl", *(out / f"{name}.{table_format}" for name in (*TABLES, "docs"))]
        self.state = state
        self.temporaries = [temporary_for(path) for path in (*self.paths, state)]
        self.annotations: BinaryIO = self.temporaries[0].open("wb")
        self.lines: BinaryIO = self.temporaries[-1].open("wb")
        self.lines.write(header)
        self.table_paths = self.temporaries[1:-1]
        self.tables: dict[str, TableFile] = {}
        self.part = self.in_part = 0
        if partition_docs:
            for folder in self.table_paths:
                folder.mkdir()
        self._open_tables()
        self.pending: dict[str, list[Any]] = {name: [] for name in TABLES}  # Arrow tables, spilled ones, or rows read back
        self.pending_docs: list[dict[str, Any]] = []
        self.flagged = 0
        self.flag_counts: Counter[str] = Counter()

    def _open_tables(self) -> None:
        for name, target in zip((*TABLES, "docs"), self.table_paths):
            path = target / f"part-{self.part:05d}.{self.format}" if self.partition_docs else target
            self.tables[name] = TableFile(path, name, self.format)

    def add(self, row: dict[str, Any], line: bytes | Line | None = None, record: tuple[int, int] = (0, 0),
            tables: dict[str, Any] | None = None, flags: list[str] | None = None) -> None:
        """Add a document: its docs-table row and, if it was processed, its run-state line, where its annotation record
        lies in it, its rows (per table, an Arrow table or a list of row dicts) and the flags of its flagged facts."""
        if self.partition_docs and self.in_part == self.partition_docs:
            self.flush()
            for table in self.tables.values():
                table.close()
            self.part, self.in_part = self.part + 1, 0
            self._open_tables()
        self.in_part += 1
        self.pending_docs.append(row)
        if line is None:
            self.lines.write(unprocessed_line(row))
        else:
            write_line(self.lines, line)
            write_line(self.annotations, line, *record)
            self.annotations.write(b"\n")
            for name, table in (tables or {}).items():
                pending = self.pending[name]
                if not isinstance(table, list):
                    pending.append(table)
                elif pending and isinstance(pending[-1], list):
                    pending[-1] += table
                else:
                    pending.append(list(table))
            self.flagged += len(flags or ())
            self.flag_counts.update(name for cell in flags or () for name in cell.split(";") if name)
        if len(self.pending_docs) >= FLUSH_DOCS:
            self.flush()

    def add_line(self, line: bytes) -> None:
        """Add a document from its run-state line (a part's): the record as it is, the rows read from their JSON."""
        row, record, rows = line_parts(line)
        if record is None or rows is None or row.get("status") != PROCESSED:
            self.add(row)
            return
        parsed = orjson.loads(line[rows[0] : rows[1]])
        flags = [fact["flags"] for fact in parsed.get("facts", ()) if fact.get("flags")]
        self.add(row, line, record, {name: parsed.get(name, []) for name in TABLES}, flags)

    def flush(self) -> None:
        """Write the rows gathered so far: one row group (or run of CSV lines) per table."""
        for name, pending in self.pending.items():
            tables: list[pa.Table] = []
            for item in pending:
                if isinstance(item, SpilledTable):  # a long document's: written as it is read back
                    self._write(name, tables)
                    for table in item.batches():
                        self.tables[name].write(table)
                    tables = []
                else:
                    tables.append(item if isinstance(item, pa.Table) else arrow_table(name, item))
            self._write(name, tables)
        if self.pending_docs:
            self.tables["docs"].write(arrow_table("docs", self.pending_docs))
        self.pending = {name: [] for name in TABLES}
        self.pending_docs = []

    def _write(self, name: str, tables: list[pa.Table]) -> None:
        if tables:
            self.tables[name].write(pa.concat_tables(tables))

    def flags(self) -> dict[str, int]:
        """The facts each check flagged (those that flagged any, in the order of the checks)."""
        return {name: self.flag_counts[name] for name in CHECKS if self.flag_counts[name]}

    def _close(self) -> None:
        self.flush()
        for table in self.tables.values():
            table.close()
        for file in (self.annotations, self.lines):
            file.flush()
            os.fsync(file.fileno())
            file.close()

    def finish(self) -> list[Path]:
        """Close the files and rename each into place (the run-state part last); returns the results' paths."""
        self._close()
        for temporary, path in zip(self.temporaries, (*self.paths, self.state)):
            swap_in(temporary, path)
        return self.paths

    def discard(self) -> Path:
        """Close the files and delete all but the run-state part, which is kept under another temporary name (returned)."""
        self._close()
        for temporary in self.temporaries[:-1]:
            remove(temporary)
        return self.temporaries[-1].rename(self.temporaries[-1].with_name(f"{self.temporaries[-1].stem}.first.tmp"))

    def abandon(self) -> None:
        """Close the files and delete them all (the run failed)."""
        for file in (self.annotations, self.lines, *self.tables.values()):
            file.close()
        for temporary in self.temporaries:
            remove(temporary)
