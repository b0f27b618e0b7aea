"""`--engine dask`: the same tables as a local run, from a local cluster of two workers, written as
partitioned Parquet datasets, and the same facts store; a rerun redoes nothing; a worker with another pipeline version
refuses work."""
from __future__ import annotations

import pandas as pd
import pytest
from run_helpers import TABLES, cli, write_corpus

from pipeline.run.engines import EngineError
from pipeline.run.engines.dask import DaskEngine
from pipeline.run.reading import Document
from pipeline.store import FactsStore

DASK_RUN = ("run", "in", "--out", "dask", "--engine", "dask", "--workers", "2", "--batch-size", "3", "--partition-docs", "8", "--store", "dask.duckdb")


def sorted_table(table: pd.DataFrame) -> pd.DataFrame:
    """The rows in an order of their own, so that two tables compare whatever order they were written in."""
    return table.sort_values(list(table.columns), kind="stable", na_position="first").reset_index(drop=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("engines")
    write_corpus(folder / "in")
    local = cli("run", "in", "--out", "local", "--batch-size", "5", "--store", "local.duckdb", cwd=folder)
    dask = cli(*DASK_RUN, cwd=folder)
    return folder, local, dask


def test_a_dask_run_gives_the_tables_of_a_local_run(runs):
    folder, local, dask = runs
    assert local.returncode == dask.returncode == 1, dask.stderr  # the broken line fails in both
    assert "32 documents: 30 processed, 1 skipped, 1 failed" in dask.stderr
    for name in TABLES:
        got, expected = pd.read_parquet(folder / "dask" / f"{name}.parquet"), pd.read_parquet(folder / "local" / f"{name}.parquet")
        assert len(got) == len(expected) > 0
        pd.testing.assert_frame_equal(sorted_table(got), sorted_table(expected))
    annotations = {name: sorted((folder / name / "annotations.jsonl").read_text(encoding="utf-8").splitlines()) for name in ("dask", "local")}
    assert annotations["dask"] == annotations["local"]


def test_a_dask_run_writes_each_table_as_a_partitioned_dataset(runs):
    folder, _, _ = runs
    for name in TABLES:
        parts = sorted(path.name for path in (folder / "dask" / f"{name}.parquet").iterdir())
        assert parts == [f"part-{number:05d}.parquet" for number in range(4)]  # 32 documents, 8 a part
    docs = pd.read_parquet(folder / "dask" / "docs.parquet" / "part-00003.parquet")
    assert len(docs) == 8


def test_the_dask_engine_writes_the_same_store_from_the_driver(runs):
    folder, _, dask = runs
    assert "store: 30 documents added, 0 already there, 0 replaced" in dask.stderr
    stored = {}
    for name in ("local", "dask"):
        with FactsStore(folder / f"{name}.duckdb", read_only=True) as store:
            queries = {table: f"SELECT * EXCLUDE (run_id) FROM {table}" for table in ("docs", "facts")} | {"observations": "SELECT * FROM observations"}
            stored[name] = {table: store.connection.execute(f"{query} ORDER BY ALL").df() for table, query in queries.items()}
    for table in ("docs", "facts", "observations"):
        assert len(stored["dask"][table]) > 0
        pd.testing.assert_frame_equal(stored["dask"][table], stored["local"][table])


def test_a_second_dask_run_redoes_nothing_and_duplicates_nothing(runs):
    folder, _, _ = runs
    before = {name: pd.read_parquet(folder / "dask" / f"{name}.parquet") for name in TABLES}
    again = cli(*DASK_RUN, cwd=folder)
    assert "32 documents: 30 processed (30 already done), 1 skipped, 1 failed" in again.stderr
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(folder / "dask" / f"{name}.parquet"), before[name])
    facts = before["facts"]
    assert not facts.duplicated(["doc_id", "start", "end"]).any()


def test_workers_load_the_pipeline_once_and_refuse_another_version():
    engine = DaskEngine(workers=1)
    try:
        document = Document(id="kz", text="Kazakhstan's exports rose 12 percent to $3.1 billion in 2023.", meta={})
        version = engine.client.run(lambda dask_worker: dask_worker.plugins["econ-facts-pipeline"].version)
        (worker_version,) = version.values()
        loaded = engine.client.run(lambda dask_worker: id(dask_worker.plugins["econ-facts-pipeline"].nlp))
        batch = engine.submit([document], worker_version)()
        assert [outcome.doc["status"] for outcome in batch.outcomes] == ["processed"]
        assert [(row["text"], row["value"]) for row in batch.tables["facts"].to_pylist()] == [("12 percent", 12.0), ("$3.1 billion", 3.1e9)]
        assert engine.client.run(lambda dask_worker: id(dask_worker.plugins["econ-facts-pipeline"].nlp)) == loaded
        with pytest.raises(EngineError, match="has pipeline version .* the run 0.0.1"):
            engine.submit([document], "0.0.1+00000000")()
    finally:
        engine.close()


def test_an_unknown_engine_option_mix_is_one_clear_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Exports rose 5 percent.", encoding="utf-8")
    result = cli("run", "in", "--out", "out", "--workers", "2", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr == "error: --scheduler and --workers are options of --engine dask\n"
