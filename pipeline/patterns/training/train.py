"""Teach the rulers from corrected annotations: learned patterns and lexicon entries, with before/after scores.

`train(corrected, dev=..., config_dir=...)` is what `python -m pipeline patterns train` runs:

1. It reads the corrected file (and the dev file) with `read_annotations`, checking that every
   span falls on the pipeline's token boundaries. A bad file raises `AnnotationError` naming the
   line, before anything is written.
2. Without a dev file it holds out a deterministic share of the records (ordered by the SHA-1 of
   their id) as dev, and learns from the rest.
3. It runs the current pipeline on the training records. For each gold span it misses, it proposes:
   - REGION, ORG: a phrase pattern, in `patterns/learned.jsonl`;
   - INDICATOR, PERIOD: a token pattern of the span's words (case-insensitive unless an
     acronym), in `patterns/learned_concepts.jsonl`;
   - MONEY, PERCENT: the unknown currency, minor-unit, scale or percent word as a lexicon entry
     in `lexicons/learned/` (`currencies.jsonl`, `scales.jsonl`, `percent_units.jsonl`). The figure
     patterns are then regenerated from the base and learned lexicons, so the word works with
     every number and scale form, not only in the sentence it came from.
   Every learned pattern or entry has an id `learned/<LABEL>/<slug>@<file name>#<record id>`.
   A miss that no new pattern can fix (the span is matched but a longer match wins, or it is
   not linked to a figure) is reported, not learned.
4. It checks each candidate on dev. Its pattern alone is matched over the dev texts; where it
   matches, the pipeline runs with and without it on those records. A candidate that lowers the
   precision of any span label (a label with no prediction counts as precision 1) is reported
   and skipped, unless `force`.
5. It writes the learned files into a copy of the config folder, regenerates `figures.jsonl`
   there if entries were learned, loads that pipeline and scores it on dev ("after"). Unless
   `dry_run`, it then copies the changed files into the config folder. Only learned files and
   `figures.jsonl` are ever written.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from components.entity_ruler import EconEntityRuler
from components.figure_normalizer import (
    leading_sign,
    read_surface,
    read_unit,
    segments,
    tidy,
)
from components.lexicon import LEXICON_FILES, FigureLexicon, read_jsonl, surface_key
from components.lexicon_pipe import LexiconPipe
from components.numbers import parse_number

from ...evaluate.evaluation import documents_of, predict_records
from ...evaluate.scoring import annotated_labels, score
from ...loading import CONFIG_DIR, load
from ...run.annotate import annotate
from ...run.annotation_file import FIGURE_LABELS, read_annotations
from ...run.export import doc_to_record
from ..build import LEARNED_LEXICON_DIR, build_patterns, write_jsonl_atomic
from ..concepts import phrase_pattern
from ..figures import figure_patterns
from ..gazetteer import is_english_word, slugify

LEARNED_PREFIX = "learned/"
LEARNED_PATTERN_FILES = {False: "patterns/learned.jsonl", True: "patterns/learned_concepts.jsonl"}
"""Where a ruler's learned patterns go: the entity ruler (no spans_key) or the concept ruler."""
FIGURES_FILE = "patterns/figures.jsonl"
HELD_OUT_SHARE = 0.2
VALUE_TOLERANCE = 0.005  # relative, as in scoring
PERCENT_UNITS = ("%", "pp", "x")


class TrainingError(Exception):
    """A problem with the config folder that stops training before anything is written."""


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


@dataclass
class TrainingResult:
    """What `train` learned, skipped and scored, and the files it wrote (or would write)."""

    config_dir: Path
    source: str
    dev_name: str
    train_ids: list[str]
    dev_ids: list[str]
    candidates: list[Candidate]
    misses: list[Miss]
    before: dict[str, Any]
    after: dict[str, Any]
    diff: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    still_missed: list[Miss] = field(default_factory=list)
    dry_run: bool = False

    @property
    def added(self) -> list[Candidate]:
        return [candidate for candidate in self.candidates if candidate.kept]


