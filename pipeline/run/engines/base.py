"""The engine interface: what `running` and `bench` ask of an engine, and the error it raises."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..processing import Batch
from ..reading import Document


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


class Engine(Protocol):
    """Processes batches of documents into Batches (Outcomes, encoded, and Arrow rows)."""

    in_flight: int  # how many batches may stay submitted and not yet waited for

    def submit(self, documents: list[Document], version: str) -> Callable[[], Batch]: ...

    def close(self) -> None: ...
