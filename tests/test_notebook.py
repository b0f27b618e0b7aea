"""notebooks/explore.ipynb runs top to bottom in a fresh Python 3 kernel, from the repo root and from notebooks/.

nbclient, nbformat and ipykernel come with the dev extra; the kernel is ipykernel's native
"python3" spec, which runs this interpreter (`sys.executable`), so no `ipykernel install` step is needed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

PROJECT_DIR = Path(__file__).resolve().parents[1]
NOTEBOOK = PROJECT_DIR / "notebooks" / "explore.ipynb"
CELL_TIMEOUT = 120  # seconds


def native_kernel_specs() -> KernelSpecManager:
    """Only ipykernel's own "python3" spec, whose argv starts with `sys.executable`.

    No kernel folder is searched, so a "python3" spec a user installed for another Python
    (in ~/.local/share/jupyter/kernels, say) cannot take its place.
    """
    return KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)


def test_notebook_is_committed_clean() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    nbformat.validate(nbformat.from_dict(notebook))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_python3_kernel_is_this_interpreter() -> None:
    spec = native_kernel_specs().get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable
    assert spec.language == "python"


def outputs(notebook, cell_id: str) -> list[dict]:
    (cell,) = [cell for cell in notebook.cells if cell.get("id") == cell_id]
    return cell.outputs


def data(notebook, cell_id: str, mime: str) -> str:
    found = [output["data"][mime] for output in outputs(notebook, cell_id) if mime in output.get("data", {})]
    assert found, f"cell {cell_id} shows no {mime}"
    return found[-1]


@pytest.mark.parametrize("cwd", ["repo root", "notebooks"])
def test_notebook_runs_top_to_bottom(cwd: str) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = PROJECT_DIR if cwd == "repo root" else NOTEBOOK.parent
    manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=native_kernel_specs())
    client = nbclient.NotebookClient(
        notebook,
        km=manager,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        startup_timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()  # a failing cell raises CellExecutionError

    errors = [output for cell in notebook.cells for output in cell.get("outputs", ()) if output["output_type"] == "error"]
    assert errors == []
    assert "7.5 trillion tenge" in data(notebook, "entities", "text/html")
    relations = data(notebook, "relations", "text/html")
    assert "<svg" in relations and "EQUALS" in relations
    assert "value_converted" in data(notebook, "filter", "text/html")
    assert "16.6" in data(notebook, "filter-usd", "text/plain")  # 7.5 trillion tenge ≈ $16.6 billion
    assert data(notebook, "plot", "image/png")
    store = data(notebook, "store", "text/html")  # the tidy series of a facts store
    assert "cpi_inflation" in store and "n_sources" in store and "conflict" in store
    assert data(notebook, "store-plot", "image/png")
