"""Shown while the analysis runs in a worker: what it is doing and how far it got."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar


class LoadingScreen(Screen):
    """A progress bar (indeterminate until the engine reports a fraction) and the stage."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(self.title_text, id="loading-title")
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
            yield Label("starting…", id="loading-stage")
        yield Footer()

    def progress(self, fraction: float, stage: str) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=100, progress=round(100 * max(0.0, min(1.0, fraction))))
        self.query_one("#loading-stage", Label).update(stage)
