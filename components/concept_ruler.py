"""The concept ruler (`econ_concept_ruler`): INDICATOR and PERIOD candidates in `doc.spans["concept_candidates"]`.

It is the entity ruler (`components/entity_ruler.py`) writing a span group instead of `doc.ents`: its
patterns (`patterns/indicators.jsonl`, `periods.jsonl` and the learned ones) match lower-cased phrases,
the longest match wins and then PERIOD over INDICATOR, and a candidate that overlaps an entity is left
out. The indicator phrases grow the INDICATOR candidates (`components/indicator_phrases.py`), and the
relations pipe links the ones a figure uses (`doc.spans["concepts"]`). Its score is that of the candidates
against the gold INDICATOR and PERIOD spans (`spans_concept_candidates_p`, ...): their recall bounds the linked
spans'; the relations pipe scores those.
"""
from spacy.language import Language

from .entity_ruler import EconEntityRuler


@Language.factory(
    "econ_concept_ruler",
    assigns=["doc.spans"],
    requires=["doc.ents", "token.is_sent_start"],  # a candidate overlapping an entity is left out; patterns test IS_SENT_START
    default_config={
        "phrase_matcher_attr": "LOWER",
        "label_priority": ["PERIOD", "INDICATOR"],
        "expand_acronyms": True,
        "spans_key": "concept_candidates",
        "read_past_spaces": True,
    },
    default_score_weights={"spans_concept_candidates_f": 0.0, "spans_concept_candidates_p": 0.0, "spans_concept_candidates_r": 0.0},
)
def make_concept_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str,
    label_priority: list[str],
    expand_acronyms: bool,
    spans_key: str,
    read_past_spaces: bool,
) -> EconEntityRuler:
    """Build the concept ruler; its patterns are loaded by `initialize` or `from_disk`."""
    return EconEntityRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        label_priority=label_priority,
        expand_acronyms=expand_acronyms,
        spans_key=spans_key,
        read_past_spaces=read_past_spaces,
    )
