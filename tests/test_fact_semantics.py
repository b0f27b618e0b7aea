"""What a figure means: `kind` (level, change, share, index, rate), `direction` and `change_pct`.

One row per (text, figure), on sentences of our own: the fields of that figure's row in
`doc._.facts`. `change_pct` is the signed change in percent wherever it can be derived: a change
in % signed by its direction, an index minus 100, a multiple (1.8 times up = +80, 4.6 times down
= -78.3), a change in money over its base figure; empty for levels, shares, rates and points.
"""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pandas as pd
import pytest

FIELDS = ("value", "unit", "kind", "direction", "change_pct", "compared_to")


def row(case_id: str, text: str, surface: str, **expected: Any):
    """A case: in `text`, the fact of figure `surface` has the `expected` fields."""
    assert set(expected) <= set(FIELDS), f"{case_id}: unknown fields {set(expected) - set(FIELDS)}"
    return pytest.param(text, surface, expected, id=case_id)


REGIONS_INDEX = (
    "Industrial output grew fastest in Turkistan region (121.5 percent) and Almaty region (108.2%), "
    "and fell in Kyzylorda region (94.3 percent) in January-July 2024."
)

CASES = [
    # --- index: a level against a base of 100 ---
    row("index-word-in-indicator", "The manufacturing production index stood at 103.2% in January-April 2024.",
        "103.2%", kind="index", direction="up", change_pct=3.2),
    row("index-after-made-up", "The physical volume index of retail trade made up 97.9 percent in the first quarter.",
        "97.9 percent", kind="index", direction="down", change_pct=-2.1),
    row("bracketed-index-after-a-rise", REGIONS_INDEX, "121.5 percent", kind="index", direction="up", change_pct=21.5),
    row("bracketed-index-in-a-list", REGIONS_INDEX, "108.2%", kind="index", direction="up", change_pct=8.2),
    row("bracketed-index-after-a-fall", REGIONS_INDEX, "94.3 percent", kind="index", direction="down", change_pct=-5.7),
    row("level-against-a-period-is-an-index", "Construction work in the region came to 106.4% against January-June 2023.",
        "106.4%", kind="index", change_pct=6.4, compared_to="January-June 2023"),
    row("amounted-to-compared-with-a-period", "Freight turnover amounted to 98.5 percent compared to the same period of 2023.",
        "98.5 percent", kind="index", direction="down", change_pct=-1.5, compared_to="the same period of 2023"),
    row("percent-of-the-level-of", "Gas output was 91.8% of the level of January-May 2023.",
        "91.8%", kind="index", change_pct=-8.2, compared_to="January-May 2023"),
    row("in-percent-to-a-period", "Retail sales in January-March 2024 in % to January-March 2023 were 105.1%.",
        "105.1%", kind="index", change_pct=5.1, compared_to="January-March 2023"),
    # --- not an index ---
    row("bracketed-size-of-a-fall-is-a-change", "Cement output fell sharply in Zhambyl region (38.5 percent) in May.",
        "38.5 percent", kind="change", direction="down", change_pct=-38.5),
    row("fall-of-sixty-percent-is-a-change", "Grain exports fell 60% in the 2023/24 season.",
        "60%", kind="change", direction="down", change_pct=-60.0),
    row("small-change-against-a-period", "Household income was 0.8% compared to the previous quarter.",
        "0.8%", kind="change", change_pct=None, compared_to="the previous quarter"),
    row("rate-against-a-period-stays-a-rate", "Annual inflation was 64.8% in October, compared with 58.9% in September.",
        "64.8%", kind="rate", change_pct=None),
    # --- changes: direction from the wording, the sign or the multiple ---
    row("signed-after-a-level", "Steel output reached 1.9 million tonnes worth $1.2 billion, +6.3% on the year.",
        "+6.3%", kind="change", direction="up", change_pct=6.3),
    row("minus-signed", "Car sales were -4.2% in the second quarter.", "-4.2%", kind="change", direction="down", change_pct=-4.2),
    row("hedged-rise", "Fertiliser exports climbed more than 15% in the first half.", "15%", kind="change", direction="up",
        change_pct=15.0),
    row("multiple-up", "Exports of copper cathodes rose 2.5 times to $640 million in 2023.", "2.5 times", kind="change",
        direction="up", change_pct=150.0),
    row("multiple-down", "Imports of cars from Russia decreased 4 times in 2023.", "4 times", kind="change",
        direction="down", change_pct=-75.0),
    row("doubled", "Lending to small firms doubled in 2023.", "doubled", kind="change", direction="up", change_pct=100.0),
    row("halved", "Coal imports halved last year.", "halved", kind="change", direction="down", change_pct=-50.0),
    row("money-change-over-its-base", "Tax revenue increased by $3 billion from $12 billion in 2023.", "$3 billion",
        kind="change", direction="up", change_pct=25.0, compared_to="$12 billion"),
    row("points-are-no-percent-change", "The jobless rate fell 0.3 percentage points to 4.6% in June.",
        "0.3 percentage points", kind="change", direction="down", change_pct=None),
    row("new-level-after-a-change", "The jobless rate fell 0.3 percentage points to 4.6% in June.", "4.6%",
        kind="rate", direction=None, change_pct=None),
    row("share-has-no-change", "Oil accounted for 54.2% of exports in 2023.", "54.2%", kind="share", change_pct=None),
    row("coordinated-changes-share-the-kind", "Coal and copper output grew 3.3% and 7.9%, respectively, in 2023.",
        "7.9%", kind="change", direction="up", change_pct=7.9),
    row("per-share-is-no-share", "The board proposed a dividend of 1,200 tenge per share for 2023.", "1,200 tenge", kind="level"),
    row("coordinated-changes-with-their-periods", "Cement output grew 4.2% in 2023 and 6.1% in 2024.", "6.1%",
        kind="change", direction="up", change_pct=6.1),
    row("made-up-money-is-an-amount", "Retail turnover in the capital made up 1.4 trillion tenge in 2023.",
        "1.4 trillion tenge", kind="level", direction=None),
    row("accounted-for-money-is-an-amount", "Services accounted for $2.6 billion in the first half.", "$2.6 billion", kind="level"),
    row("accounted-for-money-of-the-total-is-a-share", "Machinery accounted for $2.6 billion of the total in 2023.", "$2.6 billion", kind="share"),
    row("yoy-change-takes-a-carried-base-period", "Budget receipts rose 12% from 2022. By tax, VAT gave +8.1% yoy and "
        "excise +3.4% yoy.", "+8.1%", kind="change", direction="up", change_pct=8.1, compared_to="2022"),
    row("yoy-change-takes-no-carried-base-figure", "Budget receipts rose 12% from $40 billion. By tax, VAT gave +8.1% yoy "
        "and excise +3.4% yoy.", "+8.1%", kind="change", direction="up", change_pct=8.1, compared_to=None),
]


