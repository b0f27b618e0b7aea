"""The facts store: a DuckDB database of the documents and facts of many runs, and the observations they report.

    docs          one row per document: doc_id, content_hash, source, outlet, published, chars, meta, version, run_id
    facts         one row per fact: fact_id, the facts table's columns, the bounds its printed number stands for,
                  observation_id, version, run_id
    observations  one row per figure reported (`observations.py`)
    runs          one row per run that added to the store: its inputs, output folder, version and counts

`FactsStore.add_run` reads a finished run's output folder (the docs and facts tables, in either format, partitioned or
not, and the records' `meta` from `annotations.jsonl`) and adds it in one transaction: a document already stored with
the same text is left as it is (whatever version made it), one stored with another text is replaced with its facts,
and the observations of every fact added or removed are built again. A run killed before the commit leaves the store
as it was. DuckDB lets one process at a time open the file for writing: a second one is refused (`StoreError`).
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlparse

import duckdb
import pandas as pd

from components.fact_checks import CheckData, printed_bounds
from components.lexicon import FigureLexicon

from ..loading import CONFIG_DIR
from ..run.export import FACT_COLUMNS
from .observations import OBSERVATION_COLUMNS, OBSERVATION_KEY, refresh_observations, select_observations

SQL_TYPES = {"string": "VARCHAR", "float64": "DOUBLE", "boolean": "BOOLEAN", "int64": "BIGINT", "Int64": "BIGINT", "date": "DATE"}
DOC_COLUMNS = {
    "doc_id": "VARCHAR", "content_hash": "VARCHAR", "source": "VARCHAR", "outlet": "VARCHAR", "published": "DATE",
    "chars": "BIGINT", "meta": "VARCHAR", "version": "VARCHAR", "run_id": "BIGINT",
}
FACT_STORE_COLUMNS = {
    "fact_id": "VARCHAR", **{name: SQL_TYPES[dtype] for name, dtype in FACT_COLUMNS.items()},
    "bound_low": "DOUBLE", "bound_high": "DOUBLE", "observation_id": "VARCHAR", "version": "VARCHAR", "run_id": "BIGINT",
}
RUN_COLUMNS = {
    "run_id": "BIGINT", "started": "TIMESTAMP", "finished": "TIMESTAMP", "inputs": "VARCHAR[]", "out": "VARCHAR", "version": "VARCHAR",
    "processed": "BIGINT", "skipped": "BIGINT", "failed": "BIGINT", "docs_added": "BIGINT", "docs_unchanged": "BIGINT",
    "docs_replaced": "BIGINT", "facts_added": "BIGINT", "observations_built": "BIGINT", "store_seconds": "DOUBLE",
}
LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


class StoreError(Exception):
    """A store this process cannot use (another process has it open, or it is no store); the message says why."""


@dataclass
class StoredRun:
    """What one run added to the store."""

    run_id: int
    docs_added: int
    docs_unchanged: int  # already in the store with the same text: not added again
    docs_replaced: int  # in the store with another text: replaced, with their facts
    facts_added: int
    observations_built: int  # observations built again because facts were added to or removed from them
    seconds: float


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table(name: str, columns: dict[str, str]) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{quoted(column)} {kind}' for column, kind in columns.items())})"


class FactsStore:
    """An open store (`path`, a DuckDB file, made if missing), held by this process until `close`."""

    def __init__(self, path: Path | str, *, read_only: bool = False, lexicon_dir: Path | str = CONFIG_DIR / "lexicons") -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as error:
            holder = LOCK_HOLDER.search(str(error))
            if holder:
                raise StoreError(f"{self.path} is in use by another process (pid {holder.group(2)}); one process at a time per store") from None
            raise StoreError(f"{self.path}: {error}") from None
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: not a DuckDB store ({error})") from None
        if not read_only:
            tables = {"docs": DOC_COLUMNS, "facts": FACT_STORE_COLUMNS, "observations": OBSERVATION_COLUMNS, "runs": RUN_COLUMNS}
            for name, columns in tables.items():
                self.connection.execute(create_table(name, columns))
        self.lexicon_dir = Path(lexicon_dir)

    def __enter__(self) -> "FactsStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {name: self.connection.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in ("docs", "facts", "observations", "runs")}

    def add_run(self, out: Path | str, table_format: str = "parquet", *, inputs: Iterable[Path | str] = (), summary: Any = None,
                started: datetime | None = None) -> StoredRun:
        """Add the processed documents of the output folder `out` and their facts, in one transaction (module docstring).
        `summary` (a RunSummary) gives the run's counts and version for its `runs` row."""
        clock = time.perf_counter()
        out = Path(out)
        docs = read_table(out, "docs", table_format)
        docs = docs[docs["status"] == "processed"].drop_duplicates("doc_id")
        con = self.connection
        con.register("run_docs", docs[["doc_id", "content_hash"]])
        stored = dict(con.execute("SELECT d.doc_id, d.content_hash FROM docs d JOIN run_docs r USING (doc_id)").fetchall())
        con.unregister("run_docs")
        changed = [doc_id for doc_id, content in zip(docs["doc_id"], docs["content_hash"]) if doc_id in stored and stored[doc_id] != content]
        new = docs[[doc_id not in stored or doc_id in set(changed) for doc_id in docs["doc_id"]]]
        metas = read_metas(out / "annotations.jsonl", set(new["doc_id"]))
        doc_rows = document_rows(new, metas)
        facts = self.fact_rows(read_table(out, "facts", table_format, set(new["doc_id"])), dict(zip(new["doc_id"], new["version"])))
        con.execute("BEGIN TRANSACTION")
        try:
            run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0][0]
            touched = self.remove_documents(changed)
            doc_rows["run_id"], facts["run_id"] = run_id, run_id
            self.insert("docs", doc_rows, DOC_COLUMNS)
            self.insert("facts", facts, FACT_STORE_COLUMNS)
            touched |= set(facts["observation_id"].dropna())
            built = refresh_observations(con, touched)
            result = StoredRun(run_id, len(new) - len(changed), len(docs) - len(new), len(changed), len(facts), built, time.perf_counter() - clock)
            self.insert("runs", pd.DataFrame([run_row(result, out, inputs, summary, started)]), RUN_COLUMNS)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return result

    def remove_documents(self, doc_ids: list[str]) -> set[str]:
        """Delete documents and their facts; returns the observations their facts were part of."""
        if not doc_ids:
            return set()
        con = self.connection
        con.register("gone", pd.DataFrame({"doc_id": doc_ids}))
        touched = {row[0] for row in con.execute("SELECT DISTINCT observation_id FROM facts WHERE doc_id IN (SELECT doc_id FROM gone)").fetchall()}
        con.execute("DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM gone)")
        con.execute("DELETE FROM docs WHERE doc_id IN (SELECT doc_id FROM gone)")
        con.unregister("gone")
        return {observation for observation in touched if observation is not None}

    def insert(self, table: str, rows: pd.DataFrame, columns: dict[str, str]) -> None:
        """Append a DataFrame's rows to a table, columns by name."""
        if rows.empty:
            return
        names = ", ".join(quoted(name) for name in columns)
        self.connection.register("incoming", rows)
        self.connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
        self.connection.unregister("incoming")

    def fact_rows(self, facts: pd.DataFrame, versions: dict[str, str]) -> pd.DataFrame:
        """The store's rows of a run's facts: with an id, the bounds of the printed number, the observation and the version."""
        rounding = Rounding.from_dir(self.lexicon_dir)
        facts = facts.copy()
        records = facts.to_dict("records")
        facts["fact_id"] = [f"{row['doc_id']}:{row['start']}-{row['end']}" for row in records]
        bounds = [rounding.bounds(row) for row in records]
        facts["bound_low"] = [low for low, _ in bounds]
        facts["bound_high"] = [high for _, high in bounds]
        facts["observation_id"] = observation_ids(records)
        facts["version"] = facts["doc_id"].map(versions)
        return facts

    def observations(self, indicator: str | None = None, region: str | None = None, since: date | None = None) -> pd.DataFrame:
        """The tidy series of the store's observations (see `observations.select_observations`)."""
        return select_observations(self.connection, indicator=indicator, region=region, since=since)


