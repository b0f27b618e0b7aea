"""Scoring the pipeline against gold: `python -m pipeline evaluate`.

- `evaluation`: the pipeline's records for a gold file's texts, and its report;
- `scoring`: precision, recall and F1 per label for spans and relations, value accuracy (the rules:
  `components/scoring.py`);
- `examples`: spaCy Examples of gold records, for `nlp.evaluate`.
"""
