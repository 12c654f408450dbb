"""The review desk: confirm, dismiss, reopen, annotate and mark findings on the report screen.

Every change is in the workspace file when its key has been handled (`core.workspace`), so
there is no save step to forget and a dropped connection loses at most the keystroke in
flight. Without a workspace, the first decision asks where to keep one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from riwaya.core import export
from riwaya.core.errors import RiwayaError
from riwaya.core.model import Finding
from riwaya.core.review import Review, Status
from riwaya.core.workspace import Workspace
from riwaya.tui.document import Numbering, source_docs, speaker_docs
from riwaya.tui.screens.confirm import ConfirmScreen
from riwaya.tui.screens.export import ExportScreen
from riwaya.tui.screens.note import NoteScreen
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.screens.unmatched import UnmatchedScreen
from riwaya.tui.view_state import ViewState
from riwaya.tui.widgets.source_view import SourceView

T = TypeVar("T")


class ReviewScreen(ReportScreen):
    """The report screen with the review keys; writes to `workspace` (None until saved)."""

    BINDINGS = [
        Binding("c", "decide('confirmed')", "Confirm"),
        Binding("x", "decide('dismissed')", "Dismiss"),
        Binding("u", "decide('open')", "Back to open", show=False),
        Binding("e", "note", "Edit the note", show=False),
        Binding("m", "mark", "Mark a missed contradiction", show=False),
        Binding("w", "save", "Save as a workspace", show=False),
        Binding("E", "export", "Export the review", show=False),
    ]

    class WorkspaceWanted(Message):
        """A review action needs a workspace to write to: the app asks for a file name
        and calls `attach`, which runs the action that asked."""

    marking: reactive[bool] = reactive(False, init=False)
    """Choosing two claims the engine did not set against each other (`m`)."""

    def __init__(
        self,
        review: Review,
        bidi: str = "app",
        workspace: Workspace | None = None,
        view: ViewState | None = None,
        **kwargs,
    ) -> None:
        super().__init__(review, bidi, view, **kwargs)
        self.workspace = workspace
        self.mark_first: str | None = None
        self._pending: str | None = None
        """The action that waits for a workspace (see `WorkspaceWanted`)."""

    def _status_text(self) -> Text:
        if self.marking:
            return self._marking_status()
        text = super()._status_text()
        # Last, so that the search position wins the room on a narrow terminal.
        text.append(" │ ")
        text.append(self.workspace.path.name if self.workspace else "not saved: w")
        return text

    def system_commands(self) -> Iterable[SystemCommand]:
        yield from super().system_commands()
        if self.review.unmatched or self.review.lost_manual:
            yield SystemCommand(
                "Unmatched decisions",
                "Decisions whose finding is gone after a re-analysis",
                self.show_unmatched,
            )

    def action_cancel(self) -> None:
        if self.marking:
            self.marking = False
            self.notify("Marking cancelled.", timeout=2)
        else:
            super().action_cancel()

    def attach(self, workspace: Workspace) -> None:
        """From now on decisions go to `workspace`; run the action that waited for it."""
        self.workspace = workspace
        self.review = workspace.review
        self.panel.set_review(self.review)
        self._save_view()
        self._update_status()
        if self._pending is not None:
            action, self._pending = self._pending, None
            self.call_later(self.run_action, action)

    def _has_workspace(self, action: str) -> bool:
        if self.workspace is not None:
            return True
        self._pending = action
        self.post_message(self.WorkspaceWanted())
        return False

    def _saving(self, write: Callable[[], T]) -> T | None:
        """Run a write to the workspace; say so loudly when it fails."""
        try:
            return write()
        except RiwayaError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return None

    def _target(self) -> Finding | None:
        finding = self._finding(self.selected)
        if finding is None:
            self.notify("Select a finding first (n, or the findings list).")
        return finding

    def _review_changed(self) -> None:
        if self.workspace is not None:
            self.review = self.workspace.review
        self.panel.set_review(self.review)
        self._update_status()

    def action_decide(self, status: Status) -> None:
        finding = self._target()
        if finding is None or not self._has_workspace(f"decide('{status}')"):
            return
        workspace = self.workspace
        assert workspace is not None
        if self._saving(lambda: workspace.decide(finding.id, status)) is not None:
            self._review_changed()

    def action_note(self) -> None:
        finding = self._target()
        if finding is None or not self._has_workspace("note"):
            return
        workspace = self.workspace
        assert workspace is not None

        def save(text: str) -> None:
            self._saving(lambda: workspace.write_note(finding.id, text))

        title = f"{finding.type} {self.numbering.label(finding)}"
        note = self.review.decision(finding.id).note
        self.app.push_screen(
            NoteScreen(title, note, self.bidi, save), lambda _: self._review_changed()
        )

    def action_mark(self) -> None:
        if not self._has_workspace("mark"):
            return
        self.marking = not self.marking
        if not self.marking:
            self.notify("Marking cancelled.", timeout=2)

    def watch_marking(self, marking: bool) -> None:
        self.mark_first = None
        for pane in self.panes:
            pane.view.stop_picking()
        if marking:
            current = self._current_pane()
            index = current if current is not None else self.first_pane
            if self.panes:
                self.focus_now(self.panes[index].view)
                self.panes[index].view.start_picking()
        else:
            self.watch_selected(self.selected)
        self._update_status()

    def _marking_status(self) -> Text:
        text = Text(" MARK ", style="bold reverse")
        if self.mark_first is None:
            text.append(" choose a claim: ↑/↓ move · enter choose · tab pane · esc cancel")
        else:
            text.append(" now the claim it contradicts: tab pane · ↑/↓ · enter · esc cancel")
        return text

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        view = event.widget
        if self.marking and isinstance(view, SourceView) and not view.picking:
            for pane in self.panes:
                pane.view.stop_picking()
            view.start_picking()
        self._save_view()

    @on(SourceView.Picked)
    async def _claim_picked(self, event: SourceView.Picked) -> None:
        event.stop()
        if not self.marking:
            return
        if self.mark_first is None:
            self.mark_first = event.claim_id
            event.view.show_claims([event.claim_id])
            self._update_status()
            return
        first, second = self.mark_first, event.claim_id
        if second == first:
            self.notify("Choose another claim: a claim does not contradict itself.", timeout=3)
            return
        self.marking = False
        found = self.review.between(first, second)
        if found is not None:
            self.notify(f"Already finding {self.numbering.label(found)}.", timeout=3)
            self.selected = found.id
            return
        workspace = self.workspace
        assert workspace is not None
        finding_id = self._saving(lambda: workspace.mark(first, second))
        if finding_id is None:
            return
        await self._show_review(workspace.review)
        self.selected = finding_id
        label = self.numbering.labels.get(finding_id, "")
        self.notify(f"Marked {label} as a contradiction (confirmed) · e adds a note", timeout=4)

    async def _show_review(self, review: Review) -> None:
        """A hand-marked finding changes claim roles and markers: rebuild the panes."""
        self.review = review
        self.report = review.report
        self.numbering = Numbering.of(self.report)
        self.panel.set_review(review)
        current = self._current_pane()
        if self.view_mode == "speaker" and self.docs:
            self.docs = speaker_docs(self.report, self.docs[0].key.split("/", 1)[0])
        else:
            self.docs = source_docs(self.report)
        await self._remount_panes(current if current is not None else 0, first=self.first_pane)

    def show_unmatched(self) -> None:
        self.app.push_screen(UnmatchedScreen(self.review, self.bidi))

    def action_save(self) -> None:
        if self.workspace is not None:
            self.notify(f"Saved as you go in {self.workspace.path}.", timeout=4)
        else:
            self._pending = None
            self.post_message(self.WorkspaceWanted())

    def _save_view(self) -> None:
        """Remember where the user is (written only when something changed)."""
        workspace = self.workspace
        if workspace is not None and self.is_mounted:
            state = self.view_state().to_strings()
            self._saving(lambda: workspace.save_view(state))

    # ---- export ------------------------------------------------------------------------

    def action_export(self) -> None:
        stem = self.workspace.path.with_suffix("") if self.workspace else Path("riwaya-review")
        self.app.push_screen(ExportScreen(stem), self._export_chosen)

    def _export_chosen(self, choice: tuple[str, Path] | None) -> None:
        if choice is None:
            return
        fmt, path = choice
        if not path.exists():
            self._export(fmt, path, overwrite=False)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._export(fmt, path, overwrite=True)

        question = f"{path} already exists. Replace it with this export?"
        self.app.push_screen(ConfirmScreen("Replace file?", question, "replace", "keep"), answered)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, path: Path, overwrite: bool) -> None:
        title = self.workspace.name if self.workspace else "riwaya"
        try:
            export.write(self.review, fmt, path, title=title, overwrite=overwrite)
        except (RiwayaError, OSError) as error:
            self.app.call_from_thread(
                self.notify, f"Export failed: {error}", severity="error", timeout=10
            )
        else:
            self.app.call_from_thread(self.notify, f"Exported to {path}", timeout=4)
