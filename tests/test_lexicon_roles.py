"""Every word list the components index from the lexicons has words.

The components read their cue words and word lists by role name (`relation_cues.jsonl`,
`number_words.jsonl`, `periods.jsonl`, `fact_checks.jsonl`); a role misspelt in the code or
the data would read as an empty list and silently switch its rule off.
"""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from components.fact_checks import CheckData
from components.lexicon import FigureLexicon
from components.periods import PeriodWords
from components.relations.cues import Cues

LEXICONS = Path(__file__).resolve().parents[1] / "configs" / "lexicons"
LEXICON = FigureLexicon.from_dir(LEXICONS)
TABLES = LEXICON.tables
BOTH = FigureLexicon.from_dir(LEXICONS, [LEXICONS / "ru"]).tables  # the Russian pipeline's: some roles are Russian only (`к`)
INDEXES = {
    "relation cues": Cues.from_rows(BOTH["relation_cues"], BOTH["indicators"], BOTH["multiples"]),
    "figure lexicon": LEXICON,
    "period words": PeriodWords.from_rows(BOTH["periods"]),  # `translations`: Russian period words
    "fact checks": CheckData.from_rows(TABLES["fact_checks"]),
}
LISTS = [
    pytest.param(index, field.name, id=f"{name}/{field.name}")
    for name, index in INDEXES.items()
    for field in fields(index)
    if field.name != "tables"
]


@pytest.mark.parametrize("index,name", LISTS)
def test_every_word_list_has_words(index, name):
    assert getattr(index, name)
