"""`python -m pipeline bench`: the pipeline's speed on the bundled articles (the work is `pipeline.run.bench`)."""
from __future__ import annotations

from typing import Annotated

import typer

from .common import BUNDLED_INPUTS


def bench_command(
    words: Annotated[int, typer.Option(min=1, help="Build a corpus of at least this many words from the bundled articles.")] = 300_000,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 64,
    n_process: Annotated[int, typer.Option(
        min=1, help="Also measure run's work per document in this process and on a pool of this many worker processes, and the speed-up."
    )] = 1,
    rounds: Annotated[int, typer.Option(
        min=1,
        help="Time the tokenizer and the pipeline in turn, batch by batch, this many times; each speed keeps its fastest round, "
        "the ratio is the median round's.",
    )] = 3,
) -> None:
    """Words per second of the bare tokenizer and of the full pipeline, load time and peak memory (prints only)."""
    from ..run.bench import bundled_texts, run_bench

    result = run_bench(bundled_texts(BUNDLED_INPUTS), min_words=words, batch_size=batch_size, n_process=n_process, rounds=rounds)
    for line in result.lines():
        print(line)
