"""The report as text, Markdown or JSON: what `riwaya check` prints.

Source text reaches a terminal here, so every string passes `printable` first:
the loader already neutralized controls, and this is the last line of defence.
"""

from __future__ import annotations

import json
import unicodedata

from riwaya.core.model import Claim, Finding, Report

FORMATS = ("text", "markdown", "json")


def printable(text: str) -> str:
    """Replace any control or bidi-format character with a visible marker."""
    return "".join(
        c
        if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf") or c in "\u200c\u200d"
        else "\ufffd"
        for c in text
    )


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return _markdown(report)
    return _text(report)


def _short(claim: Claim, limit: int = 90) -> str:
    text = " ".join(claim.text.split())
    return printable(text if len(text) <= limit else text[: limit - 1] + "…")


def _sure(finding: Finding) -> str:
    return f"{finding.confidence:.2f}" + (" (unsure)" if finding.unsure else "")


def _text(report: Report) -> str:
    lines = []
    for source in report.sources:
        claims = report.claims_of(source.id)
        lines.append(
            f"[{source.id}] {printable(source.label)} ({source.language}, {source.direction}, "
            f"{len(claims)} claims)"
        )
        lines.extend(f"    ! {printable(w)}" for w in source.warnings)
    lines.extend(f"skipped: {printable(s)}" for s in report.skipped)
    for title, findings in (
        ("Contradictions", report.contradictions),
        ("Corroborations", report.corroborations),
    ):
        lines.append("")
        lines.append(f"{title}: {len(findings)}")
        for finding in findings:
            first, second = (report.claim(c) for c in finding.claims)
            lines.append(f"  {finding.id} [{finding.kind}] confidence {_sure(finding)}")
            lines.append(f"      {printable(finding.explanation)}")
            lines.append(f"      {first.source} {printable(first.speaker)}: «{_short(first)}»")
            lines.append(f"      {second.source} {printable(second.speaker)}: «{_short(second)}»")
    return "\n".join(lines)


def _markdown(report: Report) -> str:
    lines = ["# riwaya report", "", "## Sources", ""]
    for source in report.sources:
        count = len(report.claims_of(source.id))
        lines.append(f"- **{source.id}** {_md(source.label)} ({source.language}, {count} claims)")
    for title, findings in (
        ("Contradictions", report.contradictions),
        ("Corroborations", report.corroborations),
    ):
        lines += ["", f"## {title} ({len(findings)})", ""]
        for finding in findings:
            first, second = (report.claim(c) for c in finding.claims)
            lines.append(f"### {finding.id} · {finding.kind} · confidence {_sure(finding)}")
            lines.append("")
            lines.append(_md(finding.explanation))
            lines.append("")
            for claim in (first, second):
                lines.append(
                    f"> **{_md(claim.speaker)}** ({claim.source}): {_md(_short(claim, 300))}"
                )
                lines.append(">")
            lines.pop()
            lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    escaped = printable(text)
    for char in "\\`*_[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def render_claims(report: Report) -> str:
    """`riwaya claims`: every claim with its speaker and what was read in it."""
    lines = []
    for claim in report.claims:
        details = [claim.polarity]
        details += [f"{q.key}={q.describe()}" for q in claim.quantities]
        details += [f"{t.kind}:{t.value}" for t in claim.times]
        details += [f"place:{printable(p.span.text)}" for p in claim.places]
        if claim.opinion:
            details.append("opinion")
        lines.append(
            f"{claim.id}  {printable(claim.speaker)} [{claim.attribution}]  {', '.join(details)}"
        )
        lines.append(f"    «{_short(claim, 160)}»")
    return "\n".join(lines)