def token_boundary_check(nlp: Language) -> Callable[[dict[str, Any]], str | None]:
    """A `read_annotations` check: every span and relation end must start and end on a token of `nlp`'s tokenizer."""

    def check(record: dict[str, Any]) -> str | None:
        doc = nlp.make_doc(record["text"])
        starts = {token.idx for token in doc}
        ends = {token.idx + len(token) for token in doc}
        ends_at = [(f"span {i}", span) for i, span in enumerate(record.get("spans", []))]
        for i, relation in enumerate(record.get("relations", [])):
            ends_at += [(f"relation {i} {key}", relation[key]) for key in ("head_span", "child_span")]
        for where, span in ends_at:
            start, end = span["start"], span["end"]
            if start not in starts or end not in ends:
                offset = start if start not in starts else end
                token = next((t for t in doc if t.idx < offset < t.idx + len(t)), None)
                cut = f" (it cuts the token {token.text!r} at {token.idx}-{token.idx + len(token)})" if token is not None else " (it starts or ends on a space)"
                return f"{where} {span.get('label', '')} {start}-{end} {record['text'][start:end]!r} does not fall on token boundaries{cut}"
        return None

    return check


def held_out_split(records: list[dict[str, Any]], share: float = HELD_OUT_SHARE) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, held out): the first ceil(share * n) records by SHA-1 of their id are held out (none when n < 2).

    The split depends only on the ids, not on the order of the file.
    """
    if len(records) < 2:
        return list(records), []
    count = min(len(records) - 1, max(1, math.ceil(share * len(records))))
    order = sorted(records, key=lambda record: hashlib.sha1(str(record["id"]).encode("utf-8")).hexdigest())
    held = {str(record["id"]) for record in order[:count]}
    return [r for r in records if str(r["id"]) not in held], [r for r in records if str(r["id"]) in held]


def learned_id(label: str, surface: str, source: str, record_id: str) -> str:
    """`learned/<LABEL>/<slug>@<file name>#<record id>`."""
    slug = slugify(surface) or "-".join(f"u{ord(char):04x}" for char in surface if not char.isspace())
    return f"{LEARNED_PREFIX}{label}/{slug}@{source}#{record_id}"


def rulers(nlp: Language) -> dict[str, EconEntityRuler]:
    """The pipeline's rulers by pipe name."""
    return {name: pipe for name, pipe in nlp.pipeline if isinstance(pipe, EconEntityRuler)}


