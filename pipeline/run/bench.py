"""`python -m pipeline bench`: words per second of the bare tokenizer, of the full pipeline and of `run` end to end.

All run on the same text: the bundled articles repeated until it holds `min_words` words, each copy perturbed
(every number, and one word in `WORD_SHARE`), so the tokenizer's, the lemmatizer's and the normaliser's caches
see new words as real news brings them and flatter no one; each round, and `run`, has a perturbation of its own.
The tokenizer and the pipeline (through to the table rows) run in this process, timed in turn batch by batch, so
a slow moment of a shared machine slows both alike, for `rounds` rounds: each speed is its fastest round, the
ratio the median of the rounds' ratios. `run` runs in a fresh process on the corpus as a JSONL file, with one
process and with `n_process` in turn, `rounds` times, and reports the fastest round's words per second, end to
end and after the pipeline's load, and its peak memory; with `document_mb`, also on one document of that many
megabytes. The bundled Russian articles make a corpus of their own, perturbed the same way (`language_bench`): the
Russian pipeline against spaCy's bare Russian tokenizer, timed in turn. It prints; it asserts nothing.
"""
from __future__ import annotations

import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable

import spacy
from spacy.language import Language

from components.periods import DATE_LINE

from ..languages import document_language
from ..loading import CONFIG_DIR, load
from .annotate import annotate
from .engines.base import load_pipeline
from .export import table_rows
from .reading import Document, read_documents

WORD_SHARE = 20  # one lower-case word in this many gets a letter changed
NUMBER = re.compile(r"\d+")
ALPHABETS = {"en": "abcdefghijklmnopqrstuvwxyz", "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}  # the lower-case letters a perturbation uses


@dataclass
class RunMeasure:
    """One `run` in a fresh process: its seconds (all, and for loading the pipeline), its peak memory and that of its
    largest worker process."""

    seconds: float
    load_seconds: float
    peak_memory_mb: float
    worker_memory_mb: float


@dataclass
class BenchResult:
    """What one benchmark run measured."""

    words: int
    documents: int
    load_seconds: float
    tokenizer_words_per_second: float
    pipeline_words_per_second: float
    ratios: list[float]  # per round: the pipeline's speed as a share of the tokenizer's
    peak_memory_mb: float
    n_process: int = 1
    rounds: int = 1
    runs: dict[int, RunMeasure] = field(default_factory=dict)  # `run` by number of processes
    document: tuple[float, int, RunMeasure] | None = None  # `run` on one long document: its megabytes, words, measure

    @property
    def ratio(self) -> float:
        """The full pipeline's speed as a share of the bare tokenizer's: the median round's."""
        return statistics.median(self.ratios)

    def lines(self) -> list[str]:
        lines = [
            f"corpus: {self.documents} documents, {self.words:,} words (numbers and one word in {WORD_SHARE} perturbed)",
            f"pipeline load: {self.load_seconds:.2f} s",
            f"spacy.blank('en') tokenizer: {self.tokenizer_words_per_second:,.0f} words/s (fastest of {self.rounds} rounds)",
            f"full pipeline to table rows: {self.pipeline_words_per_second:,.0f} words/s (fastest of {self.rounds} rounds)",
            f"ratio: {self.ratio:.1%} (median of {self.rounds} rounds: {', '.join(f'{ratio:.1%}' for ratio in self.ratios)})",
        ]
        one = self.runs.get(1)
        for processes, measure in self.runs.items():
            speed = self.words / measure.seconds
            if processes == 1:
                after = self.words / (measure.seconds - measure.load_seconds)
                detail = (
                    f"{after:,.0f} words/s after its {measure.load_seconds:.1f} s load: {after / self.pipeline_words_per_second:.1%} of the pipeline, "
                    f"{after / self.tokenizer_words_per_second:.1%} of the tokenizer"
                )
            else:
                detail = f"speed-up {one.seconds / measure.seconds:.2f}x over 1 process" if one else "no 1-process run to compare"
            memory = f"peak memory {measure.peak_memory_mb:,.0f} MB" + (f", largest worker {measure.worker_memory_mb:,.0f} MB" if processes > 1 else "")
            lines.append(f"run, {processes} process{'es' if processes > 1 else ''}: {speed:,.0f} words/s end to end ({detail}); {memory}")
        if self.document:
            megabytes, words, measure = self.document
            lines.append(
                f"run, one {megabytes:.1f} MB document ({words:,} words): {measure.seconds:.1f} s, peak memory {measure.peak_memory_mb:,.0f} MB"
            )
        lines.append(f"peak memory of the timings in this process: {self.peak_memory_mb:,.0f} MB")
        return lines


def perturbed(text: str, rng: random.Random, lang: str = "en") -> str:
    """The text with new numbers (a year stays a year, every other number keeps its digit count) and one long
    lower-case word in WORD_SHARE (of the language's alphabet) given another letter; a leading date line is kept."""
    alphabet = ALPHABETS[lang]
    found = DATE_LINE.match(text)
    head, body = (text[: found.end()], text[found.end() :]) if found else ("", text)

    def number(match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(1995, 2025))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:]) if len(digits) > 1 else str(rng.randint(0, 9))

    def word(match: re.Match[str]) -> str:
        text = match.group()
        if rng.randrange(WORD_SHARE):
            return text
        at = rng.randrange(1, len(text) - 1)
        return text[:at] + rng.choice(alphabet) + text[at + 1 :]

    return head + long_word(alphabet).sub(word, NUMBER.sub(number, body))


