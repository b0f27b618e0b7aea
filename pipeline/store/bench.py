"""`python -m pipeline bench --store-docs N`: the facts store's insert throughput and the time of an incremental day.

A day of `day_docs` new documents (perturbed copies of the bundled articles, as `bench` makes them) is run into an
output folder with the pipeline loaded; its real rows are the model of a store of `store_docs` earlier documents:
copies with ids of their own, values scaled a little and periods moved back a year per copy (up to 20 years), added
as runs of 10,000 documents through `FactsStore.add_run`, which times the insert (facts per second). Then the day's
folder is added to that store, as `run --store` adds it. It prints; it asserts nothing.
"""
from __future__ import annotations

import json
import random
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..loading import load
from ..run.bench import perturbed
from ..run.running import run_inputs
from .store import FactsStore

BASE_RUN_DOCS = 10_000  # synthetic documents per run that builds the store
YEARS_BACK = 20


@dataclass
class StoreMeasure:
    """What the store benchmark measured."""

    store_docs: int
    store_facts: int
    insert_seconds: float
    observations: int
    day_docs: int
    day_facts: int
    day_seconds: float  # running the day's documents (pipeline loaded)
    day_store_seconds: float  # adding them to the store

    def lines(self) -> list[str]:
        share = self.day_store_seconds / (self.day_seconds + self.day_store_seconds)
        return [
            f"store insert: {self.store_docs:,} documents, {self.store_facts:,} facts in {self.insert_seconds:.1f} s: "
            f"{self.store_facts / self.insert_seconds:,.0f} facts/s ({self.store_docs / self.insert_seconds:,.0f} documents/s); "
            f"{self.observations:,} observations",
            f"store, an incremental day: {self.day_docs:,} new documents run in {self.day_seconds:.1f} s, then added "
            f"({self.day_facts:,} facts) to the store of {self.store_docs:,} in {self.day_store_seconds:.2f} s: "
            f"the store is {share:.1%} of the day",
        ]


def store_bench(texts: list[str], store_docs: int = 50_000, day_docs: int = 1_000, seed: int = 0) -> StoreMeasure:
    """Build a store of `store_docs` synthetic documents, then add a real day of `day_docs` to it; see the module docstring."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="econ-facts-store-bench-") as temporary:
        folder = Path(temporary)
        records = folder / "day.jsonl"
        with records.open("w", encoding="utf-8") as file:
            for index in range(day_docs):
                meta = {"date": "2024-07-15", "outlet": f"outlet {index % 23}"}
                file.write(json.dumps({"id": f"day-{index:05d}", "text": perturbed(texts[index % len(texts)], rng), "meta": meta}) + "\n")
        nlp = load()
        started = time.perf_counter()
        run_inputs([records], folder / "day", nlp=nlp)
        day_seconds = time.perf_counter() - started
        day = {name: pd.read_parquet(folder / "day" / f"{name}.parquet") for name in ("docs", "facts")}
        with FactsStore(folder / "facts.duckdb") as store:
            insert_seconds = 0.0
            for first in range(0, store_docs, BASE_RUN_DOCS):
                out = synthetic_run(folder / f"base-{first}", day, range(first, min(first + BASE_RUN_DOCS, store_docs)), rng)
                insert_seconds += store.add_run(out).seconds
            counts = store.counts()
            added = store.add_run(folder / "day")
    return StoreMeasure(store_docs, counts["facts"], insert_seconds, counts["observations"], day_docs, added.facts_added, day_seconds, added.seconds)


def synthetic_run(out: Path, day: dict[str, pd.DataFrame], numbers: Iterable[int], rng: random.Random) -> Path:
    """An output folder of synthetic documents: copy `n` of the day's document `n % len(docs)` for each of `numbers`,
    with its own id, values scaled by up to 5% and periods moved back `n // len(docs) % YEARS_BACK` years."""
    docs, facts = day["docs"], day["facts"]
    by_doc = dict(tuple(facts.groupby("doc_id", sort=False)))
    doc_rows, fact_tables, metas = [], [], []
    for number in numbers:
        doc = docs.iloc[number % len(docs)]
        doc_id, years = f"base-{number:06d}", number // len(docs) % YEARS_BACK
        doc_rows.append({**doc.to_dict(), "doc_id": doc_id, "content_hash": f"{number:016x}"})
        metas.append(json.dumps({"id": doc_id, "meta": {"date": f"{2024 - years}-07-15", "outlet": f"outlet {number % 23}"}}))
        rows = by_doc.get(doc["doc_id"])
        if rows is not None:
            rows = rows.assign(doc_id=doc_id, value=rows["value"] * (1 + rng.uniform(-0.05, 0.05)))
            for column in ("period_start", "period_end"):
                rows[column] = rows[column].map(lambda day: moved_back(day, years))
            fact_tables.append(rows)
    out.mkdir()
    pd.DataFrame(doc_rows).to_parquet(out / "docs.parquet", index=False)
    pd.concat(fact_tables, ignore_index=True).to_parquet(out / "facts.parquet", index=False)
    (out / "annotations.jsonl").write_text("\n".join(metas) + "\n", encoding="utf-8")
    return out


def moved_back(day: date | None, years: int) -> date | None:
    """A date `years` earlier (29 February becomes the 28th)."""
    if day is None or pd.isna(day):
        return None
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day)
