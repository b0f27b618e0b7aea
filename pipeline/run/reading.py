"""Reading input documents: `.txt`/`.html` files, `.jsonl` files of records, and folders of them.

`read_inputs` accounts for every input: each one is either a `Document` or a `Rejected` that says
why it is not (status `empty`, `skipped: binary`, `skipped: unsupported type` or `failed: <reason>`, plus a
one-line error). Every file in a folder is an input: one of another type is a `Foreign` file, read only to say why
it is skipped.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from components.periods import DATE_LINE
from components.unicode_text import plain_spaces, without_invisible_marks

from ..languages import document_language, supported

HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", ".jsonl", *HTML_SUFFIXES)
MAX_BYTES = 8 * 2**20  # a larger file (or JSONL line) is `failed: too large`: a processed MB of text takes ~0.5 GB of memory
SNIFF_BYTES = 8192
COUNT_BYTES = 1 << 20  # a JSONL file's records are counted reading this many bytes at a time

EMPTY = "empty"
BINARY = "skipped: binary"
UNSUPPORTED_LANGUAGE = "skipped: unsupported language"
UNSUPPORTED = "skipped: unsupported type"
NOT_FOUND = "failed: not found"
UNREADABLE = "failed: unreadable"
TOO_LARGE = "failed: too large"
INVALID_JSON = "failed: invalid JSON"
INVALID_RECORD = "failed: invalid record"

SIGNATURES = {
    b"%PDF-": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\xd0\xcf\x11\xe0": "an old MS Office file",
    b"{\\rtf": "an RTF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable",
}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1b")
HIGH_BYTES = bytes(range(0x80, 0x100))
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # a JSON escape of a surrogate: only where one is can a record hold a lone one
LEGACY_WORD = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
BLANK_LINE = re.compile(rb"\n[ \t\r\v\f]*(?=\n)")  # a line break, then a line of nothing but (bytes) whitespace

HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|!--|html|head|body|article|main|section|div|p|span|table|ul|ol|h[1-6]|title|meta)[\s>/]",
    re.IGNORECASE,
)
HTML_HIDDEN = re.compile(r"<(script|style|head|noscript|template|svg)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>", re.DOTALL)
HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
HTML_BLOCK = re.compile(
    r"</?(?:p|div|article|section|main|header|footer|aside|nav|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|blockquote|pre|hr|figure|figcaption|title|body|html)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE,
)
HTML_TAG = re.compile(r"</?[A-Za-z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>")


class InputError(ValueError):
    """An input that cannot be read; the message names the file (and line)."""


@dataclass
class Document:
    """One article: a stable id, its text, free-form meta (`source`, `date`), and how its file was decoded."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # where it was read: a path, or `path:line` of a JSONL record
    encoding: str = "utf-8"
    html: bool = False  # the text is what remained after removing HTML markup
    normalised: bool = False  # Unicode spaces or invisible marks of the input were made plain (`components.unicode_text`)
    lang: str | None = None  # its language (`pipeline.languages`); None: decided from `meta.lang` or the text when it is processed


@dataclass
class Rejected:
    """An input that is not a document to process: where it is, its status and a one-line reason."""

    source: str
    status: str  # EMPTY, BINARY, UNSUPPORTED_LANGUAGE or "failed: <reason>"
    error: str
    id: str | None = None
    encoding: str | None = None
    lang: str | None = None  # the language of a text no pipeline reads


@dataclass(frozen=True)
class Foreign:
    """A file found in a folder that is not of a type `run` reads there (not `.txt`, `.html`, `.htm` or `.jsonl`)."""

    path: Path


