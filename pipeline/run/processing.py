"""Documents to Batches: the pipeline on a batch of documents, its results encoded where it runs.

Each processed document's annotation record and run-state line are JSON-encoded here, once, and the batch's table
rows become Arrow tables here, so the process that commits them (`running`) only appends bytes and writes Arrow
tables; any engine can run this on its workers. A long text is annotated in pieces (`annotate_pieces`); its record,
rows and line are built from the pieces' records and rows as they come, offsets shifted, and the pieces are never
joined into one Doc.
"""
from __future__ import annotations

import io
import json
import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import orjson
import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from components.relations import linked_spans_key

from ..languages import document_language
from .annotate import CHUNK_CHARS, annotate_pieces
from .export import SCHEMAS, TABLES, arrow_table, doc_to_record, table_rows
from .reading import Document, Rejected, content_hash

log = logging.getLogger(__name__)

PROCESSED = "processed"
PIPELINE_ERROR = "failed: pipeline error"
ARROW_ROWS = 5_000  # table rows held as dicts before they become Arrow tables
SPOOL_BYTES = 1 << 22  # a document's JSON lists are held in memory up to this size, then in a temporary file
RECORD_LISTS = ("tokens", "spans", "relations")  # the lists of a record that its pieces add to
OFFSET_COLUMNS = {"entities": ("start", "end"), "facts": ("start", "end"), "relations": ("head_start", "head_end", "child_start", "child_end")}


class Spool:
    """The items of a JSON list, written one after another: in memory while small, then in a temporary file."""

    def __init__(self) -> None:
        self.fragments: list[bytes] = []
        self.file: BinaryIO | None = None
        self.size = 0

    def add(self, items: bytes) -> None:
        """Add items (JSON, comma-separated, without brackets)."""
        if items:
            if self.size:
                self._write(b", ")
            self._write(items)

    def _write(self, data: bytes) -> None:
        self.size += len(data)
        if self.file is None and self.size > SPOOL_BYTES:
            self.file = tempfile.TemporaryFile()
            self.file.writelines(self.fragments)
            self.fragments = []
        if self.file is None:
            self.fragments.append(data)
        else:
            self.file.write(data)

    def value(self) -> bytes:
        """The items, from memory (only while they are there)."""
        return b"".join(self.fragments)

    def copy(self, file: BinaryIO, start: int, end: int) -> None:
        """Write the bytes from `start` to `end` to `file`, a few megabytes at a time."""
        if self.file is None:
            file.write(memoryview(self.value())[start:end])
            return
        self.file.seek(start)
        while start < end:
            chunk = self.file.read(min(end - start, SPOOL_BYTES))
            file.write(chunk)
            start += len(chunk)


class Line:
    """A long document's run-state line: byte strings and spools one after another, written out part by part and
    never joined in this process; it pickles as bytes, to cross to another."""

    def __init__(self, parts: list[bytes | Spool]) -> None:
        self.parts = parts

    def __len__(self) -> int:
        return sum(part.size if isinstance(part, Spool) else len(part) for part in self.parts)

    def __reduce__(self) -> tuple[type, tuple[bytes]]:
        return bytes, (self.read(),)

    def write(self, file: BinaryIO, start: int = 0, end: int | None = None) -> None:
        """Write the bytes of the line from `start` to `end` (its end) to `file`."""
        end = len(self) if end is None else end
        offset = 0
        for part in self.parts:
            size = part.size if isinstance(part, Spool) else len(part)
            low, high = max(start, offset) - offset, min(end, offset + size) - offset
            if low < high:
                part.copy(file, low, high) if isinstance(part, Spool) else file.write(memoryview(part)[low:high])
            offset += size

    def read(self, start: int = 0, end: int | None = None) -> bytes:
        """The bytes of the line from `start` to `end` (its end)."""
        buffer = io.BytesIO()
        self.write(buffer, start, end)
        return buffer.getvalue()


def write_line(file: BinaryIO, line: bytes | Line, start: int = 0, end: int | None = None) -> None:
    """Write the bytes of a line (or those from `start` to `end`) to `file`."""
    if isinstance(line, Line):
        line.write(file, start, end)
    else:
        file.write(memoryview(line)[start:end])


