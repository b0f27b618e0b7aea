"""Teach the rulers from corrected annotations: learned patterns and lexicon entries, with before/after scores.

`train(corrected, dev=..., config_dir=...)` is what `python -m pipeline patterns train` runs:

1. It reads the corrected file (and the dev file) with `read_annotations`, checking that every
   span falls on the pipeline's token boundaries. A bad file raises `AnnotationError` naming the
   line, before anything is written.
2. Without a dev file it holds out a deterministic share of the records (ordered by the SHA-1 of
   their id) as dev, and learns from the rest.
3. It runs the current pipeline on the training records (`mining`). For each gold span it
   misses, it proposes:
   - REGION, ORG: a phrase pattern, in `patterns/learned.jsonl`;
   - INDICATOR, PERIOD: a token pattern of the span's words (case-insensitive unless an
     acronym), in `patterns/learned_concepts.jsonl`;
   - MONEY, PERCENT: the unknown currency, minor-unit, scale or percent word as a lexicon entry
     (`lexicon_words`) in `lexicons/learned/` (`currencies.jsonl`, `scales.jsonl`,
     `percent_units.jsonl`). The figure patterns are then regenerated from the base and learned
     lexicons, so the word works with every number and scale form, not only in the sentence it
     came from.
   Every learned pattern or entry has an id `learned/<LABEL>/<slug>@<file name>#<record id>`
   (`pipeline.patterns.learned`). A miss that no new pattern can fix (the span is matched but a
   longer match wins, or it is not linked to a figure) is reported, not learned.
4. It checks each candidate on dev (`vetting`). Its pattern alone is matched over the dev texts;
   where it matches, the pipeline runs with and without it on those records. A candidate that
   lowers the precision of any span label (a label with no prediction counts as precision 1) is
   reported and skipped, unless `force`.
5. It writes the learned files into a copy of the config folder (`staging`), regenerates
   `figures.jsonl` there if entries were learned, loads that pipeline and scores it on dev
   ("after"). Unless `dry_run`, it then copies the changed files into the config folder. Only
   learned files and `figures.jsonl` are ever written.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from components.lexicon import read_jsonl

from ...evaluate.evaluation import predict_records
from ...evaluate.scoring import annotated_labels, score
from ...loading import CONFIG_DIR, load
from ...run.annotation_file import read_annotations
from ..learned import TrainingError
from .mining import Candidate, Miss, find_candidates
from .staging import FIGURES_FILE, check_loaded, file_diff, install, staged
from .vetting import check_candidates

HELD_OUT_SHARE = 0.2


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
    with staged(config_dir, kept) as (staging, changed):
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
