"""One run at a time per output folder: `OUT/.lock`, locked by the run's main process and naming it.

The lock is an exclusive `fcntl` record lock on the file, which the kernel drops when its process ends, however it
ends; worker processes (`--n-process`, Dask) do not inherit it, so only the main process holds it. The file names
the holder (pid, host, start time), so a run that finds the folder locked can say by whom. A file left behind by a
run that was killed still names it but is no longer locked: the next run says so and takes it over. A run that
ends removes the file.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path
from typing import Any, BinaryIO

LOCK_FILE = ".lock"

_held: set[Path] = set()  # the lock files this process holds (a record lock never refuses its own process)


class OutputInUse(RuntimeError):
    """The output folder is locked by another run; the message names it."""


class OutputLock:
    """The lock of an output folder, held from `acquire` to `release`."""

    def __init__(self, out: Path) -> None:
        self.path = out / LOCK_FILE
        self.file: BinaryIO | None = None

    def acquire(self) -> str | None:
        """Take the lock, or raise OutputInUse naming the run that holds it. Returns a note when the lock was left
        behind by a run that ended without releasing it (and is taken over), else None."""
        key = self.path.resolve()
        if key in _held:
            raise OutputInUse(f"{self.path.parent} is in use by another run in this process (pid {os.getpid()})")
        while self.file is None:
            file = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644), "r+b")  # open for as long as the lock
            try:
                fcntl.lockf(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = read_holder(file)
                file.close()
                raise OutputInUse(
                    f"{self.path.parent} is in use by another run ({describe_holder(holder)}); wait for it to end, "
                    "or choose another --out"
                ) from None
            if same_file(file, self.path):
                self.file = file
            else:  # the run before released it and removed the file after we opened it: lock the new one
                file.close()
        _held.add(key)
        left = read_holder(self.file)
        self.file.seek(0)
        self.file.truncate()
        self.file.write((json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": now()}) + "\n").encode())
        self.file.flush()
        if left:
            return f"{self.path.parent}: taking over a stale lock: the run that left it ({describe_holder(left)}) is no longer running"
        return None

    def release(self) -> None:
        """Remove the lock file and drop the lock (nothing if it is not held)."""
        if self.file is None:
            return
        self.path.unlink(missing_ok=True)  # before the lock drops, so no run locks a file that is then removed
        self.file.close()
        self.file = None
        _held.discard(self.path.resolve())


def read_holder(file: BinaryIO) -> dict[str, Any]:
    """The run a lock file names (pid, host, started), or {} if it names none."""
    file.seek(0)
    try:
        holder = json.loads(file.read(4096) or b"{}")
    except ValueError:
        return {}
    return holder if isinstance(holder, dict) else {}


def describe_holder(holder: dict[str, Any]) -> str:
    """`pid 123 on host h, started 2025-01-02 10:00:00` (what a lock file names), for messages."""
    if "pid" not in holder:
        return "pid unknown"
    where = f" on host {holder['host']}" if holder.get("host") not in (None, socket.gethostname()) else ""
    since = f", started {holder['started']}" if holder.get("started") else ""
    return f"pid {holder['pid']}{where}{since}"


def same_file(file: BinaryIO, path: Path) -> bool:
    """Whether an open file is still the one at `path`."""
    try:
        return os.path.samestat(os.fstat(file.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def now() -> str:
    """The local time, to the second, as a lock file records it."""
    return time.strftime("%Y-%m-%d %H:%M:%S")
