"""The entry point the command line calls: run the app, restore the terminal, return a status."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from riwaya.core.errors import RiwayaError
from riwaya.core.model import Report
from riwaya.core.store import ensure_new
from riwaya.core.workspace import Workspace, workspace_path
from riwaya.tui import terminal
from riwaya.tui.app import RiwayaApp

ProgressFn = Callable[[float, str], None]


def job_for_specs(specs: Sequence[str], encoding: str | None = None) -> Callable[..., Report]:
    """A job that loads `specs` (files, folders, URLs, -) and analyses them, in the worker."""

    def job(progress: ProgressFn | None = None) -> Report:
        from riwaya.core.engine import analyze
        from riwaya.core.inputs import sources_from_specs

        if progress:
            progress(0.0, "loading sources")
        sources, skipped = sources_from_specs(specs, encoding=encoding)
        return analyze(sources, progress=progress, skipped=skipped)

    return job


def run(
    sources_job: Callable[..., Report] | Sequence[str] | None,
    *,
    demo: bool = False,
    bidi: str = "app",
    encoding: str | None = None,
    save: str | None = None,
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
    save_to = workspace_path(save) if save else None
    if save_to is not None:
        try:
            ensure_new(save_to)
        except RiwayaError as error:
            print(f"riwaya: {error}", file=sys.stderr)
            return 2
    job = sources_job
    if job is not None and not callable(job):
        job = job_for_specs(list(job), encoding) if job else None
    return _run(RiwayaApp(job, demo=demo, bidi=bidi, save_to=save_to, encoding=encoding))


def open_workspace(name: str, *, bidi: str = "app") -> int:
    """`riwaya open NAME.riwaya`: the app where the user left it (or a one-line error)."""
    if not _bidi_ok(bidi):
        return 2
    try:
        workspace = Workspace.open(workspace_path(name))
    except RiwayaError as error:
        print(f"riwaya: {error}", file=sys.stderr)
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


def _run(app: RiwayaApp) -> int:
    try:
        app.run()
    finally:
        if app.sent_explicit:
            stream = sys.__stderr__ or sys.stderr
            stream.write(terminal.restore_sequence(os.environ))
            stream.flush()
    return app.return_code or 0
