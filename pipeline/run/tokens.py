"""Prodigy tokens on request: `tokens` and `token_start` / `token_end` added to annotation records, or taken off.

`annotations.jsonl` carries spans and relations; `run --tokens` adds the token lists as it annotates, and
`python -m pipeline annotations --tokens IN OUT` adds them to a file afterwards, for annotation tools. The tokens
are those of the pipeline's tokenizer on the text in the pieces `run` annotates (`chunk_bounds`), so both give
the same records.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language

from components.doc_arrays import doc_arrays

from .annotate import CHUNK_CHARS, chunk_bounds
from .export import token_list

TOKEN_KEYS = ("token_start", "token_end")
LEAD_KEYS = ("start", "end", "label", "text")  # a span's keys before its token range, as `doc_to_record` orders them


def text_tokens(nlp: Language, text: str, chunk_chars: int = CHUNK_CHARS) -> list[dict[str, Any]]:
    """The Prodigy tokens of a text, tokenized in the pieces `run` annotates."""
    tokens: list[dict[str, Any]] = []
    for start, end in chunk_bounds(text, chunk_chars):
        arrays = doc_arrays(nlp.make_doc(text[start:end]))
        tokens += token_list(arrays.texts, [offset + start for offset in arrays.offsets], arrays.spaced, len(tokens))
    return tokens


def with_tokens(nlp: Language, record: dict[str, Any], chunk_chars: int = CHUNK_CHARS) -> dict[str, Any]:
    """The record with its `tokens` and the token range of every span and relation end that falls on token boundaries."""
    tokens = text_tokens(nlp, record["text"], chunk_chars)
    starts = {token["start"]: token["id"] for token in tokens}
    ends = {token["end"]: token["id"] for token in tokens}

    def ranged(span: dict[str, Any]) -> dict[str, Any]:
        plain = without_range(span)
        first, last = starts.get(span["start"]), ends.get(span["end"])
        if first is None or last is None:
            return plain
        lead = {key: plain.pop(key) for key in LEAD_KEYS if key in plain}
        return {**lead, "token_start": first, "token_end": last, **plain}

    return _rebuilt(record, ranged, tokens)


def without_tokens(record: dict[str, Any]) -> dict[str, Any]:
    """The record without `tokens` and token ranges."""
    return _rebuilt(record, without_range, None)


def without_range(span: dict[str, Any]) -> dict[str, Any]:
    """A copy of a span dict without its token range."""
    return {key: value for key, value in span.items() if key not in TOKEN_KEYS}


def _rebuilt(record: dict[str, Any], span_of: Callable[[dict[str, Any]], dict[str, Any]], tokens: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The record with `span_of` applied to its spans and relation ends, and `tokens` (if any) after its id, text and meta."""
    rest = {key: value for key, value in record.items() if key != "tokens"}
    lead = {key: rest.pop(key) for key in ("id", "text", "meta") if key in rest}
    if "spans" in rest:
        rest["spans"] = [span_of(span) for span in rest["spans"]]
    if "relations" in rest:
        rest["relations"] = [
            {**relation, "head_span": span_of(relation["head_span"]), "child_span": span_of(relation["child_span"])} for relation in rest["relations"]
        ]
    return {**lead, **({"tokens": tokens} if tokens is not None else {}), **rest}