def content_hash(text: str) -> str:
    """16 hex digits of the SHA-256 of a text: the id of a record that gives none, and the docs table's `content_hash`."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def find_inputs(paths: Iterable[Path | str]) -> list[Path | Foreign | Rejected]:
    """Files named, plus the files found (recursively, sorted) in folders named: the `.txt`/`.html`/`.jsonl` ones as
    paths, the others as `Foreign`.

    A path that does not exist, or a folder that cannot be listed, comes back as a `Rejected`.
    """
    found: list[Path | Foreign | Rejected] = []
    for item in map(Path, paths):
        try:
            is_dir = item.is_dir()
            exists = is_dir or item.exists() or item.is_symlink()
        except OSError as error:
            found.append(Rejected(str(item), UNREADABLE, describe(error)))
            continue
        if is_dir:
            found.extend(folder_inputs(item))
        elif exists:
            found.append(item)
        else:
            found.append(Rejected(str(item), NOT_FOUND, "no such file or folder", id=item.stem))
    return found


def folder_inputs(folder: Path) -> list[Path | Foreign | Rejected]:
    """Every file under a folder, sorted by path: an input file as its path, another as `Foreign`; sub-folders that
    cannot be listed as `Rejected`."""
    errors: list[OSError] = []
    found: list[Path | Foreign | Rejected] = []
    for root, _, names in os.walk(folder, onerror=errors.append):
        found.extend(path if path.suffix.lower() in SUFFIXES else Foreign(path) for path in (Path(root, name) for name in names))
    found.extend(Rejected(str(error.filename), UNREADABLE, describe(error)) for error in errors)
    return sorted(found, key=found_path)


def found_path(item: Path | Foreign | Rejected) -> Path:
    """The path of an item of `find_inputs`."""
    if isinstance(item, Foreign):
        return item.path
    return item if isinstance(item, Path) else Path(item.source)


def count_inputs(found: Iterable[Path | Foreign | Rejected]) -> int:
    """How many inputs `read_found` gives for the items of `find_inputs`, without reading them: one per item, except
    a JSONL file, which gives one per record (`count_records`)."""
    return sum(count_records(item) if isinstance(item, Path) and item.suffix.lower() == ".jsonl" else 1 for item in found)


def count_records(path: Path) -> int:
    """How many inputs `read_jsonl_file` gives for a file, counted by a byte scan: its lines with more than
    whitespace, else 1 (no records, binary, or unreadable)."""
    lines, pending = 0, False  # pending: the line a chunk ended in has more than whitespace so far
    try:
        with open_regular(path) as handle:
            if binary_kind(handle.read(SNIFF_BYTES)):
                return 1
            handle.seek(0)
            for chunk in iter(lambda: handle.read(COUNT_BYTES), b""):
                first, last = chunk.find(b"\n"), chunk.rfind(b"\n")
                if first < 0:
                    pending = pending or bool(chunk.strip())
                    continue
                lines += pending or bool(chunk[:first].strip())  # the line the previous chunk ended in
                body = chunk[first : last + 1]  # whole lines, each after a line break
                lines += body.count(b"\n") - 1 - len(BLANK_LINE.findall(body))
                pending = bool(chunk[last + 1 :].strip())
    except OSError:
        return 1
    return max(lines + pending, 1)


def read_inputs(paths: Iterable[Path | str]) -> Iterator[Document | Rejected]:
    """Every input document in order, each a `Document` or a `Rejected` (nothing is dropped silently)."""
    return read_found(find_inputs(paths))


def read_found(found: Iterable[Path | Foreign | Rejected]) -> Iterator[Document | Rejected]:
    """The documents of files listed by `find_inputs` (its `Rejected` passed on as they are, a `Foreign` file skipped)."""
    for item in found:
        if isinstance(item, Rejected):
            yield item
        elif isinstance(item, Foreign):
            yield foreign_file(item.path)
        elif item.suffix.lower() == ".jsonl":
            yield from read_jsonl_file(item)
        else:
            yield read_text_file(item)


def read_documents(paths: Iterable[Path | str]) -> Iterator[Document]:
    """The documents of the inputs, in order; InputError at the first input that is not one (see `read_inputs`)."""
    for item in read_inputs(paths):
        if isinstance(item, Rejected):
            raise InputError(f"{item.source}: {item.status} ({item.error})")
        yield item


def read_text_document(path: Path) -> Document:
    """A `.txt` or `.html` article (see `read_text_file`); InputError if it is not a document."""
    item = read_text_file(path)
    if isinstance(item, Rejected):
        raise InputError(f"{item.source}: {item.status} ({item.error})")
    return item


def read_text_file(path: Path) -> Document | Rejected:
    """One article per file; its id is the file stem.

    Bytes are decoded as `decode` says; HTML (an `.html` file, or text that starts with markup) is
    reduced to its text; an optional leading ` date YYYY-MM-DD ` gives the date (the text keeps it).
    """
    source = str(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                return Rejected(source, TOO_LARGE, f"{size} bytes; the limit is {MAX_BYTES}", id=path.stem)
            data = handle.read()
    except OSError as error:
        return Rejected(source, UNREADABLE, describe(error), id=path.stem)
    kind = binary_kind(data)
    if kind:
        return Rejected(source, BINARY, kind, id=path.stem)
    text, encoding = decode(data)
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    return make_document(text, path.stem, {}, source=source, encoding=encoding, is_html=is_html)


def foreign_file(path: Path) -> Rejected:
    """Why a folder's file of another type is not read: `skipped: binary` where its first bytes say so, else
    `skipped: unsupported type`."""
    try:
        with open_regular(path) as handle:
            kind = binary_kind(handle.read(SNIFF_BYTES))
    except OSError:
        kind = None
    if kind:
        return Rejected(str(path), BINARY, kind, id=path.stem)
    what = f"a {path.suffix} file" if path.suffix else "a file without a suffix"
    reason = f"{what}; only {', '.join(SUFFIXES[:-1])} and {SUFFIXES[-1]} files are read from a folder; name it on the command line to read it as text"
    return Rejected(str(path), UNSUPPORTED, reason, id=path.stem)


def read_jsonl_file(path: Path) -> Iterator[Document | Rejected]:
    """Records with `text` and optional `id`/`meta`, one per line; each bad line is a `Rejected` naming its line.

    A record without an `id` gets its text's `content_hash`; escapes of lone surrogates (not valid
    Unicode) become U+FFFD. Blank lines are ignored; a file with no record at all is one `empty` input.
    """
    records = 0
    try:
        with open_regular(path) as handle:
            kind = binary_kind(handle.read(SNIFF_BYTES))
            if kind:
                yield Rejected(str(path), BINARY, kind)
                return
            handle.seek(0)
            for number, line in enumerate(iter(lambda: handle.readline(MAX_BYTES + 1), b""), start=1):
                if not line.strip():
                    continue
                records += 1
                if len(line) <= MAX_BYTES:
                    yield jsonl_record(line, f"{path}:{number}")
                    continue
                while line and not line.endswith(b"\n"):
                    line = handle.readline(MAX_BYTES + 1)
                yield Rejected(f"{path}:{number}", TOO_LARGE, f"the line is over {MAX_BYTES} bytes")
    except OSError as error:
        yield Rejected(str(path), UNREADABLE, describe(error))
        return
    if not records:
        yield Rejected(str(path), EMPTY, "no records")


def jsonl_record(line: bytes, source: str) -> Document | Rejected:
    """The document of one JSONL line, or why it is not one."""
    text, encoding = decode(line)
    try:
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return Rejected(source, INVALID_JSON, f"{error.msg}: column {error.colno}", encoding=encoding)
    if not isinstance(record, dict):
        return Rejected(source, INVALID_RECORD, f"expected a JSON object, got {json_type(record)}", encoding=encoding)
    if SURROGATE_ESCAPE.search(text):
        dumped = json.dumps(record, ensure_ascii=False)
        if LONE_SURROGATE.search(dumped):  # escapes such as "\ud800" that are not valid Unicode: no file could hold them
            record = json.loads(LONE_SURROGATE.sub("\ufffd", dumped))
    given = record.get("id")
    if given is not None and (isinstance(given, bool) or not isinstance(given, (str, int)) or not str(given).strip()):
        return Rejected(source, INVALID_RECORD, f"'id' must be a non-empty string or an integer, got {json_type(given)}", encoding=encoding)
    doc_id = None if given is None else str(given)
    if not isinstance(record.get("text"), str):
        reason = "no 'text'" if record.get("text") is None else f"'text' is {json_type(record['text'])}, not a string"
        return Rejected(source, INVALID_RECORD, reason, id=doc_id, encoding=encoding)
    meta = record.get("meta")
    if meta is not None and not isinstance(meta, dict):
        return Rejected(source, INVALID_RECORD, f"'meta' must be an object, got {json_type(meta)}", id=doc_id, encoding=encoding)
    return make_document(record["text"], doc_id, meta or {}, source=source, encoding=encoding, is_html=looks_like_html(record["text"]))


def make_document(text: str, doc_id: str | None, meta: dict[str, Any], *, source: str, encoding: str, is_html: bool) -> Document | Rejected:
    """A Document (HTML reduced to text, `meta.source` and `meta.date` filled in), or `empty` if no text is left."""
    if is_html:
        text = html_to_text(text)
    plain = without_invisible_marks(plain_spaces(text))
    normalised, text = plain != text, plain
    if not text.strip():
        return Rejected(source, EMPTY, "no text after removing HTML markup" if is_html else "no text", id=doc_id, encoding=encoding)
    meta = dict(meta)
    meta.setdefault("source", source)
    if "date" not in meta and (found := DATE_LINE.match(text)):
        meta["date"] = found.group(1)
    lang, doc_id = document_language(text, meta), doc_id or content_hash(text)
    if not supported(lang):
        return Rejected(source, UNSUPPORTED_LANGUAGE, f"the text is in {lang!r}, which no pipeline reads yet", id=doc_id, encoding=encoding, lang=lang)
    return Document(
        id=doc_id, text=text, meta=meta, source=source, encoding=encoding, html=is_html, normalised=normalised, lang=lang
    )


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file to read bytes (a FIFO or a device would block or never end: OSError)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    return open(path, "rb")


def describe(error: OSError) -> str:
    """An OSError as a short reason ("Permission denied"), without the path the caller names anyway."""
    return error.strerror or str(error)


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def binary_kind(data: bytes) -> str | None:
    """Why bytes are not text (a known file signature, NUL bytes, many control characters), or None."""
    for signature, kind in SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if data.startswith(UTF16_BOMS):
        return None
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if sum(byte < 0x20 and byte not in TEXT_CONTROLS for byte in sample) > len(sample) // 10:
        return "mostly control characters"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with.

    UTF-8 (a BOM is dropped) or UTF-16 with a BOM; otherwise Windows-1251 when the non-ASCII bytes
    make up most of the words they are in (Cyrillic), else Windows-1252, else Latin-1 (which always decodes).
    """
    if data.startswith(codecs.BOM_UTF8):
        first = "utf-8-sig"
    elif data.startswith(UTF16_BOMS):
        first = "utf-16"
    else:
        first = "utf-8"
    try:
        return data.decode(first), first
    except UnicodeDecodeError:
        pass
    for encoding in ["cp1251", "cp1252"] if looks_cyrillic(data) else ["cp1252"]:  # judged only when Unicode fails
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def looks_cyrillic(data: bytes) -> bool:
    """Whether non-UTF-8 bytes read as Windows-1251: words made (almost) only of bytes >= 0x80."""
    words = LEGACY_WORD.findall(data[:65536])
    letters = sum(map(len, words))
    ascii_letters = sum(len(word.translate(None, HIGH_BYTES)) for word in words)
    return letters > 0 and ascii_letters <= 0.3 * letters


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML: it starts with a doctype, a comment or a common HTML element."""
    return HTML_START.match(text.lstrip("\ufeff")) is not None


def html_to_text(markup: str) -> str:
    """The visible text of HTML: scripts, styles and the head dropped, block elements as paragraph
    breaks, other tags removed, entities decoded, spaces collapsed."""
    text = HTML_COMMENT.sub(" ", HTML_HIDDEN.sub(" ", markup))
    text = HTML_TAG.sub("", HTML_BLOCK.sub("\n\n", HTML_BREAK.sub("\n", text)))
    lines = (" ".join(line.split()) for line in html.unescape(text).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
