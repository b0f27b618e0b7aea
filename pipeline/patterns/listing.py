"""`patterns list`: what a loaded pipeline uses, counted per source, and every learned pattern and entry."""
from __future__ import annotations

from spacy.language import Language

from components.lexicon import LEXICON_FILES

from .learned import LEARNED_PREFIX, describe_entry, lexicon_tables, pattern_text, rulers


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
