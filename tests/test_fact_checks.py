"""Checks that flag doubtful facts: the `flags` of each fact, on sentences of our own.

Each case gives a text (with a publication date or none) and the flags of the figures that fail a
check; every other figure of the text must pass them all (`""`). The near misses are cases too:
rounding, lakh grouping, forecasts, ratios to GDP, two wholes, one EQUALS pair, different years.
The last tests run `python -m pipeline run` on a JSONL file and read `facts.parquet` and the summary.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from components.fact_checks import CHECKS, FactChecks
from pipeline.run.annotate import annotate
from pipeline.run.reading import Document

PUBLISHED = "2024-03-01"


def case(case_id: str, text: str, flagged: dict[str, str], date: str | None = PUBLISHED):
    """In `text` (published on `date`), the figures of `flagged` have those flags and every other figure none."""
    return pytest.param(text, date, flagged, id=case_id)


IMPLAUSIBLE = "implausible_value"
CHANGE = "change_inconsistent"
SHARES = "shares_exceed_total"
RATE = "equals_rate_outlier"
FUTURE = "period_after_publication"

CASES = [
    # --- implausible_value: beyond any economy's scale, or a number that does not read cleanly ---
    case("power-glued-before-the-number", "Exports reached 10^400 dollars in 2023.", {"400 dollars": IMPLAUSIBLE}),
    case("scientific-notation-glued", "Imports hit 4x10^9 dollars in 2023.", {"9 dollars": IMPLAUSIBLE}),
    case("irregular-digit-groups", "Grain sales were $1,234,5678,901,234,567 in 2023.",
         {"$1,234,5678,901,234,567": IMPLAUSIBLE}),
    case("groups-of-two-in-dollars", "Customs duties came to $45,12,300 in 2023.", {"$45,12,300": IMPLAUSIBLE}),
    case("percent-beyond-ten-thousand", "Bread prices soared 10000000000000000000000% in May.",
         {"10000000000000000000000%": IMPLAUSIBLE}),
    case("money-beyond-any-economy", "The sovereign fund said its assets reached $3 quadrillion in 2023.",
         {"$3 quadrillion": IMPLAUSIBLE}),
    case("multiple-beyond-its-maximum", "Honey exports to Peru rose 2,500 times in 2023.", {"2,500 times": IMPLAUSIBLE}),
    case("two-checks-in-order", "Bread prices rose 12,000% in 2026.", {"12,000%": f"{IMPLAUSIBLE};{FUTURE}"}),
    # near misses
    case("lakh-grouping-with-crore", "Tax revenue was Rs 12,34,567 crore in 2023.", {}),
    case("lakh-grouping-in-rupees", "The ministry released 4,52,300 rupees to each district in 2023.", {}),
    case("decimal-comma", "Retail sales rose 2,5% in January.", {}),
    case("ten-thousand-percent-is-the-limit", "Onion prices rose 10,000% in 2023.", {}),
    case("a-weak-currency-scaled", "Vietnam's GDP reached 10,000 trillion dong in 2023.", {}),
    case("rials-scaled", "The budget plans 40,000 trillion rials of spending for 2024.", {}),
    case("a-large-multiple", "Solar panel imports rose 25 times in 2023.", {}),
    # --- change_inconsistent: the levels imply another change than the one stated ---
    case("rise-to-from", "Exports rose 10% to $120m from $100m.", {"10%": CHANGE}),
    case("level-first-then-change", "Exports reached $120m in 2023, up 10% from $100m in 2022.", {"10%": CHANGE}),
    case("from-to-then-change", "Imports rose from $100m to $120m, an increase of 10%.", {"10%": CHANGE}),
    case("fall-too-large", "Tourism receipts fell 20% to $90m from $100m.", {"20%": CHANGE}),
    case("change-in-money", "Spending rose by $30m to $120m from $100m.", {"$30m": CHANGE}),
    case("multiple", "Remittances doubled to $300m from $100m.", {"doubled": CHANGE}),
    case("points", "Unemployment rose 1 percentage point to 8% from 5%.", {"1 percentage point": CHANGE}),
    case("an-approximate-change", "Exports rose nearly 10% to $120m from $100m.", {"10%": CHANGE}),
    # near misses
    case("within-rounding", "Gold exports climbed 9.1% to $1.2bn from $1.1bn.", {}),
    case("a-consistent-fall", "Tourism receipts fell 10% to $90m from $100m.", {}),
    case("more-than-leaves-it-open", "Exports rose more than 10% to $120m from $100m.", {}),
    case("a-consistent-multiple", "Remittances tripled to $300m from $100m.", {}),
    case("points-within-rounding", "Unemployment rose 2 percentage points to 8% from 5%.", {}),
    case("another-indicator-reached", "Revenue rose 10% from $100m, while profit reached $20m.", {}),
    case("another-change-between", "Sales rose 60.8% from $6.4bn, as well as by 74.4% from $5.9bn a year earlier.", {}),
    # --- shares_exceed_total: shares of one whole adding up to over 100% ---
    case("a-list-of-shares", "Oil accounted for 54% of exports, gas for 30% and metals 25%.",
         {"54%": SHARES, "30%": SHARES, "25%": SHARES}),
    case("partners-heading-a-list", "China accounted for 40% of imports, Russia for 35% and Turkey for 30%.",
         {"40%": SHARES, "35%": SHARES, "30%": SHARES}),
    case("made-up-of-total", "Cotton made up 54% of total exports, while wheat accounted for 30% and fruit for 25%.",
         {"54%": SHARES, "30%": SHARES, "25%": SHARES}),
    case("the-whole-in-a-share-of-indicator", "Germany's share of imports was 40%, France's 35% and Italy's 30%.",
         {"40%": SHARES, "35%": SHARES, "30%": SHARES}),
    case("the-whole-opening-the-sentence", "Of total exports, cotton accounted for 60%, wheat 30% and fruit 20%.",
         {"60%": SHARES, "30%": SHARES, "20%": SHARES}),
    case("a-period-after-the-whole", "Oil accounted for 60 percent of Kazakhstan's exports in 2023, while metals accounted "
         "for 45 percent.", {"60 percent": SHARES, "45 percent": SHARES}),
    case("two-sentences-one-paragraph", "Oil accounted for 60% of exports in 2023. Gas accounted for 45% of exports in 2023.",
         {"60%": SHARES, "45%": SHARES}),
    # near misses
    case("shares-within-rounding", "Oil accounted for 50.4% of exports, gas 30.3% and metals 19.4%.", {}),
    case("ratios-to-gdp", "The deficit reached 5% of GDP, while public debt accounted for 98% of GDP.", {}),
    case("two-wholes", "Oil accounted for 54% of exports and machinery for 60% of imports.", {}),
    case("a-part-of-the-share-before", "Asia accounted for 60% of trade, with China alone at 45%.", {}),
    case("a-base-is-no-share", "Oil accounted for 54% of exports, up from 50% a year earlier.", {}),
    case("two-economies", "In Kazakhstan, oil accounted for 54% of exports, while in Uzbekistan gold accounted for 60% of exports.", {}),
    case("two-years-in-one-sentence", "Oil accounted for 54% of exports in 2022 and 60% of exports in 2023.", {}),
    case("two-paragraphs", "Oil accounted for 60% of exports.\nGas accounted for 45% of exports.", {}),
    # --- equals_rate_outlier: an exchange rate far from the article's others ---
    case("one-rate-off", "Exports were 470 billion tenge ($1 billion), imports 235 billion tenge ($500 million) "
         "and reserves 94 billion tenge ($2 billion).", {"$2 billion": RATE}),
    case("two-pairs-disagree", "Exports were 5.1 billion yen ($40 million) in May. Imports were 5.2 billion yen ($4 billion).",
         {"$40 million": RATE, "$4 billion": RATE}),
    # near misses
    case("a-single-pair", "Exports were 500 billion tenge ($1 billion).", {}),
    case("rates-within-rounding", "Exports were 470 billion tenge ($1 billion) and imports 300 billion tenge ($0.6 billion).", {}),
    case("rates-of-different-years", "In 2013 exports were 1.5 trillion tenge ($10 billion). "
         "In 2023 exports were 4.6 trillion tenge ($10 billion).", {}),
    # --- period_after_publication: a past figure for a period after the publication date ---
    case("past-figure-for-next-year", "Exports rose 5% in 2025.", {"5%": FUTURE}),
    case("past-figure-for-a-later-quarter", "Car sales fell 3% in the third quarter of 2024.", {"3%": FUTURE}),
    # near misses
    case("will", "Exports will rise 5% in 2025.", {}),
    case("a-forecast-for-next-year", "The central bank expects growth of 3% next year.", {}),
    case("a-budget-target", "The budget targets a deficit of 3% of GDP in 2025.", {}),
    case("a-bare-month-is-the-last-one", "Exports rose 5% in December.", {}),
    case("end-of-a-month-is-the-last-one", "Reserves stood at $5bn at the end of December.", {}),
    case("no-publication-date", "Exports rose 5% in 2025.", {}, date=None),
]


def flags_by_surface(nlp, text: str, date: str | None) -> dict[str, str]:
    (doc,) = annotate(nlp, [Document(id="t", text=text, meta={"date": date} if date else {})])
    return {fact["text"]: fact["flags"] for fact in doc._.facts}


@pytest.mark.parametrize("text, date, flagged", CASES)
def test_flags(nlp, text, date, flagged):
    found = flags_by_surface(nlp, text, date)
    assert set(flagged) <= set(found), f"figures not found: {set(flagged) - set(found)}"
    assert found == {surface: flagged.get(surface, "") for surface in found}


def test_every_fact_has_flags_in_the_order_of_the_checks(nlp):
    (doc,) = annotate(nlp, [Document(id="t", text="Bread prices rose 12,000% in 2026. Wages rose 4% in 2023.", meta={"date": PUBLISHED})])
    assert [fact["flags"] for fact in doc._.facts] == ["implausible_value;period_after_publication", ""]
    assert CHECKS == (IMPLAUSIBLE, CHANGE, SHARES, RATE, FUTURE)


def test_the_checks_survive_a_disk_round_trip(nlp, tmp_path):
    checks = nlp.get_pipe("fact_checks")
    checks.to_disk(tmp_path / "checks")
    restored = FactChecks(nlp, "fact_checks").from_disk(tmp_path / "checks")
    assert restored.data == checks.data
    doc = nlp("Exports rose 10% to $120m from $100m.")
    for fact in doc._.facts:
        del fact["flags"]
    assert [fact["flags"] for fact in restored(doc)._.facts] == [CHANGE, "", ""]


# --- end to end: `python -m pipeline run` writes the flags and counts them ---

RECORDS = [
    {"id": "glued", "text": "Exports reached 10^400 dollars in 2023.", "meta": {"date": PUBLISHED}},
    {"id": "change", "text": "Exports rose 10% to $120m from $100m in 2023.", "meta": {"date": PUBLISHED}},
    {"id": "shares", "text": "Oil accounted for 54% of exports, gas for 30% and metals 25%.", "meta": {"date": PUBLISHED}},
    {"id": "future", "text": "Wheat exports fell 6% in 2025.", "meta": {"date": PUBLISHED}},
    {"id": "clean", "text": "Imports rose 4% to $2.1 billion in 2023.", "meta": {"date": PUBLISHED}},
]
SUMMARY = "flagged facts: 6 (implausible_value 1, change_inconsistent 1, shares_exceed_total 3, period_after_publication 1)"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "run", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_run_writes_the_flags_and_prints_how_many_facts_each_check_flagged(tmp_path):
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    first = run("wire.jsonl", "--out", "out", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert SUMMARY in first.stderr.splitlines()
    facts = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    assert str(facts["flags"].dtype) == "string"
    assert dict(zip(facts["doc_id"] + " " + facts["text"], facts["flags"])) == {
        "glued 400 dollars": IMPLAUSIBLE,
        "change 10%": CHANGE,
        "change $120m": "",
        "change $100m": "",
        "shares 54%": SHARES,
        "shares 30%": SHARES,
        "shares 25%": SHARES,
        "future 6%": FUTURE,
        "clean 4%": "",
        "clean $2.1 billion": "",
    }
    assert facts.loc[facts["text"] == "10%", "compared_to_unit"].tolist() == ["USD"]
    resumed = run("wire.jsonl", "--out", "out", cwd=tmp_path)
    assert "(5 already done)" in resumed.stderr and SUMMARY in resumed.stderr.splitlines()


def test_a_run_without_flagged_facts_prints_no_flag_line(tmp_path):
    (tmp_path / "clean.jsonl").write_text(json.dumps(RECORDS[-1]) + "\n", encoding="utf-8")
    result = run("clean.jsonl", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "flagged" not in result.stderr


def test_a_dask_run_counts_the_flags_it_writes(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    result = run("wire.jsonl", "--out", "out", "--engine", "dask", "--workers", "1", "--batch-size", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert SUMMARY in result.stderr.splitlines()
    assert (pd.read_parquet(tmp_path / "out" / "facts.parquet")["flags"] != "").sum() == 6
