"""`python -m pipeline bench`: words per second of the bare tokenizer and of the full pipeline.

Both run in the same process on the same corpus (the bundled articles repeated until it
holds `min_words` words); the full pipeline is timed through to the table rows. The two are
timed in turn batch by batch, so a slow moment of a shared machine slows both alike, for
`rounds` rounds: each speed is its fastest round, the ratio the median of the rounds' ratios.
It also reports the time to load the pipeline and the peak memory. It prints; it asserts
nothing.
"""
from __future__ import annotations

import resource
import statistics
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language

from ..loading import load
from .annotate import annotate
from .engines import open_engine
from .export import table_rows
from .processing import process_documents
from .reading import Document


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
    run_words_per_second: float | None = None  # `run`'s work (records, rows, JSON check) in this process, when n_process > 1
    multiprocess_words_per_second: float | None = None  # the same work on `n_process` worker processes
    pool_start_seconds: float | None = None  # for those processes to start and load the pipeline

    @property
    def ratio(self) -> float:
        """The full pipeline's speed as a share of the bare tokenizer's: the median round's."""
        return statistics.median(self.ratios)

    def lines(self) -> list[str]:
        return [
            f"corpus: {self.documents} documents, {self.words:,} words",
            f"pipeline load: {self.load_seconds:.2f} s",
            f"spacy.blank('en') tokenizer: {self.tokenizer_words_per_second:,.0f} words/s (fastest of {self.rounds} rounds)",
            f"full pipeline to table rows: {self.pipeline_words_per_second:,.0f} words/s (fastest of {self.rounds} rounds)",
            f"ratio: {self.ratio:.1%} (median of {self.rounds} rounds: {', '.join(f'{ratio:.1%}' for ratio in self.ratios)})",
            *(
                [f"run's work (annotation records, rows, JSON check) in this process: {self.run_words_per_second:,.0f} words/s",
                 f"run's work on {self.n_process} processes: {self.multiprocess_words_per_second:,.0f} words/s "
                 f"(speed-up {self.multiprocess_words_per_second / self.run_words_per_second:.2f}x, "
                 f"after {self.pool_start_seconds:.1f} s to start them)"]
                if self.multiprocess_words_per_second and self.run_words_per_second
                else []
            ),
            f"peak memory: {self.peak_memory_mb:,.0f} MB",
        ]


def bench_corpus(texts: Iterable[str], min_words: int) -> list[str]:
    """The texts repeated until they hold at least `min_words` words."""
    base = [text for text in texts if text.strip()]
    corpus: list[str] = []
    words = 0
    while words < min_words and base:
        for text in base:
            corpus.append(text)
            words += len(text.split())
    return corpus


def run_bench(
    texts: Iterable[str], *, min_words: int = 300_000, batch_size: int = 64, n_process: int = 1, rounds: int = 3
) -> BenchResult:
    """Measure the bare tokenizer and the full pipeline on the same corpus, in this process, in turn for
    `rounds` rounds (each keeps its fastest); with `n_process` > 1, also `run`'s work per document, in
    this process and on a pool of that many worker processes (from their start)."""
    corpus = bench_corpus(texts, min_words)
    words = sum(len(text.split()) for text in corpus)
    started = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - started
    blank = spacy.blank("en")
    documents = [Document(id=f"bench-{index}", text=text, meta={}) for index, text in enumerate(corpus)]
    timings = [time_in_turn(blank, nlp, documents, batch_size) for _ in range(rounds)]
    run_seconds = time_run_work(nlp, documents, batch_size) if n_process > 1 else None
    pool_start, multiprocess_seconds = time_pool(documents, batch_size, n_process) if n_process > 1 else (None, None)
    return BenchResult(
        words=words,
        documents=len(corpus),
        load_seconds=load_seconds,
        tokenizer_words_per_second=words / min(tokenizer for tokenizer, _ in timings),
        pipeline_words_per_second=words / min(pipeline for _, pipeline in timings),
        ratios=[tokenizer / pipeline for tokenizer, pipeline in timings],
        peak_memory_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        n_process=n_process,
        rounds=rounds,
        run_words_per_second=words / run_seconds if run_seconds else None,
        multiprocess_words_per_second=words / multiprocess_seconds if multiprocess_seconds else None,
        pool_start_seconds=pool_start,
    )


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


def time_run_work(nlp: Language, documents: list[Document], batch_size: int) -> float:
    """Seconds for `run`'s work on the documents in this process: batches to Outcomes (records and table rows)."""
    started = time.perf_counter()
    for start in range(0, len(documents), batch_size):
        process_documents(nlp, documents[start : start + batch_size], "bench", batch_size=batch_size)
    return time.perf_counter() - started


def time_pool(documents: list[Document], batch_size: int, n_process: int) -> tuple[float, float]:
    """Seconds for `run`'s pool of worker processes to start (and load the pipeline), and then to take
    the documents to their records and table rows."""
    started = time.perf_counter()
    with closing(open_engine("local", n_process=n_process, batch_size=batch_size)) as engine:
        for result in [engine.submit(documents[:1], "bench") for _ in range(n_process)]:
            result()
        ready = time.perf_counter()
        batches = [documents[start : start + batch_size] for start in range(0, len(documents), batch_size)]
        for result in [engine.submit(batch, "bench") for batch in batches]:
            result()
        return ready - started, time.perf_counter() - ready


def bundled_texts(folders: Iterable[Path]) -> list[str]:
    """The texts of the `.txt` articles in the given folders."""
    return [path.read_text(encoding="utf-8") for folder in folders for path in sorted(Path(folder).glob("*.txt"))]
