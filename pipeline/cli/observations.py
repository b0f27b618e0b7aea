"""`python -m pipeline observations --store PATH`: the tidy series of a facts store, printed or written."""
from __future__ import annotations

from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import fail


class SeriesFormat(str, Enum):
    table = "table"
    csv = "csv"
    parquet = "parquet"


def observations_command(
    store: Annotated[Path, typer.Option("--store", help="A DuckDB store that `run --store` added to.")],
    indicator: Annotated[Optional[str], typer.Option("--indicator", help="Only this indicator_id (e.g. industrial_production).")] = None,
    region: Annotated[Optional[str], typer.Option("--region", help="Only this region: as written (any case) or its region_id (KZ, kz-karaganda).")] = None,
    since: Annotated[Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Only periods starting on or after this date.")] = None,
    series_format: Annotated[SeriesFormat, typer.Option("--format", "-f", help="table (printed), csv or parquet.")] = SeriesFormat.table,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of standard output (parquet needs one).")] = None,
) -> None:
    """One row per observation: indicator_id, region_id, region, period, kind, value, unit, n_sources, outlets, conflict, values."""
    from ..files import replace_atomically
    from ..store import FactsStore, StoreError

    if series_format is SeriesFormat.parquet and out is None:
        fail("--format parquet needs --out FILE")
    try:
        with FactsStore(store, read_only=True) as facts_store:
            series = facts_store.observations(indicator=indicator, region=region, since=since.date() if since else None)
    except StoreError as error:
        fail(str(error))
    if series_format is SeriesFormat.parquet:
        replace_atomically(out, lambda temporary: series.to_parquet(temporary, index=False))
    else:
        for column in ("outlets", "values"):  # lists as text cells
            series[column] = series[column].map(lambda cell: "; ".join(f"{item:.15g}" if isinstance(item, float) else str(item) for item in cell))
        text = series.to_csv(index=False) if series_format is SeriesFormat.csv else series.to_string(index=False) + "\n"
        if out is None:
            typer.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
    typer.echo(f"{len(series)} observations" + (f" -> {out}" if out else ""), err=True)
