"""Running the pipeline over documents: `python -m pipeline run` and `bench`.

- `reading`: input files and folders to Documents (or Rejected, with the reason);
- `annotate`: Documents through `nlp.pipe` to Docs, long texts in pieces;
- `export`: Docs to annotation records and table rows, rows to typed tables (pandas, Arrow);
- `annotation_file`: reading and writing annotation JSONL (gold, corrections, `annotations.jsonl`);
- `tokens`: Prodigy tokens added to annotation records on request (`run --tokens`, `pipeline annotations`);
- `processing`: a batch of Documents to a Batch: Outcomes with their records encoded, rows as Arrow, plain data any engine can move;
- `engines`: where batches are processed (local: this process or a pool; dask: a cluster);
- `running`: a whole run into an output folder, every input accounted for, resumable;
- `results`: a run's results written as batches commit, in input order, renamed into place at the end;
- `bench`: the speed of the pipeline and of `run` end to end against the bare tokenizer.
"""
