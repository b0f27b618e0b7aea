"""The tables of the two seed articles: columns and dtypes, a Parquet round trip, chosen fact
rows, and the seeds' gold relations as a regression guard (the issue's quality bars)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from components.schema import CheckedFact, Figure, Relation, SpanRef
from pipeline.run.annotate import annotate
from pipeline.run.export import ENTITY_COLUMNS, FACT_COLUMNS, RELATION_COLUMNS
from pipeline.run.reading import read_documents

PROJECT_DIR = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_DIR / "seeds"
SEED_IPI = "000_7004adba4835f820"
COLUMNS = {"entities": ENTITY_COLUMNS, "facts": FACT_COLUMNS, "relations": RELATION_COLUMNS}


@pytest.fixture(scope="module")
def seed_docs(nlp) -> list:
    return list(annotate(nlp, read_documents([SEEDS])))


@pytest.fixture(scope="module")
def tables(seed_docs) -> dict[str, pd.DataFrame]:
    return pipeline.to_frames(seed_docs)


def fact(tables: dict[str, pd.DataFrame], surface: str, doc_id: str = SEED_IPI) -> pd.Series:
    facts = tables["facts"]
    rows = facts[(facts["doc_id"] == doc_id) & (facts["text"] == surface)]
    assert len(rows) == 1, f"{surface!r} in {doc_id}: {len(rows)} rows"
    return rows.iloc[0]


def as_date(value) -> date | None:
    """A date cell as a date: `datetime.date`, or `datetime64`/Timestamp after a round trip."""
    if value is None or value is pd.NaT or (not isinstance(value, (date, datetime)) and pd.isna(value)):
        return None
    return value.date() if isinstance(value, datetime) else value


@pytest.mark.parametrize("name", ["entities", "facts", "relations"])
def test_tables_have_exactly_the_columns_in_order(tables, name):
    assert list(tables[name].columns) == list(COLUMNS[name])
    assert len(tables[name]) > 0


@pytest.mark.parametrize("extension,schema", [("figures", Figure), ("facts", CheckedFact), ("relations", Relation)])
def test_doc_values_have_the_schema_keys_in_order(seed_docs, extension, schema):
    values = [value for doc in seed_docs for value in getattr(doc._, extension)]
    assert len(values) > 30
    for value in values:
        assert list(value) == list(schema.__annotations__)
        if schema is Relation:
            assert list(value["head"]) == list(value["child"]) == list(SpanRef.__annotations__)


@pytest.mark.parametrize("name", ["entities", "facts", "relations"])
def test_column_dtypes(tables, name):
    table = tables[name]
    for column, dtype in COLUMNS[name].items():
        series = table[column]
        if dtype == "date":
            assert series.dtype == object, column
            assert all(value is None or type(value) is date for value in series), column
        elif dtype == "string":
            assert isinstance(series.dtype, pd.StringDtype), (column, series.dtype)
        else:
            assert series.dtype == dtype, (column, series.dtype)


def test_one_fact_row_per_figure(tables):
    figures = tables["entities"][tables["entities"]["label"].isin(["MONEY", "PERCENT"])]
    assert len(tables["facts"]) == len(figures) == 39
    assert sorted(zip(tables["facts"]["doc_id"], tables["facts"]["start"])) == sorted(zip(figures["doc_id"], figures["start"]))


@pytest.mark.parametrize("name", ["entities", "facts", "relations"])
def test_parquet_round_trip(tables, name, tmp_path):
    pytest.importorskip("pyarrow")
    table = tables[name]
    path = tmp_path / f"{name}.parquet"
    table.to_parquet(path, index=False, engine="pyarrow")
    back = pd.read_parquet(path, engine="pyarrow")
    assert list(back.columns) == list(table.columns)
    assert len(back) == len(table)
    for column, dtype in COLUMNS[name].items():
        if dtype == "date":
            assert [as_date(v) for v in back[column]] == [as_date(v) for v in table[column]], column
        elif dtype == "float64":
            pd.testing.assert_series_equal(back[column], table[column], check_names=False)
        else:
            assert back[column].astype(object).where(back[column].notna(), None).tolist() == \
                table[column].astype(object).where(table[column].notna(), None).tolist(), column


def test_parquet_keeps_the_dates(tables, tmp_path):
    path = tmp_path / "facts.parquet"
    tables["facts"].to_parquet(path, index=False, engine="pyarrow")
    back = pd.read_parquet(path, engine="pyarrow")
    row = back[(back["doc_id"] == SEED_IPI) & (back["text"] == "7.5 trillion tenge")].iloc[0]
    assert (as_date(row["period_start"]), as_date(row["period_end"])) == (date(2024, 1, 1), date(2024, 2, 29))
    assert row["value"] == 7.5e12


def test_fact_7_5_trillion_tenge(tables):
    row = fact(tables, "7.5 trillion tenge")
    assert row["value"] == pytest.approx(7.5e12)
    assert row["unit"] == "KZT" and not row["unit_assumed"]
    assert row["indicator"] == "volume of industrial production"
    assert row["period"] == "January through February 2024"
    assert row["period_start"] == date(2024, 1, 1)
    assert row["period_end"] == date(2024, 2, 29)
    assert row["region"] == "Kazakhstan"
    assert row["kind"] == "level"
    assert pd.isna(row["equals"]) and pd.isna(row["compared_to"])


def test_fact_16_6_billion_equals_the_tenge_figure(tables):
    row = fact(tables, "16.6 billion")
    assert row["unit"] == "USD" and row["unit_assumed"]  # a bare amount in brackets after a tenge figure
    assert row["value"] == pytest.approx(16.6e9)
    assert row["equals"] == "7.5 trillion tenge"
    assert row["equals_value"] == pytest.approx(7.5e12)
    assert row["equals_unit"] == "KZT"
    assert (row["indicator"], row["period"], row["region"]) == (
        "volume of industrial production", "January through February 2024", "Kazakhstan")


def test_fact_4_3_percent_compared_to_2022(tables):
    row = fact(tables, "4.3 percent")
    assert row["unit"] == "%"
    assert row["compared_to"] == "2022"
    assert row["kind"] == "change"
    assert row["direction"] == "up"
    assert row["period"] == "January through December 2023"
    assert (row["compared_to_period_start"], row["compared_to_period_end"]) == (date(2022, 1, 1), date(2022, 12, 31))


def test_fact_change_against_bracketed_figure(tables):
    row = fact(tables, "30 percent", doc_id="004_03ae42dea88061ec")
    assert row["compared_to"] == "$24.2 billion"
    assert row["compared_to_value"] == pytest.approx(24.2e9)
    assert row["indicator"] == "volume of trade turnover"


def test_relation_rows_name_both_ends(tables):
    relations = tables["relations"]
    equals = relations[(relations["doc_id"] == SEED_IPI) & (relations["label"] == "EQUALS")]
    assert ("16.6 billion", "7.5 trillion tenge") in set(zip(equals["head_text"], equals["child_text"]))
    indicator = relations[(relations["head_text"] == "7.5 trillion tenge") & (relations["label"] == "INDICATOR")]
    assert indicator["child_text"].tolist() == ["volume of industrial production"]
    assert indicator["child_label"].tolist() == ["INDICATOR"]


def test_fact_level_after_a_share_is_a_level(tables):
    row = fact(tables, "3.23 trillion tenge")
    assert (row["kind"], row["indicator"]) == ("level", "production")
