"""Errors a user can cause with a workspace or an export, each one line they can act on.

They are `RiwayaError`s, so the command line prints `riwaya: <message>` and exits 2.
"""

from __future__ import annotations

from riwaya.core.errors import RiwayaError


class WorkspaceError(RiwayaError):
    """Base for what can go wrong with a workspace file."""


class NoWorkspace(WorkspaceError):
    """The path names nothing."""


class NotAWorkspace(WorkspaceError):
    """The file exists but is not a workspace riwaya wrote (or it was damaged)."""


class NewerWorkspace(WorkspaceError):
    """A newer riwaya wrote the file: this one would not understand it."""


class WorkspaceInUse(WorkspaceError):
    """Another riwaya has the workspace open for writing."""


class WriteFailed(WorkspaceError):
    """A change could not be written (disk full, file gone): the user must know at once."""


class WorkspaceExists(WorkspaceError):
    """Creating a workspace would replace an existing file."""


class TargetExists(RiwayaError):
    """Writing an export would replace an existing file the user did not say to replace."""
