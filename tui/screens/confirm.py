"""A yes/no question over the current screen (replace a file, re-analyse changed sources)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """y or enter says yes; n or escape says no. The answer is the screen's result."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, message: Text | str, yes: str, no: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = f"y {yes} · n {no}"

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = self.choices
            yield Static(self.message, id="confirm-message")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
