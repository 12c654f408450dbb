"""Exports of a reviewed workspace: golden files, the parsed HTML page, atomic writing, CLI.

Regenerate the golden files with `RIWAYA_UPDATE_GOLDEN=1 pytest tests/test_export.py` and
read the diff before committing it: a changed golden file is a changed report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.core import export
from riwaya.core.atomic import write_atomic
from riwaya.core.errors import OutputError
from riwaya.core.model import Claim, Finding, Report, Source
from riwaya.core.review import Decision, overlay
from riwaya.core.workspace import Workspace
from riwaya.core.workspace_errors import TargetExists

GOLDEN = Path(__file__).parent / "data" / "export"
UPDATE = bool(os.environ.get("RIWAYA_UPDATE_GOLDEN"))


def fixed_clock():  # noqa: ANN201 - a Clock
    minutes = iter(range(60))
    return lambda: f"2025-01-10T10:{next(minutes):02d}:00+00:00"


@pytest.fixture
def reviewed(tmp_path: Path) -> Workspace:
    """The hand-made report with every kind of review state, as the goldens show it."""
    report = make_report()
    workspace = Workspace.create(tmp_path / "border-attack.riwaya", report, clock=fixed_clock())
    x = report.contradictions
    workspace.decide(x[0].id, "confirmed")
    workspace.write_note(x[0].id, "المرصد يؤكد ١٢ قتيلا\nCalled the observatory: they stand by 12.")
    workspace.decide(x[1].id, "dismissed")
    workspace.write_note(x[1].id, "Same figure as finding 1, carried by the wire.")
    workspace.decide(x[6].id, "confirmed")
    workspace.decide(report.corroborations[0].id, "confirmed")
    s2 = report.claims_of("s2")
    s4 = report.claims_of("s4")
    marked = workspace.mark(s2[0].id, s4[-1].id)
    workspace.write_note(marked, "Ask both when the strikes began.")
    stale = Decision("0" * 24, "confirmed", "kept from before", "temporal", ("فجر", "evening"), "t")
    workspace.store.put_decision(stale)
    workspace.close()
    reopened = Workspace.open(workspace.path, write=False)
    yield reopened
    reopened.close()


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_golden(reviewed: Workspace, fmt: str) -> None:
    text = export.render(reviewed.review, fmt, reviewed.name)
    golden = GOLDEN / f"review{export.SUFFIXES[fmt]}"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_leads_with_confirmed_contradictions(reviewed: Workspace) -> None:
    text = export.render(reviewed.review, "markdown", reviewed.name)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[1] == "## Confirmed contradictions (3)"
    assert "### M1 · marked by hand" in text
    assert "**Note:** المرصد يؤكد ١٢ قتيلا\\\nCalled the observatory" in text
    assert "## Decisions that no longer match a finding (1)" in text


def test_json_is_the_check_schema_plus_review_fields(reviewed: Workspace) -> None:
    data = json.loads(export.render(reviewed.review, "json", reviewed.name))
    assert data["schema"] == 1
    for claim in data["claims"]:
        source = next(s for s in data["sources"] if s["id"] == claim["source"])
        assert source["text"][claim["start"] : claim["end"]] == claim["text"]
    for finding in data["contradictions"] + data["corroborations"]:
        assert set(finding) >= {"id", "kind", "claims", "explanation", "confidence", "review"}
        assert set(finding["review"]) == {"label", "origin", "status", "note", "updated", "key"}
    manual = [f for f in data["contradictions"] if f["review"]["origin"] == "manual"]
    assert [(f["kind"], f["review"]["label"], f["review"]["status"]) for f in manual] == [
        ("manual", "M1", "confirmed")
    ]
    top = data["review"]
    assert (top["reviewed"], top["total"]) == (
        5,
        len(data["contradictions"] + data["corroborations"]),
    )
    assert top["unmatched"][0]["note"] == "kept from before"


# ---- the HTML page, parsed --------------------------------------------------------------


class Page(HTMLParser):
    """Every element with its attributes and the text directly inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_in: dict[str, list[str]] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for tag in self.open:
            self.text_in.setdefault(tag, []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]


HOSTILE_AR = "قال الشاهد <script>alert('ar')</script> إن 40 قتلوا & جرح آخرون."
HOSTILE_EN = 'The agency said "12" <img src=x onerror=alert(1)> were killed.'


def hostile_report() -> Report:
    sources = (
        Source("s1", "شاهد <b>عيان</b>", "a.txt", "ar", "rtl", HOSTILE_AR),
        Source("s2", "Wire </title><script>", "b.txt", "en", "ltr", HOSTILE_EN),
    )
    a = Claim("c1", "s1", 0, len(HOSTILE_AR) - 1, HOSTILE_AR[:-1], "الشاهد", "s1-w", "affirmed")
    b = Claim("c2", "s2", 4, len(HOSTILE_EN) - 1, HOSTILE_EN[4:-1], "<agency>", "s2-a", "affirmed")
    finding = Finding("x1", "contradiction", "numeric", ("c1", "c2"), "40 <vs> 12 & more", 0.9)
    return Report(sources, (), (a, b), (finding,), ())


