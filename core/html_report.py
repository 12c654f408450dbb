"""The review as one self-contained HTML page: every confirmed contradiction, both sides.

Each side shows the paragraph around its claim with the claim in `<mark>`; Arabic blocks
carry `dir="rtl" lang="ar"`, so the browser lays them out natively (nothing is reordered
here: the page holds logical text). Every string from a source or a note is escaped, the
page loads nothing (no scripts, fonts or images) and its Content-Security-Policy forbids
it to: it can be mailed, archived and opened offline.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from riwaya.core.model import Claim, Finding, Source
from riwaya.core.review import MANUAL, Review, finding_labels, summary

CONTEXT = 240
"""Characters of the claim's paragraph shown on each side of it, at most."""

STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --mark: #ffe08a; --accent: #b42318; --paper: #ffffff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink);
  background: var(--paper); font: 16px/1.6 system-ui, "Segoe UI", "Noto Sans",
  "Noto Naskh Arabic", "Geeza Pro", Tahoma, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem;
  margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.summary, .meta { color: var(--muted); }
.finding { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem;
  margin: 1.25rem 0; break-inside: avoid; }
.label { display: inline-block; min-width: 2rem; padding: 0 .4rem; margin-inline-end: .4rem;
  border-radius: .3rem; background: var(--accent); color: #fff; text-align: center; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  gap: 1rem; margin-top: .75rem; }
.who { margin: 0 0 .25rem; font-weight: 600; }
blockquote { margin: 0; padding: .5rem 1rem; background: var(--soft);
  border-inline-start: 4px solid var(--accent); white-space: pre-line; }
blockquote[dir="rtl"] { font-size: 1.1em; line-height: 1.9; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .15em; }
.note { margin-top: .75rem; padding: .5rem 1rem; border-radius: .4rem; background: var(--soft); }
.note p { margin: .1rem 0; }
ul.sources { padding-inline-start: 1.25rem; }
""".strip()


def render(review: Review, title: str) -> str:
    """The whole page as a string."""
    return "\n".join(_page(review, title)) + "\n"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _page(review: Review, title: str) -> Iterator[str]:
    report = review.report
    labels = finding_labels(report)
    confirmed = [f for f in report.contradictions if review.status(f.id) == "confirmed"]
    yield "<!DOCTYPE html>"
    yield '<html lang="en" dir="ltr">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield (
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield '<meta name="generator" content="riwaya">'
    yield f"<title>riwaya review: {_esc(title)}</title>"
    yield f"<style>\n{STYLE}\n</style>"
    yield "</head>"
    yield "<body>"
    yield "<header>"
    yield f'<h1>riwaya review: <bdi dir="auto">{_esc(title)}</bdi></h1>'
    yield f'<p class="summary">{_esc(summary(review))}</p>'
    yield "</header>"
    yield '<section id="sources">'
    yield "<h2>Sources</h2>"
    yield '<ul class="sources">'
    for source in report.sources:
        count = len(report.claims_of(source.id))
        yield (
            f"<li><b>{_esc(source.id)}</b> {_in(source, source.label)} "
            f'<span class="meta">· {source.language} · {count} claims · '
            f"{_esc(source.origin)}</span></li>"
        )
    yield "</ul>"
    yield "</section>"
    yield '<section id="confirmed">'
    yield f"<h2>Confirmed contradictions ({len(confirmed)})</h2>"
    if not confirmed:
        yield "<p>None yet.</p>"
    for finding in confirmed:
        yield from _finding(review, finding, labels[finding.id])
    yield "</section>"
    yield "</body>"
    yield "</html>"


def _finding(review: Review, finding: Finding, label: str) -> Iterator[str]:
    report = review.report
    how = (
        "marked by hand"
        if finding.kind == MANUAL
        else f"{finding.kind} · engine confidence {finding.confidence:.2f}"
    )
    yield f'<article class="finding" id="finding-{_esc(label)}">'
    yield f'<h3><span class="label">{_esc(label)}</span><span class="meta">{_esc(how)}</span></h3>'
    yield f'<p class="explanation" dir="ltr">{_esc(finding.explanation)}</p>'
    yield '<div class="sides">'
    for side, claim_id in zip("AB", finding.claims, strict=True):
        claim = report.claim(claim_id)
        source = report.source(claim.source)
        yield f'<section class="side side-{side.lower()}">'
        speaker = claim.speaker if claim.speaker and claim.speaker != source.label else ""
        said = f" · {_in(source, speaker)}" if speaker else ""
        yield f'<p class="who">{side} · {_in(source, source.label)}{said}</p>'
        yield (
            f'<blockquote dir="{source.direction}" lang="{source.language}">'
            f"{_quote(source, claim)}</blockquote>"
        )
        yield "</section>"
    yield "</div>"
    note = review.decision(finding.id).note.strip()
    if note:
        yield '<div class="note">'
        yield '<p class="meta">Note</p>'
        for line in note.splitlines():
            yield f'<p dir="auto">{_esc(line)}</p>'
        yield "</div>"
    yield "</article>"


def _in(source: Source, text: str) -> str:
    """A short string in the source's language, isolated from the text around it."""
    return f'<bdi dir="{source.direction}" lang="{source.language}">{_esc(text)}</bdi>'


def _quote(source: Source, claim: Claim) -> str:
    """The claim's paragraph (cut to `CONTEXT` on each side, at spaces), claim marked."""
    text = source.text
    start = text.rfind("\n", 0, claim.start) + 1
    end = text.find("\n", claim.end)
    end = len(text) if end < 0 else end
    before, after = text[start : claim.start], text[claim.end : end]
    if len(before) > CONTEXT:
        cut = before[-CONTEXT:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > CONTEXT:
        cut = after[:CONTEXT]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return f"{_esc(before)}<mark>{_esc(claim.text)}</mark>{_esc(after)}"
