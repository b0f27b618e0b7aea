"""`python -m pipeline patterns build | train | list`: the pattern files, and teaching the rulers from corrections.

- `build` regenerates the pattern files derived from the lexicons, the grammar and the gazetteer
  (`pipeline.patterns.build`); learned files are never touched. `build --check` writes nothing and
  fails, naming each file, where a generated file differs from what `build` would write.
- `train` learns patterns and lexicon entries from a corrected annotation file and prints the
  dev scores before and after (`pipeline.patterns.training`).
- `list` shows what a config folder loads: counts per source of the pattern ids, and every
  learned pattern or lexicon entry with the file and record it came from (`pipeline.patterns.listing`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import CONFIG_HELP, ConfigOption, config_folder, fail, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

    from ..patterns.training.train import TrainingResult

patterns_app = typer.Typer(no_args_is_help=True, help="Manage the ruler's pattern files: build, train from corrections, list.")

@patterns_app.command("build")
def build_command(
    config: ConfigOption = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 naming each generated file that differs from what build would write.")] = False,
) -> None:
    """Regenerate figures, regions, organisations, indicators and periods from the lexicons, the grammar and the gazetteer (learned files are kept)."""
    from ..patterns.build import build_patterns, stale_files
    from ..patterns.concepts import GrammarError

    folder = config_folder(config)
    try:
        if check:
            report_stale(stale_files(folder))
            return
        counts = build_patterns(folder)
    except GrammarError as error:
        fail(str(error))
    for name, count in counts.items():
        print(f"{name}: {count} entries")


def report_stale(stale: list[Path]) -> None:
    """`build --check`: exit 1 with one line per generated file that is out of date, else say they are up to date."""
    for path in stale:
        typer.echo(f"{path}: out of date; run `python -m pipeline patterns build`", err=True)
    if stale:
        raise typer.Exit(1)
    print("generated pattern files up to date")


@patterns_app.command("train")
def train_command(
    corrected: Annotated[Path, typer.Argument(help="Corrected annotations (JSONL, the format of annotations.jsonl).")],
    dev: Annotated[Path | None, typer.Option("--dev", help="Gold file to score on; default: a held-out share of CORRECTED.")] = None,
    into: Annotated[Path | None, typer.Option("--into", help=CONFIG_HELP)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Keep learned patterns even where they lower dev precision.")] = False,
) -> None:
    """Learn ruler patterns and lexicon words from corrected annotations; print dev scores before and after."""
    from ..patterns.learned import TrainingError
    from ..patterns.training.train import train
    from ..run.annotation_file import AnnotationError

    folder = config_folder(into)
    for path in (corrected, dev):
        if path is not None and not path.is_file():
            fail(f"{path}: no such file")
    try:
        result = train(corrected, dev=dev, config_dir=folder, dry_run=dry_run, force=force)
    except (AnnotationError, TrainingError) as error:
        fail(str(error))
    print(format_training(result))


@patterns_app.command("list")
def list_command(
    label: Annotated[str | None, typer.Option("--label", help="Only patterns of this label (e.g. ORG, MONEY).")] = None,
    config: ConfigOption = None,
) -> None:
    """Show the patterns a config folder loads, by source, and every learned one with where it came from."""
    folder = config_folder(config)
    print(format_inventory(load_pipeline(folder), folder, label.upper() if label else None))


def format_inventory(nlp: Language, config_dir: Path, label: str | None = None) -> str:
    """Counts per source prefix of the pattern ids, then every learned pattern and lexicon entry."""
    from ..patterns.listing import learned_inventory

    rows, learned = learned_inventory(nlp, label)
    lines = [f"Patterns loaded from {config_dir / 'pipeline.cfg'}{f' (label {label})' if label else ''}: {sum(row[2] for row in rows)}"]
    lines.append(f"  {'count':>6}  {'label':<10} source")
    lines += [f"  {count:>6}  {lab:<10} {prefix}" for prefix, lab, count in rows]
    lines.append("")
    lines.append(f"Learned ({len(learned)}):" if learned else "Learned: none")
    for lab, learned_id, what in learned:
        lines.append(f"  {lab:<10} {what}    from {learned_id.partition('@')[2]}    [{learned_id}]")
    return "\n".join(lines)


def format_training(result: TrainingResult) -> str:
    """What was learned, skipped and not learnable, the dev scores before and after, and the file changes."""
    from ..evaluate.scoring import format_report

    lines = [f"Trained on {result.source}: {len(result.train_ids)} record(s); dev: {result.dev_name}", f"Config folder: {result.config_dir}", ""]
    by_status = {status: [c for c in result.candidates if c.status == status] for status in ("added", "forced", "skipped")}
    lines.append(f"Added ({len(by_status['added'])}):" if by_status["added"] else "Added: nothing")
    lines += [f"  + {c.describe()}  -> {c.file}  [{c.id}]  dev: {c.check}" for c in by_status["added"]]
    if by_status["forced"]:
        lines.append(f"Kept with --force although they lower dev precision ({len(by_status['forced'])}):")
        lines += [f"  + {c.describe()}  -> {c.file}  [{c.id}]  dev: {c.check}" for c in by_status["forced"]]
    if by_status["skipped"]:
        lines.append(f"Skipped, would lower dev precision ({len(by_status['skipped'])}; --force keeps them):")
        lines += [f"  - {c.describe()}  [{c.id}]  dev: {c.check}" for c in by_status["skipped"]]
    if result.misses:
        lines.append(f"Missed but not learnable ({len(result.misses)}):")
        lines += [f"  {m.record_id}: {m.label} {m.text!r}: {m.reason}" for m in result.misses]
    if result.still_missed:
        lines.append(f"Still missed after training, in the records learned from ({len(result.still_missed)}):")
        lines += [f"  {m.record_id}: {m.label} {m.text!r}" for m in result.still_missed]
    lines += ["", f"Scores on {result.dev_name} (before -> after):", *compare_scores(result.before, result.after), ""]
    lines += ["Before:", format_report(result.before), "", "After:", format_report(result.after), ""]
    if result.diff:
        lines += ["Changes (dry run, nothing written):" if result.dry_run else "Changes:", *result.diff]
    if result.written:
        lines.append("Wrote: " + ", ".join(str(path) for path in result.written))
    elif result.dry_run:
        lines.append("Dry run: nothing written.")
    else:
        lines.append("Nothing learned; nothing written.")
    return "\n".join(lines)


def compare_scores(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Precision, recall and F1 per span label, spans micro and relations micro: before, then after."""
    rows = [f"  {'':<12} {'P':>6} {'R':>6} {'F1':>6}  ->  {'P':>6} {'R':>6} {'F1':>6}"]
    names = list(dict.fromkeys([*before["spans"]["labels"], *after["spans"]["labels"]]))
    blocks = [(name, before["spans"]["labels"].get(name), after["spans"]["labels"].get(name)) for name in names]
    blocks += [("spans micro", before["spans"]["micro"], after["spans"]["micro"]), ("relations", before["relations"]["micro"], after["relations"]["micro"])]
    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    for name, old, new in blocks:
        old, new = old or empty, new or empty
        rows.append(
            f"  {name:<12} {old['precision']:>6.3f} {old['recall']:>6.3f} {old['f1']:>6.3f}"
            f"  ->  {new['precision']:>6.3f} {new['recall']:>6.3f} {new['f1']:>6.3f}"
        )
    return rows