def test_html_escapes_every_source_string_and_sets_directions(tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "<x>.riwaya", hostile_report())
    workspace.decide("x1", "confirmed")
    workspace.write_note("x1", "<script>bad()</script>\nسطر عربي")
    page_text = export.render(workspace.review, "html", "<x>")
    workspace.close()
    page = Page()
    page.feed(page_text)
    tags = {name for name, _ in page.elements}
    assert "script" not in tags and "img" not in tags and "b" in tags  # <b> is ours only
    assert not any(t in tags for t in ("link", "iframe", "object", "embed", "base"))
    assert not any("src" in attrs or "href" in attrs for _, attrs in page.elements)
    assert all(attrs.get("dir") != "auto" or name in ("p", "bdi") for name, attrs in page.elements)
    quotes = page.all("blockquote")
    assert [(q["dir"], q["lang"]) for q in quotes] == [("rtl", "ar"), ("ltr", "en")]
    text = "".join(page.text_in["blockquote"])
    assert "<script>alert('ar')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "".join(page.text_in["mark"]) == HOSTILE_AR[:-1] + HOSTILE_EN[4:-1]
    assert "<script>bad()</script>" in "".join(page.text_in["p"])
    labels = [a for a in page.all("bdi") if a.get("lang") == "ar"]
    assert labels and all(a["dir"] == "rtl" for a in labels)
    assert "</title><script>" in "".join(page.text_in["bdi"])
    csp = next(m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (csp["content"] or "")


def test_html_keeps_long_paragraphs_short_around_the_claim() -> None:
    claim = "the agency said 12 were killed"
    text = "words " * 400 + claim + " more" * 400 + "\nnext paragraph"
    start = text.index(claim)
    source = Source("s1", "long", "a.txt", "en", "ltr", text)
    c1 = Claim("c1", "s1", start, start + len(claim), claim, "", "s1-a", "affirmed")
    c2 = Claim("c2", "s1", len(text) - 14, len(text), "next paragraph", "", "s1-a", "affirmed")
    finding = Finding("x1", "contradiction", "numeric", ("c1", "c2"), "e", 0.9)
    review = overlay(Report((source,), (), (c1, c2), (finding,), ()), {})
    review = review.with_decision(Decision(review.keys["x1"], "confirmed"))
    page = Page()
    page.feed(export.render(review, "html", "t"))
    first, second = page.text_in["blockquote"][:3], page.text_in["blockquote"][3:]
    shown = "".join(first)
    assert shown.startswith("…words") and shown.endswith("more…")
    assert len(shown) <= 2 * 241 + len(claim)
    assert "".join(second) == "next paragraph", "a quote stops at its paragraph"


# ---- writing files ------------------------------------------------------------------------


def test_atomic_write_refuses_to_replace_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"one")
    with pytest.raises(TargetExists, match="already exists"):
        write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    write_atomic(target, b"two", overwrite=True)
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"], "no temporary file is left"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError, match=f"^could not write {target}: disk full$"):
        write_atomic(target, b"new" * 1000, overwrite=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def riwaya(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "riwaya", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=120,
    )


def test_cli_export_writes_files_and_refuses_to_replace_them(reviewed: Workspace, tmp_path):
    out = tmp_path / "story.html"
    result = riwaya("export", str(reviewed.path), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8") == export.render(reviewed.review, "html", reviewed.name)
    again = riwaya("export", str(reviewed.path), "--format", "html", "-o", str(out))
    assert again.returncode == 2
    assert again.stderr.startswith("riwaya: ") and "already exists" in again.stderr
    assert again.stderr.strip().count("\n") == 0 and "Traceback" not in again.stderr
    forced = riwaya("export", str(reviewed.path), "--format", "json", "-o", str(out), "--force")
    assert forced.returncode == 0 and json.loads(out.read_text("utf-8"))["schema"] == 1


def test_cli_export_prints_markdown_by_default(reviewed: Workspace) -> None:
    result = riwaya("export", str(reviewed.path.with_suffix("")))
    assert result.returncode == 0, result.stderr
    assert result.stdout == export.render(reviewed.review, "markdown", reviewed.name)


def test_cli_export_reads_while_the_app_writes(reviewed: Workspace) -> None:
    writer = Workspace.open(reviewed.path)
    try:
        writer.decide(writer.review.report.contradictions[3].id, "confirmed")
        result = riwaya("export", str(reviewed.path), "--format", "json")
    finally:
        writer.close()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["review"]["reviewed"] == 6


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no workspace at"),
        (lambda p: p.write_text("hello"), "not a riwaya workspace"),
    ],
)
def test_cli_export_errors_are_one_line(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "x.riwaya"
    make(path)
    result = riwaya("export", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith("riwaya: ") and message in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_cli_export_notes_changed_sources(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("The ministry said 30 people were killed in the flood.\n", "utf-8")
    assert riwaya("check", str(source)).returncode == 0
    from riwaya.core.engine import analyze
    from riwaya.core.inputs import sources_from_specs

    sources, _ = sources_from_specs([str(source)])
    Workspace.create(tmp_path / "w.riwaya", analyze(sources)).close()
    source.write_text("The ministry said 31 people were killed in the flood.\n", "utf-8")
    result = riwaya("export", str(tmp_path / "w.riwaya"))
    assert result.returncode == 0
    assert "changed since it was analysed; exporting the stored analysis" in result.stderr
    assert "30 people" in result.stdout or "Sources" in result.stdout


@pytest.mark.parametrize(
    ("output", "force", "cause"),
    [
        ("nowhere/dir/x.md", False, "its folder {tmp}/nowhere/dir does not exist"),
        ("folder", False, "it is a folder"),
        ("folder", True, "it is a folder"),
    ],
    ids=["no-folder", "folder", "folder-forced"],
)
def test_cli_export_that_cannot_be_written_is_one_line(
    reviewed: Workspace, tmp_path: Path, output: str, force: bool, cause: str
) -> None:
    (tmp_path / "folder").mkdir()
    target = tmp_path / output
    result = riwaya("export", str(reviewed.path), "-o", str(target), *["--force"] * force)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"riwaya: could not write {target}: {cause.format(tmp=tmp_path)}\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_cli_export_to_a_full_disk_is_one_line(reviewed: Workspace) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "riwaya", "export", str(reviewed.path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "riwaya: could not write to standard output: no space left on device\n"
