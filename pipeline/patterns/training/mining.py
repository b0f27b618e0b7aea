"""Mining the misses: the gold spans the pipeline misses, as candidate patterns and lexicon entries
(`Candidate`), or as misses no new pattern fixes (`Miss`), with the reason."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from components.doc_arrays import doc_arrays
from components.entity_ruler import EconEntityRuler
from components.indicator_ids import phrase_words
from components.lexicon import LEXICON_FILES, FigureLexicon
from components.relations.component import FigureRelations

from ...evaluate.evaluation import documents_of
from ...run.annotate import annotate
from ...run.annotation_file import FIGURE_LABELS
from ...run.export import doc_to_record
from ..build import LEARNED_LEXICON_DIR
from ..concepts import phrase_pattern
from ..learned import describe_entry, learned_id, lexicon_tables, pattern_text, rulers
from .lexicon_words import lexicon_entries

LEARNED_PATTERN_FILES = {False: "patterns/learned.jsonl", True: "patterns/learned_concepts.jsonl"}
"""Where a ruler's learned patterns go: the entity ruler (no spans_key) or the concept ruler."""
CONCEPT_TABLE = "indicator_concepts"  # the lexicon table of indicator concepts: an entry there changes no span


@dataclass
class Candidate:
    """A learned pattern (for a ruler) or lexicon entry (for a lexicon table), and what the dev check found."""

    label: str
    file: str  # relative to the config folder
    entry: dict[str, Any]  # the pattern or lexicon entry, with its "id"
    surface: str  # the text it was learned from
    record_id: str
    ruler: str | None = None  # pipe name, for a pattern
    table: str | None = None  # lexicon table, for an entry
    status: str = "new"  # "added", "forced" (kept although harmful), "skipped" (harmful)
    check: str = ""

    @property
    def id(self) -> str:
        return self.entry["id"]

    @property
    def kept(self) -> bool:
        return self.status in ("added", "forced")

    def describe(self) -> str:
        """One line: what is learned."""
        if self.table is None:
            return f"{self.label:<9} {pattern_text(self.entry['pattern'])!r}"
        return f"{self.label:<9} {describe_entry(self.table, self.entry)}"


@dataclass
class Miss:
    """A missed gold span that no new pattern or lexicon entry fixes, and why."""

    record_id: str
    label: str
    text: str
    reason: str


