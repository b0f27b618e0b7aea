"""The token-pattern matcher finds exactly the matches spaCy's Matcher finds, for every operator."""
from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from components.token_matcher import TokenPatternMatcher, WordConditions

SENTENCES = [
    "Exports rose 12.5 percent to $4.2 billion in the first quarter of 2024.",
    "Imports fell by 3 pct. May output was up, while the trade deficit narrowed to US$ 1.1 bn.",
    "Industrial production grew 4.3% year on year; mining output rose 2.1 per cent.",
    "The central bank raised its key rate to 16.75 percent, the highest since 2015 - 2016.",
]
SCALE = {"LOWER": {"IN": ["billion", "bn", "million", "mln"]}}
PATTERNS = {
    "money": [{"ORTH": {"IN": ["$", "US$"]}}, {"LIKE_NUM": True}, {**SCALE, "OP": "?"}],
    "percent": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["percent", "pct", "%", "per"]}}, {"LOWER": "cent", "OP": "?"}],
    "indicator": [{"IS_ALPHA": True, "OP": "*"}, {"LOWER": {"REGEX": "^(output|production|exports|imports)$"}}],
    "verb-then-words": [{"LOWER": {"IN": ["rose", "fell", "grew"]}}, {"IS_PUNCT": False, "OP": "+"}],
    "not-a-number": [{"LOWER": "to"}, {"LIKE_NUM": True, "OP": "!"}],
    "two-or-three-words": [{"IS_LOWER": True, "OP": "{2,3}"}, {"LOWER": "deficit"}],
    "at-least-two": [{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{2,}"}],
    "signed-range": [{"LIKE_NUM": True}, {"ORTH": "-", "SPACY": True}, {"LIKE_NUM": True}],
    "month-opening": [{"ORTH": "May", "IS_SENT_START": True}],
}


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(SENTENCES, disable=[name for name in nlp.pipe_names if name != "sentencizer"]))


def spacy_matches(nlp, docs, patterns):
    matcher = Matcher(nlp.vocab, validate=True)
    for key, pattern in patterns.items():
        matcher.add(key, [pattern])
    return [sorted(matcher(doc)) for doc in docs]


def our_matches(nlp, docs, patterns):
    matcher = TokenPatternMatcher(nlp.vocab)
    for key, pattern in patterns.items():
        matcher.add(key, pattern)
    return [sorted(matcher(doc)) for doc in docs]


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_each_operator_matches_as_spacy_does(nlp, docs, key):
    assert our_matches(nlp, docs, {key: PATTERNS[key]}) == spacy_matches(nlp, docs, {key: PATTERNS[key]})


def test_all_patterns_together_match_as_spacy_does(nlp, docs):
    ours = our_matches(nlp, docs, PATTERNS)
    assert ours == spacy_matches(nlp, docs, PATTERNS)
    # A second pass over the same text walks the remembered states and finds the same matches.
    matcher = TokenPatternMatcher(nlp.vocab)
    for key, pattern in PATTERNS.items():
        matcher.add(key, pattern)
    assert [sorted(matcher(doc)) for doc in docs] == [sorted(matcher(doc)) for doc in docs] == ours


def test_matches_are_the_expected_spans(nlp, docs):
    matcher = TokenPatternMatcher(nlp.vocab)
    for key in ("money", "percent", "month-opening"):
        matcher.add(key, PATTERNS[key])
    found = {(nlp.vocab.strings[key], docs[index][start:end].text) for index, doc in enumerate(docs) for key, start, end in matcher(doc)}
    assert ("money", "$4.2 billion") in found and ("money", "$4.2") in found
    assert ("money", "US$ 1.1 bn") in found
    assert ("percent", "2.1 per cent") in found and ("percent", "12.5 percent") in found
    assert ("month-opening", "May") in found  # it opens the second sentence


def test_no_patterns_no_matches(nlp, docs):
    assert TokenPatternMatcher(nlp.vocab)(docs[0]) == []


def test_a_pattern_added_later_is_matched_too(nlp, docs):
    matcher = TokenPatternMatcher(nlp.vocab)
    matcher.add("money", PATTERNS["money"])
    assert matcher(docs[0])
    matcher.add("percent", PATTERNS["percent"])
    keys = {nlp.vocab.strings[key] for key, _, _ in matcher(docs[0])}
    assert keys == {"money", "percent"}


@pytest.mark.parametrize(
    ("token", "message"),
    [({"POS": "NOUN"}, "'POS' cannot be matched"), ({"LOWER": "x", "OP": "{a}"}, "unknown operator")],
)
def test_an_unsupported_pattern_is_refused_clearly(token, message):
    matcher = TokenPatternMatcher(spacy.blank("en").vocab)
    with pytest.raises(ValueError, match=message):
        matcher.add("bad", [token])


def test_extra_spaces_inside_a_match_are_read_past(nlp):
    doc = nlp.make_doc("Exports rose 12.5  percent to $4.2  billion.\n  Output grew.")
    matcher = TokenPatternMatcher(nlp.vocab, skip_spaces=True)
    for key in ("money", "percent"):
        matcher.add(key, PATTERNS[key])
    found = {(nlp.vocab.strings[key], doc[start:end].text) for key, start, end in matcher(doc)}
    assert ("percent", "12.5  percent") in found and ("money", "$4.2  billion") in found
    assert all(not doc[end - 1].is_space and not doc[start].is_space for _, start, end in matcher(doc))
    assert {text for key, text in found if key == "money"} == {"$4.2", "$4.2  billion"}
    plain = TokenPatternMatcher(nlp.vocab)
    plain.add("percent", PATTERNS["percent"])
    assert not plain(doc)  # spaCy's Matcher does not read past them either


WORD_CONDITIONS = [
    {"LOWER": "bn"},  # looked up by its string
    {"ORTH": {"IN": ["$", "US$", "Exports"]}},
    {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}},  # one search
    {"LOWER": {"REGEX": "^(?:rose|fell)$"}},
    {"LIKE_NUM": True, "LOWER": {"NOT_IN": ["2024", "first"]}},  # tested in Python
    {"IS_ALPHA": False, "IS_PUNCT": False, "SHAPE": {"IN": ["d.d", "dd.dd"]}},
    {"SHAPE": "xxxx", "IS_LOWER": True},
    {"ORTH": {"REGEX": "^\\d", "NOT_IN": ["2024"]}, "IS_DIGIT": False},
    {},
    {"LENGTH": 4},  # left to spaCy's Matcher
    {"LOWER": {"IN": ["percent"], "NOT_IN": ["pct"]}},
]


def test_word_conditions_are_decided_as_spacy_does(nlp, docs):
    words = sorted({token.text for doc in docs for token in doc} | {"ADJ", "IS_ALPHA", "  ", "Cent"})
    reference = Matcher(nlp.vocab, validate=True)
    conditions = WordConditions(nlp.vocab)
    for condition in WORD_CONDITIONS:
        reference.add(str(conditions.add(condition)), [[condition]])
    expected = [set() for _ in words]
    for key, start, _ in reference(Doc(nlp.vocab, words=words)):
        expected[start].add(int(nlp.vocab.strings[key]))
    assert conditions.met_by(words) == [frozenset(met) for met in expected]
    assert all(expected[words.index(word)] for word in ("bn", "Exports", "rose", "12.5", "production", "May"))


def test_a_condition_spacy_refuses_is_refused():
    with pytest.raises(ValueError, match="SUFFIX"):
        WordConditions(spacy.blank("en").vocab).add({"SUFFIX": "ion"})
