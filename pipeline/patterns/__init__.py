"""The ruler's pattern files: `python -m pipeline patterns build | train | list`.

- `build`: regenerate the derived pattern files from the lexicons, the grammar and the gazetteer;
- `figures`: the shapes of MONEY, PERCENT and AMOUNT patterns;
- `concepts`: expand the INDICATOR and PERIOD grammar (`configs/grammar/`) into token patterns;
- `gazetteer`: REGION and ORG patterns from curated lexicons and gazetteers;
- `training`: learn patterns and lexicon words from corrected annotations (`patterns train`);
- `listing`: what a loaded pipeline uses, and every learned pattern and word (`patterns list`);
- `learned`: learned ids, and where a loaded pipeline keeps its patterns and lexicon tables.
"""
