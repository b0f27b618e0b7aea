"""`python -m pipeline patterns train`: learn patterns and lexicon words from corrected annotations.

- `train`: the steps, from reading the corrected file to the scores before and after;
- `mining`: the gold spans the pipeline misses, as candidate patterns and lexicon entries;
- `lexicon_words`: the unknown word that makes a missed figure read as its gold value and unit;
- `vetting`: a candidate that lowers any span label's precision on dev is skipped;
- `staging`: the learned files written into a copy of the config folder, then into it.
"""
