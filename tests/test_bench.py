"""Smoke test of the benchmark command on a tiny corpus: it prints its figures (it gates nothing)."""
import random
import re
import subprocess
import sys
from pathlib import Path

from pipeline.run.bench import WORD_SHARE, long_document, perturbed

PROJECT_DIR = Path(__file__).resolve().parents[1]


def bench(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--words", "3000", "--rounds", "1", *args],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=600,
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
        "run, 1 process",
        "peak memory of the timings in this process",
        "ru corpus",
        "spacy.blank('ru') tokenizer",
        "ru pipeline to table rows",
        "ru ratio",
    ]
    assert int(lines[0].split()[3].replace(",", "")) >= 3000
    one_process = r"run, 1 process: [\d,]+ words/s end to end \([\d,]+ words/s after its [\d.]+ s load: [\d.]+% of the pipeline, .*\); peak memory [\d,]+ MB"
    assert re.fullmatch(one_process, lines[5])
    assert int(lines[7].split()[4].replace(",", "")) >= 3000  # the Russian articles' own corpus
    assert re.fullmatch(r"ru pipeline to table rows: [\d,]+ words/s \(fastest of 1 rounds\)", lines[9])


def test_bench_with_two_processes_and_a_long_document_also_prints_them():
    lines = bench("--n-process", "2", "--document-mb", "0.1")
    (line,) = [line for line in lines if line.startswith("run, 2 processes: ")]
    assert re.search(r"words/s end to end \(speed-up [\d.]+x over 1 process\); peak memory [\d,]+ MB, largest worker [\d,]+ MB$", line)
    (line,) = [line for line in lines if line.startswith("run, one 0.1 MB document")]
    assert line.endswith(" MB") and "peak memory" in line


def test_bench_measures_the_texts_it_is_given(tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"id": "w1", "text": "Retail sales rose 3.2% in May to $41.5 billion, the statistics office said."}\n', encoding="utf-8")
    lines = bench(str(wire))
    assert lines[0].startswith("corpus: ") and not any(line.startswith("ru ") for line in lines)  # no Russian text given
    assert int(lines[0].split()[3].replace(",", "")) >= 3000  # the one record, repeated and perturbed


def test_bench_refuses_inputs_without_a_document(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "pipeline", "bench", str(empty)], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_a_russian_corpus_is_perturbed_in_its_own_letters():
    text = " date 2024-03-25 Экспорт вырос на 12,5% и составил $3,1 млрд, сообщило бюро национальной статистики."
    rng = random.Random(1)
    copies = [perturbed(text, rng, "ru") for _ in range(50)]
    assert all(copy.startswith(" date 2024-03-25 ") and len(copy) == len(text) for copy in copies)
    changed = {word for copy in copies for word, was in zip(copy.split(), text.split()) if word != was and not any(c.isdigit() for c in was)}
    assert changed and all(re.fullmatch(r"[а-яё]+[.,]?", word) for word in changed)


def test_the_corpus_is_perturbed_but_keeps_its_shape():
    text = " date 2024-03-25 Exports rose 12.5 percent to $3,100 million in 2023, the statistics committee reported."
    rng = random.Random(1)
    copies = [perturbed(text, rng) for _ in range(50)]
    assert all(copy.startswith(" date 2024-03-25 ") and len(copy) == len(text) for copy in copies)
    numbers = [re.findall(r"\d+", copy[17:]) for copy in copies]
    assert all([len(n) for n in found] == [2, 1, 1, 3, 4] and 1995 <= int(found[-1]) <= 2025 for found in numbers)
    assert len({tuple(found) for found in numbers}) == 50
    changed = sum(a != b for copy in copies for a, b in zip(copy.split()[4:], text.split()[4:]) if a.isalpha())
    assert 0 < changed < 50 * 12 / WORD_SHARE * 3
    assert len(long_document([text, text], 0.001)) >= 1000
