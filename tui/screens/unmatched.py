"""Decisions whose finding is gone after a re-analysis: kept, and listed here.

They are never dropped: a claim whose words changed may come back, and the journalist's
note is worth keeping either way. The exports list them too.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from riwaya.core.arabic import arabic_ratio
from riwaya.core.review import Review
from riwaya.tui import labels
from riwaya.tui.screens.note import preview


def _direction(text: str) -> str:
    return "rtl" if arabic_ratio(text) >= 0.5 else "ltr"


class UnmatchedList(Static):
    """The list, laid out at the widget's width (claims through the bidi layout)."""

    def __init__(self, review: Review, bidi: str) -> None:
        super().__init__()
        self.review = review
        self.bidi = bidi

    def on_resize(self) -> None:
        self.update(self.describe(max(10, self.size.width)))

    def describe(self, width: int) -> Text:
        out: list[Text] = []
        for decision in self.review.unmatched:
            out.append(Text(f"{decision.status} · {decision.kind or 'finding'}", "bold"))
            out += self._sides(decision.sides, width)
            if decision.note.strip():
                out.append(Text("note:", "dim"))
                out.append(preview(decision.note, width, self.bidi))
            out.append(Text())
        for marked in self.review.lost_manual:
            out.append(Text("marked by hand", "bold"))
            out += self._sides(tuple(f"{s.source}: {s.text}" for s in marked.sides), width)
            out.append(Text())
        result = Text("\n").join(out)
        result.no_wrap = True
        return result

    def _sides(self, sides: tuple[str, ...], width: int) -> list[Text]:
        return [
            Text(f"{letter} ", "bold reverse")
            + labels.one_line(side, width - 3, _direction(side), self.bidi)
            for letter, side in zip("AB", sides, strict=False)
        ]


class UnmatchedScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, review: Review, bidi: str) -> None:
        super().__init__()
        self.review = review
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        count = len(self.review.unmatched) + len(self.review.lost_manual)
        with VerticalScroll(id="unmatched-box") as box:
            match = "match" if count != 1 else "matches"
            box.border_title = f"{count} decision{'s' * (count != 1)} no longer {match} a finding"
            box.border_subtitle = "kept in the workspace and the exports · esc close"
            yield UnmatchedList(self.review, self.bidi)

    def action_close(self) -> None:
        self.dismiss(None)