@dataclass
class Rounding:
    """How far a printed figure may be from its value: the hedge kinds and the hedge margin of the fact checks."""

    hedge_kinds: dict[str, str]
    margin: float

    @classmethod
    def from_dir(cls, lexicon_dir: Path) -> "Rounding":
        lexicon = FigureLexicon.from_dir(lexicon_dir)
        return cls(lexicon.hedge_kinds, CheckData.from_rows(lexicon.tables["fact_checks"]).hedge_margin)

    def bounds(self, fact: dict[str, Any]) -> tuple[float, float]:
        """The sizes the fact's printed number stands for (`$1.2bn`: 1.15bn to 1.25bn; `about` widens them)."""
        row = {key: (None if pd.isna(fact[key]) else fact[key]) for key in ("value", "low", "high", "text")}
        if row["value"] is None:
            return float("nan"), float("nan")
        return printed_bounds(row, self.hedge_kinds.get((fact["approx"] if isinstance(fact["approx"], str) else "").lower()), self.margin)


def observation_ids(facts: list[dict[str, Any]]) -> list[str | None]:
    """Each fact's observation: a hash of its indicator_id, region_id, period dates, kind and unit, where it has an
    indicator_id and period dates; a currency equivalent (`equals`) joins the observation of the figure it converts."""
    ids: list[str | None] = []
    by_figure: dict[tuple[Any, ...], str | None] = {}
    for fact in facts:
        if isinstance(fact["equals"], str):
            ids.append(by_figure.get((fact["doc_id"], fact["equals"], fact["equals_unit"])))
            continue
        key = [fact[name] for name in OBSERVATION_KEY]
        observable = isinstance(fact["indicator_id"], str) and not pd.isna(fact["period_start"]) and not pd.isna(fact["period_end"])
        found = hashlib.sha1("\x1f".join("" if pd.isna(part) else str(part) for part in key).encode()).hexdigest()[:16] if observable else None
        by_figure[(fact["doc_id"], fact["text"], fact["unit"])] = found
        ids.append(found)
    return ids


