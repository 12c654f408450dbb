"""The riwaya App: chooses what to analyse, runs the engine in a worker, shows the report."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterable, Mapping

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from riwaya.core.errors import RiwayaError
from riwaya.core.model import Report
from riwaya.tui import terminal
from riwaya.tui.messages import AnalysisDone, AnalysisFailed, AnalysisProgress
from riwaya.tui.screens.chooser import ChooserScreen
from riwaya.tui.screens.help import HelpScreen
from riwaya.tui.screens.loading import LoadingScreen
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.widgets.source_view import SourceView

Job = Callable[..., Report]
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
        Binding("b", "cycle_bidi", "Bidi"),
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
    ) -> None:
        super().__init__()
        self.job = job
        self.demo = demo
        self.report = report
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
        if self.report is not None:
            self.push_screen(ReportScreen(self.report, self.bidi))
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
            self.push_screen(ChooserScreen(sets), self._open_sample)

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
        self.report = message.report
        screen = ReportScreen(message.report, self.bidi)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        for skipped in message.report.skipped:
            self.notify(skipped, severity="warning", timeout=6)

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        self.exit(return_code=2, message=f"riwaya: {message.error}")

    # ---- bidi mode -----------------------------------------------------------------------

    def action_cycle_bidi(self) -> None:
        self.bidi = terminal.next_mode(self.bidi)  # type: ignore[arg-type]

    def watch_bidi(self, mode: str) -> None:
        self._apply_bidi_to_terminal()
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
        groups = [
            ("Findings and panes", _bindings(ReportScreen.BINDINGS)),
            ("Scrolling the focused pane", _bindings(SourceView.BINDINGS)),
            ("App", _bindings(self.BINDINGS)),
        ]
        extra = [Binding("ctrl+p", "command_palette", "Command palette")]
        groups[-1][1].extend(extra)
        scroll = [
            Binding("up,down", "scroll", "Scroll a line"),
            Binding("pageup,pagedown", "page", "Scroll a page"),
            Binding("home,end", "ends", "Top / bottom"),
        ]
        groups[1][1].extend(scroll)
        return groups

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ReportScreen):
            yield from screen.system_commands()
        yield SystemCommand("Keys", "Every key of riwaya", self.action_help)
        yield SystemCommand("Bidi mode", "Cycle app → terminal → off", self.action_cycle_bidi)
        yield from super().get_system_commands(screen)


def _bindings(bindings: Iterable) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]
