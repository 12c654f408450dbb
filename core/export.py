"""The reviewed report for the story desk: Markdown, JSON or a self-contained HTML page.

JSON is the schema of `riwaya check --format json` plus a `review` object on every finding
and one at the top; Markdown and HTML lead with the confirmed contradictions. Files are
written atomically, and an existing one is replaced only when the caller says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from riwaya.core import html_report
from riwaya.core.atomic import write_atomic
from riwaya.core.model import Finding
from riwaya.core.report import printable
from riwaya.core.review import MANUAL, Review, finding_labels, summary

FORMATS = ("markdown", "json", "html")
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}


def render(review: Review, fmt: str, title: str) -> str:
    if fmt == "json":
        return json.dumps(as_json(review, title), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return html_report.render(review, title)
    return markdown(review, title)


def write(review: Review, fmt: str, target: Path, *, title: str, overwrite: bool) -> None:
    """Write the export to `target` in one step; `TargetExists` unless `overwrite`."""
    write_atomic(target, render(review, fmt, title).encode("utf-8"), overwrite=overwrite)


def default_target(workspace: Path, fmt: str) -> Path:
    """`story.riwaya` exports to `story.md`, `story.json`, `story.html` beside it."""
    return workspace.with_suffix(SUFFIXES[fmt])


# ---- JSON -----------------------------------------------------------------------------


def as_json(review: Review, title: str) -> dict[str, Any]:
    data = review.report.to_dict()
    labels = finding_labels(review.report)
    for group in ("contradictions", "corroborations"):
        for item in data[group]:
            decision = review.decision(item["id"])
            item["review"] = {
                "label": labels[item["id"]],
                "origin": "manual" if item["kind"] == MANUAL else "engine",
                "status": decision.status,
                "note": decision.note,
                "updated": decision.updated or None,
                "key": decision.key,
            }
    reviewed, total = review.progress
    data["review"] = {
        "workspace": title,
        "reviewed": reviewed,
        "total": total,
        "counts": {
            status: review.counts()[status] for status in ("confirmed", "dismissed", "open")
        },
        "unmatched": [
            {
                "key": d.key,
                "status": d.status,
                "note": d.note,
                "kind": d.kind,
                "claims": list(d.sides),
                "updated": d.updated or None,
            }
            for d in review.unmatched
        ],
        "unmatched_manual": [
            {
                "key": m.key,
                "claims": [{"source": s.source, "text": s.text} for s in m.sides],
                "created": m.created,
            }
            for m in review.lost_manual
        ],
    }
    return data


# ---- Markdown -------------------------------------------------------------------------


def markdown(review: Review, title: str) -> str:
    report = review.report
    labels = finding_labels(report)
    lines = [f"# riwaya review: {_md(title)}", "", summary(review), "", "## Sources", ""]
    for source in report.sources:
        count = len(report.claims_of(source.id))
        lines.append(f"- **{source.id}** {_md(source.label)} ({source.language}, {count} claims)")

    def chosen(findings: Iterable[Finding], status: str) -> list[Finding]:
        return [f for f in findings if review.status(f.id) == status]

    confirmed = chosen(report.contradictions, "confirmed")
    lines += ["", f"## Confirmed contradictions ({len(confirmed)})", ""]
    if not confirmed:
        lines += ["None yet.", ""]
    for finding in confirmed:
        lines += _md_finding(review, finding, labels[finding.id])
    agreed = chosen(report.corroborations, "confirmed")
    if agreed:
        lines += [f"## Confirmed corroborations ({len(agreed)})", ""]
        for finding in agreed:
            lines += _md_finding(review, finding, labels[finding.id])
    for status, heading in (("open", "Still open"), ("dismissed", "Dismissed")):
        group = chosen(report.findings, status)
        if group:
            lines += [f"## {heading} ({len(group)})", ""]
            lines += [_md_item(review, f, labels[f.id]) for f in group]
            lines.append("")
    if review.unmatched or review.lost_manual:
        count = len(review.unmatched) + len(review.lost_manual)
        lines += [f"## Decisions that no longer match a finding ({count})", ""]
        for d in review.unmatched:
            sides = " / ".join(f"«{_md(_flat(side))}»" for side in d.sides)
            lines.append(f"- {d.status} · {d.kind or 'finding'} · {sides}{_md_note_inline(d.note)}")
        for m in review.lost_manual:
            sides = " / ".join(f"«{_md(_flat(s.text))}» ({s.source})" for s in m.sides)
            lines.append(f"- marked by hand · {sides}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_finding(review: Review, finding: Finding, label: str) -> list[str]:
    report = review.report
    how = (
        "marked by hand"
        if finding.kind == MANUAL
        else f"{finding.kind} · confidence {finding.confidence:.2f}"
    )
    lines = [f"### {label} · {how}", "", _md(finding.explanation), ""]
    for claim_id in finding.claims:
        claim = report.claim(claim_id)
        speaker = _md(claim.speaker or "the source")
        lines += [f"> **{speaker}** ({claim.source}): {_md(_flat(claim.text))}", ">"]
    lines[-1] = ""
    note = review.decision(finding.id).note.strip()
    if note:
        body = "\\\n".join(_md(line) for line in note.splitlines())
        lines += [f"**Note:** {body}", ""]
    return lines


def _md_item(review: Review, finding: Finding, label: str) -> str:
    note = review.decision(finding.id).note
    return f"- **{label}** · {finding.kind} · {_md(finding.explanation)}{_md_note_inline(note)}"


def _md_note_inline(note: str) -> str:
    return f" — note: {_md(_flat(note))}" if note.strip() else ""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    escaped = printable(text)
    for char in "\\`*_[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
