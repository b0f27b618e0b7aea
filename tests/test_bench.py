"""Smoke test of the benchmark command on a tiny corpus: it prints its figures (it gates nothing)."""
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


def test_bench_prints_its_figures():
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--words", "3000"], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "corpus",
        "pipeline load",
        "spacy.blank('en') tokenizer",
        "full pipeline to table rows",
        "ratio",
        "peak memory",
    ]
    assert int(lines[0].split()[3].replace(",", "")) >= 3000
