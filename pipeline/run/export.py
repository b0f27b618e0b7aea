"""From Docs to the spec's annotation records and to pandas tables with fixed dtypes."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Iterable

import pandas as pd
import pyarrow as pa
from spacy.tokens import Doc

from components.doc_arrays import doc_arrays
from components.relations import linked_spans_key
from components.schema import EntityRow, FactRow, Reading, RelationRow, columns

FIGURE_KEYS = tuple(Reading.__annotations__)  # what a figure reads as: value, unit, unit_assumed, approx, low, high
NO_READING = dict.fromkeys(FIGURE_KEYS)  # the reading columns of an entity that is no figure
ENTITY_COLUMNS = columns(EntityRow)
FACT_COLUMNS = columns(FactRow)
FACT_FIELDS = list(FACT_COLUMNS)[:-1]  # the columns before `lang`, the last: those of a checked fact
RELATION_COLUMNS = columns(RelationRow)


def doc_to_record(doc: Doc, concepts_key: str | None = None, *, tokens: bool = False) -> dict[str, Any]:
    """The Doc as one annotation record (see `shared/spec/annotations.md`): spans with values, relations.

    With `tokens` it is also a Prodigy-style task: `tokens` (text, start, end, id, ws), and `token_start` /
    `token_end` (inclusive) on every span and relation end, so it opens in annotation tools (`pipeline.run.tokens`
    adds them to a record afterwards). A figure that fails a check carries its `flags` (see
    `components/fact_checks.py`), a reviewer's cue. `concepts_key` is the `doc.spans` key of the linked
    INDICATOR/PERIOD spans, `linked_spans_key(nlp)` (by default the relations factory's).
    """
    concepts_key = concepts_key or linked_spans_key()
    arrays = doc_arrays(doc)  # texts are sliced from the doc's text: `Span.text` walks Token objects
    figures = {(f["start"], f["end"]): f for f in doc._.figures or ()}
    flags = {(f["start"], f["end"]): f["flags"] for f in doc._.facts or () if f.get("flags")}
    spans = []
    for ent in sorted([*doc.ents, *doc.spans.get(concepts_key, ())], key=lambda span: (span.start, span.end)):
        start, end = ent.start_char, ent.end_char
        span: dict[str, Any] = {"start": start, "end": end, "label": ent.label_, "text": arrays.text[start:end]}
        if tokens:
            span.update(token_start=ent.start, token_end=ent.end - 1)
        figure = figures.get((start, end))
        if figure is not None:
            span.update({key: figure[key] for key in FIGURE_KEYS if figure.get(key) is not None and figure[key] is not False})
            if (start, end) in flags:
                span["flags"] = flags[(start, end)]  # the checks it fails: an extra key, which scoring ignores
        spans.append(span)
    relation_end = (lambda span: with_token_range(doc, span)) if tokens else dict
    relations = [
        {"head_span": relation_end(relation["head"]), "child_span": relation_end(relation["child"]), "label": relation["label"]}
        for relation in doc._.relations or ()
    ]
    record = {"id": doc._.doc_id, "text": arrays.text, "meta": doc._.meta or {}}
    if tokens:
        record["tokens"] = token_list(arrays.texts, arrays.offsets, arrays.spaced)
    return {**record, "spans": spans, "relations": relations}


def token_list(texts: list[str], offsets: list[int], spaced: list[int], first_id: int = 0) -> list[dict[str, Any]]:
    """Prodigy tokens (text, start, end, id, ws) of a Doc's token arrays, numbered from `first_id`."""
    return [
        {"text": text, "start": start, "end": start + len(text), "id": index, "ws": bool(space)}
        for index, (text, start, space) in enumerate(zip(texts, offsets, spaced), first_id)
    ]


def with_token_range(doc: Doc, span: dict[str, Any]) -> dict[str, Any]:
    """A copy of a `{start, end, ...}` span dict with its `token_start` / `token_end` (inclusive), where it is token-aligned."""
    found = doc.char_span(span["start"], span["end"])
    return {**span, "token_start": found.start, "token_end": found.end - 1} if found is not None else dict(span)


def fact_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per figure: the columns of its fact, and the language of the Doc."""
    lang = doc.lang_
    rows = []
    for fact in doc._.facts or ():
        fields = fact if list(fact) == FACT_FIELDS else {name: fact.get(name) for name in FACT_FIELDS}  # a checked fact holds them, in order
        rows.append({**fields, "lang": lang})
    return rows


def relation_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per relation, with the surfaces of both ends."""
    text = doc_arrays(doc).text
    doc_id = doc._.doc_id
    rows = []
    for relation in doc._.relations or ():
        head, child = relation["head"], relation["child"]
        rows.append(
            {
                "doc_id": doc_id,
                "label": relation["label"],
                "head_start": head["start"],
                "head_end": head["end"],
                "head_text": text[head["start"] : head["end"]],
                "child_start": child["start"],
                "child_end": child["end"],
                "child_label": child["label"],
                "child_text": text[child["start"] : child["end"]],
            }
        )
    return rows


def entity_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per entity of a Doc, figures with their normalised value."""
    figures = {(f["start"], f["end"]): f for f in doc._.figures or ()}
    doc_id = doc._.doc_id
    text = doc_arrays(doc).text  # `Span.text` walks Token objects
    rows = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        figure = figures.get((start, end))
        rows.append(
            {
                "doc_id": doc_id,
                "start": start,
                "end": end,
                "label": ent.label_,
                "text": text[start:end],
                **({key: figure.get(key) for key in FIGURE_KEYS} if figure is not None else NO_READING),
                "pattern": ent.id_ or None,
            }
        )
    return rows


def frame(rows: Iterable[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns`, in order, with their dtypes (missing values as NA).

    Dtype `date` columns hold ISO date strings turned into `datetime.date` objects (Parquet `date32`).
    """
    table = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for name, dtype in columns.items():
        if dtype == "date":
            table[name] = pd.to_datetime(table[name], errors="coerce").dt.date.astype("object")
            table[name] = table[name].where(table[name].notna(), None)
        else:
            table[name] = table[name].astype(dtype)
    return table


TABLES: dict[str, tuple[dict[str, str], Callable[[Doc], list[dict[str, Any]]]]] = {
    "entities": (ENTITY_COLUMNS, entity_rows),
    "facts": (FACT_COLUMNS, fact_rows),
    "relations": (RELATION_COLUMNS, relation_rows),
}
DOC_COLUMNS: dict[str, str] = {  # the docs table of `python -m pipeline run`: one row per input document
    "doc_id": "string",
    "source": "string",
    "status": "string",
    "error": "string",
    "encoding": "string",
    "html": "boolean",
    "normalised": "boolean",
    "lang": "string",
    "chars": "Int64",
    "content_hash": "string",
    "version": "string",
}


def table_rows(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The rows one Doc adds to each table."""
    return {name: rows_of(doc) for name, (_, rows_of) in TABLES.items()}


def arrow_schema(columns: dict[str, str]) -> pa.Schema:
    """The Arrow schema of a table with `columns` (a `date` column is `date32`), with the pandas metadata that makes
    `pd.read_parquet` give back the dtypes of `frame`."""
    schema = pa.Schema.from_pandas(frame([], columns), preserve_index=False)
    for index, (name, dtype) in enumerate(columns.items()):
        if dtype == "date":
            schema = schema.set(index, pa.field(name, pa.date32()))
    return schema


SCHEMAS: dict[str, pa.Schema] = {name: arrow_schema(columns) for name, (columns, _) in TABLES.items()} | {"docs": arrow_schema(DOC_COLUMNS)}


DATE_COLUMNS: dict[str, list[str]] = {name: [field.name for field in schema if field.type == pa.date32()] for name, schema in SCHEMAS.items()}
ISO_DATE_SCHEMAS: dict[str, pa.Schema] = {  # each table's schema with its date columns read as the ISO strings the rows hold
    name: pa.schema([field.with_type(pa.string()) if field.name in DATE_COLUMNS[name] else field for field in schema], metadata=schema.metadata)
    for name, schema in SCHEMAS.items()
}


def arrow_table(name: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    """The rows of table `name` (one of TABLES, or `docs`) as an Arrow table of its schema, typed as `frame` types them:
    straight from the dicts where every value already has its column's type (ISO strings in a date column), else
    through `frame`."""
    rows = list(rows)
    schema, dates = SCHEMAS[name], DATE_COLUMNS[name]
    try:
        table = pa.Table.from_pylist(rows, schema=ISO_DATE_SCHEMAS[name])
        for column in dates:  # ISO strings to dates, a column at a time
            index = schema.get_field_index(column)
            values = [date.fromisoformat(value) if value is not None else None for value in table.column(index).to_pylist()]
            table = table.set_column(index, schema.field(index), pa.array(values, pa.date32()))
        return table
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        columns = DOC_COLUMNS if name == "docs" else TABLES[name][0]
        return pa.Table.from_pandas(frame(rows, columns), schema=schema, preserve_index=False)


def frames_from_rows(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    """Typed DataFrames from collected rows (every table present, possibly empty)."""
    return {name: frame(rows.get(name, ()), columns) for name, (columns, _) in TABLES.items()}


def to_frames(docs: Iterable[Doc]) -> dict[str, pd.DataFrame]:
    """The tables of processed Docs, by name: `entities`, `facts` (one row per figure), `relations`."""
    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc in docs:
        for name, rows in table_rows(doc).items():
            collected[name].extend(rows)
    return frames_from_rows(collected)
