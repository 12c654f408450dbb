"""Details of one finding: both claims in full, who said them, and why they disagree."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from riwaya.core.model import Finding, Report
from riwaya.core.review import Decision
from riwaya.tui import labels
from riwaya.tui.document import Numbering
from riwaya.tui.screens.note import preview
from riwaya.tui.widgets.findings import confidence_text


class FindingDetails(Static):
    """The finding laid out at the widget's width (source text through the bidi layout)."""

    def __init__(
        self,
        report: Report,
        finding: Finding,
        label: str,
        bidi: str,
        decision: Decision | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.finding = finding
        self.label = label
        self.bidi = bidi
        self.decision = decision

    def on_resize(self) -> None:
        self.update(self.describe(max(10, self.size.width)))

    def describe(self, width: int) -> Text:
        finding = self.finding
        out = [
            Text.assemble(
                (f"{finding.type.capitalize()} {self.label}", "bold"),
                f" · {finding.kind} · confidence {confidence_text(finding)}",
            )
        ]
        if finding.unsure:
            out.append(Text("The engine is not sure of this one: check both texts.", "italic"))
        out += [Text(), labels.block(finding.explanation, width, "ltr", self.bidi)]
        if finding.cue:
            out.append(labels.after_label("Decided by: ", finding.cue, width, self.bidi))
        if self.decision is not None:
            out.append(Text.assemble(("Review: ", "dim"), (self.decision.status, "bold")))
            if self.decision.note.strip():
                out.append(preview(self.decision.note, width, self.bidi))
        for side, claim_id in zip("AB", finding.claims, strict=True):
            claim = self.report.claim(claim_id)
            source = self.report.source(claim.source)
            out.append(Text())
            head = Text(f"{side} ", "bold reverse")
            head += Text(" ") + labels.one_line(
                source.label, width - 4, source.direction, self.bidi
            )
            out.append(head)
            speaker = Text("  speaker: ", "dim")
            speaker += labels.one_line(
                claim.speaker or "the source", width - 12, source.direction, self.bidi
            )
            speaker.append(f" · {claim.polarity}", "dim")
            out.append(speaker)
            out.append(labels.block(claim.text, width, source.direction, self.bidi))
        result = Text("\n").join(out)
        result.no_wrap = True
        return result


class FindingScreen(ModalScreen[None]):
    """A modal over the report; escape, enter or q closes it."""

    BINDINGS = [
        Binding("escape,enter,q", "close", "Close"),
    ]

    def __init__(
        self,
        report: Report,
        finding: Finding,
        numbering: Numbering,
        bidi: str,
        decision: Decision | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.finding = finding
        self.numbering = numbering
        self.bidi = bidi
        self.decision = decision

    def compose(self) -> ComposeResult:
        label = self.numbering.label(self.finding)
        with VerticalScroll(id="finding-box") as box:
            box.border_title = f"Finding {label}"
            box.border_subtitle = "esc close"
            yield FindingDetails(self.report, self.finding, label, self.bidi, self.decision)

    def action_close(self) -> None:
        self.dismiss(None)
