"""The journalist's review laid over a report: decisions, notes and hand-marked findings.

A decision is keyed by what its finding is about, not by the finding's id or offsets: the
folded text of both claims and the finding's kind. A re-analysis that renumbers findings
or shifts offsets still meets every decision whose claims kept their words; the others are
kept and listed as unmatched, never dropped. No I/O here: `store` keeps, this decides.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from riwaya.core.arabic import fold
from riwaya.core.model import Claim, Finding, Report

Status = Literal["open", "confirmed", "dismissed"]
STATUSES: tuple[Status, ...] = ("open", "confirmed", "dismissed")
MANUAL = "manual"
"""The kind of a finding the journalist marked by hand."""


def _folded(text: str) -> str:
    return fold(" ".join(text.split()))


def content_key(kind: str, text_a: str, text_b: str) -> str:
    """What a finding is about, independent of ids, offsets, order and spelling variants."""
    sides = sorted((_folded(text_a), _folded(text_b)))
    return hashlib.sha256("\x1f".join((kind, *sides)).encode()).hexdigest()[:24]


def keys_for(findings: Iterable[tuple[str, str, str, str]]) -> dict[str, str]:
    """Content keys of (id, kind, text A, text B) in order; a repeat gets `.2`, `.3`..."""
    seen: Counter[str] = Counter()
    keys = {}
    for finding_id, kind, text_a, text_b in findings:
        key = content_key(kind, text_a, text_b)
        seen[key] += 1
        keys[finding_id] = key if seen[key] == 1 else f"{key}.{seen[key]}"
    return keys


def finding_keys(report: Report) -> dict[str, str]:
    """The content key of every finding of `report`, by finding id."""
    return keys_for(
        (f.id, f.kind, report.claim(f.claims[0]).text, report.claim(f.claims[1]).text)
        for f in report.findings
    )


@dataclass(frozen=True)
class Decision:
    """What the journalist decided about one finding.

    `kind` and `sides` (the two claims' texts) are a copy of what was decided about, so
    that a decision whose finding is gone after a re-analysis can still be shown.
    """

    key: str
    status: Status = "open"
    note: str = ""
    kind: str = ""
    sides: tuple[str, str] = ("", "")
    updated: str = ""

    @property
    def reviewed(self) -> bool:
        return self.status != "open"

    @property
    def worth_keeping(self) -> bool:
        """An open decision without a note says nothing: it is not listed when unmatched."""
        return self.reviewed or bool(self.note.strip())


@dataclass(frozen=True)
class Side:
    """One claim of a hand-marked finding: its source and its words."""

    source: str
    text: str


@dataclass(frozen=True)
class ManualFinding:
    """A contradiction the engine missed, marked by the journalist between two claims."""

    key: str
    sides: tuple[Side, Side]
    created: str

    @classmethod
    def between(cls, a: Claim, b: Claim, created: str) -> ManualFinding:
        return cls(
            content_key(MANUAL, a.text, b.text),
            (Side(a.source, a.text), Side(b.source, b.text)),
            created,
        )


@dataclass(frozen=True)
class Review:
    """A report with the review over it: what every view and export shows.

    `report` holds the engine's findings and, after its contradictions, the resolved
    hand-marked ones (kind `manual`, ids `m1`, `m2`... in the order they were marked).
    """

    report: Report
    keys: Mapping[str, str]
    decisions: Mapping[str, Decision]
    manual: tuple[ManualFinding, ...] = ()
    lost_manual: tuple[ManualFinding, ...] = ()
    """Hand-marked findings whose claims are no longer in the report."""

    def decision(self, finding_id: str) -> Decision:
        key = self.keys[finding_id]
        return self.decisions.get(key) or Decision(key)

    def status(self, finding_id: str) -> Status:
        return self.decision(finding_id).status

    def finding_by_key(self, key: str) -> Finding | None:
        finding_id = next((f for f, k in self.keys.items() if k == key), None)
        return None if finding_id is None else _finding(self.report, finding_id)

    def between(self, claim_a: str, claim_b: str) -> Finding | None:
        """A contradiction already found between these two claims, if any."""
        pair = {claim_a, claim_b}
        return next((f for f in self.report.contradictions if set(f.claims) == pair), None)

    @property
    def progress(self) -> tuple[int, int]:
        """(reviewed, total) over every finding."""
        findings = self.report.findings
        return sum(1 for f in findings if self.decision(f.id).reviewed), len(findings)

    def counts(self) -> Counter[Status]:
        return Counter(self.status(f.id) for f in self.report.findings)

    @property
    def unmatched(self) -> tuple[Decision, ...]:
        """Decisions whose finding is not in this report (kept, and shown, never dropped)."""
        present = set(self.keys.values())
        return tuple(d for d in self.decisions.values() if d.key not in present and d.worth_keeping)

    def decided(self, finding_id: str, *, updated: str, **changes: str) -> Decision:
        """The decision on `finding_id` with `changes` (status, note), ready to store."""
        finding = _finding(self.report, finding_id)
        if finding is None:
            raise KeyError(finding_id)
        a, b = (self.report.claim(c).text for c in finding.claims)
        current = self.decision(finding_id)
        return replace(current, kind=finding.kind, sides=(a, b), updated=updated, **changes)

    def with_decision(self, decision: Decision) -> Review:
        return replace(self, decisions={**self.decisions, decision.key: decision})


def _finding(report: Report, finding_id: str) -> Finding | None:
    return next((f for f in report.findings if f.id == finding_id), None)


def overlay(
    report: Report, decisions: Mapping[str, Decision], manual: Sequence[ManualFinding] = ()
) -> Review:
    """Lay the stored review over `report`: find the hand-marked claims again, key it all."""
    by_text: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_text.setdefault(_folded(claim.text), []).append(claim)
    found: list[Finding] = []
    lost: list[ManualFinding] = []
    for number, marked in enumerate(manual, start=1):
        a, b = (_resolve(side, by_text) for side in marked.sides)
        if a is None or b is None or a.id == b.id:
            lost.append(marked)
            continue
        found.append(
            Finding(
                id=f"m{number}",
                type="contradiction",
                kind=MANUAL,
                claims=(a.id, b.id),
                explanation=f"Marked by hand: {_who(a)} against {_who(b)}.",
                confidence=1.0,
            )
        )
    merged = replace(report, contradictions=report.contradictions + tuple(found))
    keys = finding_keys(merged)
    return Review(
        report=merged,
        keys=keys,
        decisions=dict(decisions),
        manual=tuple(manual),
        lost_manual=tuple(lost),
    )


def _resolve(side: Side, by_text: Mapping[str, list[Claim]]) -> Claim | None:
    """The claim with the side's words: in the same source if it is still there."""
    candidates = by_text.get(_folded(side.text), [])
    same = [c for c in candidates if c.source == side.source]
    return (same or candidates or [None])[0]


def _who(claim: Claim) -> str:
    return f"{claim.speaker or 'the source'} ({claim.source})"


def finding_labels(report: Report) -> dict[str, str]:
    """The label each finding carries wherever it is shown: contradictions "1", "2"...,
    hand-marked ones "M1", "M2"..., corroborations "=1", "=2"..."""
    engine = [f for f in report.contradictions if f.kind != MANUAL]
    manual = [f for f in report.contradictions if f.kind == MANUAL]
    labels = {f.id: str(i) for i, f in enumerate(engine, 1)}
    labels |= {f.id: f"M{i}" for i, f in enumerate(manual, 1)}
    labels |= {f.id: f"={i}" for i, f in enumerate(report.corroborations, 1)}
    return labels


def summary(review: Review) -> str:
    """How far the review is, in one line."""
    reviewed, total = review.progress
    counts = review.counts()
    return (
        f"{reviewed} of {total} findings reviewed: {counts['confirmed']} confirmed, "
        f"{counts['dismissed']} dismissed, {counts['open']} open."
    )
