"""Reading input documents: `.txt` files, `.jsonl` files of records, and folders of both."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s")
SUFFIXES = (".txt", ".jsonl")


class InputError(ValueError):
    """An input that cannot be read; the message names the file (and line)."""


@dataclass
class Document:
    """One article: a stable id, its text, and free-form meta (`source`, `date`)."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def expand_inputs(paths: Iterable[Path | str]) -> list[Path]:
    """Files named, plus the `.txt`/`.jsonl` files found (recursively, sorted) in folders named."""
    files: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            files.extend(sorted(p for p in item.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif item.is_file():
            files.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    return files


def read_documents(paths: Iterable[Path | str]) -> Iterator[Document]:
    """Every document of the inputs, in order."""
    for path in expand_inputs(paths):
        if path.suffix == ".jsonl":
            yield from read_jsonl_documents(path)
        else:
            yield read_text_document(path)


def read_text_document(path: Path) -> Document:
    """A `.txt` article; an optional leading ` date YYYY-MM-DD ` gives its date (the text keeps it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    meta: dict[str, Any] = {"source": str(path)}
    found = DATE_LINE.match(text)
    if found:
        meta["date"] = found.group(1)
    return Document(id=path.stem, text=text, meta=meta)


def read_jsonl_documents(path: Path) -> Iterator[Document]:
    """Records with `text` and optional `id`/`meta` (ids default to `<file stem>-<line>`)."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: invalid JSON ({error.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{path}:{number}: a record needs a string 'text'")
            meta = dict(record.get("meta") or {})
            meta.setdefault("source", f"{path}:{number}")
            if "date" not in meta and (found := DATE_LINE.match(record["text"])):
                meta["date"] = found.group(1)
            yield Document(id=str(record.get("id", f"{path.stem}-{number}")), text=record["text"], meta=meta)