@cache
def long_word(alphabet: str) -> re.Pattern[str]:
    """A lower-case word of five letters or more of the alphabet."""
    return re.compile(rf"\b[{alphabet}]{{5,}}\b")


def bench_corpus(texts: Iterable[str], min_words: int, seed: int = 0, lang: str = "en") -> list[str]:
    """The texts repeated until they hold at least `min_words` words, each copy perturbed (`perturbed`)."""
    base = [text for text in texts if text.strip()]
    rng = random.Random(seed)
    corpus: list[str] = []
    words = 0
    while words < min_words and base:
        for text in base:
            corpus.append(perturbed(text, rng, lang))
            words += len(corpus[-1].split())
    return corpus


def run_bench(
    texts: Iterable[str],
    *,
    min_words: int = 300_000,
    batch_size: int = 64,
    n_process: int = 1,
    rounds: int = 3,
    document_mb: float = 0.0,
    config_dir: Path | None = None,
) -> BenchResult:
    """Measure the bare tokenizer and the full pipeline on the same corpus, in this process, in turn for `rounds`
    rounds (each keeps its fastest); then `run` on it in a fresh process, with one process and with `n_process`, in
    turn for `rounds` rounds (each keeps its fastest); with `document_mb`, also `run` on one document of that size.
    The pipeline is built from `config_dir` (default: the bundled configs/)."""
    texts = list(texts)
    corpus = bench_corpus(texts, min_words, seed=rounds)  # `run`'s, perturbed unlike any round's
    words = sum(len(text.split()) for text in corpus)
    started = time.perf_counter()
    nlp = load_pipeline(config_dir)
    load_seconds = time.perf_counter() - started
    blank = spacy.blank("en")
    timings = []
    for round_number in range(rounds):  # each round on its own perturbation: no cache has seen its numbers
        documents = [Document(id=f"bench-{index}", text=text, meta={}) for index, text in enumerate(bench_corpus(texts, min_words, seed=round_number))]
        timings.append(time_in_turn(blank, nlp, documents, batch_size))
    result = BenchResult(
        words=words,
        documents=len(corpus),
        load_seconds=load_seconds,
        tokenizer_words_per_second=words / min(tokenizer for tokenizer, _ in timings),
        pipeline_words_per_second=words / min(pipeline for _, pipeline in timings),
        ratios=[tokenizer / pipeline for tokenizer, pipeline in timings],
        peak_memory_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        n_process=n_process,
        rounds=rounds,
    )
    del documents, nlp
    with tempfile.TemporaryDirectory(prefix="econ-bench-") as folder:
        records = Path(folder) / "corpus.jsonl"
        records.write_text("".join(json.dumps({"id": f"bench-{index}", "text": text}) + "\n" for index, text in enumerate(corpus)), encoding="utf-8")
        for _ in range(rounds):  # in turn, each keeping its fastest round
            for processes in sorted({1, n_process}):
                measure = measure_run(records, Path(folder) / f"out-{processes}", processes, batch_size, config_dir)
                if processes not in result.runs or measure.seconds < result.runs[processes].seconds:
                    result.runs[processes] = measure
        if document_mb:
            long_text = long_document(bench_corpus(texts, int(document_mb * 2**20 / 6), seed=rounds + 1), document_mb)  # perturbed throughout
            records.write_text(json.dumps({"id": "long", "text": long_text}) + "\n", encoding="utf-8")
            long_run = measure_run(records, Path(folder) / "out-long", 1, batch_size, config_dir)
            result.document = (len(long_text.encode()) / 2**20, len(long_text.split()), long_run)
    return result


