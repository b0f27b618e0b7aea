"""A base for components whose whole state is the lexicon tables (the normaliser, the relations).

The tables are loaded at `[initialize]` time by the `econ.lexicon.v1` reader, written by
`to_disk` as `lexicon.json` and read back by `from_disk`. `__call__` finds what the
component adds with `find(doc)` and writes it with `set_annotations(doc, found)`, through
spaCy's configurable error handler.
"""
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList, ensure_path, from_disk, to_disk

from .extensions import register_extensions

Tables = dict[str, list[dict[str, Any]]]


class LexiconPipe(Pipe):
    """A pipe built from lexicon tables; subclasses call `__init__` and implement `load`, `find` and `set_annotations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.tables: Tables = {}  # empty until `initialize` or `from_disk` loads them

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Tables | None = None,
    ) -> None:
        """Load the lexicon tables (see `components.lexicon.LEXICON_FILES`)."""
        if lexicon is None:
            raise ValueError(f"{self.name}: initialize needs the lexicon tables (econ.lexicon.v1 reader)")
        self.tables = lexicon
        self.load(lexicon)

    def load(self, tables: Tables) -> None:
        """Build the component's indexes from the tables."""
        raise NotImplementedError

    def find(self, doc: Doc) -> Any:
        """What the component adds to a Doc, before it is written."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write what `find` returned to the Doc."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if not self.tables:
            raise ValueError(f"{self.name} is not initialized: no lexicon loaded")
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.find(doc))
            return doc
        except Exception as error:  # noqa: BLE001 - routed to spaCy's configurable error handler
            return error_handler(self.name, self, [doc], error)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the lexicon tables as `lexicon.json`."""
        to_disk(ensure_path(path), {"lexicon.json": lambda p: srsly.write_json(p, self.tables)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "LexiconPipe":
        """Load the lexicon tables written by `to_disk`."""
        from_disk(ensure_path(path), {"lexicon.json": lambda p: self.initialize(lexicon=srsly.read_json(p))}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return srsly.json_dumps(self.tables).encode("utf-8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "LexiconPipe":
        self.initialize(lexicon=srsly.json_loads(bytes_data))
        return self
