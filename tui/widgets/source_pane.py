"""One pane: a header (label, language, direction, counts) above the source's text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from riwaya.tui import labels
from riwaya.tui.document import PaneDoc
from riwaya.tui.widgets.source_view import SourceView


class PaneHeader(Widget):
    """Two lines: the pane's title, then language · direction · counts."""

    def __init__(self, doc: PaneDoc, bidi: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.bidi = bidi

    def set_bidi(self, mode: str) -> None:
        self.bidi = mode
        self.refresh()

    def facts(self, width: int) -> Text:
        """language · direction · counts, in the longest wording that fits `width`."""
        doc = self.doc
        n, x = doc.claim_count, doc.contradiction_count
        warn = len(doc.warnings)
        wordings = [
            (
                f"{doc.language} · {doc.direction} · {n} claim{'s' * (n != 1)}",
                f"{x} contradiction{'s' * (x != 1)}",
                f"{warn} warning{'s' * (warn != 1)}",
            ),
            (f"{doc.language} {doc.direction} · {n} claims", f"{x} contra.", f"{warn} warn."),
            (f"{doc.language} {doc.direction} {n}c", f"{x}≠", f"{warn}!"),
        ]
        for base, contradictions, warnings in wordings:
            facts = Text(base)
            facts.append(" · ")
            facts.append(contradictions, style="bold" if x else "")
            if warn:
                facts.append(" · ")
                facts.append(warnings, style="italic")
            if facts.cell_len <= width:
                return facts
        facts.truncate(width, overflow="ellipsis")
        return facts

    def render(self) -> Text:
        doc, width = self.doc, self.size.width
        title = labels.one_line(doc.title, width, doc.direction, self.bidi, "bold")
        if doc.direction == "rtl" and self.bidi == "app":
            title.align("right", width)
        facts = self.facts(width)
        return Text("\n").join([title, facts])


class SourcePane(Vertical):
    """A source (or a speaker) shown in one column."""

    def __init__(self, doc: PaneDoc, bidi: str, index: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.index = index
        self._bidi = bidi
        self.add_class(f"-{doc.direction}")

    def compose(self) -> ComposeResult:
        yield PaneHeader(self.doc, self._bidi)
        yield SourceView(self.doc, self._bidi)

    @property
    def view(self) -> SourceView:
        return self.query_one(SourceView)

    def set_bidi(self, mode: str) -> None:
        self._bidi = mode
        self.query_one(PaneHeader).set_bidi(mode)
        self.view.bidi = mode
