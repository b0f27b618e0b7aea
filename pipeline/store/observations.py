"""Observations: the facts that report one figure, whoever reported it, as one row.

Facts with the same `indicator_id`, `region_id`, period dates, kind and unit are one observation (a fact needs an
`indicator_id` and period dates to be one); a currency equivalent (`7.5 trillion tenge ($16.6 billion)`) joins the
observation of the figure it converts and is listed among its `equivalents`. An observation keeps the value most of
its documents give (the first published on a tie), every value given (`values`), `n_sources` (the documents that
report it), their outlets, documents and facts, and the first publication date. It is a `conflict` where two
documents give values that differ by more than the rounding of their printed numbers allows (`$1.2bn` is 1.15bn to
1.25bn, a hedge widens it), or changes that go different ways. Two values in one document are shown in `values` but
are no conflict: they are most often two figures the key does not tell apart (exports in all and to one partner).
"""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

OBSERVATION_KEY = ("indicator_id", "region_id", "period_start", "period_end", "kind", "unit")
OBSERVATION_COLUMNS = {
    "observation_id": "VARCHAR", "indicator_id": "VARCHAR", "region_id": "VARCHAR", "region": "VARCHAR", "period_start": "DATE", "period_end": "DATE",
    "kind": "VARCHAR", "unit": "VARCHAR", "period": "VARCHAR", "indicator": "VARCHAR", "value": "DOUBLE", "values": "DOUBLE[]",
    "conflict": "BOOLEAN", "n_sources": "BIGINT", "outlets": "VARCHAR[]", "doc_ids": "VARCHAR[]", "fact_ids": "VARCHAR[]",
    "equivalents": "VARCHAR[]", "first_published": "DATE",
}
SERIES_COLUMNS = [
    "indicator_id", "region_id", "region", "period_start", "period_end", "period", "kind", "value", "unit", "n_sources", "outlets", "conflict", "values",
]

PRIMARY = "FILTER (WHERE equals IS NULL)"  # the figures themselves, not their currency equivalents
BUILD = f"""
INSERT INTO observations
WITH reported AS (
    SELECT f.*, d.outlet, d.published FROM facts f JOIN docs d USING (doc_id) WHERE f.observation_id IN (SELECT observation_id FROM touched)
),
votes AS (
    SELECT observation_id, value, count(DISTINCT doc_id) AS documents, min(published) AS first
    FROM reported WHERE equals IS NULL AND value IS NOT NULL GROUP BY observation_id, value
),
figures AS (SELECT * FROM reported WHERE equals IS NULL AND value IS NOT NULL),
per_document AS (  -- the narrowest bounds each document's values leave, and the ways its changes go
    SELECT observation_id, doc_id, max(bound_low) AS low, min(bound_high) AS high,
        bool_or(direction = 'up') AS up, bool_or(direction = 'down') AS down
    FROM figures GROUP BY observation_id, doc_id
),
lowest AS (SELECT observation_id, min(high) AS high, arg_min(doc_id, high) AS doc_id FROM per_document GROUP BY observation_id),
next_lowest AS (
    SELECT p.observation_id, min(p.high) AS high FROM per_document p JOIN lowest l ON p.observation_id = l.observation_id AND p.doc_id <> l.doc_id
    GROUP BY p.observation_id
),
directions AS (
    SELECT observation_id, count(*) FILTER (WHERE up) AS ups, count(*) FILTER (WHERE down) AS downs,
        any_value(doc_id) FILTER (WHERE up) AS up_doc, any_value(doc_id) FILTER (WHERE down) AS down_doc
    FROM per_document GROUP BY observation_id
),
disagreements AS (  -- a value of one document above the bounds of another's (linear: against the lowest bound of the others)
    SELECT DISTINCT p.observation_id FROM per_document p JOIN lowest l USING (observation_id) LEFT JOIN next_lowest n USING (observation_id)
    WHERE p.low > CASE WHEN p.doc_id = l.doc_id THEN n.high ELSE l.high END
    UNION
    SELECT observation_id FROM directions WHERE ups > 0 AND downs > 0 AND NOT (ups = 1 AND downs = 1 AND up_doc = down_doc)
),
chosen AS (
    SELECT observation_id, value FROM votes
    QUALIFY row_number() OVER (PARTITION BY observation_id ORDER BY documents DESC, first ASC NULLS LAST, value) = 1
),
grouped AS (
    SELECT
        observation_id,
        any_value(indicator_id) {PRIMARY} AS indicator_id,
        any_value(region_id) {PRIMARY} AS region_id,
        mode(region) {PRIMARY} AS region,
        any_value(period_start) {PRIMARY} AS period_start,
        any_value(period_end) {PRIMARY} AS period_end,
        any_value(kind) {PRIMARY} AS kind,
        any_value(unit) {PRIMARY} AS unit,
        mode(period) {PRIMARY} AS period,
        mode(indicator) {PRIMARY} AS indicator,
        list_sort(list_distinct(list(value) FILTER (WHERE equals IS NULL AND value IS NOT NULL))) AS "values",
        observation_id IN (SELECT observation_id FROM disagreements) AS conflict,
        count(DISTINCT doc_id) AS n_sources,
        list_sort(list_distinct(list(outlet) FILTER (WHERE outlet IS NOT NULL))) AS outlets,
        list_sort(list_distinct(list(doc_id))) AS doc_ids,
        list_sort(list(fact_id)) AS fact_ids,
        list_sort(list_distinct(list(text) FILTER (WHERE equals IS NOT NULL))) AS equivalents,
        min(published) AS first_published
    FROM reported GROUP BY observation_id
)
SELECT {", ".join(f'g."{name}"' if name != "value" else "c.value" for name in OBSERVATION_COLUMNS)}
FROM grouped g LEFT JOIN chosen c USING (observation_id)
"""


def refresh_observations(connection: duckdb.DuckDBPyConnection, touched: set[str]) -> int:
    """Build the observations `touched` again from their facts (in the caller's transaction); returns how many there are now."""
    if not touched:
        return 0
    connection.register("touched", pd.DataFrame({"observation_id": sorted(touched)}))
    try:
        connection.execute("DELETE FROM observations WHERE observation_id IN (SELECT observation_id FROM touched)")
        connection.execute(BUILD)
        return connection.execute("SELECT count(*) FROM observations WHERE observation_id IN (SELECT observation_id FROM touched)").fetchall()[0][0]
    finally:
        connection.unregister("touched")


def select_observations(
    connection: duckdb.DuckDBPyConnection, *, indicator: str | None = None, region: str | None = None, since: date | None = None
) -> pd.DataFrame:
    """The tidy series, one row per observation in order of indicator, region and period: `SERIES_COLUMNS`. `indicator`
    keeps one indicator_id, `region` one region (as written in any case, or its region_id), `since` the periods that start on or after it."""
    conditions, parameters = [], []
    if indicator:
        conditions.append("indicator_id = ?")
        parameters.append(indicator)
    if region:
        conditions.append("(lower(region) = lower(?) OR lower(region_id) = lower(?))")
        parameters += [region, region]
    if since:
        conditions.append("period_start >= ?")
        parameters.append(since)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    columns = ", ".join(f'"{name}"' for name in SERIES_COLUMNS)
    query = f"SELECT {columns} FROM observations {where} ORDER BY indicator_id, region_id NULLS FIRST, period_start, period_end, kind, unit"
    return connection.execute(query, parameters).df()
