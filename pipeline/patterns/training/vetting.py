"""Vetting against dev: a candidate that lowers any span label's precision on the dev records is skipped."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language

from components.entity_ruler import EconEntityRuler
from components.lexicon import FigureLexicon
from components.lexicon_pipe import LexiconPipe

from ...evaluate.evaluation import predict_records
from ...evaluate.scoring import score
from ..figures import figure_patterns
from ..gazetteer import is_english_word
from ..learned import rulers
from .mining import CONCEPT_TABLE, Candidate


def entry_surfaces(table: str, entry: dict[str, Any]) -> list[str]:
    """The surfaces a lexicon entry adds (words, symbols, code, minor words)."""
    if table == "currencies":
        minor = [word for row in entry.get("minor", ()) for word in row["words"]]
        return [*entry.get("symbols", ()), *entry.get("words", ()), *minor, entry["code"]]
    return list(entry.get("words", ()))


def probe(nlp: Language, candidate: Candidate) -> EconEntityRuler:
    """A throwaway ruler with the candidate alone: its pattern, or its lexicon surfaces (any case)."""
    if candidate.ruler is not None:
        ruler = EconEntityRuler(nlp, "probe", phrase_matcher_attr=nlp.get_pipe(candidate.ruler).phrase_matcher_attr, expand_acronyms=False)
        ruler.add_patterns([candidate.entry])
        return ruler
    ruler = EconEntityRuler(nlp, "probe", expand_acronyms=False)
    surfaces = entry_surfaces(candidate.table or "", candidate.entry)
    ruler.add_patterns(
        {"label": candidate.label, "pattern": [{"LOWER": token.lower_} for token in nlp.make_doc(surface)], "id": candidate.id}
        for surface in surfaces
    )
    return ruler


@contextmanager
def with_candidates(nlp: Language, candidates: list[Candidate], figure_ids: set[str]) -> Iterator[Language]:
    """The pipeline with the candidates added in memory (lexicon entries regenerate the figure patterns); restored after."""
    pattern_pipes = rulers(nlp)
    lexicon_pipes = {name: pipe for name, pipe in nlp.pipeline if isinstance(pipe, LexiconPipe)}
    saved_patterns = {name: pipe.patterns for name, pipe in pattern_pipes.items()}
    saved_tables = {name: pipe.tables for name, pipe in lexicon_pipes.items()}
    entries = [c for c in candidates if c.table is not None]
    changed_rulers: set[str] = set()

    def tokenize(text: str) -> list[str]:  # the pipeline's own tokenizer, for the regenerated figure patterns
        return [token.text for token in nlp.make_doc(text)]

    try:
        figures: list[dict[str, Any]] | None = None
        if entries:
            for name, pipe in lexicon_pipes.items():
                tables = {table: list(rows) for table, rows in saved_tables[name].items()}
                for candidate in entries:
                    tables[candidate.table].append(candidate.entry)  # type: ignore[index]
                pipe.initialize(lexicon=tables)
                if figures is None:
                    figures = figure_patterns(FigureLexicon(tables), tokenize, is_english_word)
        for name, ruler in pattern_pipes.items():
            patterns = saved_patterns[name]
            added = [c.entry for c in candidates if c.ruler == name]
            if figures is not None and any(p.get("id") in figure_ids for p in patterns):
                patterns = [p for p in patterns if p.get("id") not in figure_ids] + figures
            elif not added:
                continue
            changed_rulers.add(name)
            ruler.initialize(patterns=[*patterns, *added])
        yield nlp
    finally:
        for name in changed_rulers:
            pattern_pipes[name].initialize(patterns=saved_patterns[name])
        if entries:
            for name, pipe in lexicon_pipes.items():
                pipe.initialize(lexicon=saved_tables[name])


def precisions(report: dict[str, Any]) -> dict[str, float]:
    """Span precision per label and micro; a label with no prediction counts as 1.0."""
    rows = {**report["spans"]["labels"], "micro": report["spans"]["micro"]}
    return {label: row["precision"] if row["tp"] + row["fp"] else 1.0 for label, row in rows.items()}


def check_candidates(
    nlp: Language,
    candidates: list[Candidate],
    dev: list[dict[str, Any]],
    dev_predictions: list[dict[str, Any]],
    labels: set[str] | None,
    figure_ids: set[str],
    *,
    force: bool = False,
) -> None:
    """Set each candidate's status: skipped when adding it alone lowers a span label's precision on dev (unless `force`)."""
    docs = [nlp.make_doc(record["text"]) for record in dev]
    before = score(dev, dev_predictions, labels=labels)
    base = precisions(before)
    for candidate in candidates:
        if candidate.table == CONCEPT_TABLE:
            candidate.status, candidate.check = "added", "an indicator id: no span or relation changes"
            continue
        matcher = probe(nlp, candidate)
        hits = [index for index, doc in enumerate(docs) if matcher.match(doc)]
        if not hits:
            candidate.status, candidate.check = "added", "no match in dev"
            continue
        with with_candidates(nlp, [candidate], figure_ids) as variant:
            changed = predict_records(variant, [dev[index] for index in hits])
        predictions = list(dev_predictions)
        for index, record in zip(hits, changed):
            predictions[index] = record
        report = score(dev, predictions, labels=labels)
        after = precisions(report)
        drops = [f"{label} precision {base.get(label, 1.0):.3f} -> {value:.3f}" for label, value in after.items() if value < base.get(label, 1.0) - 1e-9]
        new_errors = [e for e in report["spans"]["errors"]["fp"] if e not in before["spans"]["errors"]["fp"]]
        where = f"matches {len(hits)} dev record{'s' if len(hits) > 1 else ''}"
        if labels is not None and candidate.label not in labels:
            where += f" (the dev file does not annotate {candidate.label}: its own precision is not checked)"
        if drops:
            examples = ", ".join(f"{e['text']!r} ({e['label']}) in {e['id']}" for e in new_errors[:3])
            candidate.status = "forced" if force else "skipped"
            candidate.check = f"{where}; {'; '.join(drops)}" + (f"; new false positives: {examples}" if examples else "")
        else:
            micro = report["spans"]["micro"]["f1"] - before["spans"]["micro"]["f1"]
            candidate.status, candidate.check = "added", f"{where}; precision kept (span F1 {micro:+.3f})"
