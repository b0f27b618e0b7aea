"""`python -m pipeline bench`: the pipeline's and `run`'s speed on the bundled articles or given texts (the work is
`pipeline.run.bench`)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import BUNDLED_INPUTS, ConfigOption, config_folder, fail

INPUTS_HELP = "Files (.txt, .html, .jsonl) or folders to build the corpus from, e.g. real wire copy; default: the bundled articles."
WORDS_HELP = "Build a corpus of at least this many words from the articles (each copy perturbed)."
N_PROCESS_HELP = "Also measure run end to end with this many worker processes, and its speed-up over one."
ROUNDS_HELP = "Time the tokenizer and the pipeline in turn, batch by batch, this many times; each speed keeps its fastest round, the ratio is the median."
STORE_HELP = "Also measure the facts store: insert throughput into a store of this many documents, then a day of --day-docs new ones added to it."
DOCUMENT_HELP = "Also measure run on one document of this many megabytes (its time and peak memory)."


def bench_command(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help=INPUTS_HELP)] = None,
    words: Annotated[int, typer.Option(min=1, help=WORDS_HELP)] = 300_000,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 64,
    n_process: Annotated[int, typer.Option(min=1, help=N_PROCESS_HELP)] = 1,
    rounds: Annotated[int, typer.Option(min=1, help=ROUNDS_HELP)] = 3,
    document_mb: Annotated[float, typer.Option(min=0, help=DOCUMENT_HELP)] = 0.0,
    config: ConfigOption = None,
    store_docs: Annotated[int, typer.Option(min=0, help=STORE_HELP)] = 0,
    day_docs: Annotated[int, typer.Option(min=1, help="New documents of the store's incremental day.")] = 1_000,
) -> None:
    """Words per second of the bare tokenizer, the full pipeline and run end to end, load time and peak memory (the
    English articles: the bundled ones, or those of the inputs), then of the Russian pipeline against spaCy's bare
    Russian tokenizer (the Russian articles); with --store-docs, the facts store's insert throughput and incremental day (prints only)."""
    from ..run.bench import input_texts, language_bench, run_bench
    from ..run.engines import EngineError
    from ..run.reading import InputError

    sources = list(inputs) if inputs else list(BUNDLED_INPUTS)
    try:
        english, russian = input_texts(sources, "en"), input_texts(sources, "ru")
    except InputError as error:
        fail(str(error))
    if not english and not russian:
        fail("no English or Russian document in the inputs")
    options = {"batch_size": batch_size, "n_process": n_process, "rounds": rounds, "document_mb": document_mb, "config_dir": config_folder(config)}
    if english:
        try:
            result = run_bench(english, min_words=words, **options)
        except EngineError as error:
            fail(str(error))
        for line in result.lines():
            print(line)
    if russian:
        options = {key: options[key] for key in ("batch_size", "rounds", "config_dir")}
        for line in language_bench(russian, "ru", min_words=words, **options).lines():
            print(line)
    if store_docs:
        from ..store.bench import store_bench

        for line in store_bench(english or input_texts(BUNDLED_INPUTS), store_docs=store_docs, day_docs=day_docs).lines():
            print(line)
