"""The review over a report: content keys, hand-marked findings, and decisions carried over
when a source file changed and the workspace is re-analysed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.core.engine import analyze
from riwaya.core.inputs import sources_from_specs
from riwaya.core.model import Report
from riwaya.core.review import (
    MANUAL,
    Decision,
    ManualFinding,
    content_key,
    finding_keys,
    finding_labels,
    overlay,
    summary,
)
from riwaya.core.workspace import Workspace, reanalysed, suggested_path


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قُتِلَ أربعون جندياً", "قتل اربعون جنديا"),  # harakat, hamza, tanwin
        ("مقتل ١٢ شخصاً", "مقتل 12 شخصا"),  # Arabic-Indic digits
        ("نحو  400\nغارة", "نحو 400 غارة"),  # white space
        ("Twelve People Killed", "twelve people killed"),  # case
    ],
)
def test_content_keys_ignore_spelling_variants(a: str, b: str) -> None:
    assert content_key("numeric", a, "x") == content_key("numeric", b, "x")


def test_content_keys_ignore_order_but_not_kind_or_words() -> None:
    assert content_key("numeric", "a b", "c d") == content_key("numeric", "c d", "a b")
    assert content_key("numeric", "a b", "c d") != content_key("temporal", "a b", "c d")
    assert content_key("numeric", "40 killed", "x") != content_key("numeric", "41 killed", "x")


def test_keys_survive_renumbered_ids_and_shifted_offsets() -> None:
    report = make_report()
    keys = finding_keys(report)
    shifted = Report(
        sources=tuple(replace(s, text="\n" + s.text) for s in report.sources),
        speakers=report.speakers,
        claims=tuple(
            replace(c, id=f"new-{c.id}", start=c.start + 1, end=c.end + 1) for c in report.claims
        ),
        contradictions=tuple(
            replace(f, id=f"z{i}", claims=tuple(f"new-{c}" for c in f.claims))
            for i, f in enumerate(reversed(report.contradictions))
        ),
        corroborations=report.corroborations[:0],
    )
    moved = finding_keys(shifted)
    assert set(moved.values()) == {keys[f.id] for f in report.contradictions}


def test_repeated_pairs_get_distinct_keys() -> None:
    report = make_report()
    twice = replace(report, contradictions=report.contradictions + report.contradictions[:1])
    twice = replace(
        twice,
        contradictions=twice.contradictions[:-1] + (replace(twice.contradictions[-1], id="again"),),
    )
    keys = finding_keys(twice)
    assert len(set(keys.values())) == len(keys)
    assert keys["again"] == keys[report.contradictions[0].id] + ".2"


def test_overlay_counts_progress_and_lists_unmatched() -> None:
    report = make_report()
    keys = finding_keys(report)
    first = report.contradictions[0]
    decisions = {
        keys[first.id]: Decision(keys[first.id], "confirmed"),
        "gone": Decision("gone", "dismissed", "a note", "numeric", ("a", "b")),
        "idle": Decision("idle", "open"),
    }
    review = overlay(report, decisions)
    assert review.status(first.id) == "confirmed"
    assert review.status(report.contradictions[1].id) == "open"
    assert review.progress == (1, len(report.findings))
    assert [d.key for d in review.unmatched] == ["gone"], "an open decision without note is noise"
    assert summary(review).startswith(f"1 of {len(report.findings)} findings reviewed")


def test_hand_marked_findings_resolve_by_content_and_get_labels() -> None:
    report = make_report()
    a, b = report.claims[0], report.claims[-1]
    marked = ManualFinding.between(a, b, "t")
    review = overlay(report, {}, [marked])
    finding = review.report.contradictions[-1]
    assert (finding.id, finding.kind, finding.claims) == ("m1", MANUAL, (a.id, b.id))
    assert review.keys["m1"] == marked.key
    assert finding_labels(review.report)["m1"] == "M1"
    assert review.between(b.id, a.id) == finding
    # The claim's words changed in a re-analysis: the mark is kept and listed, not dropped.
    changed = replace(
        report,
        claims=tuple(replace(c, text=c.text + "!") if c.id == a.id else c for c in report.claims),
    )
    lost = overlay(changed, {}, [marked])
    assert lost.lost_manual == (marked,)
    assert all(f.kind != MANUAL for f in lost.report.findings)


def test_suggested_names_do_not_take_an_existing_file(tmp_path: Path) -> None:
    report = make_report(1)
    sample = replace(report, sources=(replace(report.sources[0], origin="sample:border/x.txt"),))
    assert suggested_path(sample, tmp_path) == tmp_path / "border.riwaya"
    (tmp_path / "border.riwaya").write_text("")
    assert suggested_path(sample, tmp_path) == tmp_path / "border-2.riwaya"
    url = replace(report, sources=(replace(report.sources[0], origin="https://x.org/a"),))
    assert suggested_path(url, tmp_path) == tmp_path / "review.riwaya"


# ---- a real workspace over real files, re-analysed ---------------------------------------

MINISTRY = "قالت وزارة الصحة إن 40 شخصا قتلوا في الهجوم يوم الخميس.\n"
OBSERVATORY = "The observatory said 12 people were killed in the attack on Thursday.\n"


def numeric(workspace: Workspace) -> list[str]:
    """Ids of the toll contradictions between the two files."""
    return [f.id for f in workspace.review.report.contradictions if f.kind == "numeric"]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "ministry.txt", tmp_path / "observatory.txt"
    a.write_text(MINISTRY, encoding="utf-8")
    b.write_text(OBSERVATORY, encoding="utf-8")
    return a, b


@pytest.fixture
def workspace(files, tmp_path: Path):
    sources, _ = sources_from_specs([str(p) for p in files])
    made = Workspace.create(tmp_path / "story.riwaya", analyze(sources))
    yield made
    made.close()


def reopen_after_edit(workspace: Workspace) -> Workspace:
    """What `riwaya open` does after an edit: find the change, re-analyse, adopt."""
    changes = workspace.changed_sources()
    assert [c.source.id for c in changes] == ["s2"]
    workspace.adopt(reanalysed(workspace.analysis, changes))
    assert workspace.changed_sources() == []
    path = workspace.path
    workspace.close()
    return Workspace.open(path)


def test_unchanged_files_are_not_reported(workspace: Workspace) -> None:
    assert workspace.changed_sources() == []


def test_decisions_follow_their_claims_when_offsets_shift(workspace, files) -> None:
    [toll] = numeric(workspace)
    workspace.decide(toll, "confirmed")
    workspace.write_note(toll, "أكدت المستشفى 12")
    before = max(c.start for c in workspace.analysis.claims_of("s2"))
    files[1].write_text("Heavy fighting was reported overnight.\n\n" + OBSERVATORY, "utf-8")
    reopened = reopen_after_edit(workspace)
    try:
        assert max(c.start for c in reopened.analysis.claims_of("s2")) > before
        [again] = numeric(reopened)
        decision = reopened.review.decision(again)
        assert (decision.status, decision.note) == ("confirmed", "أكدت المستشفى 12")
        assert reopened.review.unmatched == ()
    finally:
        reopened.close()


def test_decisions_that_no_longer_match_are_kept_and_listed(workspace, files) -> None:
    [toll] = numeric(workspace)
    workspace.decide(toll, "dismissed")
    workspace.write_note(toll, "the observatory corrected its count")
    files[1].write_text(OBSERVATORY.replace("12", "15"), "utf-8")
    reopened = reopen_after_edit(workspace)
    try:
        [new] = numeric(reopened)
        assert reopened.review.status(new) == "open"
        [kept] = reopened.review.unmatched
        assert (kept.status, kept.note, kept.kind) == (
            "dismissed",
            "the observatory corrected its count",
            "numeric",
        )
        assert "12 people were killed" in " ".join(kept.sides)
    finally:
        reopened.close()


def test_a_missing_file_keeps_the_stored_text(workspace, files) -> None:
    files[1].unlink()
    [change] = workspace.changed_sources()
    assert change.text is None and "no such file" in change.reason
    report = reanalysed(workspace.analysis, [change])
    assert report.source("s2").text == OBSERVATORY
