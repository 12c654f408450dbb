"""Pick one of the bundled sample sets (riwaya --demo when there are several)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


class ChooserScreen(Screen[str]):
    """An option list of sample sets; enter opens one, its name is the screen's result."""

    BINDINGS = [Binding("escape", "app.quit", "Quit", show=False)]

    def __init__(self, sets: Sequence) -> None:
        super().__init__()
        self.sets = list(sets)

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser"):
            yield Static(Text("riwaya: choose a sample set", style="bold"), id="chooser-title")
            yield OptionList(
                *(
                    Option(
                        Text.assemble((s.title, "bold"), "\n", (s.description, "dim")),
                        id=s.name,
                    )
                    for s in self.sets
                ),
                id="chooser-list",
            )
            yield Static("↑/↓ choose · enter open · esc quit", id="chooser-help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id)
