"""Every key of the app, read from the bindings themselves so that it never goes stale."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

NOTES = (
    "Arrows, j/k, page up/down, home/end and space scroll the focused pane.",
    "Search ignores harakat, tatweel, hamza forms of alef, ة/ه and ى/ي.",
    "Bidi modes: app (riwaya shapes and reorders Arabic), terminal (the terminal does it:"
    " one pane at a time), off (logical text, for screen readers).",
    "Every decision and note is written to the workspace as it is made (w names one;"
    " riwaya open NAME.riwaya comes back to where you were).",
)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen below it, of the app and of the panes."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.groups:
            table.add_row(f"[underline]{title}[/]", "")
            # A key bound twice (v: by speaker, by source) is listed once with both.
            rows: dict[str, list[str]] = {}
            for binding in bindings:
                said = rows.setdefault(self.app.get_key_display(binding), [])
                description = binding.description or binding.action
                if description not in said:
                    said.append(description)
            for key, descriptions in rows.items():
                table.add_row(key, " / ".join(descriptions))
            table.add_row("", "")
        for note in NOTES:
            table.add_row("·", note)
        with VerticalScroll(id="help-box") as box:
            box.border_title = "riwaya keys"
            box.border_subtitle = "esc close"
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
