"""Shared fixtures: one pipeline per test session (building it takes about a second)."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import pipeline

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()
