"""The facts store (`run --store`): days of input into one DuckDB file, observations across outlets, one transaction
per run, one process at a time."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from run_helpers import PROJECT_DIR, cli

from pipeline.run.running import run_inputs
from pipeline.store import FactsStore

FIRST = {  # day 1: one outlet; its equivalent pair is one observation
    "id": "steppe-0410",
    "text": "Kazakhstan's industrial output grew 4.2% in January-March 2024, the statistics bureau reported. "
    "Budget revenue came to 5.2 trillion tenge ($11.6 billion) in the first quarter of 2024.",
    "meta": {"date": "2024-04-10", "outlet": "Steppe Wire"},
}
SAME_FIGURE = {  # day 2: another outlet, another phrase, the same figure
    "id": "caspian-0411",
    "text": "In Kazakhstan, the volume of industrial production increased by 4.2 percent in January-March 2024.",
    "meta": {"date": "2024-04-11", "url": "https://www.caspian-daily.example/economy/411"},
}
OTHER_FIGURE = {  # day 3: a third outlet disagrees
    "id": "herald-0412",
    "text": "Industrial production in Kazakhstan rose 3.1% in January-March 2024.",
    "meta": {"date": "2024-04-12", "outlet": "Almaty Herald"},
}
PRODUCTION = ("industrial_production", "Kazakhstan", date(2024, 1, 1), date(2024, 3, 31), "change", "%")


def write_day(folder: Path, *records: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return folder


def add_day(nlp, tmp_path: Path, store: Path, name: str, *records: dict):
    day = write_day(tmp_path / name, *records)
    summary = run_inputs([day], tmp_path / f"out-{name}", nlp=nlp)
    with FactsStore(store) as facts_store:
        return facts_store.add_run(tmp_path / f"out-{name}", inputs=[day], summary=summary)


def observation(store: Path, key: tuple) -> dict:
    with FactsStore(store, read_only=True) as facts_store:
        rows = facts_store.connection.execute(
            "SELECT * FROM observations WHERE indicator_id = ? AND region = ? AND period_start = ? AND period_end = ? AND kind = ? AND unit = ?",
            list(key),
        ).df()
    assert len(rows) == 1, rows
    return rows.iloc[0].to_dict()


def table(store: Path, query: str) -> pd.DataFrame:
    with FactsStore(store, read_only=True) as facts_store:
        return facts_store.connection.execute(query).df()


def test_days_of_input_make_one_observation_per_figure(nlp, tmp_path):
    store = tmp_path / "facts.duckdb"
    first = add_day(nlp, tmp_path, store, "day1", FIRST)
    assert (first.docs_added, first.docs_unchanged, first.facts_added) == (1, 0, 3)
    revenue = table(store, "SELECT * FROM observations WHERE indicator_id = 'budget_revenue'")
    assert len(revenue) == 1  # 5.2 trillion tenge and its dollar equivalent: one observation
    assert (revenue.loc[0, "unit"], revenue.loc[0, "value"], list(revenue.loc[0, "equivalents"])) == ("KZT", 5.2e12, ["$11.6 billion"])
    assert revenue.loc[0, "n_sources"] == 1 and len(revenue.loc[0, "fact_ids"]) == 2

    second = add_day(nlp, tmp_path, store, "day2", FIRST, SAME_FIGURE)  # day 1's document again, and another outlet
    assert (second.docs_added, second.docs_unchanged, second.docs_replaced, second.facts_added) == (1, 1, 0, 1)
    assert table(store, "SELECT doc_id, count(*) AS n FROM docs GROUP BY doc_id HAVING n > 1").empty
    assert table(store, "SELECT fact_id, count(*) AS n FROM facts GROUP BY fact_id HAVING n > 1").empty
    production = observation(store, PRODUCTION)
    assert production["n_sources"] == 2 and not production["conflict"]
    assert (production["value"], list(production["values"])) == (4.2, [4.2])
    assert list(production["outlets"]) == ["Steppe Wire", "caspian-daily.example"]  # meta.outlet, else the address's host
    assert list(production["doc_ids"]) == ["caspian-0411", "steppe-0410"]
    assert production["first_published"].date() == date(2024, 4, 10)

    third = add_day(nlp, tmp_path, store, "day3", OTHER_FIGURE)
    production = observation(store, PRODUCTION)
    assert production["n_sources"] == 3 and production["conflict"]
    assert (production["value"], list(production["values"])) == (4.2, [3.1, 4.2])  # the value most documents give; both stay visible
    runs = table(store, "SELECT run_id, docs_added, docs_unchanged, facts_added, processed FROM runs ORDER BY run_id")
    assert runs.values.tolist() == [[1, 1, 0, 3, 1], [2, 1, 1, 1, 2], [3, 1, 0, 1, 1]]
    assert third.run_id == 3


def test_one_place_in_two_spellings_is_one_observation(nlp, tmp_path):
    store = tmp_path / "facts.duckdb"
    other_spelling = {
        "id": "republic-0413",
        "text": "In the Republic of Kazakhstan, industrial production rose 4.2 percent in January-March 2024.",
        "meta": {"date": "2024-04-13", "outlet": "Republic Daily"},
    }
    add_day(nlp, tmp_path, store, "day1", FIRST, other_spelling)
    rows = table(store, "SELECT region_id, n_sources, region FROM observations WHERE indicator_id = 'industrial_production'")
    assert rows[["region_id", "n_sources"]].values.tolist() == [["KZ", 2]]


def test_rounding_is_no_conflict_and_a_changed_text_replaces_the_document(nlp, tmp_path):
    store = tmp_path / "facts.duckdb"
    add_day(nlp, tmp_path, store, "day1", FIRST)
    rounded = {**SAME_FIGURE, "text": SAME_FIGURE["text"].replace("4.2 percent", "4.24 percent")}  # 4.24 rounds to 4.2
    add_day(nlp, tmp_path, store, "day2", rounded)
    production = observation(store, PRODUCTION)
    assert not production["conflict"] and list(production["values"]) == [4.2, 4.24]
    corrected = {**rounded, "text": rounded["text"].replace("4.24 percent", "3.5 percent")}  # the outlet corrects its story
    result = add_day(nlp, tmp_path, store, "day3", corrected)
    assert (result.docs_added, result.docs_replaced) == (0, 1)
    production = observation(store, PRODUCTION)
    assert production["conflict"] and list(production["values"]) == [3.5, 4.2] and production["n_sources"] == 2
    assert len(table(store, "SELECT * FROM facts WHERE doc_id = 'caspian-0411'")) == 1


def test_a_changed_pipeline_version_is_recorded_per_fact(nlp, tmp_path):
    store = tmp_path / "facts.duckdb"
    add_day(nlp, tmp_path, store, "day1", FIRST)
    day = write_day(tmp_path / "day2", FIRST, SAME_FIGURE)
    out = tmp_path / "out-day2"
    run_inputs([day], out, nlp=nlp)
    docs = pd.read_parquet(out / "docs.parquet")
    docs["version"] = "9.9.9+newrules"  # as if another release made this folder
    docs.to_parquet(out / "docs.parquet", index=False)
    with FactsStore(store) as facts_store:
        facts_store.add_run(out)
    versions = table(store, "SELECT doc_id, any_value(version) AS version FROM facts GROUP BY doc_id ORDER BY doc_id")
    assert versions["version"].tolist()[0] == "9.9.9+newrules"  # caspian-0411, added by the new version
    assert versions["version"].tolist()[1] != "9.9.9+newrules"  # steppe-0410 stays as its first version made it


KILLED_RUN = """
import sys, time
import pipeline.store.store as store
from pipeline.cli import main

