"""What each pane shows, derived from a `Report`: text, claim spans and their roles.

The app never re-analyses text. This module only rearranges what the engine found into
the shape the panes need: one `PaneDoc` per source (or per speaker of one source), the
number every contradiction carries, and the role of each claim (contradicted,
corroborated, plain). No Textual import: it is tested as plain functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from riwaya.core.model import Claim, Finding, Report
from riwaya.core.review import finding_labels

Role = Literal["contradiction", "corroboration", "plain"]
ViewMode = Literal["source", "speaker"]

SPEAKER_GAP = "\n\n"
"""What separates two claims in a speaker pane."""


@dataclass(frozen=True)
class ClaimSpan:
    """A claim as it stands in one pane's text (offsets into `PaneDoc.text`)."""

    claim_id: str
    start: int
    end: int
    role: Role
    markers: tuple[str, ...]
    """Labels of the findings the claim takes part in, contradictions first ("1", "=2")."""


@dataclass(frozen=True)
class PaneDoc:
    """Everything one pane displays."""

    key: str
    title: str
    subtitle: str
    language: str
    direction: str
    text: str
    spans: tuple[ClaimSpan, ...]
    contradiction_count: int
    warnings: tuple[str, ...] = ()

    @property
    def claim_count(self) -> int:
        return len(self.spans)

    def span_of(self, claim_id: str) -> ClaimSpan | None:
        return next((s for s in self.spans if s.claim_id == claim_id), None)


@dataclass(frozen=True)
class Numbering:
    """The label each finding carries on screen: contradictions "1", "2"..., hand-marked
    ones "M1"..., corroborations "=1", "=2"... (the exports use the same labels)."""

    labels: dict[str, str]

    @classmethod
    def of(cls, report: Report) -> Numbering:
        return cls(finding_labels(report))

    def label(self, finding: Finding) -> str:
        return self.labels.get(finding.id, "?")


def claim_roles(report: Report) -> dict[str, Role]:
    """Contradicted claims win over corroborated ones; claims in no finding are plain."""
    roles: dict[str, Role] = {}
    for finding in report.corroborations:
        for claim_id in finding.claims:
            roles[claim_id] = "corroboration"
    for finding in report.contradictions:
        for claim_id in finding.claims:
            roles[claim_id] = "contradiction"
    return roles


def claim_markers(report: Report) -> dict[str, tuple[str, ...]]:
    """For each claim, the labels of the findings it belongs to, in report order."""
    numbering = Numbering.of(report)
    markers: dict[str, list[str]] = {}
    for finding in report.findings:
        for claim_id in dict.fromkeys(finding.claims):
            markers.setdefault(claim_id, []).append(numbering.label(finding))
    return {claim_id: tuple(labels) for claim_id, labels in markers.items()}


def _span(claim: Claim, start: int, roles: dict[str, Role], markers: dict) -> ClaimSpan:
    return ClaimSpan(
        claim.id,
        start,
        start + len(claim.text),
        roles.get(claim.id, "plain"),
        markers.get(claim.id, ()),
    )


def _contradiction_count(report: Report, claim_ids: Iterable[str]) -> int:
    ids = set(claim_ids)
    return sum(1 for f in report.contradictions if ids.intersection(f.claims))


def source_docs(report: Report) -> list[PaneDoc]:
    """One pane per source, showing its whole text."""
    roles, markers = claim_roles(report), claim_markers(report)
    docs = []
    for source in report.sources:
        claims = sorted(report.claims_of(source.id), key=lambda c: (c.start, c.end))
        spans = tuple(_span(c, c.start, roles, markers) for c in claims)
        docs.append(
            PaneDoc(
                key=source.id,
                title=source.label,
                subtitle=source.origin,
                language=source.language,
                direction=source.direction,
                text=source.text,
                spans=spans,
                contradiction_count=_contradiction_count(report, (c.id for c in claims)),
                warnings=source.warnings,
            )
        )
    return docs


def speaker_docs(report: Report, source_id: str) -> list[PaneDoc]:
    """One pane per speaker of one source, showing that speaker's claims in order."""
    source = report.source(source_id)
    roles, markers = claim_roles(report), claim_markers(report)
    claims = sorted(report.claims_of(source_id), key=lambda c: (c.start, c.end))
    names = {s.id: s.name for s in report.speakers if s.source == source_id}
    order: dict[str, list[Claim]] = {}
    for claim in claims:
        order.setdefault(claim.speaker_id, []).append(claim)
    docs = []
    for speaker_id, said in order.items():
        parts: list[str] = []
        spans: list[ClaimSpan] = []
        offset = 0
        for claim in said:
            if parts:
                parts.append(SPEAKER_GAP)
                offset += len(SPEAKER_GAP)
            spans.append(_span(claim, offset, roles, markers))
            parts.append(claim.text)
            offset += len(claim.text)
        docs.append(
            PaneDoc(
                key=f"{source_id}/{speaker_id}",
                title=names.get(speaker_id) or said[0].speaker or speaker_id,
                subtitle=source.label,
                language=source.language,
                direction=source.direction,
                text="".join(parts),
                spans=tuple(spans),
                contradiction_count=_contradiction_count(report, (c.id for c in said)),
            )
        )
    return docs


def finding_kinds(report: Report) -> list[str]:
    """The kinds of finding in the report, contradictions' first, each once."""
    return list(dict.fromkeys(f.kind for f in report.findings))
