"""The note on one finding: multi-line, Arabic or English, saved as it is typed.

Textual's TextArea draws Arabic in logical order, unshaped (Textual does no bidi, see
RTL.md); in `app` bidi mode a preview below it lays every paragraph out the way the panes
do, each in its own direction, so the journalist can read back what they wrote.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from riwaya.core.arabic import arabic_ratio
from riwaya.tui import labels


def preview(note: str, width: int, mode: str) -> Text:
    """The note laid out paragraph by paragraph, each in the direction of its script."""
    out = [
        labels.block(paragraph, width, "rtl" if arabic_ratio(paragraph) >= 0.5 else "ltr", mode)
        for paragraph in note.split("\n")
    ]
    result = Text("\n").join(out)
    result.no_wrap = True
    return result


class NoteScreen(ModalScreen[None]):
    """A modal editor; every change is handed to `save` at once, escape closes."""

    BINDINGS = [Binding("escape", "close", "Done")]

    def __init__(self, title: str, note: str, bidi: str, save: Callable[[str], None]) -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.bidi = bidi
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box") as box:
            box.border_title = f"Note on {self.title_text}"
            box.border_subtitle = "saved as you type · esc done"
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Static(id="note-preview")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        self._show_preview()

    def on_resize(self) -> None:
        self._show_preview()

    @on(TextArea.Changed, "#note-text")
    def _changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != self.note:
            self.note = text
            self.save(text)
        self._show_preview()

    def _show_preview(self) -> None:
        static = self.query_one("#note-preview", Static)
        shown = self.bidi == "app" and arabic_ratio(self.note) > 0
        static.display = shown
        if shown:
            static.update(preview(self.note, max(10, static.size.width or 60), self.bidi))

    def action_close(self) -> None:
        self.dismiss(None)
