"""Fuzzing: random and adversarial text through the full pipeline and the exporter, and random
bytes through the readers. Nothing may raise, and every offset must point at its text."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from components.unicode_text import plain_spaces
from pipeline.run.annotate import CHUNK_CHARS, annotate
from pipeline.run.export import doc_to_record, frames_from_rows, table_rows
from pipeline.run.reading import (
    Document,
    Rejected,
    binary_kind,
    decode,
    html_to_text,
    jsonl_record,
)

ODD = [
    "1.2.3", "$", "%%", "10^6", "1e9", "—", "–", "-", "📈", "🇰🇿", "👩‍👩‍👧", "9" * 10_000, "1,000,000,000,000", "0.", ".5",
    "1 000", "½", "٣٫٥", "∞", "NaN", "inf", "+5", "-0", "5-6", "(", ")", "[", "\u200f", "\u200b", "\u0301", "\ufeff", "\x00",
    "مليار دولار", "ارتفعت", "שלום", "Экспорт вырос", "млрд", "十亿", "$US", "US$", "€", "¥", "₸", "KZT", "tenge", "billion",
    "bn", "mln", "percent", "pct", "%", "basis points", "times", "twofold", "rose", "fell", "to", "from", "up", "about",
    "between", "and", "2023", "Q1", "January", "last year", "the same period", "Kazakhstan", "Bureau of Statistics", "exports",
    "IPI", "(IPI)", ".", ",", ";", "\n", "\n\n", "\t", "  ",
]  # fmt: skip
FIXED = {"derandomize": True, "database": None}  # the same examples on every run: CI never turns red by chance
FRAGMENTS = st.one_of(st.sampled_from(ODD), st.text(max_size=12))
TEXTS = st.one_of(
    st.text(max_size=300),
    st.builds(lambda parts, glue: glue.join(parts), st.lists(FRAGMENTS, max_size=40), st.sampled_from([" ", "", "\n\n"])),
)


def assert_offsets(text: str, record: dict, rows: dict) -> None:
    """Every span, token, relation end and table row points at its own text inside `text`."""
    assert record["text"] == text
    for span in record["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    for token in record.get("tokens", ()):
        assert text[token["start"] : token["end"]] == token["text"]
    for relation in record["relations"]:
        for end in (relation["head_span"], relation["child_span"]):
            assert 0 <= end["start"] < end["end"] <= len(text)
    for row in rows["entities"] + rows["facts"]:
        assert text[row["start"] : row["end"]] == row["text"]
    for row in rows["relations"]:
        assert text[row["head_start"] : row["head_end"]] == row["head_text"]
        assert text[row["child_start"] : row["child_end"]] == row["child_text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)
@given(text=TEXTS, chunk_chars=st.sampled_from([CHUNK_CHARS, 40]))
@example(text="1.2.3 $ %% 10^6 1e9 — 📈 " + "9" * 10_000 + " مرحبا ٣٫٥% שלום \u200f5%", chunk_chars=CHUNK_CHARS)
@example(text="$5-6-7 billion, up 1e9 percent from 10^6 tenge (about $) in Q1 2023 to %%", chunk_chars=40)
def test_any_text_goes_through_the_pipeline_and_the_exporter(nlp, text, chunk_chars):
    (doc,) = annotate(nlp, [Document("fuzz", text, {"date": "2024-03-25"})], chunk_chars=chunk_chars)
    record, rows = doc_to_record(doc), table_rows(doc)
    frames_from_rows(rows)
    json.dumps([record, rows], allow_nan=False)  # plain JSON values, finite numbers: what the output files hold
    assert_offsets(plain_spaces(text), record, rows)  # the tokenizer reads Unicode spaces as spaces, one for one


@pytest.mark.parametrize("text", ["$" + "9" * 309, "1" + "0" * 309 + "%"])
def test_huge_figures_have_finite_values(nlp, text):
    """A number too large for a float is no figure: it is dropped rather than stored as infinity."""
    doc = nlp(text)
    assert all(math.isfinite(figure["value"]) for figure in doc._.figures)
    json.dumps(doc._.figures, allow_nan=False)


@settings(max_examples=200, deadline=None, **FIXED)
@given(data=st.binary(max_size=600))
def test_any_bytes_read_as_a_document_or_a_reason(data):
    text, _ = decode(data)
    assert isinstance(text, str)
    binary_kind(data)
    item = jsonl_record(data, "fuzz.jsonl:1")
    assert isinstance(item, (Document, Rejected))
    if isinstance(item, Document):
        assert item.text.strip()
        json.dumps(item.text, ensure_ascii=False).encode("utf-8")  # no lone surrogates


@settings(max_examples=100, deadline=None, **FIXED)
@given(markup=st.lists(st.one_of(
    st.sampled_from(["<p>", "</p>", "<br>", "<script>", "</script>", "<!--", "-->", "<![", "&amp;", "&#xD800;", "<a href='>'>", "<"]),
    st.text(max_size=8),
)).map("".join))
def test_any_markup_reduces_to_text(markup):
    assert isinstance(html_to_text(markup), str)
