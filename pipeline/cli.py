"""The command line: `python -m pipeline run | evaluate | patterns build`."""
from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .annotation_file import AnnotationError, write_annotations
from .reading import InputError

PROJECT_DIR = Path(__file__).resolve().parents[1]
BUNDLED_INPUTS = (PROJECT_DIR / "seeds", PROJECT_DIR / "corpus" / "articles")
BUNDLED_GOLD = PROJECT_DIR / "corpus" / "gold"

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Turn economic news into tables of facts."
)
patterns_app = typer.Typer(no_args_is_help=True, help="Manage the ruler's pattern files.")
app.add_typer(patterns_app, name="patterns")
err = Console(stderr=True)


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


def fail(message: str, code: int = 2) -> None:
    """Print one clear error line on stderr (plain text, never wrapped) and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Files (.txt, .jsonl) or folders; default: the bundled seeds/ and corpus/.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    table_format: Annotated[TableFormat, typer.Option("--format", "-f", help="Table file format.")] = TableFormat.parquet,
    batch_size: Annotated[int, typer.Option(help="Documents per batch.")] = 64,
    n_process: Annotated[int, typer.Option(help="Worker processes for nlp.pipe.")] = 1,
) -> None:
    """Extract figures, places and organisations; write annotations.jsonl and the tables."""
    from .annotate import annotate
    from .export import doc_to_record, frames_from_rows, table_rows, write_tables
    from .loading import load
    from .reading import read_documents

    sources = list(inputs) if inputs else [path for path in BUNDLED_INPUTS if path.exists()]
    if out.exists() and not out.is_dir():
        fail(f"{out}: the output path exists and is not a folder")
    try:
        documents = list(read_documents(sources))
    except InputError as error:
        fail(str(error))
    if not documents:
        fail("no .txt or .jsonl documents found in " + ", ".join(map(str, sources)))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    nlp = load()
    records, rows = [], {}
    step = max(1, len(documents) // 10)
    with progress() as bar:
        task = bar.add_task("documents", total=len(documents))
        for count, doc in enumerate(annotate(nlp, documents, batch_size=batch_size, n_process=n_process), start=1):
            records.append(doc_to_record(doc))
            for name, new_rows in table_rows(doc).items():
                rows.setdefault(name, []).extend(new_rows)
            bar.advance(task)
            if bar.disable and (count % step == 0 or count == len(documents)):
                typer.echo(f"processed {count}/{len(documents)} documents", err=True)
    write_annotations(out / "annotations.jsonl", records)
    written = write_tables(frames_from_rows(rows), out, table_format.value)
    seconds = time.perf_counter() - started
    typer.echo(f"{len(records)} documents in {seconds:.1f}s -> {out / 'annotations.jsonl'}, " + ", ".join(str(p) for p in written), err=True)


@app.command()
def evaluate(
    gold: Annotated[Optional[list[Path]], typer.Argument(help="Gold JSONL files; default: corpus/gold/*.jsonl.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full reports as JSON.")] = False,
    all_labels: Annotated[bool, typer.Option(help="Score every label even where a file declares meta.annotated_labels.")] = False,
) -> None:
    """Score the pipeline on gold files: P/R/F1 per label for spans and relations, value accuracy."""
    from .evaluation import evaluate_file
    from .loading import load
    from .scoring import format_report

    files = list(gold) if gold else sorted(BUNDLED_GOLD.glob("*.jsonl"))
    for path in files:
        if not path.is_file():
            fail(f"{path}: no such file")
    nlp = load()
    reports = []
    for path in files:
        try:
            reports.append(evaluate_file(nlp, path, all_labels=all_labels))
        except AnnotationError as error:
            fail(str(error))
    if as_json:
        print(json.dumps(reports if len(reports) > 1 else reports[0], indent=2, default=str))
        return
    for report in reports:
        print(f"== {report['file']} (span labels scored: {', '.join(report['labels_scored']) if isinstance(report['labels_scored'], list) else 'all'})")
        print(format_report(report))
        print()


@patterns_app.command("build")
def patterns_build() -> None:
    """Regenerate figures.jsonl, regions.jsonl and organisations.jsonl from the lexicons and the gazetteer."""
    from .pattern_build import build_patterns

    for name, count in build_patterns().items():
        print(f"{name}: {count} entries")


def progress() -> Progress:
    """A progress bar on stderr; when stderr is not a terminal, `run` prints a line every tenth instead."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not sys.stderr.isatty(),
    )


def main() -> None:
    """Entry point of `python -m pipeline` and the `econ-facts` script."""
    app()