def long_document(corpus: list[str], megabytes: float) -> str:
    """One text of about `megabytes` MB: the corpus' articles one after another, a paragraph break between them."""
    parts, size = [], 0
    for text in corpus * (1 + int(megabytes * 2**20) // max(1, sum(map(len, corpus)))):
        if size >= megabytes * 2**20:
            break
        parts.append(text.strip())
        size += len(parts[-1].encode()) + 2
    return "\n\n".join(parts)


def measure_run(records: Path, out: Path, n_process: int, batch_size: int, config_dir: Path | None = None) -> RunMeasure:
    """`run` on a JSONL file in a fresh process, as `python -m pipeline run` does it (see `run_child`)."""
    arguments = [records, out, n_process, batch_size, config_dir or CONFIG_DIR]
    command = [sys.executable, "-c", "from pipeline.run.bench import run_child; run_child()", *map(str, arguments)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return RunMeasure(**json.loads(result.stdout.splitlines()[-1]))


def run_child() -> None:
    """In a fresh process: load the pipeline (one process) or not (the workers load it), run it on the file, and print
    the seconds, the load's seconds and the peak memories (this process, largest worker) as JSON."""
    from .running import run_inputs

    records, out, n_process, batch_size, config_dir = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
    started = time.perf_counter()
    nlp = load_pipeline(config_dir) if n_process == 1 else None
    loaded = time.perf_counter()
    run_inputs([records], out, nlp=nlp, n_process=n_process, batch_size=batch_size, overwrite=True, config_dir=config_dir)
    seconds = time.perf_counter() - started
    measure: dict[str, Any] = {
        "seconds": seconds,
        "load_seconds": loaded - started,
        "peak_memory_mb": own_peak_memory_mb(),
        "worker_memory_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    print(json.dumps(measure))


def own_peak_memory_mb() -> float:
    """This process's peak memory since it started its program: VmHWM (Linux), where getrusage would also count the
    memory of the process it was forked from; else getrusage's."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_in_turn(blank: Language, nlp: Language, documents: list[Document], batch_size: int) -> tuple[float, float]:
    """Seconds for the bare tokenizer to take the documents' texts to Docs, and for the pipeline to take
    the documents to their table rows, timed in turn batch by batch."""
    tokenizer_seconds = pipeline_seconds = 0.0
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        started = time.perf_counter()
        for _ in blank.pipe([document.text for document in batch], batch_size=batch_size):
            pass
        tokenized = time.perf_counter()
        for doc in annotate(nlp, batch, batch_size=batch_size):
            table_rows(doc)
        tokenizer_seconds += tokenized - started
        pipeline_seconds += time.perf_counter() - tokenized
    return tokenizer_seconds, pipeline_seconds


def input_texts(paths: Iterable[Path], lang: str = "en") -> list[str]:
    """The texts of the documents in the given files or folders (as `run` reads them) that are in the language;
    InputError at the first input that is not a document."""
    return [document.text for document in read_documents(paths) if document_language(document.text, document.meta) == lang]


@dataclass
class LanguageBenchResult:
    """The pipeline of one more language against spaCy's bare tokenizer of that language, on its own corpus."""

    lang: str
    words: int
    documents: int
    tokenizer_words_per_second: float
    pipeline_words_per_second: float
    ratios: list[float]  # per round: the pipeline's speed as a share of the tokenizer's

    def lines(self) -> list[str]:
        rounds = len(self.ratios)
        return [
            f"{self.lang} corpus: {self.documents} documents, {self.words:,} words (numbers and one word in {WORD_SHARE} perturbed)",
            f"spacy.blank('{self.lang}') tokenizer: {self.tokenizer_words_per_second:,.0f} words/s (fastest of {rounds} rounds)",
            f"{self.lang} pipeline to table rows: {self.pipeline_words_per_second:,.0f} words/s (fastest of {rounds} rounds)",
            f"{self.lang} ratio: {statistics.median(self.ratios):.1%} (median of {rounds} rounds: {', '.join(f'{ratio:.1%}' for ratio in self.ratios)})",
        ]


def language_bench(
    texts: Iterable[str], lang: str, *, min_words: int = 300_000, batch_size: int = 64, rounds: int = 3, config_dir: Path | None = None
) -> LanguageBenchResult:
    """Words per second of the language's pipeline (to table rows) and of `spacy.blank(lang)`'s tokenizer on the texts
    repeated to `min_words` words, each round perturbed anew, timed in turn batch by batch as `run_bench` times English."""
    texts = list(texts)
    nlp = load(config_dir, lang=lang)
    blank = spacy.blank(lang)
    timings, words, documents = [], 0, 0
    for round_number in range(rounds):
        corpus = bench_corpus(texts, min_words, seed=round_number, lang=lang)
        words, documents = sum(len(text.split()) for text in corpus), len(corpus)
        batch = [Document(id=f"bench-{lang}-{index}", text=text, meta={"lang": lang}) for index, text in enumerate(corpus)]
        timings.append(time_in_turn(blank, nlp, batch, batch_size))
    return LanguageBenchResult(
        lang=lang,
        words=words,
        documents=documents,
        tokenizer_words_per_second=words / min(tokenizer for tokenizer, _ in timings),
        pipeline_words_per_second=words / min(pipeline for _, pipeline in timings),
        ratios=[tokenizer / pipeline for tokenizer, pipeline in timings],
    )
