"""`python -m pipeline patterns train`: learn patterns and lexicon words from corrected annotations (`train`)."""