def lexicon_tables(nlp: Language) -> dict[str, list[dict[str, Any]]]:
    """The figure lexicon tables the pipeline loaded (base plus learned)."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, LexiconPipe) and pipe.tables:
            return pipe.tables
    raise TrainingError("the pipeline has no lexicon component")


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


def lexicon_entries(span: Span, gold: dict[str, Any], lexicon: FigureLexicon) -> list[tuple[str, dict[str, Any], str]] | str:
    """The lexicon entries (table, entry, surface) that make a missed figure read as its gold value and unit.

    Learns one word group the lexicon does not list as it stands: a currency word (after the
    number), symbol (before it) or code; a minor unit (`50 zorks` = 0.5 KZT); a scale word
    (`$5 zillion`, `5 zillion tenge`: its factor from the gold value); or a percent word with
    its factor (`20 pipz` = 0.2 pp). Returns the reason when nothing can be learned.
    """
    label, unit, value = gold["label"], gold.get("unit"), gold.get("value")
    if unit is None or value is None:
        return "no value and unit annotated"
    if label == "MONEY" and not re.fullmatch(r"[A-Z]{3}", str(unit)):
        return f"unit {unit!r} is not an ISO 4217 code"
    if label == "PERCENT" and unit not in PERCENT_UNITS:
        return f"unit {unit!r} is not one of {', '.join(PERCENT_UNITS)}"
    doc = span.doc
    words = [token.text for token in span]
    sign, rest = leading_sign(words, lexicon)
    runs = located_runs(segments(rest, lexicon), list(span)[len(words) - len(rest) :])
    numbers = [run for kind, run in runs if kind == "number"]
    units = [run for kind, run in runs if kind == "unit"]

    def text_of(run: list[Any]) -> str:
        return doc.text[run[0].idx : run[-1].idx + len(run[-1])]

    def listed(run: list[Any]) -> bool:  # the run as it stands is a unit surface (not read by a fallback)
        if label == "PERCENT":
            return surface_key(text_of(run)) in lexicon.percent_by_surface
        return lexicon.currency(text_of(run)) is not None

    unknown = [run for run in units if not listed(run)]
    if not unknown:
        reading = read_surface(words, label, lexicon)
        if reading is not None and reading["unit"] == unit and close(reading["value"], value):
            return "every word is known; no figure pattern has this shape"
        return f"no unknown word; it reads as {reading['value']:g} {reading['unit']}" if reading else "no unknown word; it does not read"
    if not numbers:
        return "no number in it reads"
    if len(numbers) > 1 or any(kind == "range" for kind, _ in runs):
        return "only a single amount teaches a word (not a range or a compound amount)"
    if len(unknown) > 1:
        return "more than one unknown word group"
    number = parse_number([t.text for t in numbers[0]], lexicon)
    if not number:
        return "its number does not read"
    ratio = value / (sign * number)
    run = unknown[0]
    surface = text_of(run)
    after = run[0].i > numbers[0][-1].i
    known = [other for other in units if other is not run]
    if label == "PERCENT":
        if known or not after or ratio <= 0:
            return "only a percent word after the number is learned"
        return [("percent_units", {"unit": unit, "factor": tidy(ratio), "words": [surface]}, surface)]
    if known:  # a known currency: the unknown word is a scale (`$5 zillion`)
        code, factor = read_unit([t.text for t in known[0]], label, lexicon)
        scale = ratio / factor
        if code != unit or len(run) != 1 or not after or scale <= 1 or close(scale, 1):
            return f"the known unit reads as {code}; the unknown word {surface!r} is no scale of it"
        return [("scales", {"factor": tidy(scale), "words": [surface]}, surface)]
    if close(ratio, 1):
        if surface == unit:
            return [("currencies", {"code": unit}, surface)]
        kind = "words" if after else "symbols"
        return [("currencies", {"code": unit, kind: [surface.lower() if after else surface]}, surface)]
    if after and len(run) == 1 and ratio < 1:
        return [("currencies", {"code": unit, "minor": [{"words": [surface.lower()], "factor": tidy(ratio)}]}, surface)]
    if after and len(run) >= 2 and ratio > 1:  # `5 zillion cowries`, `5 zillion tenge`: a scale word, then the currency
        scale, currency = run[0].text, run[1:]
        learned = [("scales", {"factor": tidy(ratio), "words": [scale]}, scale)]
        if listed(currency):
            code = lexicon.currency(text_of(currency)).code  # type: ignore[union-attr]
            return learned if code == unit else f"{text_of(currency)!r} reads as {code}, not {unit}"
        return [*learned, ("currencies", {"code": unit, "words": [text_of(currency).lower()]}, text_of(currency))]
    return f"{surface!r} does not explain the gold value {value:g} {unit}"


def located_runs(parts: list[tuple[str, list[str]]], tokens: list[Any]) -> list[tuple[str, list[Any]]]:
    """The runs of `segments` with their tokens, in text order (a scale may join an earlier number: `75 USD million`)."""
    located: list[tuple[str, list[Any]]] = []
    used: set[int] = set()
    for kind, words in parts:
        run = []
        for word in words:
            index = next((i for i, token in enumerate(tokens) if i not in used and token.text == word), None)
            if index is not None:
                used.add(index)
                run.append(tokens[index])
        if run or kind == "range":
            located.append((kind, sorted(run, key=lambda token: token.i)))
    return located


def close(a: float | None, b: float) -> bool:
    """Whether two values agree within the scoring tolerance."""
    return a is not None and abs(a - b) <= VALUE_TOLERANCE * abs(b)


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
    try:
        figures: list[dict[str, Any]] | None = None
        if entries:
            for name, pipe in lexicon_pipes.items():
                tables = {table: list(rows) for table, rows in saved_tables[name].items()}
                for candidate in entries:
                    tables[candidate.table].append(candidate.entry)  # type: ignore[index]
                pipe.initialize(lexicon=tables)
                if figures is None:
                    tokenize = lambda text: [token.text for token in nlp.make_doc(text)]
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


def learned_rows(config_dir: Path, candidates: list[Candidate]) -> dict[str, list[dict[str, Any]]]:
    """The new content of each learned file that gets candidates: its current rows, then the new ones."""
    files: dict[str, list[dict[str, Any]]] = {}
    for candidate in candidates:
        if candidate.file not in files:
            path = config_dir / candidate.file
            files[candidate.file] = read_jsonl(path) if path.exists() else []
        files[candidate.file].append(candidate.entry)
    return files


def check_loaded(nlp: Language, candidates: list[Candidate], config_dir: Path) -> None:
    """Raise TrainingError if the config folder's pipeline.cfg does not read a learned file."""
    ids = {pattern.get("id") for ruler in rulers(nlp).values() for pattern in ruler.patterns}
    entries = {entry.get("id") for rows in lexicon_tables(nlp).values() for entry in rows if isinstance(entry, dict)}
    for candidate in candidates:
        if candidate.id not in (ids if candidate.table is None else entries):
            where = "the ruler's `files`" if candidate.table is None else "`extra_directories` of the econ.lexicon.v1 readers"
            raise TrainingError(f"{config_dir / 'pipeline.cfg'} does not read {candidate.file}: add it to {where}")


