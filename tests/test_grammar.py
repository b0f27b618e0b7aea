"""The INDICATOR and PERIOD grammar (`configs/grammar/*.jsonl`) is data: what its slots expand to,
that every pattern matches its own example, that a new cue role needs no Python, and that
`patterns build --check` catches a generated file that no longer matches the lexicons."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from run_helpers import invoke
from spacy.matcher import Matcher

import pipeline
from components.tokenizer import create_tokenizer
from pipeline.loading import CONFIG_DIR
from pipeline.patterns.concepts import GrammarError, grammar_patterns
from pipeline.run.annotate import annotate
from pipeline.run.reading import Document

GRAMMAR_FILES = sorted((CONFIG_DIR / "grammar").glob("*.jsonl"))

# A small lexicon `words.jsonl` (roles with `word`) and `cues.jsonl` (roles with `text`, as relation_cues has).
WORDS = [
    {"word": "quarter", "role": "part", "months": 3},
    {"word": "half", "role": "part", "months": 6},
    {"word": "year", "role": "part", "months": 12},
    {"word": "FY", "role": "fiscal"},
    {"word": "fiscal", "role": "fiscal"},
    {"word": "export", "role": "head"},
    {"word": "GDP", "role": "head"},
    {"word": "sales", "role": "head"},
    {"word": "rose", "role": "stop_verb"},
    {"word": "two", "role": "count"},
    {"word": "three", "role": "count"},
    {"phrase": "current account", "role": "name"},
    {"phrase": "in real terms", "role": "qualifier"},
    {"phrase": "trade balance", "role": "name"},
]
CUES = [{"text": "’", "role": "plural_possessive"}, {"text": "'", "role": "plural_possessive"}]
SHAPES = [
    {"shape": "year", "token": {"TEXT": {"REGEX": "^20[0-9]{2}$"}}},
    {"shape": "fiscal_year", "pattern": [{"role": "fiscal"}, {"word": "year", "op": "?"}, {"shape": "year"}]},
]
SLOTS = [
    pytest.param("of", [{"LOWER": "of"}], id="a word in any case"),
    pytest.param({"word": "FY", "case": "exact"}, [{"ORTH": "FY"}], id="a word as written"),
    pytest.param({"words": ["ratio", "ratios"], "op": "?"}, [{"LOWER": {"IN": ["ratio", "ratios"]}, "OP": "?"}], id="words, optional"),
    pytest.param({"role": "fiscal"}, [{"LOWER": {"IN": ["fy", "fiscal"]}}], id="a role: sorted as written, lower-cased"),
    pytest.param({"role": "part", "where": {"months": [3, 6]}}, [{"LOWER": {"IN": ["half", "quarter"]}}], id="a role's rows in a range"),
    pytest.param(
        {"role": "head", "plural": True, "sorted": True},
        [{"LOWER": {"IN": ["export", "exports", "gdp", "gdps", "sales"]}}],
        id="a role with plurals, sorted",
    ),
    pytest.param({"words": [{"role": "count"}, "2", "3"]}, [{"LOWER": {"IN": ["three", "two", "2", "3"]}}], id="a role then words"),
    pytest.param(
        {"role": "plural_possessive", "lexicon": "cues", "case": "exact"}, [{"ORTH": {"IN": ["'", "’"]}}], id="a role of another lexicon"
    ),
    pytest.param({"shape": "year", "op": "?"}, [{"TEXT": {"REGEX": "^20[0-9]{2}$"}, "OP": "?"}], id="a named token, optional"),
    pytest.param(
        {"shape": "fiscal_year"},
        [{"LOWER": {"IN": ["fy", "fiscal"]}}, {"LOWER": "year", "OP": "?"}, {"TEXT": {"REGEX": "^20[0-9]{2}$"}}],
        id="a named sequence",
    ),
    pytest.param(
        {"token": {"IS_ALPHA": True}, "except": [{"role": "stop_verb"}]},
        [{"IS_ALPHA": True, "LOWER": {"NOT_IN": ["rose"]}}],
        id="spaCy attributes but some words",
    ),
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def expand(tmp_path: Path, lines: list[dict]) -> list[dict]:
    """The patterns of a grammar `words.jsonl` over the small lexicons."""
    write_jsonl(tmp_path / "lexicons" / "words.jsonl", WORDS)
    write_jsonl(tmp_path / "lexicons" / "cues.jsonl", CUES)
    return grammar_patterns(write_jsonl(tmp_path / "grammar" / "words.jsonl", [*SHAPES, *lines]), tmp_path / "lexicons")


@pytest.mark.parametrize("slot,tokens", SLOTS)
def test_a_slot_expands_to_spacy_tokens(tmp_path, slot, tokens):
    [pattern] = expand(tmp_path, [{"id": "test/slot", "label": "PERIOD", "pattern": [slot]}])
    assert pattern == {"id": "test/slot", "label": "PERIOD", "pattern": tokens}


def test_ruler_keys_are_kept_and_notes_dropped(tmp_path):
    line = {"id": "test/x", "label": "ORG", "pattern": ["(", "x", ")"], "keep": [1, 2], "fallback": True, "example": "( x )"}
    assert expand(tmp_path, [line]) == [
        {"id": "test/x", "label": "ORG", "pattern": [{"LOWER": "("}, {"LOWER": "x"}, {"LOWER": ")"}], "keep": [1, 2], "fallback": True}
    ]


def test_listed_phrases_come_in_lexicon_order(tmp_path):
    line = {"phrases": [{"role": "name", "label": "INDICATOR", "id": "indicator/name"}, {"role": "qualifier", "label": "QUALIFIER", "id": "qualifier"}]}
    assert [(p["id"], p["label"], p["pattern"]) for p in expand(tmp_path, [line])] == [
        ("indicator/name/current-account", "INDICATOR", "current account"),
        ("qualifier/in-real-terms", "QUALIFIER", "in real terms"),
        ("indicator/name/trade-balance", "INDICATOR", "trade balance"),
    ]


@pytest.mark.parametrize(
    "slot,message",
    [
        ({"shape": "yaer"}, "no shape 'yaer'"),
        ({"rol": "fiscal"}, "unknown slot key rol"),
        ({"role": "month"}, "no words of the role 'month' in words.jsonl"),
        ({"shape": "fiscal_year", "op": "?"}, "`op` on the sequence shape 'fiscal_year'"),
        ({"role": "month", "lexicon": "dates"}, r"\[Errno 2\] No such file or directory: .*dates\.jsonl"),
    ],
)
def test_a_bad_line_is_named_with_its_file_and_line(tmp_path, slot, message):
    with pytest.raises(GrammarError, match=rf"grammar/words\.jsonl:3: {message}"):
        expand(tmp_path, [{"id": "test/bad", "label": "PERIOD", "pattern": [slot]}])


def grammar_examples() -> list:
    rows = []
    for path in GRAMMAR_FILES:
        for line in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            if "id" in line and "example" in line:
                rows.append(pytest.param(path, line["id"], line["example"], id=line["id"]))
    return rows


@pytest.fixture(scope="module")
def tokenizer_only() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp


@pytest.mark.parametrize("path,pattern_id,example", grammar_examples())
def test_every_pattern_matches_its_example_whole(tokenizer_only, path, pattern_id, example):
    patterns = {p["id"]: p["pattern"] for p in grammar_patterns(path, CONFIG_DIR / "lexicons")}
    matcher = Matcher(tokenizer_only.vocab)
    matcher.add(pattern_id, [patterns[pattern_id]])
    doc = tokenizer_only.make_doc(example)
    assert (0, len(doc)) in {(start, end) for _, start, end in matcher(doc)}


def test_a_new_cue_role_is_a_data_change(configs):
    text = "Wheat exports rose 4% in the winter of 2023."
    seasons = [{"word": word, "role": "season"} for word in ("winter", "spring", "summer", "autumn")]
    with open(configs / "lexicons" / "periods.jsonl", "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in seasons)
    line = {"id": "period/season-of-year", "label": "PERIOD", "pattern": ["the", {"role": "season"}, "of", {"shape": "year"}], "example": "the winter of 2023"}
    with open(configs / "grammar" / "periods.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")
    assert invoke("patterns", "build", "--config", str(configs)).exit_code == 0
    [doc] = annotate(pipeline.load(configs), [Document(id="d", text=text)])
    assert [(fact["text"], fact["indicator"], fact["period"]) for fact in doc._.facts] == [("4%", "Wheat exports", "the winter of 2023")]


def test_check_passes_on_the_bundled_configs():
    result = invoke("patterns", "build", "--check")
    assert result.exit_code == 0, result.output
    assert result.output == "generated pattern files up to date\n"


@pytest.mark.parametrize(
    "lexicon,row,edited,generated",
    [
        ("periods.jsonl", '{"word": "Jan", "role": "month", "number": 1}', '{"word": "Jan", "role": "month", "number": 1, "alone": true}', ["periods.jsonl"]),
        # the Russian figure patterns read the shared figure lexicon too
        ("number_words.jsonl", '"kind": "sign", "before_percent": true', '"kind": "sign"', ["figures.jsonl", "ru/figures.jsonl"]),
    ],
)
def test_check_names_the_file_an_edited_lexicon_row_changes(configs, lexicon, row, edited, generated):
    path = configs / "lexicons" / lexicon
    text = path.read_text(encoding="utf-8")
    assert row in text
    path.write_text(text.replace(row, edited), encoding="utf-8")
    before = {file: file.read_bytes() for file in (configs / "patterns").rglob("*.jsonl")}
    result = invoke("patterns", "build", "--check", "--config", str(configs))
    assert result.exit_code == 1
    stale = [(configs / "patterns" / name).resolve() for name in generated]
    assert result.output.splitlines() == [f"{path}: out of date; run `python -m pipeline patterns build`" for path in stale]
    assert {file: file.read_bytes() for file in (configs / "patterns").rglob("*.jsonl")} == before  # --check writes nothing


def test_a_bad_grammar_line_stops_the_build_with_one_error_line(configs):
    with open(configs / "grammar" / "periods.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "period/bad", "label": "PERIOD", "pattern": ["the", {"shape": "yaer"}]}) + "\n")
    before = (configs / "patterns" / "periods.jsonl").read_bytes()
    lines = len((configs / "grammar" / "periods.jsonl").read_text(encoding="utf-8").splitlines())
    result = invoke("patterns", "build", "--config", str(configs))
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"error: {configs / 'grammar' / 'periods.jsonl'}:{lines}: no shape 'yaer'"]
    assert (configs / "patterns" / "periods.jsonl").read_bytes() == before
