"""Running the pipeline over documents: `python -m pipeline run` and `bench`.

- `reading`: input files and folders to Documents (or Rejected, with the reason);
- `annotate`: Documents through `nlp.pipe` to Docs, long texts in pieces;
- `export`: Docs to annotation records and table rows, tables to files;
- `annotation_file`: reading and writing annotation JSONL (gold, corrections, `annotations.jsonl`);
- `tokens`: Prodigy tokens added to annotation records on request (`run --tokens`, `pipeline annotations`);
- `files`: files and folders written whole or not at all (the tables, annotation files, run parts);
- `processing`: a batch of Documents to Outcomes, plain data any engine can move;
- `engines`: where batches are processed (local: this process or a pool; dask: a cluster);
- `running`: a whole run into an output folder, every input accounted for, resumable;
- `bench`: the speed of the pipeline against the bare tokenizer.
"""
