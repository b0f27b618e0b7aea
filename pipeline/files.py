"""Files and folders written whole or not at all: through a temporary name beside them, then swapped in."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable


def replace_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Write a file or folder at `path` through a temporary name (`write(temporary)`), then swap it in for whatever is
    there, a file keeping the mode of the file it replaces. If `write` fails, the temporary goes and `path` stays as
    it was."""
    temporary = temporary_for(path)
    try:
        write(temporary)
    except BaseException:
        remove(temporary)
        raise
    return swap_in(temporary, path)


def temporary_for(path: Path) -> Path:
    """The temporary name beside `path` that a file or folder is written to before `swap_in` (leftovers of an
    interrupted write removed)."""
    temporary, old = path.with_name(f".{path.name}.tmp"), path.with_name(f".{path.name}.old")
    for leftover in (temporary, old):
        remove(leftover)
    return temporary


def swap_in(temporary: Path, path: Path) -> Path:
    """Put the file or folder written at `temporary` in the place of whatever is at `path` (by renames: a file keeps
    the mode of the file it replaces)."""
    if path.is_file() and temporary.is_file():
        shutil.copymode(path, temporary)
    old = path.with_name(f".{path.name}.old")
    if path.is_dir() or (temporary.is_dir() and path.exists()):  # a rename replaces only a file by a file
        path.rename(old)
    temporary.replace(path)
    remove(old)
    return path


def remove(path: Path) -> None:
    """Delete a file or a folder, if there is one."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
