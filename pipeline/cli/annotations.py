"""`python -m pipeline annotations [--tokens] IN OUT`: an annotation file with Prodigy tokens added, or taken off."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import ConfigOption, config_folder, fail, load_pipeline

TOKENS_HELP = "Add `tokens` and each span's `token_start`/`token_end` (inclusive), as annotation tools read them; --no-tokens takes them off."


def annotations_command(
    source: Annotated[Path, typer.Argument(help="An annotation file (JSONL), such as a run's annotations.jsonl.")],
    target: Annotated[Path, typer.Argument(help="The file to write (it may be the same file).")],
    tokens: Annotated[bool, typer.Option("--tokens/--no-tokens", help=TOKENS_HELP)] = False,
    config: ConfigOption = None,
) -> None:
    """Write an annotation file with Prodigy tokens (the pipeline's tokenizer), or without them."""
    from ..run.annotation_file import AnnotationError, iter_annotations, write_annotations
    from ..run.tokens import with_tokens, without_tokens

    folder = config_folder(config)
    if not source.is_file():
        fail(f"{source}: no such file")
    if tokens:
        nlp = load_pipeline(folder)
        records = (with_tokens(nlp, record) for record in iter_annotations(source))
    else:
        records = (without_tokens(record) for record in iter_annotations(source))
    try:
        count = write_annotations(target, records)
    except AnnotationError as error:
        fail(str(error))
    typer.echo(f"{count} records {'with' if tokens else 'without'} tokens -> {target}", err=True)
