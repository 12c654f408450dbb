"""Choose a format and a file for the export (the `E` key)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from riwaya.core.export import FORMATS, SUFFIXES

NAMES = {"markdown": "Markdown (story desk)", "json": "JSON (check schema)", "html": "HTML page"}


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """The result is (format, path), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, stem: Path) -> None:
        super().__init__()
        self.stem = stem
        """The suggested file without its suffix: the suffix follows the format."""
        self.fmt = FORMATS[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export the review"
            box.border_subtitle = "tab move · enter export · esc cancel"
            with RadioSet(id="export-format"):
                for index, fmt in enumerate(FORMATS):
                    yield RadioButton(NAMES[fmt], value=index == 0, name=fmt)
            yield Input(str(self.stem.with_suffix(SUFFIXES[self.fmt])), id="export-path")
            yield Static("", id="export-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        new = event.pressed.name or FORMATS[0]
        path_input = self.query_one(Input)
        path = Path(path_input.value)
        if path.suffix == SUFFIXES[self.fmt]:
            path_input.value = str(path.with_suffix(SUFFIXES[new]))
        self.fmt = new

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip() or path.is_dir():
            self.query_one("#export-error", Static).update("Give a file name.")
            return
        if not path.parent.is_dir():
            self.query_one("#export-error", Static).update(f"No folder {path.parent}.")
            return
        self.dismiss((self.fmt, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
