"""spaCy components of the econ-facts pipeline (registered on import and via entry points)."""
from .concept_ruler import make_concept_ruler
from .entity_ruler import EconEntityRuler, make_entity_ruler
from .extensions import register_extensions
from .fact_checks import FactChecks, make_fact_checks
from .figure_normalizer import FigureNormalizer, make_figure_normalizer
from .indicator_phrases import IndicatorPhrases, create_word_class_reader, make_indicator_phrases
from .lemmatizer import LookupLemmatizer, RememberingRussianLemmatizer, make_lookup_lemmatizer, make_russian_lemmatizer
from .readers import create_lexicon_reader, create_pattern_reader
from .relations import FigureRelations, make_figure_relations
from .sentencizer import ArraySentencizer, make_sentencizer
from .tokenizer import create_tokenizer

register_extensions()

__all__ = [
    "ArraySentencizer",
    "EconEntityRuler",
    "FactChecks",
    "FigureNormalizer",
    "FigureRelations",
    "IndicatorPhrases",
    "LookupLemmatizer",
    "RememberingRussianLemmatizer",
    "create_lexicon_reader",
    "create_pattern_reader",
    "create_tokenizer",
    "create_word_class_reader",
    "make_concept_ruler",
    "make_entity_ruler",
    "make_fact_checks",
    "make_figure_normalizer",
    "make_figure_relations",
    "make_indicator_phrases",
    "make_lookup_lemmatizer",
    "make_russian_lemmatizer",
    "make_sentencizer",
    "register_extensions",
]