def facts_of(nlp, text: str) -> dict[str, dict[str, Any]]:
    return {fact["text"]: fact for fact in nlp(text)._.facts}


@pytest.mark.parametrize("text,surface,expected", CASES)
def test_fact_semantics(nlp, text, surface, expected):
    facts = facts_of(nlp, text)
    assert surface in facts, f"figures found: {list(facts)}"
    got = {name: facts[surface][name] for name in expected}
    if expected.get("change_pct") is not None:
        expected = {**expected, "change_pct": pytest.approx(expected["change_pct"], abs=0.05)}
    assert got == expected


TRUST_RECORDS = [
    {"id": "au", "meta": {"date": "2024-08-15"}, "text": "The Reserve Bank of Australia said export receipts in the year to "
     "June 30 rose 4.1% to $412 billion."},
    {"id": "kz", "meta": {"date": "2024-05-20"}, "text": "Kazakhstan's industrial production index was 104.2% in "
     "January-April 2024. Output declined in Atyrau region (96.4%)."},
    {"id": "range", "meta": {"date": "2024-05-20"}, "text": "The new smelter will cost $400 to $500 million, the ministry said."},
    {"id": "in", "meta": {"date": "2024-05-20"}, "text": "India's fiscal deficit in FY2024 narrowed to 5.6% of GDP, and exports "
     "of rice rose 1.5 times."},
    {"id": "nbsp", "meta": {"date": "2024-05-20"}, "text": "Uzbekistan's gold exports reached $3\u00a0billion in the first quarter."},
]


def test_trusted_values_through_run(tmp_path):
    """Sentences of each kind through `python -m pipeline run`, read back from facts.parquet."""
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(record) + "\n" for record in TRUST_RECORDS), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pipeline", "run", "news.jsonl", "--out", "out"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    facts = pd.read_parquet(tmp_path / "out" / "facts.parquet")
    rows = {(row.doc_id, row.text): row for row in facts.itertuples()}
    receipts = rows[("au", "$412 billion")]
    assert (receipts.value, receipts.unit, receipts.unit_assumed) == (412e9, "AUD", True)
    assert (str(receipts.period_start), str(receipts.period_end)) == ("2023-07-01", "2024-06-30")
    assert (rows[("au", "4.1%")].kind, rows[("au", "4.1%")].change_pct) == ("change", 4.1)
    assert (rows[("kz", "104.2%")].kind, rows[("kz", "104.2%")].change_pct) == ("index", pytest.approx(4.2))
    assert (rows[("kz", "96.4%")].kind, rows[("kz", "96.4%")].direction) == ("index", "down")
    smelter = rows[("range", "$400 to $500 million")]
    assert (smelter.value, smelter.low, smelter.high, smelter.unit) == (4.5e8, 4e8, 5e8, "USD")
    deficit = rows[("in", "5.6%")]
    assert (str(deficit.period_start), str(deficit.period_end)) == ("2023-04-01", "2024-03-31")
    assert rows[("in", "1.5 times")].change_pct == pytest.approx(50.0)
    gold = rows[("nbsp", "$3 billion")]  # the no-break space reads as a space
    assert (gold.value, gold.unit, gold.unit_assumed) == (3e9, "USD", True)  # no dollar of Uzbekistan's own