def train(
    corrected: Path | str,
    *,
    dev: Path | str | None = None,
    config_dir: Path | str = CONFIG_DIR,
    dry_run: bool = False,
    force: bool = False,
) -> TrainingResult:
    """Learn patterns and lexicon entries from a corrected annotation file into a config folder; see the module docstring.

    Raises AnnotationError (a bad annotation file, with its line) or TrainingError (a bad config
    folder) before anything is written.
    """
    config_dir, corrected = Path(config_dir), Path(corrected)
    if not (config_dir / "pipeline.cfg").is_file():
        raise TrainingError(f"{config_dir}: not a config folder (no pipeline.cfg)")
    nlp = load(config_dir)
    check = token_boundary_check(nlp)
    records = read_annotations(corrected, check_tokens=check)
    if dev is not None:
        train_records, dev_records, dev_name = records, read_annotations(dev, check_tokens=check), str(dev)
    else:
        train_records, dev_records = held_out_split(records)
        held = ", ".join(r["id"] for r in dev_records[:10]) + (", ..." if len(dev_records) > 10 else "")
        dev_name = f"{corrected.name}, held out: {len(dev_records)} of {len(records)} records ({held})"
        if not dev_records:
            dev_records, dev_name = records, f"{corrected.name} (the training records: too few to hold any out)"
    labels = annotated_labels(dev_records)
    candidates, misses = find_candidates(nlp, train_records, corrected.name)
    dev_predictions = predict_records(nlp, dev_records)
    before = score(dev_records, dev_predictions, labels=labels)
    figure_ids = {p.get("id") for p in read_jsonl(config_dir / FIGURES_FILE)} if (config_dir / FIGURES_FILE).exists() else set()
    check_candidates(nlp, candidates, dev_records, dev_predictions, labels, figure_ids, force=force)
    result = TrainingResult(
        config_dir, corrected.name, dev_name, [r["id"] for r in train_records], [r["id"] for r in dev_records],
        candidates, misses, before, before, dry_run=dry_run,
    )
    kept = result.added
    if not kept:
        return result
    files = learned_rows(config_dir, kept)
    with tempfile.TemporaryDirectory(prefix="econ-facts-train-") as temporary:
        staging = Path(temporary) / "configs"
        shutil.copytree(config_dir, staging)
        for name, rows in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            write_jsonl_atomic(staging / name, rows)
        changed = list(files)
        if any(candidate.table is not None for candidate in kept):
            build_patterns(staging, only=("figures.jsonl",))
            changed.append(FIGURES_FILE)
        trained = load(staging)
        check_loaded(trained, kept, config_dir)
        result.after = score(dev_records, predict_records(trained, dev_records), labels=labels)
        result.still_missed = still_missed(trained, train_records, kept)
        result.diff = file_diff(config_dir, staging, changed)
        if not dry_run:
            result.written = install(staging, config_dir, changed)
    return result


def still_missed(nlp: Language, records: list[dict[str, Any]], kept: list[Candidate]) -> list[Miss]:
    """Gold spans of the records the kept candidates came from that the trained pipeline still misses."""
    sources = {candidate.record_id for candidate in kept}
    chosen = [record for record in records if record["id"] in sources]
    missed = []
    for record, predicted in zip(chosen, predict_records(nlp, chosen)):
        found = {(s["start"], s["end"], s["label"]) for s in predicted["spans"]}
        for span in record.get("spans", []):
            if (span["start"], span["end"], span["label"]) not in found:
                missed.append(Miss(record["id"], span["label"], record["text"][span["start"] : span["end"]], "still missed after training"))
    return missed