@dataclass
class Outcome:
    """What became of one input document: its docs-table row and, once processed, its run-state line (`{"doc",
    "record", "rows"}` as JSON, ending in a newline: bytes, or a Line for a long document), where its annotation record
    lies in that line, how many rows it adds to each table (in TABLES order) and the flags of its flagged facts."""

    doc: dict[str, Any]
    line: bytes | Line = b""
    record: tuple[int, int] = (0, 0)
    counts: tuple[int, ...] = ()
    flags: list[str] = field(default_factory=list)
    tables: dict[str, SpilledTable] | None = None  # a long document's rows; else they are in its Batch's tables

    @property
    def annotation(self) -> bytes:
        """Its annotation record, JSON bytes (no newline)."""
        if isinstance(self.line, Line):
            return self.line.read(*self.record)
        return self.line[self.record[0] : self.record[1]]


@dataclass
class Batch:
    """The Outcomes of a batch of documents, in order, and the rows of its processed ones as one Arrow table per table."""

    outcomes: list[Outcome]
    tables: dict[str, pa.Table]


def outcome_class(status: str) -> str:
    """`processed`, `skipped` (statuses `empty`, `skipped: …`) or `failed` (`failed: …`)."""
    if status == PROCESSED:
        return "processed"
    return "failed" if status.startswith("failed") else "skipped"


