"""The command line: `python -m pipeline run | evaluate | patterns | bench | annotations | observations`, one module per command (group).

The commands import what they run when they run, so `--help` stays quick.
"""
from __future__ import annotations

import typer

from .annotations import annotations_command
from .bench import bench_command
from .evaluate import evaluate_command
from .observations import observations_command
from .patterns import patterns_app
from .run import run_command

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Turn economic news into tables of facts."
)
app.add_typer(patterns_app, name="patterns")
app.command("run")(run_command)
app.command("evaluate")(evaluate_command)
app.command("bench")(bench_command)
app.command("annotations")(annotations_command)
app.command("observations")(observations_command)


def main() -> None:
    """Entry point of `python -m pipeline` and the `econ-facts` script."""
    app()
