"""Ask for the name of a new workspace file (the `w` key, or the first decision without one)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from riwaya.core.workspace import workspace_path


class SaveScreen(ModalScreen[Path | None]):
    """An input prefilled with a suggestion; the result is the chosen path, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: Path, why: str) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.why = why

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box") as box:
            box.border_title = "Save as a workspace"
            box.border_subtitle = "enter save · esc cancel"
            yield Static(self.why, id="save-why")
            yield Input(str(self.suggestion), id="save-path")
            yield Static("", id="save-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#save-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        path = workspace_path(event.value.strip())
        if path.exists():
            self.query_one("#save-error", Static).update(f"{path} exists: choose another name.")
            return
        if not path.parent.is_dir():
            self.query_one("#save-error", Static).update(f"No folder {path.parent}.")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