def one_line(text: str, limit: int = 300) -> str:
    """A message on one line of at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def doc_row(item: Document | Rejected, version: str, status: str = PROCESSED, error: str | None = None) -> dict[str, Any]:
    """The docs-table row of an input (see `export.DOC_COLUMNS`); a Rejected brings its own status and error."""
    if isinstance(item, Rejected):
        source = item.source
        facts = {"status": item.status, "error": item.error, "html": None, "normalised": None, "lang": item.lang, "chars": None, "content_hash": None}
    else:
        source = item.source or item.meta.get("source")
        facts = {
            "status": status,
            "error": error,
            "html": item.html,
            "normalised": item.normalised,
            "lang": item.lang or document_language(item.text, item.meta),
            "chars": len(item.text),
            "content_hash": content_hash(item.text),
        }
    return {"doc_id": item.id, "source": source, "encoding": item.encoding, **facts, "version": version}


ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def dumps(value: Any) -> str:
    """JSON as the output files hold it: UTF-8 text, finite numbers (else ValueError)."""
    return ENCODER.encode(value)


def encode(value: Any) -> bytes:
    """What the pipeline made (a text, a record's lists, table rows) as compact UTF-8 JSON, ten times faster than
    `dumps`. Its numbers are finite (the normaliser makes no NaN or infinity); values from the input (ids, meta)
    go through `dumps`, which refuses them. A text that is not valid Unicode raises TypeError."""
    return orjson.dumps(value)


class TableRows:
    """Table rows in order: dicts until there are ARROW_ROWS of them, then Arrow tables (or, with `spill`, Arrow
    record batches in temporary files: a long document's)."""

    def __init__(self, spill: bool = False) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.tables: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
        self.spilled: dict[str, SpilledTable] | None = None
        self.spill = spill
        self.count = 0

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name, table in rows.items():
            self.rows[name] += table
            self.count += len(table)
        if self.count >= ARROW_ROWS:
            self.convert(spill=self.spill)

    def convert(self, spill: bool = False) -> None:
        """Turn the rows held as dicts into Arrow tables (spilled ones, once `spill` started them)."""
        if spill and self.spilled is None:
            self.spilled = {name: SpilledTable(name) for name in TABLES}
        for name, rows in self.rows.items():
            if rows:
                table = arrow_table(name, rows)
                self.spilled[name].add(table) if self.spilled else self.tables[name].append(table)
        self.rows, self.count = {name: [] for name in TABLES}, 0

    def finished(self) -> dict[str, pa.Table]:
        """One Arrow table per table."""
        self.convert()
        return {name: pa.concat_tables(tables) if tables else SCHEMAS[name].empty_table() for name, tables in self.tables.items()}


class SpilledTable:
    """A long document's rows of one table: Arrow record batches in a temporary file, read back one at a time. It
    pickles as one Arrow table, to cross to another process."""

    def __init__(self, name: str) -> None:
        self.file = tempfile.TemporaryFile()
        self.writer = pa.ipc.new_stream(self.file, SCHEMAS[name])
        self.num_rows = 0

    def add(self, table: pa.Table) -> None:
        self.writer.write_table(table)
        self.num_rows += table.num_rows

    def batches(self) -> Iterator[pa.Table]:
        """The rows, a table per batch written."""
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self.file.seek(0)
        for batch in pa.ipc.open_stream(self.file):
            yield pa.Table.from_batches([batch])

    def __reduce__(self) -> tuple[Any, tuple[list[pa.Table]]]:
        return pa.concat_tables, (list(self.batches()),)


class DocumentResults:
    """One document's annotation record, table rows and run-state line, built from its processed pieces in order:
    offsets (and token numbers) shifted by the characters (and tokens) of the pieces before, as if the pieces were
    one Doc. The record and the rows are JSON-encoded piece by piece; the rows become Arrow tables as they grow."""

    def __init__(self, document: Document, version: str, concepts_key: str, tokens: bool) -> None:
        self.document, self.version, self.concepts_key, self.tokens = document, version, concepts_key, tokens
        self.texts: list[str] = []
        self.lists = {key: Spool() for key in RECORD_LISTS}  # the items of each list of the record
        self.row_lists = {name: Spool() for name in TABLES}
        self.rows = TableRows(spill=True)
        self.counts = [0] * len(TABLES)
        self.flags: list[str] = []
        self.chars = self.token_count = 0
        self.failure: tuple[Exception, str] | None = None

    def add(self, doc: Doc) -> None:
        """Add the record and rows of the document's next piece (nothing once one has failed)."""
        if self.failure:
            return
        try:
            record, rows = doc_to_record(doc, self.concepts_key, tokens=self.tokens), table_rows(doc)
            if self.chars:
                shift_record(record, self.chars, self.token_count)
                shift_rows(rows, self.chars)
        except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
            self.failure = (error, "exporting failed")
            return
        try:
            for key in RECORD_LISTS:
                if record.get(key):
                    self.lists[key].add(encode(record[key])[1:-1])
            for index, (name, table) in enumerate(rows.items()):
                if table:
                    self.row_lists[name].add(encode(table)[1:-1])
                    self.counts[index] += len(table)
        except (TypeError, ValueError) as error:
            self.failure = (error, "the results cannot be written as JSON")
            return
        try:
            self.rows.add(rows)
        except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
            self.failure = (error, "exporting failed")
            return
        self.flags += [fact["flags"] for fact in rows["facts"] if fact.get("flags")]
        self.texts.append(record["text"])
        self.chars += len(record["text"])
        self.token_count += len(doc)

    def outcome(self) -> Outcome:
        """The document's Outcome: processed, with its line, or `failed: pipeline error` if it could not be exported."""
        document, version = self.document, self.version
        if self.failure:
            return failed(document, version, *self.failure)
        try:
            row = dumps(doc_row(document, version)).encode()
            fields = [("id", dumps(document.id).encode()), ("text", encode("".join(self.texts))), ("meta", dumps(document.meta or {}).encode())]
        except (TypeError, ValueError) as error:
            return failed(document, version, error, "the results cannot be written as JSON")
        record: list[bytes | Spool] = [b"{", *joined([(key, [value]) for key, value in fields]), b", "]
        record += [*joined([(key, [b"[", self.lists[key], b"]"]) for key in RECORD_LISTS if key != "tokens" or self.tokens]), b"}"]
        rows = [b"{", *joined([(name, [b"[", self.row_lists[name], b"]"]) for name in TABLES]), b"}"]
        head = [b'{"doc": ', row, b', "record": ']
        start = sum(map(len, head))
        line = Line([*head, *record, b', "rows": ', *rows, b"}\n"])
        spools = [*self.lists.values(), *self.row_lists.values()]
        end = start + len(Line(record))
        if self.rows.spilled:
            try:
                self.rows.convert()
            except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
                return failed(document, version, error, "exporting failed")
        outcome = Outcome(doc_row(document, version), line, (start, end), tuple(self.counts), self.flags, self.rows.spilled)
        if all(spool.file is None for spool in spools):  # all in memory: one byte string
            outcome.line = b"".join(part.value() if isinstance(part, Spool) else part for part in line.parts)
        return outcome


def joined(members: list[tuple[str, list[Any]]]) -> list[Any]:
    """The members of a JSON object, `"key": value, ...`, as fragments (the value given as fragments)."""
    fragments: list[Any] = []
    for index, (key, value) in enumerate(members):
        fragments += [b", " if index else b"", f'"{key}": '.encode(), *value]
    return fragments


def shift_record(record: dict[str, Any], chars: int, tokens: int) -> None:
    """Move a piece's record `chars` characters and `tokens` tokens on, in place."""
    ends = [end for relation in record["relations"] for end in (relation["head_span"], relation["child_span"])]
    for item in (*record["spans"], *ends, *record.get("tokens", ())):
        item["start"] += chars
        item["end"] += chars
        for key in ("token_start", "token_end", "id"):
            if key in item:
                item[key] += tokens


def shift_rows(rows: dict[str, list[dict[str, Any]]], chars: int) -> None:
    """Move a piece's table rows `chars` characters on, in place."""
    for name, table in rows.items():
        for row in table:
            for key in OFFSET_COLUMNS[name]:
                row[key] += chars


def process_documents(
    nlp: Language,
    documents: list[Document],
    version: str,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    tokens: bool = False,
    progress: Callable[[float], None] | None = None,
) -> Batch:
    """Annotate documents: one Outcome each, in order, `processed` or `failed: pipeline error`, and the table rows of
    the processed ones; with `tokens`, the annotation records carry Prodigy tokens. `progress` is called after each
    piece with the documents done so far, the one in progress counting as the share of its characters done.

    When the batch fails, its documents are redone one at a time, so only the ones at fault fail.
    Plain data in and out: an engine can run this on its workers.
    """
    concepts_key = linked_spans_key(nlp)
    try:
        outcomes, rows = [], TableRows()
        results: DocumentResults | None = None
        pieces = annotate_pieces(nlp, documents, batch_size=batch_size, n_process=n_process, chunk_chars=chunk_chars)
        for document, start, doc, last in pieces:  # one piece alive at a time
            results = results or DocumentResults(document, version, concepts_key, tokens)
            results.add(doc)
            if last:
                outcomes.append(results.outcome())
                if outcomes[-1].line and not outcomes[-1].tables:
                    rows.add(results.rows.rows)
                results = None
            if progress:
                progress(len(outcomes) + (0 if last else (start + len(doc.text)) / len(document.text)))
        return Batch(outcomes, rows.finished())
    except Exception:  # any error: find the documents at fault
        log.debug("a batch failed; processing its documents one at a time", exc_info=True)
        alone = [process_document(nlp, document, version, chunk_chars=chunk_chars, tokens=tokens) for document in documents]
        tables = {name: pa.concat_tables([batch.tables[name] for batch in alone]) for name in TABLES}
        return Batch([outcome for batch in alone for outcome in batch.outcomes], tables)


def process_document(nlp: Language, document: Document, version: str, *, chunk_chars: int = CHUNK_CHARS, tokens: bool = False) -> Batch:
    """One document through the pipeline: `processed`, or `failed: pipeline error`."""
    results = DocumentResults(document, version, linked_spans_key(nlp), tokens)
    try:
        for _, _, doc, _ in annotate_pieces(nlp, [document], chunk_chars=chunk_chars):
            results.add(doc)
    except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
        return Batch([failed(document, version, error, "the pipeline failed")], empty_tables())
    outcome = results.outcome()
    if not outcome.line:
        return Batch([outcome], empty_tables())
    try:
        return Batch([outcome], results.rows.finished())
    except Exception as error:  # noqa: BLE001 - any error is reported in the docs table
        return Batch([failed(document, version, error, "exporting failed")], empty_tables())


def empty_tables() -> dict[str, pa.Table]:
    """No rows, in every table."""
    return {name: SCHEMAS[name].empty_table() for name in TABLES}


def failed(document: Document, version: str, error: Exception, what: str) -> Outcome:
    """A `failed: pipeline error` Outcome whose error says what failed and why (with --debug, the traceback is logged)."""
    log.debug("%s: %s", document.source or document.id, what, exc_info=error)
    return Outcome(doc_row(document, version, PIPELINE_ERROR, one_line(f"{what}: {type(error).__name__}: {error}")))


def line_parts(line: bytes) -> tuple[dict[str, Any], tuple[int, int] | None, tuple[int, int] | None]:
    """The docs-table row of a run-state line, and where its annotation record and its rows (JSON) lie in it (None for
    a document that was not processed). Reads the row only: the record and rows are found, not parsed.
    Raises ValueError if the line is not one."""
    head = line[: 1 << 16].decode("utf-8", errors="ignore")
    if not head.startswith('{"doc": ') or not line.endswith(b"}\n"):
        raise ValueError("not a run-state line")
    row, end = json.JSONDecoder().raw_decode(head, len('{"doc": '))
    if not isinstance(row, dict):
        raise ValueError("no docs-table row")
    after = len(head[:end].encode())
    if line[after:] == b"}\n":
        return row, None, None
    start, rows = after + len(b', "record": '), line.rfind(b', "rows": {')
    if line[after:start] != b', "record": ' or rows < start:
        raise ValueError("no record or rows")
    return row, (start, rows), (rows + len(b', "rows": '), len(line) - 2)


def unprocessed_line(row: dict[str, Any]) -> bytes:
    """The run-state line of a document that was not processed: its docs-table row."""
    return b'{"doc": ' + dumps(row).encode() + b"}\n"
