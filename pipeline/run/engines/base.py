"""The engine interface: what `running` and `bench` ask of an engine, and the error it raises."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..processing import Outcome
from ..reading import Document


class EngineError(RuntimeError):
    """An engine that cannot start or that lost its workers; the message says why and what to do."""


class Engine(Protocol):
    """Processes batches of documents into Outcomes."""

    in_flight: int  # how many batches may stay submitted and not yet waited for

    def submit(self, documents: list[Document], version: str) -> Callable[[], list[Outcome]]: ...

    def close(self) -> None: ...
