"""What the run tests share: a corpus with hostile lines, and the command line in this process or in a subprocess."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

PROJECT_DIR = Path(__file__).resolve().parents[1]
ARTICLES = sorted([*(PROJECT_DIR / "seeds").glob("*.txt"), *(PROJECT_DIR / "corpus" / "articles").glob("*.txt")])
TABLES = ("entities", "facts", "relations", "docs")


def invoke(*args: str):
    """Run the command line in this process (typer's runner), exceptions raised."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def write_corpus(folder: Path) -> Path:
    """30 copies of the bundled articles with distinct ids, a broken line among them, and a PDF."""
    folder.mkdir()
    copies = zip(range(30), itertools.cycle(ARTICLES))
    lines = [json.dumps({"id": f"copy-{i:02d}-{path.stem}", "text": path.read_text(encoding="utf-8")}) for i, path in copies]
    lines.insert(7, '{"id": "broken", "text": ')
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01")
    return folder


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m pipeline ARGS` in `cwd`."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=600)