def read_table(out: Path, name: str, table_format: str, doc_ids: set[str] | None = None) -> pd.DataFrame:
    """A table of an output folder (a file, or a folder of part files), with only the rows of `doc_ids` if given."""
    path = out / f"{name}.{table_format}"
    if not path.exists():
        raise StoreError(f"{path}: no such table; the run wrote no results to add")
    if table_format == "parquet":
        return pd.read_parquet(path, filters=None if doc_ids is None else [("doc_id", "in", sorted(doc_ids) or [""])])
    parts = sorted(path.glob("part-*.csv")) if path.is_dir() else [path]
    table = pd.concat([pd.read_csv(part, dtype={"doc_id": "string", "content_hash": "string"}, keep_default_na=True) for part in parts], ignore_index=True)
    for column in ("period_start", "period_end", "compared_to_period_start", "compared_to_period_end"):
        if column in table:
            table[column] = pd.to_datetime(table[column], errors="coerce").dt.date
    return table if doc_ids is None else table[table["doc_id"].isin(doc_ids)]


def read_metas(path: Path, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The `meta` of the annotation records of `doc_ids`."""
    metas: dict[str, dict[str, Any]] = {}
    if not doc_ids:
        return metas
    with path.open(encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            if record["id"] in doc_ids:
                metas[record["id"]] = record.get("meta") or {}
    return metas


def outlet_of(meta: dict[str, Any], source: str | None) -> str | None:
    """Who published a document: `meta.outlet`, else the host of its address (`meta.url`, `meta.source` or the source),
    else the folder its file is in."""
    if isinstance(meta.get("outlet"), str) and meta["outlet"].strip():
        return meta["outlet"].strip()
    for address in (meta.get("url"), meta.get("source"), source):
        if isinstance(address, str) and (host := urlparse(address).hostname):
            return host.removeprefix("www.")
    if not source:
        return None
    path = Path(re.sub(r":\d+$", "", source))  # a JSONL record's source is `path:line`
    return path.parent.name or None


def published_of(meta: dict[str, Any]) -> date | None:
    """The publication date, `meta.date`, where it is an ISO date."""
    try:
        return date.fromisoformat(str(meta.get("date"))[:10])
    except ValueError:
        return None


def document_rows(docs: pd.DataFrame, metas: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """The store's rows of a run's processed documents."""
    rows = []
    for doc in docs.to_dict("records"):
        meta = metas.get(doc["doc_id"], {})
        source = doc["source"] if isinstance(doc["source"], str) else None
        rows.append({
            "doc_id": doc["doc_id"], "content_hash": doc["content_hash"], "source": source, "outlet": outlet_of(meta, source),
            "published": published_of(meta), "chars": doc["chars"], "meta": json.dumps(meta, ensure_ascii=False), "version": doc["version"],
        })
    return pd.DataFrame(rows, columns=[name for name in DOC_COLUMNS if name != "run_id"])


def run_row(result: StoredRun, out: Path, inputs: Iterable[Path | str], summary: Any, started: datetime | None) -> dict[str, Any]:
    """The `runs` row of a run."""
    counts = {name: getattr(summary, name, None) for name in ("processed", "skipped", "failed")}
    added = {key: value for key, value in asdict(result).items() if key not in ("run_id", "seconds")}
    return {
        "run_id": result.run_id, "started": started or datetime.now(), "finished": datetime.now(), "inputs": [str(path) for path in inputs],
        "out": str(out), "version": getattr(summary, "version", None), **counts, **added, "store_seconds": result.seconds,
    }
