"""Shared fixtures: one pipeline per test session (building it takes about a second).

Processes the tests start (`python -m pipeline ...` in a temp folder) import this checkout's code, not whichever
copy the environment has installed: PYTHONPATH starts with the project folder.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

import pipeline
from pipeline.loading import CONFIG_DIR

PROJECT_DIR = Path(__file__).resolve().parents[1]
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture
def configs(tmp_path: Path) -> Path:
    """A copy of `configs/` a test may train into or edit."""
    folder = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    return folder
