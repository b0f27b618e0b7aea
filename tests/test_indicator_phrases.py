"""The indicator phrase component on sentences of our own: the INDICATOR a figure links to.

Each row: a text, a figure's surface and the indicator phrase its fact names, following the
spec's INDICATOR convention (shortest noun phrase, no determiner or "total", sub-quantity
modifiers and completing complements kept).
"""
from __future__ import annotations

import pytest

CASES = [
    ("total-dropped", "Total revenue reached 4.2 trillion drams in 2023.", "4.2 trillion drams", "revenue"),
    ("total-dropped-mid-sentence", "The ministry said total imports stood at $3.1 billion in May.", "$3.1 billion", "imports"),
    ("open-adjective", "The consolidated budget amounted to 310 billion som in 2024.", "310 billion som", "consolidated budget"),
    ("participle-after-determiner", "The guaranteed transfer will reach 1.9 trillion tenge in 2025.", "1.9 trillion tenge", "guaranteed transfer"),
    ("open-noun-modifiers", "External merchandise trade grew by 11.2% to USD 2.4 billion.", "USD 2.4 billion", "External merchandise trade"),
    ("title-case-run", "The Household Final Consumption Expenditure rose by 1.4 per cent.", "1.4 per cent", "Household Final Consumption Expenditure"),
    ("sentence-initial-noun", "Program expenses increased by $4.1 billion in the year.", "$4.1 billion", "Program expenses"),
    ("demonym-mid-sentence-stays-out", "Analysts expect French price growth to slow to 1.2% next year.", "1.2%", "price growth"),
    ("complement-in", "Investments in education and social services fell 8.4 percent.", "8.4 percent", "Investments in education and social services"),
    ("complement-on", "Expenditure on health services increased by 6 per cent.", "6 per cent", "Expenditure on health services"),
    ("complement-on-the", "The bank kept the interest rate on the overnight lending facility at 7.25 percent.", "7.25 percent",
     "interest rate on the overnight lending facility"),
    ("complement-from-possessive", "Investments from the companies’ own funds decreased 12.5 percent.", "12.5 percent",
     "Investments from the companies’ own funds"),
    ("no-owner-complement", "The deficit of the state budget reached 95 billion drams.", "95 billion drams", "deficit"),
    ("no-generic-complement", "Spending in the economy rose by 3.2 percent.", "3.2 percent", "Spending"),
    ("clause-verb-stays-out", "The central bank projects GDP growth of 4.5 percent this year.", "4.5 percent", "GDP growth"),
    ("past-verb-stays-out", "Commercial banks issued loans worth $2.3 billion in March.", "$2.3 billion", "loans"),
    ("comma-coordinated-modifiers", "Its oil, gas and coal exports fell by 4.2 percent.", "4.2 percent", "oil, gas and coal exports"),
    ("tail-forecast", "The bank keeps an average inflation forecast of 4.1 percent for 2026.", "4.1 percent", "average inflation forecast"),
    ("basis-compound-stays-out", "The y-o-y budget revenues fell by 2.2%.", "2.2%", "budget revenues"),
    ("acronym-names-indicator", "Fuel weighed on the consumer price index HICP in May. Over 12 months, the HICP rose 4.1 percent.",
     "4.1 percent", "HICP"),
    ("coordinated-modifiers", "Oil and gas condensate exports brought $8.2 billion.", "$8.2 billion", "Oil and gas condensate exports"),
    ("sector-subject-of-a-change", "The officials said the hotels and restaurants sector shrank by 2.6 per cent.", "2.6 per cent",
     "hotels and restaurants sector"),
    ("bare-sector-subject", "She noted that construction grew by 7.3 billion tenge to 412 billion tenge.", "412 billion tenge", "construction"),
    ("hyphenated-sector", "In April the export-oriented sector fell by 0.8%.", "0.8%", "export-oriented sector"),
    ("elliptic-list-item", "The fishing sector contracted by 1.1 percent, forestry by 0.4 percent, and water supply 2.2 percent.",
     "0.4 percent", "forestry"),
    ("elliptic-list-last-item", "The fishing sector contracted by 1.1 percent, forestry by 0.4 percent, and water supply 2.2 percent.",
     "2.2 percent", "water supply"),
    ("relative-clause-subject", "Leading the rise was clothing and footwear, which increased by 1.7 percent.", "1.7 percent", "clothing and footwear"),
    ("subject-after-an-opening-phrase", "Among the groups, housing and utilities rose by 0.9%.", "0.9%", "housing and utilities"),
    ("clause-indicator-wins-over-its-sector", "Output in the mining sector rose 3.4 percent in May.", "3.4 percent", "Output"),
    ("measure-of-complement", "The volume of construction work in the region came to 96.4 billion tenge.", "96.4 billion tenge",
     "volume of construction work"),
    ("value-of-complement", "The value of building permits reached $1.9 billion in March.", "$1.9 billion", "value of building permits"),
    ("manner-rate-is-no-indicator", "Chile's economy grew at an annual rate of 2.3% in the third quarter.", "2.3%", "economy"),
    ("manner-pace-is-no-indicator", "The euro zone economy expanded at a seasonally adjusted pace of 0.4 percent.", "0.4 percent", "economy"),
    ("generic-noun-after-a-modifier-ends-a-complement", "Investments in fixed capital rose 7.7 percent in 2023.", "7.7 percent",
     "Investments in fixed capital"),
    ("target-after-its-quantity", "The central bank kept its inflation target of 4 percent for 2025.", "4 percent", "inflation target"),
    ("tax-acronym-names-a-revenue", "By tax, receipts of CIT rose 6.2% and VAT +3.9% yoy in the first half.", "+3.9%", "VAT"),
    ("named-rate-after-at-stays", "The government borrowed at an interest rate of 4.2 percent.", "4.2 percent", "interest rate"),
]


@pytest.mark.parametrize("text,surface,indicator", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_indicator_phrase(nlp, text, surface, indicator):
    facts = {fact["text"]: fact for fact in nlp(text)._.facts}
    assert surface in facts, f"figures found: {list(facts)}"
    assert facts[surface]["indicator"] == indicator


def test_grown_phrase_replaces_the_candidates_it_covers(nlp):
    doc = nlp("Interest rates on the standing deposit and credit facilities stayed at 4.5 percent.")
    indicators = [span.text for span in doc.spans["concept_candidates"] if span.label_ == "INDICATOR"]
    assert indicators == ["Interest rates on the standing deposit and credit facilities"]


def test_serialisation_keeps_word_classes(nlp, tmp_path):
    pipe = nlp.get_pipe("indicator_phrases")
    pipe.to_disk(tmp_path / "phrases")
    restored = type(pipe)(nlp, "indicator_phrases").from_disk(tmp_path / "phrases")
    assert restored.word_classes("merchandise", "merchandise") == pipe.word_classes("merchandise", "merchandise")
    assert "noun" in restored.word_classes("expenses", "expense")
