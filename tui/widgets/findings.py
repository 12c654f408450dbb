"""The findings panel: contradictions, then corroborations, each with its review status,
the review's progress, and the selected finding's explanation and note."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from riwaya.core.model import Finding, Report
from riwaya.core.review import Review, Status
from riwaya.tui import labels
from riwaya.tui.document import Numbering

SEPARATOR = {"contradiction": " ≠ ", "corroboration": " = "}
STATUS_MARK: dict[str, str] = {"open": "·", "confirmed": "✓", "dismissed": "✗"}
NOTE_MARK = "✎"


def confidence_text(finding: Finding) -> str:
    text = f"{finding.confidence:.0%}"
    return f"{text} unsure" if finding.unsure else text


def describe_side(report: Report, claim_id: str, width: int, mode: str) -> Text:
    """A claim's beginning on one line, laid out for its source's direction."""
    claim = report.claim(claim_id)
    direction = report.source(claim.source).direction
    return labels.one_line(claim.text, width, direction, mode)


def finding_prompt(
    report: Report,
    finding: Finding,
    label: str,
    width: int,
    mode: str,
    roomy: bool,
    mark: Text | None = None,
) -> Text:
    """How one finding reads in the list: one line, or three when there is room.

    `mark` (the review status) leads the line when given."""
    style = "bold" if finding.type == "contradiction" else ""
    head = (mark or Text()) + Text(f"{label:>3} ", style=style)
    head.append(finding.kind)
    head.append(f" {confidence_text(finding)}", style="italic" if finding.unsure else "dim")
    a, b = finding.claims
    if roomy:
        side = max(8, width - 6)
        return Text("\n").join(
            [
                head,
                Text("    ") + describe_side(report, a, side, mode),
                Text(f"  {SEPARATOR[finding.type].strip()} ")
                + describe_side(report, b, side, mode),
            ]
        )
    room = width - head.cell_len - 4
    side = max(6, room // 2)
    line = head + Text("  ")
    line += describe_side(report, a, side, mode)
    line.append(SEPARATOR[finding.type], style="bold")
    line += describe_side(report, b, side, mode)
    line.truncate(width, overflow="ellipsis")
    return line


class FindingsPanel(Vertical):
    """Lists the findings under the current filters and shows the selected one's explanation."""

    COMPONENT_CLASSES = {
        "findings--open",
        "findings--confirmed",
        "findings--dismissed",
        "findings--note",
    }

    class Selected(Message):
        """The user moved to a finding: the panes should show its claims."""

        def __init__(self, finding_id: str) -> None:
            super().__init__()
            self.finding_id = finding_id

    class Opened(Message):
        """The user pressed enter on a finding: show its details."""

        def __init__(self, finding_id: str) -> None:
            super().__init__()
            self.finding_id = finding_id

    def __init__(
        self,
        review: Review,
        bidi: str,
        kind: str | None = None,
        status: Status | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.review = review
        self.numbering = Numbering.of(review.report)
        self.bidi = bidi
        self.kind = kind
        self.status = status
        self.roomy = False
        self.selected: str | None = None
        self._shown: list[Finding] = []
        self._width = 0

    @property
    def report(self) -> Report:
        return self.review.report

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield OptionList(id="findings-list")
        yield Static(id="findings-explanation")

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        width = self.query_one(OptionList).scrollable_content_region.width
        if width != self._width:
            self._rebuild()

    # ---- what the screen asks of the panel ------------------------------------

    @property
    def shown(self) -> list[Finding]:
        """The findings listed under the current filters, in order."""
        return self._shown

    def set_review(self, review: Review) -> None:
        """The review changed (a decision, a note, a hand-marked finding): show it."""
        self.review = review
        self.numbering = Numbering.of(review.report)
        self._rebuild()

    def set_filter(self, kind: str | None) -> None:
        self.kind = kind
        self._rebuild()

    def set_status_filter(self, status: Status | None) -> None:
        self.status = status
        self._rebuild()

    def set_bidi(self, mode: str) -> None:
        self.bidi = mode
        self._rebuild()

    def set_roomy(self, roomy: bool) -> None:
        if roomy != self.roomy:
            self.roomy = roomy
            self._rebuild()

    def select(self, finding_id: str | None) -> None:
        """Highlight `finding_id` in the list and show its explanation."""
        self.selected = finding_id
        option_list = self.query_one(OptionList)
        index = next((i for i, f in enumerate(self._shown) if f.id == finding_id), None)
        if index is not None and option_list.highlighted != index:
            option_list.highlighted = index
        self._explain()

    # ---- internals ---------------------------------------------------------------

    def _mark(self, finding: Finding) -> Text:
        decision = self.review.decision(finding.id)
        mark = Text(STATUS_MARK[decision.status], self._style(decision.status))
        mark.append(NOTE_MARK if decision.note.strip() else " ", self._style("note"))
        return mark

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"findings--{name}", partial=True)

    def _rebuild(self) -> None:
        option_list = self.query_one(OptionList)
        self._width = width = option_list.scrollable_content_region.width
        report, review = self.report, self.review
        self._shown = [
            f
            for f in report.findings
            if self.kind in (None, f.kind) and self.status in (None, review.status(f.id))
        ]
        self.query_one("#findings-title", Static).update(self._title(width))
        options = [
            Option(
                finding_prompt(
                    report,
                    f,
                    self.numbering.label(f),
                    max(20, width),
                    self.bidi,
                    self.roomy,
                    self._mark(f),
                ),
                id=f.id,
            )
            for f in self._shown
        ]
        option_list.set_options(options)
        if not options:
            option_list.set_options([Option("No findings under this filter.", disabled=True)])
        index = next((i for i, f in enumerate(self._shown) if f.id == self.selected), None)
        if index is not None:
            with option_list.prevent(OptionList.OptionHighlighted):
                option_list.highlighted = index
        self._explain()

    def _title(self, width: int) -> Text:
        """Counts under the current filters and the review's progress, in the longest
        wording that fits."""
        x = sum(1 for f in self._shown if f.type == "contradiction")
        k = len(self._shown) - x
        done, total = self.review.progress
        where = "".join(f" · {value}" for value in (self.kind, self.status) if value)
        for wording in (
            f"{x} contradiction{'s' * (x != 1)} · {k} corroboration{'s' * (k != 1)}{where}"
            f" · {done} of {total} reviewed",
            f"{x} contradictions · {k} corrob.{where} · {done}/{total} reviewed",
            f"{x} ≠ · {k} ={where} · {done}/{total} ✓",
        ):
            title = Text.assemble(("Findings ", "bold"), wording)
            if title.cell_len <= width:
                break
        title.truncate(max(1, width), overflow="ellipsis")
        return title

    def _explain(self) -> None:
        static = self.query_one("#findings-explanation", Static)
        finding = next((f for f in self.report.findings if f.id == self.selected), None)
        if finding is None:
            static.update(
                Text("n/p next/previous · c confirm · x dismiss · e note · enter details", "dim")
            )
            return
        label = self.numbering.label(finding)
        decision = self.review.decision(finding.id)
        head = Text.assemble(
            (f"{label} {finding.type} · {finding.kind} · ", "bold"),
            (confidence_text(finding), "italic" if finding.unsure else ""),
            (" (the engine is not sure)" if finding.unsure else "", "italic"),
            " · ",
            (decision.status, self._style(decision.status)),
            (f" {NOTE_MARK}" if decision.note.strip() else "", self._style("note")),
        )
        width = max(10, static.size.width or self._width)
        lines = 6 if self.roomy else 2
        body = labels.block(finding.explanation, width, "ltr", self.bidi, max_lines=lines)
        static.update(head + Text("\n") + body)

    @on(OptionList.OptionHighlighted, "#findings-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.selected = event.option.id
            self._explain()
            self.post_message(self.Selected(event.option.id))

    @on(OptionList.OptionSelected, "#findings-list")
    def _opened(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Opened(event.option.id))
