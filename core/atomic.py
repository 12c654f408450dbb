"""Files riwaya writes appear whole or not at all.

The data goes to a temporary file beside the target, is flushed to disk, then takes the
target's name in one step: a rename when replacing is allowed, a hard link otherwise
(which fails, atomically, when the target exists). A crash leaves either the old file or
the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from riwaya.core.errors import OutputError, os_cause
from riwaya.core.workspace_errors import TargetExists

_UMASK_LOCK = threading.Lock()


def temporary_beside(target: Path) -> Path:
    """A new, empty, hidden file in the target's folder (so that a rename stays on one disk),
    with the permissions a plain `open` would give (mkstemp makes it private)."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())
    except (AttributeError, OSError):  # pragma: no cover - Windows has no fchmod
        pass
    finally:
        os.close(handle)
    return Path(name)


def _umask() -> int:
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomic(target: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `target`; raises `TargetExists` when it exists and `overwrite` is off,
    and `OutputError` (naming the file and the cause) when the system refuses."""
    if target.is_dir():
        raise OutputError(f"could not write {target}: it is a folder")
    if not overwrite and target.exists():
        raise _exists(target)
    try:
        temp = temporary_beside(target)
    except FileNotFoundError:
        missing = f"its folder {target.parent} does not exist"
        raise OutputError(f"could not write {target}: {missing}") from None
    except OSError as error:
        raise OutputError(f"could not write {target}: {os_cause(error)}") from None
    try:
        with open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        publish(temp, target, overwrite=overwrite)
    except OSError as error:
        raise OutputError(f"could not write {target}: {os_cause(error)}") from None
    finally:
        temp.unlink(missing_ok=True)


def publish(temp: Path, target: Path, *, overwrite: bool) -> None:
    """Give the finished file `temp` the name `target` in one step."""
    if overwrite:
        os.replace(temp, target)
    else:
        try:
            os.link(temp, target)
        except FileExistsError:
            raise _exists(target) from None
        except OSError:
            # No hard links on this file system (FAT, some network shares): check, then rename.
            if target.exists():
                raise _exists(target) from None
            os.replace(temp, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX only; elsewhere the rename is as good as it gets)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _exists(target: Path) -> TargetExists:
    return TargetExists(f"{target} already exists: choose another name or replace it (--force)")
