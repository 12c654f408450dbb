"""One writer per workspace: an advisory lock on a small file beside it.

The kernel drops the lock when its process ends, however it ends (SIGKILL, the SIGHUP of a
dropped SSH session, a crash), so a workspace is never left locked by a dead riwaya.
Readers (`riwaya export`) take no lock: SQLite's WAL lets them read while the app writes.
Where `fcntl` does not exist (Windows) there is no lock: SQLite still keeps the file
consistent, but a second writer is not told.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

from riwaya.core.workspace_errors import WorkspaceInUse

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + "-lock")


class WriterLock:
    """Held while a workspace is open for writing; `release` gives it back."""

    def __init__(self, path: Path, handle: int | None) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def acquire(cls, workspace: Path) -> WriterLock:
        """Take the lock or raise `WorkspaceInUse` naming the process that holds it."""
        path = lock_path(workspace)
        if fcntl is None:  # pragma: no cover - Windows
            return cls(path, None)
        while True:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(handle, 200).decode("utf-8", "replace").strip()
                os.close(handle)
                who = f" ({holder})" if holder else ""
                raise WorkspaceInUse(
                    f"{workspace} is open in another riwaya{who}: close that one first"
                ) from None
            # The holder removes the file as it lets go: if it did so between our open
            # and our lock, we hold a lock on a name nobody sees. Try again on the new file.
            if _same_file(path, handle):
                break
            os.close(handle)
        os.ftruncate(handle, 0)
        os.write(handle, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
        return cls(path, handle)

    def release(self) -> None:
        """Remove the lock file, then let go (in that order, see `acquire`)."""
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._handle)
        self._handle = None


def _same_file(path: Path, handle: int) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(handle).st_ino
    except FileNotFoundError:
        return False
