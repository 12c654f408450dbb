"""The riwaya App: chooses what to analyse, runs the engine in a worker, shows the report,
and owns the workspace the review is written to (opened, created, re-analysed, closed)."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from riwaya.core.errors import RiwayaError
from riwaya.core.sanitize import one_line
from riwaya.tui import terminal
from riwaya.tui.messages import AnalysisDone, AnalysisFailed, AnalysisProgress, SourcesChanged
from riwaya.tui.screens.chooser import ChooserScreen
from riwaya.tui.screens.confirm import ConfirmScreen
from riwaya.tui.screens.help import HelpScreen
from riwaya.tui.screens.loading import LoadingScreen

# Only what the first screen (the chooser, or the progress bar) needs is imported here:
# the report and review screens, the workspace (sqlite3) and the engine are imported
# where they are first used, so that the app draws its first frame sooner.
if TYPE_CHECKING:
    from riwaya.core.model import Report
    from riwaya.core.review import Review
    from riwaya.core.workspace import Workspace
    from riwaya.tui.screens.review import ReviewScreen

Job = Callable[..., "Report"]
"""Builds the report; called in a worker thread, with `progress=` if it accepts one."""


def _accepts_progress(job: Job) -> bool:
    try:
        return "progress" in inspect.signature(job).parameters
    except (TypeError, ValueError):
        return False


class RiwayaApp(App[int]):
    """Sources side by side, their claims, and where the accounts contradict each other."""

    TITLE = "riwaya"
    CSS_PATH = "riwaya.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys"),
        Binding("b", "cycle_bidi", "Bidi", show=False),
    ]

    bidi: reactive[str] = reactive("app", init=False)

    def __init__(
        self,
        job: Job | None = None,
        *,
        demo: bool = False,
        bidi: str = "app",
        report: Report | None = None,
        environ: Mapping[str, str] | None = None,
        workspace: Workspace | None = None,
        save_to: Path | None = None,
        encoding: str | None = None,
    ) -> None:
        super().__init__()
        self.job = job
        self.demo = demo
        self.workspace = workspace
        """Where the review is written; None until the user saves (or `--save`)."""
        self.save_to = save_to
        """`--save`: the workspace to create once the analysis is done."""
        self.encoding = encoding
        self.report = workspace.review.report if workspace is not None else report
        self.environ = dict(os.environ if environ is None else environ)
        self.set_reactive(RiwayaApp.bidi, bidi)
        self.sent_explicit = False
        """Whether the terminal was switched to explicit bidi mode (to undo at exit)."""

    # ---- start-up: choose, analyse, show --------------------------------------------

    def on_mount(self) -> None:
        self._apply_bidi_to_terminal()
        name = terminal.reordering_terminal(self.environ)
        if name and self.bidi == "app":
            self.notify(
                f"{name} may reorder Arabic itself. If Arabic reads backwards, press b "
                "for terminal mode.",
                severity="warning",
                timeout=8,
            )
        if self.workspace is not None:
            self.push_screen(self._report_screen(self.workspace.review))
            self._check_sources(self.workspace)
        elif self.report is not None:
            from riwaya.core.review import overlay

            self.push_screen(self._report_screen(overlay(self.report, {})))
        elif self.demo:
            self._start_demo()
        elif self.job is not None:
            self._analyse(self.job, "Analysing sources…")
        else:
            self.exit(return_code=2, message="riwaya: nothing to show.")

    def _start_demo(self) -> None:
        from riwaya.core import samples

        sets = samples.sample_sets()
        if not sets:
            self.exit(return_code=2, message="riwaya: no bundled samples found.")
        elif len(sets) == 1:
            self._open_sample(sets[0].name)
        else:
            self._warm_up()  # while the user picks a set, the engine loads its lexicons
            self.push_screen(ChooserScreen(sets), self._open_sample)

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        from riwaya.core.engine import warm_up

        warm_up()

    def _open_sample(self, name: str | None) -> None:
        if name is None:
            return
        from riwaya.core import engine, samples

        def job(progress: Callable[[float, str], None]) -> Report:
            return engine.analyze(samples.load_sample(name), progress=progress)

        self._analyse(job, f"Analysing sample “{name}”…")

    def _analyse(self, job: Job, title: str) -> None:
        self.push_screen(LoadingScreen(title))
        self._run_job(job)

    @work(thread=True, exclusive=True, group="analysis")
    def _run_job(self, job: Job) -> None:
        def progress(fraction: float, stage: str) -> None:
            self.post_message(AnalysisProgress(fraction, stage))

        try:
            report = job(progress=progress) if _accepts_progress(job) else job()
        except RiwayaError as error:
            self.post_message(AnalysisFailed(str(error)))
        except Exception as error:  # noqa: BLE001 - shown to the user, not swallowed
            self.post_message(AnalysisFailed(f"analysis failed: {error!r}"))
        else:
            self.post_message(AnalysisDone(report))

    @on(AnalysisProgress)
    def _progress(self, message: AnalysisProgress) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(message.fraction, message.stage)

    @on(AnalysisDone)
    def _done(self, message: AnalysisDone) -> None:
        review = self._review_of(message.report)
        self.report = review.report
        screen = self._report_screen(review)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        for skipped in message.report.skipped:
            self.notify(one_line(skipped), severity="warning", timeout=6, markup=False)
        if review.unmatched or review.lost_manual:
            from riwaya.tui.screens.unmatched import UnmatchedScreen

            self.push_screen(UnmatchedScreen(review, self.bidi))

    def _review_of(self, report: Report) -> Review:
        """The review to show over a new analysis: carried over, or in a new workspace."""
        from riwaya.core.review import overlay

        if self.workspace is not None:
            try:
                return self.workspace.adopt(report)
            except RiwayaError as error:
                not_saved = one_line(f"Not saved: {error}")
                self.notify(not_saved, severity="error", timeout=10, markup=False)
                return self.workspace.review
        if self.save_to is not None:
            self.workspace = self._create_workspace(self.save_to, report)
        return self.workspace.review if self.workspace is not None else overlay(report, {})

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        if self.workspace is None:
            self.exit(return_code=2, message=f"riwaya: {message.error}")
            return
        # A re-analysis failed: the stored analysis is still there, go back to it.
        failed = one_line(f"Re-analysis failed: {message.error}")
        self.notify(failed, severity="error", timeout=10, markup=False)
        self.switch_screen(self._report_screen(self.workspace.review))

    def _report_screen(self, review: Review) -> ReviewScreen:
        from riwaya.tui.screens.review import ReviewScreen
        from riwaya.tui.view_state import ViewState

        workspace = self.workspace
        view = ViewState.from_strings(workspace.view()) if workspace is not None else None
        return ReviewScreen(review, self.bidi, workspace=workspace, view=view)

    # ---- the workspace -------------------------------------------------------------------

    def _create_workspace(self, path: Path, report: Report) -> Workspace | None:
        from riwaya.core.workspace import Workspace

        try:
            workspace = Workspace.create(path, report, encoding=self.encoding)
        except (RiwayaError, OSError) as error:
            failed = one_line(f"No workspace: {error}")
            self.notify(failed, severity="error", timeout=10, markup=False)
            return None
        self.notify(one_line(f"Saving as you go in {workspace.path}"), timeout=4, markup=False)
        return workspace

    def on_review_screen_workspace_wanted(self, message: ReviewScreen.WorkspaceWanted) -> None:
        # Named for the message rather than `@on(ReviewScreen.WorkspaceWanted)`: the
        # decorator would import the review screen before the first frame.
        from riwaya.core.workspace import suggested_path
        from riwaya.tui.screens.review import ReviewScreen
        from riwaya.tui.screens.save import SaveScreen

        screen = self.screen
        if not isinstance(screen, ReviewScreen) or self.workspace is not None:
            return

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            self.workspace = self._create_workspace(path, screen.report)
            if self.workspace is not None:
                screen.attach(self.workspace)

        why = Text.assemble(
            "A workspace keeps the sources, the analysis and every decision, ",
            "saved as you make them. ",
            ("riwaya open NAME", "bold"),
            " brings it back.",
        )
        self.push_screen(SaveScreen(suggested_path(screen.report, Path.cwd()), why), chosen)

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def _check_sources(self, workspace: Workspace) -> None:
        """Read the source files again (advisory: a failure here only skips the check)."""
        changes = workspace.changed_sources()
        if changes:
            self.post_message(SourcesChanged(changes))

    @on(SourcesChanged)
    def _sources_changed(self, message: SourcesChanged) -> None:
        changes = message.changes
        lines = [f"• {change.reason}" for change in changes]
        if all(change.text is None for change in changes):
            kept = "\n".join([*map(one_line, lines), "The stored text is kept."])
            self.notify(kept, severity="warning", markup=False)
            return
        question = Text("\n").join(
            [
                Text("Since this workspace was analysed:"),
                *(Text(line) for line in lines),
                Text(),
                Text(
                    "Re-analyse with the new text? Decisions follow their claims; those that "
                    "no longer match are kept and listed."
                ),
            ]
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._reanalyse(changes)

        self.push_screen(
            ConfirmScreen("Sources changed", question, "re-analyse", "keep the analysis"),
            answered,
        )

    def _reanalyse(self, changes: Sequence) -> None:
        workspace = self.workspace
        if workspace is None:
            return

        from riwaya.core.workspace import reanalysed

        def job(progress: Callable[[float, str], None]) -> Report:
            return reanalysed(workspace.analysis, changes, progress)

        self.switch_screen(LoadingScreen("Re-analysing the changed sources…"))
        self._run_job(job)

    def action_check_sources(self) -> None:
        if self.workspace is None:
            self.notify("No workspace: there is nothing to check against (w saves one).")
            return
        self._check_sources(self.workspace)

    def on_unmount(self) -> None:
        if self.workspace is not None:
            self.workspace.close()

    # ---- bidi mode -----------------------------------------------------------------------

    def action_cycle_bidi(self) -> None:
        self.bidi = terminal.next_mode(self.bidi)  # type: ignore[arg-type]

    def watch_bidi(self, mode: str) -> None:
        self._apply_bidi_to_terminal()
        from riwaya.tui.screens.report import ReportScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReportScreen):
                screen.set_bidi(mode)
        hints = {
            "app": "riwaya shapes and orders Arabic",
            "terminal": "the terminal orders Arabic; one pane at a time",
            "off": "logical order, unshaped (screen readers)",
        }
        self.notify(f"Bidi {mode}: {hints[mode]}", timeout=3)

    def _apply_bidi_to_terminal(self) -> None:
        """Tell the terminal who reorders: explicit mode in `app`, implicit otherwise."""
        driver = self._driver
        if driver is None or self.is_headless:
            return
        if self.bidi == "app" or self.sent_explicit:
            driver.write(terminal.bidi_sequence(self.bidi, self.environ))  # type: ignore[arg-type]
            driver.flush()
            self.sent_explicit = True

    # ---- keys, help and palette ---------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        """The bindings to list on the help screen, grouped by where they act."""
        from riwaya.tui.screens.report import ReportScreen
        from riwaya.tui.screens.review import ReviewScreen
        from riwaya.tui.widgets.source_view import SourceView

        marking = [
            Binding("up,down", "pick", "While marking: move between the pane's claims"),
            Binding("enter", "pick", "While marking: choose the claim"),
        ]
        scroll = [
            Binding("up,down", "scroll", "Scroll a line"),
            Binding("pageup,pagedown", "page", "Scroll a page"),
            Binding("home,end", "ends", "Top / bottom"),
        ]
        panes = [b for b in _bindings(SourceView.BINDINGS) if b.action != "pick"]
        return [
            ("Findings and panes", _bindings(ReportScreen.BINDINGS)),
            ("Reviewing (saved as you go)", _bindings(ReviewScreen.BINDINGS) + marking),
            ("Scrolling the focused pane", panes + scroll),
            (
                "App",
                [
                    *_bindings(self.BINDINGS),
                    Binding("ctrl+p", "command_palette", "Command palette"),
                ],
            ),
        ]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from riwaya.tui.screens.report import ReportScreen

        if isinstance(screen, ReportScreen):
            yield from screen.system_commands()
        yield SystemCommand("Keys", "Every key of riwaya", self.action_help)
        yield SystemCommand("Bidi mode", "Cycle app → terminal → off", self.action_cycle_bidi)
        if self.workspace is not None:
            yield SystemCommand(
                "Check sources",
                "Look for source files that changed since the analysis (and re-analyse)",
                self.action_check_sources,
            )
        yield from super().get_system_commands(screen)


def _bindings(bindings: Iterable) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]
