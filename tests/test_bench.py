"""Smoke test of the benchmark command on a tiny corpus: it prints its figures (it gates nothing)."""
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


def bench(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--words", "3000", *args], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_bench_prints_its_figures():
    lines = bench()
    assert [line.split(":")[0] for line in lines] == [
        "corpus",
        "pipeline load",
        "spacy.blank('en') tokenizer",
        "full pipeline to table rows",
        "ratio",
        "peak memory",
    ]
    assert int(lines[0].split()[3].replace(",", "")) >= 3000


def test_bench_with_two_processes_also_prints_the_speed_up():
    lines = bench("--n-process", "2")
    assert [line for line in lines if line.startswith("run's work (annotation records, rows, JSON check) in this process: ")]
    (line,) = [line for line in lines if line.startswith("run's work on 2 processes")]
    assert "words/s (speed-up" in line and line.endswith("s to start them)")
