"""Read and write annotation JSONL files (format: shared/spec/annotations.md)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from components.schema import FIGURE_LABELS, RELATION_LABELS, SPAN_LABELS

from ..files import replace_atomically


class AnnotationError(ValueError):
    """A problem in an annotation file, located by path and 1-based line number."""

    def __init__(self, path: str | os.PathLike[str], line: int, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}:{line}: {reason}")


def read_annotations(
    path: str | os.PathLike[str],
    *,
    check_tokens: Callable[[dict], str | None] | None = None,
) -> list[dict]:
    """Read and validate a JSONL annotation file; raise AnnotationError on the first problem.

    Blank lines are skipped. Records are returned unchanged except that "id" becomes a str.
    `check_tokens`, if given, is called with each valid record and returns None or a
    problem description (e.g. a span that does not fall on token boundaries).
    """
    return list(iter_annotations(path, check_tokens=check_tokens))


def iter_annotations(
    path: str | os.PathLike[str],
    *,
    check_tokens: Callable[[dict], str | None] | None = None,
) -> Iterator[dict]:
    """The records of a JSONL annotation file one by one, as `read_annotations` reads them."""
    path = Path(path)
    seen: set[str] = set()
    with path.open("rb") as file:
        for line_no, raw in enumerate(file, 1):
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                record = json.loads(line)
            except UnicodeDecodeError as err:
                raise AnnotationError(path, line_no, f"not UTF-8 ({err.reason})") from None
            except json.JSONDecodeError as err:
                raise AnnotationError(path, line_no, f"invalid JSON: {err.msg} (column {err.colno})") from None
            problem = _record_problem(record, seen)
            if problem is None:
                record["id"] = str(record["id"])
                problem = check_tokens(record) if check_tokens else None
            if problem is not None:
                raise AnnotationError(path, line_no, problem)
            seen.add(record["id"])
            yield record


def write_annotations(path: str | os.PathLike[str], records: Iterable[dict]) -> int:
    """Write records as UTF-8 JSONL, atomically (`replace_atomically`) and synced to disk; return the count."""
    count = 0

    def write(temporary: Path) -> None:
        nonlocal count
        with temporary.open("w", encoding="utf-8", newline="\n") as file:
            for record in records:
                file.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
                count += 1
            file.flush()
            os.fsync(file.fileno())

    replace_atomically(Path(path), write)
    return count


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _record_problem(record: Any, seen: set[str]) -> str | None:
    """Describe the first problem of a parsed record, or return None."""
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    text = record.get("text")
    if not isinstance(text, str):
        return 'missing or non-string "text"'
    record_id = record.get("id")
    if not (_is_int(record_id) or isinstance(record_id, str)):
        return 'missing "id" (a string or an integer)'
    if str(record_id) in seen:
        return f"duplicate id {str(record_id)!r}"
    spans = record.get("spans", [])
    if not isinstance(spans, list):
        return '"spans" is not a list'
    for i, span in enumerate(spans):
        problem = _span_problem(span, text, f"span {i}")
        if problem:
            return problem
    relations = record.get("relations", [])
    if not isinstance(relations, list):
        return '"relations" is not a list'
    for i, relation in enumerate(relations):
        problem = _relation_problem(relation, text, f"relation {i}")
        if problem:
            return problem
    return None


def _offsets_problem(span: Any, text: str, where: str) -> str | None:
    if not isinstance(span, dict):
        return f"{where} is missing or not an object"
    for key in ("start", "end"):
        if not _is_int(span.get(key)):
            return f"{where} has no integer {key!r}"
        if not 0 <= span[key] <= len(text):
            return f"{where} {key} {span[key]} is outside the text (length {len(text)})"
    if span["start"] >= span["end"]:
        return f"{where} is empty or reversed (start {span['start']}, end {span['end']})"
    return None


def _span_problem(span: Any, text: str, where: str) -> str | None:
    problem = _offsets_problem(span, text, where)
    if problem:
        return problem
    label = span.get("label")
    if label not in SPAN_LABELS:
        return f"{where} has unknown label {label!r}"
    if label in FIGURE_LABELS:
        value, unit = span.get("value"), span.get("unit")
        if value is not None and not (
            isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        ):
            return f"{where} value {value!r} is not a number"
        if unit is not None and not isinstance(unit, str):
            return f"{where} unit {unit!r} is not a string"
    return None


def _relation_problem(relation: Any, text: str, where: str) -> str | None:
    if not isinstance(relation, dict):
        return f"{where} is not an object"
    if relation.get("label") not in RELATION_LABELS:
        return f"{where} has unknown label {relation.get('label')!r}"
    for key in ("head_span", "child_span"):
        problem = _offsets_problem(relation.get(key), text, f"{where} {key}")
        if problem:
            return problem
    return None