def find_candidates(
    nlp: Language, records: list[dict[str, Any]], source: str
) -> tuple[list[Candidate], list[Miss]]:
    """Patterns and lexicon entries that would find the gold spans the pipeline misses in `records`.

    `source` is the file name recorded in the ids. Candidates are deduplicated: the first
    record that teaches a pattern or word names it. A record that declares
    `meta.annotated_labels` (a benchmark) teaches only those labels.
    """
    tables = {name: list(rows) for name, rows in lexicon_tables(nlp).items()}
    lexicon = FigureLexicon(tables)
    by_label = {label: name for name, ruler in rulers(nlp).items() for label in ruler.labels}
    candidates: list[Candidate] = []
    misses: list[Miss] = []
    seen: set[str] = set()
    for record, doc in zip(records, annotate(nlp, documents_of(records))):
        candidates += concept_candidates(nlp, doc, record, source, seen)
        predicted = {(s["start"], s["end"], s["label"]) for s in doc_to_record(doc)["spans"]}
        meta = record.get("meta")
        annotated = meta.get("annotated_labels") if isinstance(meta, dict) else None
        for gold in record.get("spans", []):
            label, start, end = gold["label"], gold["start"], gold["end"]
            if (start, end, label) in predicted or (annotated is not None and label not in annotated):
                continue
            span = doc.char_span(start, end)
            if span is None:  # read_annotations with token_boundary_check rules this out
                misses.append(Miss(record["id"], label, record["text"][start:end], "not on token boundaries"))
                continue
            if label in FIGURE_LABELS:
                learned = lexicon_entries(span, gold, lexicon)
                if isinstance(learned, str):
                    misses.append(Miss(record["id"], label, span.text, learned))
                    continue
                for table, entry, surface in learned:
                    key = f"{table}\t{json.dumps({k: v for k, v in entry.items() if k != 'id'}, sort_keys=True)}"
                    if key in seen:
                        continue
                    seen.add(key)
                    entry["id"] = learned_id(label, surface, source, record["id"])
                    file = f"lexicons/{LEARNED_LEXICON_DIR}/{LEXICON_FILES[table]}"
                    candidates.append(Candidate(label, file, entry, surface, record["id"], table=table))
                    tables[table].append(entry)
                    lexicon = FigureLexicon(tables)
                continue
            name = by_label.get(label)
            if name is None:
                misses.append(Miss(record["id"], label, span.text, "no ruler assigns this label"))
                continue
            ruler = nlp.get_pipe(name)
            reason = existing_match(doc, span, label, ruler)
            if reason is not None:
                misses.append(Miss(record["id"], label, span.text, reason))
                continue
            pattern: str | list[dict[str, Any]]
            if ruler.spans_key is None:
                pattern = span.text
            else:
                pattern = phrase_pattern(span.text, lambda text: [token.text for token in nlp.make_doc(text)])
            key = f"{name}\t{label}\t{json.dumps(pattern, sort_keys=True)}"
            if key in seen:
                continue
            seen.add(key)
            entry = {"label": label, "pattern": pattern, "id": learned_id(label, span.text, source, record["id"])}
            file = LEARNED_PATTERN_FILES[ruler.spans_key is not None]
            candidates.append(Candidate(label, file, entry, span.text, record["id"], ruler=name))
    return candidates, misses


def concept_candidates(nlp: Language, doc: Doc, record: dict[str, Any], source: str, seen: set[str]) -> list[Candidate]:
    """Concept mappings from the record's INDICATOR spans that carry an `indicator_id` the pipeline does not give
    their phrase: one `indicator_concepts` entry each (`seen` holds the keys already learned)."""
    relations = next((pipe for _, pipe in nlp.pipeline if isinstance(pipe, FigureRelations)), None)
    if relations is None:
        return []
    arrays = doc_arrays(doc)
    learned = []
    for gold in record.get("spans", []):
        concept, span = gold.get("indicator_id"), doc.char_span(gold["start"], gold["end"])
        if gold["label"] != "INDICATOR" or not isinstance(concept, str) or not concept or span is None:
            continue
        words = phrase_words(arrays.words[span.start : span.end], arrays.punct[span.start : span.end])
        key = f"{CONCEPT_TABLE}\t{relations.concepts.key(words)}"
        if relations.concepts.id_of(words) == concept or key in seen:
            continue
        seen.add(key)
        entry = {"role": "concept", "concept": concept, "phrases": [span.text], "id": learned_id("INDICATOR", span.text, source, record["id"])}
        file = f"lexicons/{LEARNED_LEXICON_DIR}/{LEXICON_FILES[CONCEPT_TABLE]}"
        learned.append(Candidate("INDICATOR", file, entry, span.text, record["id"], table=CONCEPT_TABLE))
    return learned


def existing_match(doc: Doc, span: Span, label: str, ruler: EconEntityRuler) -> str | None:
    """Why a pattern for `span` would not help (a pattern already matches it exactly), or None."""
    same = [m for m in ruler.match(doc) if (m.start, m.end, m.label_) == (span.start, span.end, label)]
    if not same:
        return None
    if ruler.spans_key is None:
        rivals = [e for e in doc.ents if e.start < span.end and span.start < e.end]
        rival = f"; it loses to {rivals[0].text!r} ({rivals[0].label_}, {rivals[0].id_ or 'no id'})" if rivals else ""
        return f"already matched by {same[0].id_ or 'a pattern'}{rival}"
    return f"already matched by {same[0].id_ or 'a pattern'}; not linked to a figure (or overlapped by an entity)"
