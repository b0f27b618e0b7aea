"""From Docs to the spec's annotation records and to pandas tables with fixed dtypes."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd
from spacy.tokens import Doc

FIGURE_KEYS = ("value", "unit", "approx", "low", "high")
ENTITY_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "start": "int64",
    "end": "int64",
    "label": "string",
    "text": "string",
    "value": "float64",
    "unit": "string",
    "approx": "string",
    "low": "float64",
    "high": "float64",
    "pattern": "string",
}


def doc_to_record(doc: Doc) -> dict[str, Any]:
    """The Doc as one annotation record (see `shared/spec/annotations.md`): spans with values, relations."""
    figures = {(f["start"], f["end"]): f for f in doc._.figures or ()}
    spans = []
    for ent in doc.ents:
        span: dict[str, Any] = {"start": ent.start_char, "end": ent.end_char, "label": ent.label_, "text": ent.text}
        figure = figures.get((ent.start_char, ent.end_char))
        if figure is not None:
            span.update({key: figure[key] for key in FIGURE_KEYS if figure.get(key) is not None})
        spans.append(span)
    return {"id": doc._.doc_id, "text": doc.text, "meta": doc._.meta or {}, "spans": spans, "relations": []}


def entity_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per entity of a Doc, figures with their normalised value."""
    figures = {(f["start"], f["end"]): f for f in doc._.figures or ()}
    rows = []
    for ent in doc.ents:
        figure = figures.get((ent.start_char, ent.end_char), {})
        rows.append(
            {
                "doc_id": doc._.doc_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "label": ent.label_,
                "text": ent.text,
                **{key: figure.get(key) for key in FIGURE_KEYS},
                "pattern": ent.id_ or None,
            }
        )
    return rows


def frame(rows: Iterable[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns`, in order, with their dtypes (missing values as NA)."""
    table = pd.DataFrame.from_records(list(rows), columns=list(columns))
    return table.astype(columns)


TABLES: dict[str, tuple[dict[str, str], Callable[[Doc], list[dict[str, Any]]]]] = {
    "entities": (ENTITY_COLUMNS, entity_rows),
}


def table_rows(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The rows one Doc adds to each table."""
    return {name: rows_of(doc) for name, (_, rows_of) in TABLES.items()}


def frames_from_rows(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    """Typed DataFrames from collected rows (every table present, possibly empty)."""
    return {name: frame(rows.get(name, ()), columns) for name, (columns, _) in TABLES.items()}


def to_frames(docs: Iterable[Doc]) -> dict[str, pd.DataFrame]:
    """The tables of processed Docs, by name (`entities`: one row per entity)."""
    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc in docs:
        for name, rows in table_rows(doc).items():
            collected[name].extend(rows)
    return frames_from_rows(collected)


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, file_format: str) -> list[Path]:
    """Write each table as `<name>.parquet` or `<name>.csv` in `out_dir` (atomically: temp file, then rename)."""
    written = []
    for name, table in frames.items():
        path = out_dir / f"{name}.{file_format}"
        temporary = path.with_name(f".{path.name}.tmp")
        if file_format == "parquet":
            table.to_parquet(temporary, index=False)
        else:
            table.to_csv(temporary, index=False)
        temporary.replace(path)
        written.append(path)
    return written
