"""Plain functions of the app: document building, search folding, terminal sequences, labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_tui_fixture import make_report

from riwaya.tui import labels, terminal
from riwaya.tui.document import (
    SPEAKER_GAP,
    Numbering,
    claim_roles,
    finding_kinds,
    source_docs,
    speaker_docs,
)
from riwaya.tui.search import find_all
from riwaya.tui.widgets.source_view import build_layout


def test_source_docs_keep_offsets_and_roles() -> None:
    report = make_report()
    roles = claim_roles(report)
    for doc in source_docs(report):
        for span in doc.spans:
            claim = report.claim(span.claim_id)
            assert doc.text[span.start : span.end] == claim.text
            assert span.role == roles.get(claim.id, "plain")
    contradicted = {c for f in report.contradictions for c in f.claims}
    assert all(roles[c] == "contradiction" for c in contradicted)


def test_speaker_docs_hold_each_speakers_claims() -> None:
    report = make_report()
    docs = speaker_docs(report, "s1")
    assert len(docs) == len({c.speaker_id for c in report.claims_of("s1")})
    for doc in docs:
        assert doc.key.startswith("s1/")
        for span in doc.spans:
            assert doc.text[span.start : span.end] == report.claim(span.claim_id).text
        assert doc.text.count(SPEAKER_GAP) == len(doc.spans) - 1


def test_numbering_labels_contradictions_then_corroborations() -> None:
    report = make_report()
    numbering = Numbering.of(report)
    assert numbering.label(report.contradictions[0]) == "1"
    assert numbering.label(report.corroborations[1]) == "=2"
    assert finding_kinds(report)[0] == report.contradictions[0].kind


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("أعلنَ الجيشُ", "اعلن", ["أعلنَ"]),
        ("كذّب المصدر", "كذب", ["كذّب"]),
        ("إلى القرية", "الي القريه", ["إلى القرية"]),
        ("آلاف وأكثر", "الاف", ["آلاف"]),
        ("مقاتلـــين", "مقاتلين", ["مقاتلـــين"]),
        ("The Army said the army", "ARMY", ["Army", "army"]),
        ("nothing here", "zz", []),
        ("anything", "  ", []),
    ],
)
def test_search_folds_arabic_and_case(text: str, query: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_all(text, query)] == found


@given(
    st.text(alphabet="ابتةىيأإآ ًٌٍَُِّْـ", max_size=40), st.text(alphabet="ابتةىي", min_size=1, max_size=3)
)
def test_search_spans_stay_inside_the_text(text: str, query: str) -> None:
    for start, end in find_all(text, query):
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("mode", "env", "expected"),
    [
        ("app", {}, "\x1b[8l"),
        ("terminal", {}, "\x1b[8h"),
        ("app", {"TMUX": "/tmp/tmux-0/default,1,0"}, "\x1bPtmux;\x1b\x1b[8l\x1b\\"),
    ],
)
def test_bidi_sequences(mode: str, env: dict, expected: str) -> None:
    assert terminal.bidi_sequence(mode, env) == expected


def test_restore_and_warnings() -> None:
    assert terminal.restore_sequence({}) == "\x1b[8h"
    assert terminal.restore_sequence({"TMUX": "x"}) == "\x1bPtmux;\x1b\x1b[8h\x1b\\"
    assert terminal.reordering_terminal({"KONSOLE_VERSION": "230804"}) == "Konsole"
    assert terminal.reordering_terminal({"TERM": "mlterm-256color"}) == "mlterm"
    assert terminal.reordering_terminal({"TERM_PROGRAM": "iTerm.app"}) == "iTerm2"
    assert terminal.reordering_terminal({"TERM": "xterm-256color"}) is None
    assert [terminal.next_mode(m) for m in terminal.BIDI_MODES] == ["terminal", "off", "app"]


@pytest.mark.parametrize("width", [20, 34, 50, 80])
def test_layout_rows_cover_every_claim(width: int) -> None:
    report = make_report()
    for doc in source_docs(report):
        layout = build_layout(doc, width, "app")
        assert all(len(row.cells) == width for row in layout.rows)
        for span in doc.spans:
            row = layout.rows[layout.row_of(span.start)]
            assert row.start <= span.start < row.end
        marked = {s.claim_id for spans in layout.markers.values() for s in spans}
        assert marked == {s.claim_id for s in doc.spans if s.markers}


@pytest.mark.parametrize(
    ("text", "direction"),
    [("نحو ١٢ جنديا قتلوا في الهجوم", "rtl"), ("as many as 40 soldiers", "ltr")],
)
def test_one_line_fits_and_marks_the_cut(text: str, direction: str) -> None:
    short = labels.one_line(text, 10, direction, "app")
    assert short.cell_len <= 10
    assert "…" in short.plain
    whole = labels.one_line(text, 60, direction, "app")
    assert "…" not in whole.plain and whole.cell_len == len(text)
    if direction == "rtl":
        assert short.plain.startswith("…"), "an RTL line goes on to the left"