def file_diff(config_dir: Path, staging: Path, names: list[str]) -> list[str]:
    """Added and removed lines of each changed file (`figures.jsonl`: a count, its lines are long)."""
    lines = []
    for name in names:
        old_path = config_dir / name
        old = old_path.read_text(encoding="utf-8").splitlines() if old_path.exists() else []
        new = (staging / name).read_text(encoding="utf-8").splitlines()
        old_set, new_set = set(old), set(new)
        removed = [line for line in old if line not in new_set]
        added = [line for line in new if line not in old_set]
        lines.append(f"--- {old_path}" if old_path.exists() else f"(new file) {old_path}")
        if name == FIGURES_FILE:
            lines.append(f"~ {len(added)} of {len(new)} figure patterns regenerated with the learned words")
            continue
        lines += [f"- {line}" for line in removed] + [f"+ {line}" for line in added]
    return lines


def install(staging: Path, config_dir: Path, names: list[str]) -> list[Path]:
    """Copy the changed files from the staging folder into the config folder (each atomically)."""
    written = []
    for name in names:
        target = config_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(staging / name, temporary)
        temporary.replace(target)
        written.append(target)
    return written


def pattern_text(pattern: str | list[dict[str, Any]]) -> str:
    """A readable form of a phrase or token pattern (`fish catch`, `[LOWER IN (…)] …`)."""
    if isinstance(pattern, str):
        return pattern
    words = []
    for token in pattern:
        value = next(iter(token.values())) if token else "*"
        words.append(value if isinstance(value, str) else json.dumps(token, ensure_ascii=False))
    return " ".join(words)


def describe_entry(table: str, entry: dict[str, Any]) -> str:
    """A lexicon entry in words: `currency XCW: cowries`, `scale x1e+21: zillion`, `percent unit pp x0.01: bips`."""
    if table == "currencies":
        parts = [*entry.get("words", ()), *entry.get("symbols", ())]
        parts += [f"{word} (x{row['factor']:g})" for row in entry.get("minor", ()) for word in row["words"]]
        return f"currency {entry['code']}: {', '.join(parts) or entry['code']}"
    if table == "scales":
        return f"scale x{entry['factor']:g}: {', '.join(entry['words'])}"
    return f"percent unit {entry['unit']} x{entry['factor']:g}: {', '.join(entry['words'])}"


def source_prefix(pattern_id: str) -> str:
    """The source part of a pattern id (at most two segments, never the last one): `learned/ORG`, `region/curated`, `qualifier`."""
    parts = pattern_id.split("/")
    return "/".join(parts[: min(2, len(parts) - 1)]) or pattern_id or "(no id)"


def learned_inventory(nlp: Language, label: str | None = None) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, str]]]:
    """What a loaded pipeline uses: (source prefix, label, count) rows, and the learned (label, id, what) one by one.

    Learned lexicon entries (currency, scale and percent words) are listed with the learned patterns.
    """
    counts: dict[tuple[str, str], int] = {}
    learned: list[tuple[str, str, str]] = []
    for ruler in rulers(nlp).values():
        for pattern in ruler.patterns:
            if label is not None and pattern["label"] != label:
                continue
            pattern_id = pattern.get("id", "")
            key = (source_prefix(pattern_id), pattern["label"])
            counts[key] = counts.get(key, 0) + 1
            if pattern_id.startswith(LEARNED_PREFIX):
                learned.append((pattern["label"], pattern_id, pattern_text(pattern["pattern"])))
    for table, rows in lexicon_tables(nlp).items():
        for entry in rows:
            entry_id = entry.get("id", "") if isinstance(entry, dict) else ""
            if entry_id.startswith(LEARNED_PREFIX):
                entry_label = entry_id.split("/")[1]
                if label is None or entry_label == label:
                    learned.append((entry_label, entry_id, describe_entry(table, entry)))
                    key = (f"{source_prefix(entry_id)} (lexicon: {LEXICON_FILES[table]})", entry_label)
                    counts[key] = counts.get(key, 0) + 1
    rows = sorted(((prefix, lab, count) for (prefix, lab), count in counts.items()), key=lambda row: (-row[2], row[0], row[1]))
    return rows, sorted(learned, key=lambda row: (row[0], row[1]))
