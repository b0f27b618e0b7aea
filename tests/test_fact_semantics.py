"""What a figure means: `kind` (level, change, share, index, rate), `direction` and `change_pct`.

One row per (text, figure), on sentences of our own: the fields of that figure's row in
`doc._.facts`. `change_pct` is the signed change in percent wherever it can be derived: a change
in % signed by its direction, an index minus 100, a multiple (1.8 times up = +80, 4.6 times down
= -78.3), a change in money over its base figure; empty for levels, shares, rates and points.
"""
from __future__ import annotations

from typing import Any

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
    row("yoy-change-takes-no-carried-base", "Budget receipts rose 12% from 2022. By tax, VAT gave +8.1% yoy and "
        "excise +3.4% yoy.", "+8.1%", kind="change", direction="up", change_pct=8.1, compared_to=None),
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
