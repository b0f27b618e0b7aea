"""The facts store: one DuckDB database that runs add their documents and facts to, and the observations built from them.

`FactsStore` (`store.py`) opens it, one process at a time, and adds a run's results in one transaction; `observations.py`
groups the facts that report one figure into observations and reads the tidy series back.
"""
from .store import FactsStore, StoredRun, StoreError

__all__ = ["FactsStore", "StoreError", "StoredRun"]
