"""The entry point the command line calls: run the app, restore the terminal, return a status."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from riwaya.core.errors import RiwayaError
from riwaya.core.sanitize import one_line
from riwaya.tui import terminal
from riwaya.tui.app import RiwayaApp

if TYPE_CHECKING:
    from riwaya.core.model import Report

ProgressFn = Callable[[float, str], None]


def job_for_specs(
    specs: Sequence[str], encoding: str | None = None, max_bytes: int | None = None
) -> Callable[..., Report]:
    """A job that loads `specs` (files, folders, URLs, -) and analyses them, in the worker."""

    def job(progress: ProgressFn | None = None) -> Report:
        from riwaya.core.engine import analyze
        from riwaya.core.inputs import sources_from_specs

        if progress:
            progress(0.0, "loading sources")
        if max_bytes is None:
            sources, skipped = sources_from_specs(specs, encoding=encoding)
        else:
            sources, skipped = sources_from_specs(specs, encoding=encoding, max_bytes=max_bytes)
        return analyze(sources, progress=progress, skipped=skipped)

    return job


def run(
    sources_job: Callable[..., Report] | Sequence[str] | None,
    *,
    demo: bool = False,
    bidi: str = "app",
    encoding: str | None = None,
    save: str | None = None,
    max_bytes: int | None = None,
) -> int:
    """Open the app on the report `sources_job` builds (in a worker), or on the samples.

    `sources_job` is either a callable run in a thread (given `progress=` when it accepts
    that keyword: a callback `(fraction, stage)` that drives the progress bar) or the
    source specs from the command line. With `save`, the analysis and the review go to
    that new workspace file. Returns the exit status: 0, or 2 when the sources could not
    be analysed (Textual prints the one-line message at exit).
    """
    if not _bidi_ok(bidi):
        return 2
    save_to = None
    if save:
        # Imported here, not at the top: the workspace brings sqlite3, which the
        # chooser of `riwaya --demo` does not need before its first frame.
        from riwaya.core.store import ensure_new
        from riwaya.core.workspace import workspace_path

        save_to = workspace_path(save)
        try:
            ensure_new(save_to)
        except RiwayaError as error:
            print(f"riwaya: {one_line(str(error))}", file=sys.stderr)
            return 2
    job = sources_job
    if job is not None and not callable(job):
        if job and not any(_may_load(spec) for spec in job):
            status = _nothing_to_open(list(job))
            if status is not None:
                return status  # else a file appeared meanwhile: open it as usual
        job = job_for_specs(list(job), encoding, max_bytes) if job else None
    return _run(RiwayaApp(job, demo=demo, bidi=bidi, save_to=save_to, encoding=encoding))


def _may_load(spec: str) -> bool:
    """A spec that may give a source: stdin, a URL, or a path that exists."""
    return spec == "-" or "://" in spec or os.path.exists(spec)


def _nothing_to_open(specs: list[str]) -> int | None:
    """Every source is a missing file: say so before the screen is taken over."""
    from riwaya.core.inputs import sources_from_specs

    try:
        sources_from_specs(specs)
    except RiwayaError as error:
        print(f"riwaya: {one_line(str(error))}", file=sys.stderr)
        return 2
    return None


def open_workspace(name: str, *, bidi: str = "app") -> int:
    """`riwaya open NAME.riwaya`: the app where the user left it (or a one-line error)."""
    if not _bidi_ok(bidi):
        return 2
    from riwaya.core.workspace import Workspace, workspace_path

    try:
        workspace = Workspace.open(workspace_path(name))
    except RiwayaError as error:
        print(f"riwaya: {one_line(str(error))}", file=sys.stderr)
        return 2
    try:
        return _run(RiwayaApp(workspace=workspace, bidi=bidi))
    finally:
        workspace.close()


def _bidi_ok(bidi: str) -> bool:
    if bidi in terminal.BIDI_MODES:
        return True
    print(f"riwaya: --bidi must be one of {', '.join(terminal.BIDI_MODES)}", file=sys.stderr)
    return False


def _utf8_streams() -> None:
    """Write to the terminal in UTF-8 whatever the locale says.

    Under `LC_ALL=C` (or an ISO-8859 locale) Python's standard streams are ASCII or
    Latin-1, and Textual, which draws on `sys.__stderr__`, would print every Arabic
    letter, box line and symbol as a backslash escape. Terminals riwaya can show Arabic
    on all read UTF-8, so the streams are switched to it before Textual starts.
    """
    for stream in (sys.__stdout__, sys.__stderr__):
        encoding = getattr(stream, "encoding", None) or ""
        if encoding.replace("-", "").lower() != "utf8" and hasattr(stream, "reconfigure"):
            # ValueError: already read from; OSError: not a stream that can change.
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(encoding="utf-8")


def _run(app: RiwayaApp) -> int:
    _utf8_streams()
    try:
        app.run()
    finally:
        if app.sent_explicit:
            stream = sys.__stderr__ or sys.stderr
            stream.write(terminal.restore_sequence(os.environ))
            stream.flush()
    return app.return_code or 0