def hang(connection, touched):  # inside add_run's transaction: its rows are inserted, the commit has not come
    print("in transaction", flush=True)
    time.sleep(600)

store.refresh_observations = hang
sys.argv = ["pipeline", *sys.argv[1:]]
main()
"""


def test_a_killed_run_leaves_the_store_as_it_was_and_a_second_process_is_refused(tmp_path):
    store = tmp_path / "facts.duckdb"
    day1, day2 = write_day(tmp_path / "day1", FIRST), write_day(tmp_path / "day2", FIRST, SAME_FIGURE)
    assert cli("run", str(day1), "--out", str(tmp_path / "out1"), "--store", str(store), cwd=PROJECT_DIR).returncode == 0
    before = {name: table(store, f"SELECT * FROM {name} ORDER BY ALL") for name in ("docs", "facts", "observations")}
    killed = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_RUN), "run", str(day2), "--out", str(tmp_path / "out2"), "--store", str(store)],
        cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert killed.stdout.readline().strip() == "in transaction", killed.stderr.read()
        for args in (("observations", "--store", str(store)), ("run", str(day2), "--out", str(tmp_path / "out3"), "--store", str(store))):
            refused = cli(*args, cwd=PROJECT_DIR)
            assert refused.returncode == 2, refused.stderr
            assert f"error: {store} is in use by another process (pid {killed.pid})" in refused.stderr
            assert "Traceback" not in refused.stderr
    finally:
        os.kill(killed.pid, signal.SIGKILL)
        killed.communicate()
    assert killed.returncode == -signal.SIGKILL
    for name, rows in before.items():
        pd.testing.assert_frame_equal(table(store, f"SELECT * FROM {name} ORDER BY ALL"), rows)
    assert table(store, "SELECT count(*) AS n FROM runs")["n"].tolist() == [1]

    again = cli("run", str(day2), "--out", str(tmp_path / "out2"), "--store", str(store), cwd=PROJECT_DIR)  # the store still works
    assert again.returncode == 0 and "store: 1 documents added, 1 already there" in again.stderr
    series = cli("observations", "--store", str(store), "--indicator", "industrial_production", "--format", "csv", cwd=PROJECT_DIR)
    rows = pd.read_csv(io.StringIO(series.stdout))
    assert rows[["region", "period_start", "value", "unit", "n_sources", "conflict"]].values.tolist() == [["Kazakhstan", "2024-01-01", 4.2, "%", 2, False]]


@pytest.mark.parametrize("table_format", ["csv", "parquet"])
def test_the_store_reads_either_table_format(nlp, tmp_path, table_format):
    day = write_day(tmp_path / "day1", FIRST, SAME_FIGURE)
    run_inputs([day], tmp_path / "out", nlp=nlp, table_format=table_format)
    with FactsStore(tmp_path / "facts.duckdb") as facts_store:
        facts_store.add_run(tmp_path / "out", table_format)
        series = facts_store.observations(indicator="industrial_production", since=date(2024, 1, 1))
    assert series[["region", "value", "n_sources", "conflict"]].values.tolist() == [["Kazakhstan", 4.2, 2, False]]
