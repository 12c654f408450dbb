"""Messages the analysis and source-check workers send up to the app.

Widget-specific messages (a finding selected, a pane scrolled) are nested in their
widgets, as Textual's own widgets do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the chooser imports this module: keep sqlite3 and the model out of it
    from riwaya.core.model import Report
    from riwaya.core.workspace import SourceChange


class AnalysisProgress(Message):
    """The engine reports how far it got: `fraction` in [0, 1] and what it is doing."""

    def __init__(self, fraction: float, stage: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.stage = stage


class AnalysisDone(Message):
    """The report is ready to show."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report


class AnalysisFailed(Message):
    """The sources could not be analysed; `error` is one line a person can act on."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SourcesChanged(Message):
    """Files the workspace's sources came from hold other text now (or cannot be read)."""

    def __init__(self, changes: list[SourceChange]) -> None:
        super().__init__()
        self.changes = changes
