"""`indicator_id`: one id per concept whatever the outlet calls it, a lemma key for a phrase of no concept, and concept
mappings learned by `patterns train` from corrected annotations."""
from __future__ import annotations

import json
import shutil

import pytest

from pipeline.loading import CONFIG_DIR, load
from pipeline.patterns.training.train import train
from pipeline.run.annotate import annotate
from pipeline.run.reading import Document

SAME_CONCEPT = [  # (sentence, the figure, its indicator_id): each concept named as different outlets name it
    ("Kazakhstan's industrial production grew 3.9% in May 2024.", "3.9%", "industrial_production"),
    ("The volume of industrial production rose by 2.7 percent in January-April 2024.", "2.7 percent", "industrial_production"),
    ("Industrial output in Uzbekistan increased 6.1% in 2023.", "6.1%", "industrial_production"),
    ("The IPI stood at 104.2% in the first quarter of 2024.", "104.2%", "industrial_production"),
    ("Mongolia's exports reached $1.9 billion in March 2024.", "$1.9 billion", "exports"),
    ("Exports of goods climbed 11% in 2023.", "11%", "exports"),
    ("Foreign trade turnover came to $24.5 billion in January-June 2024.", "$24.5 billion", "trade_turnover"),
    ("External trade rose 4% to $8.2 billion in 2023.", "$8.2 billion", "trade_turnover"),
    ("Annual inflation slowed to 8.4% in June 2024.", "8.4%", "cpi_inflation"),
    ("Consumer prices rose 5.1% in April 2024 from a year earlier.", "5.1%", "cpi_inflation"),
    ("The central bank kept the base rate at 14.75% in July 2024.", "14.75%", "policy_rate"),
    ("The key policy rate was cut to 9% in June 2024.", "9%", "policy_rate"),
    ("State budget revenues amounted to 4.1 trillion tenge in January-May 2024.", "4.1 trillion tenge", "budget_revenue"),
    ("The budget deficit narrowed to 2.3% of GDP in 2023.", "2.3%", "budget_deficit"),
    ("Foreign direct investment inflows fell 8% in 2023.", "8%", "fdi"),
    ("Retail trade turnover grew 7.2% in the first half of 2024.", "7.2%", "retail_trade"),
    ("GDP growth reached 5.2% in 2023.", "5.2%", "gdp"),
    ("Real gross domestic product expanded 4.8% in the third quarter of 2023.", "4.8%", "gdp"),
    ("GNI per capita reached $12,400 in 2023.", "$12,400", "gni_per_capita"),
    ("Credit to the private sector grew 7.1 per cent in March 2024.", "7.1 per cent", "bank_lending"),
    ("Bank credit expanded 15% in 2023.", "15%", "bank_lending"),
    ("In the euro area, HICP inflation eased to 2.6% in May 2024.", "2.6%", "cpi_inflation"),  # national CPIs by their acronyms
    ("Brazil's IPCA rose 0.4% in July 2024.", "0.4%", "cpi_inflation"),
    ("IPCA inflation reached 4.5% in July 2024.", "4.5%", "cpi_inflation"),
    ("Britain's CPIH climbed 3.1% in June 2024.", "3.1%", "cpi_inflation"),
]
NO_CONCEPT = [  # a phrase of no concept: its lemma key, frame words off
    ("Coffee exports rose 12% to $410 million in 2023.", "$410 million", "coffee_export"),
    ("The volume of coffee exports rose 9% in 2023.", "9%", "coffee_export"),
    ("Copper shipments fell 3.4% in April 2024.", "3.4%", "copper_shipment"),
    ("India's WPI fell 0.3% in June 2024.", "0.3%", "wpi"),
]


def indicator_ids(nlp, sentence: str) -> dict[str, str | None]:
    (doc,) = annotate(nlp, [Document(id="s", text=sentence, meta={"date": "2024-08-01"})])
    return {fact["text"]: fact["indicator_id"] for fact in doc._.facts}


@pytest.mark.parametrize("sentence,figure,expected", SAME_CONCEPT + NO_CONCEPT)
def test_an_indicator_phrase_gets_the_id_of_its_concept(nlp, sentence, figure, expected):
    assert indicator_ids(nlp, sentence)[figure] == expected


def test_a_figure_without_indicator_has_no_id(nlp):
    assert indicator_ids(nlp, "It rose 4% in 2023.") == {"4%": None}


def test_patterns_train_learns_a_concept_from_a_corrected_indicator_id(tmp_path):
    config = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, config)
    text = "Mining and quarrying output of the republic grew 6.5% in 2023."
    phrase = "Mining and quarrying output of the republic"
    figure = text.index("6.5%")
    record = {
        "id": "corrected-1",
        "text": text,
        "spans": [
            {"start": 0, "end": len(phrase), "label": "INDICATOR", "indicator_id": "mining_output"},
            {"start": figure, "end": figure + 4, "label": "PERCENT"},
        ],
        "relations": [],
    }
    corrected = tmp_path / "corrected.jsonl"
    corrected.write_text(json.dumps(record) + "\n", encoding="utf-8")
    before = load(config)
    words = [token.lower_ for token in before.make_doc(phrase)]
    assert before.get_pipe("figure_relations").concepts.id_of(words) != "mining_output"
    result = train(corrected, dev=corrected, config_dir=config)
    (learned,) = [candidate for candidate in result.added if candidate.table == "indicator_concepts"]
    assert learned.entry["concept"] == "mining_output" and learned.entry["phrases"] == [phrase]
    assert (config / "lexicons" / "learned" / "indicator_concepts.jsonl").exists()
    assert load(config).get_pipe("figure_relations").concepts.id_of(words) == "mining_output"
