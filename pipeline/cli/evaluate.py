"""`python -m pipeline evaluate`: score the pipeline on gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..run.annotation_file import AnnotationError
from .common import BUNDLED_GOLD, ConfigOption, config_folder, fail, load_pipeline


def evaluate_command(
    gold: Annotated[Optional[list[Path]], typer.Argument(help="Gold JSONL files; default: corpus/gold/*.jsonl.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full reports as JSON.")] = False,
    all_labels: Annotated[bool, typer.Option(help="Score every label even where a file declares meta.annotated_labels.")] = False,
    config: ConfigOption = None,
) -> None:
    """Score the pipeline on gold files: P/R/F1 per label for spans and relations, value accuracy. Exits 2 if a file
    has no gold spans to score against (unless its records declare meta.annotated_labels: a file of negatives)."""
    from ..evaluate.evaluation import evaluate_file
    from ..evaluate.scoring import format_report

    files = list(gold) if gold else sorted(BUNDLED_GOLD.glob("*.jsonl"))
    for path in files:
        if not path.is_file():
            fail(f"{path}: no such file")
    nlp = load_pipeline(config_folder(config))
    reports = []
    for path in files:
        try:
            reports.append(evaluate_file(nlp, path, all_labels=all_labels))
        except AnnotationError as error:
            fail(str(error))
        if not scores_anything(reports[-1]):
            fail(
                f"{path}: no gold spans in its {reports[-1]['documents']} record(s), so there is nothing to score; evaluate "
                "takes gold files whose records carry `spans` (a file of negatives declares meta.annotated_labels)"
            )
    if as_json:
        print(json.dumps(reports if len(reports) > 1 else reports[0], indent=2, default=str))
        return
    for report in reports:
        print(f"== {report['file']} (span labels scored: {', '.join(report['labels_scored']) if isinstance(report['labels_scored'], list) else 'all'})")
        print(format_report(report))
        print()


def scores_anything(report: dict) -> bool:
    """Whether a file's scores mean something: it has gold spans, or declares the labels it annotated (and has none)."""
    micro = report["spans"]["micro"]
    return micro["tp"] + micro["fn"] > 0 or report["labels_scored"] != "all"
